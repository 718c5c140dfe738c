/** Bridge calls for 概览, the landing page of a year: its to-dos and charts, each with the records behind it. */
import { z } from 'zod';
import type { OverviewChart } from '../../overview/overviewChart';
import type { OverviewTodo } from '../../overview/overviewTodos';
import { OVERVIEW_CHART_IDS } from '../../rules/overviewCharts';
import { read, SAVE_XLSX, type SaveOutcome } from '../callSpec';
import { year } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { ChartColumn, ChartRow, ChartValueKind, OverviewChart } from '../../overview/overviewChart';
export type { OverviewTodo, OverviewTodoId } from '../../overview/overviewTodos';
export type { OverviewChartId } from '../../rules/overviewCharts';

export const overviewCalls = {
  'overview.todos': read<OverviewTodo[]>()(z.object({ year }), '概览的待办：每项的个数和构成记录'),
  'overview.charts': read<OverviewChart[]>()(
    z.object({ year }),
    '概览的图表：执行率与序时进度、各轮预警、评价等级、事前评估结论、按预算类型的年初预算',
  ),
  'overview.exportChart': read<SaveOutcome<{ rows: number }>>()(
    z.object({ year, chart: z.enum(OVERVIEW_CHART_IDS, { error: '请选择要导出的图表' }) }),
    '把概览的一张图表按表格导出（xlsx：图表数据及构成记录）',
    SAVE_XLSX,
  ),
} as const;
