/** 绩效监控: rounds, execution data, monitoring forms and the computed warnings. */
import { sql } from 'drizzle-orm';
import { check, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { DEVIATION_REASON_CODES, LIKELIHOOD_CODES, SUBJECTS, WARNING_COLOURS, WARNING_LINE_CODES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';
import { fiscalYears } from './ledger';
import { projects } from './projects';
import { performanceTargets } from './targets';

/** 监控轮次: a checkpoint of the year (name, as-of month, 项目 or 部门整体, due date). */
export const monitoringRounds = sqliteTable(
  'monitoring_rounds',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    name: text('name').notNull(),
    asOfMonth: integer('as_of_month').notNull(),
    scope: text('scope', { enum: SUBJECTS }).notNull(),
    dueDate: text('due_date').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('monitoring_rounds_year_name').on(t.year, t.name),
    check('monitoring_rounds_month', sql`${t.asOfMonth} between 1 and 12`),
  ],
);

/** A project's funds at a round, as the budget platform's execution export gave them (amounts in 分). */
export const executionRecords = sqliteTable(
  'execution_records',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'restrict' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    initialBudgetFen: integer('initial_budget_fen'),
    adjustedBudgetFen: integer('adjusted_budget_fen').notNull(),
    executedFen: integer('executed_fen').notNull(),
    expectedFullYearFen: integer('expected_full_year_fen'),
    sourceFile: text('source_file').notNull(),
    sourceRow: integer('source_row').notNull(),
    importedAt: text('imported_at').notNull(),
  },
  (t) => [uniqueIndex('execution_records_round_project').on(t.roundId, t.projectId)],
);

/** A row of the platform's export matched by hand to a project, remembered for the next import. */
export const executionMatches = sqliteTable(
  'execution_matches',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    year: integer('year')
      .notNull()
      .references(() => fiscalYears.year, { onDelete: 'restrict' }),
    /** The unit and project names as the platform writes them. */
    unitName: text('unit_name').notNull(),
    projectName: text('project_name').notNull(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    /** When and from which file the match was made or last changed; null for matches made before 0009. */
    rememberedAt: text('remembered_at'),
    rememberedFrom: text('remembered_from'),
  },
  (t) => [uniqueIndex('execution_matches_key').on(t.year, t.unitName, t.projectName)],
);

/** 监控表: a unit's report on one target indicator at a round. */
export const monitoringEntries = sqliteTable(
  'monitoring_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'restrict' }),
    targetIndicatorKey: text('target_indicator_key').notNull(),
    targetId: integer('target_id')
      .notNull()
      .references(() => performanceTargets.id, { onDelete: 'restrict' }),
    /** The indicator as it stood in the target (name, level2, nature, value, unit), JSON. */
    indicator: text('indicator').notNull(),
    currentValue: text('current_value').notNull().default(''),
    expectedValue: text('expected_value').notNull().default(''),
    likelihood: text('likelihood', { enum: LIKELIHOOD_CODES }),
    deviationReason: text('deviation_reason', { enum: DEVIATION_REASON_CODES }),
    explanation: text('explanation'),
    correctiveAction: text('corrective_action'),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('monitoring_entries_round_indicator').on(t.roundId, t.targetId, t.targetIndicatorKey)],
);

/** A computed warning: the line, its colour, the inputs and the rule version it was computed under. */
export const warnings = sqliteTable(
  'warnings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    roundId: integer('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'restrict' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    line: text('line', { enum: WARNING_LINE_CODES }).notNull(),
    colour: text('colour', { enum: WARNING_COLOURS }).notNull(),
    /** The headline figure: the ratio (lines 1, 2) or the deviation in points (line 3); null for "—". */
    value: real('value'),
    text: text('text').notNull(),
    inputs: text('inputs').notNull(),
    ruleVersion: text('rule_version').notNull(),
    computedAt: text('computed_at').notNull(),
  },
  (t) => [uniqueIndex('warnings_round_project_line').on(t.roundId, t.projectId, t.line)],
);
