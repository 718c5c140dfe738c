/** 预算单位 and 项目. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { BUDGET_KIND_CODES, CONTINUITIES, LIBRARY_STATUSES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';

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
  (t) => [
    uniqueIndex('budget_units_name_unique').on(t.name),
    uniqueIndex('budget_units_code_unique').on(t.code),
    index('budget_units_parent').on(t.parentId),
  ],
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
    /** 项目类型: a name from project_types (checked by the services, so a rename can carry every project along). */
    projectType: text('project_type').notNull(),
    /** Which of the four budgets (四本预算). */
    budgetKind: text('budget_kind', { enum: BUDGET_KIND_CODES }).notNull(),
    /** 年初预算数 in 分. */
    initialBudgetFen: integer('initial_budget_fen').notNull().default(0),
    /** 新增 or 延续. */
    continuity: text('continuity', { enum: CONTINUITIES }).notNull(),
    /** 新增重大政策和项目: requires 事前绩效评估 before 入库. */
    majorPolicy: integer('major_policy', { mode: 'boolean' }).notNull().default(false),
    /** 项目库 status: 储备 (not yet in), 已入库, 已退出. */
    libraryStatus: text('library_status', { enum: LIBRARY_STATUSES }).notNull().default('reserve'),
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

/**
 * 项目类型 as this bureau classifies its projects: the ledger's own list, for all years, because every
 * region classifies differently. Migration 0011 seeds it with the common types. A retired type is no
 * longer offered for new projects; the projects that have it keep it.
 */
export const projectTypes = sqliteTable(
  'project_types',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Stored as rules/labels.ts normaliseLabel() leaves it, so matching is plain equality. */
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull(),
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('project_types_name_unique').on(t.name)],
);
