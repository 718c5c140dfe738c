/**
 * Editing a key-evaluation framework on screen: every edit returns a new framework and leaves its
 * input alone, codes are never renumbered nor reused, sums are exact, and each wrong field is named.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_TEMPLATES } from '../../electron/rules/keyEvaluationFrameworks';
import { checkFramework, frameworkProblems, refusalFields } from '../../electron/rules/keyEvaluationFrameworkCheck';
import type { Framework, FrameworkIndicator } from '../../electron/rules/keyEvaluationScore';
import {
  addIndicator,
  addLevel1,
  addLevel2,
  canSave,
  draftMessages,
  level1PointsSum,
  moveIndicator,
  refusalFieldNames,
  removeIndicator,
  removeLevel1,
  removeLevel2,
  renameLevel1,
  renameLevel2,
  sameFramework,
  setLevel1Weight,
  typedNumber,
  updateIndicator,
  weightsSum,
} from '../../renderer/keyEvaluations/frameworkDraft';

const ind = (code: string, points: number, name = `指标${code}`): FrameworkIndicator => ({
  code,
  name,
  points,
  rule: '按标准评分',
  formula: null,
});

/** Two 一级 (60/40) that frameworkProblems accepts. */
function sample(): Framework {
  return [
    {
      name: '决策',
      weight: 60,
      level2: [
        { name: '项目立项', indicators: [ind('1.1.1', 10), ind('1.1.2', 20), ind('1.1.3', 10)] },
        { name: '绩效目标', indicators: [ind('1.2.1', 20)] },
      ],
    },
    { name: '效益', weight: 40, level2: [{ name: '社会效益', indicators: [ind('2.1.1', 40)] }] },
  ];
}

/** The messages the editor shows at its inputs. */
const draftFieldErrors = (f: Framework) => draftMessages(f).fields;

const codes = (f: Framework) => f.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code)));

/** Runs an edit on a frozen copy of sample(), so any mutation throws, and checks the input is as it was. */
function edit(change: (f: Framework) => Framework): Framework {
  const input = deepFreeze(sample());
  const out = change(input);
  expect(input).toEqual(sample());
  expect(out).not.toBe(input);
  return out;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

describe('一级 edits', () => {
  it('adds a 一级 with weight 0 and one 二级 holding one new indicator', () => {
    const out = edit((f) => addLevel1(f));
    expect(out).toHaveLength(3);
    expect(out[2]).toEqual({
      name: '新一级指标',
      weight: 0,
      level2: [{ name: '新二级指标', indicators: [{ code: '3.1.1', name: '', points: 0, rule: '', formula: null }] }],
    });
  });

  it('removes, renames and re-weights a 一级 without touching the codes', () => {
    expect(codes(edit((f) => removeLevel1(f, 0)))).toEqual(['2.1.1']);
    expect(edit((f) => renameLevel1(f, 1, '满意度'))[1]!.name).toBe('满意度');
    expect(edit((f) => setLevel1Weight(f, 0, 55.5))[0]!.weight).toBe(55.5);
  });

  it('refuses a position that does not exist', () => {
    expect(() => removeLevel1(sample(), 2)).toThrow(RangeError);
    expect(() => renameLevel2(sample(), 1, 1, 'x')).toThrow(RangeError);
  });
});

describe('二级 edits', () => {
  it('adds a 二级 "新二级指标" with one new indicator numbered by its position', () => {
    const out = edit((f) => addLevel2(f, 0));
    expect(out[0]!.level2[2]).toEqual({
      name: '新二级指标',
      indicators: [{ code: '1.3.1', name: '', points: 0, rule: '', formula: null }],
    });
  });

  it('removes and renames a 二级; the codes after a removed one stay as they were', () => {
    const out = edit((f) => removeLevel2(f, 0, 0));
    expect(out[0]!.level2.map((l2) => l2.name)).toEqual(['绩效目标']);
    expect(codes(out)).toEqual(['1.2.1', '2.1.1']);
    expect(edit((f) => renameLevel2(f, 0, 1, '绩效目标设定'))[0]!.level2[1]!.name).toBe('绩效目标设定');
  });
});

describe('adding an indicator', () => {
  it('appends an empty indicator with the next code of its 二级', () => {
    const out = edit((f) => addIndicator(f, 0, 0));
    expect(out[0]!.level2[0]!.indicators[3]).toEqual({ code: '1.1.4', name: '', points: 0, rule: '', formula: null });
  });

  // One past the highest, not the first gap: a code freed in this edit is not handed to a different
  // indicator, which would otherwise inherit the removed one's scores.
  it('does not reuse a gap left by a removal', () => {
    const out = addIndicator(removeIndicator(sample(), 0, 0, 1), 0, 0);
    expect(codes(out).slice(0, 3)).toEqual(['1.1.1', '1.1.3', '1.1.4']);
  });

  it('does not reuse the saved codes passed as reserved, even when the highest one was removed', () => {
    const saved = sample();
    const withoutLast = removeIndicator(saved, 0, 0, 2);
    expect(codes(addIndicator(withoutLast, 0, 0)).slice(0, 3)).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    expect(codes(addIndicator(withoutLast, 0, 0, codes(saved))).slice(0, 3)).toEqual(['1.1.1', '1.1.2', '1.1.4']);
  });

  it('never collides with a code anywhere in the framework, e.g. left behind by a removed 二级', () => {
    // Removing 项目立项 moves 绩效目标 (codes 1.2.x) to position 1; a 二级 added now is again at 1.2.
    const out = addLevel2(removeLevel2(sample(), 0, 0), 0);
    expect(codes(out)).toEqual(['1.2.1', '1.2.2', '2.1.1']);
    // A code typed elsewhere takes its number out of use as well.
    const typed = updateIndicator(sample(), 1, 0, 0, { code: ' 1.1.7' });
    expect(codes(addIndicator(typed, 0, 0))[3]).toBe('1.1.8');
  });
});

describe('editing, removing and moving indicators', () => {
  it('patches one indicator', () => {
    const out = edit((f) => updateIndicator(f, 0, 1, 0, { name: '绩效目标合理性', points: 2.5, formula: 'a / b' }));
    expect(out[0]!.level2[1]!.indicators[0]).toEqual({
      code: '1.2.1',
      name: '绩效目标合理性',
      points: 2.5,
      rule: '按标准评分',
      formula: 'a / b',
    });
  });

  it('shares the branches it does not change', () => {
    const f = sample();
    const out = updateIndicator(f, 0, 1, 0, { points: 15 });
    expect(out[1]).toBe(f[1]);
    expect(out[0]!.level2[0]).toBe(f[0]!.level2[0]);
  });

  it('removes one indicator and renumbers nothing', () => {
    expect(codes(edit((f) => removeIndicator(f, 0, 0, 0)))).toEqual(['1.1.2', '1.1.3', '1.2.1', '2.1.1']);
  });

  it('moves an indicator within its 二级 with its code', () => {
    const down = edit((f) => moveIndicator(f, 0, 0, 0, 1));
    expect(down[0]!.level2[0]!.indicators.map((i) => [i.code, i.name])).toEqual([
      ['1.1.2', '指标1.1.2'],
      ['1.1.1', '指标1.1.1'],
      ['1.1.3', '指标1.1.3'],
    ]);
    expect(codes(moveIndicator(sample(), 0, 0, 2, -1)).slice(0, 3)).toEqual(['1.1.1', '1.1.3', '1.1.2']);
  });

  it('does nothing at either end of its 二级', () => {
    const f = sample();
    expect(moveIndicator(f, 0, 0, 0, -1)).toBe(f);
    expect(moveIndicator(f, 0, 0, 2, 1)).toBe(f);
    expect(moveIndicator(f, 0, 1, 0, 1)).toBe(f);
  });
});

describe('sums', () => {
  it('adds points and weights in hundredths', () => {
    const l1 = {
      name: '决策',
      weight: 7,
      level2: [{ name: 'a', indicators: [ind('1.1.1', 2.25), ind('1.1.2', 3.35), ind('1.1.3', 1.4)] }],
    };
    expect(level1PointsSum(l1)).toBe(7);
    expect(level1PointsSum({ ...l1, level2: [{ name: 'a', indicators: [ind('1.1.1', 0.1), ind('1.1.2', 0.2)] }] })).toBe(0.3);
    expect(level1PointsSum({ ...l1, level2: [] })).toBe(0);
    expect(
      weightsSum([
        { ...l1, weight: 33.33 },
        { ...l1, weight: 33.33 },
        { ...l1, weight: 33.34 },
      ]),
    ).toBe(100);
    expect(weightsSum(sample())).toBe(100);
    expect(weightsSum([])).toBe(0);
  });
});

describe('typedNumber', () => {
  it('reads what a NumberInput holds; empty or unparsable is 0', () => {
    expect(typedNumber(2.5)).toBe(2.5);
    expect(typedNumber('2.')).toBe(2);
    expect(typedNumber('2.50')).toBe(2.5);
    expect(typedNumber('')).toBe(0);
    expect(typedNumber(' ')).toBe(0);
    expect(typedNumber('-')).toBe(0);
    expect(typedNumber(Number.NaN)).toBe(0);
  });
});

describe('the messages at the inputs', () => {
  it('finds nothing in a usable framework nor in the templates', () => {
    expect(draftFieldErrors(sample())).toEqual({});
    for (const t of FRAMEWORK_TEMPLATES) {
      expect(draftFieldErrors(t.framework)).toEqual({});
      expect(frameworkProblems(t.framework)).toEqual([]);
    }
  });

  it('names every field of a new, empty indicator', () => {
    expect(draftFieldErrors(addIndicator(sample(), 0, 1))).toEqual({
      '0.1.1.name': '三级指标名称不能为空',
      '0.1.1.points': '分值须大于 0',
      '0.1.1.rule': '请填写评分标准',
    });
  });

  it('requires names at every level', () => {
    let f = renameLevel1(sample(), 0, ' ');
    f = renameLevel2(f, 1, 0, '');
    f = updateIndicator(f, 0, 0, 2, { name: '' });
    expect(draftFieldErrors(f)).toEqual({
      '0.name': '一级指标名称不能为空',
      '1.0.name': '二级指标名称不能为空',
      '0.0.2.name': '三级指标名称不能为空',
    });
  });

  it('refuses repeated 一级 names, and repeated 二级 names within a 一级', () => {
    expect(draftFieldErrors(renameLevel1(sample(), 1, '决策 '))).toEqual({
      '0.name': '一级指标“决策”重复',
      '1.name': '一级指标“决策”重复',
    });
    expect(draftFieldErrors(renameLevel2(sample(), 0, 1, '项目立项'))).toEqual({
      '0.0.name': '二级指标“项目立项”重复',
      '0.1.name': '二级指标“项目立项”重复',
    });
    // The same 二级 name under another 一级 is fine.
    expect(draftFieldErrors(renameLevel2(sample(), 1, 0, '项目立项'))).toEqual({});
  });

  it('requires a code and marks every holder of a repeated one', () => {
    const repeated = updateIndicator(sample(), 1, 0, 0, { code: '1.1.2' });
    expect(draftFieldErrors(repeated)).toEqual({ '0.0.1.code': '编号 1.1.2 重复', '1.0.0.code': '编号 1.1.2 重复' });
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { code: ' ' }))).toEqual({ '0.0.0.code': '请填写编号' });
  });

  it('requires points above 0 with at most 2 decimals', () => {
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { points: 0 }))).toEqual({ '0.0.0.points': '分值须大于 0' });
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { points: -1 }))).toEqual({ '0.0.0.points': '分值须大于 0' });
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { points: 2.125 }))).toEqual({ '0.0.0.points': '分值最多两位小数' });
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { points: 2.35 }))).toEqual({});
  });

  it('requires a weight of 0 or more with at most 2 decimals', () => {
    expect(draftFieldErrors(setLevel1Weight(sample(), 0, -5))).toEqual({ '0.weight': '权重不能为负数' });
    expect(draftFieldErrors(setLevel1Weight(sample(), 0, 33.333))).toEqual({ '0.weight': '权重最多两位小数' });
    expect(draftFieldErrors(setLevel1Weight(sample(), 0, 0))).toEqual({});
  });

  it('requires 评分标准 but not 计算公式', () => {
    expect(draftFieldErrors(updateIndicator(sample(), 0, 0, 0, { rule: '  ' }))).toEqual({ '0.0.0.rule': '请填写评分标准' });
  });

  it('limits 编号, 名称, 评分标准 and 计算公式 to what the scoring table holds', () => {
    const long = updateIndicator(sample(), 0, 0, 0, {
      code: '1'.repeat(21),
      name: '名'.repeat(101),
      rule: '标'.repeat(2001),
      formula: '式'.repeat(501),
    });
    expect(draftFieldErrors(long)).toEqual({
      '0.0.0.code': '编号不超过 20 个字符',
      '0.0.0.name': '三级指标名称不超过 100 个字',
      '0.0.0.rule': '评分标准不超过 2000 个字',
      '0.0.0.formula': '计算公式不超过 500 个字',
    });
  });

  it('requires a 二级 under every 一级 and a 三级 under every 二级', () => {
    const f = sample();
    const empty: Framework = [
      { ...f[0]!, level2: [{ name: '项目立项', indicators: [] }] },
      { ...f[1]!, level2: [] },
    ];
    expect(draftFieldErrors(empty)).toEqual({ '0.0.indicators': '请至少设一个三级指标', '1.level2': '请至少设一个二级指标' });
  });
});

describe('the messages for the framework as a whole', () => {
  it('puts sums in the alert, not at a field, and allows saving only when the check finds nothing', () => {
    const f = updateIndicator(sample(), 0, 0, 0, { points: 12 });
    expect(draftMessages(f)).toEqual({ fields: {}, overall: ['“决策”下三级指标分值合计为 62，应等于其权重 60'] });
    expect(canSave(f)).toBe(false);
    expect(canSave(sample())).toBe(true);
    expect(draftMessages([])).toEqual({ fields: {}, overall: ['尚未设置评价指标体系'] });
  });

  it('shows a refusal of the draft at its inputs where the check has nothing, and its whole-framework problems once', () => {
    const refusal = { 'framework.0.0.0.rule': '请填写评分标准', framework: '一级指标权重合计为 90，应为 100', name: '请填写模板名称' };
    expect(draftMessages(sample(), refusal)).toEqual({
      fields: { '0.0.0.rule': '请填写评分标准' },
      overall: ['一级指标权重合计为 90，应为 100'],
    });
    // The live check wins at a field and is not repeated in the alert.
    const f = setLevel1Weight(updateIndicator(sample(), 0, 0, 0, { points: 2.125 }), 1, 30);
    const live = draftMessages(f);
    expect(draftMessages(f, refusalFields(checkFramework(f)))).toEqual(live);
  });

  it('names, for the form, every field a refusal of the draft can carry', () => {
    let f = addIndicator(addLevel1(sample()), 0, 0);
    f = renameLevel1(renameLevel2(f, 0, 1, '项目立项'), 1, '决策');
    f = updateIndicator(f, 1, 0, 0, { code: '1.1.1', formula: '式'.repeat(501) });
    const fields = Object.keys(refusalFields(checkFramework(f)));
    expect(fields.length).toBeGreaterThan(8);
    expect(refusalFieldNames(f)).toEqual(expect.arrayContaining(fields));
  });
});

describe('sameFramework', () => {
  it('compares deeply', () => {
    expect(sameFramework(sample(), sample())).toBe(true);
    expect(sameFramework(sample(), renameLevel1(sample(), 0, '决策 '))).toBe(false);
    expect(sameFramework(sample(), setLevel1Weight(sample(), 0, 60.01))).toBe(false);
    expect(sameFramework(sample(), renameLevel2(sample(), 0, 0, '立项'))).toBe(false);
    expect(sameFramework(sample(), updateIndicator(sample(), 0, 0, 0, { rule: '另一标准' }))).toBe(false);
    expect(sameFramework(sample(), updateIndicator(sample(), 0, 0, 0, { code: '1.1.9' }))).toBe(false);
    expect(sameFramework(sample(), moveIndicator(sample(), 0, 0, 0, 1))).toBe(false);
    expect(sameFramework(sample(), removeLevel1(sample(), 1))).toBe(false);
    expect(sameFramework(sample(), addIndicator(sample(), 0, 0))).toBe(false);
  });

  it('takes an empty 计算公式 as none', () => {
    const { formula: _none, ...noFormula } = ind('1.1.1', 10);
    const absent = updateIndicator(sample(), 0, 0, 0, {});
    absent[0]!.level2[0]!.indicators[0] = noFormula;
    expect(sameFramework(sample(), absent)).toBe(true);
    expect(sameFramework(sample(), updateIndicator(sample(), 0, 0, 0, { formula: '' }))).toBe(true);
    expect(sameFramework(sample(), updateIndicator(sample(), 0, 0, 0, { formula: 'a / b' }))).toBe(false);
  });
});
