/**
 * 三方联合会审 and the target's path through 布置 → 申报 → 审核 → 批复 → 公开. The three parties grade
 * four dimensions; the bureau records the combined result, which alone moves the target on.
 */

import { GRADES, type Grade, type ReviewParty, type SyncStep, type TargetStatus } from '../../db/vocabulary';

export const REVIEW_PARTIES: Record<ReviewParty, string> = {
  unit: '预算单位（主管部门）',
  finance: '财政局（业务股室、绩效股）',
  thirdParty: '第三方机构',
};

export const REVIEW_DIMENSIONS = { completeness: '完整性', relevance: '相关性', appropriateness: '适当性', feasibility: '可行性' } as const;
export type ReviewDimension = keyof typeof REVIEW_DIMENSIONS;

/** Where a target stands. */
export const TARGET_STATUS: Record<TargetStatus, string> = {
  draft: '填报中',
  inReview: '会审中',
  returned: '退回修改',
  financeCompleting: '财政完善中',
  ready: '待批复',
  notArranged: '不予安排',
  approved: '已批复',
  published: '已公开',
};

/** What each combined result does to the target (domain.md §3). */
export const REVIEW_OUTCOME: Record<Grade, { status: TargetStatus; meaning: string }> = {
  优: { status: 'ready', meaning: '通过，可批复' },
  良: { status: 'financeCompleting', meaning: '由财政会同单位完善后批复' },
  中: { status: 'returned', meaning: '退回单位修改后重新会审' },
  差: { status: 'notArranged', meaning: '不予安排预算' },
};

/** Which moves a target may make from each status; anything else is refused with the reason. */
const MOVES: Record<TargetStatus, readonly TargetStatus[]> = {
  draft: ['inReview'],
  returned: ['inReview'],
  inReview: ['ready', 'financeCompleting', 'returned', 'notArranged'],
  financeCompleting: ['ready'],
  ready: ['approved'],
  notArranged: [],
  approved: ['published'],
  published: [],
};

export function canMove(from: TargetStatus, to: TargetStatus): boolean {
  return MOVES[from].includes(to);
}

/** May the declaring unit (or the bureau completing a 良) still edit the target's content? */
export function isEditable(status: TargetStatus): boolean {
  return status === 'draft' || status === 'returned' || status === 'financeCompleting';
}

/** Approved and published targets change only through a recorded adjustment (调整). */
export function isLocked(status: TargetStatus): boolean {
  return status === 'approved' || status === 'published';
}

export type PartyGrades = Partial<Record<ReviewDimension, Grade>>;

/**
 * A suggestion for the combined result: the average of every grade given (优 4 … 差 1), rounded
 * half-up. The bureau decides; this only pre-fills the choice.
 */
export function suggestCombinedGrade(opinions: readonly PartyGrades[]): Grade | null {
  const points = opinions.flatMap((o) => Object.values(o)).map((g) => 4 - GRADES.indexOf(g!));
  if (points.length === 0) return null;
  const mean = points.reduce((a, b) => a + b, 0) / points.length;
  return GRADES[4 - Math.floor(mean + 0.5)]!;
}

/** 五个同步: the five steps budget and targets go through together. */
export const SYNC_STEPS: Record<SyncStep, string> = { assign: '布置', declare: '申报', review: '审核', approve: '批复', publish: '公开' };

export interface SyncDates {
  budget: Partial<Record<SyncStep, string>>;
  target: Partial<Record<SyncStep, string>>;
}

/** Steps where the target lags its budget: the budget has the step and the target does not, or later. */
export function syncLags(dates: SyncDates): { step: SyncStep; budget: string; target: string | null }[] {
  const lags: { step: SyncStep; budget: string; target: string | null }[] = [];
  for (const step of Object.keys(SYNC_STEPS) as SyncStep[]) {
    const budget = dates.budget[step];
    const target = dates.target[step] ?? null;
    if (budget && (target === null || target > budget)) lags.push({ step, budget, target });
  }
  return lags;
}
