/**
 * The cells of one indicator row as units write them (domain.md §8): 性质 in its column or fused into
 * 指标值 ("≥95%", "≧", "大于等于"), percentages with or without "%" (a number cell formatted as a
 * percentage reads as 0.95 and is taken as 95%), units inside the value ("500人次"), 一级/二级 written
 * short ("产出"/"数量") or in the 四分法, placeholder names and the words for 年度/中期.
 */
import { cellText, normaliseHeader } from '../formats/findTable';
import type { CellValue } from '../formats/readWorkbook';
import { FOUR_WAY_LEVELS, normaliseNature, THREE_WAY_LEVELS } from '../rules/indicatorRules';
import { level2KindOf, type Level2Kind } from '../rules/level2Kinds';
import type { Nature, TargetPeriod } from '../../db/vocabulary';

/** A 三级 cell that holds no indicator: "……", the printed form's "指标1：", "略". */
export const PLACEHOLDER_NAME = /^([.。·…\-—－_/\\、~～]+|((三级)?指标|指标名称)\d*[:：]?[.。·…]*|略|无|以下空白|此处空白)$/;
/**
 * 年度 or 中期 as a form says it: a 指标期限 cell ("年度", "中期", "总体"), a heading over an indicator
 * group or table ("中期目标", "长期绩效指标", "（二）本年度绩效指标", "总目标绩效指标") or a value column
 * that names its period ("当年预期实现值", "中期指标值"); null for anything else ("总体目标" heads both).
 */
export function periodWord(text: string): TargetPeriod | null {
  const t = normaliseHeader(text).replace(/^[一二三四五六七八九十\d]+[、.．]/, '');
  if (ANNUAL_HEADING.test(t)) return 'annual';
  if (MID_TERM_HEADING.test(t)) return 'midTerm';
  return null;
}
const HEADING_TAIL = '(绩效)?(目标|指标|绩效指标|指标值|目标值|预期实现值|实现值)?';
const ANNUAL_HEADING = new RegExp(`^(年度|当年度?|本年度?)${HEADING_TAIL}$`);
const MID_TERM_HEADING = new RegExp(`^(中期|长期|中长期|多年|全周期)${HEADING_TAIL}$|^(总体|总目标)(绩效)?(指标|绩效指标|指标值)?$`);

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

/**
 * Where a row's 一级/二级 goes in the 三分法 placement the ledger keeps. The 二级 is read as a kind
 * (rules/level2Kinds.ts: "数量", "经济成本指标", "社会公众或服务对象满意度指标" …) and placed where the
 * library keeps that kind; a 一级 written beside it must be the kind's 一级 in either layout ("产出",
 * or the 四分法's "成本指标"). Null when the 二级 is unknown or sits under another 一级.
 */
export function placeLevels(level1Text: string, level2Text: string): { level1: string; level2: string } | null {
  const kind = level2KindOf(level2Text);
  if (!kind) return null;
  const placed = placementOf(kind, THREE_WAY_LEVELS)!;
  const level1 = normaliseHeader(level1Text).replace(/^(.+?)(指标)?$/, '$1指标');
  if (!level1Text.trim() || level1 === placed.level1 || level1 === placementOf(kind, FOUR_WAY_LEVELS)?.level1) return placed;
  return null;
}

/** The first 一级/二级 of a layout whose 二级 is of the kind. */
function placementOf(kind: Level2Kind, levels: Record<string, readonly string[]>): { level1: string; level2: string } | null {
  for (const [level1, level2s] of Object.entries(levels)) {
    const level2 = level2s.find((l) => level2KindOf(l) === kind);
    if (level2) return { level1, level2 };
  }
  return null;
}

export function describeLevels(levels: Record<string, readonly string[]>): string {
  return Object.entries(levels)
    .map(([l1, l2s]) => `${l1}（${l2s.join('、')}）`)
    .join('；');
}
