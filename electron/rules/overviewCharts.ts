/**
 * The charts of 概览, in the order the screen shows them, with the titles the screen, the table view and
 * the exported workbook share. The bridge's export call takes one of these ids.
 */
import type { WarningLine } from '../../db/vocabulary';

export const OVERVIEW_CHART_IDS = ['execution', 'warnings', 'grades', 'exAnte', 'budget'] as const;
export type OverviewChartId = (typeof OVERVIEW_CHART_IDS)[number];

export const OVERVIEW_CHART_TITLES: Record<OverviewChartId, string> = {
  execution: '预算执行率与序时进度（按主管部门）',
  warnings: '各轮监控预警（按警戒线）',
  grades: '评价等级分布',
  exAnte: '事前绩效评估结论',
  budget: '年初预算（按预算类型）',
};

/** The three warning lines as a chart's axis names them; the chart's note spells them out (monitoringLabels.WARNING_LINES). */
export const WARNING_LINE_SHORT: Record<WarningLine, string> = { execution: '执行', completion: '完成', deviation: '偏离' };
