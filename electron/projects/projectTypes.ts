/**
 * 项目类型: the bureau's own list (设置 → 项目类型), one for the whole ledger. Every region classifies
 * differently, so the list is data: the clerk adds, renames and retires types, and an import adds the
 * types its file brings. Names are stored as normaliseLabel() leaves them, so matching is equality.
 * Every change is audited; a rename carries the projects of the type along in the same transaction.
 */
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { fiscalYears, projects, projectTypes } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import { normaliseLabel, projectTypeNameProblem, type ProjectType } from '../rules/labels';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';

export interface ProjectTypeRow {
  id: number;
  name: ProjectType;
  sortOrder: number;
  /** No longer offered for new projects; the projects that have it keep it. */
  retired: boolean;
  /** Projects of every year that have this type. */
  projectCount: number;
}

const SETTINGS_HINT = '“设置 → 项目类型”';

export function listProjectTypes(ctx: ServiceContext): ProjectTypeRow[] {
  return ctx.ledger.db
    .select({
      id: projectTypes.id,
      name: projectTypes.name,
      sortOrder: projectTypes.sortOrder,
      retired: projectTypes.retired,
      projectCount: sql<number>`(select count(*) from projects p where p.project_type = project_types.name)`,
    })
    .from(projectTypes)
    .orderBy(asc(projectTypes.sortOrder), asc(projectTypes.id))
    .all();
}

/** Adds a type at the end of the list; refuses a blank, too long or existing name (retired ones included). */
export function createProjectType(ctx: ServiceContext, input: { name: string }): ProjectTypeRow {
  return inTransaction(ctx, () => {
    const name = checkedName(ctx, input.name, null);
    const last = ctx.ledger.db
      .select({ n: sql<number>`coalesce(max(${projectTypes.sortOrder}), 0)` })
      .from(projectTypes)
      .get()!.n;
    const row = ctx.ledger.db
      .insert(projectTypes)
      .values({ name, sortOrder: last + 1 })
      .returning({ id: projectTypes.id })
      .get();
    appendAudit(ctx, { action: 'projectType.create', entity: 'project_type', entityId: row.id, after: { name } });
    return typeById(ctx, row.id);
  });
}

/**
 * Renames a type and every project that has it. Refused while a closed year has projects of the type:
 * a closed year is read-only, and its projects would otherwise keep a name the list no longer has.
 */
export function renameProjectType(ctx: ServiceContext, input: { id: number; name: string }): ProjectTypeRow {
  return inTransaction(ctx, () => {
    const before = existing(ctx, input.id);
    const name = checkedName(ctx, input.name, input.id);
    if (name === before.name) return typeById(ctx, input.id);
    const closedYears = ctx.ledger.db
      .selectDistinct({ year: projects.year })
      .from(projects)
      .innerJoin(fiscalYears, eq(fiscalYears.year, projects.year))
      .where(and(eq(projects.projectType, before.name), eq(fiscalYears.status, 'closed')))
      .orderBy(projects.year)
      .all()
      .map((r) => r.year);
    if (closedYears.length) {
      throw new LedgerError(
        'invalid_input',
        `${closedYears.join('、')} 年度已关账，其中有“${before.name}”类型的项目，改名会改动已关账的数据。可以新增“${name}”类型，再停用“${before.name}”。`,
      );
    }
    const renamed = ctx.ledger.db
      .update(projects)
      .set({ projectType: name, updatedAt: ctx.now().toISOString() })
      .where(eq(projects.projectType, before.name))
      .returning({ id: projects.id })
      .all()
      .map((r) => r.id);
    ctx.ledger.db.update(projectTypes).set({ name, updatedAt: ctx.now().toISOString() }).where(eq(projectTypes.id, input.id)).run();
    appendAudit(ctx, {
      action: 'projectType.rename',
      entity: 'project_type',
      entityId: input.id,
      before: { name: before.name },
      after: { name, projectIds: renamed },
    });
    return typeById(ctx, input.id);
  });
}

/** Retires a type (no longer offered for new projects) or puts it back in use. */
export function setProjectTypeRetired(ctx: ServiceContext, input: { id: number; retired: boolean }): ProjectTypeRow {
  return inTransaction(ctx, () => {
    const before = existing(ctx, input.id);
    if (before.retired === input.retired) return typeById(ctx, input.id);
    if (input.retired) {
      const othersInUse = ctx.ledger.db
        .select({ id: projectTypes.id })
        .from(projectTypes)
        .where(and(eq(projectTypes.retired, false), ne(projectTypes.id, input.id)))
        .get();
      if (!othersInUse) {
        throw new LedgerError(
          'invalid_input',
          `“${before.name}”是唯一在用的项目类型，停用后新增项目将无类型可选。请先新增或恢复其他类型。`,
        );
      }
    }
    ctx.ledger.db
      .update(projectTypes)
      .set({ retired: input.retired, updatedAt: ctx.now().toISOString() })
      .where(eq(projectTypes.id, input.id))
      .run();
    appendAudit(ctx, {
      action: input.retired ? 'projectType.retire' : 'projectType.reinstate',
      entity: 'project_type',
      entityId: input.id,
      before: { name: before.name, retired: before.retired },
      after: { name: before.name, retired: input.retired },
    });
    return typeById(ctx, input.id);
  });
}

/** The listed types among `names`, by name: how the import tells an existing type from a new one. */
export function projectTypesNamed(ctx: ServiceContext, names: readonly string[]): Map<string, { id: number; retired: boolean }> {
  if (names.length === 0) return new Map();
  return new Map(
    ctx.ledger.db
      .select({ id: projectTypes.id, name: projectTypes.name, retired: projectTypes.retired })
      .from(projectTypes)
      .where(inArray(projectTypes.name, [...new Set(names)]))
      .all()
      .map((t) => [t.name, { id: t.id, retired: t.retired }]),
  );
}

/**
 * For a project write: the type as stored, or the field message saying why not. A retired type is
 * accepted only when the project already has it, or when `retiredAllowed` (an import re-using it).
 */
export function projectTypeProblem(
  ctx: ServiceContext,
  text: string,
  current: ProjectType | null,
  retiredAllowed: boolean,
): { name: ProjectType; problem: string | null } {
  const name = normaliseLabel(text);
  const blank = projectTypeNameProblem(name);
  if (blank) return { name, problem: name ? blank : '请选择项目类型' };
  const listed = projectTypesNamed(ctx, [name]).get(name);
  if (!listed) return { name, problem: `项目类型“${name}”不在本局的项目类型中。请从列表中选择，或先在${SETTINGS_HINT}中新增` };
  if (listed.retired && name !== current && !retiredAllowed) {
    return { name, problem: `项目类型“${name}”已停用，不能用于新的项目。请选择其他类型，或在${SETTINGS_HINT}中恢复使用` };
  }
  return { name, problem: null };
}

function checkedName(ctx: ServiceContext, text: string, selfId: number | null): ProjectType {
  const name = normaliseLabel(text);
  const problem = projectTypeNameProblem(name);
  if (problem) throw new LedgerError('invalid_input', `${problem}。`, { name: problem });
  const clash = projectTypesNamed(ctx, [name]).get(name);
  if (clash && clash.id !== selfId) {
    const message = clash.retired ? `已有项目类型“${name}”（已停用）。如要再用，请在列表中点“恢复使用”` : `已有项目类型“${name}”，不能重复`;
    throw new LedgerError('invalid_input', `${message}。`, { name: message });
  }
  return name;
}

function existing(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(projectTypes).where(eq(projectTypes.id, id)).get();
  if (!row) throw new LedgerError('project_type_missing', '该项目类型不存在，可能已被修改。请刷新列表。');
  return row;
}

function typeById(ctx: ServiceContext, id: number): ProjectTypeRow {
  const row = listProjectTypes(ctx).find((t) => t.id === id);
  if (!row) throw new LedgerError('project_type_missing', '该项目类型不存在。');
  return row;
}
