/**
 * Last year against this year (issue #13): what a continuing project actually achieved last year, by
 * indicator, so the target checklist can flag a value set below it and the 三方联合会审 view can show it.
 *
 * Whose figures count: only a self-evaluation the bureau has accepted (status accepted). A draft, a form
 * under check or one returned with findings may still change, and a warning built on figures the bureau
 * has not accepted would put the unit's unchecked numbers in front of the reviewers as fact. Of the
 * accepted ones the unit's own 单位自评 is preferred (it is the form the figures are reported on); a
 * 部门评价 of the same project is used when there is no accepted 单位自评.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { projects, selfEvaluationIndicators, selfEvaluations } from '../../db/schema';
import { prepared, type ServiceContext } from '../ledger/context';
import { normaliseLabel } from '../rules/labels';
import type { LastYearActual } from '../rules/targetChecks';

/** Last year's actuals by 三级 name as lastYearActualOf() looks them up; empty when nothing is known. */
export type LastYearActuals = ReadonlyMap<string, LastYearActual>;

export const NO_LAST_YEAR: LastYearActuals = new Map();

type ProjectKey = Pick<typeof projects.$inferSelect, 'year' | 'unitId' | 'code' | 'name'>;

function queries(ctx: ServiceContext) {
  return prepared(ctx, 'targets.lastYear', (db) => ({
    project: db
      .select()
      .from(projects)
      .where(eq(projects.id, sql.placeholder('id')))
      .prepare(),
    byCode: db
      .select({ id: projects.id })
      .from(projects)
      .where(and(eq(projects.year, sql.placeholder('year')), eq(projects.code, sql.placeholder('code'))))
      .prepare(),
    ofUnit: db
      .select({ id: projects.id, name: projects.name })
      .from(projects)
      .where(and(eq(projects.year, sql.placeholder('year')), eq(projects.unitId, sql.placeholder('unitId'))))
      .prepare(),
    accepted: db
      .select({ id: selfEvaluations.id, kind: selfEvaluations.kind })
      .from(selfEvaluations)
      .where(and(eq(selfEvaluations.projectId, sql.placeholder('projectId')), eq(selfEvaluations.status, 'accepted')))
      .prepare(),
    indicators: db
      .select({ name: selfEvaluationIndicators.name, actual: selfEvaluationIndicators.actual, unit: selfEvaluationIndicators.unit })
      .from(selfEvaluationIndicators)
      .where(eq(selfEvaluationIndicators.selfEvaluationId, sql.placeholder('id')))
      .orderBy(asc(selfEvaluationIndicators.sortOrder), asc(selfEvaluationIndicators.id))
      .prepare(),
  }));
}

/**
 * The same project in the year before: by its 项目代码, else by the same budget unit (units are kept
 * across years) and the same 项目名称 (compared as labels are, ignoring spaces and full-width forms).
 * Null when there is none, or when the name matches more than one (no guessing).
 */
export function previousYearProject(ctx: ServiceContext, project: ProjectKey): number | null {
  const q = queries(ctx);
  const year = project.year - 1;
  const code = project.code?.trim();
  if (code) {
    const byCode = q.byCode.get({ year, code });
    if (byCode) return byCode.id;
  }
  const name = normaliseLabel(project.name);
  const same = q.ofUnit.all({ year, unitId: project.unitId }).filter((p) => normaliseLabel(p.name) === name);
  return same.length === 1 ? same[0]!.id : null;
}

/**
 * What a project achieved last year, by indicator: for a continuing (延续) project, the 实际完成值 of
 * its previous-year project's accepted self-evaluation. Empty for a new project, a project with no
 * previous year in the ledger, or no accepted self-evaluation there. Blank actuals are left out.
 */
export function lastYearActuals(ctx: ServiceContext, projectId: number): LastYearActuals {
  const q = queries(ctx);
  const project = q.project.get({ id: projectId });
  if (!project || project.continuity !== 'continuing') return NO_LAST_YEAR;
  const previous = previousYearProject(ctx, project);
  if (previous === null) return NO_LAST_YEAR;
  const accepted = q.accepted.all({ projectId: previous });
  const evaluation = accepted.find((e) => e.kind === 'self') ?? accepted.find((e) => e.kind === 'department');
  if (!evaluation) return NO_LAST_YEAR;
  const actuals = new Map<string, LastYearActual>();
  for (const i of q.indicators.all({ id: evaluation.id })) {
    const key = normaliseLabel(i.name);
    if (i.actual.trim() && !actuals.has(key)) actuals.set(key, { actual: i.actual.trim(), unit: i.unit });
  }
  return actuals;
}

/** Last year's figure for an indicator of this year's target, matched by its 三级 name; null when unknown. */
export function lastYearActualOf(actuals: LastYearActuals, name: string): LastYearActual | null {
  return actuals.get(normaliseLabel(name)) ?? null;
}
