import { REVIEW_OUTCOME, TARGET_STATUS } from '../../electron/rules/jointReview';
import type { Grade, TargetStatus } from '../../electron/bridge/contract';

/** A list row's status: a stage of the procedure, or 'none' for a project with no targets yet. */
export type ListStatus = TargetStatus | 'none';

/** 未填报: a project that asks for money without targets breaks 先定项目，再定预算. */
export const NO_TARGET_LABEL = '未填报';

export function statusLabel(status: ListStatus): string {
  return status === 'none' ? NO_TARGET_LABEL : TARGET_STATUS[status];
}

/** Badge colours: where the target stands at a glance; red only for what needs the bureau's attention. */
export const STATUS_COLOR: Record<ListStatus, string> = {
  none: 'red',
  draft: 'gray',
  inReview: 'blue',
  returned: 'orange',
  financeCompleting: 'yellow',
  ready: 'teal',
  notArranged: 'red',
  approved: 'green',
  published: 'violet',
};

export const STATUS_OPTIONS = [
  { value: 'none', label: NO_TARGET_LABEL },
  ...(Object.entries(TARGET_STATUS) as [TargetStatus, string][]).map(([value, label]) => ({ value, label })),
];

export const GRADE_COLOR: Record<Grade, string> = { 优: 'green', 良: 'teal', 中: 'orange', 差: 'red' };

/** "中（退回单位修改后重新会审）": a result with what it does to the target. */
export function outcomeText(grade: Grade): string {
  return `${grade}（${REVIEW_OUTCOME[grade].meaning}）`;
}
