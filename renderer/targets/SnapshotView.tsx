import { Badge, Box, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { placeIndicator } from '../../electron/rules/indicatorRules';
import { formatWanYuan } from '../../electron/rules/money';
import { TARGET_PERIODS, type IndicatorLayout, type TargetSnapshot } from '../../electron/bridge/contract';
import { diffSnapshots, FUND_LABELS, identity, indicatorValueText, TEXT_LABELS, type FundField, type TextField } from './snapshotDiff';
import { PERIOD_LABELS } from './targetDraft';

interface SnapshotViewProps {
  snapshot: TargetSnapshot;
  /** The version before, when there is one: what differs from it is highlighted. */
  previous: TargetSnapshot | null;
  layout: IndicatorLayout;
  classNames: ReadonlyMap<number, string>;
}

const CHANGED_BG = 'var(--mantine-color-yellow-1)';
const ADDED_BG = 'var(--mantine-color-green-1)';

/** A target as it stood (a round's snapshot, an adjustment's before/after), with the changes marked. */
export function SnapshotView({ snapshot, previous, layout, classNames }: SnapshotViewProps) {
  const diff = previous ? diffSnapshots(previous, snapshot) : null;
  const changedTexts = new Set<TextField>(diff?.texts ?? []);
  const changedFunds = new Set<FundField>(diff?.funds ?? []);
  const added = new Set(diff?.added.map(identity) ?? []);
  const changed = new Map(diff?.changed.map((c) => [identity(c.after), c]) ?? []);
  const className = (id: number | null) => (id === null ? '（未选）' : (classNames.get(id) ?? `类别 ${id}`));
  const hasMid = snapshot.midTotalFen !== null || previous?.midTotalFen != null;

  return (
    <Stack gap="xs">
      <Field label="指标类别" changed={!!diff?.classChanged} before={previous ? className(previous.indicatorClassId) : null}>
        {className(snapshot.indicatorClassId)}
      </Field>
      {(Object.keys(TEXT_LABELS) as TextField[])
        .filter((f) => snapshot[f] || previous?.[f])
        .map((f) => (
          <Field key={f} label={TEXT_LABELS[f]} changed={changedTexts.has(f)} before={previous ? (previous[f] ?? '（空）') : null}>
            {snapshot[f] || '（空）'}
          </Field>
        ))}
      <Box>
        <Text fz="xs" c="dimmed" fw={600}>
          资金（万元）
        </Text>
        <Group gap={6} mt={2}>
          {(Object.keys(FUND_LABELS) as FundField[])
            .filter((f) => hasMid || !f.startsWith('mid'))
            .map((f) => (
              <Box
                key={f}
                px={6}
                py={2}
                fz="sm"
                style={{ borderRadius: 4, background: changedFunds.has(f) ? CHANGED_BG : 'var(--mantine-color-gray-0)' }}
                title={changedFunds.has(f) && previous ? `原为 ${money(previous[f])}` : undefined}
              >
                {FUND_LABELS[f]} {money(snapshot[f])}
                {changedFunds.has(f) && previous && (
                  <Text span fz="xs" c="dimmed" td="line-through" ml={4}>
                    {money(previous[f])}
                  </Text>
                )}
              </Box>
            ))}
        </Group>
      </Box>
      {TARGET_PERIODS.map((period) => {
        const rows = snapshot.indicators.filter((i) => i.period === period);
        const removed = diff?.removed.filter((i) => i.period === period) ?? [];
        if (rows.length === 0 && removed.length === 0) return null;
        return (
          <Box key={period}>
            <Text fz="xs" c="dimmed" fw={600}>
              {PERIOD_LABELS[period]}（{rows.length} 个）
            </Text>
            <Stack gap={2} mt={2}>
              {rows.map((i) => {
                const place = placeIndicator(i.level1, i.level2, layout);
                const change = changed.get(identity(i));
                const isNew = added.has(identity(i));
                return (
                  <Box
                    key={identity(i)}
                    px={6}
                    py={1}
                    fz="sm"
                    style={{ borderRadius: 4, background: isNew ? ADDED_BG : change ? CHANGED_BG : undefined }}
                  >
                    <Text span fz="xs" c="dimmed">
                      {place.level2.replace(/指标$/, '')}｜
                    </Text>
                    {i.name}：{indicatorValueText(i)}
                    {isNew && (
                      <Badge size="xs" color="green" variant="light" ml={6}>
                        新增
                      </Badge>
                    )}
                    {change && (
                      <Text span fz="xs" c="dimmed" ml={6}>
                        （原：{indicatorValueText(change.before)}
                        {change.before.name !== i.name ? `，名称原为“${change.before.name}”` : ''}）
                      </Text>
                    )}
                  </Box>
                );
              })}
              {removed.map((i) => (
                <Box
                  key={`removed-${identity(i)}`}
                  px={6}
                  py={1}
                  fz="sm"
                  c="red.8"
                  style={{ borderRadius: 4, background: 'var(--mantine-color-red-0)' }}
                >
                  <Text span td="line-through" fz="sm">
                    {i.name}：{indicatorValueText(i)}
                  </Text>
                  <Badge size="xs" color="red" variant="light" ml={6}>
                    已删除
                  </Badge>
                </Box>
              ))}
            </Stack>
          </Box>
        );
      })}
    </Stack>
  );
}

function Field({ label, changed, before, children }: { label: string; changed: boolean; before: string | null; children: ReactNode }) {
  return (
    <Box>
      <Text fz="xs" c="dimmed" fw={600}>
        {label}
        {changed && (
          <Badge size="xs" color="yellow" variant="filled" ml={6}>
            已修改
          </Badge>
        )}
      </Text>
      <Text fz="sm" px={changed ? 6 : 0} style={{ whiteSpace: 'pre-wrap', borderRadius: 4, background: changed ? CHANGED_BG : undefined }}>
        {children}
      </Text>
      {changed && before !== null && (
        <Text fz="xs" c="dimmed" td="line-through" style={{ whiteSpace: 'pre-wrap' }}>
          {before}
        </Text>
      )}
    </Box>
  );
}

function money(fen: number | null): string {
  return fen === null ? '—' : formatWanYuan(fen);
}
