/**
 * 绩效监控的三条警戒线 (the bureau's): 预算执行进度, 绩效目标完成情况, and the 偏离率 between the two.
 * Each function takes its inputs and the year's thresholds and returns a result that explains itself:
 * the ratio, the colour, and the sentence the warning list shows. Division by zero is "—", never NaN.
 * Thresholds are percentages; a band's lower edge belongs to the better colour (60 is yellow, 80 green).
 */
import type { Nature, WarningColour } from '../../db/vocabulary';
import type { RuleSet } from './ruleSet';
import { isLowerBetter } from './indicatorRules';
import { level2KindOf } from './level2Kinds';
import type { QUALITATIVE_LEVELS } from './monitoringLabels';
import { numberIn } from './targetChecks';
import { formatPercent, roundHalfUp } from './numberFormat';

export const COLOUR_LABELS: Record<WarningColour, string> = { red: '红灯', yellow: '黄灯', green: '绿灯', blue: '蓝灯', none: '—' };

/** Worst first: a project takes the colour of its worst indicator. Blue (far ahead) is a notice, not a fault. */
const SEVERITY: Record<WarningColour, number> = { red: 4, yellow: 3, blue: 2, green: 1, none: 0 };

export type MonitoringRules = RuleSet['monitoring'];

/** 序时进度 at the end of month m: m/12, as a percentage. */
export function timeProgress(month: number): number {
  return (month / 12) * 100;
}

export interface ExecutionLine {
  line: 'execution';
  /** 执行率 = 执行数 / 调整后预算数, %. Null when the budget is zero. */
  executionRate: number | null;
  timeProgress: number;
  /** 执行率 / 序时进度, %. */
  ratio: number | null;
  colour: WarningColour;
  text: string;
}

/** 第一条线 预算执行进度: 执行率 against 序时进度. */
export function executionLine(input: { executedFen: number; budgetFen: number; month: number }, rules: MonitoringRules): ExecutionLine {
  const progress = timeProgress(input.month);
  if (input.budgetFen <= 0) {
    return {
      line: 'execution',
      executionRate: null,
      timeProgress: progress,
      ratio: null,
      colour: 'none',
      text: `调整后预算数为 0，执行率 —，序时进度 ${formatPercent(progress)}`,
    };
  }
  // One division each, so a ratio exactly on a band edge lands on it (60, not 59.999…).
  const executionRate = (input.executedFen * 100) / input.budgetFen;
  const ratio = (input.executedFen * 1200) / (input.budgetFen * input.month);
  const { red, yellow } = rules.executionBands;
  const colour: WarningColour = ratio < red ? 'red' : ratio < yellow ? 'yellow' : 'green';
  return {
    line: 'execution',
    executionRate,
    timeProgress: progress,
    ratio,
    colour,
    text: `执行率 ${formatPercent(executionRate)}，序时进度 ${formatPercent(progress)}，比值 ${formatPercent(ratio)}`,
  };
}

export type Qualitative = (typeof QUALITATIVE_LEVELS)[number];

export interface IndicatorProgress {
  name: string;
  level2: string;
  nature: Nature;
  /** 年度指标值 as written ("500", "≥95%", "有效提升"). */
  target: string;
  /** 当前完成值 as reported; for 定性, one of 达成 / 部分达成 / 未达成. */
  current: string;
  /** 分值, where the indicator carries points (a scored table); weights the overall completion. */
  points?: number | null;
}

export interface IndicatorLine {
  name: string;
  /** 当前完成值 / 序时目标 (prorated) or / 目标 (judged in range), %; null for 定性 or unreadable values. */
  ratio: number | null;
  /** For the overall completion on the schedule basis: min(ratio, 100), or the 定性 level's share. */
  completion: number | null;
  /** The share of the full-year target reached, capped at 100 (for 偏离率 on the annual basis). */
  annualCompletion: number | null;
  colour: WarningColour;
  text: string;
}

const QUALITATIVE_COLOUR: Record<Qualitative, WarningColour> = { 达成: 'green', 部分达成: 'yellow', 未达成: 'red' };

/**
 * 第二条线 绩效目标完成情况, for one indicator (domain.md §5). Prorated kinds (数量 and 效益 by default)
 * accumulate over the year: 当前完成值 against the share due by the month, in the 60/80/120 bands. The
 * others (质量, 时效, 成本, 满意度 …) are judged against the whole target, in range or not: ≥ reached, ＞
 * passed, ＝ met exactly, ≤ ＜ kept under. A target of 0 is judged in range too (＝0: only 0 is green).
 */
export function indicatorLine(ind: IndicatorProgress, month: number, rules: MonitoringRules): IndicatorLine {
  if (ind.nature === '定性') {
    const level = ind.current.trim() as Qualitative;
    if (!Object.hasOwn(QUALITATIVE_COLOUR, level))
      return { name: ind.name, ratio: null, completion: null, annualCompletion: null, colour: 'none', text: `“${ind.name}”未填报完成情况` };
    const share = rules.qualitativeShares[level];
    return {
      name: ind.name,
      ratio: null,
      completion: share,
      annualCompletion: share,
      colour: QUALITATIVE_COLOUR[level],
      text: `“${ind.name}”${level}`,
    };
  }
  const target = numberIn(ind.target);
  const current = numberIn(ind.current);
  if (target === null || current === null)
    return { name: ind.name, ratio: null, completion: null, annualCompletion: null, colour: 'none', text: `“${ind.name}”缺少可比较的数值` };

  if (isLowerBetter(ind.nature, target)) {
    // A cap (成本 ≤ 1000元/人, 安全事故 ＝0): within it is green, above it red; no proration.
    const within = ind.nature === '＜' ? current < target : ind.nature === '＝' ? current === target : current <= target;
    const ratio = current === 0 ? null : (target / current) * 100;
    const completion = within ? 100 : Math.min(ratio ?? 0, 100);
    return {
      name: ind.name,
      ratio,
      completion,
      annualCompletion: completion,
      colour: within ? 'green' : 'red',
      text: `“${ind.name}”当前 ${current}，目标${ind.nature}${target}，${within ? '在目标内' : '超出目标'}`,
    };
  }

  // Higher-is-better from here. A target of 0 (≥0) has no share due and no ratio: it is judged in range.
  const annualRatio = target === 0 ? null : (current * 100) / target;
  const annualCompletion = annualRatio === null ? null : Math.min(annualRatio, 100);
  const kind = level2KindOf(ind.level2);
  if (target !== 0 && kind !== null && rules.proratedKinds.includes(kind)) {
    const ratio = (current * 1200) / (target * month);
    const { red, yellow, blue } = rules.completionBands;
    return {
      name: ind.name,
      ratio,
      completion: Math.min(ratio, 100),
      annualCompletion,
      colour: ratio < red ? 'red' : ratio < yellow ? 'yellow' : ratio < blue ? 'green' : 'blue',
      text: `“${ind.name}”当前 ${current}，序时目标 ${roundHalfUp((target * month) / 12)}，完成比 ${formatPercent(ratio)}`,
    };
  }
  // Both figures are read from decimal text, so ＝ compares them exactly to the precision written.
  const inRange = ind.nature === '＞' ? current > target : ind.nature === '＝' ? current === target : current >= target;
  // ≥ reads plainly as "目标 95"; ＞ and ＝ show the operator, or a red at 100% would not explain itself.
  const goal = ind.nature === '≥' ? ` ${target}` : `${ind.nature}${target}`;
  return {
    name: ind.name,
    ratio: annualRatio,
    completion: inRange ? 100 : (annualCompletion ?? 0),
    annualCompletion: inRange ? 100 : (annualCompletion ?? 0),
    colour: inRange ? 'green' : 'red',
    text: `“${ind.name}”当前 ${current}，目标${goal}，完成比 ${formatPercent(annualRatio)}`,
  };
}

export interface CompletionLine {
  line: 'completion';
  indicators: IndicatorLine[];
  /** 目标完成率 against the schedule: the (weighted) mean of the indicators' completion, %; null when none could be judged. */
  completionRate: number | null;
  /** 目标总体完成率: the (weighted) mean share of the full-year targets reached, %. */
  annualCompletionRate: number | null;
  /** The worst indicator's colour. */
  colour: WarningColour;
  text: string;
}

/**
 * 第二条线 for a project: each indicator judged, the project taking its worst indicator's colour. The
 * overall completion is the mean of the judged indicators weighted by their 分值 (domain.md §5: an
 * indicator worth 20 points counts four times one worth 5, as it does in the score) when every judged
 * indicator carries points; targets declared without 分值 — the usual monitoring form — count equally.
 */
export function completionLine(indicators: readonly IndicatorProgress[], month: number, rules: MonitoringRules): CompletionLine {
  const lines = indicators.map((i) => indicatorLine(i, month, rules));
  const mean = (pick: (l: IndicatorLine) => number | null) => {
    const judged = lines.flatMap((l, k) => {
      const value = pick(l);
      return value === null ? [] : [{ value, points: indicators[k]!.points ?? null }];
    });
    if (judged.length === 0) return null;
    const weighted = judged.every((j) => j.points !== null && j.points > 0);
    const weight = (j: (typeof judged)[number]) => (weighted ? j.points! : 1);
    return judged.reduce((s, j) => s + j.value * weight(j), 0) / judged.reduce((s, j) => s + weight(j), 0);
  };
  const completionRate = mean((l) => l.completion);
  const annualCompletionRate = mean((l) => l.annualCompletion);
  const colour = worstColour(lines.map((l) => l.colour));
  const flagged = lines.filter((l) => l.colour === colour && colour !== 'green' && colour !== 'none');
  const text = `目标完成率 ${formatPercent(completionRate)}${flagged.length ? `；${flagged.map((l) => l.text).join('；')}` : ''}`;
  return { line: 'completion', indicators: lines, completionRate, annualCompletionRate, colour, text };
}

export interface DeviationLine {
  line: 'deviation';
  /** |执行率 − 目标完成率|, percentage points. */
  deviation: number | null;
  /** Above the year's threshold: a rectification notice is due. Stored with the warning, it is what drafting reads. */
  noticeDue: boolean;
  /** The threshold noticeDue was judged against, %. */
  threshold: number;
  colour: WarningColour;
  text: string;
}

/**
 * 第三条线 for a project, on the year's basis: both sides must measure the same thing, or an on-track
 * project in May (执行率 41.7%, prorated completion 100%) would be a 58-point "deviation".
 */
export function projectDeviation(
  execution: Pick<ExecutionLine, 'executionRate' | 'ratio'> | null,
  completion: Pick<CompletionLine, 'completionRate' | 'annualCompletionRate'> | null,
  rules: MonitoringRules,
): DeviationLine {
  if (rules.deviationBasis === 'schedule') {
    return deviationLine(execution?.ratio == null ? null : Math.min(execution.ratio, 100), completion?.completionRate ?? null, rules, [
      '执行进度',
      '目标完成率',
    ]);
  }
  return deviationLine(execution?.executionRate ?? null, completion?.annualCompletionRate ?? null, rules, ['执行率', '目标总体完成率']);
}

/** How much a colour asks for action, for ordering lists worst first: red 4, yellow 3, blue 2, green 1, none 0. */
export function colourSeverity(colour: WarningColour): number {
  return SEVERITY[colour];
}

/** 第三条线 预算执行与绩效目标总体完成偏离率, between two rates already on the same basis. */
export function deviationLine(
  executionRate: number | null,
  completionRate: number | null,
  rules: MonitoringRules,
  labels: [string, string] = ['执行率', '目标完成率'],
): DeviationLine {
  const [executionLabel, completionLabel] = labels;
  const threshold = rules.deviationNoticeThreshold;
  if (executionRate === null || completionRate === null) {
    return {
      line: 'deviation',
      deviation: null,
      noticeDue: false,
      threshold,
      colour: 'none',
      text: `偏离率 —（${executionLabel} ${formatPercent(executionRate)}，${completionLabel} ${formatPercent(completionRate)}）`,
    };
  }
  const deviation = Math.abs(executionRate - completionRate);
  const noticeDue = deviation > threshold;
  return {
    line: 'deviation',
    deviation,
    noticeDue,
    threshold,
    colour: noticeDue ? 'red' : 'green',
    text: `${executionLabel} ${formatPercent(executionRate)}，${completionLabel} ${formatPercent(completionRate)}，偏离率 ${formatPercent(deviation)}${noticeDue ? `，超过 ${threshold}%，应下发整改通知` : ''}`,
  };
}

export function worstColour(colours: readonly WarningColour[]): WarningColour {
  return colours.reduce<WarningColour>((worst, c) => (SEVERITY[c] > SEVERITY[worst] ? c : worst), 'none');
}
