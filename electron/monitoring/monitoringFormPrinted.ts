/**
 * What a returned 监控表 prints besides the entries: the project's funds table (资金来源 rows under a
 * 合计 or 年度资金总额, as the bureau's form has it) and each indicator's 分值 under 一级/二级 labels
 * carrying their weight ("产出指标（50分）") with 小计/合计 rows. None of it is imported — the funds come
 * from the budget platform's export and the 分值 are the form's own — but a printed total or label weight
 * that disagrees with its rows is reported at its cell, with the printed and the computed figure.
 *
 * Amounts are read in the unit the form names (a "单位：万元" title line, a header "（元）"); a form naming
 * none is read in the unit the ledger's figures for the project show (executionUnit.ts, the execution
 * import's own evidence rules), and a form whose amounts cannot be placed is not checked — never guessed.
 */
import { eq } from 'drizzle-orm';
import { projects } from '../../db/schema';
import { cellText, findTable, type ColumnSpec, type SkippedRow, type TableFound, type TableRow } from '../formats/findTable';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { isBlankMoney, parseMoneyCell, totalRowWarnings, type TotalledColumn } from '../formats/moneyCells';
import { parsePrintedLabel, parsePrintedNumber, printedTotalOf } from '../formats/printedLabels';
import type { SheetGrid } from '../formats/readWorkbook';
import type { Framework } from '../rules/keyEvaluationScore';
import type { ServiceContext } from '../ledger/context';
import {
  compareFigure,
  compareTotalRows,
  placeTotalRows,
  pointsOf,
  type Discrepancy,
  type Scope,
  type SheetLine,
} from '../keyEvaluations/printedTotals';
import { EXECUTION_COLUMNS, MONEY_KEYS, MONEY_LABELS, type ExecutionColumns } from './executionColumns';
import { recordedAmounts } from './executionRecords';
import { decideExecutionUnit } from './executionUnit';

/** A printed figure that disagrees with its rows (or could not be checked), at its cell. */
export interface PrintedFinding extends ImportIssue {
  printed: string | null;
  computed: string | null;
}

const finding = (d: Discrepancy): PrintedFinding => ({ ...d.issue, printed: d.printed ?? d.issue.value, computed: d.computed });

/**
 * Each printed 分值 total against the indicators' 分值: label weights where they are written (not where a
 * merged cell lends them), and 合计/小计 rows placed as printedTotals.ts places them.
 */
export function pointsFindings(sheet: SheetGrid, table: TableFound, source: IssueSource): PrintedFinding[] {
  const pointsColumn = table.columns.points;
  if (!pointsColumn) return [];
  const framework: Framework = [];
  const lines: SheetLine[] = [];
  const above = { level1: '', level2: '' };
  for (const r of table.rows) {
    const name = cellText(r.cells.name);
    if (!name) continue;
    // Blank-below 一级/二级 belong to the label above.
    const label = (key: 'level1' | 'level2') => parsePrintedLabel((above[key] = cellText(r.cells[key]) || above[key])).name;
    const [n1, n2] = [label('level1'), label('level2')];
    let l1 = framework.findIndex((g) => g.name === n1);
    if (l1 < 0) l1 = framework.push({ name: n1, weight: 0, level2: [] }) - 1;
    let l2 = framework[l1]!.level2.findIndex((g) => g.name === n2);
    if (l2 < 0) l2 = framework[l1]!.level2.push({ name: n2, indicators: [] }) - 1;
    const points = parsePrintedNumber(cellText(r.cells.points)) ?? 0;
    framework[l1]!.level2[l2]!.indicators.push({ code: String(r.rowNumber), name, points, rule: '' });
    lines.push({ row: r.rowNumber, kind: 'data', l1, l2 });
  }
  for (const s of table.skipped) {
    if (s.kind !== 'total' && s.kind !== 'subtotal') continue;
    const total = (sheet.rows[s.rowNumber - 1] ?? []).map((v) => printedTotalOf(cellText(v))).find((t) => t !== null);
    if (total) lines.push({ row: s.rowNumber, kind: total.kind, names: total.names });
  }
  lines.sort((a, b) => a.row - b.row);
  const names = { level1: framework.map((g) => g.name), level2: framework.map((g) => g.level2.map((x) => x.name)) };
  const placed = placeTotalRows(lines, names);
  const totals = lines.filter((l) => l.kind !== 'data').map((l) => ({ row: l.row, scope: placed.get(l.row) ?? null }));
  const points = (scope: Scope) => pointsOf(framework, scope);
  const out = compareTotalRows({ sheet, source, names, totals }, pointsColumn, points, '分值').map(finding);

  for (const line of lines) {
    if (line.kind !== 'data') continue;
    for (const [level, c] of [
      [1, table.columns.level1],
      [2, table.columns.level2],
    ] as const) {
      const text = c ? cellText(sheet.rows[line.row - 1]?.[c.index]) : '';
      const weight = text ? parsePrintedLabel(text).weight : null;
      if (!c || weight === null) continue;
      const scope: Scope = level === 1 ? { level: 1, l1: line.l1 } : { level: 2, l1: line.l1, l2: line.l2 };
      const what = level === 1 ? `一级指标“${names.level1[line.l1]}”标注的分值` : `二级指标“${names.level2[line.l1]![line.l2]}”标注的分值`;
      const d = compareFigure(source, { row: line.row, column: c, text }, weight, points(scope), what, '表中其三级指标分值合计');
      if (d) out.push(finding(d));
    }
  }
  return out.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

const FUNDS_TABLE: readonly ColumnSpec[] = [
  // Not 资金情况 or 项目资金: forms write those down the left of the whole block, beside the sources.
  { key: 'source', label: '资金来源', names: ['资金来源', '资金性质', '资金类别', '资金构成', '资金渠道'], required: false },
  ...EXECUTION_COLUMNS.filter((c) => MONEY_KEYS.some((k) => k === c.key)),
];
/** The row of a funds table that totals the others: 年度资金总额, 资金总额, 合计. */
const FUNDS_TOTAL = /^(?:年度资金总额|资金总额|总额|合计|总计)/;

/**
 * The funds table above the indicator table, its 合计 (or 年度资金总额) against the 资金来源 rows under
 * it, in the unit decided as the execution import decides it. The ledger's own template prints its
 * funds as label and value pairs, which is no table and is not checked.
 */
export function fundsFindings(
  ctx: ServiceContext,
  round: { id: number; year: number; asOfMonth: number },
  sheet: SheetGrid,
  table: TableFound,
  source: IssueSource,
  projectId: number | null,
): PrintedFinding[] {
  if (projectId === null) return [];
  const top: SheetGrid = {
    name: sheet.name,
    rows: sheet.rows.slice(0, table.headerRow - 1),
    merges: sheet.merges.filter((m) => m.e.r < table.headerRow - 1),
  };
  const funds = findTable({ fileName: source.fileName, format: 'xlsx', encoding: null, sheets: [top] }, FUNDS_TABLE);
  if (!funds.ok || (top.rows[funds.headerRow - 1] ?? []).some((v) => typeof v === 'number' || /^[\d.,，]+$/.test(cellText(v)))) return [];
  const isTotal = (r: TableRow) => FUNDS_TOTAL.test(cellText(r.cells.source).normalize('NFKC').replace(/\s+/g, ''));
  const totals: SkippedRow[] = [
    ...funds.skipped.filter((s) => s.kind === 'total' || s.kind === 'subtotal'),
    ...funds.rows.filter(isTotal).map((r) => ({ rowNumber: r.rowNumber, kind: 'total' as const, reason: '', text: '', cells: r.cells })),
  ].map((s) => ({ ...s, kind: 'total' as const }));
  const parts = funds.rows.filter((r) => !isTotal(r));
  const whole = totals[0] ?? (parts.length === 1 ? { rowNumber: parts[0]!.rowNumber, cells: parts[0]!.cells } : null);

  const project = ctx.ledger.db
    .select({ name: projects.name, initialBudgetFen: projects.initialBudgetFen })
    .from(projects)
    .where(eq(projects.id, projectId))
    .get();
  const col: ExecutionColumns = Object.fromEntries(MONEY_KEYS.filter((k) => funds.columns[k]).map((k) => [k, funds.columns[k]]));
  const decision = decideExecutionUnit({
    col,
    rows: funds.rows,
    matched:
      whole && project
        ? [{ row: whole.rowNumber, cells: whole.cells, project, recorded: recordedAmounts(ctx, round).get(projectId) ?? null }]
        : [],
    chosen: null,
    confirmed: false,
  });
  const executed = col.executed!;
  const at = (problem: string): PrintedFinding => ({
    ...cellIssue(source, funds.headerRow, executed, executed.header, problem),
    printed: null,
    computed: null,
  });
  if (!decision.units)
    return [at(`${decision.note.replace(/请选择文件金额单位。$/, '')}资金合计未核对；请在表头或表格上方写明金额单位（如“单位：万元”）。`)];
  if (decision.mismatch) return [at(`${decision.mismatch.finding}资金合计未核对；请核对表上写的金额单位。`)];
  if (totals.length === 0 || parts.length === 0) return [];

  const columns: TotalledColumn[] = [];
  for (const k of MONEY_KEYS) {
    const c = col[k];
    const unit = decision.units[k];
    if (!c || !unit) continue;
    let sumFen = 0;
    let readable = true;
    for (const r of parts) {
      const text = cellText(r.cells[k]);
      if (isBlankMoney(r.cells[k] ?? null, text)) continue;
      const parsed = parseMoneyCell(r.cells[k] ?? null, text, unit);
      if (parsed.ok) sumFen += parsed.fen;
      else readable = false;
    }
    if (readable) columns.push({ key: k, label: MONEY_LABELS[k], column: c, unit, sumFen });
  }
  return totalRowWarnings(totals, columns, source, '各资金来源');
}
