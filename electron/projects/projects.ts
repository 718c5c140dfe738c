/**
 * 项目: a fiscal year's projects with their budget. The library status (入库) is moved by the ex-ante
 * gate, not by an edit, so create and update leave it alone.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, projects } from '../../db/schema';
import type { ProjectType } from '../rules/labels';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear } from '../ledger/years';
import type { BudgetKind, Continuity, LibraryStatus } from '../../db/vocabulary';
import { projectTypeProblem } from './projectTypes';

export interface ProjectInput {
  year: number;
  unitId: number;
  code: string | null;
  name: string;
  projectType: ProjectType;
  budgetKind: BudgetKind;
  /** 年初预算数 in 分. */
  initialBudgetFen: number;
  continuity: Continuity;
  majorPolicy: boolean;
}

export interface ProjectRow extends ProjectInput {
  id: number;
  unitName: string;
  /** 主管部门: the unit's parent, or the unit itself when it is a department. */
  departmentName: string;
  libraryStatus: LibraryStatus;
  updatedAt: string;
}

export function listProjects(ctx: ServiceContext, input: { year: number }): ProjectRow[] {
  return selectProjects(ctx, eq(projects.year, input.year));
}

/** An import may give a project a retired 项目类型 its file names (re-used rather than duplicated); a form may not. */
export interface ProjectWriteOptions {
  retiredTypeAllowed?: boolean;
}

export function createProject(ctx: ServiceContext, input: ProjectInput, options: ProjectWriteOptions = {}): ProjectRow {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const clean = validateProject(ctx, input, null, options);
    const row = ctx.ledger.db.insert(projects).values(clean).returning({ id: projects.id }).get();
    appendAudit(ctx, { action: 'project.create', entity: 'project', entityId: row.id, after: clean });
    return projectById(ctx, row.id);
  });
}

export function updateProject(ctx: ServiceContext, input: ProjectInput & { id: number }, options: ProjectWriteOptions = {}): ProjectRow {
  return inTransaction(ctx, () => {
    const before = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.id)).get();
    if (!before) throw new LedgerError('project_missing', '要修改的项目不存在，可能已被删除。请刷新列表。');
    if (before.year !== input.year) throw new LedgerError('invalid_input', '项目的预算年度不能修改。', { year: '预算年度不能修改' });
    requireOpenYear(ctx, input.year);
    const clean = validateProject(ctx, input, before, options);
    ctx.ledger.db
      .update(projects)
      .set({ ...clean, updatedAt: ctx.now().toISOString() })
      .where(eq(projects.id, input.id))
      .run();
    const { id: _id, createdAt: _c, updatedAt: _u, libraryStatus: _l, ...was } = before;
    appendAudit(ctx, { action: 'project.update', entity: 'project', entityId: input.id, before: was, after: clean });
    return projectById(ctx, input.id);
  });
}

/**
 * Checks a project against the ledger: the unit exists, the 项目类型 is in the bureau's list, the name is
 * unique within the unit's year and the code within the year. `self` is the stored project an update
 * changes (it may keep a retired type).
 */
function validateProject(
  ctx: ServiceContext,
  input: ProjectInput,
  self: { id: number; projectType: string } | null,
  options: ProjectWriteOptions,
): ProjectInput {
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  const code = input.code?.trim() || null;
  const notSelf = self == null ? undefined : ne(projects.id, self.id);
  if (!name) fields.name = '请填写项目名称';
  const projectType = projectTypeProblem(ctx, input.projectType, self?.projectType ?? null, options.retiredTypeAllowed ?? false);
  if (projectType.problem) fields.projectType = projectType.problem;
  if (!Number.isSafeInteger(input.initialBudgetFen) || input.initialBudgetFen < 0) fields.initialBudget = '年初预算数须为不小于 0 的金额';
  const unit = ctx.ledger.db.select({ id: budgetUnits.id }).from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
  if (!unit) fields.unitId = '请选择预算单位';
  else if (
    name &&
    ctx.ledger.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.year, input.year), eq(projects.unitId, input.unitId), eq(projects.name, name), notSelf))
      .get()
  ) {
    fields.name = `该单位 ${input.year} 年度已有同名项目“${name}”`;
  }
  if (
    code &&
    ctx.ledger.db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.year, input.year), eq(projects.code, code), notSelf))
      .get()
  ) {
    fields.code = `项目代码 ${code} 在 ${input.year} 年度已被使用`;
  }
  if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
  return { ...input, name, code, projectType: projectType.name };
}

function projectById(ctx: ServiceContext, id: number): ProjectRow {
  const row = selectProjects(ctx, eq(projects.id, id))[0];
  if (!row) throw new LedgerError('project_missing', '项目不存在。');
  return row;
}

function selectProjects(ctx: ServiceContext, where: ReturnType<typeof eq>): ProjectRow[] {
  const department = alias(budgetUnits, 'department');
  return ctx.ledger.db
    .select({
      id: projects.id,
      year: projects.year,
      unitId: projects.unitId,
      code: projects.code,
      name: projects.name,
      projectType: sql<ProjectType>`${projects.projectType}`,
      budgetKind: projects.budgetKind,
      initialBudgetFen: projects.initialBudgetFen,
      continuity: projects.continuity,
      majorPolicy: projects.majorPolicy,
      libraryStatus: projects.libraryStatus,
      updatedAt: projects.updatedAt,
      unitName: budgetUnits.name,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
    })
    .from(projects)
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .where(where)
    .orderBy(sql`coalesce(${budgetUnits.parentId}, ${budgetUnits.id})`, budgetUnits.id, projects.code, projects.id)
    .all();
}
