import { Badge, Button, Group, Loader, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { formatWanYuan } from '../../electron/rules/money';
import {
  DEVIATION_REASONS,
  ENTRY_FIELD_LABELS,
  LIKELIHOODS,
  QUALITATIVE_LEVELS,
  entryValueProblem,
  requiredEntryFields,
  type EntryField,
} from '../../electron/rules/monitoringLabels';
import { COLOUR_LABELS, indicatorLine } from '../../electron/rules/warningLines';
import { formatPercent } from '../../electron/rules/numberFormat';
import type { DeviationReason, Likelihood, MonitoringEntryInput, MonitoringForm, MonitoringFormRow } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { useCall } from '../bridge/useCall';
import { BackWithGuard } from '../common/BackWithGuard';
import { FormAlert } from '../common/FormAlert';
import { LoadError } from '../common/LoadError';
import { useBridgeForm } from '../common/useBridgeForm';
import { COLOUR_COLOR } from './monitoringView';

interface MonitoringFormPageProps {
  roundId: number;
  targetId: number;
  onBack: () => void;
  onSaved: () => void;
}

const FIELDS: readonly (EntryField | 'key')[] = [
  'key',
  'currentValue',
  'expectedValue',
  'likelihood',
  'deviationReason',
  'explanation',
  'correctiveAction',
];

const entryOf = (r: MonitoringFormRow): MonitoringEntryInput => ({
  key: r.key,
  currentValue: r.currentValue,
  expectedValue: r.expectedValue,
  likelihood: r.likelihood,
  deviationReason: r.deviationReason,
  explanation: r.explanation,
  correctiveAction: r.correctiveAction,
});

/** 绩效监控表 of one target for the round: each annual indicator's progress, with its live colour. */
export function MonitoringFormPage({ roundId, targetId, onBack, onSaved }: MonitoringFormPageProps) {
  const loaded = useCall('monitoring.form', { roundId, targetId });
  if (loaded.error && !loaded.data) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Loader aria-label="正在读取监控表" />;
  return <FormEditor key={loaded.data.rows.map((r) => r.updatedAt).join()} form={loaded.data} onBack={onBack} onSaved={onSaved} />;
}

function FormEditor({ form: initial, onBack, onSaved }: { form: MonitoringForm; onBack: () => void; onSaved: () => void }) {
  const [form, setForm] = useState(initial);
  const [entries, setEntries] = useState<MonitoringEntryInput[]>(() => initial.rows.map(entryOf));
  const fieldNames = useMemo(() => initial.rows.flatMap((_, i) => FIELDS.map((f) => `entries.${i}.${f}`)), [initial.rows]);
  const bridge = useBridgeForm(fieldNames);
  const dirty = JSON.stringify(entries) !== JSON.stringify(form.rows.map(entryOf));
  const rules = form.rules;

  function change(i: number, patch: Partial<MonitoringEntryInput>) {
    setEntries((list) => list.map((e, j) => (j === i ? { ...e, ...patch } : e)));
    for (const f of Object.keys(patch)) bridge.clearError(`entries.${i}.${f}`);
  }

  async function save() {
    const saved = await bridge.submit(() => ledger.monitoring.saveForm({ roundId: form.round.id, targetId: form.target.id, entries }));
    if (!saved) return;
    setForm(saved);
    setEntries(saved.rows.map(entryOf));
    notifications.show({ color: 'green', title: '已保存监控表', message: `${saved.target.name}：已填报 ${saved.filled} 个指标` });
    onSaved();
  }

  const t = form.target;
  return (
    <Stack gap="md">
      <BackWithGuard label="← 返回" dirty={dirty} what="监控表" onBack={onBack} />
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>绩效监控表：{t.name}</Title>
          <Text c="dimmed" fz="sm">
            {form.round.name}（截至 {form.round.asOfMonth} 月底，序时进度 {formatPercent(form.timeProgress)}） · {t.unitName}
            {t.departmentName !== t.unitName ? ` · 主管部门 ${t.departmentName}` : ''}
          </Text>
        </div>
        <Group gap="xs">
          <Text fz="sm">
            绩效目标完成情况：
            <Badge color={COLOUR_COLOR[form.colour]} variant={form.colour === 'none' ? 'outline' : 'filled'}>
              {COLOUR_LABELS[form.colour]}
            </Badge>{' '}
            目标完成率 {formatPercent(form.completionRate)}
          </Text>
        </Group>
      </Group>
      {form.funds ? (
        <Paper withBorder p="sm">
          <SimpleGrid cols={5} fz="sm">
            <Text fz="sm">
              年初预算数：{form.funds.initialBudgetFen === null ? '—' : `${formatWanYuan(form.funds.initialBudgetFen)} 万元`}
            </Text>
            <Text fz="sm">调整后预算数：{formatWanYuan(form.funds.adjustedBudgetFen)} 万元</Text>
            <Text fz="sm">执行数：{formatWanYuan(form.funds.executedFen)} 万元</Text>
            <Text fz="sm">
              全年预计执行数：{form.funds.expectedFullYearFen === null ? '—' : `${formatWanYuan(form.funds.expectedFullYearFen)} 万元`}
            </Text>
            <Group gap={6} wrap="nowrap">
              <Badge color={COLOUR_COLOR[form.funds.colour]} style={{ flex: 'none' }}>
                {COLOUR_LABELS[form.funds.colour]}
              </Badge>
              <Text fz="xs" c="dimmed">
                {form.funds.text}
              </Text>
            </Group>
          </SimpleGrid>
        </Paper>
      ) : (
        <Text fz="sm" c="dimmed">
          本轮尚未导入该项目的执行数据。
        </Text>
      )}
      <Table.ScrollContainer minWidth={1150}>
        <Table withTableBorder fz="sm" aria-label="监控表" verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={160}>指标</Table.Th>
              <Table.Th w={80}>年度指标值</Table.Th>
              <Table.Th w={100}>{ENTRY_FIELD_LABELS.currentValue}</Table.Th>
              <Table.Th w={90}>{ENTRY_FIELD_LABELS.expectedValue}</Table.Th>
              <Table.Th w={115}>{ENTRY_FIELD_LABELS.likelihood}</Table.Th>
              <Table.Th w={125}>{ENTRY_FIELD_LABELS.deviationReason}</Table.Th>
              <Table.Th>{ENTRY_FIELD_LABELS.explanation}</Table.Th>
              <Table.Th>{ENTRY_FIELD_LABELS.correctiveAction}</Table.Th>
              <Table.Th w={150}>当前颜色</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {form.rows.map((row, i) => {
              const e = entries[i]!;
              const ind = row.indicator;
              const live = indicatorLine(
                { name: ind.name, level2: ind.level2, nature: ind.nature, target: ind.value, current: e.currentValue },
                form.round.asOfMonth,
                rules,
              );
              const colour = e.currentValue.trim() === '' ? 'none' : live.colour;
              const required = new Set(requiredEntryFields(e, colour));
              // A figure the ledger would refuse (negative, not a number) is marked as it is typed, in the ledger's words.
              const err = (f: EntryField) =>
                bridge.errors[`entries.${i}.${f}`] ??
                (f === 'currentValue' || f === 'expectedValue' ? entryValueProblem(ind, f, e[f]) : null) ??
                undefined;
              const label = (f: EntryField) => `${ind.name} ${ENTRY_FIELD_LABELS[f]}`;
              return (
                <Table.Tr key={row.key} data-key={row.key}>
                  <Table.Td>
                    <Text fz="sm">{ind.name}</Text>
                    <Text fz="xs" c="dimmed">
                      {ind.level1} / {ind.level2}
                    </Text>
                    {bridge.errors[`entries.${i}.key`] && (
                      <Text fz="xs" c="red">
                        {bridge.errors[`entries.${i}.key`]}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {ind.nature === '定性' ? '' : ind.nature}
                    {ind.value}
                    {ind.unit ?? ''}
                  </Table.Td>
                  <Table.Td>
                    {ind.nature === '定性' ? (
                      <Select
                        aria-label={label('currentValue')}
                        size="xs"
                        clearable
                        data={[...QUALITATIVE_LEVELS]}
                        value={e.currentValue || null}
                        onChange={(v) => change(i, { currentValue: v ?? '' })}
                        error={err('currentValue')}
                      />
                    ) : (
                      <TextInput
                        aria-label={label('currentValue')}
                        size="xs"
                        value={e.currentValue}
                        onChange={(ev) => change(i, { currentValue: ev.currentTarget.value })}
                        error={err('currentValue')}
                      />
                    )}
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={label('expectedValue')}
                      size="xs"
                      value={e.expectedValue}
                      onChange={(ev) => change(i, { expectedValue: ev.currentTarget.value })}
                      error={err('expectedValue')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={label('likelihood')}
                      size="xs"
                      clearable
                      withAsterisk={required.has('likelihood')}
                      data={Object.entries(LIKELIHOODS).map(([value, l]) => ({ value, label: l }))}
                      value={e.likelihood}
                      onChange={(v) => change(i, { likelihood: v as Likelihood | null })}
                      error={err('likelihood')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={label('deviationReason')}
                      size="xs"
                      clearable
                      placeholder={required.has('deviationReason') ? '必填' : undefined}
                      data={Object.entries(DEVIATION_REASONS).map(([value, l]) => ({ value, label: l }))}
                      value={e.deviationReason}
                      onChange={(v) => change(i, { deviationReason: v as DeviationReason | null })}
                      error={err('deviationReason')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Textarea
                      aria-label={label('explanation')}
                      size="xs"
                      autosize
                      minRows={1}
                      maxRows={4}
                      placeholder={required.has('explanation') ? '必填' : undefined}
                      value={e.explanation ?? ''}
                      onChange={(ev) => change(i, { explanation: ev.currentTarget.value || null })}
                      error={err('explanation')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Textarea
                      aria-label={label('correctiveAction')}
                      size="xs"
                      autosize
                      minRows={1}
                      maxRows={4}
                      value={e.correctiveAction ?? ''}
                      onChange={(ev) => change(i, { correctiveAction: ev.currentTarget.value || null })}
                      error={err('correctiveAction')}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      color={COLOUR_COLOR[colour]}
                      variant={colour === 'none' ? 'outline' : 'filled'}
                      aria-label={`${ind.name} 当前颜色`}
                    >
                      {COLOUR_LABELS[colour]}
                    </Badge>
                    {e.currentValue.trim() !== '' && (
                      <Text fz="xs" c="dimmed">
                        {live.text.replace(/^“[^”]*”/, '')}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <FormAlert messages={bridge.alert} />
      <Group justify="flex-end">
        <Button onClick={() => void save()} loading={bridge.submitting} disabled={!dirty}>
          保存监控表
        </Button>
      </Group>
    </Stack>
  );
}
