import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS } from '../../electron/rules/indicatorRules';
import { type IndicatorLayout, type IndicatorScope, type Nature, NATURES } from '../../electron/bridge/contract';

/** 性质 as the form offers it: the operator, then how a clerk reads it aloud. */
export const NATURE_LABELS: Record<Nature, string> = {
  '≥': '≥ 大于等于',
  '＞': '＞ 大于',
  '＝': '＝ 等于',
  '＜': '＜ 小于',
  '≤': '≤ 小于等于',
  定性: '定性',
};

export const NATURE_OPTIONS = NATURES.map((value) => ({ value, label: NATURE_LABELS[value] }));

/** 绩效标准 (财预〔2020〕10号): 历史标准 is the average of the previous three years. */
export const STANDARDS = ['计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准'] as const;

export const SCOPE_LABELS: Record<IndicatorScope, string> = { annual: '年度', overall: '总体（跨年度）' };

/** Units seen in published tables, offered while typing; any other unit may be typed. */
export const COMMON_UNITS = [
  '人',
  '人次',
  '户',
  '个',
  '次',
  '期',
  '天',
  '篇',
  '份',
  '件',
  '台',
  '套',
  '公里',
  '米',
  '平方米',
  '亩',
  '元/人',
  '万元',
  '%',
  '工作日',
];

/** The 一级 → 二级 levels a year shows, in order. */
export function levelsOf(layout: IndicatorLayout): Record<string, readonly string[]> {
  return layout === 'four' ? FOUR_WAY_LEVELS : THREE_WAY_LEVELS;
}

/** 二级 choices grouped under their 一级, as a Mantine Select's grouped data. */
export function level2Options(layout: IndicatorLayout, level1: string | null): { group: string; items: string[] }[] {
  return Object.entries(levelsOf(layout))
    .filter(([l1]) => level1 === null || l1 === level1)
    .map(([group, items]) => ({ group, items: [...items] }));
}

/** The keywords field as separate words (the library writes them comma-separated). */
export function keywordList(keywords: string | null): string[] {
  return (keywords ?? '')
    .split(/[,，、;；\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);
}
