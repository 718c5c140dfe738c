/** Which service answers each of the area's bridge calls (calls/monitoring.ts). */
import { commitExecutionImport, listExecution, previewExecutionImport } from '../../monitoring/executionImport';
import { forgetRememberedMatch, listRememberedMatches } from '../../monitoring/rememberedMatches';
import { listMonitoringForms, monitoringForm, saveMonitoringForm } from '../../monitoring/monitoringEntries';
import { createDefaultRounds, listMonitoringRounds, saveMonitoringRound } from '../../monitoring/monitoringRounds';
import { exportMonitoringTemplate } from '../../monitoring/monitoringTemplateExport';
import { commitMonitoringImport, previewMonitoringImport } from '../../monitoring/monitoringTemplateImport';
import { computeWarnings, listWarnings, roundSummary } from '../../monitoring/warnings';
import { type AreaHandlers, previewPickedFile, commitStagedFile, saveFile } from './fileSteps';
import type { monitoringCalls } from '../calls/monitoring';

export const monitoringHandlers: AreaHandlers<typeof monitoringCalls> = {
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
    previewPickedFile(ctx, '选择填好的监控表', (file) =>
      previewMonitoringImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes }),
    ),
  'monitoring.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) =>
      commitMonitoringImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes }),
    ),
  'warnings.compute': computeWarnings,
  'warnings.list': listWarnings,
  'warnings.summary': roundSummary,
  'execution.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择预算执行数据', (file) =>
      previewExecutionImport(ctx, { roundId: input.roundId, fileName: file.name, bytes: file.bytes }),
    ),
  'execution.importRepreview': (ctx, input) => {
    const file = ctx.staged.get(input.fileId);
    const { fileId: _id, ...choices } = input;
    return previewExecutionImport(ctx, { ...choices, fileName: file.name, bytes: file.bytes });
  },
  'execution.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => {
      const { fileId: _id, ...choices } = input;
      return commitExecutionImport(ctx, { ...choices, fileName: file.name, bytes: file.bytes });
    }),
  'execution.list': listExecution,
  'execution.rememberedMatches': listRememberedMatches,
  'execution.forgetMatch': (ctx, input) => {
    forgetRememberedMatch(ctx, input);
    return null;
  },
};
