import { Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import type { Grade, TargetListRow } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { GRADE_COLOR, STATUS_COLOR, statusLabel } from './targetLabels';
import { EmptyRow } from '../common/EmptyRow';
import { LongTableScroll, OneLine } from '../common/LongTable';
import { ProjectLink } from '../common/ProjectLink';

interface TargetTableProps {
  rows: TargetListRow[];
  chosen: ReadonlySet<number>;
  onChoose: (targetIds: number[], chosen: boolean) => void;
  onOpen: (row: TargetListRow) => void;
  /** A row is being started (填报) and waits for the ledger. */
  starting: number | null;
  emptyText: string;
}

/** 绩效目标列表: one row per project of the year (with or without targets) and per 部门整体 target. */
export function TargetTable({ rows, chosen, onChoose, onOpen, starting, emptyText }: TargetTableProps) {
  const choosable = rows.flatMap((r) => (r.targetId === null ? [] : [r.targetId]));
  const allChosen = choosable.length > 0 && choosable.every((id) => chosen.has(id));
  const someChosen = choosable.some((id) => chosen.has(id));
  return (
    <LongTableScroll minWidth={1180}>
      <Table striped highlightOnHover stickyHeader tabularNums horizontalSpacing="xs" aria-label="绩效目标列表">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={36}>
              <Checkbox
                aria-label="全选"
                checked={allChosen}
                indeterminate={someChosen && !allChosen}
                disabled={choosable.length === 0}
                onChange={(e) => onChoose(choosable, e.currentTarget.checked)}
              />
            </Table.Th>
            <Table.Th>项目/部门整体</Table.Th>
            <Table.Th>预算单位</Table.Th>
            <Table.Th>主管部门</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              年初预算（万元）
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>状态</Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              指标数
            </Table.Th>
            <Table.Th ta="right" style={{ whiteSpace: 'nowrap' }}>
              会审轮次
            </Table.Th>
            <Table.Th style={{ whiteSpace: 'nowrap' }}>最近结论</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.targetId !== null ? `t${row.targetId}` : `p${row.projectId}`}>
              <Table.Td>
                {row.targetId !== null && (
                  <Checkbox
                    aria-label={`选择 ${row.name}`}
                    checked={chosen.has(row.targetId)}
                    onChange={(e) => onChoose([row.targetId!], e.currentTarget.checked)}
                  />
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  <Group gap={6} wrap="nowrap">
                    <OneLine maw={260} fw={500} title={row.name}>
                      <ProjectLink projectId={row.projectId}>{row.name}</ProjectLink>
                    </OneLine>
                    {row.subject === 'department' && (
                      <Badge size="xs" variant="light" color="indigo" style={{ flex: 'none' }}>
                        部门整体
                      </Badge>
                    )}
                    {row.majorPolicy && (
                      <Badge size="xs" variant="light" color="orange" title="重大政策/项目" style={{ flex: 'none' }}>
                        重大
                      </Badge>
                    )}
                  </Group>
                  {(row.projectCode || (row.majorPolicy && row.status === 'none')) && (
                    <Text fz="xs" c="dimmed">
                      {row.projectCode}
                      {row.majorPolicy && row.status === 'none' && (
                        <Text span fz="xs" c="orange.8" ml={row.projectCode ? 8 : 0}>
                          需事前评估
                        </Text>
                      )}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <OneLine maw={150}>{row.unitName}</OneLine>
              </Table.Td>
              <Table.Td>
                <OneLine maw={150}>{row.departmentName}</OneLine>
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {formatWanYuan(row.budgetFen)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Badge
                  variant={row.status === 'none' ? 'filled' : 'light'}
                  color={STATUS_COLOR[row.status]}
                  title={row.status === 'none' ? '先定项目，再定预算：该项目尚未填报绩效目标' : undefined}
                >
                  {statusLabel(row.status)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">{row.targetId === null ? '—' : row.indicatorCount}</Table.Td>
              <Table.Td ta="right">{row.targetId === null ? '—' : row.rounds}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.lastResult ? (
                  <Badge variant="outline" color={GRADE_COLOR[row.lastResult as Grade] ?? 'gray'}>
                    {row.lastResult}
                  </Badge>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {row.targetId === null ? (
                  <Button
                    size="compact-xs"
                    variant="light"
                    color="red"
                    aria-label={`填报 ${row.name}`}
                    loading={starting === row.projectId}
                    onClick={() => onOpen(row)}
                  >
                    填报
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="subtle" aria-label={`打开 ${row.name}`} onClick={() => onOpen(row)}>
                    打开
                  </Button>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
          {rows.length === 0 && <EmptyRow colSpan={10}>{emptyText}</EmptyRow>}
        </Table.Tbody>
      </Table>
    </LongTableScroll>
  );
}
