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
    delete stored.monitoring.proratedLevel2;
    delete stored.monitoring.qualitativeShares;
    const back = parseRuleSet(JSON.stringify(stored));
    expect(back).toEqual(DEFAULT_RULE_SET);
    expect(back.targets.minSatisfactionPercent).toBe(80);
    expect(back.monitoring.proratedLevel2).toEqual(['数量指标', '经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标']);
    expect(back.monitoring.qualitativeShares).toEqual({ 达成: 100, 部分达成: 60, 未达成: 0 });
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
