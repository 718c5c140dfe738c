/**
 * The cells of one indicator row as units write them (domain.md §8): 性质 in its column or fused into
 * 指标值 ("≥95%", "≧", "大于等于"), percentages with or without "%" (a number cell formatted as a
 * percentage reads as 0.95 and is taken as 95%), units inside the value ("500人次"), 一级/二级 written
 * short ("产出"/"数量") or in the 四分法, placeholder names and the words for 年度/中期.
 */
import { cellText } from '../formats/findTable';
import type { CellValue } from '../formats/readWorkbook';
import { FOUR_WAY_LEVELS, normaliseNature, THREE_WAY_LEVELS } from '../rules/indicatorRules';
import type { Nature } from '../../db/vocabulary';

export const PLACEHOLDER_NAME = /^([.。·…\-—－_/\\、~～]+|(三级)?指标\d+|指标名称\d*|略|无|以下空白|此处空白)$/;
export const PERIOD_WORDS: Record<string, 'annual' | 'midTerm'> = {
  年度: 'annual',
  年度指标: 'annual',
  当年: 'annual',
  本年度: 'annual',
  中期: 'midTerm',
  中期指标: 'midTerm',
  总体: 'midTerm',
  多年: 'midTerm',
};
const OPERATOR_PREFIX =
  /^\s*(≥|≧|>=|＞=|＞＝|>＝|≤|≦|<=|＜=|＜＝|<＝|＞|>|＜|<|＝|==|=|不低于|不少于|大于或等于|大于等于|不高于|不超过|不多于|小于或等于|小于等于|大于|高于|小于|低于|等于)\s*/;

interface ParsedValue {
  nature: Nature | null;
  /** The 性质 as written, for the message when it is not recognised. */
  natureText: string;
  value: string;
  unit: string;
  /** A percentage-formatted number (0.95) read as 95. */
  fraction: boolean;
  conflict: string | null;
}

/** 性质, 指标值 and 计量单位 as units write them: the operator and the unit may sit inside the value. */
export function parseIndicatorValue(natureCell: string, valueCell: CellValue, unitCell: string): ParsedValue {
  let value = typeof valueCell === 'number' ? String(valueCell) : cellText(valueCell);
  let unit = unitCell.replace(/％/g, '%').trim();
  if (/^[/\\\-—－–]$/.test(unit)) unit = '';
  const natureText = natureCell.trim();
  let nature = natureText ? normaliseNature(natureText) : null;
  let conflict: string | null = null;
  const fused = OPERATOR_PREFIX.exec(value);
  if (fused) {
    value = value.slice(fused[0].length).trim();
    const fusedNature = normaliseNature(fused[1]!);
    if (!natureText) nature = fusedNature;
    else if (nature && fusedNature && fusedNature !== nature)
      conflict = `指标值前的“${fused[1]}”与指标性质“${natureText}”不一致，请只保留一个。`;
  }
  value = value.replace(/％/g, '%');
  let fraction = false;
  if (value.endsWith('%') && (!unit || unit === '%')) {
    value = value.slice(0, -1).trim();
    unit = '%';
  } else if (unit && value.length > unit.length && value.endsWith(unit) && /\d$/.test(value.slice(0, -unit.length).trim())) {
    value = value.slice(0, -unit.length).trim();
  } else if (!unit && nature !== '定性') {
    const m = /^([+-]?\d[\d,，]*(?:\.\d+)?)\s*([^\d\s,，.][^\d]{0,7})$/.exec(value);
    if (m) [value, unit] = [m[1]!, m[2]!.trim()];
  }
  if (typeof valueCell === 'number' && unit === '%' && valueCell > 0 && valueCell <= 1 && !fused) {
    value = String(Number((valueCell * 100).toPrecision(12)));
    fraction = true;
  }
  return { nature, natureText, value: value.trim(), unit, fraction, conflict };
}

/** Where a row's 一级/二级 goes in the 三分法 placement the ledger keeps; "产出"/"数量" are accepted, and 四分法 成本. */
export function placeLevels(level1Text: string, level2Text: string): { level1: string; level2: string } | null {
  const withSuffix = (t: string) => (t && !t.endsWith('指标') ? `${t}指标` : t);
  let level2 = withSuffix(level2Text.normalize('NFKC').replace(/\s+/g, ''));
  if (level2 === '满意度指标' || level2 === '服务对象满意度') level2 = '服务对象满意度指标';
  let level1 = withSuffix(level1Text.normalize('NFKC').replace(/\s+/g, ''));
  if (level1 === '成本指标' || (!level1 && FOUR_WAY_LEVELS['成本指标']!.includes(level2))) {
    return level2 === '成本指标' || FOUR_WAY_LEVELS['成本指标']!.includes(level2) ? { level1: '产出指标', level2: '成本指标' } : null;
  }
  if (!level1) level1 = Object.entries(THREE_WAY_LEVELS).find(([, l2s]) => l2s.includes(level2))?.[0] ?? '';
  return THREE_WAY_LEVELS[level1]?.includes(level2) ? { level1, level2 } : null;
}

export function describeLevels(levels: Record<string, readonly string[]>): string {
  return Object.entries(levels)
    .map(([l1, l2s]) => `${l1}（${l2s.join('、')}）`)
    .join('；');
}
