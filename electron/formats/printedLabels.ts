/**
 * Labels as tables print them (domain.md §8): a name with an outline mark in front and its weight or
 * points behind — "一、决策（15分）", "A决策15分", "（二）项目立项", "1.1 立项依据充分性(3分)",
 * "决策（权重15%）" — the rows that print a total ("合计", "决策小计", "总分"), and a printed grade
 * ("评价等级：良"). One parser for every importer and the table review, so a wording read in one
 * place is read the same everywhere.
 */

export interface PrintedLabel {
  /** The name without outline mark and weight: 决策. */
  name: string;
  /** The weight or points printed with it; null when none is. */
  weight: number | null;
  /** How the weight was written: "15分", "15%", or a bare "(15)". */
  unit: '分' | '%' | null;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;
/** A weight in brackets at the end: "(15分)", "(15)", "(权重15%)", "(分值：15分)". */
const BRACKETED = new RegExp(String.raw`\s*\(\s*(?:(?:权重|分值|满分|权数)\s*[:：]?\s*)?${NUMBER}\s*(分|%)?\s*\)$`);
/** Points at the end without brackets: "决策 15分", "A决策15分", "决策：15分", "决策 权重15%". */
const TRAILING_POINTS = new RegExp(String.raw`\s*(?:(?:权重|分值|满分)\s*)?[:：]?\s*${NUMBER}\s*分$`);
const TRAILING_PERCENT = new RegExp(String.raw`\s*(?:权重|占比)\s*[:：]?\s*${NUMBER}\s*%$`);
/**
 * A name ending in a comparison or a number word says a target, not a weight: "不低于85分",
 * "达到90分", "PM2.5", "第3分".
 */
const TARGET_BEFORE = /(?:[于到达过为超满够足约近第≥≤<>=~～\-—.\d]|以上|以下)$/;

/** Outline marks: 一、 (一) 1. 1、 1.1 1.1.1 A、 A决策 II、 — and only when a name follows. */
const OUTLINE = new RegExp(
  [
    String.raw`^[一二三四五六七八九十]+\s*[、.．]`,
    String.raw`^\(\s*(?:[一二三四五六七八九十]+|\d+)\s*\)`,
    String.raw`^\d+(?:\.\d+)+\.?(?=[\s\u4e00-\u9fff])`,
    String.raw`^\d+\s*(?:[、．)]|\.(?!\d))`,
    String.raw`^(?:[IVX]+|[A-Z])\s*[、.．]`,
    // "A决策15分": one capital letter straight before Chinese (never "PM2.5", which has two).
    String.raw`^[A-Z](?=\s*[\u4e00-\u9fff])`,
  ].join('|'),
);
const CIRCLED = /^[\u2460-\u2473]/;

/** "一、决策（15分）" → 决策, 15; "（二）项目立项" → 项目立项, null; "2024年度任务完成率" stays whole. */
export function parsePrintedLabel(text: string): PrintedLabel {
  const whole = text.replace(CIRCLED, '').normalize('NFKC').replace(/\s+/g, ' ').trim();
  let rest = whole;
  let weight: number | null = null;
  let unit: PrintedLabel['unit'] = null;
  const m = BRACKETED.exec(rest) ?? TRAILING_POINTS.exec(rest) ?? TRAILING_PERCENT.exec(rest);
  if (m) {
    const before = rest.slice(0, m.index).trim();
    // "决策15分" but never "不低于85分" or a name that is nothing but the number.
    if (before && !TARGET_BEFORE.test(before)) {
      weight = Number(m[1]);
      unit = (m[2] as '分' | '%' | undefined) ?? (m[0].includes('分') ? '分' : m[0].includes('%') ? '%' : null);
      rest = before;
    }
  }
  const name = rest
    .replace(OUTLINE, '')
    .replace(/^[\s、.．:：]+|[\s、:：]+$/g, '')
    .trim();
  if (!name) return { name: whole, weight: null, unit: null };
  return { name, weight, unit };
}

/** A figure as printed in a 分值/权重/得分 cell: 3, "2.5", "3分", "３分", "15%" → a number; null otherwise. */
export function parsePrintedNumber(text: string): number | null {
  const m = /^(\d+(?:\.\d+)?|\.\d+)\s*(?:分|%)?$/.exec(text.normalize('NFKC').trim());
  return m ? Number(m[1]) : null;
}

/** The whole table's total: 合计, 总计, 总分, 得分合计 … */
const GRAND_TOTAL = /^(?:合计|总计|共计|总合计|总分|总得分|得分合计|合计得分|评价总分|总分合计)[:：]?$/;
/** A group's: 小计, 本页小计, "决策小计", "小计（决策）", "决策合计". */
const SUBTOTAL = /^(?:(.{1,30}?)\s*(?:小计|合计)|(?:小计|本页小计)(?:\((.{1,30})\))?)[:：]?$/;

/**
 * Whether a cell's text marks a printed total row, and the group it names ("决策小计" → 决策; plain
 * "小计" names none and is placed by where it stands).
 */
export function printedTotalOf(text: string): { kind: 'total' | 'subtotal'; names: string | null } | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (!t) return null;
  if (GRAND_TOTAL.test(t)) return { kind: 'total', names: null };
  const m = SUBTOTAL.exec(t);
  if (!m) return null;
  const named = m[1] ?? m[2] ?? null;
  return { kind: 'subtotal', names: named && named !== '本页' ? parsePrintedLabel(named).name : null };
}

/** A total printed in a sentence-like cell beside the table: "总分：86.5", "综合得分：86.53分". */
const SCORE_IN_CELL = /^(?:总分|总得分|综合得分|评价得分|最终得分|得分合计|合计得分|评价总分)[:：](\d+(?:\.\d+)?)分?$/;

export function printedScoreOf(text: string): number | null {
  const m = SCORE_IN_CELL.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? Number(m[1]) : null;
}

const GRADE_LABEL = /^(?:评价|综合|绩效|考核)?(?:等级|等次|评级|评价结论)$/;

/** A grade is a word or two ("良", "良好"); a longer text after "评价结论：" is a conclusion, not a grade. */
const GRADE_TEXT = /^[^\d\s]{1,4}$/;

/**
 * A printed grade: "评价等级：良" in one cell gives 良; a cell that is only the label ("评价等级") gives
 * `label` so the grade is read from the next cell written to its right (see printedGradeText).
 */
export function printedGradeOf(text: string): { grade: string } | 'label' | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^([^:：]{2,6})[:：](.*)$/.exec(t);
  if (m && GRADE_LABEL.test(m[1]!)) return m[2] ? printedGradeText(m[2]) : 'label';
  return GRADE_LABEL.test(t) ? 'label' : null;
}

/** The text of a cell written where a grade is expected, when it reads as one. */
export function printedGradeText(text: string): { grade: string } | null {
  const t = text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.]$/, '');
  return GRADE_TEXT.test(t) ? { grade: t } : null;
}

/** How grades are spelled out in print: 优秀, 良好, 中等, 较差 for the bands' 优, 良, 中, 差. */
const GRADE_WORDINGS: Record<string, readonly string[]> = {
  优: ['优秀', '优等'],
  良: ['良好'],
  中: ['中等', '合格', '一般'],
  差: ['较差', '不合格'],
};

/** Whether a printed grade names the band's grade ("良好" is 良). */
export function sameGrade(printed: string, grade: string): boolean {
  const t = printedGradeText(printed)?.grade;
  return t === grade || (t !== undefined && (GRADE_WORDINGS[grade] ?? []).includes(t));
}
