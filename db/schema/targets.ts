/** 绩效目标, 三方联合会审, 五个同步 and 目标调整. */
import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  GRADES,
  NATURES,
  REVIEW_PARTY_CODES,
  SUBJECTS,
  SYNC_STEP_CODES,
  SYNC_TRACKS,
  TARGET_PERIODS,
  TARGET_STATUSES,
} from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { indicatorClasses, indicators } from './indicators';
import { fiscalYears } from './ledger';
import { budgetUnits, projects } from './projects';

/**
 * 绩效目标: a project's (项目支出) or a unit's (部门整体) targets for a fiscal year, with its funds by
 * source and the step it has reached. Content is editable while drafting, when returned, or while the
 * bureau completes a 良; once approved, it changes only through a recorded adjustment.
 */
export const performanceTargets = sqliteTable(
  'performance_targets',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    subject: text('subject', { enum: SUBJECTS }).notNull(),
    /** The project, for 项目支出 targets. */
    projectId: integer('project_id').references(() => projects.id, { onDelete: 'restrict' }),
    /** The unit: the project's unit, or the unit whose 部门整体 targets these are. */
    unitId: integer('unit_id')
      .notNull()
      .references(() => budgetUnits.id, { onDelete: 'restrict' }),
    /** The indicator class the project belongs to, for recommendations and mandatory indicators. */
    indicatorClassId: integer('indicator_class_id').references(() => indicatorClasses.id, { onDelete: 'restrict' }),
    status: text('status', { enum: TARGET_STATUSES }).notNull().default('draft'),
    /** 项目期, e.g. "2023年" or "2023—2025年". */
    period: text('period'),
    midTermGoal: text('mid_term_goal'),
    annualGoal: text('annual_goal').notNull().default(''),
    /** 部门整体: 年度主要任务. */
    mainTasks: text('main_tasks'),
    annualTotalFen: integer('annual_total_fen').notNull().default(0),
    annualFiscalFen: integer('annual_fiscal_fen').notNull().default(0),
    annualOtherFen: integer('annual_other_fen').notNull().default(0),
    midTotalFen: integer('mid_total_fen'),
    midFiscalFen: integer('mid_fiscal_fen'),
    midOtherFen: integer('mid_other_fen'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('performance_targets_project_unique').on(t.projectId),
    index('performance_targets_year_unit').on(t.year, t.unitId),
    check('performance_targets_subject_project', sql`(${t.subject} = 'project') = (${t.projectId} is not null)`),
  ],
);

/**
 * A target's indicator. A common indicator keeps the library id and a copy of its wording, so a later
 * edit of the library does not rewrite targets already written; a 个性 indicator has no library id.
 */
export const targetIndicators = sqliteTable(
  'target_indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetId: integer('target_id')
      .notNull()
      .references(() => performanceTargets.id, { onDelete: 'cascade' }),
    period: text('period', { enum: TARGET_PERIODS }).notNull().default('annual'),
    libraryIndicatorId: integer('library_indicator_id').references(() => indicators.id, { onDelete: 'restrict' }),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    nature: text('nature', { enum: NATURES }).notNull(),
    /** 指标值 as written ("500", "10月底前", "有效提升"). */
    value: text('value').notNull(),
    unit: text('unit'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('target_indicators_target').on(t.targetId), index('target_indicators_library').on(t.libraryIndicatorId)],
);

/** A round of 三方联合会审 on a target, with the target as it was reviewed and the combined result. */
export const reviewRounds = sqliteTable(
  'review_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetId: integer('target_id')
      .notNull()
      .references(() => performanceTargets.id, { onDelete: 'restrict' }),
    roundNo: integer('round_no').notNull(),
    startedAt: text('started_at').notNull(),
    /** JSON of the target and its indicators when the round began, for side-by-side comparison. */
    snapshot: text('snapshot').notNull(),
    result: text('result', { enum: GRADES }),
    resultNote: text('result_note'),
    decidedAt: text('decided_at'),
    decidedBy: text('decided_by'),
  },
  (t) => [uniqueIndex('review_rounds_target_round').on(t.targetId, t.roundNo)],
);

/** One party's opinion in a round: a grade on each of the four dimensions and its 修改意见. */
export const reviewOpinions = sqliteTable(
  'review_opinions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => reviewRounds.id, { onDelete: 'restrict' }),
    party: text('party', { enum: REVIEW_PARTY_CODES }).notNull(),
    reviewer: text('reviewer'),
    completeness: text('completeness', { enum: GRADES }).notNull(),
    relevance: text('relevance', { enum: GRADES }).notNull(),
    appropriateness: text('appropriateness', { enum: GRADES }).notNull(),
    feasibility: text('feasibility', { enum: GRADES }).notNull(),
    opinion: text('opinion').notNull().default(''),
    recordedAt: text('recorded_at').notNull(),
  },
  (t) => [uniqueIndex('review_opinions_round_party').on(t.roundId, t.party)],
);

/** 五个同步: the date each step was reached, for the budget and for the targets. */
export const syncDates = sqliteTable(
  'sync_dates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    targetId: integer('target_id')
      .notNull()
      .references(() => performanceTargets.id, { onDelete: 'restrict' }),
    track: text('track', { enum: SYNC_TRACKS }).notNull(),
    step: text('step', { enum: SYNC_STEP_CODES }).notNull(),
    date: text('date').notNull(),
  },
  (t) => [uniqueIndex('sync_dates_target_track_step').on(t.targetId, t.track, t.step)],
);

/** 目标调整: a change to approved targets, with the reason and both versions kept. */
export const targetAdjustments = sqliteTable('target_adjustments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  targetId: integer('target_id')
    .notNull()
    .references(() => performanceTargets.id, { onDelete: 'restrict' }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  reason: text('reason').notNull(),
  before: text('before').notNull(),
  after: text('after').notNull(),
});
