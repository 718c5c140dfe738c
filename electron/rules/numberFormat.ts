/**
 * How the app writes a non-money number a reader compares: percentages and scores always with two
 * decimals (the official forms' 执行率 85.23%, 得分 9.50), rounded half-up once, here. Money is
 * formatWanYuan/formatYuan in money.ts; every screen, report and export calls one of these.
 */

/** Half-up to `digits` decimals, without the binary drift of toFixed (1.005 → 1.01). */
export function roundHalfUp(value: number, digits = 2): number {
  const sign = value < 0 ? -1 : 1;
  const scaled = Math.round(Number(`${Math.abs(value)}e${digits}`));
  return sign * Number(`${scaled}e-${digits}`) || 0;
}

/** 2 decimals with thousands separators: 13170.994 → "13,170.99". */
export function formatDecimal(value: number, digits = 2): string {
  return roundHalfUp(value, digits).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A percentage already in percent (89 → "89.00%"); "—" when there is none. */
export function formatPercent(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${formatDecimal(value)}%`;
}

/** A part of a whole as a percentage (3 of 4 → "75.00%"); "—" when the whole is 0. */
export function formatShare(part: number, whole: number): string {
  return whole === 0 ? '—' : formatPercent((part * 100) / whole);
}

/** Points and scores: 9.5 → "9.50"; "—" when there is none. */
export function formatScore(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : formatDecimal(value);
}

/** A file's size as a clerk reads it: "812 字节", "35.20 KB", "4.75 MB" (1 KB = 1024 字节). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${formatDecimal(bytes / 1024)} KB`;
  return `${formatDecimal(bytes / 1024 / 1024)} MB`;
}
