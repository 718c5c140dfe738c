/** Which service answers each of the area's bridge calls (calls/resultApplication.ts). */
import {
  applicableEvaluations,
  cancelEvaluationAction,
  recordEvaluationAction,
  updateEvaluationAction,
} from '../../resultApplication/evaluationActions';
import { exportResultActions } from '../../resultApplication/resultActionsWorkbook';
import { listYearResultActions, resultApplicationSummary } from '../../resultApplication/yearActions';
import type { resultApplicationCalls } from '../calls/resultApplication';
import { saveFile, type AreaHandlers } from './fileSteps';

export const resultApplicationHandlers: AreaHandlers<typeof resultApplicationCalls> = {
  'resultApplication.list': listYearResultActions,
  'resultApplication.summary': resultApplicationSummary,
  'resultApplication.applicable': applicableEvaluations,
  'resultApplication.record': recordEvaluationAction,
  'resultApplication.update': updateEvaluationAction,
  'resultApplication.cancel': cancelEvaluationAction,
  'resultApplication.export': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportResultActions(ctx, input);
    return saveFile(ctx, '导出评价结果应用情况表', fileName, bytes, summary);
  },
};
