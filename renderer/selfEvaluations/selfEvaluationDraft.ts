/**
 * A self-evaluation form as the page edits it: money as typed in 万元, scores as typed, and the live
 * score the year's rules give for it (the same rule function and rules the ledger stores by).
 */
import type { CallInput, SelfEvaluationView } from '../../electron/bridge/contract';
import { fenToWanYuanInput, formatWanYuan, parseMoney } from '../../electron/rules/money';
import type { FundsBlock } from '../../electron/rules/selfEvaluationForm';
import { scoreSelfEvaluation, type SelfEvaluationScore } from '../../electron/rules/selfEvaluationScore';

export type FundsKey = keyof FundsBlock;

export const FUND_ROWS = [
  { label: '年度资金总额', keys: ['initialFen', 'budgetFen', 'executedFen'] },
  { label: '其中：当年财政拨款', keys: ['fiscalInitialFen', 'fiscalBudgetFen', 'fiscalExecutedFen'] },
  { label: '上年结转资金', keys: ['carryoverInitialFen', 'carryoverBudgetFen', 'carryoverExecutedFen'] },
  { label: '其他资金', keys: ['otherInitialFen', 'otherBudgetFen', 'otherExecutedFen'] },
] as const satisfies readonly { label: string; keys: readonly FundsKey[] }[];

export const FUND_COLUMNS = ['年初预算数', '全年预算数', '全年执行数'] as const;

export interface IndicatorDraft {
  id: number;
  actual: string;
  points: string;
  /** Empty: the band's top (or full points). */
  chosenScore: string;
  explanation: string;
}

export interface SelfEvaluationDraft {
  graded: boolean;
  funds: Record<FundsKey, string>;
  executionChosenScore: string;
  goalExpected: string;
  goalActual: string;
  indicators: IndicatorDraft[];
}

/** 万元 with 2 decimals as the form prints it, unless the amount is finer (then exact, never rounded away). */
const money = (fen: number | null) => (fen === null ? '' : fen % 10_000 === 0 ? formatWanYuan(fen) : fenToWanYuanInput(fen));
const num = (n: number | null) => (n === null ? '' : String(n));

export function draftOf(view: SelfEvaluationView): SelfEvaluationDraft {
  const funds = Object.fromEntries(FUND_ROWS.flatMap((r) => r.keys).map((k) => [k, money(view[k])])) as Record<FundsKey, string>;
  return {
    graded: view.graded,
    funds,
    executionChosenScore: num(view.executionChosenScore),
    goalExpected: view.goalExpected,
    goalActual: view.goalActual,
    indicators: view.indicators.map((i) => ({
      id: i.id,
      actual: i.actual,
      points: String(i.points),
      chosenScore: num(i.chosenScore),
      explanation: i.explanation,
    })),
  };
}

/** A typed number, or null when blank; NaN where it is not a number (the ledger then says so at the field). */
export function typedNumber(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

function typedFen(text: string): number | null {
  if (text.trim() === '') return null;
  const parsed = parseMoney(text, '万元');
  return parsed.ok ? parsed.fen : null;
}

export function saveInputOf(id: number, d: SelfEvaluationDraft): CallInput<'selfEvaluations.save'> {
  return {
    id,
    graded: d.graded,
    funds: d.funds,
    executionChosenScore: typedNumber(d.executionChosenScore),
    goalExpected: d.goalExpected,
    goalActual: d.goalActual,
    indicators: d.indicators.map((i) => ({
      id: i.id,
      actual: i.actual,
      points: typedNumber(i.points) ?? Number.NaN,
      chosenScore: typedNumber(i.chosenScore),
      explanation: i.explanation,
    })),
  };
}

/** The score of the form as typed, by the year's rules. */
export function liveScore(view: SelfEvaluationView, d: SelfEvaluationDraft): SelfEvaluationScore {
  return scoreSelfEvaluation(
    {
      funds: {
        initialFen: typedFen(d.funds.initialFen),
        budgetFen: typedFen(d.funds.budgetFen),
        executedFen: typedFen(d.funds.executedFen),
        chosenScore: typedNumber(d.executionChosenScore),
      },
      indicators: view.indicators.map((ind, k) => {
        const typed = d.indicators[k]!;
        return {
          ...ind,
          actual: typed.actual,
          points: typedNumber(typed.points) ?? 0,
          chosenScore: typedNumber(typed.chosenScore),
          explanation: typed.explanation,
        };
      }),
      graded: d.graded,
    },
    view.rules,
  );
}
