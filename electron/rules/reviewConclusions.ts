/**
 * How a 会审意见表 writes a grade and a conclusion (domain.md §3). A review party grades each dimension
 * 优/良/中/差, often spelled out (优秀, 良好); a table that lists many projects often gives one
 * conclusion per project instead, in the words the bureau's procedure uses: 通过 proceeds (优), 修改后通过
 * is completed by finance with the unit and then proceeds (良), 退回修改 means a new round (中), 不通过
 * cannot enter the budget (差). Only the wordings listed here are accepted; anything else is refused
 * with the list, never guessed.
 */
import type { Grade } from '../../db/vocabulary';

/** A dimension's grade as written in its cell. */
export const GRADE_WORDINGS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  一般: '中',
  差: '差',
  较差: '差',
};

/** A project's conclusion as written, and the grade (REVIEW_OUTCOME) it stands for. */
export const CONCLUSION_WORDINGS: Record<string, Grade> = {
  ...GRADE_WORDINGS,
  通过: '优',
  同意: '优',
  审核通过: '优',
  会审通过: '优',
  同意通过: '优',
  予以通过: '优',
  修改后通过: '良',
  完善后通过: '良',
  补充完善后通过: '良',
  修改完善后通过: '良',
  基本同意: '良',
  原则同意: '良',
  原则通过: '良',
  基本通过: '良',
  退回修改: '中',
  修改后重报: '中',
  修改后重新报送: '中',
  退回重报: '中',
  不通过: '差',
  不同意: '差',
  不予通过: '差',
  不予安排: '差',
};

/** A cell's text as the tables are compared: NFKC, no spaces, no closing full stop. */
function wording(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[。.]+$/, '');
}

/** The grade a dimension cell writes; null when it is not one of GRADE_WORDINGS. */
export function gradeOfWording(text: string): Grade | null {
  return GRADE_WORDINGS[wording(text)] ?? null;
}

/** Longest first, so "修改后通过" is not read as "通过" and "不同意" never as "同意". */
const CONCLUSIONS_LONGEST_FIRST = Object.keys(CONCLUSION_WORDINGS).sort((a, b) => b.length - a.length);

/**
 * A conclusion cell: the accepted wording and its grade. With `leading`, an opinion cell that starts with
 * a wording and goes on after a stop ("修改后通过。建议补充…") gives that wording and the rest as the
 * opinion. Null when no accepted wording is there.
 */
export function conclusionOf(text: string, leading = false): { wording: string; grade: Grade; rest: string } | null {
  const whole = wording(text);
  const exact = CONCLUSION_WORDINGS[whole];
  if (exact) return { wording: whole, grade: exact, rest: '' };
  if (!leading) return null;
  // The rest is kept as written (full-width punctuation and all); wordings and stops read the same either way.
  const t = text.trim();
  for (const w of CONCLUSIONS_LONGEST_FIRST) {
    const m = new RegExp(`^${w}[。．.；;，,：:\\s]+`).exec(t);
    if (m) return { wording: w, grade: CONCLUSION_WORDINGS[w]!, rest: t.slice(m[0].length).trim() };
  }
  return null;
}

/** The wordings to name in a message, by grade: "通过、同意…（优）；修改后通过…（良）；…，或直接写 优、良、中、差". */
export function conclusionWordingsText(): string {
  const by = new Map<Grade, string[]>();
  for (const [w, g] of Object.entries(CONCLUSION_WORDINGS)) if (!(w in GRADE_WORDINGS)) by.set(g, [...(by.get(g) ?? []), w]);
  return `${[...by].map(([g, ws]) => `${ws.join('、')}（${g}）`).join('；')}，或直接写 优、良、中、差`;
}
