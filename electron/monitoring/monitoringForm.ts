/**
 * 绩效监控表: a unit's report, per target and round, on each annual indicator — 当前完成值, 全年预计
 * 完成值, 完成可能性, 偏差原因, 原因说明, 纠偏措施 — with the indicator's live colour (第二条线) and the
 * fields required now (domain.md §5). This file reads a form and the list of forms; saving and its
 * checks are in monitoringFormSave.ts, what each target is monitored on in monitoredIndicators.ts.
 */
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, executionRecords, performanceTargets, projects } from '../../db/schema';
import { requiredEntryFields, type EntryField } from '../rules/monitoringLabels';
import { completionLine, executionLine, indicatorLine, timeProgress, type MonitoringRules } from '../rules/warningLines';
import type { ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from './monitoringRounds';
import { ruleSetOf } from '../ledger/years';
import { progressOf, roundIndicators, type MonitoredIndicator } from './monitoredIndicators';
import type { DeviationReason, Likelihood, Subject, TargetStatus, WarningColour } from '../../db/vocabulary';

export interface MonitoringEntryInput {
  /** `annual:<指标名称>`, as the form gives it. */
  key: string;
  currentValue: string;
  expectedValue: string;
  likelihood: Likelihood | null;
  deviationReason: DeviationReason | null;
  explanation: string | null;
  correctiveAction: string | null;
}

export interface MonitoringFormRow extends MonitoringEntryInput {
  /** The indicator this row is judged against: the saved copy, or the target's indicator when nothing is saved. */
  indicator: MonitoredIndicator;
  /** The target still has this indicator. */
  inTarget: boolean;
  /** The target's indicator now, when it differs from the copy the entry was saved against. */
  targetNow: MonitoredIndicator | null;
  saved: boolean;
  updatedAt: string | null;
  /** 第二条线 for this indicator at the round's month. */
  colour: WarningColour;
  ratio: number | null;
  text: string;
  /** Fields required now, given what is filled in and the colour. */
  required: EntryField[];
}

export interface RoundRef {
  id: number;
  year: number;
  name: string;
  asOfMonth: number;
  scope: Subject;
  dueDate: string;
}

export interface MonitoringForm {
  round: RoundRef;
  target: {
    id: number;
    subject: Subject;
    status: TargetStatus;
    projectId: number | null;
    projectCode: string | null;
    name: string;
    unitId: number;
    unitName: string;
    departmentName: string;
  };
  /** 序时进度 at the round's month, %. */
  timeProgress: number;
  /** 项目资金 at the round, from the budget platform's export; null when none was imported. */
  funds: {
    initialBudgetFen: number | null;
    adjustedBudgetFen: number;
    executedFen: number;
    expectedFullYearFen: number | null;
    executionRate: number | null;
    colour: WarningColour;
    text: string;
  } | null;
  rows: MonitoringFormRow[];
  /** The year's thresholds, so a screen's live colours match what the ledger computes. */
  rules: MonitoringRules;
  /** The project's 第二条线 over these rows: 目标完成率 and the worst colour. */
  completionRate: number | null;
  colour: WarningColour;
  filled: number;
}

export interface MonitoringFormListRow {
  targetId: number;
  subject: Subject;
  status: TargetStatus;
  projectId: number | null;
  projectCode: string | null;
  name: string;
  unitId: number;
  unitName: string;
  departmentName: string;
  indicatorCount: number;
  /** Indicators with a 当前完成值 in this round. */
  filled: number;
  lastUpdated: string | null;
}

/** A round as the forms and the warnings name it. */
export function roundFor(ctx: ServiceContext, roundId: number): RoundRef {
  const r = requireRound(ctx, roundId);
  return { id: r.id, year: r.year, name: r.name, asOfMonth: r.asOfMonth, scope: r.scope, dueDate: r.dueDate };
}

/** Targets with their project, unit and 主管部门, shaped as the forms name them. */
function targetRows(ctx: ServiceContext, where: SQL | undefined) {
  const department = alias(budgetUnits, 'department');
  return ctx.ledger.db
    .select({
      id: performanceTargets.id,
      year: performanceTargets.year,
      subject: performanceTargets.subject,
      status: performanceTargets.status,
      projectId: performanceTargets.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      unitId: performanceTargets.unitId,
      unitName: budgetUnits.name,
      parentId: budgetUnits.parentId,
      departmentName: department.name,
    })
    .from(performanceTargets)
    .innerJoin(budgetUnits, eq(budgetUnits.id, performanceTargets.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .leftJoin(projects, eq(projects.id, performanceTargets.projectId))
    .where(where)
    .orderBy(asc(performanceTargets.unitId), asc(projects.code), asc(performanceTargets.id))
    .all()
    .map((r) => ({ ...r, name: r.projectName ?? `${r.unitName}部门整体`, departmentName: r.departmentName ?? r.unitName }));
}

/** The target of a form, refused when it belongs to another year or the round's scope does not take it. */
export function targetFor(ctx: ServiceContext, round: RoundRef, targetId: number) {
  const row = targetRows(ctx, eq(performanceTargets.id, targetId))[0];
  if (!row) throw new LedgerError('target_missing', '该绩效目标不存在，请刷新后重试。');
  if (row.year !== round.year)
    throw new LedgerError('round_mismatch', `监控轮次“${round.name}”属于 ${round.year} 年度，该绩效目标属于 ${row.year} 年度。`);
  if (row.subject !== round.scope) {
    throw new LedgerError(
      'round_scope',
      round.scope === 'project'
        ? `“${round.name}”是项目支出绩效监控，部门整体绩效目标请在部门整体监控轮次中填报。`
        : `“${round.name}”是部门整体绩效监控，项目支出绩效目标请在项目监控轮次中填报。`,
    );
  }
  const { id, subject, status, projectId, projectCode, name, unitId, unitName, departmentName } = row;
  return { id, subject, status, projectId, projectCode, name, unitId, unitName, departmentName };
}

/** The monitoring form of one target in one round: every annual indicator, its entry, colour and required fields. */
export function monitoringForm(ctx: ServiceContext, input: { roundId: number; targetId: number }): MonitoringForm {
  const round = roundFor(ctx, input.roundId);
  const target = targetFor(ctx, round, input.targetId);
  const rules = ruleSetOf(ctx, round.year).monitoring;
  const month = round.asOfMonth;
  const list = roundIndicators(ctx, round.id, [target.id]).get(target.id) ?? [];
  const rows: MonitoringFormRow[] = list.map((ri) => {
    const e = ri.entry;
    const values: MonitoringEntryInput = {
      key: ri.key,
      currentValue: e?.currentValue ?? '',
      expectedValue: e?.expectedValue ?? '',
      likelihood: e?.likelihood ?? null,
      deviationReason: e?.deviationReason ?? null,
      explanation: e?.explanation ?? null,
      correctiveAction: e?.correctiveAction ?? null,
    };
    const line = indicatorLine(progressOf(ri.indicator, values.currentValue), month, rules);
    return {
      ...values,
      indicator: ri.indicator,
      inTarget: ri.inTarget,
      targetNow: ri.targetNow,
      saved: e !== null,
      updatedAt: e?.updatedAt ?? null,
      colour: line.colour,
      ratio: line.ratio,
      text: values.currentValue.trim() ? line.text : `“${ri.indicator.name}”尚未填报当前完成值`,
      required: requiredEntryFields(values, line.colour),
    };
  });
  const completion = completionLine(
    rows.map((r) => progressOf(r.indicator, r.currentValue)),
    month,
    rules,
  );
  let funds: MonitoringForm['funds'] = null;
  if (target.projectId !== null) {
    const rec = ctx.ledger.db
      .select()
      .from(executionRecords)
      .where(and(eq(executionRecords.roundId, round.id), eq(executionRecords.projectId, target.projectId)))
      .get();
    if (rec) {
      const line = executionLine({ executedFen: rec.executedFen, budgetFen: rec.adjustedBudgetFen, month }, rules);
      funds = {
        initialBudgetFen: rec.initialBudgetFen,
        adjustedBudgetFen: rec.adjustedBudgetFen,
        executedFen: rec.executedFen,
        expectedFullYearFen: rec.expectedFullYearFen,
        executionRate: line.executionRate,
        colour: line.colour,
        text: line.text,
      };
    }
  }
  return {
    round,
    target,
    timeProgress: timeProgress(month),
    funds,
    rows,
    completionRate: completion.completionRate,
    colour: completion.colour,
    rules,
    filled: rows.filter((r) => r.currentValue.trim() !== '').length,
  };
}

/** The targets a round's forms are kept for (project targets in a project round, 部门整体 in a department one). */
export function listMonitoringForms(ctx: ServiceContext, input: { roundId: number; unitId?: number | null }): MonitoringFormListRow[] {
  const round = roundFor(ctx, input.roundId);
  const targets = targetRows(ctx, and(eq(performanceTargets.year, round.year), eq(performanceTargets.subject, round.scope))).filter(
    (t) => input.unitId == null || t.unitId === input.unitId || t.parentId === input.unitId,
  );
  const indicators = roundIndicators(
    ctx,
    round.id,
    targets.map((t) => t.id),
  );
  return targets
    .map((t) => {
      const list = indicators.get(t.id) ?? [];
      const updated = list
        .map((i) => i.entry?.updatedAt)
        .filter((u): u is string => !!u)
        .sort();
      return {
        targetId: t.id,
        subject: t.subject,
        status: t.status,
        projectId: t.projectId,
        projectCode: t.projectCode,
        name: t.name,
        unitId: t.unitId,
        unitName: t.unitName,
        departmentName: t.departmentName,
        indicatorCount: list.filter((i) => i.inTarget).length,
        filled: list.filter((i) => i.entry && i.entry.currentValue.trim() !== '').length,
        lastUpdated: updated[updated.length - 1] ?? null,
      };
    })
    .filter((t) => t.indicatorCount > 0 || t.filled > 0);
}
