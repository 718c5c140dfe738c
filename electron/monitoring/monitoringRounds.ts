/**
 * 监控轮次: the year's monitoring checkpoints. A new year starts with the rule set's default rounds
 * (projects in May and August, 部门整体 in June); the bureau may add, rename or move them.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { monitoringRounds } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import type { Subject } from '../../db/vocabulary';

export interface RoundInput {
  year: number;
  name: string;
  asOfMonth: number;
  scope: Subject;
  dueDate: string;
}

export interface RoundRow extends RoundInput {
  id: number;
}

export function listMonitoringRounds(ctx: ServiceContext, input: { year: number }): RoundRow[] {
  return ctx.ledger.db
    .select({
      id: monitoringRounds.id,
      year: monitoringRounds.year,
      name: monitoringRounds.name,
      asOfMonth: monitoringRounds.asOfMonth,
      scope: monitoringRounds.scope,
      dueDate: monitoringRounds.dueDate,
    })
    .from(monitoringRounds)
    .where(eq(monitoringRounds.year, input.year))
    .orderBy(asc(monitoringRounds.asOfMonth), asc(monitoringRounds.id))
    .all();
}

/** Adds the rule set's default rounds that the year does not have yet (by name); returns the year's rounds. */
export function createDefaultRounds(ctx: ServiceContext, input: { year: number }): RoundRow[] {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const existing = new Set(listMonitoringRounds(ctx, input).map((r) => r.name));
    for (const r of ruleSetOf(ctx, input.year).monitoring.rounds) {
      if (existing.has(r.name)) continue;
      const values = { year: input.year, name: r.name, asOfMonth: r.asOfMonth, scope: r.scope, dueDate: `${input.year}-${r.dueMonthDay}` };
      const row = ctx.ledger.db.insert(monitoringRounds).values(values).returning({ id: monitoringRounds.id }).get();
      appendAudit(ctx, { action: 'monitoringRound.create', entity: 'monitoring_round', entityId: row.id, after: values });
    }
    return listMonitoringRounds(ctx, input);
  });
}

export function saveMonitoringRound(ctx: ServiceContext, input: RoundInput & { id: number | null }): RoundRow {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const name = input.name.trim();
    const fields: Record<string, string> = {};
    if (!name) fields.name = '请填写轮次名称';
    if (!Number.isInteger(input.asOfMonth) || input.asOfMonth < 1 || input.asOfMonth > 12) fields.asOfMonth = '截止月份须为 1–12';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(input.dueDate)) fields.dueDate = '报送截止日期格式应为 2023-06-15';
    const notSelf = input.id == null ? undefined : ne(monitoringRounds.id, input.id);
    if (
      name &&
      ctx.ledger.db
        .select()
        .from(monitoringRounds)
        .where(and(eq(monitoringRounds.year, input.year), eq(monitoringRounds.name, name), notSelf))
        .get()
    ) {
      fields.name = `${input.year} 年度已有名为“${name}”的轮次`;
    }
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
    const values = { year: input.year, name, asOfMonth: input.asOfMonth, scope: input.scope, dueDate: input.dueDate };
    if (input.id == null) {
      const row = ctx.ledger.db.insert(monitoringRounds).values(values).returning({ id: monitoringRounds.id }).get();
      appendAudit(ctx, { action: 'monitoringRound.create', entity: 'monitoring_round', entityId: row.id, after: values });
      return { ...values, id: row.id };
    }
    const before = requireRound(ctx, input.id);
    ctx.ledger.db.update(monitoringRounds).set(values).where(eq(monitoringRounds.id, input.id)).run();
    appendAudit(ctx, { action: 'monitoringRound.update', entity: 'monitoring_round', entityId: input.id, before, after: values });
    return { ...values, id: input.id };
  });
}

export function requireRound(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(monitoringRounds).where(eq(monitoringRounds.id, id)).get();
  if (!row) throw new LedgerError('round_missing', '该监控轮次不存在，请刷新后重试。');
  return row;
}

/** A round named on the command line: by id, or by its name within the year ("5月项目监控"). */
export function findRound(ctx: ServiceContext, year: number, nameOrId: string): RoundRow {
  const rounds = listMonitoringRounds(ctx, { year });
  const found = rounds.find((r) => r.name === nameOrId || String(r.id) === nameOrId || `${r.asOfMonth}` === nameOrId);
  if (!found) {
    throw new LedgerError(
      'round_missing',
      `${year} 年度没有监控轮次“${nameOrId}”。现有轮次：${rounds.map((r) => `${r.name}（截至 ${r.asOfMonth} 月）`).join('、') || '无'}。`,
    );
  }
  return found;
}
