/** Bridge calls for 评价结果应用 on 自评 and 部门评价, and the year's list merged with the key evaluations'. */
import { z } from 'zod';
import type { ApplicableEvaluation } from '../../resultApplication/evaluationActions';
import type { ResultApplicationRow, ResultApplicationSummary } from '../../resultApplication/yearActions';
import { RESULT_ACTION_STATUSES } from '../../../db/vocabulary';
import { read, SAVE_XLSX, write, type SaveOutcome } from '../callSpec';
import { id, optionalText, optionalWanYuan, year } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { ApplicableEvaluation } from '../../resultApplication/evaluationActions';
export type { ResultApplicationFigures, ResultApplicationRow, ResultApplicationSummary } from '../../resultApplication/yearActions';

const action = {
  actionType: z.string({ error: '请选择结果应用方式' }).trim().min(1, '请选择结果应用方式').max(50, '应用方式不超过 50 个字'),
  amount: optionalWanYuan('金额'),
  nextYearProjectId: z.number().int().positive('请重新选择下年度项目').nullable(),
  status: z.enum(RESULT_ACTION_STATUSES, { error: '请选择状态（拟定、已落实或已撤销）' }),
  note: optionalText(1000, '说明'),
};

export const resultApplicationCalls = {
  'resultApplication.list': read<ResultApplicationRow[]>()(z.object({ year }), '年度评价结果应用一览（自评、部门评价和重点评价合并）'),
  'resultApplication.summary': read<ResultApplicationSummary>()(
    z.object({ year }),
    '年度评价结果应用汇总：按应用方式、主管部门和单位，收回、清理结转结余和调减的金额',
  ),
  'resultApplication.applicable': read<ApplicableEvaluation[]>()(
    z.object({ year }),
    '可以应用结果的自评和部门评价（已评完分或审核通过），附按等级建议的应用方式',
  ),
  'resultApplication.record': write<{ id: number }>()(
    z.object({ selfEvaluationId: id('自评表'), ...action }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '记录自评或部门评价结果在下年度预算中的应用',
  ),
  'resultApplication.update': write<{ id: number }>()(
    z.object({ id: id('结果应用'), ...action }).transform(({ amount, ...rest }) => ({ ...rest, amountFen: amount })),
    '修改自评或部门评价的结果应用',
  ),
  'resultApplication.cancel': write<{ id: number }>()(
    z.object({ id: id('结果应用'), reason: z.string({ error: '请填写撤销原因' }).max(500, '撤销原因不超过 500 个字') }),
    '撤销自评或部门评价的结果应用（保留记录，不计入汇总）',
  ),
  'resultApplication.export': read<SaveOutcome<{ count: number; recoveredFen: number; clearedFen: number; cutFen: number }>>()(
    z.object({ year }),
    '导出评价结果应用情况表（xlsx：清单及按应用方式、主管部门、单位的汇总）',
    SAVE_XLSX,
  ),
} as const;
