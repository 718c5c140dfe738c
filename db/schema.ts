/**
 * The ledger's tables. Money is integer 分 (fen) everywhere; enumerations are stored as English codes
 * whose zh-CN labels live in electron/rules/labels.ts. Migrations are generated from this file by
 * drizzle-kit (npm run db:generate) and only ever add.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import {
  AGGREGATIONS,
  ASSESSMENT_STATUSES,
  ASSESSORS,
  BUDGET_KIND_CODES,
  CONTINUITIES,
  DEVIATION_REASON_CODES,
  EVALUATION_STATUSES,
  GRADES,
  INDICATOR_SCOPES,
  LIBRARY_STATUSES,
  LIKELIHOOD_CODES,
  NATURES,
  NOTICE_EVENT_KINDS,
  NOTICE_SOURCES,
  NOTICE_STATUSES,
  RESULT_ACTION_STATUSES,
  REVIEW_PARTY_CODES,
  SUBJECTS,
  SYNC_STEP_CODES,
  SYNC_TRACKS,
  TARGET_PERIODS,
  TARGET_STATUSES,
  VERDICTS,
  WARNING_COLOURS,
  WARNING_LINE_CODES,
  YEAR_STATUSES,
} from './vocabulary';

const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);
const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`);

/** 预算年度: every year carries its own rule set (JSON, validated by rules/ruleSet.ts). A closed year is read-only. */
export const fiscalYears = sqliteTable(
  'fiscal_years',
  {
    year: integer('year').primaryKey(),
    status: text('status', { enum: YEAR_STATUSES }).notNull().default('open'),
    ruleSet: text('rule_set').notNull(),
    createdAt: createdAt(),
  },
  (t) => [check('fiscal_years_year_range', sql`${t.year} between 2000 and 2100`)],
);

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
  (t) => [uniqueIndex('budget_units_name_unique').on(t.name), uniqueIndex('budget_units_code_unique').on(t.code), index('budget_units_parent').on(t.parentId)],
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
    /** 项目类型, e.g. 重点建设项目 / 政府购买服务 / 补助补贴 (free list kept in rules/labels.ts). */
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

/**
 * Append-only audit log, hash-chained: hash = sha256(prev_hash + canonical row). Triggers in a custom
 * migration refuse UPDATE and DELETE so the chain can only grow.
 */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  before: text('before'),
  after: text('after'),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

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
    status: text('status', { enum: TARGET_STATUSES })
      .notNull()
      .default('draft'),
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
  (t) => [uniqueIndex('monitoring_rounds_year_name').on(t.year, t.name), check('monitoring_rounds_month', sql`${t.asOfMonth} between 1 and 12`)],
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
  (t) => [uniqueIndex('expert_scores_expert_indicator').on(t.expertId, t.indicatorCode), index('expert_scores_evaluation').on(t.evaluationId)],
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
  (t) => [index('result_actions_evaluation').on(t.evaluationId), check('result_actions_amount_nonnegative', sql`${t.amountFen} is null or ${t.amountFen} >= 0`)],
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

/**
 * 本局信息: the bureau's own name and 发文字号前缀 (validated by rules/ledgerSettingsRules.ts). At most one
 * row (id 1); a new ledger has none until the clerk fills 设置 → 本局信息.
 */
export const ledgerSettings = sqliteTable(
  'ledger_settings',
  {
    id: integer('id').primaryKey(),
    bureauName: text('bureau_name').notNull(),
    /** Null until set; issuing a 整改通知 needs it. */
    noticePrefix: text('notice_prefix'),
    updatedAt: updatedAt(),
  },
  (t) => [check('ledger_settings_single_row', sql`${t.id} = 1`)],
);
