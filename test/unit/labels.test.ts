import { describe, expect, it } from 'vitest';
import { budgetKindFromText, continuityFromText, normaliseLabel, projectTypeNameProblem } from '../../electron/rules/labels';

describe('the four budgets stay closed but read the ways units write them', () => {
  it.each([
    ['一般公共预算', 'general'],
    ['一般预算', 'general'],
    ['公共预算', 'general'],
    ['公共财政预算', 'general'],
    ['一般公共预算资金', 'general'],
    ['一般预算资金', 'general'],
    [' 一般公共 预算 ', 'general'],
    ['政府性基金预算', 'fund'],
    ['基金预算', 'fund'],
    ['政府性基金', 'fund'],
    ['政府性基金预算资金', 'fund'],
    ['国有资本经营预算', 'stateCapital'],
    ['国资预算', 'stateCapital'],
    ['国有资本经营', 'stateCapital'],
    ['国有资本预算', 'stateCapital'],
    ['国有资本经营预算资金', 'stateCapital'],
    ['社会保险基金预算', 'socialInsurance'],
    ['社保基金预算', 'socialInsurance'],
    ['社会保险基金', 'socialInsurance'],
    ['社保基金', 'socialInsurance'],
    ['社会保险基金预算资金', 'socialInsurance'],
  ] as const)('%s → %s', (text, kind) => {
    expect(budgetKindFromText(text)).toBe(kind);
  });

  it.each(['专项资金', '资金', '预算', '基金', '上级补助', '债券资金', ''])('refuses “%s”', (text) => {
    expect(budgetKindFromText(text)).toBeNull();
  });
});

describe('新增/延续', () => {
  it.each([
    ['新增', 'new'],
    ['新增项目', 'new'],
    ['新', 'new'],
    ['延续', 'continuing'],
    ['延续项目', 'continuing'],
    ['延续性', 'continuing'],
    ['续', 'continuing'],
  ] as const)('%s → %s', (text, continuity) => {
    expect(continuityFromText(text)).toBe(continuity);
  });
});

describe('项目类型 names', () => {
  it.each([
    ['政府购买服务 ', '政府购买服务'],
    ['\u3000补助补贴', '补助补贴'],
    ['政府 采购', '政府采购'],
    ['ＰＰＰ项目', 'PPP项目'],
    ['基础设施建设\n', '基础设施建设'],
  ])('“%s” is stored as “%s”', (typed, stored) => {
    expect(normaliseLabel(typed)).toBe(stored);
  });

  it('a blank or overlong name is refused in words the clerk can act on; 20 characters are fine', () => {
    expect(projectTypeNameProblem('')).toBe('项目类型不能为空，请填写类型名称');
    expect(projectTypeNameProblem('一'.repeat(20))).toBeNull();
    expect(projectTypeNameProblem('一'.repeat(21))).toBe(`项目类型“${'一'.repeat(21)}”超过 20 个字，请精简后再填写`);
  });
});
