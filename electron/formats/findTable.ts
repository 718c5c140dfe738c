/**
 * Finding the table inside a sheet as units really send it (domain.md §8): title rows and a
 * "单位：万元" line above the header, one- or two-row (merged) headers, columns named with synonyms and
 * decorated ("年初预算数（万元）", "*项目名称"), then data broken by blank rows, 合计/小计/总计 rows, the
 * header repeated at each printed page, placeholder rows ("……") and notes ("注：…", "填报人：").
 *
 * The header is found by its names, never by position: every row near the top is scored by how many
 * of the wanted columns it names, alone or together with the row below (a two-row header), and the best
 * one wins. Columns are then mapped by name, and every row below is either a data row or skipped with a
 * reason the preview shows, so nothing disappears silently.
 */
import { moneyUnitIn, type MoneyUnit } from '../rules/money';
import { columnLetter, type CellValue, type SheetGrid, type WorkbookGrid } from './readWorkbook';
import { WORKBOOK_LIMITS } from './workbookInspection';

export interface ColumnSpec {
  /** The key rows are returned under. */
  key: string;
  /** The canonical header, as messages and exports name the column. */
  label: string;
  /** Accepted header names (synonyms); compared after normaliseHeader. The label is always accepted. */
  names: readonly string[];
  required: boolean;
  /** A money column: its unit is read from its header, the cells above it, or a 单位：万元 line. */
  money?: boolean;
}

export interface FoundColumn {
  key: string;
  label: string;
  /** 0-based column index and the letter Excel shows. */
  index: number;
  letter: string;
  /** The header as written in the file (both rows of a two-row header, joined by "/"). */
  header: string;
  /** For money columns: the unit and where it came from. */
  moneyUnit: MoneyUnit | null;
  moneyUnitSource: 'header' | 'note' | 'default' | null;
}

export interface TableRow {
  /** As Excel shows it, 1-based. */
  rowNumber: number;
  cells: Record<string, CellValue>;
}

export interface SkippedRow {
  rowNumber: number;
  /** total: 合计/总计 of the whole table; subtotal: 小计, 本页合计, "某部门合计". */
  kind: 'total' | 'subtotal' | 'header' | 'empty' | 'placeholder' | 'note';
  reason: string;
  /** The row's first words, so a clerk recognises it. */
  text: string;
  /** The mapped columns' values, as for a data row (an importer may compare a 合计 with its rows). */
  cells: Record<string, CellValue>;
}

export interface TableFound {
  ok: true;
  sheet: string;
  /** 1-based first header row, and how many rows the header spans (1 or 2). */
  headerRow: number;
  headerRowCount: 1 | 2;
  columns: Record<string, FoundColumn>;
  rows: TableRow[];
  skipped: SkippedRow[];
  /** Completely empty rows between the data (not listed one by one). */
  blankRows: number;
}

export interface TableNotFound {
  ok: false;
  /** The sheet and header row that came closest, when any row named at least two wanted columns. */
  sheet: string | null;
  headerRow: number | null;
  found: FoundColumn[];
  missing: ColumnSpec[];
}

const HEADER_SCAN_ROWS = 50;

/** Finds the table in the first sheet that has all required columns (else reports the closest miss). */
export function findTable(book: WorkbookGrid, spec: readonly ColumnSpec[]): TableFound | TableNotFound {
  let best: { sheet: SheetGrid; match: HeaderMatch } | null = null;
  for (const sheet of book.sheets) {
    const match = bestHeader(sheet, spec);
    if (!match) continue;
    if (match.missing.length === 0) return readTable(sheet, spec, match);
    if (!best || rank(match) > rank(best.match)) best = { sheet, match };
  }
  if (!best)
    return {
      ok: false,
      sheet: book.sheets.length === 1 ? book.sheets[0]!.name : null,
      headerRow: null,
      found: [],
      missing: spec.filter((c) => c.required),
    };
  return {
    ok: false,
    sheet: best.sheet.name,
    headerRow: best.match.row + 1,
    found: [...best.match.columns.values()].map((m) => foundColumn(best.sheet, best.match, m)),
    missing: best.match.missing,
  };
}

/**
 * A header cell's text reduced to what names the column: NFKC (full-width letters, digits and brackets
 * become half-width), no whitespace or line breaks, no bracketed notes ("（万元）", "（必填）"), no
 * required-field stars, no trailing unit ("/万元", "单位：元") or colon.
 */
export function normaliseHeader(value: unknown): string {
  if (value == null) return '';
  return String(value)
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|〔[^〕]*〕/g, '')
    .replace(/^[*★※]+|[*★※]+$/g, '')
    .replace(/(单位[:：]?)?(万元|元)$/, '')
    .replace(/[/:：]+$/, '');
}

/** A cell's text with spaces trimmed (including full-width and non-breaking ones); '' for empty. */
export function cellText(value: CellValue | undefined): string {
  if (value == null) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return value.replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/g, '');
}

// ---------------------------------------------------------------------------------------------------

interface ColumnMatch {
  spec: ColumnSpec;
  index: number;
  /** 0: the lower header row, 1: both rows joined, 2: the upper row alone. */
  priority: number;
}

interface HeaderMatch {
  /** 0-based first header row. */
  row: number;
  rowCount: 1 | 2;
  columns: Map<string, ColumnMatch>;
  missing: ColumnSpec[];
  requiredFound: number;
}

const rank = (m: HeaderMatch) => m.requiredFound * 1000 + m.columns.size;

/**
 * Merged ranges indexed once per sheet, so a cell's lookup costs the same however many ranges there
 * are (a hostile sheet may carry tens of thousands): the header rows as a grid naming the range over
 * each cell, and per data column the rows a range merged down from it covers, built when first read.
 * Where ranges overlap (Excel never writes that) the first listed wins, as a scan in order would.
 */
interface MergeIndex {
  /** Columns the header grid spans: as wide as the widest top row or top range, within the columns read. */
  width: number;
  /** top[r * width + c]: 1 + the index in sheet.merges of the range over (r, c), 0 for none. */
  top: Int32Array;
  /** Ranges merged down (more than one row), by first column: indexes in sheet.merges. */
  downByColumn: Map<number, number[]>;
  /** Per column read so far: 1 + the index of the range over each row below its first, 0 for none. */
  down: Map<number, Int32Array>;
}
const mergeIndexes = new WeakMap<SheetGrid, MergeIndex>();
const TOP_ROWS = HEADER_SCAN_ROWS + 2;

function mergeIndex(sheet: SheetGrid): MergeIndex {
  let index = mergeIndexes.get(sheet);
  if (index) return index;
  let width = 0;
  for (let r = 0; r < Math.min(TOP_ROWS, sheet.rows.length); r++) width = Math.max(width, sheet.rows[r]!.length);
  const downByColumn = new Map<number, number[]>();
  sheet.merges.forEach((m, i) => {
    if (m.s.r < TOP_ROWS) width = Math.max(width, m.e.c + 1);
    if (m.e.r <= m.s.r) return;
    const list = downByColumn.get(m.s.c) ?? [];
    list.push(i);
    downByColumn.set(m.s.c, list);
  });
  width = Math.min(width, WORKBOOK_LIMITS.maxColumns);
  const top = new Int32Array(TOP_ROWS * width);
  const open = Array.from({ length: TOP_ROWS }, () => new Unmarked(width));
  sheet.merges.forEach((m, i) => {
    for (let r = Math.max(0, m.s.r); r <= Math.min(m.e.r, TOP_ROWS - 1); r++) {
      const row = open[r]!;
      for (let c = row.first(Math.max(0, m.s.c)); c <= Math.min(m.e.c, width - 1); c = row.first(c + 1)) {
        top[r * width + c] = i + 1;
        row.mark(c);
      }
    }
  });
  index = { width, top, downByColumn, down: new Map() };
  mergeIndexes.set(sheet, index);
  return index;
}

/** Per data column, which range merged down from it covers each row (built once per column). */
function downCover(sheet: SheetGrid, index: MergeIndex, c: number): Int32Array {
  let cover = index.down.get(c);
  if (cover) return cover;
  const rows = sheet.rows.length;
  cover = new Int32Array(rows);
  const open = new Unmarked(rows);
  for (const i of index.downByColumn.get(c) ?? []) {
    const m = sheet.merges[i]!;
    for (let r = open.first(Math.max(0, m.s.r + 1)); r <= Math.min(m.e.r, rows - 1); r = open.first(r + 1)) {
      cover[r] = i + 1;
      open.mark(r);
    }
  }
  index.down.set(c, cover);
  return cover;
}

/**
 * The positions of a row (or column) not yet given a range: first(i) jumps over marked ones in near
 * constant time (path halving, a loop rather than recursion), so each position is filled once however
 * many ranges overlap it.
 */
class Unmarked {
  private readonly next: Int32Array;
  constructor(length: number) {
    this.next = new Int32Array(length + 1);
    for (let i = 0; i <= length; i++) this.next[i] = i;
  }
  first(i: number): number {
    const next = this.next;
    if (i >= next.length) return i;
    while (next[i] !== i) {
      next[i] = next[next[i]!]!;
      i = next[i]!;
    }
    return i;
  }
  mark(i: number): void {
    this.next[i] = i + 1;
  }
}

/**
 * Every merged range copied into all its cells, for reading headers: "项目名称" merged over two header
 * rows names the column in both, and "资金（万元）" merged over three columns heads each of them.
 */
export function headerText(sheet: SheetGrid, r: number, c: number): string {
  const own = cellText(sheet.rows[r]?.[c]);
  if (own) return own;
  const index = mergeIndex(sheet);
  const i = r < TOP_ROWS && c < index.width ? index.top[r * index.width + c]! : 0;
  const m = i ? sheet.merges[i - 1]! : null;
  return m ? cellText(sheet.rows[m.s.r]?.[m.s.c]) : '';
}

/**
 * For data rows only vertical merges are filled: a 主管部门 merged down over its projects belongs to each
 * of them, but a note merged across the row stays in its first cell.
 */
function dataValue(sheet: SheetGrid, r: number, c: number): CellValue {
  const own = sheet.rows[r]?.[c] ?? null;
  if (own != null && cellText(own) !== '') return own;
  const i = r < sheet.rows.length ? downCover(sheet, mergeIndex(sheet), c)[r]! : 0;
  const m = i ? sheet.merges[i - 1]! : null;
  return m ? (sheet.rows[m.s.r]?.[m.s.c] ?? null) : own;
}

function bestHeader(sheet: SheetGrid, spec: readonly ColumnSpec[]): HeaderMatch | null {
  const synonyms = spec.map((s) => ({ spec: s, names: new Set([s.label, ...s.names].map(normaliseHeader)) }));
  const width = mergeIndex(sheet).width;
  let best: HeaderMatch | null = null;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  // Each header cell's raw and normalised text, computed once (wide sheets would otherwise repeat it per column spec).
  const raw: string[][] = [];
  const norm: string[][] = [];
  for (let r = 0; r <= last && r < sheet.rows.length; r++) {
    raw.push([]);
    norm.push([]);
    for (let c = 0; c < width; c++) {
      raw[r]![c] = headerText(sheet, r, c);
      norm[r]![c] = normaliseHeader(raw[r]![c]);
    }
  }
  for (let r = 0; r < last; r++) {
    for (const rowCount of [1, 2] as const) {
      if (rowCount === 2 && r + 1 >= sheet.rows.length) continue;
      // Per column, the texts that may name it, best first: the lower row, both rows joined, the upper row.
      const candidates: string[][] = [];
      for (let c = 0; c < width; c++) {
        candidates.push(
          rowCount === 1
            ? [norm[r]![c]!]
            : [norm[r + 1]![c]!, raw[r]![c]! && raw[r + 1]![c]! ? normaliseHeader(raw[r]![c]! + raw[r + 1]![c]!) : '', norm[r]![c]!],
        );
      }
      const columns = new Map<string, ColumnMatch>();
      const used = new Set<number>();
      for (const { spec: s, names } of synonyms) {
        let pick: ColumnMatch | null = null;
        for (let c = 0; c < width; c++) {
          if (used.has(c)) continue;
          const priority = candidates[c]!.findIndex((t) => t !== '' && names.has(t));
          if (priority >= 0 && (!pick || priority < pick.priority)) pick = { spec: s, index: c, priority };
        }
        if (pick) {
          columns.set(s.key, pick);
          used.add(pick.index);
        }
      }
      if (columns.size < 2) continue;
      const missing = spec.filter((s) => s.required && !columns.has(s.key));
      const match: HeaderMatch = {
        row: r,
        rowCount,
        columns,
        missing,
        requiredFound: spec.filter((s) => s.required).length - missing.length,
      };
      // Ties go to the header that ends earliest, then to the single row: a title merged above a
      // one-row header must not turn it into a "two-row" header.
      if (!best || rank(match) > rank(best)) best = match;
      else if (rank(match) === rank(best)) {
        const end = r + rowCount;
        const bestEnd = best.row + best.rowCount;
        if (end < bestEnd || (end === bestEnd && rowCount < best.rowCount)) best = match;
      }
    }
  }
  return best;
}

function foundColumn(sheet: SheetGrid, header: HeaderMatch, m: ColumnMatch): FoundColumn {
  const top = headerText(sheet, header.row, m.index);
  const bottom = header.rowCount === 2 ? headerText(sheet, header.row + 1, m.index) : '';
  const text = bottom && bottom !== top ? `${top}/${bottom}` : top;
  let moneyUnit: MoneyUnit | null = null;
  let moneyUnitSource: FoundColumn['moneyUnitSource'] = null;
  if (m.spec.money) {
    moneyUnit = moneyUnitIn(bottom) ?? moneyUnitIn(top);
    moneyUnitSource = moneyUnit ? 'header' : null;
    if (!moneyUnit) {
      moneyUnit = unitNoteAbove(sheet, header.row, m.index);
      moneyUnitSource = moneyUnit ? 'note' : null;
    }
    if (!moneyUnit) {
      moneyUnit = '万元';
      moneyUnitSource = 'default';
    }
  }
  return { key: m.spec.key, label: m.spec.label, index: m.index, letter: columnLetter(m.index), header: text, moneyUnit, moneyUnitSource };
}

/** A unit named above the header: first in the same column (a merged "资金（万元）"), then any 单位：… line. */
function unitNoteAbove(sheet: SheetGrid, headerRow: number, column: number): MoneyUnit | null {
  for (let r = headerRow - 1; r >= Math.max(0, headerRow - 2); r--) {
    const unit = moneyUnitIn(headerText(sheet, r, column));
    if (unit && /单位|[（(]/.test(headerText(sheet, r, column))) return unit;
  }
  for (let r = headerRow - 1; r >= 0; r--) {
    for (const value of sheet.rows[r] ?? []) {
      const text = cellText(value).normalize('NFKC').replace(/\s+/g, '');
      const m = /单位[:：](万元|元)/.exec(text);
      if (m) return m[1] as MoneyUnit;
    }
  }
  return null;
}

const GRAND_TOTAL = /^(合计|总计|共计|总合计|本表合计|全县合计)[:：]?$/;
const TOTAL_ROW = /^(小计|累计|本页合计|本页小计)$|^.{0,30}(合计|小计|总计)[:：]?$/;
const PLACEHOLDER = /^([.。·…\-—－_/\\、~～]+|(指标|项目|单位)\d+|略|无|以下空白|此处空白)$/;
const NOTE =
  /^(注|说明|备注|填表|填报|制表|审核|复核|负责人|单位负责人|财务负责人|经办人|联系人|联系电话|附件|附|数据来源|资料来源|\*)|(续表|[(（]续[)）]|清单|一览表|明细表|汇总表)$/;

function readTable(sheet: SheetGrid, spec: readonly ColumnSpec[], header: HeaderMatch): TableFound {
  const columns: Record<string, FoundColumn> = {};
  for (const m of header.columns.values()) columns[m.spec.key] = foundColumn(sheet, header, m);
  const mapped = Object.values(columns);
  const headerWords = new Map<string, Set<string>>();
  for (const col of mapped) {
    const s = spec.find((x) => x.key === col.key)!;
    const words = new Set([s.label, ...s.names].map(normaliseHeader));
    for (let r = header.row; r < header.row + header.rowCount; r++) words.add(normaliseHeader(headerText(sheet, r, col.index)));
    words.delete('');
    headerWords.set(col.key, words);
  }
  const requiredCount = spec.filter((s) => s.required).length;

  const rows: TableRow[] = [];
  const skipped: SkippedRow[] = [];
  let blankRows = 0;
  for (let r = header.row + header.rowCount; r < sheet.rows.length; r++) {
    const raw = (sheet.rows[r] ?? []).map(cellText).filter((t) => t !== '');
    if (raw.length === 0) {
      blankRows++;
      continue;
    }
    const preview = raw.join(' ').slice(0, 40);
    const cells: Record<string, CellValue> = {};
    const filled: FoundColumn[] = [];
    let headerLike = 0;
    for (const col of mapped) {
      const value = dataValue(sheet, r, col.index);
      cells[col.key] = value;
      if (cellText(value) !== '') {
        filled.push(col);
        if (headerWords.get(col.key)!.has(normaliseHeader(value))) headerLike++;
      }
    }
    const skip = (kind: SkippedRow['kind'], reason: string) => skipped.push({ rowNumber: r + 1, kind, reason, text: preview, cells });
    const normalisedRaw = raw.map((t) => t.normalize('NFKC').replace(/\s+/g, ''));
    if (normalisedRaw.some((t) => GRAND_TOTAL.test(t))) {
      skip('total', '合计行，不作为项目导入');
      continue;
    }
    if (normalisedRaw.some((t) => TOTAL_ROW.test(t))) {
      skip('subtotal', '小计行，不作为项目导入');
      continue;
    }
    if (headerLike > 0 && headerLike * 2 >= filled.length) {
      skip('header', '重复的表头（分页打印时每页都有），已跳过');
      continue;
    }
    if (filled.length === 0) {
      skip('empty', '没有项目内容（说明、备注或序号行），已跳过');
      continue;
    }
    if (filled.every((col) => PLACEHOLDER.test(cellText(cells[col.key]).replace(/\s+/g, '')))) {
      skip('placeholder', '占位行（如“……”），已跳过');
      continue;
    }
    // Every written cell is a note ("注：…", "填报人：…  联系电话：…") or a continued title, and the row
    // fills too few columns to be a project.
    if (filled.length < Math.min(3, requiredCount) && normalisedRaw.every((t) => NOTE.test(t))) {
      skip('note', '说明文字或续表标题，已跳过');
      continue;
    }
    rows.push({ rowNumber: r + 1, cells });
  }
  return { ok: true, sheet: sheet.name, headerRow: header.row + 1, headerRowCount: header.rowCount, columns, rows, skipped, blankRows };
}
