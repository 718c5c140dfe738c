/** Which service answers each of the area's bridge calls (calls/exAnte.ts). */
import {
  admitToLibrary,
  createAssessment,
  exAnteOverview,
  finalizeAssessment,
  gateFor,
  getAssessment,
  listAssessments,
  recheckRevisedPlan,
  saveAssessment,
} from '../../exAnte/exAnte';
import { exportExAnteReport, exportExAnteScoreSheet } from '../../exAnte/exAnteReport';
import { DOCX_FILTERS } from '../fileExchange';
import { type AreaHandlers, saveFile } from './fileSteps';
import type { exAnteCalls } from '../calls/exAnte';

export const exAnteHandlers: AreaHandlers<typeof exAnteCalls> = {
  'exAnte.list': listAssessments,
  'exAnte.get': getAssessment,
  'exAnte.create': createAssessment,
  'exAnte.save': saveAssessment,
  'exAnte.finalize': finalizeAssessment,
  'exAnte.recheck': recheckRevisedPlan,
  'exAnte.gate': (ctx, input) => gateFor(ctx, input.projectId),
  'exAnte.admit': admitToLibrary,
  'exAnte.exportScoreSheet': async (ctx, input) => {
    const file = await exportExAnteScoreSheet(ctx, input);
    return saveFile(ctx, '导出事前评估评分表', file.fileName, file.bytes, null);
  },
  'exAnte.exportReport': async (ctx, input) => {
    const file = await exportExAnteReport(ctx, input);
    return saveFile(ctx, '导出事前绩效评估报告', file.fileName, file.bytes, null, DOCX_FILTERS);
  },
  'exAnte.overview': exAnteOverview,
};
