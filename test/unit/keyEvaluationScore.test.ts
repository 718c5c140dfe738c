/**
 * A real-style key-evaluation scoring table (2022年煤改电二期居民供暖设施入户改造工程): 26 三级 indicators
 * under uneven 一级 weights 15/25/25/35, three experts scoring to one decimal. The printed figures below
 * are the table as the report prints it — a province whose subtotals are sums of the printed indicator
 * scores ('fromPrinted'); the rules must reproduce every one of them.
 */
import { describe, expect, it } from 'vitest';
import { frameworkProblems } from '../../electron/rules/keyEvaluationFrameworkCheck';
import { aggregate, scoreEvaluation, type ExpertScore, type Framework } from '../../electron/rules/keyEvaluationScore';
import { DEFAULT_RULE_SET, type SubtotalBasis } from '../../electron/rules/ruleSet';

type Row = [level1: string, level2: string, name: string, points: number, experts: [number, number, number], printed: number];
const TABLE: Row[] = [
  ['决策', '项目立项', '立项依据充分性', 3, [2.4, 2.2, 2.7], 2.43],
  ['决策', '项目立项', '立项程序规范性', 2, [1.4, 1.7, 1.6], 1.57],
  ['决策', '绩效目标', '绩效目标合理性', 2.5, [1.8, 2.1, 1.8], 1.9],
  ['决策', '绩效目标', '绩效指标明确性', 2.5, [2.1, 1.8, 1.8], 1.9],
  ['决策', '资金投入', '预算编制科学性', 2.5, [2.1, 2.4, 1.8], 2.1],
  ['决策', '资金投入', '资金分配合理性', 2.5, [1.9, 2.2, 2.5], 2.2],
  ['过程', '资金管理', '资金到位率', 4, [3.5, 3.3, 4.0], 3.6],
  ['过程', '资金管理', '预算执行率', 5, [3.6, 4.8, 3.9], 4.1],
  ['过程', '资金管理', '资金使用合规性', 5, [3.7, 3.7, 4.0], 3.8],
  ['过程', '组织实施', '管理制度健全性', 4, [3.8, 3.0, 3.5], 3.43],
  ['过程', '组织实施', '制度执行有效性', 4, [3.6, 3.2, 3.5], 3.43],
  ['过程', '组织实施', '档案资料完整性', 3, [2.2, 2.2, 2.3], 2.23],
  ['产出', '产出数量', '改造户数完成率', 4, [3.6, 3.3, 3.2], 3.37],
  ['产出', '产出数量', '设备安装数量完成率', 3, [2.6, 2.5, 2.4], 2.5],
  ['产出', '产出数量', '配套线路改造完成率', 3, [2.8, 2.7, 2.3], 2.6],
  ['产出', '产出质量', '工程验收合格率', 5, [4.4, 4.3, 4.8], 4.5],
  ['产出', '产出时效', '完工及时率', 4, [3.7, 3.1, 4.0], 3.6],
  ['产出', '产出成本', '户均改造成本节约率', 3, [2.2, 2.5, 2.8], 2.5],
  ['产出', '产出成本', '预算控制率', 3, [2.2, 2.5, 2.1], 2.27],
  ['效益', '社会效益', '冬季供暖保障率', 6, [5.4, 5.6, 5.2], 5.4],
  ['效益', '社会效益', '取暖安全事故下降情况', 5, [4.8, 4.0, 4.5], 4.43],
  ['效益', '经济效益', '户均取暖费用下降幅度', 5, [4.4, 4.4, 4.2], 4.33],
  ['效益', '生态效益', '燃煤消耗减少量', 5, [4.8, 4.9, 4.2], 4.63],
  ['效益', '生态效益', '大气污染物减排情况', 4, [3.6, 2.9, 3.6], 3.37],
  ['效益', '可持续影响', '长效运维机制建立情况', 4, [3.6, 4.0, 3.8], 3.8],
  ['效益', '满意度', '受益群众满意度', 6, [4.7, 4.9, 5.4], 5.0],
];
const WEIGHTS: Record<string, number> = { 决策: 15, 过程: 25, 产出: 25, 效益: 35 };
const PRINTED_LEVEL1 = { 决策: 12.1, 过程: 20.59, 产出: 21.34, 效益: 30.96 };
const PRINTED_LEVEL2 = {
  项目立项: 4,
  绩效目标: 3.8,
  资金投入: 4.3,
  资金管理: 11.5,
  组织实施: 9.09,
  产出数量: 8.47,
  产出质量: 4.5,
  产出时效: 3.6,
  产出成本: 4.77,
  社会效益: 9.83,
  经济效益: 4.33,
  生态效益: 8,
  可持续影响: 3.8,
  满意度: 5,
};
const EXPERTS = ['专家甲', '专家乙', '专家丙'];

function framework(): Framework {
  const out: Framework = [];
  TABLE.forEach(([l1, l2, name, points], i) => {
    let a = out.find((x) => x.name === l1);
    if (!a) out.push((a = { name: l1, weight: WEIGHTS[l1]!, level2: [] }));
    let b = a.level2.find((x) => x.name === l2);
    if (!b) a.level2.push((b = { name: l2, indicators: [] }));
    b.indicators.push({ code: String(i + 1), name, points, rule: `${name}：按完成程度计分` });
  });
  return out;
}

const scores = (): ExpertScore[] =>
  TABLE.flatMap(([, , , , experts], i) =>
    experts.map((score, k) => ({ expert: EXPERTS[k]!, indicatorCode: String(i + 1), score, basis: '查阅资料、现场核查' })),
  );
const options = { aggregation: 'mean' as const, gradeBands: DEFAULT_RULE_SET.gradeBands, subtotals: 'fromPrinted' as const };

describe('a printed key-evaluation scoring table', () => {
  it('has 26 indicators whose points add up to the uneven 15/25/25/35 weights', () => {
    expect(TABLE).toHaveLength(26);
    expect(frameworkProblems(framework())).toEqual([]);
  });

  it('reproduces every printed indicator score, subtotal and the total, and grades it', () => {
    const s = scoreEvaluation(framework(), EXPERTS, scores(), options);
    expect(s.indicators.map((i) => i.score)).toEqual(TABLE.map((r) => r[5]));
    expect(Object.fromEntries(s.level2.map((l) => [l.name, l.score]))).toEqual(PRINTED_LEVEL2);
    expect(Object.fromEntries(s.level1.map((l) => [l.name, l.score]))).toEqual(PRINTED_LEVEL1);
    expect(s.total).toBe(84.99);
    expect(s.grade).toBe('良');
    expect(s.complete).toBe(true);
  });

  it('rounds each subtotal once from the exact means under the default rule (9.10, not the printed 9.09)', () => {
    const s = scoreEvaluation(framework(), EXPERTS, scores(), { ...options, subtotals: 'fromExact' });
    // The indicators print as before; only the sums change where the printed roundings add up.
    expect(s.indicators.map((i) => i.score)).toEqual(TABLE.map((r) => r[5]));
    expect(Object.fromEntries(s.level2.map((l) => [l.name, l.score]))).toEqual({ ...PRINTED_LEVEL2, 组织实施: 9.1 });
    expect(Object.fromEntries(s.level1.map((l) => [l.name, l.score]))).toEqual({ 决策: 12.1, 过程: 20.6, 产出: 21.33, 效益: 30.97 });
    expect(s.total).toBe(85);
    expect(s.grade).toBe('良');
  });

  it('gives no grade while an expert has not scored an indicator, and refuses a score above its points', () => {
    const partial = scores().filter((x) => !(x.expert === '专家丙' && x.indicatorCode === '26'));
    expect(scoreEvaluation(framework(), EXPERTS, partial, options)).toMatchObject({ complete: false, grade: null });
    const wrong = scores().map((x) => (x.indicatorCode === '1' && x.expert === '专家乙' ? { ...x, score: 3.5 } : x));
    const s = scoreEvaluation(framework(), EXPERTS, wrong, options);
    expect(s.problems).toEqual(['“立项依据充分性”满分 3.00 分，专家乙的评分超出 0–3.00 分']);
    expect(s.grade).toBeNull();
  });

  it('writes points in its messages as the forms print scores, with two decimals (满分 2.50 分, not 满分 2.5 分)', () => {
    const over = scores().map((x) => (x.indicatorCode === '3' && x.expert === '专家甲' ? { ...x, score: 2.75 } : x));
    expect(scoreEvaluation(framework(), EXPERTS, over, options).problems).toEqual([
      '“绩效目标合理性”满分 2.50 分，专家甲的评分超出 0–2.50 分',
    ]);
  });
});

/** One 二级 of `scores.length` indicators worth 100 points in all, each scored by the same panel. */
function panel(scores: number[][], aggregation: 'mean' | 'trimmedMean', subtotals: SubtotalBasis) {
  const names = scores[0]!.map((_, k) => `专家${k + 1}`);
  const f: Framework = [
    {
      name: '产出',
      weight: 100,
      level2: [
        {
          name: '产出数量',
          indicators: scores.map((_, i) => ({ code: `${i + 1}`, name: `指标${i + 1}`, points: 100 / scores.length, rule: '' })),
        },
      ],
    },
  ];
  const given = scores.flatMap((row, i) => row.map((score, k) => ({ expert: names[k]!, indicatorCode: `${i + 1}`, score, basis: '' })));
  return scoreEvaluation(f, names, given, { aggregation, gradeBands: DEFAULT_RULE_SET.gradeBands, subtotals });
}

describe('totals rounded once (domain.md §9)', () => {
  const times = (n: number, row: number[]) => Array.from({ length: n }, () => row);
  it.each([
    ['10, 10, 11 on three indicators', times(3, [10, 10, 11]), 'mean', 10.33, 31, 30.99],
    ['10, 10, 11 on six indicators', times(6, [10, 10, 11]), 'mean', 10.33, 62, 61.98],
    ['10, 10, 11 on one indicator', times(1, [10, 10, 11]), 'mean', 10.33, 10.33, 10.33],
    ['a half hundredth, once', times(1, [0.01, 0.02]), 'mean', 0.02, 0.02, 0.02],
    ['three half hundredths: 0.045 rounds up once', times(3, [0.01, 0.02]), 'mean', 0.02, 0.05, 0.06],
    ['thirds that print down: 3 × 0.01333…', times(3, [0.01, 0.01, 0.02]), 'mean', 0.01, 0.04, 0.03],
    ['two-thirds that print up: 3 × 0.02666…', times(3, [0.02, 0.03, 0.03]), 'mean', 0.03, 0.08, 0.09],
    ['trimmed means are exact already', times(3, [2.4, 2.2, 2.7, 9]), 'trimmedMean', 2.55, 7.65, 7.65],
  ] as const)('%s: each prints %d; total %d from exact, %d from printed', (_, rows, how, printed, exact, fromPrinted) => {
    const rowsCopy = rows.map((r) => [...r]);
    const a = panel(rowsCopy, how, 'fromExact');
    const b = panel(rowsCopy, how, 'fromPrinted');
    expect(a.indicators.map((i) => i.score)).toEqual(rows.map(() => printed));
    expect([a.total, a.level1[0]!.score, a.level2[0]!.score]).toEqual([exact, exact, exact]);
    expect([b.total, b.level1[0]!.score, b.level2[0]!.score]).toEqual([fromPrinted, fromPrinted, fromPrinted]);
  });

  it.each([
    [[89.99, 90], 90, '优'],
    [[89.98, 89.99], 89.99, '良'],
    [[79.99, 80], 80, '良'],
    [[59.99, 59.99], 59.99, '差'],
  ])('grades the total as rounded: %j gives %d, %s', (experts, total, grade) => {
    expect(panel([experts], 'mean', 'fromExact')).toMatchObject({ total, grade, complete: true });
  });
});

describe('framework checks and aggregation', () => {
  it('names weights that do not add up', () => {
    const f = framework();
    f[0]!.weight = 20;
    expect(frameworkProblems(f)).toEqual(['一级指标权重合计为 105，应为 100', '“决策”下三级指标分值合计为 15，应等于其权重 20']);
  });

  it('says an empty framework is not set up yet, rather than that its weights add up to 0', () => {
    expect(frameworkProblems([])).toEqual(['尚未设置评价指标体系']);
  });

  it('names a 一级 or a 二级 given twice, whose subtotals would otherwise merge', () => {
    const f = framework();
    f[1]!.name = f[0]!.name;
    f[2]!.level2.push({ ...f[2]!.level2[0]!, indicators: [] });
    expect(frameworkProblems(f)).toEqual(
      expect.arrayContaining([`一级指标“${f[0]!.name}”重复`, `“${f[2]!.name}”下二级指标“${f[2]!.level2[0]!.name}”重复`]),
    );
  });

  it('rounds the mean half-up and trims the highest and lowest of three or more', () => {
    expect(aggregate([2.4, 2.2, 2.7], 'mean')).toBe(2.43);
    expect(aggregate([1, 2], 'mean')).toBe(1.5);
    expect(aggregate([0.1, 0.2], 'mean')).toBe(0.15);
    expect(aggregate([2.4, 2.2, 2.7], 'trimmedMean')).toBe(2.4);
    expect(aggregate([9, 10, 2, 9.5], 'trimmedMean')).toBe(9.25);
    expect(aggregate([3, 4], 'trimmedMean')).toBe(3.5);
  });
});
