/**
 * 共性指标 rules: the levels of the two layouts, the 性质 operators as units write them, and what makes
 * an indicator well-formed. The library stores every indicator in the 三分法 placement; the 四分法 view
 * is derived here, so one library serves both layouts.
 */
import { NATURES, type IndicatorLayout, type Nature } from '../../db/vocabulary';
import { nameCharacterProblem } from './textRules';

/** 三分法 (财预〔2015〕88号 / 〔2020〕10号): the library's own placement. */
export const THREE_WAY_LEVELS: Record<string, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

/** 四分法 (财预〔2021〕101号): 成本 becomes its own 一级. */
export const FOUR_WAY_LEVELS: Record<string, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const LAYOUT_LABELS: Record<IndicatorLayout, string> = {
  three: '三分法（产出/效益/满意度）',
  four: '四分法（产出/成本/效益/满意度）',
};

/** Where a library indicator (三分法 placement) sits in the year's layout. */
export function placeIndicator(level1: string, level2: string, layout: IndicatorLayout): { level1: string; level2: string } {
  if (layout === 'four' && level2 === '成本指标') return { level1: '成本指标', level2: '经济成本指标' };
  return { level1, level2 };
}

const NATURE_SPELLINGS: [RegExp, Nature][] = [
  [/^(≥|≧|>=|＞=|＞＝|>＝|不低于|不少于|大于等于|大于或等于)$/, '≥'],
  [/^(≤|≦|<=|＜=|＜＝|<＝|不高于|不超过|不多于|小于等于|小于或等于)$/, '≤'],
  [/^(＞|>|大于|高于)$/, '＞'],
  [/^(＜|<|小于|低于)$/, '＜'],
  [/^(＝|=|==|等于)$/, '＝'],
  [/^(定性|定性指标)$/, '定性'],
];

/** The 性质 written any of the ways real tables write it ("≧", ">=", "大于等于" …), or null. */
export function normaliseNature(text: string): Nature | null {
  const t = text.replace(/\s+/g, '');
  for (const [pattern, nature] of NATURE_SPELLINGS) if (pattern.test(t)) return nature;
  return null;
}

/**
 * Higher-is-better unless the operator caps the value (≤ ＜). ＝ counts as higher-is-better unless the
 * target is 0 (domain.md §2: 安全事故 ＝0 起 is a cap), so callers that know the target pass it.
 */
export function isLowerBetter(nature: Nature, target: number | null = null): boolean {
  return nature === '≤' || nature === '＜' || (nature === '＝' && target === 0);
}

export interface IndicatorDraft {
  level1: string;
  level2: string;
  name: string;
  nature: string;
  unit: string | null;
}

export const INDICATOR_NAME_MAX = 100;

/**
 * What is wrong with an indicator, by field, in the words shown to the user; empty when it is fine.
 * Uniqueness within a class needs the ledger and is checked by the service.
 */
export function indicatorProblems(draft: IndicatorDraft): Record<string, string> {
  const problems: Record<string, string> = {};
  const level2s = THREE_WAY_LEVELS[draft.level1];
  if (!level2s) problems.level1 = `一级指标须为 ${Object.keys(THREE_WAY_LEVELS).join('、')} 之一`;
  else if (!level2s.includes(draft.level2)) problems.level2 = `“${draft.level1}”下的二级指标须为 ${level2s.join('、')} 之一`;
  const name = draft.name.trim();
  if (!name) problems.name = '请填写三级指标名称';
  else if (name.length > INDICATOR_NAME_MAX) problems.name = `指标名称不超过 ${INDICATOR_NAME_MAX} 个字`;
  else {
    const characters = nameCharacterProblem('三级指标名称', name);
    if (characters) problems.name = characters;
  }
  if (!(NATURES as readonly string[]).includes(draft.nature)) problems.nature = `指标性质须为 ${NATURES.join(' ')} 之一`;
  else if (draft.nature !== '定性' && !draft.unit?.trim()) problems.unit = '定量指标须填写计量单位';
  return problems;
}
