/**
 * 项目支出绩效自评的计分 (domain.md §6): the 预算执行率 score from the funds, each indicator's score from
 * its 年度指标值 and 实际完成值 (or, for 定性, the reviewer's pick within the level's band), the 一级
 * subtotals, the total and the grade.
 *
 * Arithmetic is exact (fractions of bigints built from the decimals as written); an indicator's score
 * and each 一级 subtotal are shown rounded half-up to 2 decimals, and the total is rounded once from
 * the exact parts (domain.md §9), so 10 + 10 + 11 thirds make 31.00, not 3 × 10.33.
 *
 * A 全年预算数 of 0 has no 执行率 ("—"): the score cannot be computed, so the reviewer enters it
 * (funds.chosenScore, 0 to 分值); until then the evaluation is incomplete and says why. Full points by
 * default would hide a project that spent money it was never budgeted.
 */
import type { Nature } from '../../db/vocabulary';
import { isLowerBetter } from './indicatorRules';
import { level2KindOf } from './level2Kinds';
import type { QUALITATIVE_LEVELS } from './monitoringLabels';
import { formatScore } from './numberFormat';
import { gradeOf, type RuleSet } from './ruleSet';
import { numberIn } from './targetChecks';

export interface SelfEvaluationFunds {
  initialFen: number | null;
  /** 全年预算数. */
  budgetFen: number | null;
  /** 全年执行数. */
  executedFen: number | null;
  /** The reviewer's 执行率 score where the rate is "—" (全年预算数 0); ignored otherwise. */
  chosenScore?: number | null;
}

export interface SelfEvaluationIndicatorInput {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  /** 年度指标值 as written. */
  target: string;
  /** 实际完成值 as written; for 定性 one of 达成 / 部分达成 / 未达成. */
  actual: string;
  /** 分值. */
  points: number;
  /**
   * 定性 (and a far-above deduction): the reviewer's score within the band; null = the band's top.
   * Ignored where the figures determine the score (band null).
   */
  chosenScore?: number | null;
  /** 偏差原因分析及改进措施. */
  explanation: string;
}

export type SelfEvaluationFlag = 'farAbove' | 'notMet' | 'needsExplanation';

export interface ScoredSelfEvaluationIndicator {
  /** Rounded half-up to 2 decimals; null when it cannot be scored (see problem). */
  score: number | null;
  /** The scores a reviewer may pick from (定性 level, or 0 to full for a far-above deduction); null when the figures decide. */
  band: { min: number; max: number } | null;
  flags: SelfEvaluationFlag[];
  /** Why it has no score, zh-CN; null when scored. */
  problem: string | null;
}

export interface SelfEvaluationScore {
  execution: {
    /** 执行率, %; null when 全年预算数 is 0 ("—") or a figure is missing. */
    rate: number | null;
    points: number;
    score: number | null;
    /** Why it has no score, zh-CN (also in problems); null when scored. */
    problem: string | null;
  };
  /** In the order given. */
  indicators: ScoredSelfEvaluationIndicator[];
  /** 预算执行率, then 产出指标 (成本指标 when written as its own 一级), 效益指标, 满意度指标. */
  level1: { name: string; points: number; score: number }[];
  /** Rounded once, half-up, 2 decimals, from the exact parts. */
  total: number;
  /** Null when incomplete, or when the caller asks ungraded. */
  grade: string | null;
  /** Every part scored and the points add up to the weights. */
  complete: boolean;
  /** What keeps it incomplete, zh-CN. */
  problems: string[];
  /** What the unit must still explain (far above target, or not met, without 偏差原因), zh-CN; no bar to the grade. */
  notices: string[];
}

export type SelfEvaluationRules = Pick<RuleSet, 'selfEvaluation' | 'gradeBands' | 'indicatorLayout'>;

/** The 一级 groups in table order; 成本 belongs to the 产出 weight. */
const GROUPS = [
  { name: '产出指标', weight: 'output' },
  { name: '成本指标', weight: 'output' },
  { name: '效益指标', weight: 'benefit' },
  { name: '满意度指标', weight: 'satisfaction' },
] as const;

type GroupName = (typeof GROUPS)[number]['name'];

export const EXECUTION_LEVEL1 = '预算执行率';

/** The 一级 an indicator counts under: as written, or from its 二级 kind where the 一级 is blank. */
export function selfEvaluationLevel1(level1: string, level2: string, layout: RuleSet['indicatorLayout']): GroupName | null {
  const written = level1.normalize('NFKC').replace(/\s+/g, '');
  if (written) {
    if (written.includes('满意')) return '满意度指标';
    if (written.includes('成本')) return '成本指标';
    if (written.includes('产出')) return '产出指标';
    if (written.includes('效益')) return '效益指标';
    return null;
  }
  const kind = level2KindOf(level2);
  if (kind === null) return null;
  if (kind === '满意度') return '满意度指标';
  if (kind === '成本') return layout === 'four' ? '成本指标' : '产出指标';
  if (kind === '数量' || kind === '质量' || kind === '时效') return '产出指标';
  return '效益指标';
}

export function scoreSelfEvaluation(
  input: { funds: SelfEvaluationFunds; indicators: readonly SelfEvaluationIndicatorInput[]; graded: boolean },
  rules: SelfEvaluationRules,
): SelfEvaluationScore {
  const { weights } = rules.selfEvaluation;
  const problems: string[] = [];
  const notices: string[] = [];

  const execution = scoreExecution(input.funds, weights.execution);
  if (execution.problem) problems.push(execution.problem);

  const exactScores: (Fraction | null)[] = [];
  const groups: (GroupName | null)[] = [];
  const indicators = input.indicators.map((ind) => {
    const scored = scoreIndicator(ind, rules.selfEvaluation);
    exactScores.push(scored.exact);
    const group = selfEvaluationLevel1(ind.level1, ind.level2, rules.indicatorLayout);
    groups.push(group);
    const problem =
      scored.problem ??
      (group === null ? `“${ind.name}”的一级指标“${ind.level1 || '（空）'}”不是产出、成本、效益或满意度指标，请写明一级指标` : null);
    if (problem) problems.push(problem);
    if (scored.notice) notices.push(scored.notice);
    const score = scored.exact === null || problem ? null : roundHalfUp(scored.exact) / 100;
    return { score, band: scored.band, flags: scored.flags, problem };
  });

  const sumOf = (keep: (k: number) => boolean): Fraction =>
    exactScores.reduce<Fraction>((s, f, k) => (f !== null && keep(k) && indicators[k]!.problem === null ? add(s, f) : s), ZERO);
  const pointsOf = (keep: (k: number) => boolean): number =>
    input.indicators.reduce((s, ind, k) => (keep(k) ? s + Math.round(ind.points * 100) : s), 0) / 100;

  const level1: SelfEvaluationScore['level1'] = [
    { name: EXECUTION_LEVEL1, points: weights.execution, score: execution.exact === null ? 0 : roundHalfUp(execution.exact) / 100 },
  ];
  for (const g of GROUPS) {
    const mine = (k: number) => groups[k] === g.name;
    if (g.name === '成本指标' && !groups.includes(g.name)) continue;
    level1.push({ name: g.name, points: pointsOf(mine), score: roundHalfUp(sumOf(mine)) / 100 });
  }
  for (const weight of ['output', 'benefit', 'satisfaction'] as const) {
    const names = GROUPS.filter((g) => g.weight === weight).map((g) => g.name as GroupName);
    const points = pointsOf((k) => names.includes(groups[k]!));
    if (Math.round(points * 100) !== Math.round(weights[weight] * 100)) {
      const label = weight === 'output' && groups.includes('成本指标') ? '产出指标（含成本指标）' : names[0];
      problems.push(
        `${label}的三级指标分值合计 ${formatScore(points)} 分，本年度规则中该一级指标为 ${formatScore(weights[weight])} 分，请调整各指标分值`,
      );
    }
  }

  const total =
    roundHalfUp(
      add(
        execution.exact ?? ZERO,
        sumOf(() => true),
      ),
    ) / 100;
  const complete = problems.length === 0;
  return {
    execution: {
      rate: execution.rate,
      points: weights.execution,
      score: execution.exact === null ? null : roundHalfUp(execution.exact) / 100,
      problem: execution.problem,
    },
    indicators,
    level1,
    total,
    grade: complete && input.graded ? gradeOf(total, rules.gradeBands) : null,
    complete,
    problems,
    notices,
  };
}

/** 执行率 = 全年执行数 / 全年预算数; score = 分值 × min(执行率, 100%). */
function scoreExecution(
  funds: SelfEvaluationFunds,
  points: number,
): { rate: number | null; exact: Fraction | null; problem: string | null } {
  if (funds.budgetFen === null || funds.executedFen === null)
    return { rate: null, exact: null, problem: `请填写${funds.budgetFen === null ? '全年预算数' : '全年执行数'}，才能计算预算执行率得分` };
  if (funds.budgetFen <= 0) {
    const chosen = funds.chosenScore ?? null;
    if (chosen === null)
      return { rate: null, exact: null, problem: `全年预算数为 0，执行率为“—”，请人工核定预算执行率得分（0–${formatScore(points)} 分）` };
    if (!Number.isFinite(chosen) || chosen < 0 || chosen > points)
      return { rate: null, exact: null, problem: `预算执行率得分 ${formatScore(chosen)} 超出 0–${formatScore(points)} 分，请改正` };
    return { rate: null, exact: fractionOf(chosen), problem: null };
  }
  const rate = (funds.executedFen * 100) / funds.budgetFen;
  const share = funds.executedFen >= funds.budgetFen ? ONE : frac(BigInt(funds.executedFen), BigInt(funds.budgetFen));
  return { rate, exact: mul(fractionOf(points), share), problem: null };
}

type Qualitative = (typeof QUALITATIVE_LEVELS)[number];

interface IndicatorResult extends Omit<ScoredSelfEvaluationIndicator, 'score'> {
  exact: Fraction | null;
  notice: string | null;
}

function scoreIndicator(ind: SelfEvaluationIndicatorInput, rules: RuleSet['selfEvaluation']): IndicatorResult {
  const full = fractionOf(ind.points);
  const explained = ind.explanation.trim() !== '';
  const none = (problem: string): IndicatorResult => ({ exact: null, band: null, flags: [], problem, notice: null });
  if (!(ind.points >= 0)) return none(`“${ind.name}”的分值 ${ind.points} 不是有效分数，请改正`);

  if (ind.nature === '定性') {
    const level = ind.actual.replace(/\s+/g, '') as Qualitative;
    if (!Object.hasOwn(rules.qualitativeBands, level))
      return none(`“${ind.name}”是定性指标，实际完成值请填写 达成、部分达成 或 未达成（现为“${ind.actual.trim() || '空'}”）`);
    const share = rules.qualitativeBands[level];
    // Exact edges, so a pick on an edge (60% of 0.35 is 0.21) is inside however the floats fall.
    const [min, max] = [share.min, share.max].map((p) => mul(full, div(fractionOf(p), fromInt(100)))) as [Fraction, Fraction];
    const band = { min: Number(min.num) / Number(min.den), max: Number(max.num) / Number(max.den) };
    const flags: SelfEvaluationFlag[] = level === '达成' ? [] : ['notMet'];
    if (flags.length && !explained) flags.push('needsExplanation');
    const notice = flags.includes('needsExplanation') ? `“${ind.name}”${level}，请填写偏差原因分析及改进措施` : null;
    const chosen = ind.chosenScore ?? null;
    if (chosen === null) return { exact: max, band, flags, problem: null, notice };
    if (!Number.isFinite(chosen) || lessThan(fractionOf(chosen), min) || lessThan(max, fractionOf(chosen)))
      return {
        exact: null,
        band,
        flags,
        notice,
        problem: `“${ind.name}”${level}，得分应在 ${formatScore(band.min)}–${formatScore(band.max)} 分之间，现为 ${formatScore(chosen)} 分，请改正`,
      };
    return { exact: fractionOf(chosen), band, flags, problem: null, notice };
  }

  const target = numberIn(ind.target);
  const actual = numberIn(ind.actual);
  if (target === null || actual === null)
    return none(
      `“${ind.name}”的${target === null ? '年度指标值' : '实际完成值'}没有可计算的数值（现为“${(target === null ? ind.target : ind.actual).trim() || '空'}”），请填写数值`,
    );
  const t = asPercentOf(ind.target, target, ind.actual);
  const a = asPercentOf(ind.actual, actual, ind.target);

  let exact: Fraction;
  let met: boolean;
  let farAbove = false;
  if (isLowerBetter(ind.nature, target)) {
    met = ind.nature === '＜' ? lessThan(a, t) : ind.nature === '＝' ? compare(a, t) === 0 : compare(a, t) <= 0;
    // Not met: 分值 × 指标值 / 完成值 (a target of 0 missed scores nothing).
    exact = met ? full : a.num <= 0n ? ZERO : mul(full, div(t, a));
  } else {
    met = ind.nature === '＞' ? lessThan(t, a) : compare(a, t) >= 0;
    if (t.num <= 0n) exact = met ? full : ZERO;
    else exact = met ? full : mul(full, div(a.num < 0n ? ZERO : a, t));
    farAbove = t.num > 0n && compare(mul(a, fromInt(100)), mul(t, fractionOf(rules.farAbovePercent))) >= 0;
  }
  if (compare(exact, full) > 0) exact = full;

  const flags: SelfEvaluationFlag[] = [];
  if (!met) flags.push('notMet');
  if (farAbove) flags.push('farAbove');
  if (flags.length && !explained) flags.push('needsExplanation');
  const notice = !flags.includes('needsExplanation')
    ? null
    : farAbove
      ? `“${ind.name}”实际完成值 ${ind.actual.trim()} 远超指标值 ${ind.target.trim()}（达 ${rules.farAbovePercent}% 以上），请在偏差原因分析中说明`
      : `“${ind.name}”未达到指标值 ${ind.target.trim()}（实际 ${ind.actual.trim()}），请填写偏差原因分析及改进措施`;
  if (!farAbove) return { exact, band: null, flags, problem: null, notice };

  // Far above: full points unless the reviewer deducts by the deviation.
  const band = { min: 0, max: ind.points };
  const chosen = ind.chosenScore ?? null;
  if (chosen === null) return { exact, band, flags, problem: null, notice };
  if (!Number.isFinite(chosen) || chosen < 0 || chosen > ind.points)
    return {
      exact: null,
      band,
      flags,
      notice,
      problem: `“${ind.name}”得分应在 0–${formatScore(ind.points)} 分之间，现为 ${formatScore(chosen)} 分，请改正`,
    };
  return { exact: fractionOf(chosen), band, flags, problem: null, notice };
}

/**
 * A value exactly, as a % where the other side is written in % and this one is a fraction of 1
 * ("0.9" against "≥95%" is 90%; domain.md §8). "0.9%" stays 0.9%.
 */
function asPercentOf(written: string, n: number, other: string): Fraction {
  const isPercent = (text: string) => text.normalize('NFKC').includes('%');
  const fraction = !isPercent(written) && isPercent(other) && n > 0 && n <= 1;
  return fraction ? mul(fractionOf(n), fromInt(100)) : fractionOf(n);
}

/** An exact rational num / den, den > 0. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const ZERO: Fraction = { num: 0n, den: 1n };
const ONE: Fraction = { num: 1n, den: 1n };

function frac(num: bigint, den: bigint): Fraction {
  const g = gcd(num < 0n ? -num : num, den) || 1n;
  return { num: num / g, den: den / g };
}

function fromInt(n: number): Fraction {
  return { num: BigInt(n), den: 1n };
}

/** The decimal as written, exactly ("0.1" is 1/10, not the binary double). */
function fractionOf(n: number): Fraction {
  const [mantissa, exp = '0'] = String(n).split('e');
  const [whole, decimals = ''] = mantissa!.split('.');
  const shift = Number(exp) - decimals.length;
  const digits = BigInt(`${whole}${decimals}`);
  return shift >= 0 ? { num: digits * 10n ** BigInt(shift), den: 1n } : frac(digits, 10n ** BigInt(-shift));
}

function add(a: Fraction, b: Fraction): Fraction {
  return frac(a.num * b.den + b.num * a.den, a.den * b.den);
}

function mul(a: Fraction, b: Fraction): Fraction {
  return frac(a.num * b.num, a.den * b.den);
}

/** a / b for b ≠ 0. */
function div(a: Fraction, b: Fraction): Fraction {
  const sign = b.num < 0n ? -1n : 1n;
  return frac(a.num * b.den * sign, a.den * b.num * sign);
}

function compare(a: Fraction, b: Fraction): number {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

function lessThan(a: Fraction, b: Fraction): boolean {
  return compare(a, b) < 0;
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** Hundredths, halves up; scores are non-negative. */
function roundHalfUp(f: Fraction): number {
  return Number((f.num * 200n + f.den) / (f.den * 2n));
}
