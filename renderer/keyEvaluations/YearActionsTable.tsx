import { Badge, Stack, Table, Text } from '@mantine/core';
import { formatWanYuan } from '../../electron/rules/money';
import type { KeyEvaluationRow, ResultActionRow } from '../../electron/bridge/contract';
import { EmptyRow } from '../common/EmptyRow';
import { gradeColor } from './keyEvaluationLabels';

const STATUS_COLOR: Record<ResultActionRow['status'], string> = { planned: 'yellow', applied: 'green', cancelled: 'gray' };

/**
 * 结果应用 for the whole year: every action recorded against next year's budget, by evaluation, so the
 * budget office compiling next year's budget sees them in one place (each is recorded on its evaluation).
 */
export function YearActionsTable({
  actions,
  evaluations,
  year,
}: {
  actions: ResultActionRow[];
  evaluations: KeyEvaluationRow[];
  year: number;
}) {
  const byId = new Map(evaluations.map((e) => [e.id, e]));
  const live = actions.filter((a) => a.status !== 'cancelled');
  const amountFen = live.reduce((s, a) => s + (a.amountFen ?? 0), 0);
  const applied = live.filter((a) => a.status === 'applied').length;
  return (
    <Stack gap="xs">
      <Text fz="sm" c="dimmed" aria-label="结果应用概况">
        {year} 年度重点评价结果应用于 {year + 1} 年度预算：{live.length} 项（已落实 {applied} 项、拟定 {live.length - applied}{' '}
        项），涉及金额 {formatWanYuan(amountFen)} 万元。每项在对应评价的“评价结果”中记录和修改。
      </Text>
      <Table striped tabularNums withTableBorder aria-label="年度结果应用">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>评价对象</Table.Th>
            <Table.Th w={70}>等级</Table.Th>
            <Table.Th>应用方式</Table.Th>
            <Table.Th ta="right">金额（万元）</Table.Th>
            <Table.Th>{year + 1} 年度项目</Table.Th>
            <Table.Th w={90}>状态</Table.Th>
            <Table.Th>说明</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => {
            const e = byId.get(a.evaluationId);
            return (
              <Table.Tr key={a.id}>
                <Table.Td>{e?.name ?? '—'}</Table.Td>
                <Table.Td>
                  {e?.grade && (
                    <Badge variant="light" color={gradeColor(e.grade)}>
                      {e.grade}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>{a.actionType}</Table.Td>
                <Table.Td ta="right">{a.amountFen === null ? '—' : formatWanYuan(a.amountFen)}</Table.Td>
                <Table.Td>{a.nextYearProjectName ?? '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={STATUS_COLOR[a.status]}>
                    {a.statusLabel}
                  </Badge>
                </Table.Td>
                <Table.Td fz="sm">{a.note ?? ''}</Table.Td>
              </Table.Tr>
            );
          })}
          {actions.length === 0 && (
            <EmptyRow colSpan={7}>尚未记录结果应用。评价定稿后，在该评价的“评价结果”中按等级记录对下年度预算的应用。</EmptyRow>
          )}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
