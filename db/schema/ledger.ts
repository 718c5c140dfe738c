/** The ledger itself: its years (each with its rule set), the audit log and the bureau's own settings. */
import { sql } from 'drizzle-orm';
import { check, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { YEAR_STATUSES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';

/** 预算年度: every year carries its own rule set (JSON, validated by rules/ruleSet.ts). A closed year is read-only. */
export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    year: integer('year').primaryKey(),
    status: text('status', { enum: YEAR_STATUSES }).notNull().default('open'),
    ruleSet: text('rule_set').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('fiscal_years_year_range', sql`${t.year} between 2000 and 2100`)],
);

/**
 * Append-only audit log, hash-chained: hash = sha256(prev_hash + canonical row). Triggers in a custom
 * migration refuse UPDATE and DELETE so the chain can only grow.
 */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

/**
 * 本局信息: the bureau's own name and 发文字号前缀 (validated by rules/ledgerSettingsRules.ts). At most one
 * row (id 1); a new ledger has none until the clerk fills 设置 → 本局信息.
 */
export const ledgerSettings = sqliteTable(
  'ledger_settings',
  {
    id: integer('id').primaryKey(),
    bureauName: text('bureau_name').notNull(),
    /** Null until set; issuing a 整改通知 needs it. */
    noticePrefix: text('notice_prefix'),
    updatedAt: updatedAt(),
  },
  (t) => [check('ledger_settings_single_row', sql`${t.id} = 1`)],
);
