/**
 * 绩效自评 and 部门评价 as read back: the year's list, one form with its live score, the projects that
 * can still be evaluated, and the year's figures. Scoring is the rules' (rules/selfEvaluationScore.ts)
 * with the year's rule set; nothing here computes a score itself. The writes are selfEvaluationWrites.ts.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, performanceTargets, projects, selfEvaluationIndicators, selfEvaluations } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import type { Nature, SelfEvaluationKind, SelfEvaluationStatus } from '../../db/vocabulary';
import { isSelfEvaluationEditable, SELF_EVALUATION_KIND, SELF_EVALUATION_STATUS, type FundsBlock } from '../rules/selfEvaluationForm';
import { scoreSelfEvaluation, type SelfEvaluationRules, type SelfEvaluationScore } from '../rules/selfEvaluationScore';
import type { ServiceContext } from '../ledger/context';
import { requireYear, ruleSetOf } from '../ledger/years';

export interface SelfEvaluationRow {
  id: number;
  year: number;
  kind: SelfEvaluationKind;
  kindLabel: string;
  projectId: number;
  projectCode: string | null;
  projectName: string;
  unitId: number;
  unitName: string;
  /** The unit's 主管部门 (the unit itself when it has none). */
  departmentId: number;
  departmentName: string;
  status: SelfEvaluationStatus;
  statusLabel: string;
  graded: boolean;
  /** As last computed and stored, with the rule version. */
  total: number | null;
  grade: string | null;
  complete: boolean;
  ruleVersion: string | null;
  updatedAt: string;
}

export interface SelfEvaluationIndicatorRow {
  id: number;
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  target: string;
  unit: string | null;
  actual: string;
  points: number;
  chosenScore: number | null;
  explanation: string;
}

export interface SelfEvaluationView extends SelfEvaluationRow, FundsBlock {
  targetId: number | null;
  executionSource: string | null;
  executionChosenScore: number | null;
  goalExpected: string;
  goalActual: string;
  findings: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
  editable: boolean;
  indicators: SelfEvaluationIndicatorRow[];
  /** Live, by the year's rules (equal to the stored total and grade). */
  score: SelfEvaluationScore;
  /** The year's rules, so the screen's live score while typing is the ledger's. */
  rules: SelfEvaluationRules;
}

export interface SelfEvaluationCandidate {
  projectId: number;
  projectCode: string | null;
  projectName: string;
  unitName: string;
  departmentName: string;
  targetId: number;
}

export interface SelfEvaluationYearFigures {
  /** 单位自评 records, and the units and projects they cover. */
  selfCount: number;
  units: number;
  projects: number;
  departmentCount: number;
  /** Per grade of the year's bands, over graded evaluations of both kinds; ungraded or incomplete apart. */
  byGrade: { grade: string; count: number }[];
  ungraded: number;
  byStatus: { status: SelfEvaluationStatus; label: string; count: number }[];
  /** Summed over the 单位自评 only (a 部门评价 covers the same money again), 分; a blank figure counts 0. */
  money: { initialFen: number; budgetFen: number; executedFen: number };
  sentence: string;
}

// ---------------------------------------------------------------------------------------------------

export function listSelfEvaluations(ctx: ServiceContext, input: { year: number; kind?: SelfEvaluationKind | null }): SelfEvaluationRow[] {
  requireYear(ctx, input.year);
  const where = [eq(selfEvaluations.year, input.year)];
  if (input.kind) where.push(eq(selfEvaluations.kind, input.kind));
  return selectRows(ctx, and(...where)!).map(({ raw: _raw, ...row }) => row);
}

export function getSelfEvaluation(ctx: ServiceContext, input: { id: number }): SelfEvaluationView {
  const found = selectRows(ctx, eq(selfEvaluations.id, input.id))[0];
  if (!found) throw new LedgerError('self_evaluation_missing', '该自评表不存在，请刷新列表后重试。');
  const { raw, ...row } = found;
  const indicators = indicatorsOf(ctx, row.id);
  const rules = rulesOf(ctx, row.year);
  return {
    ...row,
    targetId: raw.targetId,
    initialFen: raw.initialFen,
    budgetFen: raw.budgetFen,
    executedFen: raw.executedFen,
    fiscalInitialFen: raw.fiscalInitialFen,
    fiscalBudgetFen: raw.fiscalBudgetFen,
    fiscalExecutedFen: raw.fiscalExecutedFen,
    carryoverInitialFen: raw.carryoverInitialFen,
    carryoverBudgetFen: raw.carryoverBudgetFen,
    carryoverExecutedFen: raw.carryoverExecutedFen,
    otherInitialFen: raw.otherInitialFen,
    otherBudgetFen: raw.otherBudgetFen,
    otherExecutedFen: raw.otherExecutedFen,
    executionSource: raw.executionSource,
    executionChosenScore: raw.executionChosenScore,
    goalExpected: raw.goalExpected,
    goalActual: raw.goalActual,
    findings: raw.findings,
    submittedAt: raw.submittedAt,
    decidedAt: raw.decidedAt,
    editable: isSelfEvaluationEditable(row.status),
    indicators,
    score: scoreOf(raw, indicators, rules),
    rules,
  };
}

/** The year's rules the score needs. */
export function rulesOf(ctx: ServiceContext, year: number): SelfEvaluationRules {
  const { selfEvaluation, gradeBands, indicatorLayout } = ruleSetOf(ctx, year);
  return { selfEvaluation, gradeBands, indicatorLayout };
}

/** The rule function on a stored (or about to be stored) form. */
export function scoreOf(
  form: FundsBlock & { graded: boolean; executionChosenScore: number | null },
  indicators: readonly Omit<SelfEvaluationIndicatorRow, 'id'>[],
  rules: SelfEvaluationRules,
): SelfEvaluationScore {
  return scoreSelfEvaluation(
    {
      funds: {
        initialFen: form.initialFen,
        budgetFen: form.budgetFen,
        executedFen: form.executedFen,
        chosenScore: form.executionChosenScore,
      },
      indicators,
      graded: form.graded,
    },
    rules,
  );
}

/** Projects of the year with an approved (or published) target and no evaluation of this kind yet. */
export function selfEvaluationCandidates(
  ctx: ServiceContext,
  input: { year: number; kind: SelfEvaluationKind },
): SelfEvaluationCandidate[] {
  requireYear(ctx, input.year);
  const department = alias(budgetUnits, 'department');
  return ctx.ledger.db
    .select({
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
      unitName: budgetUnits.name,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
      targetId: sql<number>`max(${performanceTargets.id})`,
    })
    .from(performanceTargets)
    .innerJoin(projects, eq(projects.id, performanceTargets.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .where(
      and(
        eq(performanceTargets.year, input.year),
        inArray(performanceTargets.status, ['approved', 'published']),
        sql`not exists (select 1 from self_evaluations s where s.project_id = ${projects.id} and s.kind = ${input.kind})`,
      ),
    )
    .groupBy(projects.id)
    .orderBy(asc(budgetUnits.name), asc(projects.code), asc(projects.id))
    .all();
}

export function selfEvaluationYearFigures(ctx: ServiceContext, input: { year: number }): SelfEvaluationYearFigures {
  requireYear(ctx, input.year);
  const rows = selectRows(ctx, eq(selfEvaluations.year, input.year));
  const own = rows.filter((r) => r.kind === 'self');
  const sum = (field: 'initialFen' | 'budgetFen' | 'executedFen') => own.reduce((s, r) => s + (r.raw[field] ?? 0), 0);
  const bands = ruleSetOf(ctx, input.year).gradeBands;
  const byGrade = bands.map((b) => ({ grade: b.grade, count: rows.filter((r) => r.grade === b.grade).length }));
  const units = new Set(own.map((r) => r.unitId)).size;
  const projectCount = new Set(own.map((r) => r.projectId)).size;
  const departmentCount = rows.length - own.length;
  const byStatus = (Object.keys(SELF_EVALUATION_STATUS) as SelfEvaluationStatus[]).map((status) => ({
    status,
    label: SELF_EVALUATION_STATUS[status],
    count: rows.filter((r) => r.status === status).length,
  }));
  return {
    selfCount: own.length,
    units,
    projects: projectCount,
    departmentCount,
    byGrade,
    ungraded: rows.filter((r) => r.grade === null).length,
    byStatus,
    money: { initialFen: sum('initialFen'), budgetFen: sum('budgetFen'), executedFen: sum('executedFen') },
    sentence:
      rows.length === 0
        ? `${input.year} 年度还没有绩效自评。`
        : `${input.year} 年度 ${units} 个单位对 ${projectCount} 个项目开展绩效自评，部门评价 ${departmentCount} 个项目。`,
  };
}

// ---------------------------------------------------------------------------------------------------

function selectRows(ctx: ServiceContext, where: SQL) {
  const department = alias(budgetUnits, 'department');
  return ctx.ledger.db
    .select({
      raw: selfEvaluations,
      projectCode: projects.code,
      projectName: projects.name,
      unitId: budgetUnits.id,
      unitName: budgetUnits.name,
      departmentId: sql<number>`coalesce(${budgetUnits.parentId}, ${budgetUnits.id})`,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
    })
    .from(selfEvaluations)
    .innerJoin(projects, eq(projects.id, selfEvaluations.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .where(where)
    .orderBy(
      asc(sql`coalesce(${department.name}, ${budgetUnits.name})`),
      asc(budgetUnits.name),
      asc(projects.code),
      asc(selfEvaluations.id),
    )
    .all()
    .map(({ raw, ...r }) => ({
      raw,
      id: raw.id,
      year: raw.year,
      kind: raw.kind,
      kindLabel: SELF_EVALUATION_KIND[raw.kind],
      projectId: raw.projectId,
      ...r,
      status: raw.status,
      statusLabel: SELF_EVALUATION_STATUS[raw.status],
      graded: raw.graded,
      total: raw.total,
      grade: raw.grade,
      complete: raw.complete,
      ruleVersion: raw.ruleVersion,
      updatedAt: raw.updatedAt,
    }));
}

export function indicatorsOf(ctx: ServiceContext, selfEvaluationId: number): SelfEvaluationIndicatorRow[] {
  return ctx.ledger.db
    .select({
      id: selfEvaluationIndicators.id,
      level1: selfEvaluationIndicators.level1,
      level2: selfEvaluationIndicators.level2,
      name: selfEvaluationIndicators.name,
      nature: selfEvaluationIndicators.nature,
      target: selfEvaluationIndicators.target,
      unit: selfEvaluationIndicators.unit,
      actual: selfEvaluationIndicators.actual,
      points: selfEvaluationIndicators.points,
      chosenScore: selfEvaluationIndicators.chosenScore,
      explanation: selfEvaluationIndicators.explanation,
    })
    .from(selfEvaluationIndicators)
    .where(eq(selfEvaluationIndicators.selfEvaluationId, selfEvaluationId))
    .orderBy(asc(selfEvaluationIndicators.sortOrder), asc(selfEvaluationIndicators.id))
    .all();
}
