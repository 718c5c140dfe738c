/** The common indicator library (共性指标库). */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { INDICATOR_SCOPES, NATURES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';

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
    nature: text('nature', { enum: NATURES }).notNull(),
    unit: text('unit'),
    explanation: text('explanation'),
    standard: text('standard'),
    keywords: text('keywords'),
    referenceHint: text('reference_hint'),
    mandatory: integer('mandatory', { mode: 'boolean' }).notNull().default(false),
    /** 年度 (one year) or 总体 (the multi-year, 中期 goal). */
    scope: text('scope', { enum: INDICATOR_SCOPES }).notNull().default('annual'),
    retiredAt: text('retired_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('indicators_class_name_unique').on(t.classId, t.name), index('indicators_class').on(t.classId)],
);
