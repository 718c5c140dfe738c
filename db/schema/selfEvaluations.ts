/** 绩效自评 and 部门评价: a project's evaluation of its year, its funds, its indicators and the computed score. */
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { NATURES, SELF_EVALUATION_KINDS, SELF_EVALUATION_STATUS_CODES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { projects } from './projects';
import { performanceTargets } from './targets';

/**
 * 项目支出绩效自评表 (or a 部门评价 of the same project): one per project and kind; the project's year is
 * the evaluated year. Funds are the form's block — 年度资金总额 (what the 执行率 is scored on) and its
 * rows 当年财政拨款 / 上年结转 / 其他资金 — each as 年初预算数, 全年预算数, 全年执行数 in 分 (null: not
 * given). The total, grade and completeness are as last computed, with the rule version they were
 * computed under, the way warnings keep theirs.
 */
export const selfEvaluations = sqliteTable(
  'self_evaluations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    kind: text('kind', { enum: SELF_EVALUATION_KINDS }).notNull(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    /** The approved target the indicators were taken from. */
    targetId: integer('target_id').references(() => performanceTargets.id, { onDelete: 'restrict' }),
    status: text('status', { enum: SELF_EVALUATION_STATUS_CODES }).notNull().default('draft'),
    /** False: the form is scored but given no grade (a self-evaluation may be ungraded). */
    graded: integer('graded', { mode: 'boolean' }).notNull().default(true),
    initialFen: integer('initial_fen'),
    budgetFen: integer('budget_fen'),
    executedFen: integer('executed_fen'),
    fiscalInitialFen: integer('fiscal_initial_fen'),
    fiscalBudgetFen: integer('fiscal_budget_fen'),
    fiscalExecutedFen: integer('fiscal_executed_fen'),
    carryoverInitialFen: integer('carryover_initial_fen'),
    carryoverBudgetFen: integer('carryover_budget_fen'),
    carryoverExecutedFen: integer('carryover_executed_fen'),
    otherInitialFen: integer('other_initial_fen'),
    otherBudgetFen: integer('other_budget_fen'),
    otherExecutedFen: integer('other_executed_fen'),
    /** Where the pre-filled 全年执行数 came from (the monitoring round's execution data), in words; null when typed. */
    executionSource: text('execution_source'),
    /** The reviewer's 执行率 score where 全年预算数 is 0 and the rate is "—". */
    executionChosenScore: real('execution_chosen_score'),
    /** 年度总体目标: 预期目标 and 实际完成情况. */
    goalExpected: text('goal_expected').notNull().default(''),
    goalActual: text('goal_actual').notNull().default(''),
    /** The bureau's findings when it returns the form to the unit. */
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
  (t) => [
    uniqueIndex('self_evaluations_project_kind').on(t.projectId, t.kind),
    index('self_evaluations_year').on(t.year),
    check(
      'self_evaluations_funds_nonnegative',
      sql`coalesce(${t.initialFen}, 0) >= 0 and coalesce(${t.budgetFen}, 0) >= 0 and coalesce(${t.executedFen}, 0) >= 0`,
    ),
  ],
);

/** A self-evaluation's indicator: as the target set it, with the unit's 实际完成值, 分值, chosen score and 偏差原因. */
export const selfEvaluationIndicators = sqliteTable(
  'self_evaluation_indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    selfEvaluationId: integer('self_evaluation_id')
      .notNull()
      .references(() => selfEvaluations.id, { onDelete: 'cascade' }),
    sortOrder: integer('sort_order').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    nature: text('nature', { enum: NATURES }).notNull(),
    /** 年度指标值 as written, and its unit. */
    target: text('target').notNull(),
    unit: text('unit'),
    /** 实际完成值 as written; for 定性 one of 达成 / 部分达成 / 未达成. */
    actual: text('actual').notNull().default(''),
    points: real('points').notNull(),
    /** 定性 (or a far-above deduction): the reviewer's score within the band; null = the band's top. */
    chosenScore: real('chosen_score'),
    /** 偏差原因分析及改进措施. */
    explanation: text('explanation').notNull().default(''),
  },
  (t) => [index('self_evaluation_indicators_evaluation').on(t.selfEvaluationId, t.sortOrder)],
);
