/** Which service answers each of the area's bridge calls (calls/keyEvaluations.ts). */
import { commitExpertScoreSheetImport, exportExpertScoreSheet, previewExpertScoreSheetImport } from '../../keyEvaluations/expertScoreSheet';
import {
  commitEvaluationFrameworkImport,
  commitTemplateImport,
  exportFramework,
  previewEvaluationFrameworkImport,
  readFrameworkWorkbook,
} from '../../keyEvaluations/frameworkExchange';
import {
  createFrameworkTemplate,
  listFrameworkTemplates,
  setFrameworkTemplateRetired,
  updateFrameworkTemplate,
} from '../../keyEvaluations/frameworkTemplates';
import { exportKeyEvaluationReport } from '../../keyEvaluations/keyEvaluationReport';
import {
  exportKeyEvaluationPublication,
  keyEvaluationYearFigures,
  listResultActions,
  publicationRows,
  recordResultAction,
  suggestedAction,
  updateResultAction,
} from '../../keyEvaluations/keyEvaluationResults';
import {
  evaluationScore,
  getKeyEvaluation,
  issueFindingsNotice,
  listKeyEvaluations,
  saveEvaluationTexts,
  selectForEvaluation,
  updateKeyEvaluation,
} from '../../keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate, saveFramework } from '../../keyEvaluations/keyEvaluationFramework';
import { finalizeKeyEvaluation, recordScores, setExperts } from '../../keyEvaluations/keyEvaluationScoring';
import { DOCX_FILTERS } from '../fileExchange';
import { type AreaHandlers, previewPickedFile, commitStagedFile, saveFile } from './fileSteps';
import type { keyEvaluationsCalls } from '../calls/keyEvaluations';

export const keyEvaluationsHandlers: AreaHandlers<typeof keyEvaluationsCalls> = {
  'keyEvaluations.list': listKeyEvaluations,
  'keyEvaluations.get': getKeyEvaluation,
  'keyEvaluations.templates': listFrameworkTemplates,
  'keyEvaluations.createTemplate': createFrameworkTemplate,
  'keyEvaluations.updateTemplate': updateFrameworkTemplate,
  'keyEvaluations.setTemplateRetired': setFrameworkTemplateRetired,
  'keyEvaluations.exportFramework': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportFramework(ctx, input);
    return saveFile(ctx, '导出评价指标体系', fileName, bytes, summary);
  },
  'keyEvaluations.frameworkImportPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择评价指标体系表', (file) =>
      previewEvaluationFrameworkImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes }),
    ),
  'keyEvaluations.frameworkImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) =>
      commitEvaluationFrameworkImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes }),
    ),
  'keyEvaluations.templateImportPreview': (ctx) =>
    previewPickedFile(ctx, '选择评价指标体系表', (file) => readFrameworkWorkbook(file.name, file.bytes).preview),
  'keyEvaluations.templateImportCommit': (ctx, { fileId, ...fields }) =>
    commitStagedFile(ctx, fileId, (file) => commitTemplateImport(ctx, { fileName: file.name, bytes: file.bytes, ...fields })),
  'keyEvaluations.select': selectForEvaluation,
  'keyEvaluations.update': updateKeyEvaluation,
  'keyEvaluations.applyTemplate': applyFrameworkTemplate,
  'keyEvaluations.saveFramework': saveFramework,
  'keyEvaluations.setExperts': setExperts,
  'keyEvaluations.recordScores': recordScores,
  'keyEvaluations.score': evaluationScore,
  'keyEvaluations.saveTexts': saveEvaluationTexts,
  'keyEvaluations.finalize': finalizeKeyEvaluation,
  'keyEvaluations.issueFindings': issueFindingsNotice,
  'keyEvaluations.suggestedAction': suggestedAction,
  'keyEvaluations.listActions': listResultActions,
  'keyEvaluations.recordAction': recordResultAction,
  'keyEvaluations.updateAction': updateResultAction,
  'keyEvaluations.exportReport': async (ctx, input) => {
    const file = await exportKeyEvaluationReport(ctx, input);
    return saveFile(ctx, '导出重点绩效评价报告', file.fileName, file.bytes, null, DOCX_FILTERS);
  },
  'keyEvaluations.exportScoreSheet': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportExpertScoreSheet(ctx, input);
    return saveFile(ctx, '导出专家评分表', fileName, bytes, summary);
  },
  'keyEvaluations.scoreSheetImportPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择专家填好的评分表', (file) =>
      previewExpertScoreSheetImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes }),
    ),
  'keyEvaluations.scoreSheetImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) =>
      commitExpertScoreSheetImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes }),
    ),
  'keyEvaluations.publication': publicationRows,
  'keyEvaluations.exportPublication': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportKeyEvaluationPublication(ctx, input);
    return saveFile(ctx, '导出重点评价结果公开表', fileName, bytes, summary);
  },
  'keyEvaluations.yearFigures': keyEvaluationYearFigures,
};
