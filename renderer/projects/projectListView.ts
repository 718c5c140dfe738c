import type { BudgetKind, ProjectRow } from '../../electron/bridge/contract';
import type { ProjectType } from '../../electron/rules/labels';
import type { SortDirection } from '../common/SortableTh';
import { matchesSearch, sortRows } from '../common/sortRows';
import { PROJECT_COLUMNS, type ProjectColumnKey } from './projectColumns';

export interface ProjectFilters {
  search: string;
  budgetKind: BudgetKind | null;
  projectType: ProjectType | null;
  department: string | null;
}

export const NO_FILTERS: ProjectFilters = { search: '', budgetKind: null, projectType: null, department: null };

export interface ProjectSort {
  key: ProjectColumnKey;
  direction: SortDirection;
}

/** The rows the table shows: filtered by the toolbar, then sorted; the ledger's order when unsorted. */
export function viewProjects(rows: readonly ProjectRow[], filters: ProjectFilters, sort: ProjectSort | null): ProjectRow[] {
  const kept = rows.filter(
    (r) =>
      (filters.budgetKind === null || r.budgetKind === filters.budgetKind) &&
      (filters.projectType === null || r.projectType === filters.projectType) &&
      (filters.department === null || r.departmentName === filters.department) &&
      matchesSearch(filters.search, [r.name, r.code, r.unitName]),
  );
  const column = sort && PROJECT_COLUMNS.find((c) => c.key === sort.key);
  return column ? sortRows(kept, column.sortValue, sort.direction) : kept;
}

export function totalFen(rows: readonly ProjectRow[]): number {
  return rows.reduce((sum, r) => sum + r.initialBudgetFen, 0);
}
