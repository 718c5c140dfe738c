/** Bridge calls for 绩效监控: rounds, execution data, monitoring forms and the three warning lines. */
import { z } from 'zod';
import type { ExecutionImportPreview, ExecutionImportResult, ExecutionRecordRow } from '../../monitoring/executionImport';
import type { RememberedMatchRow } from '../../monitoring/rememberedMatches';
import type { MonitoringForm, MonitoringFormListRow } from '../../monitoring/monitoringEntries';
import type { RoundRow } from '../../monitoring/monitoringRounds';
import type { MonitoringImportPreview, MonitoringImportResult } from '../../monitoring/monitoringTemplateImport';
import type { ComputeResult, RoundSummary, WarningRow } from '../../monitoring/warnings';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, type SaveOutcome, type ImportPreviewOutcome } from '../callSpec';
import { year, id, nameCharacters, optionalText, isoDate } from './fields';
import { DEVIATION_REASON_CODES, LIKELIHOOD_CODES, SUBJECTS, WARNING_COLOURS, WARNING_LINE_CODES } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { ExecutionImportPreview, ExecutionMatchedRow, ExecutionUnmatchedRow, ManualMatch } from '../../monitoring/executionImport';
export type { UnitComparison, UnitEvidence, UnitMismatch } from '../../monitoring/executionUnit';
export type { MatchedBy } from '../../monitoring/executionMatching';
export type { RememberedMatchRow } from '../../monitoring/rememberedMatches';
export type { MonitoringEntryInput, MonitoringForm, MonitoringFormListRow, MonitoringFormRow } from '../../monitoring/monitoringEntries';
export type { RoundRow } from '../../monitoring/monitoringRounds';
export type { MonitoringImportPreview, MonitoringSheetPlan } from '../../monitoring/monitoringTemplateImport';
export type { WarningLineView, WarningRow } from '../../monitoring/warnings';

const monitoringEntry = z.object({
  key: z.string().min(1).max(200),
  currentValue: z.string().max(100, '当前完成值不超过 100 个字'),
  expectedValue: z.string().max(100, '全年预计完成值不超过 100 个字'),
  likelihood: z.enum(LIKELIHOOD_CODES, { error: '请选择完成可能性' }).nullable(),
  deviationReason: z.enum(DEVIATION_REASON_CODES, { error: '请选择偏差原因' }).nullable(),
  explanation: optionalText(1000, '原因说明'),
  correctiveAction: optionalText(1000, '纠偏措施'),
});

const manualMatches = z.array(z.object({ row: z.number().int().positive(), projectId: id('项目') })).max(5000);
/** The file's money unit as the clerk chose it, and the confirmation of one the ledger contradicts. */
const unitChoice = {
  moneyUnit: z.enum(['元', '万元'], { error: '文件金额单位只能是元或万元' }).nullable().optional(),
  confirmUnit: z.boolean().optional(),
};

export const monitoringCalls = {
  'monitoring.rounds': read<RoundRow[]>()(z.object({ year }), '年度的监控轮次'),
  'monitoring.saveRound': write<RoundRow>()(
    z.object({
      id: z.number().int().positive().nullable(),
      year,
      name: z.string().trim().min(1, '请填写轮次名称').max(50, '轮次名称不超过 50 个字').superRefine(nameCharacters('轮次名称')),
      asOfMonth: z.number({ error: '请选择截止月份' }).int().min(1, '截止月份须为 1–12').max(12, '截止月份须为 1–12'),
      scope: z.enum(SUBJECTS, { error: '请选择监控对象' }),
      dueDate: isoDate,
    }),
    '新增或修改监控轮次',
  ),
  'monitoring.createDefaultRounds': write<RoundRow[]>()(z.object({ year }), '按年度规则补建默认监控轮次'),
  'monitoring.forms': read<MonitoringFormListRow[]>()(
    z.object({ roundId: id('监控轮次'), unitId: z.number().int().positive().nullable().optional() }),
    '本轮应填报的监控表及填报进度',
  ),
  'monitoring.form': read<MonitoringForm>()(
    z.object({ roundId: id('监控轮次'), targetId: id('绩效目标') }),
    '一个项目（或部门整体）本轮的监控表',
  ),
  'monitoring.saveForm': write<MonitoringForm>()(
    z.object({ roundId: id('监控轮次'), targetId: id('绩效目标'), entries: z.array(monitoringEntry).max(300) }),
    '保存监控表（偏差原因等按规则必填）',
  ),
  'monitoring.exportTemplate': read<SaveOutcome<{ formCount: number; unitCount: number; prefilled: number }>>()(
    z.object({ roundId: id('监控轮次'), unitId: z.number().int().positive().nullable() }),
    '导出监控表模板（按单位）',
    SAVE_XLSX,
  ),
  'monitoring.importPreview': read<ImportPreviewOutcome<MonitoringImportPreview>>()(
    z.object({ roundId: id('监控轮次') }),
    '选择单位填好的监控表并预览',
    OPEN_SPREADSHEET,
  ),
  'monitoring.importCommit': write<MonitoringImportResult>()(
    z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入监控表（全部成功或全部不写入）',
  ),
  'warnings.compute': write<ComputeResult>()(z.object({ roundId: id('监控轮次') }), '按年度规则计算本轮三条警戒线'),
  'warnings.list': read<WarningRow[]>()(
    z.object({
      roundId: id('监控轮次'),
      unitId: z.number().int().positive().nullable().optional(),
      line: z.enum(WARNING_LINE_CODES).nullable().optional(),
      colour: z.enum(WARNING_COLOURS).nullable().optional(),
      sort: z.enum(['deviation', 'attention']).nullable().optional(),
    }),
    '本轮预警清单（可按单位、警戒线、颜色筛选，按偏离率或按需处理程度排序）',
  ),
  'warnings.summary': read<RoundSummary>()(z.object({ roundId: id('监控轮次') }), '本轮监控概况'),
  'execution.importPreview': read<ImportPreviewOutcome<ExecutionImportPreview>>()(
    z.object({ roundId: id('监控轮次') }),
    '选择预算执行数据并预览（不写入）',
    OPEN_SPREADSHEET,
  ),
  'execution.importRepreview': read<ExecutionImportPreview>()(
    z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), manualMatches, ...unitChoice }),
    '手工对应项目或选择金额单位后重新预览',
  ),
  'execution.importCommit': write<ExecutionImportResult>()(
    z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), manualMatches, ...unitChoice }),
    '按预览结果导入执行数据（全部成功或全部不写入），记住手工对应',
  ),
  'execution.list': read<ExecutionRecordRow[]>()(z.object({ roundId: id('监控轮次') }), '本轮已导入的执行数据'),
  'execution.rememberedMatches': read<RememberedMatchRow[]>()(z.object({ year }), '记住的手工对应'),
  'execution.forgetMatch': write<null>()(z.object({ id: id('手工对应') }), '删除一条记住的手工对应'),
} as const;
