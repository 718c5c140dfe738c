/**
 * 评价结果应用 (domain.md §6–§7): which evaluations' results may be applied, which actions move money and
 * how they are summed, and the checks on an action. The action words are RESULT_ACTION_TYPES (with the
 * year's resultActions), shared with the key evaluations so the year's list merges both.
 */
import type { SelfEvaluationStatus } from '../../db/vocabulary';
import { RESULT_ACTION_STATUS, RESULT_ACTION_TYPES, type ResultActionStatus } from './keyEvaluationFrameworks';

/** Where an action's evidence comes from: a 单位自评, a 部门评价 or a 财政重点评价. */
export const RESULT_ACTION_SOURCE = { self: '自评', department: '部门评价', key: '重点评价' } as const;
export type ResultActionSource = keyof typeof RESULT_ACTION_SOURCE;

/** What an action does to money, as the bureau's summary counts it ("收回…、清理结转结余…、调减…"). */
export const MONEY_EFFECT = { recovered: '收回资金', cleared: '清理结转结余资金', cut: '调减预算' } as const;
export type MoneyEffect = keyof typeof MONEY_EFFECT;

const EFFECT_OF: Readonly<Record<string, MoneyEffect>> = {
  收回部分资金: 'recovered',
  清理结转结余资金: 'cleared',
  调减下年度预算: 'cut',
  // The key evaluations' word for a cut (ruleSet.keyEvaluation.resultActions 中 → 核减).
  核减: 'cut',
};

export function moneyEffectOf(actionType: string): MoneyEffect | null {
  return EFFECT_OF[actionType] ?? null;
}

/** The action words a year accepts: the shared list and whatever the year's rules word for a grade. */
export function knownActionTypes(yearActions: Readonly<Record<string, string>>): string[] {
  return [...new Set<string>([...RESULT_ACTION_TYPES, ...Object.values(yearActions)])];
}

/**
 * Why a self-evaluation's result cannot be applied yet, or null: it must be 审核通过, or at least
 * completely scored (every part has its score), so the action rests on a total.
 */
export function resultNotApplicableReason(e: { status: SelfEvaluationStatus; complete: boolean; total: number | null }): string | null {
  if (e.status === 'accepted' || (e.complete && e.total !== null)) return null;
  return '尚未评完分（每项得分填齐后才有总分），评完分或审核通过后才能应用评价结果';
}

export interface ResultActionFields {
  actionType: string;
  amountFen: number | null;
  status: ResultActionStatus;
}

/**
 * The field problems of an action, in the clerk's words: a known action, an amount in 分 ≥ 0 that is
 * required where the action moves money, a next-year project of the year after, a known status.
 */
export function resultActionProblems(
  input: ResultActionFields,
  context: { evaluatedYear: number; known: readonly string[]; nextYearProject: { year: number } | null | undefined },
): Record<string, string> {
  const fields: Record<string, string> = {};
  const actionType = input.actionType.trim();
  if (!context.known.includes(actionType)) fields.actionType = `请选择结果应用方式（${context.known.join('、')}）`;
  if (input.amountFen !== null && (!Number.isSafeInteger(input.amountFen) || input.amountFen < 0))
    fields.amountFen = '金额须为不小于 0 的数（万元，最多六位小数）';
  else if (input.amountFen === null && moneyEffectOf(actionType)) fields.amountFen = `“${actionType}”须填写金额（万元），没有金额时填 0`;
  if (context.nextYearProject === undefined) fields.nextYearProjectId = '所选的下年度项目不存在，请刷新后重新选择';
  else if (context.nextYearProject && context.nextYearProject.year !== context.evaluatedYear + 1)
    fields.nextYearProjectId = `请选择 ${context.evaluatedYear + 1} 年度的项目（所选项目属于 ${context.nextYearProject.year} 年度）`;
  if (!Object.hasOwn(RESULT_ACTION_STATUS, input.status)) fields.status = '请选择状态（拟定、已落实或已撤销）';
  return fields;
}
