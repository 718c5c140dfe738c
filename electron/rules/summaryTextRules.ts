/**
 * The annual summary's own paragraphs (年度绩效工作情况): what a saved paragraph must be. The form shows
 * the same message under the field that the ledger gives when it refuses.
 */

/** Longest paragraph kept: several pages of 三号 text, far above any real one. */
export const SUMMARY_TEXT_MAX = 5000;

/** Why a paragraph cannot be saved; null when it can. */
export function summaryTextProblem(text: string): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return '段落不能为空；如要用回默认文字，请点“恢复默认”';
  if (trimmed.length > SUMMARY_TEXT_MAX) return `段落有 ${trimmed.length} 字，超过 ${SUMMARY_TEXT_MAX} 字，请删减后再保存`;
  return null;
}
