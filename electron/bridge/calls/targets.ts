/** Bridge calls for 绩效目标 and 三方联合会审. */
import { z } from 'zod';
import type { IndicatorRow } from '../../indicators/indicators';
import type { ReviewRoundView } from '../../targets/jointReview';
import type { ReviewSheetImportResult, ReviewSheetPreview } from '../../targets/reviewSheet';
import type { TargetImportPreview, TargetImportResult } from '../../targets/targetImport';
import type { TargetDetail, TargetIndicatorInput } from '../../targets/targetDetail';
import type { TargetListRow } from '../../targets/targetList';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, type SaveOutcome, type ImportPreviewOutcome } from '../callSpec';
import { year, id, nameCharacters, optionalText, wanYuan, optionalWanYuan, isoDate } from './fields';
import { GRADES, NATURES, REVIEW_PARTY_CODES, SYNC_STEP_CODES, SYNC_TRACKS, TARGET_PERIODS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { ReviewRoundView } from '../../targets/jointReview';
export type { ReviewSheetPlan, ReviewSheetPreview } from '../../targets/reviewSheet';
export type { TargetImportPreview } from '../../targets/targetImport';
export type { TargetSheetPlan } from '../../targets/declarationSheet';
export type { TargetDetail, TargetIndicatorInput, TargetSnapshot } from '../../targets/targetDetail';
export type { TargetListRow } from '../../targets/targetList';

const targetIndicator = z.object({
  libraryIndicatorId: z.number().int().positive().nullable(),
  period: z.enum(TARGET_PERIODS),
  level1: z.string().trim().min(1, '请选择一级指标'),
  level2: z.string().trim().min(1, '请选择二级指标'),
  name: z.string().trim().min(1, '请填写三级指标名称').max(100, '指标名称不超过 100 个字').superRefine(nameCharacters('三级指标名称')),
  nature: z.enum(NATURES, { error: `指标性质须为 ${NATURES.join(' ')} 之一` }),
  value: z.string().max(100, '指标值不超过 100 个字'),
  unit: optionalText(20, '计量单位'),
}) satisfies z.ZodType<TargetIndicatorInput>;

/** A target's content as a form sends it: money in 万元 text, becoming exact 分. */
const targetContent = z
  .object({
    id: id('绩效目标'),
    indicatorClassId: z.number().int().positive().nullable(),
    period: optionalText(50, '项目期'),
    midTermGoal: optionalText(2000, '中期目标'),
    annualGoal: z.string().max(2000, '年度目标不超过 2000 个字'),
    mainTasks: optionalText(4000, '年度主要任务'),
    annualTotal: wanYuan('年度资金总额'),
    annualFiscal: wanYuan('财政拨款'),
    annualOther: wanYuan('其他资金'),
    midTotal: optionalWanYuan('中期资金总额'),
    midFiscal: optionalWanYuan('中期财政拨款'),
    midOther: optionalWanYuan('中期其他资金'),
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

const grade = z.enum(GRADES, { error: '请选择等级（优、良、中、差）' });

export const targetsCalls = {
  'targets.list': read<TargetListRow[]>()(z.object({ year }), '年度全部项目的绩效目标状态（含尚无目标的项目）及部门整体目标'),
  'targets.get': read<TargetDetail>()(z.object({ id: id('绩效目标') }), '一个绩效目标的全部内容、机审清单和五个同步日期'),
  'targets.create': write<TargetDetail>()(
    z.object({ year, projectId: z.number().int().positive().nullable(), unitId: z.number().int().positive().nullable() }),
    '为项目或单位（部门整体）开始填报绩效目标',
  ),
  'targets.save': write<TargetDetail>()(targetContent, '保存填报中的绩效目标'),
  'targets.adjust': write<TargetDetail>()(
    z.intersection(targetContent, z.object({ reason: z.string().max(500, '调整原因不超过 500 个字') })),
    '调整已批复的绩效目标（记录原因和前后内容）',
  ),
  'targets.promoteIndicator': write<IndicatorRow>()(
    z.object({ targetIndicatorId: id('指标'), classId: id('指标类别') }),
    '把个性指标纳入共性指标库',
  ),
  'targets.setSyncDate': write<TargetDetail>()(
    z.object({ targetId: id('绩效目标'), track: z.enum(SYNC_TRACKS), step: z.enum(SYNC_STEP_CODES), date: isoDate.nullable() }),
    '记录五个同步某一步的日期',
  ),
  'targets.templateExport': read<
    SaveOutcome<{ projectCount: number; unitCount: number; prefilledTargets: number; prefilledDepartments: number }>
  >()(
    z.object({ year, unitId: z.number().int().positive().nullable() }),
    '导出绩效目标申报模板（项目支出和部门整体；按单位，或全部单位）',
    SAVE_XLSX,
  ),
  // Declared as a write: the preview runs the whole import in a transaction it rolls back, so it needs the writable connection.
  'targets.importPreview': write<ImportPreviewOutcome<TargetImportPreview>>()(
    z.object({ year }),
    '选择单位填好的申报表并预览（试导入后回滚，台账不变）',
    OPEN_SPREADSHEET,
  ),
  'targets.importCommit': write<TargetImportResult>()(
    z.object({ year, fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入申报表（全部成功或全部不写入）',
  ),
  'targets.publicationExport': read<
    SaveOutcome<{
      unitCount: number;
      projectTargets: number;
      departmentTargets: number;
      excludedClassifiedUnits: number;
      excludedClassifiedTargets: number;
    }>
  >()(z.object({ year }), '导出绩效目标公开表（项目支出、部门整体，涉密单位除外）', SAVE_XLSX),
  'review.sheetExport': read<SaveOutcome<{ targetCount: number }>>()(
    z.object({
      targetIds: z.array(id('绩效目标')).min(1, '请先勾选要导出会审意见表的绩效目标').max(2000),
      party: z.enum(REVIEW_PARTY_CODES).nullable(),
    }),
    '导出会审意见表（交第三方机构等填写）',
    SAVE_XLSX,
  ),
  'review.sheetImportPreview': read<ImportPreviewOutcome<ReviewSheetPreview>>()(
    z.object({ party: z.enum(REVIEW_PARTY_CODES).nullable() }),
    '选择填好的会审意见表并预览',
    OPEN_SPREADSHEET,
  ),
  'review.sheetImportRepreview': read<ReviewSheetPreview>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), party: z.enum(REVIEW_PARTY_CODES).nullable() }),
    '选择会审方后重新预览会审意见表',
  ),
  'review.sheetImportCommit': write<ReviewSheetImportResult>()(
    z.object({ fileId: z.string().uuid('导入文件标识无效，请重新选择文件'), party: z.enum(REVIEW_PARTY_CODES).nullable() }),
    '按预览结果记录会审意见（全部成功或全部不写入）',
  ),
  'review.submit': write<TargetDetail>()(z.object({ targetId: id('绩效目标') }), '机审通过后提交三方联合会审'),
  'review.rounds': read<ReviewRoundView[]>()(z.object({ targetId: id('绩效目标') }), '各轮会审的意见、结论和当时的目标内容'),
  'review.recordOpinion': write<ReviewRoundView[]>()(
    z.object({
      targetId: id('绩效目标'),
      party: z.enum(REVIEW_PARTY_CODES, { error: '请选择会审方' }),
      reviewer: optionalText(50, '审核人'),
      completeness: grade,
      relevance: grade,
      appropriateness: grade,
      feasibility: grade,
      opinion: z.string().max(2000, '修改意见不超过 2000 个字'),
    }),
    '记录一方的会审意见',
  ),
  'review.decide': write<TargetDetail>()(
    z.object({ targetId: id('绩效目标'), result: grade, note: optionalText(1000, '结论说明') }),
    '财政局作出会审结论（优、良、中、差）',
  ),
  'review.completeByFinance': write<TargetDetail>()(z.object({ targetId: id('绩效目标') }), '“良”的目标经财政完善后转为待批复'),
  'review.approve': write<number>()(
    z.object({ targetIds: z.array(id('绩效目标')).min(1, '请先勾选要批复的绩效目标').max(2000) }),
    '批复绩效目标（全部成功或全部不变）',
  ),
  'review.publish': write<number>()(
    z.object({ targetIds: z.array(id('绩效目标')).min(1, '请先勾选要公开的绩效目标').max(2000) }),
    '登记绩效目标已公开',
  ),
} as const;
