import type { TargetListRow } from '../../electron/bridge/contract';
import { matchesSearch } from '../common/sortRows';
import type { ListStatus } from './targetLabels';

export interface TargetFilters {
  search: string;
  status: ListStatus | null;
  department: string | null;
  /** 先定项目，再定预算: only projects that have no targets yet. */
  onlyMissing: boolean;
}

export const NO_FILTERS: TargetFilters = { search: '', status: null, department: null, onlyMissing: false };

/** The rows the table shows, in the ledger's order (主管部门, then unit, then project code). */
export function viewTargets(rows: readonly TargetListRow[], filters: TargetFilters): TargetListRow[] {
  return rows.filter(
    (r) =>
      (!filters.onlyMissing || r.status === 'none') &&
      (filters.status === null || r.status === filters.status) &&
      (filters.department === null || r.departmentName === filters.department) &&
      matchesSearch(filters.search, [r.name, r.projectCode, r.unitName, r.departmentName]),
  );
}

/** "共 14 个项目，未填报 12 个；部门整体目标 1 个" for the rows shown, with the year's total when narrowed. */
export function countSentence(shown: readonly TargetListRow[], all: readonly TargetListRow[]): string {
  const projects = shown.filter((r) => r.subject === 'project');
  const missing = projects.filter((r) => r.status === 'none').length;
  const departments = shown.length - projects.length;
  const yearProjects = all.filter((r) => r.subject === 'project').length;
  const narrowed = shown.length !== all.length ? `（本年度共 ${yearProjects} 个）` : '';
  return `共 ${projects.length} 个项目${narrowed}，未填报 ${missing} 个${departments ? `；部门整体目标 ${departments} 个` : ''}`;
}

/** How many of the chosen rows are in each status: what 批复, 公开 and the 会审意见表 will act on. */
export function selectionSummary(
  rows: readonly TargetListRow[],
  chosen: ReadonlySet<number>,
): { total: number; ready: number; approved: number; inReview: number; inReviewIds: number[] } {
  const picked = rows.filter((r) => r.targetId !== null && chosen.has(r.targetId));
  const inReviewIds = picked.flatMap((r) => (r.status === 'inReview' && r.targetId !== null ? [r.targetId] : []));
  return {
    total: picked.length,
    ready: picked.filter((r) => r.status === 'ready').length,
    approved: picked.filter((r) => r.status === 'approved').length,
    inReview: inReviewIds.length,
    inReviewIds,
  };
}
