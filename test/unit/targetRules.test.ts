import { describe, expect, it } from 'vitest';
import { canMove, isEditable, isLocked, REVIEW_OUTCOME, suggestCombinedGrade, syncLags } from '../../electron/rules/jointReview';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import {
  checkTarget,
  numberIn,
  passesChecks,
  standardCapOf,
  type CheckedIndicator,
  type TargetDraft,
  type TargetIndicator,
} from '../../electron/rules/targetChecks';

const ind = (
  level1: string,
  level2: string,
  name: string,
  value: string,
  unit: string | null = '个',
  nature: TargetIndicator['nature'] = '≥',
): CheckedIndicator => ({ level1, level2, name, nature, value, unit });

const complete = (): TargetDraft => ({
  subject: 'project',
  annualGoal: '完成全县 500 人次基层干部培训，提升履职能力。',
  midTermGoal: null,
  mainTasks: null,
  funds: { totalFen: 50_000_000, fiscalFen: 45_000_000, otherFen: 5_000_000 },
  indicators: [
    ind('产出指标', '数量指标', '培训人次', '500', '人次'),
    ind('产出指标', '质量指标', '培训合格率', '95', '%'),
    ind('效益指标', '社会效益指标', '业务能力提升情况', '有效提升', null, '定性'),
    ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '90', '%'),
  ],
  mandatoryNames: ['培训人次', '参训人员满意度'],
});

const failing = (t: TargetDraft) =>
  checkTarget(t, DEFAULT_RULE_SET.targets)
    .filter((i) => !i.ok)
    .map((i) => i.id);

describe('机审 of a target', () => {
  it('passes a complete project target', () => {
    expect(failing(complete())).toEqual([]);
    expect(passesChecks(checkTarget(complete(), DEFAULT_RULE_SET.targets))).toBe(true);
  });

  it('names each missing required 二级', () => {
    const t = complete();
    t.indicators = t.indicators.filter((i) => i.level2 !== '质量指标' && i.level1 !== '满意度指标');
    expect(failing(t)).toEqual(['group.qualityOrTime', 'group.satisfaction', 'mandatory']);
  });

  it('takes the lowest 满意度 from the year’s rules: a year that says 90 refuses 85%', () => {
    const t = complete();
    t.indicators[3] = ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '85', '%');
    expect(checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'satisfaction')).toMatchObject({
      ok: true,
      label: '满意度指标值不低于 80%',
    });
    const strict = checkTarget(t, { minSatisfactionPercent: 90 });
    expect(strict.find((i) => i.id === 'satisfaction')).toMatchObject({
      ok: false,
      label: '满意度指标值不低于 90%',
      detail: '“参训人员满意度”为 85%',
    });
    expect(passesChecks(strict)).toBe(false);
  });

  it('refuses 满意度 below 80%, also written as a fraction', () => {
    const t = complete();
    t.indicators[3] = ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '≥75%', '%');
    expect(checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'satisfaction')).toMatchObject({
      ok: false,
      detail: expect.stringContaining('≥75%'),
    });
    t.indicators[3] = ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '0.85', '%');
    expect(failing(t)).toEqual([]);
    t.indicators[3] = ind('满意度指标', '服务对象满意度指标', '参训人员满意度', '80', '%');
    expect(failing(t)).toEqual([]);
  });

  it('refuses funds that do not add up, a quantitative indicator without a unit, duplicates and empty values', () => {
    const t = complete();
    t.funds.otherFen = 1;
    t.indicators.push(ind('产出指标', '数量指标', '培训人次', '600', null), ind('产出指标', '时效指标', '完成时间', ''));
    expect(failing(t)).toEqual(['units', 'values', 'funds', 'duplicates']);
    expect(passesChecks(checkTarget(t, DEFAULT_RULE_SET.targets))).toBe(false);
  });

  it('warns, without blocking, on a vague value and a missing mandatory indicator', () => {
    const t = complete();
    t.indicators[0] = ind('产出指标', '数量指标', '培训覆盖面', '提高', '人次');
    const items = checkTarget(t, DEFAULT_RULE_SET.targets);
    expect(items.filter((i) => !i.ok).map((i) => [i.id, i.severity])).toEqual([
      ['mandatory', 'warning'],
      ['vague', 'warning'],
    ]);
    expect(passesChecks(items)).toBe(true);
  });

  it.each([
    ['数量指标', 'group.quantity', '缺少数量指标'],
    ['质量指标', 'group.qualityOrTime', '缺少质量指标或时效指标'],
    ['社会效益指标', 'group.benefit', '缺少经济效益指标或社会效益指标或生态效益指标或可持续影响指标'],
    ['服务对象满意度指标', 'group.satisfaction', '缺少满意度指标'],
  ])('without its %s, names the missing group by its kinds', (level2, id, detail) => {
    const t = complete();
    t.indicators = t.indicators.filter((i) => i.level2 !== level2);
    expect(failing(t).filter((f) => f.startsWith('group.'))).toEqual([id]);
    expect(checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === id)).toMatchObject({ ok: false, detail });
  });

  it.each([
    ['满意度指标', '社会公众或服务对象满意度指标'],
    ['满意度指标', '群众满意度指标'],
    ['满意度指标', '满意度指标'],
    ['满意度指标', '服务对象满意度'],
    ['效益指标', '可持续影响指标'],
    ['效益指标', '生态效益 指标'],
  ])('takes %s/%s as covering its group, worded as real tables word it', (level1, level2) => {
    const t = complete();
    const k = t.indicators.findIndex((i) => i.level1 === level1);
    t.indicators[k] = { ...t.indicators[k]!, level2 };
    expect(failing(t)).toEqual([]);
  });

  it('holds every wording of 满意度 to the year’s floor', () => {
    const t = complete();
    t.indicators[3] = ind('满意度指标', '社会公众或服务对象满意度指标', '群众满意度', '≥75%', '%');
    expect(checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'satisfaction')).toMatchObject({
      ok: false,
      detail: '“群众满意度”为 ≥75%',
    });
  });

  it('asks a department target for its main tasks', () => {
    expect(failing({ ...complete(), subject: 'department', mainTasks: ' ' })).toEqual(['mainTasks']);
  });

  it.each([
    ['质量指标', '100', '%', null],
    ['质量指标', '=100%', '%', null],
    ['质量指标', '100.01', '%', '“指标”为 100.01%，比率和满意度不能超过 100%，请核对后改正'],
    ['质量指标', '≥101%', '%', '“指标”为 ≥101%，比率和满意度不能超过 100%，请核对后改正'],
    ['时效指标', '105', '％', '“指标”为 105％，比率和满意度不能超过 100%，请核对后改正'],
    ['数量指标', '120%', '%', '“指标”为 120%，比率和满意度不能超过 100%，请核对后改正'],
    ['质量指标', '0.9', '%', null],
    ['质量指标', '150', '个', null],
    ['服务对象满意度指标', '100', '%', null],
    ['服务对象满意度指标', '100.01', '%', '“指标”为 100.01%，比率和满意度不能超过 100%，请核对后改正'],
    ['群众满意度指标', '101', '分', '“指标”为 101分，比率和满意度不能超过 100%，请核对后改正'],
    ['数量指标', '0', '人', null],
    ['数量指标', '-1', '人', '“指标”为 -1人，数量指标不能为负数，请核对后改正'],
    ['数量指标', '≥－20', '人次', '“指标”为 ≥－20人次，数量指标不能为负数，请核对后改正'],
    ['经济效益指标', '≥-5', '%', null],
  ])('judges %s %s %s as %s', (level2, value, unit, problem) => {
    const t = complete();
    t.indicators.push(ind('产出指标', level2, '指标', value, unit));
    const item = checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'plausible')!;
    expect(item).toMatchObject({ ok: problem === null, severity: 'error', detail: problem ?? '' });
  });

  it.each([
    ['成本指标', '≤1000', '元/人', '≤1000元/人', null],
    ['成本指标', '999', '元/人', '≤1000元/人', null],
    ['成本指标', '≤1000.01', '元/人', '≤1000元/人', '“人均培训成本”为 ≤1000.01元/人，高于预算支出标准“≤1000元/人”，请调低到标准以内'],
    ['经济成本指标', '≤1200', '元/人', '≤1000元/人', '“人均培训成本”为 ≤1200元/人，高于预算支出标准“≤1000元/人”，请调低到标准以内'],
    ['成本指标', '≤1,200', '元/人', '≤1000', '“人均培训成本”为 ≤1,200元/人，高于预算支出标准“≤1000”，请调低到标准以内'],
    ['成本指标', '≤1.5', '万元/户', '≤1.4 万元/户', '“人均培训成本”为 ≤1.5万元/户，高于预算支出标准“≤1.4 万元/户”，请调低到标准以内'],
    [
      '成本指标',
      '≤0.12',
      '万元/人',
      '≤1000元/人',
      '“人均培训成本”的计量单位“万元/人”与预算支出标准“≤1000元/人”不同，无法比对，请按标准的计量单位填写',
    ],
    ['成本指标', '≤5000', '元/人', null, null],
    ['质量指标', '≤5000', '元/人', '≤1000元/人', null],
  ])('holds %s %s%s to the standard %s: %s', (level2, value, unit, standardCap, problem) => {
    const t = complete();
    t.indicators.push({ ...ind('产出指标', level2, '人均培训成本', value, unit, '≤'), standardCap });
    const item = checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'standard')!;
    expect(item).toMatchObject({ ok: problem === null, severity: 'error', detail: problem ?? '' });
    expect(passesChecks(checkTarget(t, DEFAULT_RULE_SET.targets))).toBe(problem === null);
  });

  it.each([
    ['预算支出标准', '≤1000元/人', '≤1000元/人'],
    [' 预算支出标准 ', ' ≤550元/人天 ', '≤550元/人天'],
    ['预算支出标准', null, null],
    ['预算支出标准', '  ', null],
    ['计划标准', '≤1000元/人', null],
    [null, '≤1000元/人', null],
  ])('reads the library’s 绩效标准 %s with 参考值 %s as the standard %s', (standard, referenceHint, cap) => {
    expect(standardCapOf({ standard, referenceHint })).toBe(cap);
  });

  it.each([
    ['500', 500],
    ['≥95%', 95],
    ['1,200.5', 1200.5],
    ['10月底前', 10],
    ['有效提升', null],
    ['０.９', 0.9],
  ])('reads %s as %s', (text, n) => {
    expect(numberIn(text)).toBe(n);
  });
});

describe('last year against this year', () => {
  /** The target's checks with one more indicator carrying last year's 实际完成值. */
  const lastYearItem = (added: CheckedIndicator) => {
    const t = complete();
    t.indicators.push(added);
    return checkTarget(t, DEFAULT_RULE_SET.targets).find((i) => i.id === 'lastYear');
  };
  const below = (name: string, figures: string) => `“${name}”指标值低于上年实际完成值：${figures}。请核实后调高，确需低于上年的请说明原因`;
  const looser = (name: string, figures: string) =>
    `“${name}”指标值高于上年实际完成值（越低越好，目标比上年放松）：${figures}。请核实后调低，确需放宽的请说明原因`;

  it.each<[string, string, string | null, TargetIndicator['nature'], string, string | null, string | null]>([
    ['equal to last year', '1200', '人次', '≥', '1200', '人次', null],
    ['just below', '1199.99', '人次', '≥', '1200', '人次', below('服务人次', '本年 ≥1199.99人次，上年实际 1200人次')],
    ['well below, operator written in', '≥1000', '人次', '≥', '1200', '人次', below('服务人次', '本年 ≥1000人次，上年实际 1200人次')],
    ['above', '1300', '人次', '≥', '1200', '人次', null],
    ['a rate below, last year as a fraction', '95', '%', '≥', '0.98', '%', below('服务人次', '本年 ≥95%，上年实际 98%')],
    ['a rate equal, written two ways', '≥98%', null, '≥', '98', '%', null],
    ['lower-is-better, a cap above last year', '≤5', '起', '≤', '3', '起', looser('服务人次', '本年 ≤5起，上年实际 3起')],
    ['lower-is-better, a cap at last year', '≤3', '起', '≤', '3', '起', null],
    ['lower-is-better, a cap below last year', '2', '天', '＜', '3', '天', null],
    ['＝0 is a cap: last year had 1', '0', '起', '＝', '1', '起', null],
    ['＝0 is a cap: last year had none', '0', '起', '＝', '0', '起', null],
    ['a different unit (万人次 against 人次)', '0.1', '万人次', '≥', '1200', '人次', null],
    ['last year not applicable', '1000', '人次', '≥', '/', '人次', null],
    ['last year unreadable', '1000', '人次', '≥', '基本完成', '人次', null],
    ['full-width figures and unit', '１０００', '人 次', '≥', '1200', '人次', below('服务人次', '本年 ≥１０００人 次，上年实际 1200人次')],
  ])('%s: %s%s against last year’s %s', (_case, value, unit, nature, actual, lastUnit, problem) => {
    const item = lastYearItem({
      ...ind('产出指标', '数量指标', '服务人次', value, unit, nature),
      lastYearActual: { actual, unit: lastUnit },
    });
    expect(item).toMatchObject({ ok: problem === null, severity: 'warning', detail: problem ?? '' });
  });

  it('ignores a 定性 indicator, and has no item at all without last year’s figures (a new project)', () => {
    const qualitative = {
      ...ind('效益指标', '社会效益指标', '群众获得感', '明显提升', null, '定性'),
      lastYearActual: { actual: '达成', unit: null },
    };
    expect(lastYearItem(qualitative)).toMatchObject({ ok: true, detail: '' });
    expect(lastYearItem(ind('产出指标', '数量指标', '服务人次', '1000', '人次'))).toBeUndefined();
  });

  it('warns without blocking submission', () => {
    const t = complete();
    t.indicators[0] = { ...t.indicators[0]!, lastYearActual: { actual: '600', unit: '人次' } };
    const items = checkTarget(t, DEFAULT_RULE_SET.targets);
    expect(items.filter((i) => !i.ok).map((i) => i.id)).toEqual(['lastYear']);
    expect(passesChecks(items)).toBe(true);
  });
});

describe('三方联合会审', () => {
  it('moves a target by the combined result', () => {
    expect(REVIEW_OUTCOME.优.status).toBe('ready');
    expect(REVIEW_OUTCOME.良.status).toBe('financeCompleting');
    expect(REVIEW_OUTCOME.中.status).toBe('returned');
    expect(REVIEW_OUTCOME.差.status).toBe('notArranged');
  });

  it('allows only the moves of the procedure', () => {
    expect(canMove('draft', 'inReview')).toBe(true);
    expect(canMove('returned', 'inReview')).toBe(true);
    expect(canMove('draft', 'approved')).toBe(false);
    expect(canMove('notArranged', 'inReview')).toBe(false);
    expect(canMove('ready', 'approved')).toBe(true);
    expect(canMove('approved', 'published')).toBe(true);
    expect(isEditable('returned')).toBe(true);
    expect(isEditable('inReview')).toBe(false);
    expect(isLocked('approved')).toBe(true);
  });

  it('suggests the rounded mean of the grades given', () => {
    expect(
      suggestCombinedGrade([
        { completeness: '优', relevance: '优' },
        { completeness: '良', relevance: '优' },
      ]),
    ).toBe('优'); // 3.75
    expect(suggestCombinedGrade([{ completeness: '良' }, { completeness: '中' }])).toBe('良'); // 2.5 rounds up
    expect(suggestCombinedGrade([{ completeness: '差' }, { completeness: '中' }, { completeness: '差' }])).toBe('差');
    expect(suggestCombinedGrade([])).toBeNull();
  });
});

describe('五个同步', () => {
  it('finds the steps where the target lags its budget', () => {
    expect(
      syncLags({
        budget: { assign: '2022-10-08', declare: '2022-11-01', review: '2022-12-01' },
        target: { assign: '2022-10-08', declare: '2022-11-15' },
      }),
    ).toEqual([
      { step: 'declare', budget: '2022-11-01', target: '2022-11-15' },
      { step: 'review', budget: '2022-12-01', target: null },
    ]);
  });
});
