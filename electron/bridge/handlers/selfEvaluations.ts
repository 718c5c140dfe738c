/** Which service answers each of the area's bridge calls (calls/selfEvaluations.ts). */
import {
  getSelfEvaluation,
  listSelfEvaluations,
  selfEvaluationCandidates,
  selfEvaluationYearFigures,
} from '../../selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  returnSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
} from '../../selfEvaluations/selfEvaluationWrites';
import {
  acceptDepartmentSelfEvaluation,
  createDepartmentSelfEvaluation,
  departmentSelfEvaluationCandidates,
  getDepartmentSelfEvaluation,
  listDepartmentSelfEvaluations,
  returnDepartmentSelfEvaluation,
  saveDepartmentSelfEvaluation,
  submitDepartmentSelfEvaluation,
} from '../../selfEvaluations/departmentSelfEvaluations';
import { commitSelfEvaluationImport, previewSelfEvaluationImport } from '../../selfEvaluations/selfEvaluationImport';
import { exportSelfEvaluationTemplate } from '../../selfEvaluations/selfEvaluationTemplate';
import { commitStagedFile, previewPickedFile, saveFile, type AreaHandlers } from './fileSteps';
import type { selfEvaluationsCalls } from '../calls/selfEvaluations';

export const selfEvaluationsHandlers: AreaHandlers<typeof selfEvaluationsCalls> = {
  'selfEvaluations.list': listSelfEvaluations,
  'selfEvaluations.get': getSelfEvaluation,
  'selfEvaluations.candidates': selfEvaluationCandidates,
  'selfEvaluations.yearFigures': selfEvaluationYearFigures,
  'selfEvaluations.create': createSelfEvaluation,
  'selfEvaluations.save': saveSelfEvaluation,
  'selfEvaluations.submit': submitSelfEvaluation,
  'selfEvaluations.return': returnSelfEvaluation,
  'selfEvaluations.accept': acceptSelfEvaluation,
  'selfEvaluations.templateExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportSelfEvaluationTemplate(ctx, input);
    return saveFile(ctx, '导出项目支出绩效自评表模板', fileName, bytes, summary);
  },
  'selfEvaluations.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择单位填好的自评表', (file) =>
      previewSelfEvaluationImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }),
    ),
  'selfEvaluations.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) =>
      commitSelfEvaluationImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }),
    ),
  'selfEvaluations.departmentList': listDepartmentSelfEvaluations,
  'selfEvaluations.departmentGet': getDepartmentSelfEvaluation,
  'selfEvaluations.departmentCandidates': departmentSelfEvaluationCandidates,
  'selfEvaluations.departmentCreate': createDepartmentSelfEvaluation,
  'selfEvaluations.departmentSave': saveDepartmentSelfEvaluation,
  'selfEvaluations.departmentSubmit': submitDepartmentSelfEvaluation,
  'selfEvaluations.departmentReturn': returnDepartmentSelfEvaluation,
  'selfEvaluations.departmentAccept': acceptDepartmentSelfEvaluation,
};
