import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, gradeOf, parseRuleSet, serialiseRuleSet } from '../../electron/rules/ruleSet';

describe('the year rule set', () => {
  it('survives storage with its open bottom band', () => {
    const back = parseRuleSet(serialiseRuleSet(DEFAULT_RULE_SET));
    expect(back).toEqual(DEFAULT_RULE_SET);
    expect(back.gradeBands.at(-1)!.min).toBeNull();
  });

  it.each([
    [100, '优'],
    [90, '优'],
    [89.99, '良'],
    [89.5, '良'],
    [80, '良'],
    [79.99, '中'],
    [60, '中'],
    [59.99, '差'],
    [0, '差'],
  ])('grades %d as %s with half-open bands', (score, grade) => {
    expect(gradeOf(score, DEFAULT_RULE_SET.gradeBands)).toBe(grade);
  });

  it('reads a rule set stored before the target and monitoring values were part of it as today’s rules', () => {
    const stored = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    delete stored.targets;
    delete stored.monitoring.proratedKinds;
    delete stored.monitoring.qualitativeShares;
    delete stored.keyEvaluation.subtotals;
    const back = parseRuleSet(JSON.stringify(stored));
    expect(back).toEqual(DEFAULT_RULE_SET);
    expect(back.targets.minSatisfactionPercent).toBe(80);
    expect(back.monitoring.proratedKinds).toEqual(['数量', '经济效益', '社会效益', '生态效益', '可持续影响']);
    expect(back.monitoring.qualitativeShares).toEqual({ 达成: 100, 部分达成: 60, 未达成: 0 });
    expect(back.keyEvaluation.subtotals).toBe('fromExact');
  });

  /** A year as stored before proration was read by kind: its list held 二级 names. */
  const storedWithNames = (names: string[]) => {
    const stored = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    delete stored.monitoring.proratedKinds;
    stored.monitoring.proratedLevel2 = names;
    return JSON.stringify(stored);
  };

  it.each([
    [
      ['数量指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
      ['数量', '经济效益', '社会效益', '生态效益', '可持续影响'],
    ],
    [['数量指标'], ['数量']],
    [
      ['数量指标', '质量指标', '服务对象满意度指标'],
      ['数量', '质量', '满意度'],
    ],
    [[], []],
    // A name no kind stands for matched no indicator the rules can place either; it is dropped.
    [['数量指标', '其他指标'], ['数量']],
  ])('reads a stored year whose proration list holds the names %j as the kinds %j', (names, kinds) => {
    const back = parseRuleSet(storedWithNames(names));
    expect(back.monitoring.proratedKinds).toEqual(kinds);
    expect(back.monitoring).not.toHaveProperty('proratedLevel2');
    // Written back, it stays what it was read as.
    expect(parseRuleSet(serialiseRuleSet(back)).monitoring.proratedKinds).toEqual(kinds);
  });

  it('keeps a year that prints subtotals from the printed scores, and refuses an unknown subtotal rule', () => {
    const stored = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    stored.keyEvaluation.subtotals = 'fromPrinted';
    expect(parseRuleSet(JSON.stringify(stored)).keyEvaluation.subtotals).toBe('fromPrinted');
    stored.keyEvaluation.subtotals = 'rounded';
    expect(() => parseRuleSet(JSON.stringify(stored))).toThrow();
  });

  it('refuses 定性 shares that leave out a level', () => {
    const stored = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    stored.monitoring.qualitativeShares = { 达成: 100, 未达成: 0 };
    expect(() => parseRuleSet(JSON.stringify(stored))).toThrow();
  });

  it('refuses a stored rule set with a missing part', () => {
    const broken = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    delete broken.monitoring;
    expect(() => parseRuleSet(JSON.stringify(broken))).toThrow();
  });
});
