import { Anchor, Table } from '@mantine/core';
import type { ChartRow, ChartValueKind, OverviewChart } from '../../electron/bridge/contract';
import { formatWanYuan } from '../../electron/rules/money';
import { formatPercent } from '../../electron/rules/numberFormat';

/** The unit a figure's header or series name carries (percentages carry their % in the figure). */
export const UNIT: Record<ChartValueKind, string> = { count: '', money: '（万元）', percent: '' };

/** A chart's figure as the table, the tooltip and the drawer's title write it: the shared formatters only. */
export function formatValue(kind: ChartValueKind, value: number | null): string {
  if (kind === 'money') return value === null ? '—' : formatWanYuan(value);
  if (kind === 'percent') return formatPercent(value);
  return value === null ? '—' : String(value);
}

/** The chart's figures as a table, the same rows the export writes; a row's name opens its records. */
export function ChartTable({ chart, onOpenRow }: { chart: OverviewChart; onOpenRow: (row: ChartRow) => void }) {
  return (
    <Table.ScrollContainer minWidth={400} maxHeight={460}>
      <Table withTableBorder striped stickyHeader tabularNums fz="sm" aria-label={`${chart.title}（表格）`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{chart.categoryLabel}</Table.Th>
            {chart.columns.map((c) => (
              <Table.Th key={c.key} ta="right">
                {c.label}
                {UNIT[c.kind]}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {chart.rows.map((r) => (
            <Table.Tr key={r.key}>
              <Table.Td>
                <Anchor component="button" fz="sm" onClick={() => onOpenRow(r)}>
                  {r.label}
                </Anchor>
              </Table.Td>
              {chart.columns.map((c) => (
                <Table.Td key={c.key} ta="right">
                  {formatValue(c.kind, r.values[c.key] ?? null)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
