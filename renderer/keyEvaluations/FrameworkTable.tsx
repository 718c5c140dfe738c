import { Stack, Table, Text, Title } from '@mantine/core';
import type { Framework } from '../../electron/rules/keyEvaluationScore';
import { formatScore } from '../../electron/rules/numberFormat';

/** A framework as the bureau reads it: 一级 (with weight) → 二级 → 三级 with 分值, 评分标准, 计算公式. */
export function FrameworkTable({ framework }: { framework: Framework }) {
  return (
    <Stack gap="xs">
      <Title order={4}>评价指标体系（满分 {formatScore(framework.reduce((s, l) => s + l.weight, 0))} 分）</Title>
      <Table withTableBorder withColumnBorders tabularNums aria-label="评价指标体系" verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={110}>一级指标</Table.Th>
            <Table.Th w={110}>二级指标</Table.Th>
            <Table.Th w={160}>三级指标</Table.Th>
            <Table.Th w={70} ta="right">
              分值
            </Table.Th>
            <Table.Th>评分标准</Table.Th>
            <Table.Th w={240}>计算公式</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {framework.map((l1) => {
            const rows1 = l1.level2.reduce((n, l2) => n + l2.indicators.length, 0);
            return l1.level2.map((l2, k2) =>
              l2.indicators.map((ind, k3) => (
                <Table.Tr key={ind.code} data-code={ind.code}>
                  {k2 === 0 && k3 === 0 && (
                    <Table.Td rowSpan={rows1} style={{ verticalAlign: 'top' }}>
                      <Text fw={600} fz="sm">
                        {l1.name}
                      </Text>
                      <Text fz="xs" c="dimmed" aria-label={`${l1.name}权重`}>
                        {formatScore(l1.weight)} 分
                      </Text>
                    </Table.Td>
                  )}
                  {k3 === 0 && (
                    <Table.Td rowSpan={l2.indicators.length} style={{ verticalAlign: 'top' }}>
                      {l2.name}
                    </Table.Td>
                  )}
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {ind.name}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {ind.code}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">{formatScore(ind.points)}</Table.Td>
                  <Table.Td fz="xs">{ind.rule}</Table.Td>
                  <Table.Td fz="xs">{ind.formula ?? '—'}</Table.Td>
                </Table.Tr>
              )),
            );
          })}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
