/**
 * 评价结果应用 on a 绩效自评 or 部门评价: what its result does to next year's budget. Key evaluations keep
 * theirs in result_actions (its evaluation_id is NOT NULL and migrations only add), so these live here
 * and the year's list merges both (electron/resultApplication/).
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { RESULT_ACTION_STATUSES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { projects } from './projects';
import { selfEvaluations } from './selfEvaluations';

export const selfEvaluationActions = sqliteTable(
  'self_evaluation_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    selfEvaluationId: integer('self_evaluation_id')
      .notNull()
      .references(() => selfEvaluations.id, { onDelete: 'restrict' }),
    /** Worded as result_actions words it (RESULT_ACTION_TYPES or the year's resultActions), so the two lists merge. */
    actionType: text('action_type').notNull(),
    amountFen: integer('amount_fen'),
    nextYearProjectId: integer('next_year_project_id').references(() => projects.id, { onDelete: 'restrict' }),
    status: text('status', { enum: RESULT_ACTION_STATUSES }).notNull().default('planned'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('self_evaluation_actions_evaluation').on(t.selfEvaluationId),
    check('self_evaluation_actions_amount_nonnegative', sql`${t.amountFen} is null or ${t.amountFen} >= 0`),
    check('self_evaluation_actions_status', sql`${t.status} in ('planned', 'applied', 'cancelled')`),
  ],
);
