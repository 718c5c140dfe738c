/**
 * The assessment form's state as the clerk edits it, and the rules it is scored on live. The live total
 * and conclusion come from scoreExAnte, the function the ledger scores and finalises with, so the form
 * and the ledger cannot disagree.
 */
import type { AssessmentView, CallInput, Grade } from '../../electron/bridge/contract';
import { presetPoints, type ExAnteRules, type ItemScore } from '../../electron/rules/exAnteScore';
import { fenToWanYuanInput } from '../../electron/rules/money';
import { formatScore } from '../../electron/rules/numberFormat';
import type { Assessor } from './exAnteLabels';

export interface AssessmentDraft {
  assessor: Assessor;
  assessorName: string;
  /** 建议预算数 in 万元, as typed. */
  recommendedBudget: string;
  workSummary: string;
  findings: string;
  suggestions: string;
  otherNotes: string;
  /** One per sub-item of the framework, in its order, so `scores.<i>` field errors land on the right row. */
  scores: ItemScore[];
}

export type TextField = 'workSummary' | 'findings' | 'suggestions' | 'otherNotes';

/** The report's free-text parts, in the order the 评估报告 has them. */
export const REPORT_FIELDS: readonly { field: TextField; label: string }[] = [
  { field: 'workSummary', label: '评估工作开展情况' },
  { field: 'findings', label: '评估发现/综合评估情况' },
  { field: 'suggestions', label: '相关建议' },
  { field: 'otherNotes', label: '其他需要说明的问题' },
];

/** Every field the bridge may name for a save, so its messages show at the field. */
export function formFields(view: AssessmentView): string[] {
  const items = view.framework.flatMap((d) => d.items);
  return [
    'assessor',
    'assessorName',
    'recommendedBudget',
    ...REPORT_FIELDS.map((f) => f.field),
    ...items.flatMap((_, i) => [`scores.${i}.rating`, `scores.${i}.points`, `scores.${i}.basis`]),
  ];
}

/** The year's ex-ante rules as the ledger applies them to this assessment (the view carries them). */
export function rulesOf(view: AssessmentView): ExAnteRules {
  return { framework: view.framework, ratingShares: view.ratingShares, conclusionBands: view.conclusionBands };
}

export function draftOf(view: AssessmentView): AssessmentDraft {
  const saved = new Map(view.scores.map((s) => [keyOf(s), s]));
  return {
    assessor: view.assessor,
    assessorName: view.assessorName ?? '',
    recommendedBudget: view.recommendedBudgetFen === null ? '' : fenToWanYuanInput(view.recommendedBudgetFen),
    workSummary: view.workSummary ?? '',
    findings: view.findings ?? '',
    suggestions: view.suggestions ?? '',
    otherNotes: view.otherNotes ?? '',
    scores: view.framework.flatMap((d) =>
      d.items.map((it) => {
        const s = saved.get(keyOf({ dimension: d.dimension, item: it.name }));
        return { dimension: d.dimension, item: it.name, rating: s?.rating ?? null, points: s?.points ?? null, basis: s?.basis ?? '' };
      }),
    ),
  };
}

/** The draft as exAnte.save takes it; the bridge parses the money and judges the rest. */
export function inputOf(id: number, draft: AssessmentDraft): CallInput<'exAnte.save'> {
  return {
    id,
    assessor: draft.assessor,
    assessorName: draft.assessorName,
    recommendedBudget: draft.recommendedBudget,
    workSummary: draft.workSummary,
    findings: draft.findings,
    suggestions: draft.suggestions,
    otherNotes: draft.otherNotes,
    scores: draft.scores,
  };
}

/** Picking a rating fills the points with the rating's starting points; the assessor may adjust within the band. */
export function withRating(draft: AssessmentDraft, index: number, rating: Grade, max: number, rules: ExAnteRules): AssessmentDraft {
  return withScore(draft, index, { rating, points: presetPoints(rating, max, rules) });
}

export function withScore(draft: AssessmentDraft, index: number, patch: Partial<ItemScore>): AssessmentDraft {
  return { ...draft, scores: draft.scores.map((s, i) => (i === index ? { ...s, ...patch } : s)) };
}

/** The points a rating allows for a sub-item, as the clerk reads it: "9–10 分"; the full scale when unrated. */
export function bandText(rating: Grade | null, max: number, rules: ExAnteRules): string {
  if (rating === null) return `满分 ${max} 分`;
  const share = rules.ratingShares[rating];
  return `${formatScore(share.min * max)}–${formatScore(share.max * max)} 分`;
}

export function sameDraft(a: AssessmentDraft, b: AssessmentDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function keyOf(s: { dimension: string; item: string }): string {
  return `${s.dimension}\u0000${s.item}`;
}
