import { describe, expect, it } from 'vitest';
import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS } from '../../electron/rules/indicatorRules';
import { level2KindOf, LEVEL2_KINDS, LEVEL2_WORDINGS } from '../../electron/rules/level2Kinds';

describe('二级 wordings as real tables write them', () => {
  // Every entry of the table, as printed (with 指标) and as the table keys it (without).
  it.each(Object.entries(LEVEL2_WORDINGS))('%s(指标) is a %s indicator', (wording, kind) => {
    expect(level2KindOf(`${wording}指标`)).toBe(kind);
    expect(level2KindOf(wording)).toBe(kind);
  });

  it.each([
    ['数量指标', '数量'],
    ['质量指标', '质量'],
    ['时效指标', '时效'],
    ['成本指标', '成本'],
    ['经济成本指标', '成本'],
    ['社会成本指标', '成本'],
    ['生态环境成本指标', '成本'],
    ['经济效益指标', '经济效益'],
    ['社会效益指标', '社会效益'],
    ['生态效益指标', '生态效益'],
    // Older forms say 环境效益 for 生态效益.
    ['环境效益指标', '生态效益'],
    ['环境效益', '生态效益'],
    ['可持续影响指标', '可持续影响'],
    ['服务对象满意度指标', '满意度'],
    ['社会公众或服务对象满意度指标', '满意度'],
    ['群众满意度指标', '满意度'],
    ['满意度指标', '满意度'],
    [' 数量 指标 ', '数量'],
    ['社会公众或服务对象满意度　指标', '满意度'],
    ['经济效益\n指标', '经济效益'],
  ])('reads %j as %s', (name, kind) => {
    expect(level2KindOf(name)).toBe(kind);
  });

  it('reads every 二级 of both layouts', () => {
    const names = [...Object.values(THREE_WAY_LEVELS), ...Object.values(FOUR_WAY_LEVELS)].flat();
    expect(names.filter((n) => level2KindOf(n) === null)).toEqual([]);
  });

  it('maps only to the kinds it lists, and each kind has a wording', () => {
    expect(new Set(Object.values(LEVEL2_WORDINGS))).toEqual(new Set(LEVEL2_KINDS));
  });

  it.each(['', '指标', '产出指标', '效益指标', '其他指标', '数量指标2', '满意', '数量指标指标', '环境指标'])(
    'does not guess at %j',
    (name) => {
      expect(level2KindOf(name)).toBeNull();
    },
  );
});
