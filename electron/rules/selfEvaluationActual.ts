/**
 * 实际完成值 as units' workbooks write it, turned into what the ledger keeps (domain.md §8): the scorer
 * reads the number in the text, so the text must say what the unit meant.
 */

/** Cells units write for "not applicable" or "nothing to report". */
const NOT_APPLICABLE = /^[/／\\—–\-－]+$|^(无|不适用)$/;
/** An operator copied from 年度指标值 in front of the actual ("≥1200人次"): an actual is a figure, not a bound. */
const FUSED_OPERATOR = /^(?:[≥≤><＞＜=＝]|>=|<=)\s*(?=[\d.])/;

/**
 * "/" or "—" → '' (not filled); "≥1200人次" → "1200人次"; a bare fraction up to 1 where the target is a
 * % ("0.95", a %-formatted cell, against "≥95%") → "95%". Anything else as written, trimmed.
 */
export function importedActual(text: string, targetIsPercent: boolean): string {
  const t = text.normalize('NFKC').trim();
  if (NOT_APPLICABLE.test(t)) return '';
  const bare = t.replace(FUSED_OPERATOR, '');
  if (targetIsPercent && /^\d*\.?\d+$/.test(bare)) {
    const n = Number(bare);
    // As the scorer reads it (domain.md §8): up to 1 against a % target is a fraction.
    if (n > 0 && n <= 1) return `${Number((n * 100).toPrecision(12))}%`;
  }
  return bare === t ? text.trim() : bare;
}
