/** The 自评表's default 分值 and its funds rows, at the edges. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import { defaultPoints, fundsProblems, type FundsBlock } from '../../electron/rules/selfEvaluationForm';

const ind = (level1: string, level2 = '') => ({ level1, level2 });

describe('default 分值 of a pre-filled self-evaluation', () => {
  it.each([
    ['two 产出 share 50 evenly', [ind('产出指标'), ind('产出指标')], [25, 25]],
    [
      'three 产出 to the hundredth, the last takes the remainder',
      [ind('产出指标'), ind('产出指标'), ind('产出指标')],
      [16.66, 16.66, 16.68],
    ],
    ['成本 counts in the 产出 weight', [ind('产出指标'), ind('成本指标')], [25, 25]],
    ['a blank 一级 goes by its 二级', [ind('', '服务对象满意度指标'), ind('', '社会效益指标')], [10, 30]],
    ['an unknown 一级 gets 0', [ind('其他指标'), ind('效益指标')], [0, 30]],
  ])('%s', (_name, indicators, expected) => {
    expect(defaultPoints(indicators, DEFAULT_RULE_SET)).toEqual(expected);
  });

  it('follows the year’s weights (20/40/40 in one province)', () => {
    const rules = {
      ...DEFAULT_RULE_SET,
      selfEvaluation: { ...DEFAULT_RULE_SET.selfEvaluation, weights: { execution: 20, output: 40, benefit: 40, satisfaction: 0 } },
    };
    const points = defaultPoints(
      [ind('产出指标'), ind('产出指标'), ind('产出指标'), ind('效益指标'), ind('效益指标'), ind('效益指标')],
      rules,
    );
    expect(points).toEqual([13.33, 13.33, 13.34, 13.33, 13.33, 13.34]);
  });
});

describe('the funds rows against 年度资金总额', () => {
  const blank: FundsBlock = {
    initialFen: 10_000_000,
    budgetFen: 12_000_000,
    executedFen: 11_000_000,
    fiscalInitialFen: null,
    fiscalBudgetFen: null,
    fiscalExecutedFen: null,
    carryoverInitialFen: null,
    carryoverBudgetFen: null,
    carryoverExecutedFen: null,
    otherInitialFen: null,
    otherBudgetFen: null,
    otherExecutedFen: null,
  };

  it('accepts the total alone, and rows that add up (blank as 0)', () => {
    expect(fundsProblems(blank)).toEqual({});
    expect(fundsProblems({ ...blank, fiscalBudgetFen: 10_000_000, carryoverBudgetFen: 2_000_000 })).toEqual({});
  });

  it('names the column, both sums and what to do when they differ by one 分', () => {
    expect(fundsProblems({ ...blank, fiscalExecutedFen: 10_999_999 })).toEqual({
      executedFen: '全年执行数：当年财政拨款、上年结转资金、其他资金合计 109,999.99 元，与年度资金总额 110,000.00 元不一致，请核对',
    });
  });

  it('asks for the total where only rows are given', () => {
    expect(fundsProblems({ ...blank, initialFen: null, otherInitialFen: 500_000 })).toEqual({
      initialFen: '年初预算数：请填写年度资金总额（其中各项合计 0.50 万元）',
    });
  });
});
