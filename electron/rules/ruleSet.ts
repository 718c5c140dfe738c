/**
 * A fiscal year's rule set: everything that differs by province or year is data here, stored with the
 * year, so changing next year's rules never rewrites last year's results. Later areas read their
 * thresholds from it; none hard-codes a band.
 */
import { z } from 'zod';

/** A band's lower bound, inclusive; null for the open bottom band (JSON has no -Infinity). */
const lowerBound = z.number().nullable();
const band = z.object({ grade: z.string(), min: lowerBound });

export const ruleSetSchema = z.object({
  /** Bumped whenever a rule's meaning changes; stored with every computed result. */
  version: z.string(),
  /** 三分法 (产出/效益/满意度) or 四分法 (产出/成本/效益/满意度). */
  indicatorLayout: z.enum(['three', 'four']),
  /** Grade bands, highest first, half-open: score ≥ min. */
  gradeBands: z.array(band).min(1),
  exAnte: z.object({
    dimensionPoints: z.record(z.string(), z.number()),
    conclusionBands: z.array(z.object({ conclusion: z.string(), min: lowerBound })).min(1),
  }),
  monitoring: z.object({
    rounds: z.array(z.object({ name: z.string(), asOfMonth: z.number().int().min(1).max(12), scope: z.enum(['project', 'department']), dueMonthDay: z.string() })),
    executionBands: z.object({ red: z.number(), yellow: z.number() }),
    completionBands: z.object({ red: z.number(), yellow: z.number(), blue: z.number() }),
    deviationNoticeThreshold: z.number(),
  }),
  selfEvaluation: z.object({
    weights: z.object({ execution: z.number(), output: z.number(), benefit: z.number(), satisfaction: z.number() }),
  }),
  keyEvaluation: z.object({
    defaultWeights: z.object({ decision: z.number(), process: z.number(), output: z.number(), benefit: z.number() }),
    resultActions: z.record(z.string(), z.string()),
  }),
});

export type RuleSet = z.infer<typeof ruleSetSchema>;

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
  exAnte: {
    dimensionPoints: { 立项必要性: 20, 投入经济性: 20, 绩效目标合理性: 20, 实施方案可行性: 20, 筹资合规性: 20 },
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
  },
  selfEvaluation: { weights: { execution: 10, output: 50, benefit: 30, satisfaction: 10 } },
  keyEvaluation: {
    defaultWeights: { decision: 20, process: 20, output: 30, benefit: 30 },
    resultActions: { 优: '优先保障', 良: '合理保障', 中: '核减', 差: '取消或暂停' },
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
