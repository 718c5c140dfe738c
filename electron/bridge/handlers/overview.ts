/** Which service answers each of the area's bridge calls (calls/overview.ts). */
import { overviewCharts } from '../../overview/overviewCharts';
import { exportOverviewChart } from '../../overview/overviewExport';
import { overviewTodos } from '../../overview/overviewTodos';
import type { overviewCalls } from '../calls/overview';
import { saveFile, type AreaHandlers } from './fileSteps';

export const overviewHandlers: AreaHandlers<typeof overviewCalls> = {
  'overview.todos': overviewTodos,
  'overview.charts': overviewCharts,
  'overview.exportChart': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportOverviewChart(ctx, input);
    return saveFile(ctx, '导出概览图表', fileName, bytes, summary);
  },
};
