/**
 * A chart of 概览 as the clerk saw it in its table: one sheet with the table (money in 万元, percentages
 * as numbers with their unit in the header) and one listing the records behind every row, so the figures
 * can be checked or handed on without the program.
 */
import { LedgerError } from '../../db/ledgerError';
import { safeFileName } from '../formats/fileNames';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import type { ServiceContext } from '../ledger/context';
import { roundHalfUp } from '../rules/numberFormat';
import type { OverviewChartId } from '../rules/overviewCharts';
import type { RecordRef } from '../reports/recordRef';
import type { ChartColumn, ChartRow } from './overviewChart';
import { overviewChart } from './overviewCharts';

export interface ChartExport {
  fileName: string;
  bytes: Buffer;
  rows: number;
}

const UNIT_SUFFIX: Record<ChartColumn['kind'], string> = { count: '（个）', money: '（万元）', percent: '（%）' };

export async function exportOverviewChart(ctx: ServiceContext, input: { year: number; chart: OverviewChartId }): Promise<ChartExport> {
  const chart = overviewChart(ctx, input);
  if (chart.rows.length === 0) throw new LedgerError('nothing_to_export', `“${chart.title}”还没有数据可导出。${chart.empty}`);
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const title = `${input.year}年度${chart.title}`;

  const columns: SheetColumn<ChartRow>[] = [
    { header: chart.categoryLabel, width: 30, kind: 'text', value: (r) => r.label, wrap: true },
    ...chart.columns.map((c): SheetColumn<ChartRow> => ({
      header: `${c.label}${UNIT_SUFFIX[c.kind]}`,
      width: 16,
      kind: c.kind === 'money' ? 'money' : c.kind === 'count' ? 'integer' : 'decimal',
      value: (r) => {
        const v = r.values[c.key] ?? null;
        return c.kind === 'percent' && v !== null ? roundHalfUp(v) : v;
      },
    })),
  ];
  addTableSheet(workbook, { name: '图表数据', title, note: chart.note, columns, rows: chart.rows });

  // A stacked chart's records are listed by segment (红灯 …), so each line says which bar it makes.
  const seriesLabel = new Map(chart.columns.map((c) => [c.key, c.label]));
  const records: { category: string; series: string; record: RecordRef }[] = chart.rows.flatMap((row) =>
    row.bySeries
      ? Object.entries(row.bySeries).flatMap(([key, list]) =>
          list.map((record) => ({ category: row.label, series: seriesLabel.get(key) ?? key, record })),
        )
      : row.records.map((record) => ({ category: row.label, series: '', record })),
  );
  addTableSheet(workbook, {
    name: '构成记录',
    title: `${title}：构成记录`,
    note: `共 ${records.length} 条`,
    columns: [
      { header: chart.categoryLabel, width: 26, kind: 'text', value: (r) => r.category, wrap: true },
      ...(chart.rows.some((r) => r.bySeries)
        ? [{ header: '系列', width: 10, kind: 'text' as const, value: (r: (typeof records)[number]) => r.series }]
        : []),
      { header: '名称', width: 36, kind: 'text', value: (r) => r.record.label, wrap: true },
      { header: '单位', width: 28, kind: 'text', value: (r) => r.record.unitName, wrap: true },
      { header: '说明', width: 48, kind: 'text', value: (r) => r.record.detail, wrap: true },
    ],
    rows: records,
  });

  return { fileName: safeFileName(`${title}.xlsx`), bytes: await workbookBytes(workbook), rows: chart.rows.length };
}
