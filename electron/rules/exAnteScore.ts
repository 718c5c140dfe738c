/**
 * 事前绩效评估的计分: each sub-item is rated 优/良/中/差 and given points inside that rating's band;
 * the total decides the conclusion by the year's bands (予以支持 / 调整完善后予以支持 / 不予支持).
 */
import type { Grade, Verdict } from '../../db/vocabulary';
import { twoDecimalProblem } from './decimals';
// Sums of points are kept to 2 decimals so 8.5 + 9.1 stays 17.6, not 17.599999.
import { formatScore, roundHalfUp } from './numberFormat';
import type { RuleSet } from './ruleSet';

export type ExAnteRules = RuleSet['exAnte'];

export interface ItemScore {
  dimension: string;
  item: string;
  rating: Grade | null;
  points: number | null;
  /** 评分依据. */
  basis: string;
}

export interface ScoredItem extends ItemScore {
  max: number;
  /** Why this item's score is not acceptable; null when it is. */
  problem: string | null;
}

export interface ExAnteScore {
  items: ScoredItem[];
  dimensions: { dimension: string; max: number; points: number }[];
  total: number;
  /** Null until every sub-item is rated and scored within its band. */
  conclusion: string | null;
  problems: string[];
}

/** Points a rating starts at for a sub-item (the assessor may adjust within the band). */
export function presetPoints(rating: Grade, max: number, rules: ExAnteRules): number {
  return roundHalfUp(rules.ratingShares[rating].preset * max);
}

export function scoreExAnte(scores: readonly ItemScore[], rules: ExAnteRules): ExAnteScore {
  const given = new Map(scores.map((s) => [`${s.dimension}\u0000${s.item}`, s]));
  const items: ScoredItem[] = [];
  for (const dim of rules.framework) {
    for (const it of dim.items) {
      const s = given.get(`${dim.dimension}\u0000${it.name}`);
      const rating = s?.rating ?? null;
      const points = s?.points ?? null;
      let problem: string | null = null;
      if (rating === null) problem = `“${dim.dimension}·${it.name}”尚未评级`;
      else if (points === null) problem = `“${dim.dimension}·${it.name}”尚未打分`;
      else {
        const band = rules.ratingShares[rating];
        const low = roundHalfUp(band.min * it.points);
        const high = roundHalfUp(band.max * it.points);
        const decimals = twoDecimalProblem('得分', points);
        if (decimals) problem = `“${dim.dimension}·${it.name}”${decimals}，现为 ${points} 分`;
        else if (points < low || points > high)
          problem = `“${dim.dimension}·${it.name}”评为“${rating}”，得分应在 ${formatScore(low)}–${formatScore(high)} 分之间，现为 ${formatScore(points)} 分`;
      }
      items.push({ dimension: dim.dimension, item: it.name, rating, points, basis: s?.basis ?? '', max: it.points, problem });
    }
  }
  const dimensions = rules.framework.map((d) => ({
    dimension: d.dimension,
    max: d.items.reduce((a, i) => a + i.points, 0),
    points: roundHalfUp(items.filter((i) => i.dimension === d.dimension).reduce((a, i) => a + (i.points ?? 0), 0)),
  }));
  const total = roundHalfUp(items.reduce((a, i) => a + (i.points ?? 0), 0));
  const problems = items.map((i) => i.problem).filter((p): p is string => p !== null);
  return { items, dimensions, total, conclusion: problems.length ? null : conclusionOf(total, rules), problems };
}

export function conclusionOf(total: number, rules: ExAnteRules): string {
  for (const b of rules.conclusionBands) if (b.min === null || total >= b.min) return b.conclusion;
  return rules.conclusionBands[rules.conclusionBands.length - 1]!.conclusion;
}

/**
 * The verdict of a conclusion by its band's place in the year's bands: the first supports, the last
 * rejects, any between supports after revision. Null for a conclusion the bands do not name, so no
 * caller turns an unknown conclusion into a verdict.
 */
export function verdictOfConclusion(conclusion: string, bands: readonly { conclusion: string }[]): Verdict | null {
  const index = bands.findIndex((b) => b.conclusion === conclusion);
  if (index < 0) return null;
  if (index === 0) return 'support';
  if (index === bands.length - 1) return 'reject';
  return 'supportAfterRevision';
}
