/**
 * 绩效自评表 outside the score itself (that is selfEvaluationScore.ts): the words for its kinds and
 * statuses, who may move it where, the default 分值 of a pre-filled form, and the funds block's rows
 * against its 年度资金总额. The service, the screen and (later) the workbooks all ask here.
 */
import type { SelfEvaluationKind, SelfEvaluationStatus } from '../../db/vocabulary';
import { formatWanYuan, formatYuan } from './money';
import type { RuleSet } from './ruleSet';
import { selfEvaluationLevel1, type SelfEvaluationFlag } from './selfEvaluationScore';

export const SELF_EVALUATION_KIND: Record<SelfEvaluationKind, string> = { self: '单位自评', department: '部门评价' };

export const SELF_EVALUATION_STATUS: Record<SelfEvaluationStatus, string> = {
  draft: '填报中',
  submitted: '已报送',
  returned: '已退回',
  accepted: '已审核通过',
};

export const SELF_EVALUATION_FLAG: Record<SelfEvaluationFlag, string> = {
  farAbove: '远超指标值',
  notMet: '未达到指标值',
  needsExplanation: '请说明偏差原因',
};

/** The unit edits while filling or after a return; once submitted the bureau decides, and accepted is final. */
export function isSelfEvaluationEditable(status: SelfEvaluationStatus): boolean {
  return status === 'draft' || status === 'returned';
}

/**
 * Default 分值 of each indicator: each 一级 weight (产出 with 成本, 效益, 满意度) split evenly among its
 * indicators to the hundredth, the last taking the remainder so the 一级 adds up exactly. An indicator
 * whose 一级 cannot be told gets 0 (the score then names it).
 */
export function defaultPoints(
  indicators: readonly { level1: string; level2: string }[],
  rules: Pick<RuleSet, 'selfEvaluation' | 'indicatorLayout'>,
): number[] {
  const weightOf = (i: { level1: string; level2: string }) => {
    const group = selfEvaluationLevel1(i.level1, i.level2, rules.indicatorLayout);
    if (group === '满意度指标') return 'satisfaction';
    if (group === '效益指标') return 'benefit';
    return group === null ? null : 'output';
  };
  const groups = indicators.map(weightOf);
  const points = indicators.map(() => 0);
  for (const weight of ['output', 'benefit', 'satisfaction'] as const) {
    const members = groups.flatMap((g, k) => (g === weight ? [k] : []));
    if (members.length === 0) continue;
    const hundredths = Math.round(rules.selfEvaluation.weights[weight] * 100);
    const each = Math.floor(hundredths / members.length);
    members.forEach((k, n) => (points[k] = (n === members.length - 1 ? hundredths - each * (members.length - 1) : each) / 100));
  }
  return points;
}

export interface FundsBlock {
  initialFen: number | null;
  budgetFen: number | null;
  executedFen: number | null;
  fiscalInitialFen: number | null;
  fiscalBudgetFen: number | null;
  fiscalExecutedFen: number | null;
  carryoverInitialFen: number | null;
  carryoverBudgetFen: number | null;
  carryoverExecutedFen: number | null;
  otherInitialFen: number | null;
  otherBudgetFen: number | null;
  otherExecutedFen: number | null;
}

const COLUMNS = [
  { total: 'initialFen', label: '年初预算数', rows: ['fiscalInitialFen', 'carryoverInitialFen', 'otherInitialFen'] },
  { total: 'budgetFen', label: '全年预算数', rows: ['fiscalBudgetFen', 'carryoverBudgetFen', 'otherBudgetFen'] },
  { total: 'executedFen', label: '全年执行数', rows: ['fiscalExecutedFen', 'carryoverExecutedFen', 'otherExecutedFen'] },
] as const;

/**
 * Where any of 当年财政拨款 / 上年结转资金 / 其他资金 is given in a column, the rows (blank as 0) must add
 * up to the 年度资金总额 of that column; by field, zh-CN. A form whose rows are all blank is the total only.
 */
export function fundsProblems(funds: FundsBlock): Partial<Record<keyof FundsBlock, string>> {
  const problems: Partial<Record<keyof FundsBlock, string>> = {};
  for (const c of COLUMNS) {
    const given = c.rows.map((r) => funds[r]).filter((v): v is number => v !== null);
    if (given.length === 0) continue;
    const sum = given.reduce((s, v) => s + v, 0);
    const total = funds[c.total];
    if (total === null) problems[c.total] = `${c.label}：请填写年度资金总额（其中各项合计 ${formatWanYuan(sum)} 万元）`;
    else if (sum !== total) {
      // Two sums that differ below 100 元 would print alike in 万元: say them in 元 then.
      const inYuan = formatWanYuan(sum) === formatWanYuan(total);
      const money = (fen: number) => (inYuan ? `${formatYuan(fen)} 元` : `${formatWanYuan(fen)} 万元`);
      problems[c.total] =
        `${c.label}：当年财政拨款、上年结转资金、其他资金合计 ${money(sum)}，与年度资金总额 ${money(total)}不一致，请核对`;
    }
  }
  return problems;
}
