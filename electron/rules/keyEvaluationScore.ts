/**
 * 财政重点绩效评价的计分: an indicator framework (一级 决策/过程/产出/效益 → 二级 → 三级 with points),
 * several experts scoring each 三级 indicator, their aggregate, the subtotals, the total and the grade.
 *
 * Scores are kept in hundredths (integers) and aggregates as exact fractions, so nothing drifts. An
 * indicator's aggregate is printed rounded half-up to 2 decimals. Subtotals, 一级 scores and the total
 * are, by the year's rule (keyEvaluation.subtotals): 'fromExact' — the exact aggregates added up and
 * rounded once, half-up (domain.md §9: three experts giving 10, 10, 11 on three indicators make 31.00,
 * not 3 × 10.33); or 'fromPrinted' — sums of the printed figures, for provinces whose tables add up
 * line by line. The grade is read from the total as rounded.
 */
import { formatScore } from './numberFormat';
import { gradeOf, type RuleSet, type SubtotalBasis } from './ruleSet';
import type { Aggregation } from '../../db/vocabulary';

export interface FrameworkIndicator {
  /** Stable within the framework, e.g. "1.1.1". */
  code: string;
  name: string;
  /** 分值. */
  points: number;
  /** 评分标准 as the experts read it. */
  rule: string;
  /** 计算公式, where one applies (资金到位率 = 到位 / 预算 …). */
  formula?: string | null;
}

export interface FrameworkLevel2 {
  name: string;
  indicators: FrameworkIndicator[];
}

export interface FrameworkLevel1 {
  name: string;
  /** The 一级 weight; its indicators' points must add up to it (keyEvaluationFrameworkCheck.ts). */
  weight: number;
  level2: FrameworkLevel2[];
}

export type Framework = FrameworkLevel1[];

/** One expert's score on one indicator, with 得分依据. */
export interface ExpertScore {
  expert: string;
  indicatorCode: string;
  score: number | null;
  basis: string;
}

export interface ScoredIndicator extends FrameworkIndicator {
  level1: string;
  level2: string;
  /** Each expert's score, in the experts' order; null where not yet scored. */
  byExpert: (number | null)[];
  /** The aggregate as printed (2 decimals, half-up); null until every expert has scored it. */
  score: number | null;
  /** Why a score is refused (out of range); null when fine. */
  problem: string | null;
}

export interface EvaluationScore {
  experts: string[];
  indicators: ScoredIndicator[];
  level2: { level1: string; name: string; points: number; score: number }[];
  level1: { name: string; weight: number; score: number }[];
  total: number;
  /** Null until every indicator is scored by every expert and nothing is out of range. */
  grade: string | null;
  complete: boolean;
  problems: string[];
}

export function scoreEvaluation(
  framework: Framework,
  experts: readonly string[],
  scores: readonly ExpertScore[],
  options: { aggregation: Aggregation; gradeBands: RuleSet['gradeBands']; subtotals: SubtotalBasis },
): EvaluationScore {
  const given = new Map(scores.map((s) => [`${s.expert}\u0000${s.indicatorCode}`, s.score]));
  const indicators: ScoredIndicator[] = [];
  /** Each indicator's exact aggregate, by position in `indicators`; zero until complete. */
  const exact: Fraction[] = [];
  const problems: string[] = [];
  for (const l1 of framework) {
    for (const l2 of l1.level2) {
      for (const ind of l2.indicators) {
        const byExpert = experts.map((e) => given.get(`${e}\u0000${ind.code}`) ?? null);
        const bad = byExpert
          .map((s, k) => (s !== null && (s < 0 || s > ind.points || !Number.isFinite(s)) ? experts[k] : null))
          .filter((e): e is string => e !== null);
        const problem = bad.length
          ? `“${ind.name}”满分 ${formatScore(ind.points)} 分，${bad.join('、')}的评分超出 0–${formatScore(ind.points)} 分`
          : null;
        if (problem) problems.push(problem);
        const complete = experts.length > 0 && byExpert.every((s) => s !== null) && !problem;
        const value = complete ? exactAggregate(byExpert as number[], options.aggregation) : ZERO;
        exact.push(value);
        indicators.push({ ...ind, level1: l1.name, level2: l2.name, byExpert, score: complete ? roundHalfUp(value) / 100 : null, problem });
      }
    }
  }
  const scoreOf = (keep: (i: ScoredIndicator) => boolean): number => {
    const mine = indicators.flatMap((ind, k) => (keep(ind) ? [k] : []));
    if (options.subtotals === 'fromPrinted') return sumHundredths(mine.map((k) => indicators[k]!.score ?? 0)) / 100;
    return roundHalfUp(mine.reduce((sum, k) => addFractions(sum, exact[k]!), ZERO)) / 100;
  };
  const level2 = framework.flatMap((l1) =>
    l1.level2.map((l2) => {
      const mine = (i: ScoredIndicator) => i.level1 === l1.name && i.level2 === l2.name;
      return {
        level1: l1.name,
        name: l2.name,
        points: sumHundredths(indicators.filter(mine).map((i) => i.points)) / 100,
        score: scoreOf(mine),
      };
    }),
  );
  const level1 = framework.map((l1) => ({ name: l1.name, weight: l1.weight, score: scoreOf((i) => i.level1 === l1.name) }));
  const total = scoreOf(() => true);
  const complete = indicators.every((i) => i.score !== null) && problems.length === 0;
  return {
    experts: [...experts],
    indicators,
    level2,
    level1,
    total,
    grade: complete ? gradeOf(total, options.gradeBands) : null,
    complete,
    problems,
  };
}

/**
 * The experts' aggregate, half-up to 2 decimals: the mean, or with three or more experts the trimmed
 * mean (the highest and the lowest score set aside), as panels commonly do against one outlier.
 */
export function aggregate(values: readonly number[], how: Aggregation): number {
  return roundHalfUp(exactAggregate(values, how)) / 100;
}

/** An exact non-negative number of hundredths: num / den. */
interface Fraction {
  num: bigint;
  den: bigint;
}

const ZERO: Fraction = { num: 0n, den: 1n };

/** The aggregate unrounded: the sum of the kept scores in hundredths over how many were kept. */
function exactAggregate(values: readonly number[], how: Aggregation): Fraction {
  let kept = values.map(toHundredths);
  if (how === 'trimmedMean' && kept.length >= 3) kept = [...kept].sort((a, b) => a - b).slice(1, -1);
  return { num: BigInt(kept.reduce((a, b) => a + b, 0)), den: BigInt(kept.length) };
}

/** a/b + c/d over lcm(b, d): exact, with denominators that stay the size of the panels' lcm. */
function addFractions(a: Fraction, b: Fraction): Fraction {
  const den = (a.den / gcd(a.den, b.den)) * b.den;
  return { num: a.num * (den / a.den) + b.num * (den / b.den), den };
}

function gcd(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcd(b, a % b);
}

/** The nearest whole hundredth, halves up (all values are non-negative, so truncation is floor). */
function roundHalfUp(f: Fraction): number {
  return Number((f.num * 2n + f.den) / (f.den * 2n));
}

function toHundredths(n: number): number {
  return Math.round(n * 100);
}

/** Figures added up exactly in hundredths (2.25 + 3.35 + 1.4 is 700), as the scoring table adds them. */
export function sumHundredths(values: readonly number[]): number {
  return values.reduce((s, v) => s + toHundredths(v), 0);
}
