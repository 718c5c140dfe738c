/**
 * 项目支出绩效自评 scoring (domain.md §6, §9), table-driven at the edges: a real-style training
 * project's 自评表 with its funds and six indicators, varied one figure at a time.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, parseRuleSet, serialiseRuleSet, type RuleSet } from '../../electron/rules/ruleSet';
import {
  scoreSelfEvaluation,
  selfEvaluationLevel1,
  type SelfEvaluationFunds,
  type SelfEvaluationIndicatorInput,
} from '../../electron/rules/selfEvaluationScore';

const FUNDS: SelfEvaluationFunds = { initialFen: 100_000_000, budgetFen: 100_000_000, executedFen: 95_000_000 };

const ind = (over: Partial<SelfEvaluationIndicatorInput> & Pick<SelfEvaluationIndicatorInput, 'name'>): SelfEvaluationIndicatorInput => ({
  level1: '产出指标',
  level2: '数量指标',
  nature: '≥',
  target: '',
  actual: '',
  points: 10,
  explanation: '',
  ...over,
});

/** 产出 50 (成本 included), 效益 30, 满意度 10: every indicator met. */
const BASE: SelfEvaluationIndicatorInput[] = [
  ind({ name: '培训人数', target: '≥500人', actual: '500人', points: 20 }),
  ind({ name: '培训合格率', level2: '质量指标', target: '≥95%', actual: '96%', points: 15 }),
  ind({ name: '按期完成率', level2: '时效指标', nature: '＝', target: '100%', actual: '100%', points: 10 }),
  ind({ name: '人均培训成本', level2: '成本指标', nature: '≤', target: '1000元/人', actual: '980', points: 5 }),
  ind({ name: '就业能力提升', level1: '效益指标', level2: '社会效益指标', nature: '定性', target: '有效提升', actual: '达成', points: 30 }),
  ind({ name: '受训人员满意度', level1: '满意度指标', level2: '服务对象满意度指标', target: '≥90%', actual: '93%', points: 10 }),
];

function score(
  change: Record<string, Partial<SelfEvaluationIndicatorInput>> = {},
  funds: Partial<SelfEvaluationFunds> = {},
  rules: RuleSet = DEFAULT_RULE_SET,
  indicators: SelfEvaluationIndicatorInput[] = BASE,
) {
  const changed = indicators.map((i) => ({ ...i, ...change[i.name] }));
  return scoreSelfEvaluation({ funds: { ...FUNDS, ...funds }, indicators: changed, graded: true }, rules);
}

const scoreOf = (result: ReturnType<typeof score>, name: string, list = BASE) => result.indicators[list.findIndex((i) => i.name === name)]!;

describe('项目支出绩效自评 scoring', () => {
  it('gives full points to every met indicator and 分值 × 执行率 for the funds', () => {
    const r = score();
    expect(r.execution).toEqual({ rate: 95, points: 10, score: 9.5, problem: null });
    expect(r.indicators.map((i) => i.score)).toEqual([20, 15, 10, 5, 30, 10]);
    expect(r.level1).toEqual([
      { name: '预算执行率', points: 10, score: 9.5 },
      { name: '产出指标', points: 50, score: 50 },
      { name: '效益指标', points: 30, score: 30 },
      { name: '满意度指标', points: 10, score: 10 },
    ]);
    expect(r).toMatchObject({ total: 99.5, grade: '优', complete: true, problems: [], notices: [] });
  });

  it.each([
    ['partly met: 分值 × 完成值 / 指标值', '培训人数', { actual: '450人' }, 18, ['notMet', 'needsExplanation']],
    ['partly met with its 偏差原因 written', '培训人数', { actual: '450', explanation: '两期培训因疫情合并' }, 18, ['notMet']],
    ['a fraction written for a rate, against a % target', '培训合格率', { actual: '0.9' }, 14.21, ['notMet', 'needsExplanation']],
    ['a rate written with %, below 1%', '培训合格率', { actual: '0.95%' }, 0.15, ['notMet', 'needsExplanation']],
    ['lower is better, kept under: full', '人均培训成本', { actual: '800' }, 5, []],
    ['lower is better, exceeded: 分值 × 指标值 / 完成值', '人均培训成本', { actual: '1250元/人' }, 4, ['notMet', 'needsExplanation']],
    ['＝100% missed: proportional', '按期完成率', { actual: '90%' }, 9, ['notMet', 'needsExplanation']],
    ['just under far above (119.8%)', '培训人数', { actual: '599' }, 20, []],
    ['far above (120%): full points, flagged', '培训人数', { actual: '600人' }, 20, ['farAbove', 'needsExplanation']],
    ['far above, explained', '培训人数', { actual: '800', explanation: '补充开设夜班' }, 20, ['farAbove']],
    ['far above, the reviewer deducts', '培训人数', { actual: '800', chosenScore: 16, explanation: '目标偏低' }, 16, ['farAbove']],
    ['定性 达成: the band top by default', '就业能力提升', {}, 30, []],
    ['定性 部分达成: 80% of 分值 by default', '就业能力提升', { actual: '部分达成' }, 24, ['notMet', 'needsExplanation']],
    ['定性 部分达成, picked inside its band', '就业能力提升', { actual: '部分达成', chosenScore: 18 }, 18, ['notMet', 'needsExplanation']],
    ['定性 未达成: 60% of 分值 at most', '就业能力提升', { actual: '未达成', explanation: '企业用工减少' }, 18, ['notMet']],
    ['定性 达成 picked at its band bottom', '就业能力提升', { chosenScore: 24 }, 24, []],
  ] as const)('%s', (_, name, change, expected, flags) => {
    const r = score({ [name]: change });
    expect(scoreOf(r, name)).toMatchObject({ score: expected, flags, problem: null });
    expect(r.complete).toBe(true);
  });

  it('reports bands: 定性 by its level, far above from 0 to full, none where the figures decide', () => {
    const r = score({ 就业能力提升: { actual: '部分达成' }, 培训人数: { actual: '700' } });
    expect(scoreOf(r, '就业能力提升').band).toEqual({ min: 18, max: 24 });
    expect(scoreOf(r, '培训人数').band).toEqual({ min: 0, max: 20 });
    expect(scoreOf(r, '培训合格率').band).toBeNull();
  });

  it('takes a pick exactly on a band edge, and bands of any share', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      selfEvaluation: {
        ...DEFAULT_RULE_SET.selfEvaluation,
        qualitativeBands: { 达成: { min: 85.5, max: 100 }, 部分达成: { min: 60, max: 85.5 }, 未达成: { min: 0, max: 60 } },
      },
    };
    const edge = score({ 就业能力提升: { points: 0.35, chosenScore: 0.21, actual: '部分达成' }, 受训人员满意度: { points: 39.65 } });
    expect(scoreOf(edge, '就业能力提升')).toMatchObject({ score: 0.21, band: { min: 0.21, max: 0.28 }, problem: null });
    expect(scoreOf(score({ 就业能力提升: { actual: '部分达成' } }, {}, rules), '就业能力提升').score).toBe(25.65);
  });

  it('scores a cap of ＝0 by whether it stayed at 0', () => {
    const accidents = ind({ name: '安全事故', level2: '质量指标', nature: '＝', target: '0起', actual: '0', points: 5 });
    const list = [...BASE.map((i) => (i.name === '人均培训成本' ? accidents : i))];
    expect(scoreOf(score({}, {}, DEFAULT_RULE_SET, list), '安全事故', list)).toMatchObject({ score: 5, flags: [] });
    expect(scoreOf(score({ 安全事故: { actual: '1起' } }, {}, DEFAULT_RULE_SET, list), '安全事故', list)).toMatchObject({
      score: 0,
      flags: ['notMet', 'needsExplanation'],
    });
  });

  it.each([
    [
      'a 定性 pick outside its band',
      { 就业能力提升: { actual: '部分达成', chosenScore: 26 } },
      '就业能力提升',
      '得分应在 18.00–24.00 分之间，现为 26.00 分',
    ],
    [
      'a far-above deduction above its 分值',
      { 培训人数: { actual: '700', chosenScore: 21 } },
      '培训人数',
      '得分应在 0–20.00 分之间，现为 21.00 分',
    ],
    ['a 定性 actual that is no level', { 就业能力提升: { actual: '基本完成' } }, '就业能力提升', '请填写 达成、部分达成 或 未达成'],
    ['an actual with no number', { 培训合格率: { actual: '/' } }, '培训合格率', '实际完成值没有可计算的数值（现为“/”）'],
  ] as const)('refuses %s and withholds the grade', (_, change, name, message) => {
    const r = score(change);
    expect(scoreOf(r, name).score).toBeNull();
    expect(scoreOf(r, name).problem).toContain(message);
    expect(r.problems).toEqual([scoreOf(r, name).problem]);
    expect(r).toMatchObject({ complete: false, grade: null });
  });

  it.each([
    ['execution above 100%: capped at full points', { executedFen: 120_000_000 }, 120, 10],
    ['nothing executed', { executedFen: 0 }, 0, 0],
    ['a 0.00 年初预算数 is no matter: 全年预算数 decides', { initialFen: 0, budgetFen: 50_000_000, executedFen: 40_000_000 }, 80, 8],
    ['a third of the budget: exact, shown to the hundredth', { budgetFen: 300, executedFen: 100 }, 100 / 3, 3.33],
  ] as const)('执行率 %s', (_, funds, rate, points) => {
    const r = score({}, funds);
    expect(r.execution.rate).toBeCloseTo(rate, 10);
    expect(r.execution.score).toBe(points);
    expect(r.complete).toBe(true);
  });

  it('shows a zero 全年预算数 as "—" and waits for the reviewer to score it', () => {
    const r = score({}, { budgetFen: 0, executedFen: 0 });
    expect(r.execution).toMatchObject({ rate: null, points: 10, score: null });
    expect(r.problems).toEqual(['全年预算数为 0，执行率为“—”，请人工核定预算执行率得分（0–10.00 分）']);
    expect(r).toMatchObject({ complete: false, grade: null, total: 90 });

    const chosen = score({}, { budgetFen: 0, executedFen: 0, chosenScore: 10 });
    expect(chosen).toMatchObject({ execution: { rate: null, score: 10 }, total: 100, grade: '优', complete: true });
    expect(score({}, { budgetFen: 0, chosenScore: 11 }).problems).toEqual(['预算执行率得分 11.00 超出 0–10.00 分，请改正']);
  });

  it('asks for a missing 全年执行数 rather than scoring it 0', () => {
    const r = score({}, { executedFen: null });
    expect(r.problems).toEqual(['请填写全年执行数，才能计算预算执行率得分']);
    expect(r.grade).toBeNull();
  });

  it.each([
    [89.99, '良', '499.75'],
    [90, '优', '500'],
  ])('grades %d as %s on the half-open bands', (total, grade, actual) => {
    const r = score({ 培训人数: { actual, explanation: '略有不足' } }, { executedFen: 0 });
    expect(r.total).toBe(total);
    expect(r.grade).toBe(grade);
  });

  it('leaves an ungraded self-evaluation without a grade but with its total', () => {
    const r = scoreSelfEvaluation({ funds: FUNDS, indicators: BASE, graded: false }, DEFAULT_RULE_SET);
    expect(r).toMatchObject({ total: 99.5, grade: null, complete: true });
  });

  it('rounds once from the exact parts: three thirds of 31 make 31.00, not 30.99', () => {
    const third = (name: string) => ind({ name, target: '45', actual: '31', points: 15, explanation: '进度滞后' });
    const list = [third('甲'), third('乙'), third('丙'), ...BASE.slice(3)];
    const r = score({}, {}, DEFAULT_RULE_SET, list);
    expect(r.indicators.slice(0, 3).map((i) => i.score)).toEqual([10.33, 10.33, 10.33]);
    expect(r.level1[1]).toEqual({ name: '产出指标', points: 50, score: 36 });
    expect(r.total).toBe(9.5 + 36 + 30 + 10);
  });

  it('scores with the year’s weights 20/40/40 and follows the 一级 as written', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      selfEvaluation: { ...DEFAULT_RULE_SET.selfEvaluation, weights: { execution: 20, output: 40, benefit: 40, satisfaction: 0 } },
    };
    const list = [
      ind({ name: '培训人数', target: '500', actual: '500', points: 30 }),
      ind({ name: '人均培训成本', level2: '成本指标', nature: '≤', target: '1000', actual: '980', points: 10 }),
      ind({
        name: '就业能力提升',
        level1: '效益指标',
        level2: '社会效益指标',
        nature: '定性',
        target: '有效提升',
        actual: '达成',
        points: 30,
      }),
      // 满意度 printed under 效益 in this province's table: it counts where it is written.
      ind({
        name: '受训人员满意度',
        level1: '效益指标',
        level2: '服务对象满意度指标',
        target: '≥90%',
        actual: '81%',
        points: 10,
        explanation: '食宿安排不足',
      }),
    ];
    const r = score({}, {}, rules, list);
    expect(r.execution).toMatchObject({ rate: 95, points: 20, score: 19 });
    expect(r.level1).toEqual([
      { name: '预算执行率', points: 20, score: 19 },
      { name: '产出指标', points: 40, score: 40 },
      { name: '效益指标', points: 40, score: 39 },
      { name: '满意度指标', points: 0, score: 0 },
    ]);
    expect(r).toMatchObject({ total: 98, grade: '优', complete: true });
  });

  it('says which 一级 does not add up to its weight, and withholds the grade', () => {
    const r = score({ 受训人员满意度: { points: 8 } });
    expect(r.problems).toEqual(['满意度指标的三级指标分值合计 8.00 分，本年度规则中该一级指标为 10.00 分，请调整各指标分值']);
    expect(r).toMatchObject({ complete: false, grade: null, total: 97.5 });
  });

  it('keeps 成本指标 as its own 一级 where the table writes it so, within the 产出 weight', () => {
    const r = score({ 人均培训成本: { level1: '成本指标', actual: '1250' } });
    expect(r.level1.map((l) => [l.name, l.points, l.score])).toEqual([
      ['预算执行率', 10, 9.5],
      ['产出指标', 45, 45],
      ['成本指标', 5, 4],
      ['效益指标', 30, 30],
      ['满意度指标', 10, 10],
    ]);
    expect(r.complete).toBe(true);
    const short = score({ 人均培训成本: { level1: '成本指标', points: 4 } });
    expect(short.problems).toEqual([
      '产出指标（含成本指标）的三级指标分值合计 49.00 分，本年度规则中该一级指标为 50.00 分，请调整各指标分值',
    ]);
  });

  it.each([
    ['产出指标（50分）', '', 'three', '产出指标'],
    ['', '数量指标', 'three', '产出指标'],
    ['', '经济成本指标', 'three', '产出指标'],
    ['', '经济成本指标', 'four', '成本指标'],
    ['', '社会公众或服务对象满意度指标', 'three', '满意度指标'],
    ['', '可持续影响指标', 'three', '效益指标'],
    ['', '其他指标', 'three', null],
    ['决策', '数量指标', 'three', null],
  ] as const)('places 一级 “%s” / 二级 “%s” (%s) under %s', (level1, level2, layout, expected) => {
    expect(selfEvaluationLevel1(level1, level2, layout)).toBe(expected);
  });

  it('lists what the unit must still explain without withholding the grade', () => {
    const r = score({ 培训人数: { actual: '650' }, 就业能力提升: { actual: '部分达成' } });
    expect(r.notices).toEqual([
      '“培训人数”实际完成值 650 远超指标值 ≥500人（达 120% 以上），请在偏差原因分析中说明',
      '“就业能力提升”部分达成，请填写偏差原因分析及改进措施',
    ]);
    expect(r).toMatchObject({ complete: true, grade: '优' });
  });

  it('reads a far-above threshold and 定性 bands from the year, and a year stored without them as the defaults', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      selfEvaluation: {
        ...DEFAULT_RULE_SET.selfEvaluation,
        farAbovePercent: 150,
        qualitativeBands: { 达成: { min: 90, max: 100 }, 部分达成: { min: 50, max: 90 }, 未达成: { min: 0, max: 50 } },
      },
    };
    const r = score({ 培训人数: { actual: '700' }, 就业能力提升: { actual: '部分达成' } }, {}, rules);
    expect(scoreOf(r, '培训人数').flags).toEqual([]);
    expect(scoreOf(r, '就业能力提升')).toMatchObject({ score: 27, band: { min: 15, max: 27 } });

    const stored = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    stored.selfEvaluation = { weights: stored.selfEvaluation.weights };
    expect(parseRuleSet(JSON.stringify(stored))).toEqual(DEFAULT_RULE_SET);
  });
});
