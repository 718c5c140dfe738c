/**
 * The ledger's vocabulary: every closed set of codes a column may hold, as constant arrays, in one
 * place. The schema, the rules, the bridge's zod inputs and (through the contract) the renderer all
 * derive their enums and types from these, so a code added here reaches every layer at once.
 *
 * This module imports nothing: it sits below db/ and may be imported by the pure rules. Where a rule
 * module keeps the zh-CN words for a set (rules/labels.ts, jointReview.ts, monitoringLabels.ts) the
 * array here is named *_CODES and the words are a Record over its type, so a code without a word is a
 * type error.
 */

/** Why a copy of the ledger was kept in its backups folder: by hand (立即备份) or automatically before a step that rewrites it. */
export const SNAPSHOT_REASONS = ['manual', 'import', 'restore', 'upgrade'] as const;
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

/** 预算年度: open for changes, or closed (关账) and read-only. */
export const YEAR_STATUSES = ['open', 'closed'] as const;
export type YearStatus = (typeof YEAR_STATUSES)[number];

/** 三分法 (产出/效益/满意度) or 四分法 (产出/成本/效益/满意度). */
export const INDICATOR_LAYOUTS = ['three', 'four'] as const;
export type IndicatorLayout = (typeof INDICATOR_LAYOUTS)[number];

/** 四本预算: 一般公共预算, 政府性基金预算, 国有资本经营预算, 社会保险基金预算. */
export const BUDGET_KIND_CODES = ['general', 'fund', 'stateCapital', 'socialInsurance'] as const;
export type BudgetKind = (typeof BUDGET_KIND_CODES)[number];

/** 新增 or 延续 project. */
export const CONTINUITIES = ['new', 'continuing'] as const;
export type Continuity = (typeof CONTINUITIES)[number];

/** Where a project stands in the 项目库: 储备, 入库, 退出. */
export const LIBRARY_STATUSES = ['reserve', 'admitted', 'withdrawn'] as const;
export type LibraryStatus = (typeof LIBRARY_STATUSES)[number];

/** 指标性质: the comparison a target value states, or 定性 for a qualitative one. */
export const NATURES = ['≥', '＞', '＝', '＜', '≤', '定性'] as const;
export type Nature = (typeof NATURES)[number];

/** Whether a library indicator serves annual targets or 部门整体 (overall) targets. */
export const INDICATOR_SCOPES = ['annual', 'overall'] as const;
export type IndicatorScope = (typeof INDICATOR_SCOPES)[number];

/** What a target, a monitoring round or a key evaluation is about: a project or a 部门整体. */
export const SUBJECTS = ['project', 'department'] as const;
export type Subject = (typeof SUBJECTS)[number];

/** 绩效目标 statuses, in the order a target moves through them. */
export const TARGET_STATUSES = [
  'draft',
  'inReview',
  'returned',
  'financeCompleting',
  'ready',
  'notArranged',
  'approved',
  'published',
] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

/** A target indicator's period: 年度 or 中期 (the whole project period). */
export const TARGET_PERIODS = ['annual', 'midTerm'] as const;
export type TargetPeriod = (typeof TARGET_PERIODS)[number];

/** 优良中差: review outcomes, the four review dimensions and the 事前评估 ratings. */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/** 三方联合会审: 预算单位, 财政业务股室, 第三方机构. */
export const REVIEW_PARTY_CODES = ['unit', 'finance', 'thirdParty'] as const;
export type ReviewParty = (typeof REVIEW_PARTY_CODES)[number];

/** 五个同步: the two tracks and their five steps. */
export const SYNC_TRACKS = ['budget', 'target'] as const;
export type SyncTrack = (typeof SYNC_TRACKS)[number];
export const SYNC_STEP_CODES = ['assign', 'declare', 'review', 'approve', 'publish'] as const;
export type SyncStep = (typeof SYNC_STEP_CODES)[number];

/** Who assesses or evaluates: the bureau itself or a third party it commissions. */
export const ASSESSORS = ['bureau', 'thirdParty'] as const;
export type Assessor = (typeof ASSESSORS)[number];

/** 事前评估: draft until finalised; its verdict decides the 项目库 gate. */
export const ASSESSMENT_STATUSES = ['draft', 'final'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];
export const VERDICTS = ['support', 'supportAfterRevision', 'reject'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** 监控表: whether the year's target will be reached, and why not. */
export const LIKELIHOOD_CODES = ['certain', 'possible', 'impossible'] as const;
export type Likelihood = (typeof LIKELIHOOD_CODES)[number];
export const DEVIATION_REASON_CODES = ['funding', 'institution', 'staffing', 'hardware', 'other'] as const;
export type DeviationReason = (typeof DEVIATION_REASON_CODES)[number];

/** The three warning lines and their colours. */
export const WARNING_LINE_CODES = ['execution', 'completion', 'deviation'] as const;
export type WarningLine = (typeof WARNING_LINE_CODES)[number];
export const WARNING_COLOURS = ['red', 'yellow', 'green', 'blue', 'none'] as const;
export type WarningColour = (typeof WARNING_COLOURS)[number];

/** 整改通知: where it came from, its status, and what happened to it. */
export const NOTICE_SOURCES = ['monitoring', 'evaluation'] as const;
export type NoticeSource = (typeof NOTICE_SOURCES)[number];
export const NOTICE_STATUSES = ['draft', 'issued', 'answered', 'closed', 'returned'] as const;
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export const NOTICE_EVENT_KINDS = ['issued', 'feedback', 'closed', 'returned', 'edited'] as const;
export type NoticeEventKind = (typeof NOTICE_EVENT_KINDS)[number];

/** 重点评价: how experts' scores are combined, and where the evaluation stands. */
export const AGGREGATIONS = ['mean', 'trimmedMean'] as const;
export type Aggregation = (typeof AGGREGATIONS)[number];
export const EVALUATION_STATUSES = ['draft', 'scoring', 'final'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];

/** 结果应用 on next year's budget: planned, applied, or cancelled. */
export const RESULT_ACTION_STATUSES = ['planned', 'applied', 'cancelled'] as const;
export type ResultActionStatus = (typeof RESULT_ACTION_STATUSES)[number];

/** 绩效自评: the unit's own (项目支出绩效自评) or its 主管部门's (部门评价) evaluation of a project. */
export const SELF_EVALUATION_KINDS = ['self', 'department'] as const;
export type SelfEvaluationKind = (typeof SELF_EVALUATION_KINDS)[number];
/** Where a self-evaluation stands: the unit fills it, submits it; the bureau returns it with findings or accepts it. */
export const SELF_EVALUATION_STATUS_CODES = ['draft', 'submitted', 'returned', 'accepted'] as const;
export type SelfEvaluationStatus = (typeof SELF_EVALUATION_STATUS_CODES)[number];

/**
 * The paragraphs of the annual summary (年度绩效工作情况) the bureau writes itself and keeps per year:
 * policy paragraphs around the computed figures, the next year's plan and the date it is signed.
 * Not a column check: a slot added later must not need a table rebuild (migrations only add).
 */
export const SUMMARY_TEXT_SLOTS = [
  'foundation',
  'indicatorLead',
  'jointReview',
  'syncPolicy',
  'exAntePolicy',
  'monitoringPolicy',
  'monitoringClosing',
  'resultPolicy',
  'resultClosing',
  'keyEvaluationPolicy',
  'keyEvaluationClosing',
  'nextYearIntro',
  'nextYearProgress',
  'nextYearPlan',
  'signDate',
] as const;
export type SummaryTextSlot = (typeof SUMMARY_TEXT_SLOTS)[number];

/**
 * 角色 of an account (rules/roles.ts holds their words and rights): the three administrators kept apart
 * (三员分立: 系统管理员, 安全管理员, 审计管理员), the business roles (经办, 审核, 只读), and 涉密查阅, which
 * is granted beside a business role to see classified (涉密) units' records.
 */
export const ROLE_CODES = ['systemAdmin', 'securityAdmin', 'auditAdmin', 'clerk', 'reviewer', 'viewer', 'classifiedReader'] as const;
export type Role = (typeof ROLE_CODES)[number];
