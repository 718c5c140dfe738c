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

  it('refuses a stored rule set with a missing part', () => {
    const broken = JSON.parse(serialiseRuleSet(DEFAULT_RULE_SET));
    delete broken.monitoring;
    expect(() => parseRuleSet(JSON.stringify(broken))).toThrow();
  });
});
