/**
 * The shape every chart of 概览 shares, so one card draws it, shows it as a table and exports it: rows
 * (the categories) × columns (the figures), each row carrying the records behind it.
 */
import type { OverviewChartId } from '../rules/overviewCharts';
import type { RecordRef } from '../reports/recordRef';

/** count: a number of records; money: 分; percent: already in percent (41.67 for 41.67%). */
export type ChartValueKind = 'count' | 'money' | 'percent';

export interface ChartColumn {
  key: string;
  label: string;
  kind: ChartValueKind;
  /** Drawn as a bar; the others are shown in the table and the export only. */
  bar: boolean;
}

export interface ChartRow {
  key: string;
  label: string;
  values: Record<string, number | null>;
  /** Every record behind the row (a row click). */
  records: RecordRef[];
  /** In a stacked chart, the records behind each bar segment, by column key (a segment click). */
  bySeries?: Record<string, RecordRef[]>;
}

export interface OverviewChart {
  id: OverviewChartId;
  title: string;
  /** The table's first column header, e.g. "主管部门". */
  categoryLabel: string;
  /** Where the figures come from, under the title. */
  note: string;
  stacked: boolean;
  columns: ChartColumn[];
  rows: ChartRow[];
  /** A line across the bars, e.g. 序时进度 41.67%, in the bars' unit. */
  reference: { label: string; value: number } | null;
  /** What the card says when there are no rows, and what to do about it. */
  empty: string;
}
