/**
 * 部门整体自评的计分: the unit is the one scorer of its framework, so its total, subtotals and grade are
 * keyEvaluationScore.ts's with one "expert" — the same rounding, bands and subtotal rule, not a second
 * scorer. The screen scores live with this and the service stores what it gives.
 */
import { scoreEvaluation, type EvaluationScore, type Framework } from './keyEvaluationScore';

/** The one scorer, in scoreEvaluation's expert column. */
const SCORER = '本单位';

export type DepartmentScoreRules = Parameters<typeof scoreEvaluation>[3];

export function scoreDepartmentSelfEvaluation(
  framework: Framework,
  entries: readonly { indicatorCode: string; score: number | null }[],
  rules: DepartmentScoreRules,
): EvaluationScore {
  const scores = entries.map((e) => ({ expert: SCORER, indicatorCode: e.indicatorCode, score: e.score, basis: '' }));
  return scoreEvaluation(framework, [SCORER], scores, rules);
}
