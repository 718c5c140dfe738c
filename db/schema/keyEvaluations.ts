/** 重点绩效评价: evaluations, experts, scores, result actions and the bureau's framework templates. */
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { AGGREGATIONS, ASSESSORS, EVALUATION_STATUSES, RESULT_ACTION_STATUSES, SUBJECTS } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { budgetUnits, projects } from './projects';
import { rectificationNotices } from './rectification';

/**
 * 财政重点绩效评价: a project's or a unit's 部门整体 key evaluation of the year. The framework (一级 →
 * 二级 → 三级 with points, rules/keyEvaluationScore.ts Framework) is JSON, copied from a template and
 * re-weighted per evaluation; the experts' scores live in expert_scores. Finalising fixes the total,
 * the grade and the rule version they were computed under.
 */
export const keyEvaluations = sqliteTable(
  'key_evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    subject: text('subject', { enum: SUBJECTS }).notNull(),
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    /** The project's unit, or the unit whose 部门整体 spending is evaluated. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => budgetUnits.id, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    /** 选题理由: why it was chosen (influence, public attention, money). */
    selectionReason: text('selection_reason').notNull().default(''),
    evaluator: text('evaluator', { enum: ASSESSORS }).notNull(),
    evaluatorName: text('evaluator_name'),
    /** 涉及资金 in 分. */
    coveredFen: integer('covered_fen').notNull().default(0),
    aggregation: text('aggregation', { enum: AGGREGATIONS }).notNull().default('mean'),
    status: text('status', { enum: EVALUATION_STATUSES }).notNull().default('draft'),
    /** The template the framework came from ("national10", "department" or "bureau:<id>", services/frameworkTemplates.ts); null when written by hand. */
    templateId: text('template_id'),
    framework: text('framework').notNull().default('[]'),
    /** 存在的问题及原因分析. */
    findings: text('findings'),
    /** 有关建议. */
    recommendations: text('recommendations'),
    /** 主要经验及做法. */
    experience: text('experience'),
    /** 其他需要说明的问题. */
    otherNotes: text('other_notes'),
    total: real('total'),
    grade: text('grade'),
    ruleVersion: text('rule_version'),
    finalizedAt: text('finalized_at'),
    /** The 整改通知 the findings were issued as. */
    noticeId: integer('notice_id').references(() => rectificationNotices.id, { onDelete: 'restrict' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('key_evaluations_year').on(t.year),
    index('key_evaluations_project').on(t.projectId),
    index('key_evaluations_unit').on(t.unitId),
    check('key_evaluations_subject_project', sql`(${t.subject} = 'project') = (${t.projectId} is not null)`),
    check('key_evaluations_covered_nonnegative', sql`${t.coveredFen} >= 0`),
  ],
);

/** An evaluation's experts (or the third party's scorers), in the order the scoring table prints them. */
export const evaluationExperts = sqliteTable(
  'evaluation_experts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => keyEvaluations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [uniqueIndex('evaluation_experts_name').on(t.evaluationId, t.name)],
);

/** One expert's score on one 三级 indicator (by its code in the framework), with 得分依据. */
export const expertScores = sqliteTable(
  'expert_scores',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => keyEvaluations.id, { onDelete: 'cascade' }),
    expertId: integer('expert_id')
      .notNull()
      .references(() => evaluationExperts.id, { onDelete: 'cascade' }),
    indicatorCode: text('indicator_code').notNull(),
    score: real('score'),
    basis: text('basis').notNull().default(''),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('expert_scores_expert_indicator').on(t.expertId, t.indicatorCode),
    index('expert_scores_evaluation').on(t.evaluationId),
  ],
);

/**
 * 评价结果应用: what an evaluation's result does to next year's budget (优先保障, 合理保障, 核减, 取消或暂停,
 * 收回资金 …), with the amount and the next year's project where they apply.
 */
export const resultActions = sqliteTable(
  'result_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evaluationId: integer('evaluation_id')
      .notNull()
      .references(() => keyEvaluations.id, { onDelete: 'restrict' }),
    /** The action as the year's rules word it (ruleSet.keyEvaluation.resultActions) or one of RESULT_ACTION_TYPES. */
    actionType: text('action_type').notNull(),
    amountFen: integer('amount_fen'),
    nextYearProjectId: integer('next_year_project_id').references(() => projects.id, { onDelete: 'restrict' }),
    status: text('status', { enum: RESULT_ACTION_STATUSES }).notNull().default('planned'),
    note: text('note'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('result_actions_evaluation').on(t.evaluationId),
    check('result_actions_amount_nonnegative', sql`${t.amountFen} is null or ${t.amountFen} >= 0`),
  ],
);

/**
 * 评价指标体系模板 the bureau maintains (copied from a shipped template or from an evaluation's
 * framework, then edited). The shipped templates (10号框架, 部门整体) stay in
 * rules/keyEvaluationFrameworks.ts and are never stored here.
 */
export const frameworkTemplates = sqliteTable(
  'framework_templates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    framework: text('framework').notNull(),
    /** Where it was copied from, in words ("复制自：…", "取自评价：…"). */
    origin: text('origin').notNull().default(''),
    /** 停用: no longer offered for new frameworks; evaluations built from it keep their copy. */
    retired: integer('retired', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('framework_templates_name').on(t.name)],
);
