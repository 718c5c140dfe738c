import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { belowLastYear, lastYearText, valueText, type CheckedIndicator } from '../../electron/rules/targetChecks';
import type { TargetDetail } from '../../electron/bridge/contract';

/** Last year's 实际完成值 of one indicator, orange (with the reason on hover) when this year's value asks for less. */
export function LastYearCell({ row }: { row: CheckedIndicator }) {
  if (!row.lastYearActual)
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  const problem = belowLastYear(row);
  return (
    <Text fz="sm" c={problem ? 'orange.8' : undefined} fw={problem ? 500 : undefined} title={problem ?? undefined}>
      {lastYearText(row.lastYearActual)}
      {problem && '（比上年放松）'}
    </Text>
  );
}

/**
 * For the 三方联合会审: each annual indicator beside what the project achieved last year, so the
 * reviewers judge the target against it. Shown only for a continuing project whose last year is known.
 */
export function LastYearTable({ detail }: { detail: TargetDetail }) {
  const annual = detail.indicators.filter((i) => i.period === 'annual');
  if (!annual.some((i) => i.lastYearActual)) return null;
  const flagged = annual.filter((i) => belowLastYear(i)).length;
  return (
    <Paper withBorder p="md" component="section" aria-label="年度指标与上年实际">
      <Stack gap="xs">
        <Title order={5}>年度指标与上年实际完成值</Title>
        <Text fz="xs" c="dimmed">
          上年实际取自上年度同一项目已审核的单位自评表（没有时取部门评价）。
          {flagged ? `有 ${flagged} 个指标比上年实际放松，请会审时重点核实。` : ''}
        </Text>
        <Table withTableBorder withColumnBorders verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={110}>二级指标</Table.Th>
              <Table.Th>三级指标</Table.Th>
              <Table.Th w={140}>本年指标值</Table.Th>
              <Table.Th w={220}>上年实际</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {annual.map((i) => (
              <Table.Tr key={i.id} aria-label={i.name}>
                <Table.Td>
                  <Text fz="sm">{i.level2}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{i.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{valueText(i)}</Text>
                </Table.Td>
                <Table.Td>
                  <LastYearCell row={i} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
    </Paper>
  );
}
