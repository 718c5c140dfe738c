/**
 * A declaration sheet's header block, read back: each wanted label with the cell that holds its value,
 * wherever the unit's copy of the form put it. Shared by the importers (declarationPlan.ts, reviewSheet.ts).
 */
import { cellText, normaliseHeader } from '../formats/findTable';
import { columnLetter, type CellValue, type SheetGrid } from '../formats/readWorkbook';

/** A label found in a sheet's header block, with the cell that holds its value. */
export interface FormField {
  /** The label as written ("年度资金总额：", "资金情况（万元）"). */
  label: string;
  /** 0-based position of the label cell. */
  labelRow: number;
  labelCol: number;
  /** 1-based row and the column letter of the value cell, for messages. */
  row: number;
  letter: string;
  /** 0-based column of the value cell. */
  col: number;
  value: CellValue;
}

/** A label cell's text reduced to what names the field: "其中：财政拨款" → "财政拨款", "资金情况（万元）" → "资金情况". */
export function normaliseLabel(value: unknown): string {
  return normaliseHeader(value)
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]/g, '');
}

/**
 * Every occurrence of the wanted labels in rows [fromRow, toRow) (0-based), each with its value: the
 * cell right of the label (after the label's merged range), or the cell below it when the label heads
 * a column — the next cell is another label, the label is at the right edge, or it stands right of a
 * label with nothing beside it (the official form's 总体目标 | 中期目标 | 年度目标 heads its text).
 */
export function readFormFields<K extends string>(
  sheet: SheetGrid,
  labels: Record<K, readonly string[]>,
  fromRow: number,
  toRow: number,
): Map<K, FormField[]> {
  const lookup = new Map<string, K>();
  for (const [key, names] of Object.entries(labels) as [K, readonly string[]][]) for (const n of names) lookup.set(normaliseLabel(n), key);
  const isLabel = (r: number, c: number) => lookup.has(normaliseLabel(cellText(sheet.rows[r]?.[c])));
  const mergeAt = (r: number, c: number) => sheet.merges.find((m) => m.s.r === r && m.s.c === c);
  const width = Math.max(0, ...sheet.rows.slice(fromRow, toRow).map((row) => row.length));
  const found = new Map<K, FormField[]>();
  for (let r = fromRow; r < Math.min(toRow, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (!text) continue;
      const key = lookup.get(normaliseLabel(text));
      if (key === undefined) continue;
      const merge = mergeAt(r, c);
      const right = (merge ? merge.e.c : c) + 1;
      let at = { r, c: right };
      // A heading row (labels side by side, 中期目标 | 年度目标) has its values underneath.
      const headingRow = isLabel(r, right) || right >= width || (c > 0 && isLabel(r, c - 1) && cellText(sheet.rows[r]?.[right]) === '');
      if (headingRow) {
        const below = (merge ? merge.e.r : r) + 1;
        if (below < sheet.rows.length && !isLabel(below, c) && (cellText(sheet.rows[below]?.[c]) !== '' || isLabel(r, right)))
          at = { r: below, c };
      }
      const field: FormField = {
        label: text,
        labelRow: r,
        labelCol: c,
        row: at.r + 1,
        letter: columnLetter(at.c),
        col: at.c,
        value: sheet.rows[at.r]?.[at.c] ?? null,
      };
      const list = found.get(key) ?? [];
      list.push(field);
      found.set(key, list);
    }
  }
  return found;
}
