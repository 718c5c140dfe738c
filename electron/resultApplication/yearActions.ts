/**
 * The year's 评价结果应用 in one list: the actions on 自评 and 部门评价 (self_evaluation_actions) merged with
 * the key evaluations' (result_actions), each with its evidence (the evaluation, its score and grade),
 * project, unit and 主管部门; and the summary the budget office reads — by action, by 主管部门 and by
 * unit, with the money recovered, carried-over balances cleared and budgets cut. Cancelled actions stay
 * in the list and out of the sums. Everything is computed from the records.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, projects, selfEvaluationActions, selfEvaluations } from '../../db/schema';
import { RESULT_ACTION_STATUS, type ResultActionStatus } from '../rules/keyEvaluationFrameworks';
import { MONEY_EFFECT, moneyEffectOf, RESULT_ACTION_SOURCE, type MoneyEffect, type ResultActionSource } from '../rules/resultApplication';
import { formatWanYuan } from '../rules/money';
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import { listKeyEvaluations } from '../keyEvaluations/keyEvaluations';
import { listResultActions } from '../keyEvaluations/keyEvaluationResults';
import { listSelfEvaluations } from '../selfEvaluations/selfEvaluations';

export interface ResultApplicationRow {
  /** Unique across the sources ("self:3", "key:3"). */
  key: string;
  id: number;
  source: ResultActionSource;
  sourceLabel: string;
  /** The self-evaluation's or key evaluation's id. */
  evaluationId: number;
  /** What was evaluated: the project, or the key evaluation's name (e.g. a 部门整体支出). */
  evaluationName: string;
  evaluationStatusLabel: string;
  total: number | null;
  grade: string | null;
  projectCode: string | null;
  unitName: string;
  departmentName: string;
  actionType: string;
  moneyEffect: MoneyEffect | null;
  amountFen: number | null;
  nextYearProjectId: number | null;
  nextYearProjectName: string | null;
  status: ResultActionStatus;
  statusLabel: string;
  note: string | null;
}

/** One line of a summary: live actions and their money by effect. */
export interface ResultApplicationFigures {
  name: string;
  /** For a unit: its 主管部门. */
  departmentName?: string;
  count: number;
  recoveredFen: number;
  clearedFen: number;
  cutFen: number;
}

export interface ResultApplicationSummary {
  year: number;
  nextYear: number;
  /** Live (not cancelled) actions. */
  count: number;
  applied: number;
  planned: number;
  cancelled: number;
  recoveredFen: number;
  clearedFen: number;
  cutFen: number;
  bySource: { source: ResultActionSource; label: string; count: number }[];
  byAction: { actionType: string; effectLabel: string | null; count: number; amountFen: number }[];
  byDepartment: ResultApplicationFigures[];
  byUnit: ResultApplicationFigures[];
  sentence: string;
}

const SOURCE_ORDER: ResultActionSource[] = ['self', 'department', 'key'];
const zh = (a: string, b: string) => a.localeCompare(b, 'zh-Hans-CN');

export function listYearResultActions(ctx: ServiceContext, input: { year: number }): ResultApplicationRow[] {
  requireYear(ctx, input.year);
  return [...selfRows(ctx, input.year), ...keyRows(ctx, input.year)].sort(
    (a, b) =>
      zh(a.departmentName, b.departmentName) ||
      zh(a.unitName, b.unitName) ||
      zh(a.evaluationName, b.evaluationName) ||
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
      a.id - b.id,
  );
}

export function resultApplicationSummary(ctx: ServiceContext, input: { year: number }): ResultApplicationSummary {
  return summarise(input.year, listYearResultActions(ctx, input));
}

/** The summary of a list (the export sums the same rows it lists). */
export function summarise(year: number, rows: readonly ResultApplicationRow[]): ResultApplicationSummary {
  const live = rows.filter((r) => r.status !== 'cancelled');
  const totals = figuresOf('合计', live);
  const actionTypes = [...new Set(live.map((r) => r.actionType))];
  const byAction = actionTypes
    .map((actionType) => {
      const list = live.filter((r) => r.actionType === actionType);
      const effect = moneyEffectOf(actionType);
      return { actionType, effectLabel: effect && MONEY_EFFECT[effect], count: list.length, amountFen: sumFen(list) };
    })
    .sort((a, b) => b.count - a.count || zh(a.actionType, b.actionType));
  const groups = (keyOf: (r: ResultApplicationRow) => string) => {
    const map = new Map<string, ResultApplicationRow[]>();
    for (const r of live) map.set(keyOf(r), [...(map.get(keyOf(r)) ?? []), r]);
    return [...map.values()];
  };
  const byDepartment = groups((r) => r.departmentName).map((list) => figuresOf(list[0]!.departmentName, list));
  const byUnit = groups((r) => `${r.departmentName}\u0000${r.unitName}`).map((list) => ({
    ...figuresOf(list[0]!.unitName, list),
    departmentName: list[0]!.departmentName,
  }));
  const bySource = SOURCE_ORDER.map((source) => ({
    source,
    label: RESULT_ACTION_SOURCE[source],
    count: live.filter((r) => r.source === source).length,
  }));
  const money = (Object.keys(MONEY_EFFECT) as MoneyEffect[]).map(
    (e) => `${MONEY_EFFECT[e]} ${formatWanYuan(totals[`${e}Fen`]).replace(/,/g, '')} 万元`,
  );
  const sentence = live.length
    ? `${year} 年度评价结果应用于 ${year + 1} 年度预算 ${live.length} 项（${bySource
        .filter((s) => s.count > 0)
        .map((s) => `${s.label} ${s.count} 项`)
        .join('、')}），${money.join('，')}。`
    : `${year} 年度尚未记录评价结果应用。`;
  return {
    year,
    nextYear: year + 1,
    count: live.length,
    applied: live.filter((r) => r.status === 'applied').length,
    planned: live.filter((r) => r.status === 'planned').length,
    cancelled: rows.length - live.length,
    recoveredFen: totals.recoveredFen,
    clearedFen: totals.clearedFen,
    cutFen: totals.cutFen,
    bySource,
    byAction,
    byDepartment: byDepartment.sort((a, b) => zh(a.name, b.name)),
    byUnit: byUnit.sort((a, b) => zh(a.departmentName, b.departmentName) || zh(a.name, b.name)),
    sentence,
  };
}

// ---------------------------------------------------------------------------------------------------

function figuresOf(name: string, list: readonly ResultApplicationRow[]): ResultApplicationFigures {
  const of = (effect: MoneyEffect) => sumFen(list.filter((r) => r.moneyEffect === effect));
  return { name, count: list.length, recoveredFen: of('recovered'), clearedFen: of('cleared'), cutFen: of('cut') };
}

function sumFen(list: readonly ResultApplicationRow[]): number {
  return list.reduce((s, r) => s + (r.amountFen ?? 0), 0);
}

function selfRows(ctx: ServiceContext, year: number): ResultApplicationRow[] {
  const evaluations = new Map(listSelfEvaluations(ctx, { year }).map((e) => [e.id, e]));
  const next = alias(projects, 'next_project');
  return ctx.ledger.db
    .select({ action: selfEvaluationActions, nextYearProjectName: next.name })
    .from(selfEvaluationActions)
    .innerJoin(selfEvaluations, eq(selfEvaluations.id, selfEvaluationActions.selfEvaluationId))
    .leftJoin(next, eq(next.id, selfEvaluationActions.nextYearProjectId))
    .where(eq(selfEvaluations.year, year))
    .orderBy(asc(selfEvaluationActions.id))
    .all()
    .map(({ action: a, nextYearProjectName }) => {
      const e = evaluations.get(a.selfEvaluationId)!;
      return {
        key: `self:${a.id}`,
        id: a.id,
        source: e.kind,
        sourceLabel: RESULT_ACTION_SOURCE[e.kind],
        evaluationId: e.id,
        evaluationName: e.projectName,
        evaluationStatusLabel: e.statusLabel,
        total: e.total,
        grade: e.grade,
        projectCode: e.projectCode,
        unitName: e.unitName,
        departmentName: e.departmentName,
        ...actionPart(a, nextYearProjectName),
      };
    });
}

function keyRows(ctx: ServiceContext, year: number): ResultApplicationRow[] {
  const actions = listResultActions(ctx, { year });
  if (actions.length === 0) return [];
  const evaluations = new Map(listKeyEvaluations(ctx, { year }).map((e) => [e.id, e]));
  const departments = departmentsOf(ctx, [...new Set([...evaluations.values()].map((e) => e.unitId))]);
  return actions.map((a) => {
    const e = evaluations.get(a.evaluationId)!;
    return {
      key: `key:${a.id}`,
      id: a.id,
      source: 'key' as const,
      sourceLabel: RESULT_ACTION_SOURCE.key,
      evaluationId: e.id,
      evaluationName: e.name,
      evaluationStatusLabel: e.statusLabel,
      total: e.total,
      grade: e.grade,
      projectCode: e.projectCode,
      unitName: e.unitName,
      departmentName: departments.get(e.unitId) ?? e.unitName,
      ...actionPart(a, a.nextYearProjectName),
    };
  });
}

function actionPart(
  a: { actionType: string; amountFen: number | null; nextYearProjectId: number | null; status: ResultActionStatus; note: string | null },
  nextYearProjectName: string | null,
) {
  return {
    actionType: a.actionType,
    moneyEffect: moneyEffectOf(a.actionType),
    amountFen: a.amountFen,
    nextYearProjectId: a.nextYearProjectId,
    nextYearProjectName,
    status: a.status,
    statusLabel: RESULT_ACTION_STATUS[a.status],
    note: a.note,
  };
}

/** Each unit's 主管部门 name (the unit itself when it has none), as the self-evaluation list gives it. */
function departmentsOf(ctx: ServiceContext, unitIds: number[]): Map<number, string> {
  if (unitIds.length === 0) return new Map();
  const parent = alias(budgetUnits, 'parent_unit');
  const rows = ctx.ledger.db
    .select({ id: budgetUnits.id, name: budgetUnits.name, parentName: parent.name })
    .from(budgetUnits)
    .leftJoin(parent, eq(parent.id, budgetUnits.parentId))
    .where(inArray(budgetUnits.id, unitIds))
    .all();
  return new Map(rows.map((r) => [r.id, r.parentName ?? r.name]));
}
