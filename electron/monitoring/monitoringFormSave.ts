/**
 * Saving a 绩效监控表: every row checked — values readable, 完成可能性 and 偏差原因 from their lists, and
 * the fields the row's colour and likelihood require (domain.md §5) — then all rows written or none,
 * with one audit entry. The service enforces the required fields, whatever the caller; the template
 * import checks a filled workbook the same way (checkMonitoringForm).
 */
import { eq } from 'drizzle-orm';
import { monitoringEntries } from '../../db/schema';
import {
  DEVIATION_REASONS,
  ENTRY_FIELD_LABELS,
  entryValueProblem,
  LIKELIHOODS,
  requiredEntryFields,
  requiredReason,
} from '../rules/monitoringLabels';
import { indicatorLine } from '../rules/warningLines';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import { progressOf, roundIndicators, type EntryRow, type MonitoredIndicator, type RoundIndicator } from './monitoredIndicators';
import { monitoringForm, roundFor, targetFor, type MonitoringEntryInput, type MonitoringForm, type RoundRef } from './monitoringForm';

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
      const action = empty
        ? ri.entry
          ? 'remove'
          : 'unchanged'
        : ri.entry && JSON.stringify(storedOf(ri.entry)) === JSON.stringify(next)
          ? 'unchanged'
          : 'save';
      return { key: row.key, name: row.indicatorCopy.name, action };
    }),
  };
}

function planForm(
  ctx: ServiceContext,
  round: RoundRef,
  targetId: number,
  entries: readonly MonitoringEntryInput[],
): { fields: Record<string, string>; writes: PlannedRow[] } {
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
    const empty =
      !row.currentValue && !row.expectedValue && !row.likelihood && !row.deviationReason && !row.explanation && !row.correctiveAction;
    if (!empty && !ri.inTarget) {
      fields[`${at}.key`] = `指标“${name}”已不在该绩效目标中，只能清空，不能再填报。`;
      return;
    }
    if (row.likelihood !== null && !Object.hasOwn(LIKELIHOODS, row.likelihood))
      fields[`${at}.likelihood`] = `“${name}”的完成可能性应为确定能、有可能或完全不可能`;
    if (row.deviationReason !== null && !Object.hasOwn(DEVIATION_REASONS, row.deviationReason)) {
      fields[`${at}.deviationReason`] = `“${name}”的偏差原因应为${Object.values(DEVIATION_REASONS).join('、')}之一`;
    }
    for (const f of ['currentValue', 'expectedValue'] as const) {
      const problem = entryValueProblem(indicator, f, row[f]);
      if (problem) fields[`${at}.${f}`] = problem;
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
export function saveMonitoringForm(
  ctx: ServiceContext,
  input: { roundId: number; targetId: number; entries: MonitoringEntryInput[] },
): MonitoringForm {
  return inTransaction(ctx, () => {
    const round = roundFor(ctx, input.roundId);
    requireOpenYear(ctx, round.year);
    const target = targetFor(ctx, round, input.targetId);
    const { fields, writes } = planForm(ctx, round, target.id, input.entries);
    const problems = Object.values(fields);
    if (problems.length)
      throw new LedgerError(
        'invalid_input',
        `监控表有误：${problems[0]}${problems.length > 1 ? ` 等 ${problems.length} 处` : ''}。`,
        fields,
      );

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
      if (e)
        ctx.ledger.db
          .update(monitoringEntries)
          .set({ ...values, updatedAt: now })
          .where(eq(monitoringEntries.id, e.id))
          .run();
      else
        ctx.ledger.db
          .insert(monitoringEntries)
          .values({ roundId: round.id, targetId: target.id, targetIndicatorKey: row.key, ...values, updatedAt: now })
          .run();
      before.push(stored ?? { key: row.key });
      after.push(next);
    }
    if (after.length) {
      appendAudit(ctx, {
        action: 'monitoring.saveForm',
        entity: 'performance_target',
        entityId: target.id,
        before: { roundId: round.id, entries: before },
        after: { roundId: round.id, entries: after },
      });
    }
    return monitoringForm(ctx, { roundId: round.id, targetId: target.id });
  });
}
