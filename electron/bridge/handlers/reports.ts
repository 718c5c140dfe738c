/** Which service answers each of the area's bridge calls (calls/reports.ts). */
import { yearSummary } from '../../reports/yearSummary';
import { annualSummaryDraft } from '../../reports/annualSummaryDraft';
import { exportAnnualSummary } from '../../reports/annualSummaryDocument';
import { saveSummaryText } from '../../reports/annualSummaryTexts';
import { DOCX_FILTERS } from '../fileExchange';
import { saveFile, type AreaHandlers } from './fileSteps';
import type { reportsCalls } from '../calls/reports';

export const reportsHandlers: AreaHandlers<typeof reportsCalls> = {
  'reports.yearSummary': yearSummary,
  'reports.annualSummary': annualSummaryDraft,
  'reports.saveSummaryText': saveSummaryText,
  'reports.exportAnnualSummary': async (ctx, input) => {
    const file = await exportAnnualSummary(ctx, input);
    return saveFile(ctx, '导出年度绩效工作情况', file.fileName, file.bytes, null, DOCX_FILTERS);
  },
};
