/**
 * 预算单位: the county's budget units, two levels deep (主管部门 → 所属单位). Units outlive years; the
 * list for a year carries that year's project count and budget.
 */
import { and, eq, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits } from '../../db/schema';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';

export interface UnitInput {
  name: string;
  code: string | null;
  parentId: number | null;
  classified: boolean;
}

export interface UnitRow extends UnitInput {
  id: number;
  parentName: string | null;
  /** Units that name this one as their 主管部门. */
  childCount: number;
  projectCount: number;
  budgetFen: number;
}

export function listUnits(ctx: ServiceContext, input: { year: number }): UnitRow[] {
  return selectUnits(ctx, input.year);
}

function selectUnits(ctx: ServiceContext, year: number, onlyId?: number): UnitRow[] {
  const parent = alias(budgetUnits, 'parent');
  return ctx.ledger.db
    .select({
      id: budgetUnits.id,
      name: budgetUnits.name,
      code: budgetUnits.code,
      parentId: budgetUnits.parentId,
      classified: budgetUnits.classified,
      parentName: parent.name,
      childCount: sql<number>`(select count(*) from budget_units c where c.parent_id = budget_units.id)`,
      projectCount: sql<number>`(select count(*) from projects p where p.unit_id = budget_units.id and p.year = ${year})`,
      budgetFen: sql<number>`(select coalesce(sum(p.initial_budget_fen), 0) from projects p where p.unit_id = budget_units.id and p.year = ${year})`,
    })
    .from(budgetUnits)
    .leftJoin(parent, eq(parent.id, budgetUnits.parentId))
    .where(onlyId == null ? undefined : eq(budgetUnits.id, onlyId))
    .orderBy(
      sql`coalesce(${budgetUnits.parentId}, ${budgetUnits.id})`,
      sql`${budgetUnits.parentId} is not null`,
      budgetUnits.code,
      budgetUnits.id,
    )
    .all();
}

export function createUnit(ctx: ServiceContext, input: UnitInput): UnitRow {
  return inTransaction(ctx, () => {
    const clean = validateUnit(ctx, input, null);
    const row = ctx.ledger.db.insert(budgetUnits).values(clean).returning().get();
    appendAudit(ctx, { action: 'unit.create', entity: 'budget_unit', entityId: row.id, after: clean });
    return unitById(ctx, row.id);
  });
}

export function updateUnit(ctx: ServiceContext, input: UnitInput & { id: number }): UnitRow {
  return inTransaction(ctx, () => {
    const before = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.id)).get();
    if (!before) throw new LedgerError('unit_missing', '要修改的预算单位不存在，可能已被他人删除。请刷新列表。');
    const clean = validateUnit(ctx, input, input.id);
    ctx.ledger.db
      .update(budgetUnits)
      .set({ ...clean, updatedAt: ctx.now().toISOString() })
      .where(eq(budgetUnits.id, input.id))
      .run();
    appendAudit(ctx, { action: 'unit.update', entity: 'budget_unit', entityId: input.id, before: pickUnit(before), after: clean });
    return unitById(ctx, input.id);
  });
}

/** Finds a unit by its exact name (after trimming), for importers. */
export function findUnitByName(ctx: ServiceContext, name: string) {
  return ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.name, name.trim())).get() ?? null;
}

function unitById(ctx: ServiceContext, id: number): UnitRow {
  // Year 0 has no projects: the per-year counts are re-read by the caller from the year's list.
  const row = selectUnits(ctx, 0, id)[0];
  if (!row) throw new LedgerError('unit_missing', '预算单位不存在。');
  return row;
}

function pickUnit(u: typeof budgetUnits.$inferSelect): UnitInput {
  return { name: u.name, code: u.code, parentId: u.parentId, classified: u.classified };
}

function validateUnit(ctx: ServiceContext, input: UnitInput, selfId: number | null): UnitInput {
  const fields: Record<string, string> = {};
  const name = input.name.trim();
  const code = input.code?.trim() || null;
  if (!name) fields.name = '请填写单位名称';
  const notSelf = selfId == null ? undefined : ne(budgetUnits.id, selfId);
  if (
    name &&
    ctx.ledger.db
      .select({ id: budgetUnits.id })
      .from(budgetUnits)
      .where(and(eq(budgetUnits.name, name), notSelf))
      .get()
  ) {
    fields.name = `已有名为“${name}”的单位`;
  }
  if (
    code &&
    ctx.ledger.db
      .select({ id: budgetUnits.id })
      .from(budgetUnits)
      .where(and(eq(budgetUnits.code, code), notSelf))
      .get()
  ) {
    fields.code = `单位代码 ${code} 已被其他单位使用`;
  }
  if (input.parentId != null) {
    const parent = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.parentId)).get();
    if (!parent) fields.parentId = '所选主管部门不存在';
    else if (parent.id === selfId) fields.parentId = '单位不能以自己为主管部门';
    else if (parent.parentId != null) fields.parentId = `“${parent.name}”本身是所属单位，不能作为主管部门`;
    else if (selfId != null) {
      const children = ctx.ledger.db.select({ id: budgetUnits.id }).from(budgetUnits).where(eq(budgetUnits.parentId, selfId)).get();
      if (children) fields.parentId = '该单位下还有所属单位，不能再归到其他主管部门下';
    }
  }
  if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
  return { name, code, parentId: input.parentId, classified: input.classified };
}
