/**
 * Reading back the forms the ledger hands out (申报表, 会审意见表, 监控表, 专家评分表): each sheet carries a
 * 台账识别码 near the top, and a table whose header is found by its names. Shared by every importer of
 * a per-sheet workbook.
 */
import { cellText, normaliseHeader } from './findTable';
import { columnLetter, type SheetGrid } from './readWorkbook';

/** The first cell in the top rows matching the pattern (the identification code), with where it is. */
export function findMarker(sheet: SheetGrid, pattern: RegExp, rows = 8): { match: RegExpExecArray; row: number; letter: string } | null {
  for (let r = 0; r < Math.min(rows, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const m = pattern.exec(cellText(row[c]));
      if (m) return { match: m, row: r + 1, letter: columnLetter(c) };
    }
  }
  return null;
}

/**
 * The first row (0-based) within `rows` that names every required column, and the index of each named
 * column in it; null when there is none. Names are compared after normaliseHeader.
 */
export function findColumnsRow<K extends string>(
  sheet: SheetGrid,
  names: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
  rows: number,
): { row: number; columns: Partial<Record<K, number>> } | null {
  const lookup = new Map<string, K>();
  for (const [key, list] of Object.entries(names) as [K, readonly string[]][]) for (const n of list) lookup.set(normaliseHeader(n), key);
  for (let r = 0; r < Math.min(rows, sheet.rows.length); r++) {
    const columns: Partial<Record<K, number>> = {};
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const key = lookup.get(normaliseHeader(cellText(v)));
      if (key && columns[key] === undefined) columns[key] = c;
    });
    if (required.every((k) => columns[k] !== undefined)) return { row: r, columns };
  }
  return null;
}
