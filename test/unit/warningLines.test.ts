import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import {
  completionLine,
  deviationLine,
  executionLine,
  indicatorLine,
  projectDeviation,
  timeProgress,
  worstColour,
  type IndicatorProgress,
} from '../../electron/rules/warningLines';

const rules = DEFAULT_RULE_SET.monitoring;

describe('第一条线 预算执行进度', () => {
  // Budget 1,200,000 分 at month 6 (序时 50%): executed = ratio% × 600,000 分.
  it.each([
    [359_940, 59.99, 'red'],
    [360_000, 60, 'yellow'],
    [479_940, 79.99, 'yellow'],
    [480_000, 80, 'green'],
    [0, 0, 'red'],
    [1_500_000, 250, 'green'],
  ])('executed %d 分 at month 6 is a ratio of %d%%: %s', (executedFen, ratio, colour) => {
    const r = executionLine({ executedFen, budgetFen: 1_200_000, month: 6 }, rules);
    expect(r.ratio).toBeCloseTo(ratio, 10);
    expect(r.colour).toBe(colour);
  });

  it.each([
    [1, 8.33],
    [5, 41.67],
    [8, 66.67],
    [12, 100],
  ])('序时进度 at month %d is %d%%', (m, p) => {
    expect(timeProgress(m)).toBeCloseTo(p, 2);
  });

  it('explains itself the way the warning list reads', () => {
    const r = executionLine({ executedFen: 2_130_000, budgetFen: 10_000_000, month: 5 }, rules);
    expect(r.text).toBe('执行率 21.3%，序时进度 41.7%，比值 51.1%');
    expect(r.colour).toBe('red');
  });

  it('shows a zero budget as "—", never NaN or Infinity', () => {
    const r = executionLine({ executedFen: 500, budgetFen: 0, month: 5 }, rules);
    expect(r).toMatchObject({ executionRate: null, ratio: null, colour: 'none' });
    expect(r.text).toContain('执行率 —');
    expect(r.text).not.toMatch(/NaN|Infinity/);
  });
});

const ind = (level2: string, nature: IndicatorProgress['nature'], target: string, current: string): IndicatorProgress => ({
  name: '指标',
  level2,
  nature,
  target,
  current,
});

describe('第二条线 绩效目标完成情况', () => {
  // A 数量 indicator of 1200 at month 6 is due 600 by now.
  it.each([
    ['359.94', 59.99, 'red'],
    ['360', 60, 'yellow'],
    ['479.94', 79.99, 'yellow'],
    ['480', 80, 'green'],
    ['719.94', 119.99, 'green'],
    ['720', 120, 'blue'],
  ])('a prorated 数量 indicator at %s of 600 due is %d%%: %s', (current, ratio, colour) => {
    const r = indicatorLine(ind('数量指标', '≥', '1200', current), 6, rules);
    expect(r.ratio).toBeCloseTo(ratio, 10);
    expect(r.colour).toBe(colour);
  });

  it('judges 质量 against the whole target, not prorated', () => {
    expect(indicatorLine(ind('质量指标', '≥', '≥95%', '95'), 3, rules).colour).toBe('green');
    expect(indicatorLine(ind('质量指标', '≥', '95', '50'), 3, rules).colour).toBe('red');
  });

  it.each([
    ['≤', '1000', '1000', 'green'],
    ['≤', '1000', '1000.01', 'red'],
    ['＜', '1000', '1000', 'red'],
    ['＜', '1000', '999', 'green'],
  ] as const)('a lower-is-better %s%s with %s is %s', (nature, target, current, colour) => {
    expect(indicatorLine(ind('成本指标', nature, target, current), 6, rules).colour).toBe(colour);
  });

  it.each([
    ['达成', 'green'],
    ['部分达成', 'yellow'],
    ['未达成', 'red'],
    ['', 'none'],
  ] as const)('a qualitative indicator 【%s】 is %s', (current, colour) => {
    expect(indicatorLine(ind('社会效益指标', '定性', '有效提升', current), 6, rules).colour).toBe(colour);
  });

  it("gives a project its worst indicator's colour and the mean completion", () => {
    const r = completionLine(
      [ind('数量指标', '≥', '1200', '600'), ind('质量指标', '≥', '100', '70'), ind('社会效益指标', '定性', '提升', '部分达成')],
      6,
      rules,
    );
    expect(r.colour).toBe('yellow');
    expect(r.completionRate).toBeCloseTo((100 + 70 + 60) / 3, 10);
    expect(worstColour(['green', 'blue', 'green'])).toBe('blue');
    expect(worstColour(['blue', 'red'])).toBe('red');
  });

  it('shows a zero target and an unreadable value as "—"', () => {
    expect(indicatorLine(ind('数量指标', '≥', '0', '5'), 6, rules)).toMatchObject({ ratio: null, colour: 'none' });
    expect(indicatorLine(ind('数量指标', '≥', '100', '正在统计'), 6, rules)).toMatchObject({ ratio: null, colour: 'none' });
  });
});

describe('第二条线 under a year’s own rules', () => {
  it('prorates only the 二级 the year names: 600 of 1200 人次 at month 6 is green prorated, red judged against the whole', () => {
    const count = ind('数量指标', '≥', '1200', '600');
    expect(indicatorLine(count, 6, rules)).toMatchObject({ ratio: 100, colour: 'green' });
    const wholeYear = { ...rules, proratedLevel2: rules.proratedLevel2.filter((l) => l !== '数量指标') };
    expect(indicatorLine(count, 6, wholeYear)).toMatchObject({ ratio: 50, colour: 'red' });
    expect(indicatorLine(count, 6, wholeYear).text).toBe('“指标”当前 600，目标 1200，完成比 50%');
  });

  it('counts 部分达成 at the share the year gives it', () => {
    const partly = [ind('社会效益指标', '定性', '有效提升', '部分达成'), ind('社会效益指标', '定性', '有效提升', '达成')];
    expect(completionLine(partly, 6, rules).completionRate).toBe(80);
    expect(completionLine(partly, 6, { ...rules, qualitativeShares: { 达成: 100, 部分达成: 50, 未达成: 0 } }).completionRate).toBe(75);
  });
});

describe('第三条线 偏离率', () => {
  it.each([
    [50, 70, 20, false],
    [50, 70.01, 20.01, true],
    [80, 55, 25, true],
  ])('执行率 %d%% vs 完成率 %d%%: %d points, notice %s', (exec, done, dev, due) => {
    const r = deviationLine(exec, done, rules);
    expect(r.deviation).toBeCloseTo(dev, 10);
    expect(r.noticeDue).toBe(due);
  });

  it('compares like with like: an on-track project in May is not a deviation on either basis', () => {
    // 5/12 of the budget spent and 500 of 1200 人次 trained: exactly on schedule.
    const execution = executionLine({ executedFen: 500, budgetFen: 1200, month: 5 }, rules);
    const completion = completionLine([ind('数量指标', '≥', '1200', '500')], 5, rules);
    expect(projectDeviation(execution, completion, rules).deviation).toBeCloseTo(0, 10);
    expect(projectDeviation(execution, completion, { ...rules, deviationBasis: 'schedule' }).deviation).toBeCloseTo(0, 10);
    // The naive pairing (执行率 against schedule completion) would call it 58 points.
    expect(deviationLine(execution.executionRate, completion.completionRate, rules).deviation).toBeCloseTo(58.33, 2);
  });

  it('is "—" without both rates', () => {
    expect(deviationLine(null, 50, rules)).toMatchObject({ deviation: null, noticeDue: false, colour: 'none' });
  });
});
