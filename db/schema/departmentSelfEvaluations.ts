/** 部门整体自评: a 主管部门's self-evaluation of its year on a framework copied from a template. */
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SELF_EVALUATION_STATUS_CODES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { budgetUnits } from './projects';

/**
 * One per unit and year. The framework (Framework of rules/keyEvaluationScore.ts, as JSON) is copied
 * from the chosen template at creation, so later template edits never change a filled evaluation. The
 * total, grade and completeness are as last computed, with the rule version.
 */
export const departmentSelfEvaluations = sqliteTable(
  'department_self_evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => budgetUnits.id, { onDelete: 'restrict' }),
    /** The template it was built from ("department" or "bureau:<id>") and its name at the time. */
    templateId: text('template_id').notNull(),
    templateName: text('template_name').notNull(),
    framework: text('framework').notNull(),
    status: text('status', { enum: SELF_EVALUATION_STATUS_CODES }).notNull().default('draft'),
    findings: text('findings'),
    total: real('total'),
    grade: text('grade'),
    complete: integer('complete', { mode: 'boolean' }).notNull().default(false),
    ruleVersion: text('rule_version'),
    computedAt: text('computed_at'),
    submittedAt: text('submitted_at'),
    decidedAt: text('decided_at'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('department_self_evaluations_year_unit').on(t.year, t.unitId), index('department_self_evaluations_year').on(t.year)],
);

/** The unit's entry on one 三级 indicator of its framework: 实际完成情况, 得分 (null: not yet scored), 得分说明. */
export const departmentSelfEvaluationEntries = sqliteTable(
  'department_self_evaluation_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => departmentSelfEvaluations.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    actual: text('actual').notNull().default(''),
    score: real('score'),
    explanation: text('explanation').notNull().default(''),
  },
  (t) => [uniqueIndex('department_self_evaluation_entries_code').on(t.evaluationId, t.indicatorCode)],
);
