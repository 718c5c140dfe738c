import { Badge, Group, Loader, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { SYNC_STEPS } from '../../electron/rules/jointReview';
import type { TargetDetail } from '../../electron/bridge/contract';
import { useCall } from '../bridge/useCall';
import { EmptyRow } from '../common/EmptyRow';
import { LoadError } from '../common/LoadError';
import { matchesSearch } from '../common/sortRows';
import { SyncDateCell } from './SyncDateCell';
import { boardRows, lagText, stepCounts, STEPS, TRACK_LABELS, type Sync } from './syncBoardView';
import { STATUS_COLOR, statusLabel } from './targetLabels';
import type { SyncTrack } from '../../electron/bridge/contract';

/**
 * 五个同步: budget and targets go through 布置, 申报, 审核, 批复, 公开 together. Each target's two tracks
 * side by side; the target dates are recorded by the procedure, both can be corrected here. A target
 * behind its budget at any step is a finding and stands out in red.
 */
export function SyncBoard({ year }: { year: number }) {
  const list = useCall('targets.list', { year });
  const [edited, setEdited] = useState<ReadonlyMap<number, Sync>>(new Map());
  const [search, setSearch] = useState('');
  const [onlyLagging, setOnlyLagging] = useState(false);

  const all = useMemo(() => boardRows(list.data ?? [], edited), [list.data, edited]);
  const counts = useMemo(() => stepCounts(all), [all]);
  const lagging = all.filter((r) => r.lags.length > 0).length;
  const rows = all.filter(
    (r) =>
      (!onlyLagging || r.lags.length > 0) && matchesSearch(search, [r.row.name, r.row.unitName, r.row.departmentName, r.row.projectCode]),
  );
  const missing = (list.data ?? []).filter((r) => r.targetId === null).length;

  const saved = (detail: TargetDetail) => setEdited((m) => new Map(m).set(detail.id, detail.sync));

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <Loader aria-label="正在读取五个同步日期" />;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={6} spacing="xs" aria-label="各步骤完成数">
        {STEPS.map((s) => (
          <Paper key={s} withBorder p="xs" aria-label={`${SYNC_STEPS[s]}完成数`}>
            <Text fz="sm" fw={600}>
              {SYNC_STEPS[s]}
            </Text>
            <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
              预算 {counts[s].budget} · 目标{' '}
              <Text span fz="sm" fw={600} c={counts[s].target < counts[s].budget ? 'red' : undefined}>
                {counts[s].target}
              </Text>
            </Text>
          </Paper>
        ))}
        <Paper withBorder p="xs" bg={lagging ? 'red.0' : undefined}>
          <Text fz="sm" fw={600}>
            目标滞后
          </Text>
          <Text fz="sm" c={lagging ? 'red' : undefined} fw={lagging ? 600 : 400} role="status" aria-label="滞后数">
            {lagging} 个
          </Text>
        </Paper>
      </SimpleGrid>
      <Group gap="sm" align="flex-end">
        <TextInput label="搜索" placeholder="项目名称或单位" w={220} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
        <Switch label="只看目标滞后的" checked={onlyLagging} onChange={(e) => setOnlyLagging(e.currentTarget.checked)} mb={6} />
        <Text fz="sm" c="dimmed" ml="auto" role="status" aria-label="五个同步合计">
          共 {all.length} 个绩效目标{missing ? `；另有 ${missing} 个项目尚未填报目标，不在此表` : ''}。点日期可修改，留空保存即清除。
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={1100}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} aria-label="五个同步">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>项目/部门整体</Table.Th>
              <Table.Th w={110}>状态</Table.Th>
              <Table.Th w={56} />
              {STEPS.map((s) => (
                <Table.Th key={s} w={112} ta="center">
                  {SYNC_STEPS[s]}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ row, sync, lags }) =>
              (['budget', 'target'] as SyncTrack[]).map((track) => (
                <Table.Tr
                  key={`${row.targetId}-${track}`}
                  aria-label={`${row.name} ${TRACK_LABELS[track]}`}
                  bg={lags.length ? 'red.0' : undefined}
                >
                  {track === 'budget' && (
                    <>
                      <Table.Td rowSpan={2} style={{ verticalAlign: 'top' }}>
                        <Group gap={6}>
                          <Text fz="sm" fw={500}>
                            {row.name}
                          </Text>
                          {lags.length > 0 && (
                            <Badge color="red" size="sm" title={lagText(lags)}>
                              滞后
                            </Badge>
                          )}
                        </Group>
                        <Text fz="xs" c="dimmed">
                          {row.unitName}
                        </Text>
                        {lags.length > 0 && (
                          <Text fz="xs" c="red.8">
                            {lagText(lags)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td rowSpan={2} style={{ verticalAlign: 'top' }}>
                        <Badge variant="light" color={STATUS_COLOR[row.status]}>
                          {statusLabel(row.status)}
                        </Badge>
                      </Table.Td>
                    </>
                  )}
                  <Table.Td fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {TRACK_LABELS[track]}
                  </Table.Td>
                  {STEPS.map((step) => {
                    const late = track === 'target' && lags.some((l) => l.step === step);
                    return (
                      <Table.Td key={step} ta="center" bg={late ? 'red.2' : undefined} data-lagging={late || undefined}>
                        <SyncDateCell
                          targetId={row.targetId}
                          name={row.name}
                          track={track}
                          step={step}
                          date={sync?.[track][step] ?? null}
                          lagging={late}
                          onSaved={saved}
                        />
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              )),
            )}
            {rows.length === 0 && <EmptyRow colSpan={8}>{all.length ? '没有符合条件的目标。' : `${year} 年度还没有绩效目标。`}</EmptyRow>}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
