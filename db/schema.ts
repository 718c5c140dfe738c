/**
 * The ledger's tables. Money is integer 分 (fen) everywhere; enumerations are stored as English codes
 * whose zh-CN labels live in electron/rules/labels.ts. Migrations are generated from this file by
 * drizzle-kit (npm run db:generate) and only ever add.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** 预算年度: every year carries its own rule set (JSON, validated by rules/ruleSet.ts). A closed year is read-only. */
export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    year: integer('year').primaryKey(),
    status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
    ruleSet: text('rule_set').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('fiscal_years_year_range', sql`${t.year} between 2000 and 2100`)],
);

/** 预算单位; a 主管部门 is a unit without a parent that others point to. */
export const budgetUnits = sqliteTable(
  'budget_units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code'),
    name: text('name').notNull(),
    parentId: integer('parent_id').references((): AnySQLiteColumn => budgetUnits.id, { onDelete: 'restrict' }),
    /** 涉密单位: excluded from publication. */
    classified: integer('classified', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('budget_units_name_unique').on(t.name), uniqueIndex('budget_units_code_unique').on(t.code), index('budget_units_parent').on(t.parentId)],
);

/** 项目 of a fiscal year. */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => budgetUnits.id, { onDelete: 'restrict' }),
    code: text('code'),
    name: text('name').notNull(),
    /** 项目类型, e.g. 重点建设项目 / 政府购买服务 / 补助补贴 (free list kept in rules/labels.ts). */
    projectType: text('project_type').notNull(),
    /** Which of the four budgets (四本预算). */
    budgetKind: text('budget_kind', { enum: ['general', 'fund', 'stateCapital', 'socialInsurance'] }).notNull(),
    /** 年初预算数 in 分. */
    initialBudgetFen: integer('initial_budget_fen').notNull().default(0),
    /** 新增 or 延续. */
    continuity: text('continuity', { enum: ['new', 'continuing'] }).notNull(),
    /** 新增重大政策和项目: requires 事前绩效评估 before 入库. */
    majorPolicy: integer('major_policy', { mode: 'boolean' }).notNull().default(false),
    /** 项目库 status: 储备 (not yet in), 已入库, 已退出. */
    libraryStatus: text('library_status', { enum: ['reserve', 'admitted', 'withdrawn'] }).notNull().default('reserve'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('projects_year_code_unique').on(t.year, t.code),
    uniqueIndex('projects_year_unit_name_unique').on(t.year, t.unitId, t.name),
    index('projects_unit').on(t.unitId),
    check('projects_budget_nonnegative', sql`${t.initialBudgetFen} >= 0`),
  ],
);

/** 共性指标体系: the classes (类别) of the common indicator library. */
export const indicatorClasses = sqliteTable(
  'indicator_classes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('indicator_classes_name_unique').on(t.name)],
);

/** A 三级 common indicator with its 一级/二级 placement. Retired, never deleted, once used. */
export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    classId: integer('class_id')
      .notNull()
      .references(() => indicatorClasses.id, { onDelete: 'restrict' }),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    /** 指标性质: ≥ ＞ ＝ ＜ ≤ 定性. */
    nature: text('nature', { enum: ['≥', '＞', '＝', '＜', '≤', '定性'] }).notNull(),
    unit: text('unit'),
    explanation: text('explanation'),
    standard: text('standard'),
    keywords: text('keywords'),
    referenceHint: text('reference_hint'),
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(false),
    /** 年度 (one year) or 总体 (the multi-year, 中期 goal). */
    scope: text('scope', { enum: ['annual', 'overall'] }).notNull().default('annual'),
    retiredAt: text('retired_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('indicators_class_name_unique').on(t.classId, t.name), index('indicators_class').on(t.classId)],
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
