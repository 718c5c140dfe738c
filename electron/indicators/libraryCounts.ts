/**
 * Counts a published indicator library prints about itself — "共 26 类 310 条指标" in the 说明 row above
 * the header, a class label "一、培训类（共 8 条）", a "小计：8 条" or "合计 共 310 条" row in the table —
 * checked against the rows actually read. A count that disagrees is reported at its cell with the
 * printed and the computed figure (the rows are imported as read: a count is never data), so a row
 * lost in copying or a count typed wrong shows up before the library changes.
 */
import { cellText, headerText, type TableFound } from '../formats/findTable';
import { cellIssue, type IssueSource } from '../formats/importIssue';
import type { TotalIssue } from '../formats/moneyCells';
import { printedTotalOf } from '../formats/printedLabels';
import { columnLetter, type CellValue, type SheetGrid } from '../formats/readWorkbook';

/** "共26类", "共 26 个类别", "共计：26类". */
const CLASS_COUNT = /(?:共|计)[:：]?(\d+)(?:个)?(?:类别|类)/;
/** "共310条", "26类310条", "小计：8条", "本类共8项", "计8个指标" — never "第3条" (a clause of a document). */
const INDICATOR_COUNT = /(?:共|计|类)[:：]?(\d+)(?:条|项|个指标)/;
/** A count of the whole library rather than of one class. */
const LIBRARY_WORDS = /^(?:合计|总计|共计|全库|本库|本表|以上合计|共\d)/;
/** A class label carrying its count: "培训（共8条）", "培训类(8项)". */
const LABEL_COUNT = /^(.+?)\s*[(（]\s*(?:共|计)?\s*(\d+)\s*(?:条|项|个)?(?:指标)?\s*[)）]$/;

const squeeze = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');

/** The counts a text prints, or null when it prints none. */
export function countsIn(text: string): { classes: number | null; indicators: number | null } | null {
  const t = squeeze(text);
  const classes = CLASS_COUNT.exec(t);
  const indicators = INDICATOR_COUNT.exec(t);
  if (!classes && !indicators) return null;
  return { classes: classes ? Number(classes[1]) : null, indicators: indicators ? Number(indicators[1]) : null };
}

/** A 类别 cell as printed: the class name, and the count printed with it ("培训（共8条）" → 培训, 8). */
export function classLabel(text: string): { name: string; count: number | null } {
  const m = LABEL_COUNT.exec(text.normalize('NFKC').trim());
  return m ? { name: m[1]!.trim(), count: Number(m[2]) } : { name: text, count: null };
}

/** Where a count is printed and what it covers: the whole library, a named class, or the rows above it. */
export interface PrintedCount {
  /** 1-based, as Excel shows it; col 0-based. */
  row: number;
  col: number;
  text: string;
  classes: number | null;
  indicators: number | null;
  scope: { kind: 'library' } | { kind: 'class'; name: string } | { kind: 'group' };
}

/**
 * Every count printed above the header (the whole library) and in rows of the table that are not
 * indicator rows. A row the table reads as data is a count row only when its 三级 name is empty or a
 * count and it fills nothing beyond the label columns (类别/一级/二级/三级): a bad indicator row with a
 * "共10项" in its 指标解释 stays an indicator row and is reported as one.
 */
export function findPrintedCounts(
  sheet: SheetGrid,
  table: TableFound,
  keys: { name: string; className: string; labels: readonly string[] },
): PrintedCount[] {
  const found: PrintedCount[] = [];
  const firstData = table.headerRow - 1 + table.headerRowCount;
  for (let r = 0; r < table.headerRow - 1; r++) {
    (sheet.rows[r] ?? []).forEach((v, c) => {
      const counts = countsIn(cellText(v));
      if (counts) found.push({ row: r + 1, col: c, text: cellText(v), ...counts, scope: { kind: 'library' } });
    });
  }
  const data = new Map(table.rows.map((x) => [x.rowNumber, x.cells]));
  const totals = new Map(table.skipped.map((x) => [x.rowNumber, x]));
  for (let r = firstData; r < sheet.rows.length; r++) {
    const cells = data.get(r + 1) ?? totals.get(r + 1)?.cells;
    if (!cells) continue;
    const name = cellText(cells[keys.name]);
    const onlyLabels = Object.entries(cells).every(([k, v]) => keys.labels.includes(k) || cellText(v) === '');
    if (data.has(r + 1) && ((name && !countsIn(name)) || !onlyLabels)) continue;
    const row = sheet.rows[r] ?? [];
    const kind = totals.get(r + 1)?.kind;
    const closing = kind === 'total' || kind === 'subtotal';
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      const counts = countsIn(text) ?? (closing ? bareCountOf(text, c, table) : null);
      if (!counts) continue;
      found.push({ row: r + 1, col: c, text, ...counts, scope: scopeOf(row, cellText(cells[keys.className]), text, counts) });
      break;
    }
  }
  return found;
}

/**
 * What a count in the table covers: the library ("合计", "共 3 类 13 条"), a class it names ("培训小计",
 * "培训类共 6 条", or a 类别 cell merged over the row), else the rows above it ("小计", "本类共 6 条").
 */
function scopeOf(row: readonly CellValue[], className: string, text: string, counts: { classes: number | null }): PrintedCount['scope'] {
  const label = row.map((v) => printedTotalOf(cellText(v))).find((x) => x !== null) ?? null;
  if (counts.classes !== null || label?.kind === 'total' || LIBRARY_WORDS.test(squeeze(row.map((v) => cellText(v)).join(''))))
    return { kind: 'library' };
  if (label?.names) return { kind: 'class', name: label.names };
  if (className && !printedTotalOf(className) && !countsIn(className)) return { kind: 'class', name: className };
  const prefix = /^(.+?)类?(?:小计|合计|共)/.exec(squeeze(text))?.[1];
  return prefix && !/^(?:本|本页|以上)$/.test(prefix) ? { kind: 'class', name: prefix } : { kind: 'group' };
}

/** A figure beside a 合计/小计 label ("合计 | 310", "培训小计 | 6条"): the count of the rows it closes. */
function bareCountOf(text: string, c: number, table: TableFound): { classes: null; indicators: number } | null {
  const m = /^(\d+)(?:条|项|个)?$/.exec(squeeze(text));
  const inTable = Object.values(table.columns).some((col) => col.index === c);
  return m && inTable ? { classes: null, indicators: Number(m[1]) } : null;
}

/** An indicator row as read: its row and the class it went to (blank-below cells already filled). */
export interface CountedRow {
  rowNumber: number;
  className: string;
}

/**
 * Each printed count against the rows read: the library's against all rows (and classes), a class's
 * against its rows, a group's against the rows since the previous count in the table. A class label's
 * count (classLabel) comes in as a class-scoped count at its cell.
 */
export function countFindings(
  sheet: SheetGrid,
  table: TableFound,
  counts: readonly PrintedCount[],
  rows: readonly CountedRow[],
  source: IssueSource,
): TotalIssue[] {
  const issues: TotalIssue[] = [];
  const read = new Set(rows.map((x) => x.rowNumber));
  // The rows a plain 小计 covers start after the previous count row (a class label's count sits on an indicator row).
  const inTable = counts.filter((c) => c.row >= table.headerRow && !read.has(c.row)).map((c) => c.row);
  for (const p of counts) {
    let covered: readonly CountedRow[];
    let what: string;
    if (p.scope.kind === 'library') {
      covered = rows;
      what = '表中读到的指标';
    } else if (p.scope.kind === 'class') {
      const name = p.scope.name;
      covered = rows.filter((x) => x.className === name || `${x.className}类` === name);
      what = `表中“${covered[0]?.className ?? name}”类的指标`;
    } else {
      const from = Math.max(table.headerRow, ...inTable.filter((r) => r < p.row));
      covered = rows.filter((x) => x.rowNumber > from && x.rowNumber < p.row);
      what = `第 ${from + 1}—${p.row - 1} 行的指标`;
    }
    const column = {
      letter: columnLetter(p.col),
      header: p.row < table.headerRow ? '说明' : headerText(sheet, table.headerRow - 1, p.col) || '说明',
    };
    const report = (printed: number, computed: number, unit: '类' | '条') => {
      if (printed === computed) return;
      const problem = `印有 ${printed} ${unit}，与${unit === '类' ? '表中读到的类别' : what} ${computed} ${unit}不一致。导入以表中各行为准，请核对是否漏了行、多了行，或数字写错。`;
      issues.push({ ...cellIssue(source, p.row, column, p.text, problem), printed: String(printed), computed: String(computed) });
    };
    if (p.classes !== null && p.scope.kind === 'library') report(p.classes, new Set(rows.map((x) => x.className)).size, '类');
    if (p.indicators !== null) report(p.indicators, covered.length, '条');
  }
  return issues;
}
