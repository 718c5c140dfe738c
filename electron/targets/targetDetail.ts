/**
 * A 绩效目标 as read back: the shapes a target is stored, sent and snapshotted in, its detail with the
 * machine checklist, and the snapshot kept with each review round and adjustment. The edits (targets.ts)
 * and the review rounds (jointReview.ts) both load a target through here.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import {
  budgetUnits,
  indicatorClasses,
  indicators,
  performanceTargets,
  projects,
  syncDates,
  targetAdjustments,
  targetIndicators,
} from '../../db/schema';
import { isEditable, isLocked } from '../rules/jointReview';
import { checkTarget, standardCapOf, type CheckItem, type LastYearActual, type TargetIndicator } from '../rules/targetChecks';
import { prepared, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { ruleSetOf } from '../ledger/years';
import { lastYearActualOf, lastYearActuals, NO_LAST_YEAR, type LastYearActuals } from './lastYearActuals';
import type { Subject, SyncStep, SyncTrack, TargetPeriod, TargetStatus } from '../../db/vocabulary';

/** A target's indicator as stored and as the bridge sends it: the common shape, its period and library link. */
export interface TargetIndicatorInput extends TargetIndicator {
  /** The library indicator this row uses; null for a 个性 indicator. */
  libraryIndicatorId: number | null;
  period: TargetPeriod;
}

export interface TargetIndicatorRow extends TargetIndicatorInput {
  id: number;
  /** The library's current name, when it differs from the wording this target keeps. */
  libraryNameNow: string | null;
  /** What the project achieved on it last year (a continuing project's accepted self-evaluation), where known. */
  lastYearActual: LastYearActual | null;
}

export interface TargetContent {
  indicatorClassId: number | null;
  period: string | null;
  midTermGoal: string | null;
  annualGoal: string;
  mainTasks: string | null;
  annualTotalFen: number;
  annualFiscalFen: number;
  annualOtherFen: number;
  midTotalFen: number | null;
  midFiscalFen: number | null;
  midOtherFen: number | null;
  indicators: TargetIndicatorInput[];
}

export interface TargetDetail extends Omit<TargetContent, 'indicators'> {
  id: number;
  year: number;
  subject: Subject;
  projectId: number | null;
  projectName: string | null;
  projectCode: string | null;
  projectBudgetFen: number | null;
  unitId: number;
  unitName: string;
  departmentName: string;
  classified: boolean;
  className: string | null;
  status: TargetStatus;
  editable: boolean;
  locked: boolean;
  indicators: TargetIndicatorRow[];
  checks: CheckItem[];
  sync: Record<SyncTrack, Partial<Record<SyncStep, string>>>;
  adjustments: { id: number; at: string; actor: string; reason: string; before: TargetSnapshot; after: TargetSnapshot }[];
  updatedAt: string;
}

/** A target's content as kept with each review round and adjustment, for side-by-side comparison. */
export type TargetSnapshot = Omit<TargetContent, 'indicators'> & { indicators: TargetIndicatorInput[] };

export function requireTarget(ctx: ServiceContext, id: number) {
  const row = prepared(ctx, 'targets.byId', (db) =>
    db
      .select()
      .from(performanceTargets)
      .where(eq(performanceTargets.id, sql.placeholder('id')))
      .prepare(),
  ).get({ id });
  if (!row) throw new LedgerError('target_missing', '该绩效目标不存在，请刷新后重试。');
  return row;
}

/** The target's content as it stands, for a review round's snapshot or an adjustment's before/after. */
export function snapshotOf(ctx: ServiceContext, id: number): TargetSnapshot {
  const t = requireTarget(ctx, id);
  return {
    indicatorClassId: t.indicatorClassId,
    period: t.period,
    midTermGoal: t.midTermGoal,
    annualGoal: t.annualGoal,
    mainTasks: t.mainTasks,
    annualTotalFen: t.annualTotalFen,
    annualFiscalFen: t.annualFiscalFen,
    annualOtherFen: t.annualOtherFen,
    midTotalFen: t.midTotalFen,
    midFiscalFen: t.midFiscalFen,
    midOtherFen: t.midOtherFen,
    indicators: indicatorRows(ctx, id).map(({ id: _id, libraryNameNow: _n, standardCap: _c, lastYearActual: _l, ...rest }) => rest),
  };
}

export function targetDetail(ctx: ServiceContext, id: number): TargetDetail {
  const q = detailQueries(ctx);
  const row = q.target.get({ id });
  if (!row) throw new LedgerError('target_missing', '该绩效目标不存在，请刷新后重试。');
  const { t } = row;
  const rows = indicatorRows(ctx, id, t.projectId === null ? NO_LAST_YEAR : lastYearActuals(ctx, t.projectId));
  const mandatoryNames = t.indicatorClassId ? q.mandatoryNames.all({ classId: t.indicatorClassId }).map((i) => i.name) : [];
  const sync: TargetDetail['sync'] = { budget: {}, target: {} };
  for (const d of q.syncDates.all({ id })) sync[d.track][d.step] = d.date;
  return {
    id: t.id,
    year: t.year,
    subject: t.subject,
    projectId: t.projectId,
    projectName: row.projectName,
    projectCode: row.projectCode,
    projectBudgetFen: row.projectBudgetFen,
    unitId: t.unitId,
    unitName: row.unitName,
    departmentName: row.departmentName,
    classified: row.classified,
    className: row.className,
    status: t.status,
    editable: isEditable(t.status),
    locked: isLocked(t.status),
    indicatorClassId: t.indicatorClassId,
    period: t.period,
    midTermGoal: t.midTermGoal,
    annualGoal: t.annualGoal,
    mainTasks: t.mainTasks,
    annualTotalFen: t.annualTotalFen,
    annualFiscalFen: t.annualFiscalFen,
    annualOtherFen: t.annualOtherFen,
    midTotalFen: t.midTotalFen,
    midFiscalFen: t.midFiscalFen,
    midOtherFen: t.midOtherFen,
    indicators: rows.map(({ standardCap: _c, ...r }) => r),
    checks: checkTarget(
      {
        subject: t.subject,
        annualGoal: t.annualGoal,
        midTermGoal: t.midTermGoal,
        mainTasks: t.mainTasks,
        funds: { totalFen: t.annualTotalFen, fiscalFen: t.annualFiscalFen, otherFen: t.annualOtherFen },
        indicators: rows.filter((r) => r.period === 'annual'),
        mandatoryNames,
      },
      ruleSetOf(ctx, t.year).targets,
    ),
    sync,
    adjustments: q.adjustments.all({ id }).map((a) => ({
      id: a.id,
      at: a.at,
      actor: a.actor,
      reason: a.reason,
      before: JSON.parse(a.before) as TargetSnapshot,
      after: JSON.parse(a.after) as TargetSnapshot,
    })),
    updatedAt: t.updatedAt,
  };
}

/** targetDetail's reads, prepared once per ledger: every write of a target returns its detail. */
function detailQueries(ctx: ServiceContext) {
  return prepared(ctx, 'targets.detail', (db) => {
    const department = alias(budgetUnits, 'department');
    const id = sql.placeholder('id');
    return {
      target: db
        .select({
          t: performanceTargets,
          projectName: projects.name,
          projectCode: projects.code,
          projectBudgetFen: projects.initialBudgetFen,
          unitName: budgetUnits.name,
          classified: budgetUnits.classified,
          departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
          className: indicatorClasses.name,
        })
        .from(performanceTargets)
        .innerJoin(budgetUnits, eq(budgetUnits.id, performanceTargets.unitId))
        .leftJoin(department, eq(department.id, budgetUnits.parentId))
        .leftJoin(projects, eq(projects.id, performanceTargets.projectId))
        .leftJoin(indicatorClasses, eq(indicatorClasses.id, performanceTargets.indicatorClassId))
        .where(eq(performanceTargets.id, id))
        .prepare(),
      mandatoryNames: db
        .select({ name: indicators.name })
        .from(indicators)
        .where(
          and(eq(indicators.classId, sql.placeholder('classId')), eq(indicators.mandatory, true), sql`${indicators.retiredAt} is null`),
        )
        .prepare(),
      syncDates: db.select().from(syncDates).where(eq(syncDates.targetId, id)).prepare(),
      adjustments: db
        .select()
        .from(targetAdjustments)
        .where(eq(targetAdjustments.targetId, id))
        .orderBy(asc(targetAdjustments.id))
        .prepare(),
      indicatorRows: db
        .select({
          id: targetIndicators.id,
          libraryIndicatorId: targetIndicators.libraryIndicatorId,
          period: targetIndicators.period,
          level1: targetIndicators.level1,
          level2: targetIndicators.level2,
          name: targetIndicators.name,
          nature: targetIndicators.nature,
          value: targetIndicators.value,
          unit: targetIndicators.unit,
          libraryName: indicators.name,
          libraryStandard: indicators.standard,
          libraryReference: indicators.referenceHint,
        })
        .from(targetIndicators)
        .leftJoin(indicators, eq(indicators.id, targetIndicators.libraryIndicatorId))
        .where(eq(targetIndicators.targetId, id))
        .orderBy(asc(targetIndicators.sortOrder), asc(targetIndicators.id))
        .prepare(),
    };
  });
}

/**
 * The rows, each with the 预算支出标准 its library indicator records (for the checklist only) and the
 * project's last-year actual (annual indicators only: a self-evaluation has no 中期 figures).
 */
function indicatorRows(
  ctx: ServiceContext,
  targetId: number,
  lastYear: LastYearActuals = NO_LAST_YEAR,
): (TargetIndicatorRow & { standardCap: string | null })[] {
  return detailQueries(ctx)
    .indicatorRows.all({ id: targetId })
    .map(({ libraryName, libraryStandard, libraryReference, ...r }) => ({
      ...r,
      libraryNameNow: libraryName && libraryName !== r.name ? libraryName : null,
      standardCap: standardCapOf({ standard: libraryStandard, referenceHint: libraryReference }),
      lastYearActual: r.period === 'annual' ? lastYearActualOf(lastYear, r.name) : null,
    }));
}
