import { describe, expect, it } from 'vitest';
import { recommendIndicators, matchesIndicator, type LibraryIndicator } from '../../electron/rules/indicatorRecommendation';
import { indicatorProblems, isLowerBetter, normaliseNature, placeIndicator } from '../../electron/rules/indicatorRules';

describe('性质 as units write it', () => {
  it.each([
    ['≥', '≥'],
    ['≧', '≥'],
    ['>=', '≥'],
    ['＞＝', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['≤', '≤'],
    ['≦', '≤'],
    ['<=', '≤'],
    ['不超过', '≤'],
    ['>', '＞'],
    ['＞', '＞'],
    ['<', '＜'],
    ['=', '＝'],
    ['＝', '＝'],
    [' 定性 ', '定性'],
  ])('%s → %s', (text, nature) => expect(normaliseNature(text)).toBe(nature));

  it('does not guess at an unknown operator', () => {
    expect(normaliseNature('约等于')).toBeNull();
    expect(normaliseNature('')).toBeNull();
  });

  it.each([
    ['≤', null, true],
    ['＜', null, true],
    ['≤', 0, true],
    ['＝', null, false],
    ['＝', 100, false],
    ['＝', 0, true],
    ['≥', null, false],
    ['≥', 0, false],
    ['＞', 0, false],
  ] as const)('knows which operators cap a value: %s with target %s is lower-is-better: %s', (nature, target, lower) => {
    expect(isLowerBetter(nature, target)).toBe(lower);
  });
});

describe('the two layouts', () => {
  it('moves 成本 to its own 一级 in 四分法 only', () => {
    expect(placeIndicator('产出指标', '成本指标', 'three')).toEqual({ level1: '产出指标', level2: '成本指标' });
    expect(placeIndicator('产出指标', '成本指标', 'four')).toEqual({ level1: '成本指标', level2: '经济成本指标' });
    expect(placeIndicator('产出指标', '数量指标', 'four')).toEqual({ level1: '产出指标', level2: '数量指标' });
  });
});

describe('a well-formed indicator', () => {
  const ok = { level1: '产出指标', level2: '数量指标', name: '培训人次', nature: '≥', unit: '人次' };
  it('has no problems when complete', () => expect(indicatorProblems(ok)).toEqual({}));
  it.each([
    [{ unit: null }, 'unit', '计量单位'],
    [{ unit: '  ' }, 'unit', '计量单位'],
    [{ level2: '满意度指标' }, 'level2', '数量指标'],
    [{ level1: '投入指标' }, 'level1', '产出指标'],
    [{ nature: '约' }, 'nature', '≥'],
    [{ name: '' }, 'name', '请填写'],
    [{ name: '长'.repeat(101) }, 'name', '100'],
  ])('%o is refused at %s', (patch, field, words) => {
    expect(indicatorProblems({ ...ok, ...patch })[field]).toContain(words);
  });
  it('lets a qualitative indicator go without a unit', () => {
    expect(indicatorProblems({ ...ok, level1: '效益指标', level2: '社会效益指标', nature: '定性', unit: null })).toEqual({});
  });
});

const lib = (over: Partial<LibraryIndicator> & Pick<LibraryIndicator, 'id' | 'className' | 'name'>): LibraryIndicator => ({
  level1: '产出指标',
  level2: '数量指标',
  keywords: null,
  explanation: null,
  mandatory: false,
  retired: false,
  ...over,
});
const library = [
  lib({ id: 1, className: '培训', name: '培训人次', keywords: '培训,参训', mandatory: true }),
  lib({ id: 2, className: '培训', name: '培训合格率', keywords: '考核,合格' }),
  lib({ id: 3, className: '培训', name: '参训人员满意度', level1: '满意度指标', level2: '服务对象满意度指标', mandatory: true }),
  lib({ id: 4, className: '道路交通', name: '新建道路里程', keywords: '道路,公路,里程' }),
  lib({ id: 5, className: '培训', name: '旧培训指标', retired: true }),
];

describe('recommendations for a project', () => {
  it("puts the class's mandatory indicators first and explains why", () => {
    const recs = recommendIndicators(library, { className: '培训', text: '2023年基层干部培训项目' });
    expect(
      recs
        .slice(0, 2)
        .map((r) => r.indicator.id)
        .sort(),
    ).toEqual([1, 3]);
    expect(recs[0]!.reasons).toContain('本类必选指标');
    expect(recs.map((r) => r.indicator.id)).not.toContain(5);
  });

  it("guesses the class from the project's words when none is given", () => {
    const recs = recommendIndicators(library, { text: '野云沟乡农村公路道路硬化工程' });
    expect(recs[0]!.indicator.name).toBe('新建道路里程');
    expect(recs[0]!.reasons.join()).toContain('道路');
  });

  it('search matches name, keywords and class, all terms required', () => {
    expect(library.filter((i) => matchesIndicator(i, '合格')).map((i) => i.id)).toEqual([2]);
    expect(library.filter((i) => matchesIndicator(i, '培训 满意')).map((i) => i.id)).toEqual([3]);
    expect(library.filter((i) => matchesIndicator(i, '公路')).map((i) => i.id)).toEqual([4]);
  });
});
