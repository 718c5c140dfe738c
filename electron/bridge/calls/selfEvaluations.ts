/** Bridge calls for 绩效自评 and 部门评价. */
import { z } from 'zod';
import type {
  SelfEvaluationCandidate,
  SelfEvaluationRow,
  SelfEvaluationView,
  SelfEvaluationYearFigures,
} from '../../selfEvaluations/selfEvaluations';
import type { SelfEvaluationImportPreview, SelfEvaluationImportResult } from '../../selfEvaluations/selfEvaluationImport';
import type {
  DepartmentCandidate,
  DepartmentSelfEvaluationRow,
  DepartmentSelfEvaluationView,
} from '../../selfEvaluations/departmentSelfEvaluations';
import { read, write, OPEN_SPREADSHEET, SAVE_XLSX, type ImportPreviewOutcome, type SaveOutcome } from '../callSpec';
import { year, id, optionalWanYuan } from './fields';
import { SELF_EVALUATION_KINDS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type {
  SelfEvaluationCandidate,
  SelfEvaluationIndicatorRow,
  SelfEvaluationRow,
  SelfEvaluationView,
  SelfEvaluationYearFigures,
} from '../../selfEvaluations/selfEvaluations';
export type {
  DepartmentCandidate,
  DepartmentSelfEvaluationEntry,
  DepartmentSelfEvaluationRow,
  DepartmentSelfEvaluationView,
} from '../../selfEvaluations/departmentSelfEvaluations';
export type { DepartmentScoreRules } from '../../rules/departmentSelfEvaluationScore';
export type { SelfEvaluationChange } from '../../selfEvaluations/selfEvaluationImportText';
export type {
  SelfEvaluationImportPreview,
  SelfEvaluationImportResult,
  SelfEvaluationSheetPlan,
} from '../../selfEvaluations/selfEvaluationImport';

const kind = z.enum(SELF_EVALUATION_KINDS, { error: '请选择单位自评或部门评价' });

const text = (max: number, label: string) => z.string({ error: `${label}须为文字` }).max(max, `${label}不超过 ${max} 个字`);

const score = (label: string) =>
  z
    .number({ error: `${label}须为数字` })
    .min(0, `${label}须为不小于 0 的数`)
    .nullable();

/** Funds as typed in 万元; blank is "not given". The service checks that the rows add up to the total. */
const funds = z.object({
  initialFen: optionalWanYuan('年度资金总额的年初预算数'),
  budgetFen: optionalWanYuan('年度资金总额的全年预算数'),
  executedFen: optionalWanYuan('年度资金总额的全年执行数'),
  fiscalInitialFen: optionalWanYuan('当年财政拨款的年初预算数'),
  fiscalBudgetFen: optionalWanYuan('当年财政拨款的全年预算数'),
  fiscalExecutedFen: optionalWanYuan('当年财政拨款的全年执行数'),
  carryoverInitialFen: optionalWanYuan('上年结转资金的年初预算数'),
  carryoverBudgetFen: optionalWanYuan('上年结转资金的全年预算数'),
  carryoverExecutedFen: optionalWanYuan('上年结转资金的全年执行数'),
  otherInitialFen: optionalWanYuan('其他资金的年初预算数'),
  otherBudgetFen: optionalWanYuan('其他资金的全年预算数'),
  otherExecutedFen: optionalWanYuan('其他资金的全年执行数'),
});

export const selfEvaluationsCalls = {
  'selfEvaluations.list': read<SelfEvaluationRow[]>()(z.object({ year, kind: kind.nullable().optional() }), '年度绩效自评和部门评价'),
  'selfEvaluations.get': read<SelfEvaluationView>()(z.object({ id: id('自评表') }), '一份自评表：资金、年度总体目标、指标和得分'),
  'selfEvaluations.candidates': read<SelfEvaluationCandidate[]>()(
    z.object({ year, kind }),
    '可以新建自评的项目（绩效目标已批复、尚无该类评价）',
  ),
  'selfEvaluations.yearFigures': read<SelfEvaluationYearFigures>()(z.object({ year }), '年度自评概况：单位、项目、等级分布'),
  'selfEvaluations.create': write<SelfEvaluationView>()(
    z.object({ projectId: id('项目'), kind }),
    '新建项目的自评表（指标取自批复的绩效目标，资金取自执行数据）',
  ),
  'selfEvaluations.save': write<SelfEvaluationView>()(
    z.object({
      id: id('自评表'),
      graded: z.boolean(),
      funds,
      executionChosenScore: score('预算执行率得分'),
      goalExpected: text(2000, '年度总体目标（预期）'),
      goalActual: text(2000, '年度总体目标实际完成情况'),
      indicators: z
        .array(
          z.object({
            id: id('指标'),
            actual: text(200, '实际完成值'),
            points: z.number({ error: '分值须为数字' }),
            chosenScore: score('得分'),
            explanation: text(1000, '偏差原因分析及改进措施'),
          }),
        )
        .max(200, '指标不超过 200 条'),
    }),
    '保存自评表的资金、实际完成值、分值、得分和偏差原因',
  ),
  'selfEvaluations.submit': write<SelfEvaluationView>()(z.object({ id: id('自评表') }), '报送自评表'),
  'selfEvaluations.return': write<SelfEvaluationView>()(
    z.object({ id: id('自评表'), findings: text(2000, '退回意见') }),
    '把报送的自评表连同审核意见退回单位',
  ),
  'selfEvaluations.accept': write<SelfEvaluationView>()(z.object({ id: id('自评表') }), '自评表审核通过'),
  // A write: projects of the unit without a self-evaluation get their draft (audited) so each sheet can carry its code.
  'selfEvaluations.templateExport': write<SaveOutcome<{ formCount: number; created: number }>>()(
    z.object({ year, unitId: id('预算单位') }),
    '导出单位的项目支出绩效自评表模板（每个项目一张，按台账预填）',
    SAVE_XLSX,
  ),
  // A write: the preview saves every sheet in a transaction it rolls back, so it needs the writable connection.
  'selfEvaluations.importPreview': write<ImportPreviewOutcome<SelfEvaluationImportPreview>>()(
    z.object({ year }),
    '选择单位填好的自评表并预览：匹配的自评表、改变的数值和审核发现的问题（试导入后回滚，台账不变）',
    OPEN_SPREADSHEET,
  ),
  'selfEvaluations.importCommit': write<SelfEvaluationImportResult>()(
    z.object({ year, fileId: z.string().uuid('导入文件标识无效，请重新选择文件') }),
    '按预览结果导入自评表并报送（全部成功或全部不写入）',
  ),
  'selfEvaluations.departmentList': read<DepartmentSelfEvaluationRow[]>()(z.object({ year }), '年度部门整体自评'),
  'selfEvaluations.departmentGet': read<DepartmentSelfEvaluationView>()(
    z.object({ id: id('部门整体自评') }),
    '一份部门整体自评：指标体系、实际完成情况、得分和等级',
  ),
  'selfEvaluations.departmentCandidates': read<DepartmentCandidate[]>()(z.object({ year }), '年度尚无部门整体自评的主管部门'),
  'selfEvaluations.departmentCreate': write<DepartmentSelfEvaluationView>()(
    z.object({ year, unitId: id('预算单位'), templateId: z.string({ error: '请选择指标体系模板' }).min(1, '请选择指标体系模板').max(40) }),
    '新建部门整体自评（指标体系复制自所选模板）',
  ),
  'selfEvaluations.departmentSave': write<DepartmentSelfEvaluationView>()(
    z.object({
      id: id('部门整体自评'),
      entries: z
        .array(
          z.object({
            indicatorCode: z.string().min(1).max(40),
            actual: text(2000, '实际完成情况'),
            score: score('得分'),
            explanation: text(1000, '得分说明'),
          }),
        )
        .max(200, '指标不超过 200 条'),
    }),
    '保存部门整体自评的实际完成情况、得分和得分说明',
  ),
  'selfEvaluations.departmentSubmit': write<DepartmentSelfEvaluationView>()(z.object({ id: id('部门整体自评') }), '报送部门整体自评'),
  'selfEvaluations.departmentReturn': write<DepartmentSelfEvaluationView>()(
    z.object({ id: id('部门整体自评'), findings: text(2000, '退回意见') }),
    '把报送的部门整体自评连同审核意见退回单位',
  ),
  'selfEvaluations.departmentAccept': write<DepartmentSelfEvaluationView>()(z.object({ id: id('部门整体自评') }), '部门整体自评审核通过'),
};
