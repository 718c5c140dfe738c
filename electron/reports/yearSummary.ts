/**
 * 年度概况: the year at a glance — units, 主管部门, projects and 年初预算 by 预算类型 (四本预算) and by
 * 主管部门. One computation for the 报表 screen (bridge call reports.yearSummary) and the command line
 * (`report summary`), so both always show the same figures. Money is exact 分.
 */
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import { listProjects } from '../projects/projects';
import { listUnits } from '../projects/units';
import { BUDGET_KINDS } from '../rules/labels';
import type { BudgetKind } from '../../db/vocabulary';

export interface YearSummaryReport {
  year: number;
  units: number;
  /** Units without a parent: the 主管部门. */
  departments: number;
  unitsWithProjects: number;
  projects: number;
  totalFen: number;
  /** Every 预算类型 in the order of BUDGET_KINDS, including those without projects. */
  byBudgetKind: { kind: BudgetKind; label: string; projects: number; fen: number }[];
  /** 主管部门 with projects, 年初预算 from high to low. */
  byDepartment: { department: string; units: number; projects: number; fen: number }[];
}

/** Refuses a year the ledger does not hold (LedgerError year_missing). */
export function yearSummary(ctx: ServiceContext, input: { year: number }): YearSummaryReport {
  requireYear(ctx, input.year);
  const projects = listProjects(ctx, input);
  const units = listUnits(ctx, input);
  const byBudgetKind = (Object.keys(BUDGET_KINDS) as BudgetKind[]).map((kind) => {
    const list = projects.filter((p) => p.budgetKind === kind);
    return { kind, label: BUDGET_KINDS[kind], projects: list.length, fen: list.reduce((s, p) => s + p.initialBudgetFen, 0) };
  });
  const departments = new Map<string, { department: string; units: Set<number>; projects: number; fen: number }>();
  for (const p of projects) {
    const d = departments.get(p.departmentName) ?? { department: p.departmentName, units: new Set<number>(), projects: 0, fen: 0 };
    d.units.add(p.unitId);
    d.projects++;
    d.fen += p.initialBudgetFen;
    departments.set(p.departmentName, d);
  }
  const byDepartment = [...departments.values()]
    .map((d) => ({ department: d.department, units: d.units.size, projects: d.projects, fen: d.fen }))
    .sort((a, b) => b.fen - a.fen);
  // Key order is the CLI's `report summary --json` document: keep it.
  return {
    year: input.year,
    units: units.length,
    departments: units.filter((u) => u.parentId == null).length,
    unitsWithProjects: new Set(projects.map((p) => p.unitId)).size,
    projects: projects.length,
    totalFen: projects.reduce((s, p) => s + p.initialBudgetFen, 0),
    byBudgetKind,
    byDepartment,
  };
}
