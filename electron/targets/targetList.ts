/** The 绩效目标 list: the year's projects and 部门整体 targets, each with its targets' state and 五个同步 dates. */
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, performanceTargets, projects, syncDates } from '../../db/schema';
import type { ServiceContext } from '../ledger/context';
import type { Subject, TargetStatus } from '../../db/vocabulary';
import type { TargetDetail } from './targetDetail';

export interface TargetListRow {
  /** Null: the project has no targets yet (先定项目，再定预算). */
  targetId: number | null;
  subject: Subject;
  projectId: number | null;
  projectCode: string | null;
  name: string;
  unitId: number;
  unitName: string;
  departmentName: string;
  budgetFen: number;
  majorPolicy: boolean;
  status: TargetStatus | 'none';
  indicatorCount: number;
  rounds: number;
  lastResult: string | null;
  /** 五个同步 dates; null when there are no targets yet. */
  sync: TargetDetail['sync'] | null;
}

/** Every project of the year with its targets' state, plus the year's 部门整体 targets. */
export function listTargets(ctx: ServiceContext, input: { year: number }): TargetListRow[] {
  const department = alias(budgetUnits, 'department');
  const counts = sql`(select count(*) from target_indicators ti where ti.target_id = ${performanceTargets.id})`;
  const rounds = sql`(select count(*) from review_rounds r where r.target_id = ${performanceTargets.id})`;
  const lastResult = sql`(select r.result from review_rounds r where r.target_id = ${performanceTargets.id} order by r.round_no desc limit 1)`;
  const projectRows = ctx.ledger.db
    .select({
      targetId: performanceTargets.id,
      projectId: projects.id,
      projectCode: projects.code,
      name: projects.name,
      unitId: budgetUnits.id,
      unitName: budgetUnits.name,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
      budgetFen: projects.initialBudgetFen,
      majorPolicy: projects.majorPolicy,
      status: performanceTargets.status,
      indicatorCount: sql<number>`coalesce(${counts}, 0)`,
      rounds: sql<number>`coalesce(${rounds}, 0)`,
      lastResult: sql<string | null>`${lastResult}`,
    })
    .from(projects)
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .leftJoin(performanceTargets, eq(performanceTargets.projectId, projects.id))
    .where(eq(projects.year, input.year))
    .orderBy(sql`coalesce(${budgetUnits.parentId}, ${budgetUnits.id})`, budgetUnits.id, projects.code, projects.id)
    .all()
    .map((r) => ({
      ...r,
      subject: 'project' as const,
      status: r.status ?? ('none' as const),
      indicatorCount: r.targetId ? r.indicatorCount : 0,
      rounds: r.targetId ? r.rounds : 0,
    }));
  const departmentRows = ctx.ledger.db
    .select({
      targetId: performanceTargets.id,
      unitId: budgetUnits.id,
      unitName: budgetUnits.name,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
      budgetFen: performanceTargets.annualTotalFen,
      status: performanceTargets.status,
      indicatorCount: sql<number>`${counts}`,
      rounds: sql<number>`${rounds}`,
      lastResult: sql<string | null>`${lastResult}`,
    })
    .from(performanceTargets)
    .innerJoin(budgetUnits, eq(budgetUnits.id, performanceTargets.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .where(and(eq(performanceTargets.year, input.year), eq(performanceTargets.subject, 'department')))
    .all()
    .map((r) => ({
      ...r,
      subject: 'department' as const,
      projectId: null,
      projectCode: null,
      name: `${r.unitName}部门整体`,
      majorPolicy: false,
    }));
  const sync = new Map<number, TargetDetail['sync']>();
  const dates = ctx.ledger.db
    .select({ targetId: syncDates.targetId, track: syncDates.track, step: syncDates.step, date: syncDates.date })
    .from(syncDates)
    .innerJoin(performanceTargets, eq(performanceTargets.id, syncDates.targetId))
    .where(eq(performanceTargets.year, input.year))
    .all();
  for (const d of dates) {
    if (!sync.has(d.targetId)) sync.set(d.targetId, { budget: {}, target: {} });
    sync.get(d.targetId)![d.track][d.step] = d.date;
  }
  return [...departmentRows, ...projectRows].map((r) => ({
    ...r,
    sync: r.targetId === null ? null : (sync.get(r.targetId) ?? { budget: {}, target: {} }),
  }));
}
