import { describe, expect, it } from 'vitest';
import { canMove, isEditable, isLocked, REVIEW_OUTCOME, suggestCombinedGrade, syncLags } from '../../electron/rules/jointReview';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import { checkTarget, numberIn, passesChecks, type TargetDraft, type TargetIndicator } from '../../electron/rules/targetChecks';

const ind = (
  level1: string,
  level2: string,
  name: string,
  value: string,
  unit: string | null = '个',
  nature: TargetIndicator['nature'] = '≥',
): TargetIndicator => ({ level1, level2, name, nature, value, unit });

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

  it('asks a department target for its main tasks', () => {
    expect(failing({ ...complete(), subject: 'department', mainTasks: ' ' })).toEqual(['mainTasks']);
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
