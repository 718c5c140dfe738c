/** 整改通知 and what happened to each. */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NOTICE_EVENT_KINDS, NOTICE_SOURCES, NOTICE_STATUSES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { monitoringRounds } from './monitoring';
import { budgetUnits, projects } from './projects';

/**
 * 整改通知: issued after monitoring (偏离率 above the threshold) or an evaluation, then the unit's
 * feedback, the bureau's review, and closed or returned. Every step is kept in notice_events.
 */
export const rectificationNotices = sqliteTable(
  'rectification_notices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    /** 文号, e.g. 轮财绩整〔2023〕5号; assigned when issued. */
    number: text('number'),
    source: text('source', { enum: NOTICE_SOURCES }).notNull(),
    roundId: integer('round_id').references(() => monitoringRounds.id, { onDelete: 'restrict' }),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => budgetUnits.id, { onDelete: 'restrict' }),
    findings: text('findings').notNull(),
    requirements: text('requirements').notNull(),
    deadline: text('deadline').notNull(),
    status: text('status', { enum: NOTICE_STATUSES }).notNull().default('draft'),
    issuedAt: text('issued_at'),
    closedAt: text('closed_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('rectification_notices_number').on(t.number), index('rectification_notices_year').on(t.year)],
);

export const noticeEvents = sqliteTable('notice_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  noticeId: integer('notice_id')
    .notNull()
    .references(() => rectificationNotices.id, { onDelete: 'restrict' }),
  kind: text('kind', { enum: NOTICE_EVENT_KINDS }).notNull(),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  text: text('text').notNull().default(''),
});
