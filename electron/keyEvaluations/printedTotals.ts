/**
 * Printed totals of an indicator table checked against its rows: which group each 小计 row closes, and
 * each printed figure that disagrees with what its rows add up to, as an issue at its cell with the
 * printed and the computed figure. Shared by the framework import, the expert score sheet import and
 * the table review, so a 小计 is placed and a figure compared the same way everywhere.
 */
import { cellText, type FoundColumn } from '../formats/findTable';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { parsePrintedNumber } from '../formats/printedLabels';
import type { SheetGrid } from '../formats/readWorkbook';
import { sumHundredths, type Framework } from '../rules/keyEvaluationScore';
import { formatScore } from '../rules/numberFormat';

/** The rows a printed figure covers: the whole table, one 一级 (by position), or one 二级 in it. */
export type Scope = { level: 0 } | { level: 1; l1: number } | { level: 2; l1: number; l2: number };

/** The table's rows in sheet order: indicator rows with their group, and printed total rows. */
export type SheetLine =
  { row: number; kind: 'data'; l1: number; l2: number } | { row: number; kind: 'total' | 'subtotal'; names: string | null };

export interface GroupNames {
  level1: readonly string[];
  /** level2[l1][l2]. */
  level2: readonly (readonly string[])[];
}

/** A sheet's printed total rows, placed (placeTotalRows), with what is needed to read and name them. */
export interface PrintedTotals {
  sheet: SheetGrid;
  source: IssueSource;
  totals: readonly { row: number; scope: Scope | null }[];
  names: GroupNames;
}

/** A printed figure and what it should have been; the issue names the cell. */
export interface Discrepancy {
  issue: ImportIssue;
  /** The figure printed, where the cell holds more ("B过程26分" printed 26); else the cell's text. */
  printed?: string;
  computed: string | null;
}

/**
 * The group each total row closes. A row naming its group ("决策小计") is that group's. An unnamed
 * 小计 closes the 二级 above it when the next row goes on in the same 一级; at the end of a 一级 it
 * closes that 一级 — unless the table closes 二级 elsewhere, then it is the last 二级's; and two in a
 * row there are the 二级's and then the 一级's. A 合计 with indicator rows after it is a 小计 too.
 * Null where a row cannot be placed (it is reported, never guessed).
 */
export function placeTotalRows(lines: readonly SheetLine[], names: GroupNames): Map<number, Scope | null> {
  const placed = new Map<number, Scope | null>();
  const dataAt = (k: number, step: 1 | -1) => {
    for (let j = k; j >= 0 && j < lines.length; j += step) {
      const line = lines[j]!;
      if (line.kind === 'data') return line;
    }
    return null;
  };
  const isSubtotal = (k: number) => {
    const line = lines[k]!;
    if (line.kind === 'data') return false;
    return line.kind === 'subtotal' || dataAt(k + 1, 1) !== null;
  };
  // Runs of unnamed 小计 rows between indicator rows.
  const runs: { start: number; end: number }[] = [];
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k]!;
    if (line.kind === 'data') continue;
    if (!isSubtotal(k)) {
      placed.set(line.row, { level: 0 });
      continue;
    }
    if (line.names) {
      placed.set(line.row, byName(line.names, dataAt(k, -1), names));
      continue;
    }
    const last = runs[runs.length - 1];
    if (last && last.end === k - 1) last.end = k;
    else runs.push({ start: k, end: k });
  }
  const closesLevel2Inside = runs.some((r) => {
    const before = dataAt(r.start, -1);
    const after = dataAt(r.end, 1);
    return before !== null && after !== null && before.l1 === after.l1;
  });
  for (const r of runs) {
    const before = dataAt(r.start, -1);
    const after = dataAt(r.end, 1);
    const rows = lines.slice(r.start, r.end + 1).map((l) => l.row);
    if (!before || rows.length > 2) {
      for (const row of rows) placed.set(row, null);
      continue;
    }
    const level2: Scope = { level: 2, l1: before.l1, l2: before.l2 };
    const level1: Scope = { level: 1, l1: before.l1 };
    if (rows.length === 2) {
      placed.set(rows[0]!, level2);
      placed.set(rows[1]!, level1);
    } else if (after && after.l1 === before.l1) placed.set(rows[0]!, level2);
    else placed.set(rows[0]!, closesLevel2Inside ? level2 : level1);
  }
  return placed;
}

/** "决策小计" is 决策's; a 二级 name is looked for in the 一级 above first. */
function byName(name: string, before: { l1: number } | null, names: GroupNames): Scope | null {
  if (before) {
    const l2 = names.level2[before.l1]?.indexOf(name) ?? -1;
    if (l2 >= 0) return { level: 2, l1: before.l1, l2 };
  }
  const l1 = names.level1.indexOf(name);
  if (l1 >= 0) return { level: 1, l1 };
  for (const [i, list] of names.level2.entries()) {
    const l2 = list.indexOf(name);
    if (l2 >= 0) return { level: 2, l1: i, l2 };
  }
  return null;
}

/** The points a scope's indicators add up to. */
export function pointsOf(framework: Framework, scope: Scope): number {
  const l1s = scope.level === 0 ? framework : [framework[scope.l1]!];
  const l2s = scope.level === 2 ? [l1s[0]!.level2[scope.l2]!] : l1s.flatMap((l1) => l1.level2);
  return sumHundredths(l2s.flatMap((l2) => l2.indicators.map((i) => i.points))) / 100;
}

/** "一级指标“决策”", "二级指标“项目立项”", "全表". */
export function scopeText(scope: Scope, names: GroupNames): string {
  if (scope.level === 0) return '全表';
  if (scope.level === 1) return `一级指标“${names.level1[scope.l1]}”`;
  return `二级指标“${names.level2[scope.l1]?.[scope.l2]}”`;
}

/** A figure as findings write it, with the app's 2 decimals (15.00, 13.50, 86.53), the sums' binary noise removed first. */
export function figure(n: number): string {
  return formatScore(hundredths(n) / 100);
}

/** Half-up to hundredths, after removing the binary noise of sums (0.1 + 0.2). */
function hundredths(n: number): number {
  return Math.round(Math.round(n * 1e6) / 1e4);
}

export function sameFigure(a: number, b: number): boolean {
  return hundredths(a) === hundredths(b);
}

/**
 * A printed figure against the computed one: null when they agree, else the issue at its cell.
 * `what` names the figure ("一级指标“决策”标注的权重"), `basis` what it was computed from.
 */
export function compareFigure(
  source: IssueSource,
  at: { row: number; column: Pick<FoundColumn, 'letter' | 'header'>; text: string },
  printed: number,
  computed: number,
  what: string,
  basis: string,
): Discrepancy | null {
  if (sameFigure(printed, computed)) return null;
  return {
    issue: cellIssue(
      source,
      at.row,
      at.column,
      at.text,
      `${what}为 ${figure(printed)}，${basis}为 ${figure(computed)}，两者不一致。请核对后改正。`,
    ),
    printed: figure(printed),
    computed: figure(computed),
  };
}

/**
 * Each printed 小计/合计 figure in `column` against what its group computes to (null: not computable,
 * e.g. a score missing); a figure that does not read, and a 小计 that cannot be placed, are reported too.
 */
export function compareTotalRows(
  table: PrintedTotals,
  column: Pick<FoundColumn, 'index' | 'letter' | 'header'>,
  computed: (scope: Scope) => number | null,
  what: string,
  scale = 1,
): Discrepancy[] {
  const out: Discrepancy[] = [];
  for (const { row, scope } of table.totals) {
    const text = cellText(table.sheet.rows[row - 1]?.[column.index]);
    if (!text || /^[/／\-—–]+$/.test(text)) continue;
    const printed = parsePrintedNumber(text);
    const rowName = scope?.level === 0 ? '合计行' : scope ? `小计行（${scopeText(scope, table.names)}）` : '小计行';
    if (printed === null) {
      out.push({
        issue: cellIssue(table.source, row, column, text, `${rowName}的${what}“${text}”不是数字，无法核对。请填写数字。`),
        computed: null,
      });
      continue;
    }
    if (!scope) {
      const problem = `无法确定这一小计行属于哪个指标组，未核对其${what}。请在小计行写明所属指标（如“决策小计”）。`;
      out.push({ issue: cellIssue(table.source, row, column, text, problem), computed: null });
      continue;
    }
    const value = computed(scope);
    if (value === null) continue;
    const d = compareFigure(
      table.source,
      { row, column, text },
      printed * scale,
      value,
      `${rowName}的${what}`,
      scope.level === 0 ? '按各行计算' : '按该组各行计算',
    );
    if (d) out.push(d);
  }
  return out;
}
