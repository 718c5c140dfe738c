/**
 * The result-application rules on their own: which actions move money (and so need an amount), which
 * evaluations can have their result applied, and the field messages a clerk sees.
 */
import { describe, expect, it } from 'vitest';
import { knownActionTypes, moneyEffectOf, resultActionProblems, resultNotApplicableReason } from '../../electron/rules/resultApplication';

const known = knownActionTypes({ 优: '优先保障', 良: '合理保障', 中: '核减', 差: '取消或暂停', 较差: '约谈整改' });
const check = (more: Partial<Parameters<typeof resultActionProblems>[0]>, ...project: [{ year: number } | null | undefined] | []) =>
  resultActionProblems(
    { actionType: '优先保障', amountFen: null, status: 'planned', ...more },
    { evaluatedYear: 2022, known, nextYearProject: project.length ? project[0] : null },
  );

describe('result-application rules', () => {
  it.each([
    ['收回部分资金', 'recovered'],
    ['清理结转结余资金', 'cleared'],
    ['调减下年度预算', 'cut'],
    ['核减', 'cut'],
    ['优先保障', null],
    ['合理保障', null],
    ['取消或暂停', null],
  ])('%s moves money as %s', (action, effect) => {
    expect(moneyEffectOf(action)).toBe(effect);
  });

  it('accepts the shared words and whatever the year’s rules word for a grade', () => {
    expect(known).toContain('约谈整改');
    expect(check({ actionType: '约谈整改' })).toEqual({});
    expect(check({ actionType: '随便' }).actionType).toMatch(/^请选择结果应用方式（/);
  });

  it.each([
    [{ actionType: '收回部分资金', amountFen: null }, { amountFen: '“收回部分资金”须填写金额（万元），没有金额时填 0' }],
    [{ actionType: '收回部分资金', amountFen: 0 }, {}],
    [{ amountFen: -1 }, { amountFen: '金额须为不小于 0 的数（万元，最多六位小数）' }],
    [{ amountFen: 1.5 }, { amountFen: '金额须为不小于 0 的数（万元，最多六位小数）' }],
    [{ status: 'done' as never }, { status: '请选择状态（拟定、已落实或已撤销）' }],
  ])('checks the amount and status: %o', (input, fields) => {
    expect(check(input)).toEqual(fields);
  });

  it('wants a project of the year after the evaluated one', () => {
    expect(check({}, { year: 2023 })).toEqual({});
    expect(check({}, { year: 2022 })).toEqual({ nextYearProjectId: '请选择 2023 年度的项目（所选项目属于 2022 年度）' });
    expect(check({}, undefined)).toEqual({ nextYearProjectId: '所选的下年度项目不存在，请刷新后重新选择' });
  });

  it.each([
    [{ status: 'accepted', complete: true, total: 85 }, true],
    [{ status: 'draft', complete: true, total: 85 }, true],
    [{ status: 'submitted', complete: false, total: 8 }, false],
    [{ status: 'draft', complete: false, total: null }, false],
  ] as const)('applies the result of %o: %s', (e, applicable) => {
    expect(resultNotApplicableReason(e) === null).toBe(applicable);
  });
});
