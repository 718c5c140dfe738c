import { Grid, Paper, SimpleGrid, Stack, Table, Title } from '@mantine/core';
import type { YearSummaryReport } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { EmptyRow } from '../common/EmptyRow';
import { FigureCard } from '../common/FigureCard';

/** 年度概况: units, projects and 年初预算 by 预算类型 and by 主管部门 — the figures of `report summary`. */
export function YearSummaryPanel({ summary: s }: { summary: YearSummaryReport }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="年度概况">
      <Stack gap="md">
        <Title order={3}>年度概况</Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FigureCard
            label="预算单位"
            value={String(s.units)}
            unit="个"
            detail={`主管部门 ${s.departments} 个，有项目的单位 ${s.unitsWithProjects} 个`}
          />
          <FigureCard label="项目" value={String(s.projects)} unit="个" />
          <FigureCard label="年初预算合计" value={formatWanYuan(s.totalFen)} unit="万元" />
        </SimpleGrid>
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Stack gap="xs">
              <Title order={4}>按预算类型</Title>
              <Table withTableBorder striped tabularNums fz="sm" aria-label="按预算类型">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>预算类型</Table.Th>
                    <Table.Th ta="right">项目数</Table.Th>
                    <Table.Th ta="right">年初预算（万元）</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byBudgetKind.map((k) => (
                    <Table.Tr key={k.kind}>
                      <Table.Td>{k.label}</Table.Td>
                      <Table.Td ta="right">{k.projects}</Table.Td>
                      <Table.Td ta="right">{formatWanYuan(k.fen)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>合计</Table.Td>
                    <Table.Td ta="right">{s.projects}</Table.Td>
                    <Table.Td ta="right">{formatWanYuan(s.totalFen)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Stack gap="xs">
              <Title order={4}>按主管部门（年初预算从高到低）</Title>
              <Table withTableBorder striped tabularNums fz="sm" aria-label="按主管部门">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>主管部门</Table.Th>
                    <Table.Th ta="right">单位数</Table.Th>
                    <Table.Th ta="right">项目数</Table.Th>
                    <Table.Th ta="right">年初预算（万元）</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {s.byDepartment.length === 0 ? (
                    <EmptyRow colSpan={4}>本年度还没有项目。可在“项目与目标”中录入或导入项目。</EmptyRow>
                  ) : (
                    s.byDepartment.map((d) => (
                      <Table.Tr key={d.department}>
                        <Table.Td>{d.department}</Table.Td>
                        <Table.Td ta="right">{d.units}</Table.Td>
                        <Table.Td ta="right">{d.projects}</Table.Td>
                        <Table.Td ta="right">{formatWanYuan(d.fen)}</Table.Td>
                      </Table.Tr>
                    ))
                  )}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr fw={700}>
                    <Table.Td>合计</Table.Td>
                    <Table.Td ta="right">{s.unitsWithProjects}</Table.Td>
                    <Table.Td ta="right">{s.projects}</Table.Td>
                    <Table.Td ta="right">{formatWanYuan(s.totalFen)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Paper>
  );
}
