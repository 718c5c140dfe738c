import { Alert, Badge, Box, Divider, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, type ReviewDimension } from '../../electron/rules/jointReview';
import type { IndicatorLayout, ReviewParty, ReviewRoundView, TargetSnapshot } from '../../electron/bridge/contract';
import { diffSnapshots, diffSummary, isUnchanged } from './snapshotDiff';
import { SnapshotView } from './SnapshotView';
import { formatTime } from '../common/formatTime';
import { GRADE_COLOR, outcomeText } from './targetLabels';

interface RoundHistoryProps {
  rounds: ReviewRoundView[];
  /** The target as it stands now, shown after the last round when it has changed since. */
  current: TargetSnapshot;
  layout: IndicatorLayout;
  classNames: ReadonlyMap<number, string>;
}

const DIMENSIONS = Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[];

/**
 * 会审历史: every round side by side — the three opinions, the result, and the target as reviewed,
 * each version marked where it differs from the one before.
 */
export function RoundHistory({ rounds, current, layout, classNames }: RoundHistoryProps) {
  if (rounds.length === 0) return <Alert color="gray">还没有会审记录。</Alert>;
  const last = rounds.at(-1)!;
  const sinceLast = diffSnapshots(last.snapshot, current);
  const columns = [
    ...rounds.map((r, i) => ({
      key: `round-${r.id}`,
      round: r as ReviewRoundView | null,
      snapshot: r.snapshot,
      previous: i > 0 ? rounds[i - 1]!.snapshot : null,
      previousLabel: i > 0 ? `第 ${rounds[i - 1]!.roundNo} 轮` : '',
    })),
    ...(isUnchanged(sinceLast)
      ? []
      : [{ key: 'current', round: null, snapshot: current, previous: last.snapshot, previousLabel: `第 ${last.roundNo} 轮` }]),
  ];

  return (
    <Box style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', overflowX: 'auto', alignItems: 'stretch' }} pb="xs">
      {columns.map((c) => (
        <Paper
          key={c.key}
          withBorder
          p="md"
          component="section"
          aria-label={c.round ? `第 ${c.round.roundNo} 轮会审` : '当前内容'}
          style={{ flex: '1 0 360px', maxWidth: columns.length === 1 ? 640 : undefined }}
        >
          <Stack gap="sm">
            {c.round ? <RoundHeader round={c.round} /> : <Title order={4}>当前内容（第 {last.roundNo} 轮之后）</Title>}
            {c.previous && (
              <Text fz="sm" fw={500} c="yellow.9" aria-label="与上一版比较">
                较{c.previousLabel}修改：{diffSummary(diffSnapshots(c.previous, c.snapshot))}
              </Text>
            )}
            {c.round && <Opinions round={c.round} />}
            <Divider label={c.round ? '本轮会审的目标内容' : '修改后的目标内容'} labelPosition="left" />
            <SnapshotView snapshot={c.snapshot} previous={c.previous} layout={layout} classNames={classNames} />
          </Stack>
        </Paper>
      ))}
    </Box>
  );
}

function RoundHeader({ round }: { round: ReviewRoundView }) {
  return (
    <Stack gap={4}>
      <Group gap="sm">
        <Title order={4}>第 {round.roundNo} 轮</Title>
        {round.result ? (
          <Badge size="lg" color={GRADE_COLOR[round.result]}>
            {round.result}
          </Badge>
        ) : (
          <Badge variant="light">会审中</Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed">
        提交于 {formatTime(round.startedAt)}
        {round.decidedAt ? `；${round.decidedBy ?? ''} 于 ${formatTime(round.decidedAt)} 作出结论` : ''}
      </Text>
      {round.result && (
        <Text fz="sm" fw={500}>
          结论：{outcomeText(round.result)}
        </Text>
      )}
      {round.resultNote && <Text fz="sm">说明：{round.resultNote}</Text>}
    </Stack>
  );
}

/** The three parties' grades and comments in one round. */
export function Opinions({ round }: { round: ReviewRoundView }) {
  const byParty = new Map(round.opinions.map((o) => [o.party, o]));
  return (
    <Stack gap={6}>
      {(Object.keys(REVIEW_PARTIES) as ReviewParty[]).map((party) => {
        const o = byParty.get(party);
        return (
          <Box key={party} p={6} style={{ borderRadius: 4, background: 'var(--mantine-color-gray-0)' }}>
            <Text fz="sm" fw={600}>
              {REVIEW_PARTIES[party]}
              {o?.reviewer ? `（${o.reviewer}）` : ''}
            </Text>
            {o ? (
              <>
                <Group gap={4} mt={2}>
                  {DIMENSIONS.map((d) => (
                    <Badge key={d} size="sm" variant="light" color={GRADE_COLOR[o[d]]} style={{ textTransform: 'none' }}>
                      {REVIEW_DIMENSIONS[d]} {o[d]}
                    </Badge>
                  ))}
                </Group>
                {o.opinion && (
                  <Text fz="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                    {o.opinion}
                  </Text>
                )}
              </>
            ) : (
              <Text fz="sm" c="dimmed">
                未提出意见
              </Text>
            )}
          </Box>
        );
      })}
    </Stack>
  );
}
