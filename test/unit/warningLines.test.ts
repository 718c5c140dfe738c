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
    expect(r.text).toBe('执行率 21.30%，序时进度 41.67%，比值 51.12%');
    expect(r.colour).toBe('red');
  });

  it('shows a zero budget as "—", never NaN or Infinity', () => {
    const r = executionLine({ executedFen: 500, budgetFen: 0, month: 5 }, rules);
    expect(r).toMatchObject({ executionRate: null, ratio: null, colour: 'none' });
    expect(r.text).toContain('执行率 —');
    expect(r.text).not.toMatch(/NaN|Infinity/);
  });
});

const ind = (
  level2: string,
  nature: IndicatorProgress['nature'],
  target: string,
  current: string,
  points?: number | null,
): IndicatorProgress => ({
  name: '指标',
  level2,
  nature,
  target,
  current,
  points,
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

  it.each([
    ['数量指标', '≥'],
    ['数量', '≥'],
    ['数量指标', '＝'],
    ['经济效益指标', '≥'],
    ['社会效益指标', '＞'],
    ['生态效益指标', '≥'],
    ['可持续影响指标', '≥'],
  ] as const)('prorates %s (%s): 600 of 1200 at month 6 is on schedule', (level2, nature) => {
    expect(indicatorLine(ind(level2, nature, '1200', '600'), 6, rules)).toMatchObject({
      ratio: 100,
      colour: 'green',
      annualCompletion: 50,
    });
  });

  // Judged against the whole target at month 3, in range or not: never prorated, never blue.
  it.each([
    ['质量指标', '≥', '≥95%', '95', 'green', 100],
    ['质量指标', '≥', '95', '94.99', 'red', 99.99],
    ['质量指标', '≥', '95', '50', 'red', 52.63],
    ['质量指标', '≥', '95', '200', 'green', 210.53],
    ['时效指标', '≥', '100', '100', 'green', 100],
    ['时效指标', '≥', '100', '99', 'red', 99],
    ['服务对象满意度指标', '≥', '≥90%', '89.9', 'red', 99.89],
    ['社会公众或服务对象满意度指标', '≥', '90', '91', 'green', 101.11],
    ['质量指标', '＞', '95', '95', 'red', 100],
    ['质量指标', '＞', '95', '95.01', 'green', 100.01],
    ['质量指标', '＝', '=100%', '100', 'green', 100],
    ['质量指标', '＝', '100', '100.00', 'green', 100],
    ['质量指标', '＝', '100', '99.99', 'red', 99.99],
    ['质量指标', '＝', '100', '100.01', 'red', 100.01],
    ['二级未识别', '≥', '100', '10', 'red', 10],
  ] as const)('%s %s%s with %s is %s (%d%%)', (level2, nature, target, current, colour, ratio) => {
    const r = indicatorLine(ind(level2, nature, target, current), 3, rules);
    expect(r.colour).toBe(colour);
    expect(r.ratio).toBeCloseTo(ratio, 2);
    expect(r.completion).toBe(colour === 'green' ? 100 : Math.min(r.ratio!, 100));
  });

  it.each([
    ['成本指标', '≤', '1000', '1000', 'green'],
    ['成本指标', '≤', '1000', '1000.01', 'red'],
    ['经济成本指标', '≤', '1000', '999', 'green'],
    ['成本指标', '＜', '1000', '1000', 'red'],
    ['成本指标', '＜', '1000', '999', 'green'],
    // ＝0 is a cap (安全事故 ＝0 起), whatever its 二级: only 0 is in range.
    ['质量指标', '＝', '＝0', '0', 'green'],
    ['质量指标', '＝', '0', '1', 'red'],
    ['数量指标', '＝', '0', '0', 'green'],
    ['数量指标', '＝', '0', '2', 'red'],
    ['社会效益指标', '＝', '0', '0.01', 'red'],
  ] as const)('a capped %s %s%s with %s is %s', (level2, nature, target, current, colour) => {
    expect(indicatorLine(ind(level2, nature, target, current), 6, rules).colour).toBe(colour);
  });

  it('explains a ＝ or ＞ miss at 100% by its operator, and a ＝0 miss as above the target', () => {
    expect(indicatorLine(ind('质量指标', '＞', '95', '95'), 6, rules).text).toBe('“指标”当前 95，目标＞95，完成比 100.00%');
    expect(indicatorLine(ind('质量指标', '＝', '0', '1'), 6, rules)).toMatchObject({
      text: '“指标”当前 1，目标＝0，超出目标',
      completion: 0,
    });
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
    expect(r.colour).toBe('red');
    expect(r.completionRate).toBeCloseTo((100 + 70 + 60) / 3, 10);
    expect(r.annualCompletionRate).toBeCloseTo((50 + 70 + 60) / 3, 10);
    expect(worstColour(['green', 'blue', 'green'])).toBe('blue');
    expect(worstColour(['blue', 'red'])).toBe('red');
  });

  // 数量 on schedule (100; 50 of the year), 质量 at 70, 定性 部分达成 (60), with these 分值.
  it.each([
    ['weighted by 分值 when every judged indicator has them', [20, 10, 10], (2000 + 700 + 600) / 40, (1000 + 700 + 600) / 40],
    ['weighted 1:1:1 is the plain mean', [10, 10, 10], 230 / 3, 180 / 3],
    ['unweighted when one has no 分值', [20, null, 10], 230 / 3, 180 / 3],
    ['unweighted when one has 0 分值', [20, 0, 10], 230 / 3, 180 / 3],
    ['unweighted without 分值', [undefined, undefined, undefined], 230 / 3, 180 / 3],
  ] as const)('overall completion is %s', (_, points, completionRate, annualCompletionRate) => {
    const r = completionLine(
      [
        ind('数量指标', '≥', '1200', '600', points[0]),
        ind('质量指标', '≥', '100', '70', points[1]),
        ind('社会效益指标', '定性', '提升', '部分达成', points[2]),
      ],
      6,
      rules,
    );
    expect(r.completionRate).toBeCloseTo(completionRate, 10);
    expect(r.annualCompletionRate).toBeCloseTo(annualCompletionRate, 10);
  });

  it('weighs only the indicators it could judge: one not yet reported needs no 分值', () => {
    const r = completionLine(
      [ind('数量指标', '≥', '1200', '600', 30), ind('质量指标', '≥', '100', '70', 10), ind('质量指标', '≥', '100', '')],
      6,
      rules,
    );
    expect(r.completionRate).toBeCloseTo((3000 + 700) / 40, 10);
  });

  it('judges a target of 0 in range, and shows an unreadable value as "—"', () => {
    expect(indicatorLine(ind('数量指标', '≥', '0', '5'), 6, rules)).toMatchObject({ ratio: null, colour: 'green', completion: 100 });
    expect(indicatorLine(ind('数量指标', '＞', '0', '0'), 6, rules)).toMatchObject({ ratio: null, colour: 'red', completion: 0 });
    expect(indicatorLine(ind('数量指标', '≥', '100', '正在统计'), 6, rules)).toMatchObject({ ratio: null, colour: 'none' });
    expect(indicatorLine(ind('数量指标', '≥', '0', '5'), 6, rules).text).not.toMatch(/NaN|Infinity/);
  });
});

describe('第二条线 under a year’s own rules', () => {
  it('prorates only the kinds the year names: 600 of 1200 人次 at month 6 is green prorated, red judged against the whole', () => {
    const count = ind('数量指标', '≥', '1200', '600');
    expect(indicatorLine(count, 6, rules)).toMatchObject({ ratio: 100, colour: 'green' });
    const wholeYear = { ...rules, proratedKinds: rules.proratedKinds.filter((k) => k !== '数量') };
    expect(indicatorLine(count, 6, wholeYear)).toMatchObject({ ratio: 50, colour: 'red' });
    expect(indicatorLine(count, 6, wholeYear).text).toBe('“指标”当前 600，目标 1200，完成比 50.00%');
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
