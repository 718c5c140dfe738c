/**
 * A fiscal year's rule set: everything that differs by province or year is data here, stored with the
 * year, so changing next year's rules never rewrites last year's results. Later areas read their
 * thresholds from it; none hard-codes a band.
 */
import { z } from 'zod';
import { GRADES, SUBJECTS } from '../../db/vocabulary';
import { BENEFIT_KINDS, level2KindOf, LEVEL2_KINDS, type Level2Kind } from './level2Kinds';
import { QUALITATIVE_LEVELS } from './monitoringLabels';

/** A band's lower bound, inclusive; null for the open bottom band (JSON has no -Infinity). */
const lowerBound = z.number().nullable();
const band = z.object({ grade: z.string(), min: lowerBound });

/** Where key-evaluation subtotals come from (see keyEvaluation.subtotals). */
export const SUBTOTAL_BASES = ['fromExact', 'fromPrinted'] as const;

export const ruleSetSchema = z.object({
  /** Bumped whenever a rule's meaning changes; stored with every computed result. */
  version: z.string(),
  /** 三分法 (产出/效益/满意度) or 四分法 (产出/成本/效益/满意度). */
  indicatorLayout: z.enum(['three', 'four']),
  /** Grade bands, highest first, half-open: score ≥ min. */
  gradeBands: z.array(band).min(1),
  /** 绩效目标的机审 (rules/targetChecks.ts). */
  targets: z
    .object({
      /** The lowest 满意度 target a reviewer accepts, % (domain.md §3). */
      minSatisfactionPercent: z.number().min(0).max(100),
    })
    .default(() => ({ ...DEFAULT_TARGET_RULES })),
  exAnte: z.object({
    /** The five dimensions and their sub-items with points; a year may reweight or reword them. */
    framework: z
      .array(
        z.object({
          dimension: z.string(),
          items: z.array(z.object({ name: z.string(), points: z.number().positive(), hint: z.string() })).min(1),
        }),
      )
      .min(1)
      .default(() => DEFAULT_EX_ANTE_FRAMEWORK),
    /** What share of a sub-item's points each rating allows: [min, max], and the share it starts at. */
    ratingShares: z
      .record(z.enum(GRADES), z.object({ min: z.number(), max: z.number(), preset: z.number() }))
      .default(() => DEFAULT_RATING_SHARES),
    conclusionBands: z.array(z.object({ conclusion: z.string(), min: lowerBound })).min(1),
  }),
  monitoring: z.preprocess(
    legacyProration,
    z.object({
      rounds: z.array(
        z.object({ name: z.string(), asOfMonth: z.number().int().min(1).max(12), scope: z.enum(SUBJECTS), dueMonthDay: z.string() }),
      ),
      executionBands: z.object({ red: z.number(), yellow: z.number() }),
      completionBands: z.object({ red: z.number(), yellow: z.number(), blue: z.number() }),
      deviationNoticeThreshold: z.number(),
      /**
       * What 偏离率 compares. 'annual': 执行率 against the share of the full-year targets reached (both
       * parts of the whole year). 'schedule': 执行率/序时进度 against completion of the prorated targets
       * (both measured against the calendar). Either way the two sides measure the same thing.
       */
      deviationBasis: z.enum(['annual', 'schedule']).default('annual'),
      /**
       * Kinds of 二级 (level2Kinds.ts) whose targets accumulate over the year and are judged against the
       * share due by the month; the others are judged in range of the whole target or not.
       */
      proratedKinds: z.array(z.enum(LEVEL2_KINDS)).default(() => [...DEFAULT_PRORATED_KINDS]),
      /** How much of a 定性 indicator's target each reported level counts as, % (for 目标完成率). */
      qualitativeShares: z
        .record(z.enum(QUALITATIVE_LEVELS), z.number().min(0).max(100))
        .default(() => ({ ...DEFAULT_QUALITATIVE_SHARES })),
    }),
  ),
  selfEvaluation: z.object({
    /** 一级 weights; 产出 covers 成本 too where a 四分法 table lists 成本指标 as its own 一级. */
    weights: z.object({ execution: z.number(), output: z.number(), benefit: z.number(), satisfaction: z.number() }),
    /**
     * 实际完成值 at or above this % of a higher-is-better target is "far above": full points, but the
     * unit must explain (the target may have been set too low) and the reviewer may deduct.
     */
    farAbovePercent: z
      .number()
      .positive()
      .default(() => DEFAULT_FAR_ABOVE_PERCENT),
    /** 定性 indicators: the band of the 分值, in %, a reviewer picks the score from for each level. */
    qualitativeBands: z
      .record(z.enum(QUALITATIVE_LEVELS), z.object({ min: z.number().min(0).max(100), max: z.number().min(0).max(100) }))
      .default(() => structuredClone(DEFAULT_QUALITATIVE_BANDS)),
  }),
  keyEvaluation: z.object({
    defaultWeights: z.object({ decision: z.number(), process: z.number(), output: z.number(), benefit: z.number() }),
    resultActions: z.record(z.string(), z.string()),
    /**
     * How 二级/一级 subtotals and the total are reached (keyEvaluationScore.ts). 'fromExact': from the
     * experts' unrounded aggregates, rounded once (domain.md §9); 'fromPrinted': sums of the indicator
     * scores as printed, as some provinces print them so the table adds up line by line.
     */
    subtotals: z.enum(SUBTOTAL_BASES).default('fromExact'),
  }),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

export type SubtotalBasis = (typeof SUBTOTAL_BASES)[number];

/**
 * A year stored before the rules read 二级 by kind kept its proration list as names ('数量指标' …) in
 * `proratedLevel2`: it is read as the kinds those names stand for, so the year means what it meant. A
 * name no kind stands for is dropped — it could only match an indicator whose 二级 has no kind either.
 */
function legacyProration(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'proratedKinds' in raw || !('proratedLevel2' in raw)) return raw;
  const { proratedLevel2: names, ...rest } = raw as { proratedLevel2: unknown };
  if (!Array.isArray(names)) return raw;
  const kinds = names.map((n) => (typeof n === 'string' ? level2KindOf(n) : null)).filter((k): k is Level2Kind => k !== null);
  return { ...rest, proratedKinds: [...new Set(kinds)] };
}

/** 事前绩效评估: five dimensions of 20 points, two 10-point sub-items each (domain.md §4). */
export const DEFAULT_EX_ANTE_FRAMEWORK = [
  {
    dimension: '立项必要性',
    items: [
      { name: '政策相关性', points: 10, hint: '与国家、自治区和县委县政府决策部署及部门职能的相关程度' },
      { name: '需求迫切性', points: 10, hint: '现实需求、受益对象和问题的迫切程度，是否有事实依据' },
    ],
  },
  {
    dimension: '投入经济性',
    items: [
      { name: '投入成本合理性', points: 10, hint: '成本测算与同类项目、支出标准相比是否合理' },
      { name: '测算依据充分性', points: 10, hint: '资金测算的依据、标准和过程是否充分、可核' },
    ],
  },
  {
    dimension: '绩效目标合理性',
    items: [
      { name: '目标明确性', points: 10, hint: '绩效目标是否明确、与项目内容和资金量匹配' },
      { name: '指标科学性', points: 10, hint: '绩效指标是否细化、量化、可衡量' },
    ],
  },
  {
    dimension: '实施方案可行性',
    items: [
      { name: '方案完备性', points: 10, hint: '实施方案、进度安排和组织分工是否完整' },
      { name: '实施条件保障', points: 10, hint: '前期准备、人员、制度和技术条件是否具备' },
    ],
  },
  {
    dimension: '筹资合规性',
    items: [
      { name: '资金来源合规性', points: 10, hint: '资金来源和筹资方式是否符合规定' },
      { name: '财政承受能力', points: 10, hint: '是否在财政承受能力范围内，有无隐性债务风险' },
    ],
  },
];

/** 优 90–100%, 良 80–<90%, 中 60–<80%, 差 below 60% of a sub-item's points. */
export const DEFAULT_RATING_SHARES = {
  优: { min: 0.9, max: 1, preset: 1 },
  良: { min: 0.8, max: 0.9, preset: 0.85 },
  中: { min: 0.6, max: 0.8, preset: 0.7 },
  差: { min: 0, max: 0.6, preset: 0.4 },
};

/** 满意度 ≥ 80% (domain.md §3). */
const DEFAULT_TARGET_RULES = { minSatisfactionPercent: 80 };

/** 数量 and 效益 accumulate over the year; 质量, 时效, 成本 and 满意度 are judged against the whole target (domain.md §5). */
const DEFAULT_PRORATED_KINDS: Level2Kind[] = ['数量', ...BENEFIT_KINDS];

/** 自评: 120% of a higher-is-better target counts as far above it. */
const DEFAULT_FAR_ABOVE_PERCENT = 120;

/** 自评 定性 bands (domain.md §6): 达成 100–80%, 部分达成 80–60%, 未达成 60–0% of the 分值. */
const DEFAULT_QUALITATIVE_BANDS = { 达成: { min: 80, max: 100 }, 部分达成: { min: 60, max: 80 }, 未达成: { min: 0, max: 60 } };

/** 达成 counts in full, 部分达成 as 60%, 未达成 as nothing. */
const DEFAULT_QUALITATIVE_SHARES = { 达成: 100, 部分达成: 60, 未达成: 0 };

/** The defaults of domain.md, the common practice where the national texts leave a choice open. */
export const DEFAULT_RULE_SET: RuleSet = {
  version: '2023.1',
  indicatorLayout: 'three',
  gradeBands: [
    { grade: '优', min: 90 },
    { grade: '良', min: 80 },
    { grade: '中', min: 60 },
    { grade: '差', min: null },
  ],
  targets: DEFAULT_TARGET_RULES,
  exAnte: {
    framework: DEFAULT_EX_ANTE_FRAMEWORK,
    ratingShares: DEFAULT_RATING_SHARES,
    conclusionBands: [
      { conclusion: '予以支持', min: 80 },
      { conclusion: '调整完善后予以支持', min: 60 },
      { conclusion: '不予支持', min: null },
    ],
  },
  monitoring: {
    rounds: [
      { name: '5月项目监控', asOfMonth: 5, scope: 'project', dueMonthDay: '06-15' },
      { name: '6月部门整体监控', asOfMonth: 6, scope: 'department', dueMonthDay: '07-15' },
      { name: '8月项目监控', asOfMonth: 8, scope: 'project', dueMonthDay: '09-15' },
    ],
    executionBands: { red: 60, yellow: 80 },
    completionBands: { red: 60, yellow: 80, blue: 120 },
    deviationNoticeThreshold: 20,
    deviationBasis: 'annual',
    proratedKinds: DEFAULT_PRORATED_KINDS,
    qualitativeShares: DEFAULT_QUALITATIVE_SHARES,
  },
  selfEvaluation: {
    weights: { execution: 10, output: 50, benefit: 30, satisfaction: 10 },
    farAbovePercent: DEFAULT_FAR_ABOVE_PERCENT,
    qualitativeBands: DEFAULT_QUALITATIVE_BANDS,
  },
  keyEvaluation: {
    defaultWeights: { decision: 20, process: 20, output: 30, benefit: 30 },
    resultActions: { 优: '优先保障', 良: '合理保障', 中: '核减', 差: '取消或暂停' },
    subtotals: 'fromExact',
  },
};

export function serialiseRuleSet(rules: RuleSet): string {
  return JSON.stringify(ruleSetSchema.parse(rules));
}

export function parseRuleSet(json: string): RuleSet {
  return ruleSetSchema.parse(JSON.parse(json));
}

/** The grade of a score by the year's bands (half-open: 89.5 is 良 when 优 starts at 90). */
export function gradeOf(score: number, bands: RuleSet['gradeBands']): string {
  for (const b of bands) if (b.min === null || score >= b.min) return b.grade;
  return bands[bands.length - 1]!.grade;
}
