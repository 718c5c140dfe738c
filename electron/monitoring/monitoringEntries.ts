/**
 * 绩效监控表: a unit's report, per target and round, on each annual indicator — 当前完成值, 全年预计
 * 完成值, 完成可能性, 偏差原因, 原因说明, 纠偏措施 — with the indicator's live colour (第二条线) and the
 * fields required now (domain.md §5). The service enforces the required fields, whatever the caller.
 *
 * Target indicator rows are re-created whenever a target is saved, so an entry names its indicator by
 * `annual:<name>` and keeps a copy of the indicator as it stood when the entry was saved. An indicator
 * is judged against that copy (so a later target adjustment does not rewrite a past round); an
 * indicator without an entry is judged against the target as it stands. An entry whose indicator the
 * target no longer has stays in the round (shown with `inTarget: false`) until it is saved empty.
 */
import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, executionRecords, monitoringEntries, performanceTargets, projects, targetIndicators } from '../../db/schema';
import type { Nature } from '../rules/indicatorRules';
import {
  DEVIATION_REASONS,
  ENTRY_FIELD_LABELS,
  LIKELIHOODS,
  QUALITATIVE_LEVELS,
  requiredEntryFields,
  requiredReason,
  type DeviationReason,
  type EntryField,
  type Likelihood,
} from '../rules/monitoringLabels';
import type { TargetStatus } from '../rules/jointReview';
import { numberIn } from '../rules/targetChecks';
import { completionLine, executionLine, indicatorLine, timeProgress, type Colour, type MonitoringRules } from '../rules/warningLines';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from './monitoringRounds';
import { requireOpenYear, ruleSetOf } from '../ledger/years';

/** The indicator an entry reports on, as it stood in the target. */
export interface MonitoredIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: Nature;
  /** 年度指标值 as written. */
  value: string;
  unit: string | null;
}

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
  colour: Colour;
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
  scope: 'project' | 'department';
  dueDate: string;
}

export interface MonitoringForm {
  round: RoundRef;
  target: {
    id: number;
    subject: 'project' | 'department';
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
    colour: Colour;
    text: string;
  } | null;
  rows: MonitoringFormRow[];
  /** The year's thresholds, so a screen's live colours match what the ledger computes. */
  rules: MonitoringRules;
  /** The project's 第二条线 over these rows: 目标完成率 and the worst colour. */
  completionRate: number | null;
  colour: Colour;
  filled: number;
}

export interface MonitoringFormListRow {
  targetId: number;
  subject: 'project' | 'department';
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

export const indicatorKey = (name: string, period: 'annual' | 'midTerm' = 'annual') => `${period}:${name}`;

/** The round and its scope check: project rounds take project targets, 部门整体 rounds department ones. */
function roundFor(ctx: ServiceContext, roundId: number): RoundRef {
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

function targetFor(ctx: ServiceContext, round: RoundRef, targetId: number) {
  const row = targetRows(ctx, eq(performanceTargets.id, targetId))[0];
  if (!row) throw new LedgerError('target_missing', '该绩效目标不存在，请刷新后重试。');
  if (row.year !== round.year) throw new LedgerError('round_mismatch', `监控轮次“${round.name}”属于 ${round.year} 年度，该绩效目标属于 ${row.year} 年度。`);
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

type EntryRow = typeof monitoringEntries.$inferSelect;

export interface RoundIndicator {
  key: string;
  indicator: MonitoredIndicator;
  inTarget: boolean;
  targetNow: MonitoredIndicator | null;
  entry: EntryRow | null;
}

const sameIndicator = (a: MonitoredIndicator, b: MonitoredIndicator) =>
  a.level1 === b.level1 && a.level2 === b.level2 && a.name === b.name && a.nature === b.nature && a.value === b.value && (a.unit ?? null) === (b.unit ?? null);

/**
 * The indicators each target is monitored on in a round: its annual indicators now, plus indicators an
 * entry was saved against that the target no longer has. Batch-loaded for the warning computation.
 */
export function roundIndicators(ctx: ServiceContext, roundId: number, targetIds: readonly number[]): Map<number, RoundIndicator[]> {
  const result = new Map<number, RoundIndicator[]>();
  if (targetIds.length === 0) return result;
  const ids = [...new Set(targetIds)];
  const current = new Map<number, { key: string; indicator: MonitoredIndicator }[]>();
  for (const chunk of chunks(ids)) {
    const rows = ctx.ledger.db
      .select()
      .from(targetIndicators)
      .where(and(inArray(targetIndicators.targetId, chunk), eq(targetIndicators.period, 'annual')))
      .orderBy(asc(targetIndicators.targetId), asc(targetIndicators.sortOrder), asc(targetIndicators.id))
      .all();
    for (const r of rows) {
      const list = current.get(r.targetId) ?? [];
      // Names are unique within a target (the machine check); should two collide, the first one counts.
      if (!list.some((x) => x.indicator.name === r.name)) {
        list.push({ key: indicatorKey(r.name), indicator: { level1: r.level1, level2: r.level2, name: r.name, nature: r.nature, value: r.value, unit: r.unit } });
      }
      current.set(r.targetId, list);
    }
  }
  const entries = new Map<number, EntryRow[]>();
  for (const chunk of chunks(ids)) {
    const rows = ctx.ledger.db
      .select()
      .from(monitoringEntries)
      .where(and(eq(monitoringEntries.roundId, roundId), inArray(monitoringEntries.targetId, chunk)))
      .orderBy(asc(monitoringEntries.id))
      .all();
    for (const e of rows) entries.set(e.targetId, [...(entries.get(e.targetId) ?? []), e]);
  }
  for (const id of ids) {
    const saved = new Map((entries.get(id) ?? []).map((e) => [e.targetIndicatorKey, e]));
    const list: RoundIndicator[] = [];
    for (const c of current.get(id) ?? []) {
      const entry = saved.get(c.key) ?? null;
      saved.delete(c.key);
      const copy = entry ? parseIndicator(entry.indicator) : null;
      list.push({ key: c.key, indicator: copy ?? c.indicator, inTarget: true, targetNow: copy && !sameIndicator(copy, c.indicator) ? c.indicator : null, entry });
    }
    for (const entry of saved.values()) list.push({ key: entry.targetIndicatorKey, indicator: parseIndicator(entry.indicator), inTarget: false, targetNow: null, entry });
    result.set(id, list);
  }
  return result;
}

function parseIndicator(json: string): MonitoredIndicator {
  const i = JSON.parse(json) as MonitoredIndicator;
  return { level1: i.level1, level2: i.level2, name: i.name, nature: i.nature, value: i.value, unit: i.unit ?? null };
}

function* chunks<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

const progressOf = (indicator: MonitoredIndicator, current: string) => ({ name: indicator.name, level2: indicator.level2, nature: indicator.nature, target: indicator.value, current });

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
  const completion = completionLine(rows.map((r) => progressOf(r.indicator, r.currentValue)), month, rules);
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
  const targets = targetRows(ctx, and(eq(performanceTargets.year, round.year), eq(performanceTargets.subject, round.scope)))
    .filter((t) => input.unitId == null || t.unitId === input.unitId || t.parentId === input.unitId);
  const indicators = roundIndicators(
    ctx,
    round.id,
    targets.map((t) => t.id),
  );
  return targets
    .map((t) => {
      const list = indicators.get(t.id) ?? [];
      const updated = list.map((i) => i.entry?.updatedAt).filter((u): u is string => !!u).sort();
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

const MAX_TEXT = 1000;

type PlannedRow = { ri: RoundIndicator; row: MonitoringEntryInput & { indicatorCopy: MonitoredIndicator }; empty: boolean };

/**
 * Checks a form as saveMonitoringForm would, without writing: the field errors keyed
 * `entries.<i>.<field>` (empty when it would save) and, per row, what would be written.
 */
export function checkMonitoringForm(
  ctx: ServiceContext,
  input: { roundId: number; targetId: number; entries: MonitoringEntryInput[] },
): { fields: Record<string, string>; rows: { key: string; name: string; action: 'save' | 'remove' | 'unchanged' }[] } {
  const round = roundFor(ctx, input.roundId);
  const target = targetFor(ctx, round, input.targetId);
  const { fields, writes } = planForm(ctx, round, target.id, input.entries);
  return {
    fields,
    rows: writes.map(({ ri, row, empty }) => {
      const next = storedShape(row);
      const action = empty ? (ri.entry ? 'remove' : 'unchanged') : ri.entry && JSON.stringify(storedOf(ri.entry)) === JSON.stringify(next) ? 'unchanged' : 'save';
      return { key: row.key, name: row.indicatorCopy.name, action };
    }),
  };
}

function planForm(ctx: ServiceContext, round: RoundRef, targetId: number, entries: readonly MonitoringEntryInput[]): { fields: Record<string, string>; writes: PlannedRow[] } {
  const rules = ruleSetOf(ctx, round.year).monitoring;
  const list = roundIndicators(ctx, round.id, [targetId]).get(targetId) ?? [];
  const byKey = new Map(list.map((ri) => [ri.key, ri]));
  const fields: Record<string, string> = {};
  const seen = new Set<string>();
  const writes: PlannedRow[] = [];
  entries.forEach((raw, i) => {
    const at = `entries.${i}`;
    const ri = byKey.get(raw.key);
    if (!ri) {
      fields[`${at}.key`] = `第 ${i + 1} 行的指标“${raw.key.replace(/^annual:/, '')}”不在该绩效目标的年度指标中，请刷新后重试。`;
      return;
    }
    if (seen.has(raw.key)) {
      fields[`${at}.key`] = `指标“${ri.indicator.name}”填报了两次。`;
      return;
    }
    seen.add(raw.key);
    // Saving against the target as it stands now; a removed indicator keeps its copy until emptied.
    const indicator = ri.inTarget ? (ri.targetNow ?? ri.indicator) : ri.indicator;
    const name = indicator.name;
    const row = {
      key: raw.key,
      currentValue: (raw.currentValue ?? '').trim(),
      expectedValue: (raw.expectedValue ?? '').trim(),
      likelihood: raw.likelihood ?? null,
      deviationReason: raw.deviationReason ?? null,
      explanation: raw.explanation?.trim() || null,
      correctiveAction: raw.correctiveAction?.trim() || null,
      indicatorCopy: indicator,
    };
    const empty = !row.currentValue && !row.expectedValue && !row.likelihood && !row.deviationReason && !row.explanation && !row.correctiveAction;
    if (!empty && !ri.inTarget) {
      fields[`${at}.key`] = `指标“${name}”已不在该绩效目标中，只能清空，不能再填报。`;
      return;
    }
    if (row.likelihood !== null && !Object.hasOwn(LIKELIHOODS, row.likelihood)) fields[`${at}.likelihood`] = `“${name}”的完成可能性应为确定能、有可能或完全不可能`;
    if (row.deviationReason !== null && !Object.hasOwn(DEVIATION_REASONS, row.deviationReason)) {
      fields[`${at}.deviationReason`] = `“${name}”的偏差原因应为${Object.values(DEVIATION_REASONS).join('、')}之一`;
    }
    if (indicator.nature === '定性') {
      if (row.currentValue && !(QUALITATIVE_LEVELS as readonly string[]).includes(row.currentValue)) {
        fields[`${at}.currentValue`] = `“${name}”是定性指标，当前完成值应为${QUALITATIVE_LEVELS.join('、')}之一`;
      }
    } else {
      if (row.currentValue && numberIn(row.currentValue) === null) fields[`${at}.currentValue`] = `“${name}”的当前完成值“${row.currentValue}”不是数字`;
      if (row.expectedValue && numberIn(row.expectedValue) === null) fields[`${at}.expectedValue`] = `“${name}”的全年预计完成值“${row.expectedValue}”不是数字`;
    }
    for (const f of ['explanation', 'correctiveAction'] as const) {
      if ((row[f]?.length ?? 0) > MAX_TEXT) fields[`${at}.${f}`] = `“${name}”的${ENTRY_FIELD_LABELS[f]}不能超过 ${MAX_TEXT} 字`;
    }
    if (!fields[`${at}.currentValue`] && !fields[`${at}.likelihood`]) {
      const colour = indicatorLine(progressOf(indicator, row.currentValue), round.asOfMonth, rules).colour;
      for (const f of requiredEntryFields(row, colour)) {
        const v = row[f];
        if (v === null || v === '') fields[`${at}.${f}`] = `“${name}”${requiredReason(f, row, colour)}，请填写${ENTRY_FIELD_LABELS[f]}`;
      }
    }
    writes.push({ ri, row, empty });
  });
  return { fields, writes };
}

const storedOf = (e: EntryRow) => ({
  key: e.targetIndicatorKey,
  indicator: e.indicator,
  currentValue: e.currentValue,
  expectedValue: e.expectedValue,
  likelihood: e.likelihood,
  deviationReason: e.deviationReason,
  explanation: e.explanation,
  correctiveAction: e.correctiveAction,
});

const storedShape = (row: PlannedRow['row']) => ({
  key: row.key,
  indicator: JSON.stringify(row.indicatorCopy),
  currentValue: row.currentValue,
  expectedValue: row.expectedValue,
  likelihood: row.likelihood,
  deviationReason: row.deviationReason,
  explanation: row.explanation,
  correctiveAction: row.correctiveAction,
});

/**
 * Saves a target's monitoring form for a round, all rows or none. A row saved with nothing filled in
 * removes its entry; rows not given are left as they are. Field errors are keyed `entries.<i>.<field>`
 * and name the indicator. Nothing changed: nothing written, no audit entry.
 */
export function saveMonitoringForm(ctx: ServiceContext, input: { roundId: number; targetId: number; entries: MonitoringEntryInput[] }): MonitoringForm {
  return inTransaction(ctx, () => {
    const round = roundFor(ctx, input.roundId);
    requireOpenYear(ctx, round.year);
    const target = targetFor(ctx, round, input.targetId);
    const { fields, writes } = planForm(ctx, round, target.id, input.entries);
    const problems = Object.values(fields);
    if (problems.length) throw new LedgerError('invalid_input', `监控表有误：${problems[0]}${problems.length > 1 ? ` 等 ${problems.length} 处` : ''}。`, fields);

    const now = ctx.now().toISOString();
    const before: unknown[] = [];
    const after: unknown[] = [];
    for (const { ri, row, empty } of writes) {
      const e = ri.entry;
      const stored = e && storedOf(e);
      if (empty) {
        if (!e) continue;
        ctx.ledger.db.delete(monitoringEntries).where(eq(monitoringEntries.id, e.id)).run();
        before.push(stored);
        after.push({ key: row.key, removed: true });
        continue;
      }
      const { key: _key, ...values } = storedShape(row);
      const next = storedShape(row);
      if (stored && JSON.stringify(stored) === JSON.stringify(next)) continue;
      if (e) ctx.ledger.db.update(monitoringEntries).set({ ...values, updatedAt: now }).where(eq(monitoringEntries.id, e.id)).run();
      else ctx.ledger.db.insert(monitoringEntries).values({ roundId: round.id, targetId: target.id, targetIndicatorKey: row.key, ...values, updatedAt: now }).run();
      before.push(stored ?? { key: row.key });
      after.push(next);
    }
    if (after.length) {
      appendAudit(ctx, { action: 'monitoring.saveForm', entity: 'performance_target', entityId: target.id, before: { roundId: round.id, entries: before }, after: { roundId: round.id, entries: after } });
    }
    return monitoringForm(ctx, { roundId: round.id, targetId: target.id });
  });
}
