/**
 * The rows of an expert's 评分表 (expertScoreSheet.ts) and the totals printed among them. Experts and
 * units add 小计/合计 rows (often an Excel SUM) and retype 一级/二级 as labels with their weights
 * ("决策（20分）"). Such a row is no indicator; each printed figure is compared with what its group adds
 * up to — 分值 in the evaluation's framework, 得分 in the expert's scores as read — and each
 * disagreement is a warning at its cell: the scores recorded are the indicators' own, never a total.
 */
import { cellText } from '../formats/findTable';
import type { IssueSource } from '../formats/importIssue';
import { parsePrintedLabel, printedTotalOf } from '../formats/printedLabels';
import type { CellValue, SheetGrid } from '../formats/readWorkbook';
import { sumHundredths, type Framework } from '../rules/keyEvaluationScore';
import {
  compareFigure,
  compareTotalRows,
  placeTotalRows,
  pointsOf,
  type Discrepancy,
  type GroupNames,
  type Scope,
  type SheetLine,
} from './printedTotals';

/** A column: 0-based index, the letter Excel shows and the header as written. */
export interface Column {
  index: number;
  letter: string;
  header: string;
}

export interface ExpertSheetReading {
  sheet: SheetGrid;
  source: IssueSource;
  framework: Framework;
  /** The sheet's columns as headed; 一级/二级/分值 may be missing. */
  columns: { level1: Column | null; level2: Column | null; points: Column | null; score: Column };
  /** The indicator rows in sheet order: the indicator matched and the score read (null: not scored). */
  rows: { excelRow: number; code: string; score: number | null }[];
  /** The printed total rows, and the group a row names ("决策小计"). */
  totals: { excelRow: number; kind: 'total' | 'subtotal'; names: string | null }[];
}

/**
 * The rows under the header (0-based `headerRow`) up to the 填表说明: indicator rows by their 三级 name,
 * printed total rows ("合计", "决策小计") aside, and the rows with a score but no name (`unnamed`, Excel rows).
 */
export function readExpertRows(
  sheet: SheetGrid,
  headerRow: number,
  columns: Partial<Record<'level1' | 'level2' | 'name' | 'score' | 'basis', number>>,
): { rows: { excelRow: number; name: string; cells: CellValue[] }[]; totals: ExpertSheetReading['totals']; unnamed: number[] } {
  const rows: { excelRow: number; name: string; cells: CellValue[] }[] = [];
  const totals: ExpertSheetReading['totals'] = [];
  const unnamed: number[] = [];
  const at = (cells: CellValue[], c: number | undefined) => (c === undefined ? '' : cellText(cells[c]));
  for (let r = headerRow + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const name = at(cells, columns.name);
    const first = cellText(cells[0]);
    if (/^填表说明/.test(first) || /^填表说明/.test(name)) break;
    const total = [first, at(cells, columns.level1), at(cells, columns.level2), name].map(printedTotalOf).find((t) => t !== null);
    if (total) totals.push({ excelRow: r + 1, ...total });
    else if (name) rows.push({ excelRow: r + 1, name, cells });
    else if (at(cells, columns.score) || at(cells, columns.basis)) unnamed.push(r + 1);
  }
  return { rows, totals, unnamed };
}

export function expertSheetDiscrepancies(input: ExpertSheetReading): Discrepancy[] {
  const { sheet, source, framework, columns } = input;
  const names: GroupNames = { level1: framework.map((l1) => l1.name), level2: framework.map((l1) => l1.level2.map((l2) => l2.name)) };
  const place = new Map<string, { l1: number; l2: number }>();
  framework.forEach((l1, i1) => l1.level2.forEach((l2, i2) => l2.indicators.forEach((i) => place.set(i.code, { l1: i1, l2: i2 }))));
  const lines: SheetLine[] = [
    ...input.rows.flatMap((r) => {
      const at = place.get(r.code);
      return at ? [{ row: r.excelRow, kind: 'data' as const, l1: at.l1, l2: at.l2 }] : [];
    }),
    ...input.totals.map((t) => ({ row: t.excelRow, kind: t.kind, names: t.names })),
  ].sort((a, b) => a.row - b.row);
  const placed = placeTotalRows(lines, names);
  const inScope = (scope: Scope) =>
    input.rows.filter((r) => {
      const at = place.get(r.code);
      return at !== undefined && (scope.level === 0 || (at.l1 === scope.l1 && (scope.level === 1 || at.l2 === scope.l2)));
    });
  const points = (scope: Scope) => pointsOf(framework, scope);
  // A blank score adds nothing, as the sheet's own SUM would.
  const scores = (scope: Scope) => sumHundredths(inScope(scope).map((r) => r.score ?? 0)) / 100;
  const printed = {
    sheet,
    source,
    names,
    totals: input.totals.map((t) => ({ row: t.excelRow, scope: placed.get(t.excelRow) ?? null })),
  };
  const out: Discrepancy[] = [];
  if (columns.points) out.push(...compareTotalRows(printed, columns.points, points, '分值'));
  out.push(...compareTotalRows(printed, columns.score, scores, '得分'));

  // Labels carrying weights, where they are written (not where a merged cell lends them).
  for (const r of input.rows) {
    const at = place.get(r.code);
    if (!at) continue;
    for (const [level, c] of [
      [1, columns.level1],
      [2, columns.level2],
    ] as const) {
      if (!c) continue;
      const text = cellText(sheet.rows[r.excelRow - 1]?.[c.index]);
      const label = parsePrintedLabel(text);
      if (!text || label.weight === null) continue;
      const scope: Scope = level === 1 ? { level: 1, l1: at.l1 } : { level: 2, l1: at.l1, l2: at.l2 };
      const what = level === 1 ? `一级指标“${names.level1[at.l1]}”标注的权重` : `二级指标“${names.level2[at.l1]![at.l2]}”标注的分值`;
      const d = compareFigure(
        source,
        { row: r.excelRow, column: c, text },
        label.weight,
        points(scope),
        what,
        '评价指标体系中其三级指标分值合计',
      );
      if (d) out.push(d);
    }
  }
  return out.sort((a, b) => (a.issue.row ?? 0) - (b.issue.row ?? 0));
}
