import { describe, expect, it } from 'vitest';
import { checkFramework } from '../../electron/rules/keyEvaluationFrameworkCheck';
import { nameCharacterProblem, textCharacterProblem } from '../../electron/rules/textRules';

describe('names', () => {
  it('accept Chinese names with brackets, full-width characters, Uyghur script and private-use rare hanzi', () => {
    for (const name of ['轮台县财政局', '轮台县第一中学（分校）', 'ＡＢ类项目', 'تۈرتۈك ناھىيىسى', '张\uE000明', '2023年“三保”资金'])
      expect(nameCharacterProblem('单位名称', name)).toBeNull();
  });

  it('refuse a NUL, the right-to-left override, zero-width characters and line breaks, naming the character and where it is', () => {
    expect(nameCharacterProblem('单位名称', '轮台县\u0000财政局')).toBe(
      '单位名称含有空字符（U+0000，在“轮台县”之后）。不能含控制字符、文字方向控制符或零宽字符（常由复制粘贴带入），请删除该字符后重新填写',
    );
    expect(nameCharacterProblem('项目名称', '\u202E局政财')).toMatch(/^项目名称含有文字方向控制符（U\+202E，在开头）/);
    expect(nameCharacterProblem('项目名称', '财政\u2066局\u2069')).toMatch(/文字方向控制符（U\+2066，在“财政”之后）/);
    expect(nameCharacterProblem('类别名称', '产出\u200B指标')).toMatch(/零宽字符（U\+200B/);
    expect(nameCharacterProblem('类别名称', '产出\u200D指标')).toMatch(/零宽字符（U\+200D/);
    expect(nameCharacterProblem('类别名称', '产出\n指标')).toMatch(/换行符（U\+000A/);
    expect(nameCharacterProblem('类别名称', '产出\t指标')).toMatch(/制表符（U\+0009/);
    expect(nameCharacterProblem('类别名称', '产出\u0085指标')).toMatch(/换行符（U\+0085/);
    expect(nameCharacterProblem('类别名称', '产出\u009B指标')).toMatch(/控制字符（U\+009B/);
    expect(nameCharacterProblem('类别名称', '产出\uD800指标')).toMatch(/残缺的字符/);
  });
});

describe('multi-line texts', () => {
  it('keep tabs, line breaks and emoji joiners, but refuse other control characters and bidi controls', () => {
    expect(textCharacterProblem('存在的问题', '一、资金拨付滞后\r\n二、\t绩效目标不细化👩\u200D💻')).toBeNull();
    expect(textCharacterProblem('存在的问题', '一、资金\u0000拨付')).toMatch(/^存在的问题含有空字符（U\+0000，在“一、资金”之后）/);
    expect(textCharacterProblem('存在的问题', '一、资金\u202E拨付')).toMatch(/文字方向控制符（U\+202E/);
    expect(textCharacterProblem('存在的问题', '\u000B')).toMatch(/控制字符（U\+000B，在开头）/);
  });
});

describe('a key evaluation framework', () => {
  it('refuses a hidden character in an indicator name at that name, as the editor and the framework import show it', () => {
    const framework = [
      {
        name: '决策',
        weight: 100,
        level2: [
          { name: '项目立项\u202E', indicators: [{ code: 'A1', name: '立项\u0000依据', points: 100, rule: '充分得满分', formula: null }] },
        ],
      },
    ];
    expect(checkFramework(framework).map((p) => [p.field, p.message])).toEqual([
      ['0.0.name', expect.stringMatching(/^二级指标名称含有文字方向控制符（U\+202E，在“项目立项”之后）/)],
      ['0.0.0.name', expect.stringMatching(/^三级指标名称含有空字符（U\+0000，在“立项”之后）/)],
    ]);
  });
});
