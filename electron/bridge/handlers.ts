/**
 * Which service answers each bridge call. The mapped type makes a missing or mistyped handler a
 * compile error, so the contract and the services cannot drift apart.
 */
import type { CallArgs, CallName, CallResult, ImportPreviewOutcome, SaveOutcome } from './contract';
import { checkImportSize, DOCX_FILTERS, SPREADSHEET_FILTERS, XLSX_FILTERS, type FileFilter, type FileGateway, type StagedFiles } from './fileExchange';
import { recentAudit } from '../ledger/audit';
import type { ServiceContext } from '../ledger/context';
import { createIndicator, createIndicatorClass, indicatorUsage, listIndicatorClasses, listIndicators, recommendForProject, reinstateIndicator, retireIndicator, updateIndicator } from '../indicators/indicators';
import { commitIndicatorImport, exportIndicators, previewIndicatorImport } from '../indicators/indicatorExchange';
import { approveTargets, completeByFinance, decideRound, listRounds, publishTargets, recordOpinion, submitForReview } from '../targets/jointReview';
import { admitToLibrary, createAssessment, exAnteOverview, finalizeAssessment, gateFor, getAssessment, listAssessments, recheckRevisedPlan, saveAssessment } from '../exAnte/exAnte';
import { exportExAnteReport, exportExAnteScoreSheet } from '../exAnte/exAnteReport';
import { commitExecutionImport, forgetRememberedMatch, listExecution, listRememberedMatches, previewExecutionImport } from '../monitoring/executionImport';
import { commitEvaluationFrameworkImport, commitTemplateImport, exportFramework, previewEvaluationFrameworkImport, readFrameworkWorkbook } from '../keyEvaluations/frameworkExchange';
import { createFrameworkTemplate, listFrameworkTemplates, setFrameworkTemplateRetired, updateFrameworkTemplate } from '../keyEvaluations/frameworkTemplates';
import { exportKeyEvaluationReport } from '../keyEvaluations/keyEvaluationReport';
import { exportKeyEvaluationPublication, keyEvaluationYearFigures, listResultActions, publicationRows, recordResultAction, suggestedAction, updateResultAction } from '../keyEvaluations/keyEvaluationResults';
import {
  applyFrameworkTemplate,
  evaluationScore,
  finalizeKeyEvaluation,
  getKeyEvaluation,
  issueFindingsNotice,
  listKeyEvaluations,
  recordScores,
  saveEvaluationTexts,
  saveFramework,
  selectForEvaluation,
  setExperts,
  updateKeyEvaluation,
} from '../keyEvaluations/keyEvaluations';
import { ledgerInfo } from '../ledger/ledgerInfo';
import { createNotice, draftNoticesFromWarnings, issueNotices, listNotices, noticeDetail, recordFeedback, reviewNotice, updateNotice } from '../rectification/rectification';
import { exportNoticeDocuments, exportNoticeList } from '../rectification/rectificationDocuments';
import { listMonitoringForms, monitoringForm, saveMonitoringForm } from '../monitoring/monitoringEntries';
import { createDefaultRounds, listMonitoringRounds, saveMonitoringRound } from '../monitoring/monitoringRounds';
import { commitExpertScoreSheetImport, exportExpertScoreSheet, previewExpertScoreSheetImport } from '../keyEvaluations/expertScoreSheet';
import { commitMonitoringImport, exportMonitoringTemplate, previewMonitoringImport } from '../monitoring/monitoringTemplate';
import { computeWarnings, listWarnings, roundSummary } from '../monitoring/warnings';
import { commitReviewSheetImport, exportReviewSheet, previewReviewSheetImport } from '../targets/reviewSheet';
import { commitTargetImport, previewTargetImport } from '../targets/targetImport';
import { exportTargetPublication } from '../targets/targetPublication';
import { exportTargetTemplate } from '../targets/targetTemplate';
import { exportProjects } from '../projects/projectExport';
import { commitProjectImport, previewProjectImport } from '../projects/projectImport';
import { createProject, listProjects, updateProject } from '../projects/projects';
import { adjustTarget, createTarget, listTargets, promoteIndicator, saveTarget, setSyncDate, targetDetail } from '../targets/targets';
import { createUnit, listUnits, updateUnit } from '../projects/units';
import { createYear, listYears, setIndicatorLayout } from '../ledger/years';

/** A service context plus the transport's way to files. */
export interface HandlerContext extends ServiceContext {
  readonly files: FileGateway;
  readonly staged: StagedFiles;
}

export type Handlers = { [K in CallName]: (ctx: HandlerContext, input: CallArgs<K>) => CallResult<K> | Promise<CallResult<K>> };

export const handlers: Handlers = {
  'ledger.info': (ctx) => ledgerInfo(ctx),
  'audit.recent': (ctx, input) => recentAudit(ctx, input.limit),
  'years.list': (ctx) => listYears(ctx),
  'years.create': createYear,
  'years.setIndicatorLayout': setIndicatorLayout,
  'indicators.classes': (ctx) => listIndicatorClasses(ctx),
  'indicators.list': (ctx) => listIndicators(ctx),
  'indicators.createClass': createIndicatorClass,
  'indicators.create': createIndicator,
  'indicators.update': updateIndicator,
  'indicators.retire': retireIndicator,
  'indicators.reinstate': reinstateIndicator,
  'indicators.usage': indicatorUsage,
  'indicators.recommend': recommendForProject,
  'indicators.importPreview': (ctx) => previewPickedFile(ctx, '选择指标库工作簿', (file) => previewIndicatorImport(ctx, { fileName: file.name, bytes: file.bytes })),
  'indicators.importCommit': (ctx, input) => commitStagedFile(ctx, input.fileId, (file) => commitIndicatorImport(ctx, { fileName: file.name, bytes: file.bytes })),
  'indicators.export': async (ctx) => {
    const exported = await exportIndicators(ctx);
    return saveFile(ctx, '导出共性指标库', exported.fileName, exported.bytes, { classCount: exported.classCount, indicatorCount: exported.indicatorCount });
  },
  'targets.list': listTargets,
  'targets.get': (ctx, input) => targetDetail(ctx, input.id),
  'targets.create': createTarget,
  'targets.save': saveTarget,
  'targets.adjust': adjustTarget,
  'targets.promoteIndicator': promoteIndicator,
  'targets.setSyncDate': setSyncDate,
  'targets.templateExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportTargetTemplate(ctx, input);
    return saveFile(ctx, '导出绩效目标申报模板', fileName, bytes, summary);
  },
  'targets.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择填好的绩效目标申报表', (file) => previewTargetImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'targets.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitTargetImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'targets.publicationExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportTargetPublication(ctx, input);
    return saveFile(ctx, '导出绩效目标公开表', fileName, bytes, summary);
  },
  'review.sheetExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportReviewSheet(ctx, input);
    return saveFile(ctx, '导出会审意见表', fileName, bytes, summary);
  },
  'review.sheetImportPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择填好的会审意见表', (file) => previewReviewSheetImport(ctx, { fileName: file.name, bytes: file.bytes, party: input.party })),
  'review.sheetImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitReviewSheetImport(ctx, { fileName: file.name, bytes: file.bytes, party: input.party })),
  'review.submit': submitForReview,
  'review.rounds': listRounds,
  'review.recordOpinion': recordOpinion,
  'review.decide': decideRound,
  'review.completeByFinance': completeByFinance,
  'review.approve': approveTargets,
  'review.publish': publishTargets,
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
  'monitoring.rounds': listMonitoringRounds,
  'monitoring.saveRound': saveMonitoringRound,
  'monitoring.createDefaultRounds': createDefaultRounds,
  'monitoring.forms': listMonitoringForms,
  'monitoring.form': monitoringForm,
  'monitoring.saveForm': saveMonitoringForm,
  'monitoring.exportTemplate': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportMonitoringTemplate(ctx, input);
    return saveFile(ctx, '导出监控表模板', fileName, bytes, summary);
  },
  'monitoring.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择填好的监控表', (file) => previewMonitoringImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes })),
  'monitoring.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitMonitoringImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes })),
  'warnings.compute': computeWarnings,
  'warnings.list': listWarnings,
  'warnings.summary': roundSummary,
  'execution.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择预算执行数据', (file) => previewExecutionImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes })),
  'execution.importRepreview': (ctx, input) => {
    const file = ctx.staged.get(input.fileId);
    return previewExecutionImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes, manualMatches: input.manualMatches });
  },
  'execution.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitExecutionImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes, manualMatches: input.manualMatches })),
  'execution.list': listExecution,
  'execution.rememberedMatches': listRememberedMatches,
  'execution.forgetMatch': (ctx, input) => {
    forgetRememberedMatch(ctx, input);
    return null;
  },
  'notices.list': listNotices,
  'notices.get': noticeDetail,
  'notices.draftFromWarnings': draftNoticesFromWarnings,
  'notices.create': createNotice,
  'notices.update': updateNotice,
  'notices.issue': issueNotices,
  'notices.feedback': recordFeedback,
  'notices.review': reviewNotice,
  'notices.exportDocuments': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportNoticeDocuments(ctx, input);
    return saveFile(ctx, '导出整改通知', fileName, bytes, summary, DOCX_FILTERS);
  },
  'notices.exportList': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportNoticeList(ctx, input);
    return saveFile(ctx, '导出整改通知台账', fileName, bytes, summary);
  },
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
    previewPickedFile(ctx, '选择评价指标体系表', (file) => previewEvaluationFrameworkImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes })),
  'keyEvaluations.frameworkImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitEvaluationFrameworkImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes })),
  'keyEvaluations.templateImportPreview': (ctx) => previewPickedFile(ctx, '选择评价指标体系表', (file) => readFrameworkWorkbook(file.name, file.bytes).preview),
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
    previewPickedFile(ctx, '选择专家填好的评分表', (file) => previewExpertScoreSheetImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes })),
  'keyEvaluations.scoreSheetImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitExpertScoreSheetImport(ctx, { id: input.id, fileName: file.name, bytes: file.bytes })),
  'keyEvaluations.publication': publicationRows,
  'keyEvaluations.exportPublication': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportKeyEvaluationPublication(ctx, input);
    return saveFile(ctx, '导出重点评价结果公开表', fileName, bytes, summary);
  },
  'keyEvaluations.yearFigures': keyEvaluationYearFigures,
  'units.list': listUnits,
  'units.create': createUnit,
  'units.update': updateUnit,
  'projects.list': listProjects,
  'projects.create': createProject,
  'projects.update': updateProject,
  'projects.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择单位和项目工作簿', (file) => previewProjectImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'projects.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitProjectImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'projects.export': async (ctx, input) => {
    const exported = await exportProjects(ctx, input);
    return saveFile(ctx, '导出项目清单', exported.fileName, exported.bytes, { projectCount: exported.projectCount, totalFen: exported.totalFen });
  },
};

/** Every import's first step: the user picks a file, it is staged for the commit, and previewed. */
async function previewPickedFile<P>(ctx: HandlerContext, title: string, preview: (file: { name: string; bytes: Uint8Array }) => P): Promise<ImportPreviewOutcome<P>> {
  const picked = await ctx.files.openFile({ title, filters: SPREADSHEET_FILTERS });
  if (!picked) return { cancelled: true };
  const file = checkImportSize(picked);
  const fileId = ctx.staged.stage(file);
  return { cancelled: false, fileId, fileName: file.name, preview: preview(file) };
}

/** Every import's second step: the previewed file is committed, then forgotten (a refusal keeps it for a retry). */
function commitStagedFile<R>(ctx: HandlerContext, fileId: string, commit: (file: { name: string; bytes: Uint8Array }) => R): R {
  const result = commit(ctx.staged.get(fileId));
  ctx.staged.drop(fileId);
  return result;
}

/** Every export's last step: the user says where (or the browser downloads it). */
async function saveFile<S>(ctx: HandlerContext, title: string, defaultName: string, bytes: Uint8Array, summary: S, filters: FileFilter[] = XLSX_FILTERS): Promise<SaveOutcome<S>> {
  const saved = await ctx.files.saveFile({ title, defaultName, filters }, bytes);
  return { saved, summary };
}
