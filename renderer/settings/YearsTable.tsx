import { Badge, Table } from '@mantine/core';
import type { YearSummary } from '../../electron/bridge/contract';

export function YearsTable({ years }: { years: YearSummary[] }) {
  return (
    <Table withTableBorder aria-label="预算年度" w="auto" miw={360}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>预算年度</Table.Th>
          <Table.Th>状态</Table.Th>
          <Table.Th ta="right">项目数</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {years.map((y) => (
          <Table.Tr key={y.year}>
            <Table.Td>{y.year} 年度</Table.Td>
            <Table.Td>
              {y.status === 'closed' ? (
                <Badge color="gray" variant="light">
                  已关账
                </Badge>
              ) : (
                <Badge color="green" variant="light">
                  进行中
                </Badge>
              )}
            </Table.Td>
            <Table.Td ta="right">{y.projectCount}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
