/** 事前绩效评估. */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ASSESSMENT_STATUSES, ASSESSORS, VERDICTS } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { projects } from './projects';

/**
 * 事前绩效评估 of a new major policy or project (or one proposed to continue). The scores are kept as
 * rated (JSON of sub-item ratings, points and 评分依据); a final assessment also keeps the total, its
 * verdict and the rule version it was scored under. The verdict is a code so the 入库 gate (a trigger
 * in the migrations) does not depend on how a year words its conclusions.
 */
export const exAnteAssessments = sqliteTable(
  'ex_ante_assessments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    /** The project's or policy's name as assessed. */
    subjectName: text('subject_name').notNull(),
    assessor: text('assessor', { enum: ASSESSORS }).notNull(),
    assessorName: text('assessor_name'),
    /** 建议预算数 in 分. */
    recommendedBudgetFen: integer('recommended_budget_fen'),
    /** 评估工作开展情况. */
    workSummary: text('work_summary'),
    findings: text('findings'),
    suggestions: text('suggestions'),
    otherNotes: text('other_notes'),
    scores: text('scores').notNull().default('[]'),
    status: text('status', { enum: ASSESSMENT_STATUSES }).notNull().default('draft'),
    total: real('total'),
    verdict: text('verdict', { enum: VERDICTS }),
    conclusion: text('conclusion'),
    ruleVersion: text('rule_version'),
    finalizedAt: text('finalized_at'),
    /** 调整完善后予以支持: the revised plan, and who re-checked it when. */
    revisedPlan: text('revised_plan'),
    recheckedAt: text('rechecked_at'),
    recheckedBy: text('rechecked_by'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('ex_ante_assessments_project').on(t.projectId), index('ex_ante_assessments_year').on(t.year)],
);
