/**
 * The bridge contract: every call the renderer can make, in one list. Each entry names the call
 * (`area.action`), its zod input schema (with the zh-CN message a clerk sees at the field), its result
 * type and whether it writes. The preload, the dispatcher, the browser host and the renderer's typed
 * client are all derived from this object; adding a call is one entry here plus its handler.
 *
 * This file is shared with the renderer: it may import zod, pure rules and types only.
 */
import { z } from 'zod';
import type { Recommendation } from '../rules/indicatorRecommendation';
import { NATURES } from '../rules/indicatorRules';
import { REVIEW_GRADES, SYNC_STEPS, type SyncStep } from '../rules/jointReview';
import { BUDGET_KINDS, CONTINUITY, PROJECT_TYPES, type BudgetKind } from '../rules/labels';
import { parseMoney } from '../rules/money';
import type { FrameworkImportPreview } from '../keyEvaluations/frameworkExchange';
import type { FrameworkTemplateRow } from '../keyEvaluations/frameworkTemplates';
import type { EvaluationScore, Framework } from '../rules/keyEvaluationScore';
import type { AuditEntry } from '../ledger/audit';
import type { KeyEvaluationYearFigures, PublicationRow, ResultActionRow } from '../keyEvaluations/keyEvaluationResults';
import type { KeyEvaluationRow, KeyEvaluationView } from '../keyEvaluations/keyEvaluations';
import type { ExecutionImportPreview, ExecutionImportResult, ExecutionRecordRow, RememberedMatchRow } from '../monitoring/executionImport';
import type { AssessmentView, ExAnteOverview, GateState } from '../exAnte/exAnte';
import type { ReviewRoundView } from '../targets/jointReview';
import type { NoticeDetail, NoticeRow } from '../rectification/rectification';
import type { MonitoringForm, MonitoringFormListRow } from '../monitoring/monitoringEntries';
import type { RoundRow } from '../monitoring/monitoringRounds';
import type { MonitoringImportPreview, MonitoringImportResult } from '../monitoring/monitoringTemplate';
import type { ComputeResult, RoundSummary, WarningRow } from '../monitoring/warnings';
import type { ProjectImportPreview, ProjectImportResult } from '../projects/projectImport';
import type { ReviewSheetImportResult, ReviewSheetPreview } from '../targets/reviewSheet';
import type { ExpertScoreImportPreview, ExpertScoreImportResult } from '../keyEvaluations/expertScoreSheet';
import type { TargetImportPreview, TargetImportResult } from '../targets/targetImport';
import type { TargetDetail, TargetListRow } from '../targets/targets';
import type { IndicatorImportPreview, IndicatorImportResult } from '../indicators/indicatorExchange';
import type { IndicatorClassRow, IndicatorRow, IndicatorUse } from '../indicators/indicators';
import type { LedgerInfo } from '../ledger/ledgerInfo';
import type { ProjectRow } from '../projects/projects';
import type { UnitRow } from '../projects/units';
import type { YearSummary } from '../ledger/years';

/**
 * A call that reads a file the user picks ('open') or writes one where the user says ('save'). The
 * transport does the picking (native dialog, or the browser's file input and download); the
 * extensions tell it what to offer.
 */
export interface FileUse {
  readonly mode: 'open' | 'save';
  readonly extensions: readonly string[];
}

export interface CallSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly write: boolean;
  readonly doc: string;
  readonly file?: FileUse;
  /** Type-only carrier of the result type; never set at run time. */
  readonly result?: R;
}

const read =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string, file?: FileUse): CallSpec<I, R> => ({ input, write: false, doc, ...(file ? { file } : {}) });
const write =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string, file?: FileUse): CallSpec<I, R> => ({ input, write: true, doc, ...(file ? { file } : {}) });

const OPEN_SPREADSHEET: FileUse = { mode: 'open', extensions: ['xlsx', 'xls', 'csv'] };
const SAVE_XLSX: FileUse = { mode: 'save', extensions: ['xlsx'] };
const SAVE_DOCX: FileUse = { mode: 'save', extensions: ['docx'] };

/** What a save call returns: where the file went (null when the user cancelled) and what it held. */
export interface SaveOutcome<S> {
  saved: { savedAs: string; downloadId?: string } | null;
  summary: S;
}

/** What an import's preview call returns: the staged file to commit, or nothing when cancelled. */
export type ImportPreviewOutcome<P> = { cancelled: true } | { cancelled: false; fileId: string; fileName: string; preview: P };

const year = z.number({ error: '请选择预算年度' }).int('预算年度须为整数').min(2000, '预算年度须在 2000–2100 之间').max(2100, '预算年度须在 2000–2100 之间');
const id = (what: string) => z.number({ error: `缺少${what}` }).int().positive(`缺少${what}`);
const optionalText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${label}不超过 ${max} 个字`)
    .nullable()
    .transform((v) => v?.trim() || null);

/** 万元 as typed in a form ("12.5", "1,200.00"); becomes exact 分. */
const wanYuan = z.union([z.string(), z.number()], { error: '请填写金额（万元）' }).transform((v, ctx) => {
  const parsed = parseMoney(v, '万元');
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: `金额${parsed.reason}，请填写以万元为单位的数字，如 12.50` });
    return z.NEVER;
  }
  return parsed.fen;
});

const unitFields = z.object({
  name: z.string({ error: '请填写单位名称' }).trim().min(1, '请填写单位名称').max(100, '单位名称不超过 100 个字'),
  code: optionalText(50, '单位代码'),
  parentId: z.number().int().positive().nullable(),
  classified: z.boolean(),
});

const budgetKindCodes = Object.keys(BUDGET_KINDS) as [BudgetKind, ...BudgetKind[]];
const continuityCodes = Object.keys(CONTINUITY) as [keyof typeof CONTINUITY, ...(keyof typeof CONTINUITY)[]];

const projectFields = z
  .object({
    year,
    unitId: id('预算单位').or(z.null()).refine((v) => v !== null, '请选择预算单位'),
    code: optionalText(50, '项目代码'),
    name: z.string({ error: '请填写项目名称' }).trim().min(1, '请填写项目名称').max(200, '项目名称不超过 200 个字'),
    projectType: z.enum(PROJECT_TYPES, { error: '请选择项目类型' }),
    budgetKind: z.enum(budgetKindCodes, { error: '请选择预算类型（四本预算之一）' }),
    initialBudget: wanYuan,
    continuity: z.enum(continuityCodes, { error: '请选择新增或延续' }),
    majorPolicy: z.boolean(),
  })
  .transform(({ initialBudget, unitId, ...rest }) => ({ ...rest, unitId: unitId as number, initialBudgetFen: initialBudget }));

const indicatorFields = z.object({
  classId: id('指标类别'),
  level1: z.string({ error: '请选择一级指标' }).min(1, '请选择一级指标'),
  level2: z.string({ error: '请选择二级指标' }).min(1, '请选择二级指标'),
  name: z.string({ error: '请填写三级指标名称' }).trim().min(1, '请填写三级指标名称').max(100, '指标名称不超过 100 个字'),
  nature: z.enum(NATURES, { error: `指标性质须为 ${NATURES.join(' ')} 之一` }),
  unit: optionalText(20, '计量单位'),
  explanation: optionalText(500, '指标解释'),
  standard: optionalText(50, '绩效标准'),
  keywords: optionalText(200, '关键词'),
  referenceHint: optionalText(100, '参考值'),
  mandatory: z.boolean(),
  scope: z.enum(['annual', 'overall']),
});

/** 万元 as typed, or empty for "not given" (null). */
const optionalWanYuan = z
  .union([z.string(), z.number(), z.null()])
  .transform((v, ctx) => {
    if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
    const parsed = parseMoney(v, '万元');
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: `金额${parsed.reason}，请填写以万元为单位的数字` });
      return z.NEVER;
    }
    return parsed.fen;
  });

const targetIndicator = z.object({
  libraryIndicatorId: z.number().int().positive().nullable(),
  period: z.enum(['annual', 'midTerm']),
  level1: z.string().trim().min(1, '请选择一级指标'),
  level2: z.string().trim().min(1, '请选择二级指标'),
  name: z.string().trim().min(1, '请填写三级指标名称').max(100, '指标名称不超过 100 个字'),
  nature: z.enum(NATURES, { error: `指标性质须为 ${NATURES.join(' ')} 之一` }),
  value: z.string().max(100, '指标值不超过 100 个字'),
  unit: optionalText(20, '计量单位'),
});

/** A target's content as a form sends it: money in 万元 text, becoming exact 分. */
const targetContent = z
  .object({
    id: id('绩效目标'),
    indicatorClassId: z.number().int().positive().nullable(),
    period: optionalText(50, '项目期'),
    midTermGoal: optionalText(2000, '中期目标'),
    annualGoal: z.string().max(2000, '年度目标不超过 2000 个字'),
    mainTasks: optionalText(4000, '年度主要任务'),
    annualTotal: wanYuan,
    annualFiscal: wanYuan,
    annualOther: wanYuan,
    midTotal: optionalWanYuan,
    midFiscal: optionalWanYuan,
    midOther: optionalWanYuan,
    indicators: z.array(targetIndicator).max(200, '指标不超过 200 个'),
  })
  .transform(({ annualTotal, annualFiscal, annualOther, midTotal, midFiscal, midOther, ...rest }) => ({
    ...rest,
    annualTotalFen: annualTotal,
    annualFiscalFen: annualFiscal,
    annualOtherFen: annualOther,
    midTotalFen: midTotal,
    midFiscalFen: midFiscal,
    midOtherFen: midOther,
  }));

const grade = z.enum(REVIEW_GRADES, { error: '请选择等级（优、良、中、差）' });
const syncStepCodes = Object.keys(SYNC_STEPS) as [SyncStep, ...SyncStep[]];
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2023-01-31');

const rating = z.enum(['优', '良', '中', '差'], { error: '请选择评级（优、良、中、差）' });
const assessmentContent = z
  .object({
    id: id('事前评估'),
    assessor: z.enum(['bureau', 'thirdParty'], { error: '请选择评估方' }),
    assessorName: optionalText(100, '评估机构'),
    recommendedBudget: optionalWanYuan,
    workSummary: optionalText(4000, '评估工作开展情况'),
    findings: optionalText(4000, '评估发现'),
    suggestions: optionalText(4000, '相关建议'),
    otherNotes: optionalText(4000, '其他需要说明的问题'),
    scores: z
      .array(
        z.object({
          dimension: z.string(),
          item: z.string(),
          rating: rating.nullable(),
          points: z.number({ error: '得分须为数字' }).min(0, '得分不能为负').max(100).nullable(),
          basis: z.string().max(2000, '评分依据不超过 2000 个字'),
        }),
      )
      .max(100),
  })
  .transform(({ recommendedBudget, ...rest }) => ({ ...rest, recommendedBudgetFen: recommendedBudget }));

const noticeText = (label: string) => z.string().trim().min(1, `请填写${label}`).max(4000, `${label}不超过 4000 个字`);
const noticeContent = { findings: noticeText('发现的问题'), requirements: noticeText('整改要求'), deadline: isoDate };

const monitoringEntry = z.object({
  key: z.string().min(1).max(200),
  currentValue: z.string().max(100, '当前完成值不超过 100 个字'),
  expectedValue: z.string().max(100, '全年预计完成值不超过 100 个字'),
  likelihood: z.enum(['certain', 'possible', 'impossible'], { error: '请选择完成可能性' }).nullable(),
  deviationReason: z.enum(['funding', 'institution', 'staffing', 'hardware', 'other'], { error: '请选择偏差原因' }).nullable(),
  explanation: optionalText(1000, '原因说明'),
  correctiveAction: optionalText(1000, '纠偏措施'),
});

const framework: z.ZodType<Framework> = z.array(
  z.object({
    name: z.string().trim().min(1, '请填写一级指标'),
    weight: z.number().positive('一级权重须大于 0').max(100),
    level2: z.array(
      z.object({
        name: z.string().trim().min(1, '请填写二级指标'),
        indicators: z.array(
          z.object({
            code: z.string().min(1).max(20),
            name: z.string().trim().min(1, '请填写三级指标').max(100),
            points: z.number().positive('分值须大于 0').max(100),
            rule: z.string().max(2000, '评分标准不超过 2000 个字'),
            formula: z.string().max(500).nullable().optional(),
          }),
        ),
      }),
    ),
  }),
).max(10);
const templateId = z.string({ error: '缺少模板' }).min(1, '缺少模板').max(40);
const templateFields = {
  name: z.string({ error: '请填写模板名称' }).trim().min(1, '请填写模板名称').max(100, '模板名称不超过 100 个字'),
  description: z.string().trim().max(500, '说明不超过 500 个字'),
};
const evaluator = z.enum(['bureau', 'thirdParty'], { error: '请选择评价主体' });
const aggregation = z.enum(['mean', 'trimmedMean']);
const resultAction = {
  actionType: z.string().trim().min(1, '请选择结果应用方式').max(50),
  amount: optionalWanYuan,
  nextYearProjectId: z.number().int().positive().nullable(),
  status: z.enum(['planned', 'applied', 'cancelled']),
  note: optionalText(1000, '说明'),
};

const manualMatches = z.array(z.object({ row: z.number().int().positive(), projectId: id('项目') })).max(5000);

const nothing = z.object({}).strict();

export const contract = {
  'ledger.info': read<LedgerInfo>()(nothing, '当前台账文件的名称、大小和审计记录数'),
  'audit.recent': read<AuditEntry[]>()(z.object({ limit: z.number().int().min(1).max(500) }), '最近的审计记录'),
  'years.list': read<YearSummary[]>()(nothing, '台账中的预算年度'),
  'years.create': write<YearSummary>()(z.object({ year }), '新建预算年度（沿用上一年度的规则）'),
  'years.setIndicatorLayout': write<YearSummary>()(z.object({ year, layout: z.enum(['three', 'four'], { error: '请选择三分法或四分法' }) }), '选择年度的指标体系（三分法或四分法）'),
  'indicators.classes': read<IndicatorClassRow[]>()(nothing, '指标类别及各类启用、停用的指标数'),
  'indicators.list': read<IndicatorRow[]>()(nothing, '整个共性指标库（含已停用）'),
  'indicators.createClass': write<IndicatorClassRow>()(z.object({ name: z.string({ error: '请填写类别名称' }).trim().min(1, '请填写类别名称').max(50, '类别名称不超过 50 个字') }), '新增指标类别'),
  'indicators.create': write<IndicatorRow>()(indicatorFields, '新增共性指标'),
  'indicators.update': write<IndicatorRow>()(indicatorFields.extend({ id: id('指标') }), '修改共性指标'),
  'indicators.retire': write<IndicatorRow>()(z.object({ id: id('指标') }), '停用指标（保留在已使用它的目标中）'),
  'indicators.reinstate': write<IndicatorRow>()(z.object({ id: id('指标') }), '恢复启用指标'),
  'indicators.usage': read<IndicatorUse[]>()(z.object({ id: id('指标') }), '使用该共性指标的绩效目标'),
  'indicators.recommend': read<Recommendation[]>()(
    z.object({ className: z.string().nullable(), text: z.string().max(2000, '用于推荐的文字过长'), limit: z.number().int().min(1).max(100) }),
    '按项目类别和名称、目标用词推荐共性指标',
  ),
  'indicators.importPreview': read<ImportPreviewOutcome<IndicatorImportPreview>>()(nothing, '选择指标库工作簿并预览导入结果（不写入）', OPEN_SPREADSHEET),
  'indicators.importCommit': write<IndicatorImportResult>()(z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }), '按预览结果导入指标库（全部成功或全部不写入）'),
  'indicators.export': read<SaveOutcome<{ classCount: number; indicatorCount: number }>>()(nothing, '导出共性指标库（带格式的 xlsx，可再导入）', SAVE_XLSX),
  'targets.list': read<TargetListRow[]>()(z.object({ year }), '年度全部项目的绩效目标状态（含尚无目标的项目）及部门整体目标'),
  'targets.get': read<TargetDetail>()(z.object({ id: id('绩效目标') }), '一个绩效目标的全部内容、机审清单和五个同步日期'),
  'targets.create': write<TargetDetail>()(z.object({ year, projectId: z.number().int().positive().nullable(), unitId: z.number().int().positive().nullable() }), '为项目或单位（部门整体）开始填报绩效目标'),
  'targets.save': write<TargetDetail>()(targetContent, '保存填报中的绩效目标'),
  'targets.adjust': write<TargetDetail>()(z.intersection(targetContent, z.object({ reason: z.string().max(500, '调整原因不超过 500 个字') })), '调整已批复的绩效目标（记录原因和前后内容）'),
  'targets.promoteIndicator': write<IndicatorRow>()(z.object({ targetIndicatorId: id('指标'), classId: id('指标类别') }), '把个性指标纳入共性指标库'),
  'targets.setSyncDate': write<TargetDetail>()(
    z.object({ targetId: id('绩效目标'), track: z.enum(['budget', 'target']), step: z.enum(syncStepCodes), date: isoDate.nullable() }),
    '记录五个同步某一步的日期',
  ),
  'targets.templateExport': read<SaveOutcome<{ projectCount: number; unitCount: number; prefilledTargets: number; prefilledDepartments: number }>>()(
    z.object({ year, unitId: z.number().int().positive().nullable() }),
    '导出绩效目标申报模板（项目支出和部门整体；按单位，或全部单位）',
    SAVE_XLSX,
  ),
  'targets.importPreview': read<ImportPreviewOutcome<TargetImportPreview>>()(z.object({ year }), '选择单位填好的申报表并预览（不写入）', OPEN_SPREADSHEET),
  'targets.importCommit': write<TargetImportResult>()(z.object({ year, fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }), '按预览结果导入申报表（全部成功或全部不写入）'),
  'targets.publicationExport': read<
    SaveOutcome<{ unitCount: number; projectTargets: number; departmentTargets: number; excludedClassifiedUnits: number; excludedClassifiedTargets: number }>
  >()(z.object({ year }), '导出绩效目标公开表（项目支出、部门整体，涉密单位除外）', SAVE_XLSX),
  'review.sheetExport': read<SaveOutcome<{ targetCount: number }>>()(
    z.object({ targetIds: z.array(id('绩效目标')).min(1, '请先勾选要导出会审意见表的绩效目标').max(2000), party: z.enum(['unit', 'finance', 'thirdParty']).nullable() }),
    '导出会审意见表（交第三方机构等填写）',
    SAVE_XLSX,
  ),
  'review.sheetImportPreview': read<ImportPreviewOutcome<ReviewSheetPreview>>()(z.object({ party: z.enum(['unit', 'finance', 'thirdParty']).nullable() }), '选择填好的会审意见表并预览', OPEN_SPREADSHEET),
  'review.sheetImportCommit': write<ReviewSheetImportResult>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), party: z.enum(['unit', 'finance', 'thirdParty']).nullable() }),
    '按预览结果记录会审意见（全部成功或全部不写入）',
  ),
  'review.submit': write<TargetDetail>()(z.object({ targetId: id('绩效目标') }), '机审通过后提交三方联合会审'),
  'review.rounds': read<ReviewRoundView[]>()(z.object({ targetId: id('绩效目标') }), '各轮会审的意见、结论和当时的目标内容'),
  'review.recordOpinion': write<ReviewRoundView[]>()(
    z.object({
      targetId: id('绩效目标'),
      party: z.enum(['unit', 'finance', 'thirdParty'], { error: '请选择会审方' }),
      reviewer: optionalText(50, '审核人'),
      completeness: grade,
      relevance: grade,
      appropriateness: grade,
      feasibility: grade,
      opinion: z.string().max(2000, '修改意见不超过 2000 个字'),
    }),
    '记录一方的会审意见',
  ),
  'review.decide': write<TargetDetail>()(z.object({ targetId: id('绩效目标'), result: grade, note: optionalText(1000, '结论说明') }), '财政局作出会审结论（优、良、中、差）'),
  'review.completeByFinance': write<TargetDetail>()(z.object({ targetId: id('绩效目标') }), '“良”的目标经财政完善后转为待批复'),
  'review.approve': write<number>()(z.object({ targetIds: z.array(id('绩效目标')).min(1, '请先勾选要批复的绩效目标').max(2000) }), '批复绩效目标（全部成功或全部不变）'),
  'review.publish': write<number>()(z.object({ targetIds: z.array(id('绩效目标')).min(1, '请先勾选要公开的绩效目标').max(2000) }), '登记绩效目标已公开'),
  'exAnte.list': read<AssessmentView[]>()(z.object({ year }), '年度全部事前绩效评估'),
  'exAnte.get': read<AssessmentView>()(z.object({ id: id('事前评估') }), '一次事前评估的评分、结论和报告内容'),
  'exAnte.create': write<AssessmentView>()(
    z.object({ year, projectId: z.number().int().positive().nullable(), subjectName: optionalText(200, '评估对象名称'), assessor: z.enum(['bureau', 'thirdParty']) }),
    '对项目或政策开始事前绩效评估',
  ),
  'exAnte.save': write<AssessmentView>()(assessmentContent, '保存评分、评分依据和评估发现'),
  'exAnte.finalize': write<AssessmentView>()(z.object({ id: id('事前评估') }), '评估定稿：确定总分和结论'),
  'exAnte.recheck': write<AssessmentView>()(z.object({ id: id('事前评估'), revisedPlan: z.string().max(4000, '方案要点不超过 4000 个字') }), '记录调整完善后的方案并复核通过'),
  'exAnte.gate': read<GateState>()(z.object({ projectId: id('项目') }), '项目能否入库、批复预算，以及原因'),
  'exAnte.admit': write<GateState>()(z.object({ projectId: id('项目') }), '项目入库（须通过事前评估关口）'),
  'exAnte.exportScoreSheet': read<SaveOutcome<null>>()(z.object({ id: id('事前评估') }), '导出事前评估评分表（xlsx）', SAVE_XLSX),
  'exAnte.exportReport': read<SaveOutcome<null>>()(z.object({ id: id('事前评估') }), '导出事前绩效评估报告（docx，按报告提纲填好已记录的内容）', SAVE_DOCX),
  'exAnte.overview': read<ExAnteOverview>()(z.object({ year }), '年度事前评估概况：数量、结论和资金'),
  'monitoring.rounds': read<RoundRow[]>()(z.object({ year }), '年度的监控轮次'),
  'monitoring.saveRound': write<RoundRow>()(
    z.object({
      id: z.number().int().positive().nullable(),
      year,
      name: z.string().trim().min(1, '请填写轮次名称').max(50, '轮次名称不超过 50 个字'),
      asOfMonth: z.number({ error: '请选择截止月份' }).int().min(1, '截止月份须为 1–12').max(12, '截止月份须为 1–12'),
      scope: z.enum(['project', 'department'], { error: '请选择监控对象' }),
      dueDate: isoDate,
    }),
    '新增或修改监控轮次',
  ),
  'monitoring.createDefaultRounds': write<RoundRow[]>()(z.object({ year }), '按年度规则补建默认监控轮次'),
  'monitoring.forms': read<MonitoringFormListRow[]>()(z.object({ roundId: id('监控轮次'), unitId: z.number().int().positive().nullable().optional() }), '本轮应填报的监控表及填报进度'),
  'monitoring.form': read<MonitoringForm>()(z.object({ roundId: id('监控轮次'), targetId: id('绩效目标') }), '一个项目（或部门整体）本轮的监控表'),
  'monitoring.saveForm': write<MonitoringForm>()(
    z.object({ roundId: id('监控轮次'), targetId: id('绩效目标'), entries: z.array(monitoringEntry).max(300) }),
    '保存监控表（偏差原因等按规则必填）',
  ),
  'monitoring.exportTemplate': read<SaveOutcome<{ formCount: number; unitCount: number; prefilled: number }>>()(
    z.object({ roundId: id('监控轮次'), unitId: z.number().int().positive().nullable() }),
    '导出监控表模板（按单位）',
    SAVE_XLSX,
  ),
  'monitoring.importPreview': read<ImportPreviewOutcome<MonitoringImportPreview>>()(z.object({ roundId: id('监控轮次') }), '选择单位填好的监控表并预览', OPEN_SPREADSHEET),
  'monitoring.importCommit': write<MonitoringImportResult>()(
    z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入监控表（全部成功或全部不写入）',
  ),
  'warnings.compute': write<ComputeResult>()(z.object({ roundId: id('监控轮次') }), '按年度规则计算本轮三条警戒线'),
  'warnings.list': read<WarningRow[]>()(
    z.object({
      roundId: id('监控轮次'),
      unitId: z.number().int().positive().nullable().optional(),
      line: z.enum(['execution', 'completion', 'deviation']).nullable().optional(),
      colour: z.enum(['red', 'yellow', 'green', 'blue', 'none']).nullable().optional(),
      sort: z.enum(['deviation']).nullable().optional(),
    }),
    '本轮预警清单（可按单位、警戒线、颜色筛选，按偏离率排序）',
  ),
  'warnings.summary': read<RoundSummary>()(z.object({ roundId: id('监控轮次') }), '本轮监控概况'),
  'execution.importPreview': read<ImportPreviewOutcome<ExecutionImportPreview>>()(z.object({ roundId: id('监控轮次') }), '选择预算执行数据并预览（不写入）', OPEN_SPREADSHEET),
  'execution.importRepreview': read<ExecutionImportPreview>()(z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), manualMatches }), '手工对应项目后重新预览'),
  'execution.importCommit': write<ExecutionImportResult>()(
    z.object({ roundId: id('监控轮次'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), manualMatches }),
    '按预览结果导入执行数据（全部成功或全部不写入），记住手工对应',
  ),
  'execution.list': read<ExecutionRecordRow[]>()(z.object({ roundId: id('监控轮次') }), '本轮已导入的执行数据'),
  'execution.rememberedMatches': read<RememberedMatchRow[]>()(z.object({ year }), '记住的手工对应'),
  'execution.forgetMatch': write<null>()(z.object({ id: id('手工对应') }), '删除一条记住的手工对应'),
  'notices.list': read<NoticeRow[]>()(
    z.object({ year, status: z.enum(['draft', 'issued', 'answered', 'closed', 'returned']).optional(), unitId: z.number().int().positive().optional(), overdueOnly: z.boolean().optional() }),
    '年度整改通知（可按状态、单位、是否逾期筛选）',
  ),
  'notices.get': read<NoticeDetail>()(z.object({ id: id('整改通知') }), '一份整改通知及其全部办理记录'),
  'notices.draftFromWarnings': write<NoticeRow[]>()(z.object({ roundId: id('监控轮次') }), '为偏离率超过阈值的项目起草整改通知'),
  'notices.create': write<NoticeRow>()(
    z.object({
      year,
      source: z.enum(['monitoring', 'evaluation']),
      roundId: z.number().int().positive().nullable(),
      projectId: z.number().int().positive().nullable(),
      unitId: id('预算单位'),
      ...noticeContent,
    }),
    '起草整改通知',
  ),
  'notices.update': write<NoticeRow>()(z.object({ id: id('整改通知'), ...noticeContent }), '修改草稿'),
  'notices.issue': write<NoticeRow[]>()(z.object({ ids: z.array(id('整改通知')).min(1, '请先勾选要下发的整改通知').max(1000) }), '下发整改通知（按顺序编文号，全部成功或全部不变）'),
  'notices.feedback': write<NoticeDetail>()(z.object({ id: id('整改通知'), text: noticeText('整改反馈') }), '登记单位的整改反馈'),
  'notices.review': write<NoticeDetail>()(
    z.object({ id: id('整改通知'), decision: z.enum(['close', 'return']), text: z.string().max(4000, '审核意见不超过 4000 个字'), deadline: isoDate.nullable().optional() }),
    '审核整改反馈：办结或退回',
  ),
  'notices.exportDocuments': read<SaveOutcome<{ noticeCount: number; letterCount: number }>>()(
    z.object({ ids: z.array(id('整改通知')).min(1, '请先勾选要导出的整改通知').max(1000), per: z.enum(['unit', 'project']) }),
    '导出整改通知（Word，按单位或按项目）',
    SAVE_DOCX,
  ),
  'notices.exportList': read<SaveOutcome<{ noticeCount: number; overdueCount: number }>>()(z.object({ year }), '导出整改通知台账（xlsx）', SAVE_XLSX),
  'keyEvaluations.list': read<KeyEvaluationRow[]>()(z.object({ year }), '年度重点绩效评价'),
  'keyEvaluations.get': read<KeyEvaluationView>()(z.object({ id: id('重点评价') }), '一项重点评价的指标体系、专家评分和结果'),
  'keyEvaluations.templates': read<FrameworkTemplateRow[]>()(z.object({ includeRetired: z.boolean().optional() }), '评价指标体系模板（随软件提供的和本局维护的）'),
  'keyEvaluations.createTemplate': write<FrameworkTemplateRow>()(
    z.object({ ...templateFields, fromTemplateId: z.string().min(1).max(40).nullable().optional(), fromEvaluationId: z.number().int().positive().nullable().optional() }),
    '新建本局评价指标体系模板（复制模板或取自某项评价）',
  ),
  'keyEvaluations.updateTemplate': write<FrameworkTemplateRow>()(z.object({ id: templateId, ...templateFields, framework }), '保存本局模板的名称、说明和指标体系'),
  'keyEvaluations.exportFramework': read<SaveOutcome<{ indicatorCount: number }>>()(
    z.object({ evaluationId: z.number().int().positive().nullable().optional(), templateId: templateId.nullable().optional() }),
    '导出评价指标体系（xlsx，可再导入）',
    SAVE_XLSX,
  ),
  'keyEvaluations.frameworkImportPreview': read<ImportPreviewOutcome<FrameworkImportPreview>>()(z.object({ id: id('重点评价') }), '选择评价指标体系表并预览（不写入）', OPEN_SPREADSHEET),
  'keyEvaluations.frameworkImportCommit': write<KeyEvaluationView>()(z.object({ id: id('重点评价'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }), '以导入的指标体系替换本评价的指标体系'),
  'keyEvaluations.templateImportPreview': read<ImportPreviewOutcome<FrameworkImportPreview>>()(nothing, '选择评价指标体系表，预览作为本局模板导入', OPEN_SPREADSHEET),
  'keyEvaluations.templateImportCommit': write<FrameworkTemplateRow>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), ...templateFields }),
    '把导入的指标体系存为本局模板',
  ),
  'keyEvaluations.setTemplateRetired': write<FrameworkTemplateRow>()(z.object({ id: templateId, retired: z.boolean() }), '停用或启用本局模板'),
  'keyEvaluations.select': write<KeyEvaluationView>()(
    z
      .object({
        year,
        subject: z.enum(['project', 'department'], { error: '请选择评价对象类型' }),
        projectId: z.number().int().positive().nullable(),
        unitId: z.number().int().positive().nullable(),
        name: optionalText(200, '评价名称'),
        selectionReason: z.string().trim().min(1, '请写明选题理由').max(2000, '选题理由不超过 2000 个字'),
        evaluator,
        evaluatorName: optionalText(100, '评价机构'),
        covered: optionalWanYuan,
        aggregation: aggregation.optional(),
      })
      .transform(({ covered, ...rest }) => ({ ...rest, coveredFen: covered })),
    '选定重点评价项目（或部门整体）',
  ),
  'keyEvaluations.update': write<KeyEvaluationView>()(
    z
      .object({
        id: id('重点评价'),
        name: z.string().trim().min(1, '请填写评价名称').max(200),
        selectionReason: z.string().trim().min(1, '请写明选题理由').max(2000),
        evaluator,
        evaluatorName: optionalText(100, '评价机构'),
        covered: wanYuan,
        aggregation,
      })
      .transform(({ covered, ...rest }) => ({ ...rest, coveredFen: covered })),
    '修改重点评价的基本信息',
  ),
  'keyEvaluations.applyTemplate': write<KeyEvaluationView>()(
    z.object({ id: id('重点评价'), templateId: z.string().min(1, '请选择模板'), weights: z.array(z.number().positive().max(100)).max(10).nullable() }),
    '按模板（及一级权重）建立评价指标体系',
  ),
  'keyEvaluations.saveFramework': write<KeyEvaluationView>()(z.object({ id: id('重点评价'), framework }), '保存修改后的评价指标体系（权重须合计 100）'),
  'keyEvaluations.setExperts': write<KeyEvaluationView>()(z.object({ id: id('重点评价'), names: z.array(z.string().trim().min(1, '请填写专家姓名').max(50)).min(1, '至少一位评分专家').max(20) }), '设置评分专家'),
  'keyEvaluations.recordScores': write<KeyEvaluationView>()(
    z.object({
      id: id('重点评价'),
      expertId: id('专家'),
      scores: z.array(z.object({ indicatorCode: z.string().min(1), score: z.number({ error: '得分须为数字' }).nullable(), basis: z.string().max(2000, '得分依据不超过 2000 个字').nullable().optional() })).max(500),
    }),
    '记录一位专家的评分和得分依据',
  ),
  'keyEvaluations.score': read<EvaluationScore>()(z.object({ id: id('重点评价') }), '按评分规则汇总的得分、小计、总分和等级'),
  'keyEvaluations.saveTexts': write<KeyEvaluationView>()(
    z.object({ id: id('重点评价'), findings: optionalText(8000, '存在的问题'), recommendations: optionalText(8000, '有关建议'), experience: optionalText(8000, '主要经验及做法'), otherNotes: optionalText(8000, '其他需要说明的问题') }),
    '保存评价发现、建议等报告内容',
  ),
  'keyEvaluations.finalize': write<KeyEvaluationView>()(z.object({ id: id('重点评价') }), '评价定稿：确定总分和等级'),
  'keyEvaluations.issueFindings': write<NoticeRow>()(z.object({ id: id('重点评价'), deadline: isoDate, requirements: optionalText(4000, '整改要求') }), '把评价发现的问题起草为整改通知'),
  'keyEvaluations.suggestedAction': read<{ grade: string | null; action: string | null }>()(z.object({ evaluationId: id('重点评价') }), '按等级建议的结果应用方式'),
  'keyEvaluations.listActions': read<ResultActionRow[]>()(z.object({ evaluationId: z.number().int().positive().optional(), year: year.optional() }), '评价结果应用记录'),
  'keyEvaluations.recordAction': write<ResultActionRow>()(
    z.object({ evaluationId: id('重点评价'), ...resultAction }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '记录评价结果在下年度预算中的应用',
  ),
  'keyEvaluations.updateAction': write<ResultActionRow>()(
    z.object({ id: id('结果应用'), ...resultAction }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '修改结果应用记录',
  ),
  'keyEvaluations.exportReport': read<SaveOutcome<null>>()(z.object({ id: id('重点评价') }), '导出重点绩效评价报告（docx，含评分表）', SAVE_DOCX),
  'keyEvaluations.exportScoreSheet': read<SaveOutcome<{ expertCount: number; indicatorCount: number }>>()(
    z.object({ id: id('重点评价') }),
    '导出专家评分表（每位专家一张工作表，可填好后导入）',
    SAVE_XLSX,
  ),
  'keyEvaluations.scoreSheetImportPreview': read<ImportPreviewOutcome<ExpertScoreImportPreview>>()(z.object({ id: id('重点评价') }), '选择专家填好的评分表并预览', OPEN_SPREADSHEET),
  'keyEvaluations.scoreSheetImportCommit': write<ExpertScoreImportResult>()(
    z.object({ id: id('重点评价'), fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入专家评分（全部成功或全部不写入）',
  ),
  'keyEvaluations.publication': read<PublicationRow[]>()(z.object({ year }), '重点评价结果公开表（不含涉密单位）'),
  'keyEvaluations.exportPublication': read<SaveOutcome<{ evaluationCount: number; coveredFen: number; excludedClassified: number }>>()(
    z.object({ year }),
    '导出重点评价结果公开表（xlsx，不含涉密单位）',
    SAVE_XLSX,
  ),
  'keyEvaluations.yearFigures': read<KeyEvaluationYearFigures>()(z.object({ year }), '年度重点评价的数量、资金和等级分布'),
  'units.list': read<UnitRow[]>()(z.object({ year }), '预算单位及其在该年度的项目数与预算'),
  'units.create': write<UnitRow>()(unitFields, '新增预算单位'),
  'units.update': write<UnitRow>()(unitFields.extend({ id: id('单位') }), '修改预算单位'),
  'projects.list': read<ProjectRow[]>()(z.object({ year }), '某年度的全部项目'),
  'projects.create': write<ProjectRow>()(projectFields, '新增项目'),
  'projects.update': write<ProjectRow>()(z.intersection(projectFields, z.object({ id: id('项目') })), '修改项目'),
  'projects.importPreview': read<ImportPreviewOutcome<ProjectImportPreview>>()(z.object({ year }), '选择单位和项目工作簿并预览导入结果（不写入）', OPEN_SPREADSHEET),
  'projects.importCommit': write<ProjectImportResult>()(z.object({ year, fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }), '按预览结果导入（全部成功或全部不写入）'),
  'projects.export': read<SaveOutcome<{ projectCount: number; totalFen: number }>>()(z.object({ year }), '导出年度项目清单（带格式的 xlsx，可再导入）', SAVE_XLSX),
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallArgs<K extends CallName> = z.output<Contract[K]['input']>;
export type CallResult<K extends CallName> = Contract[K] extends CallSpec<z.ZodType, infer R> ? R : never;

export interface BridgeError {
  code: string;
  message: string;
  /** Per-field messages, keyed by the input's field name, for forms. */
  fields?: Record<string, string>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const callNames = Object.keys(contract) as CallName[];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** `window.ledger.<area>.<action>(input)`: the shape the preload and the HTTP client expose. */
type AreaOf<K> = K extends `${infer A}.${string}` ? A : never;
type ActionOf<K, A extends string> = K extends `${A}.${infer B}` ? B : never;
export type LedgerApi = {
  [A in AreaOf<CallName>]: {
    [B in ActionOf<CallName, A>]: (input: CallInput<`${A}.${B}` & CallName>) => Promise<Envelope<CallResult<`${A}.${B}` & CallName>>>;
  };
};

/** Builds the nested API object from one function that sends a call; used by the preload and the HTTP client. */
export function buildApi(send: (call: CallName, input: unknown) => Promise<Envelope<unknown>>): LedgerApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<Envelope<unknown>>>> = {};
  for (const name of callNames) {
    const [area, action] = name.split('.') as [string, string];
    (api[area] ??= {})[action] = (input: unknown) => send(name, input);
  }
  return api as unknown as LedgerApi;
}
