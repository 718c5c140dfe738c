import { Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** The row a table shows when it has none: what is missing, and how the clerk gets some. */
export function EmptyRow({ colSpan, children }: { colSpan: number; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Td colSpan={colSpan}>
        <Text c="dimmed" ta="center" py="lg">
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}
