import { BarChart } from '@mantine/charts';
import { Button, Group, Paper, ScrollArea, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import type { ChartRow, OverviewChart, OverviewChartId, RecordRef } from '../../electron/bridge/contract';
import { ledger } from '../bridge/client';
import { notifyFailed, notifySaved } from '../exchange/notifyFile';
import { ChartTable, formatValue, UNIT } from './ChartTable';

/** Bar colours: the warning colours as their names say, the other series from one calm palette. */
const WARNING_COLOURS: Record<string, string> = { red: 'red.6', yellow: 'yellow.5', green: 'green.6', blue: 'blue.5' };
const PALETTE = ['blue.6', 'teal.6', 'grape.6'];

/** Charts whose category names are long (主管部门, rounds): bars run across, names down the left. */
const ACROSS: Partial<Record<OverviewChartId, { nameWidth: number }>> = { execution: { nameWidth: 190 }, warnings: { nameWidth: 120 } };

interface ChartCardProps {
  chart: OverviewChart;
  year: number;
  onOpen: (title: string, records: RecordRef[]) => void;
}

/** One chart of 概览: the bars, or the same figures as a table, each bar and row opening its records; 导出 writes the table. */
export function ChartCard({ chart, year, onOpen }: ChartCardProps) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const [exporting, setExporting] = useState(false);

  const openRow = (row: ChartRow, seriesKey?: string) => {
    const column = seriesKey ? chart.columns.find((c) => c.key === seriesKey) : undefined;
    const records = (seriesKey && row.bySeries?.[seriesKey]) || row.records;
    const figure = column
      ? ` · ${column.label} ${formatValue(column.kind, row.values[column.key] ?? null)}${column.kind === 'money' ? ' 万元' : ''}`
      : '';
    onOpen(`${chart.title} · ${row.label}${figure}`, records);
  };

  async function save() {
    setExporting(true);
    const result = await ledger.overview.exportChart({ year, chart: chart.id });
    setExporting(false);
    if (!result.ok) return notifyFailed('导出图表失败', result.error);
    if (result.value.saved)
      notifySaved('已导出图表', result.value.saved.savedAs, `${chart.title}，${result.value.summary.rows} 行及构成记录`);
  }

  return (
    <Paper withBorder p="md" h="100%" component="section" aria-label={chart.title}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={4}>{chart.title}</Title>
            {chart.note && (
              <Text fz="xs" c="dimmed">
                {chart.note}
              </Text>
            )}
          </div>
          <Group gap="xs" wrap="nowrap">
            <SegmentedControl
              size="xs"
              aria-label="显示方式"
              value={view}
              onChange={(v) => setView(v as 'chart' | 'table')}
              data={[
                { value: 'chart', label: '图表' },
                { value: 'table', label: '表格' },
              ]}
            />
            <Button size="xs" variant="default" onClick={() => void save()} loading={exporting} disabled={chart.rows.length === 0}>
              导出
            </Button>
          </Group>
        </Group>
        {chart.rows.length === 0 ? (
          <Text c="dimmed" ta="center" py="xl" fz="sm">
            {chart.empty}
          </Text>
        ) : view === 'table' ? (
          <ChartTable chart={chart} onOpenRow={(row) => openRow(row)} />
        ) : (
          <Bars chart={chart} onOpenBar={openRow} />
        )}
      </Stack>
    </Paper>
  );
}

function Bars({ chart, onOpenBar }: { chart: OverviewChart; onOpenBar: (row: ChartRow, seriesKey: string) => void }) {
  const bars = chart.columns.filter((c) => c.bar);
  const kind = bars[0]?.kind ?? 'count';
  const across = ACROSS[chart.id];
  const data = chart.rows.map((r) => ({ category: r.label, ...r.values }));
  const height = across ? Math.max(220, chart.rows.length * (chart.stacked ? 34 : 26) + 60) : 280;
  const barChart = (
    <BarChart
      h={height}
      data={data}
      dataKey="category"
      type={chart.stacked ? 'stacked' : 'default'}
      orientation={across ? 'vertical' : 'horizontal'}
      series={bars.map((c, i) => ({
        name: c.key,
        label: `${c.label}${UNIT[c.kind]}`,
        color: WARNING_COLOURS[c.key] ?? PALETTE[i % PALETTE.length],
      }))}
      valueFormatter={(v) => formatValue(kind, v)}
      withLegend={bars.length > 1}
      legendProps={{ verticalAlign: 'top', height: 36, itemSorter: null }}
      gridAxis={across ? 'x' : 'y'}
      yAxisLabel={kind === 'money' ? '万元' : undefined}
      maxBarWidth={48}
      barChartProps={chart.reference ? { margin: { top: 24, right: 24, bottom: 0, left: 0 } } : undefined}
      yAxisProps={across ? { width: across.nameWidth, interval: 0, tick: { fontSize: 12 } } : { width: 80 }}
      xAxisProps={across ? undefined : { interval: 0 }}
      referenceLines={
        chart.reference
          ? [
              {
                [across ? 'x' : 'y']: chart.reference.value,
                label: chart.reference.label,
                color: 'red.6',
                ifOverflow: 'extendDomain',
                labelPosition: 'top',
              },
            ]
          : undefined
      }
      barProps={(series) => ({
        cursor: 'pointer',
        onClick: (_item: unknown, index: number) => {
          const row = chart.rows[index];
          if (row) onOpenBar(row, series.name);
        },
      })}
    />
  );
  // A long list of 主管部门 scrolls inside the card, so the other charts stay in view.
  return across && height > 460 ? (
    <ScrollArea h={460} type="auto" offsetScrollbars>
      {barChart}
    </ScrollArea>
  ) : (
    barChart
  );
}
