/**
 * The indicator table of a declaration sheet in the layouts real forms use, cut into groups that each
 * carry a period:
 *
 * - one table (the ledger's template, most retyped sheets): one group, 年度 unless a heading above it
 *   or its value column says otherwise ("中期绩效指标", "当年预期实现值");
 * - side by side (财预〔2015〕88号 and most county forms): two sets of 一级/二级/三级/指标值 columns in
 *   one header row, under headings "中期目标 | 年度目标" (or 长期/年度) or none, often with the
 *   中期 set left blank. Each set is read on its own, with the columns left of the first set (a shared
 *   一级) belonging to every set. Without headings the form's own order decides: left 中期, right 年度;
 * - stacked: "长期绩效指标" then "年度绩效指标", each a table with its own header, on one sheet. A header
 *   repeated under a period title starts the next group; one repeated without a title is a page break.
 *
 * Every group is read by findTable, so its 合计, placeholder and repeated-header rows are handled as
 * anywhere else.
 */
import {
  cellText,
  findTable,
  headerText,
  normaliseHeader,
  type FoundColumn,
  type SkippedRow,
  type TableFound,
  type TableNotFound,
  type TableRow,
} from '../formats/findTable';
import type { SheetGrid, WorkbookGrid } from '../formats/readWorkbook';
import type { TargetPeriod } from '../../db/vocabulary';
import { TARGET_INDICATOR_COLUMNS, type IndicatorKey } from './declarationSheet';
import { periodWord } from './indicatorCells';

export interface IndicatorGroup {
  columns: Partial<Record<IndicatorKey, FoundColumn>>;
  rows: TableRow[];
  skipped: SkippedRow[];
  /** The period its rows take unless their 指标期限 cell says otherwise. */
  period: TargetPeriod;
  /** True when the form names no period for a side-by-side set and the form's order decided it. */
  guessed: boolean;
  /** 1-based header row, for messages about the group. */
  headerRow: number;
}

export interface IndicatorTable extends TableFound {
  groups: IndicatorGroup[];
  /** 0-based first row of the indicator area (its period headings included): the header block ends above it. */
  top: number;
}

/** The sheet's indicator table and its groups; the closest miss when there is none. */
export function findIndicatorTable(book: WorkbookGrid, sheet: SheetGrid): IndicatorTable | TableNotFound {
  const table = findTable({ ...book, sheets: [sheet] }, TARGET_INDICATOR_COLUMNS);
  if (!table.ok) return table;
  const headerTop = table.headerRow - 1;
  const headerBottom = headerTop + table.headerRowCount - 1;
  const sets = sideBySideSets(sheet, headerBottom);
  if (sets) {
    const groups: (Omit<IndicatorGroup, 'period' | 'guessed'> & { found: TargetPeriod | null })[] = [];
    let top = headerTop;
    for (const set of sets) {
      const keep = (c: number) => c < sets[0]!.from || (c >= set.from && c <= set.to);
      const one = findTable({ ...book, sheets: [onlyColumns(sheet, keep)] }, TARGET_INDICATOR_COLUMNS);
      // A set without its own 二级/三级/指标值 is no group; the whole table is then read as one.
      if (!one.ok || one.headerRow !== table.headerRow) return single(sheet, table);
      const heading = periodNear(sheet, headerBottom, (c) => c >= set.from && c <= set.to);
      // A heading right above the sets belongs to the table; one further up heads the goals block's texts.
      if (heading && heading.row === headerTop - 1) top = heading.row;
      groups.push({ columns: one.columns, rows: one.rows, skipped: one.skipped, headerRow: one.headerRow, found: heading?.period ?? null });
    }
    const periods = resolvePeriods(groups.map((g) => g.found));
    return {
      ...table,
      top,
      groups: groups.map(({ found, ...g }, i) => ({
        ...g,
        period: periods[i]!,
        guessed: found === null && periods.length === 2 && groups.every((x) => !x.found),
      })),
    };
  }
  return single(sheet, table);
}

/** The table as it comes, cut where a header is repeated under a period title (stacked tables). */
function single(sheet: SheetGrid, table: TableFound): IndicatorTable {
  const headerTop = table.headerRow - 1;
  const first = tableTitle(sheet, headerTop, headerTop + table.headerRowCount - 1);
  const starts = [{ row: headerTop, period: first?.period ?? null, titleRows: first?.titleRows ?? [] }];
  for (const s of table.skipped) {
    if (s.kind !== 'header') continue;
    const title = tableTitle(sheet, s.rowNumber - 1, s.rowNumber - 1);
    if (title) starts.push({ row: s.rowNumber - 1, ...title });
  }
  const periods = resolvePeriods(starts.map((s) => s.period));
  const titleRows = new Set(starts.flatMap((s) => s.titleRows));
  const groups = starts.map((s, i): IndicatorGroup => {
    const end = starts[i + 1]?.row ?? Infinity;
    const inside = (rowNumber: number) => rowNumber - 1 > s.row && rowNumber - 1 < end && !titleRows.has(rowNumber - 1);
    return {
      columns: table.columns,
      rows: table.rows.filter((r) => inside(r.rowNumber)),
      skipped: table.skipped.filter((r) => inside(r.rowNumber) && !starts.some((x) => x.row === r.rowNumber - 1)),
      period: periods[i]!,
      guessed: false,
      headerRow: s.row + 1,
    };
  });
  return { ...table, top: Math.min(headerTop, ...(first?.titleRows ?? [])), groups };
}

/**
 * The column sets of a side-by-side header: where 三级 or 指标值 repeats in the header row, each
 * occurrence of the first repeated column name starts a set, which runs to the next. Null for one set.
 */
function sideBySideSets(sheet: SheetGrid, headerBottom: number): { from: number; to: number }[] | null {
  const lookup = new Map<string, IndicatorKey>();
  for (const spec of TARGET_INDICATOR_COLUMNS) for (const n of [spec.label, ...spec.names]) lookup.set(normaliseHeader(n), spec.key);
  const width = Math.max(
    sheet.rows[headerBottom]?.length ?? 0,
    ...sheet.merges.filter((m) => m.s.r <= headerBottom && m.e.r >= headerBottom).map((m) => m.e.c + 1),
  );
  const at = new Map<IndicatorKey, number[]>();
  for (let c = 0; c < width; c++) {
    // A name merged down from the row above counts; one merged across columns counts once.
    if (sheet.merges.some((m) => m.s.r <= headerBottom && m.e.r >= headerBottom && m.s.c < c && m.e.c >= c)) continue;
    const key = lookup.get(normaliseHeader(headerText(sheet, headerBottom, c)));
    if (key) at.set(key, [...(at.get(key) ?? []), c]);
  }
  // Only a repeated 三级 or 指标值 makes a second set of indicators (a stray second 单位 column does not).
  if ((at.get('name')?.length ?? 0) < 2 && (at.get('value')?.length ?? 0) < 2) return null;
  const repeated = [...at.values()].filter((cols) => cols.length > 1).sort((a, b) => a[0]! - b[0]!)[0]!;
  return repeated.map((from, i) => ({ from, to: (repeated[i + 1] ?? width) - 1 }));
}

/** The sheet with every column but the kept ones blank (merges kept, so 一级 merged down still fills). */
function onlyColumns(sheet: SheetGrid, keep: (c: number) => boolean): SheetGrid {
  return { ...sheet, rows: sheet.rows.map((row) => row.map((v, c) => (keep(c) ? v : null))) };
}

/**
 * The period a side-by-side header names over a set's columns: in the header row itself ("中期指标值"),
 * else in the rows above it ("中期目标 | 年度目标" over the sets, or the goals block's own heading in the
 * 88号 form), nearest first. A row naming both periods over the same columns names neither.
 */
function periodNear(
  sheet: SheetGrid,
  headerBottom: number,
  inColumns: (c: number) => boolean,
): { period: TargetPeriod; row: number } | null {
  for (let r = headerBottom; r >= Math.max(0, headerBottom - 3); r--) {
    const width = Math.max(sheet.rows[r]?.length ?? 0, sheet.rows[headerBottom]?.length ?? 0);
    const found = new Set<TargetPeriod>();
    for (let c = 0; c < width; c++) {
      const p = inColumns(c) ? periodWord(headerText(sheet, r, c)) : null;
      if (p) found.add(p);
    }
    if (found.size === 1) return { period: [...found][0]!, row: r };
  }
  return null;
}

/**
 * The period a table's own header or title names: a value column naming it ("当年预期实现值"), a
 * title merged down beside the table ("长期绩效指标"), or a title row of its own just above. Titles of
 * indicator tables name 指标; "中期目标" alone is the header block's goal label, never a title. The
 * title rows are returned so they are not read as indicators.
 */
function tableTitle(sheet: SheetGrid, headerTop: number, headerBottom: number): { period: TargetPeriod; titleRows: number[] } | null {
  const title = (text: string) => (/目标$/.test(normaliseHeader(text)) ? null : periodWord(text));
  const inHeader = new Set<TargetPeriod>();
  for (let r = headerTop; r <= headerBottom; r++)
    for (let c = 0; c < (sheet.rows[r]?.length ?? 0); c++) {
      const p = title(headerText(sheet, r, c));
      if (p) inHeader.add(p);
    }
  if (inHeader.size === 1) return { period: [...inHeader][0]!, titleRows: [] };
  for (let r = headerTop - 1; r >= Math.max(0, headerTop - 2); r--) {
    const texts = (sheet.rows[r] ?? []).map(cellText).filter((t) => t !== '');
    const periods = new Set(texts.map(title));
    if (texts.length > 0 && periods.size === 1 && !periods.has(null)) return { period: [...periods][0]!, titleRows: [r] };
  }
  return null;
}

/**
 * Every group's period: as named; with two groups one of which is named, the other is the other
 * period; with two unnamed, the form's order (中期 first, as 总体目标 | 中期目标 | 年度目标); else 年度.
 */
function resolvePeriods(found: (TargetPeriod | null)[]): TargetPeriod[] {
  if (found.length === 2) {
    const [a, b] = found;
    if (a && !b) return [a, a === 'annual' ? 'midTerm' : 'annual'];
    if (!a && b) return [b === 'annual' ? 'midTerm' : 'annual', b];
    if (!a && !b) return ['midTerm', 'annual'];
  }
  return found.map((p) => p ?? 'annual');
}
