/**
 * Money cells in imported workbooks, shared by the importers: what counts as "no amount", parsing a
 * cell with the reason put the way messages quote it, the 元-typed-into-万元 guard, where the money unit
 * came from, 合计 and 小计 rows that disagree with the rows they total, and an amount shown exactly in a
 * change.
 */
import { cellText, type FoundColumn, type SkippedRow } from './findTable';
import { cellIssue, type ImportIssue, type IssueSource } from './importIssue';
import type { CellValue } from './readWorkbook';
import { formatWanYuan, parseMoney, type MoneyUnit } from '../rules/money';
import { agreesAsWritten } from '../rules/moneyUnitEvidence';

/** Above this a 万元 amount (50 亿) is more likely 元 typed into a 万元 column. */
export const SUSPICIOUS_WAN_YUAN_FEN = 500_000 * 1_000_000;

const BLANK_MONEY = /^([/\\\-—－–]|无)?$/;
const BLANK_MONEY_DASH_RUNS = /^([/\\\-—－–]+|无)?$/;

/**
 * A money cell that says "no amount": empty, one dash or slash, or 无. `dashRuns` also takes "--" and
 * the like, which the budget platform's execution exports write (the other importers never did).
 */
export function isBlankMoney(cell: CellValue, text: string, options: { dashRuns?: boolean } = {}): boolean {
  return typeof cell !== 'number' && (options.dashRuns ? BLANK_MONEY_DASH_RUNS : BLANK_MONEY).test(text);
}

/**
 * parseMoney of a cell (a number as it is, else its text); a failure says what was wrong, naming the
 * field (`label`) and quoting the text once: "年初预算数不能为负数（表中为“-3”）", "“abc”不是金额".
 */
export function parseMoneyCell(
  cell: CellValue,
  text: string,
  unit: MoneyUnit,
  label = '金额',
): { ok: true; fen: number } | { ok: false; what: string } {
  const parsed = parseMoney(typeof cell === 'number' ? cell : text, unit, label);
  if (parsed.ok) return parsed;
  return { ok: false, what: parsed.reason.startsWith('“') ? parsed.reason : `${parsed.reason}（表中为“${text}”）` };
}

/** The message for an amount parseMoneyCell refused; `unit` null while the file's unit is undecided. */
export function amountProblem(what: string, unit: MoneyUnit | null): string {
  return `${what}。请填写${unit ? `以${unit}为单位的` : ''}金额，如 12.50（不要写公式、文字或负数）。`;
}

/** One sentence on where a money column's unit came from; `defaulted` names what is read in 万元 without one. */
export function moneyUnitNote(
  column: FoundColumn,
  unit: MoneyUnit,
  source: 'header' | 'note' | 'default' | null,
  defaulted: string,
): string {
  return source === 'header'
    ? `金额单位取自表头“${column.header}”：${unit}。`
    : source === 'note'
      ? `金额单位取自表格上方的说明：${unit}。`
      : `表头和表格上方都没有写金额单位，${defaulted}按万元导入。如果表中金额是元，请把表头改为“${column.header}（元）”后重新导入。`;
}

export interface TotalledColumn {
  key: string;
  /** As the message names it ("年初预算数"). */
  label: string;
  column: FoundColumn;
  unit: MoneyUnit;
  /** The sum of the rows read, in 分. */
  sumFen: number;
}

/** A printed total that disagrees with its rows: the issue, with both figures in 万元 as the message gives them. */
export interface TotalIssue extends ImportIssue {
  printed: string;
  computed: string;
}

function totalIssue(
  source: IssueSource,
  row: SkippedRow,
  c: Omit<TotalledColumn, 'sumFen'>,
  printedFen: number,
  computedFen: number,
  what: string,
  parts = '各项目',
): TotalIssue {
  const printed = formatWanYuan(printedFen);
  const computed = formatWanYuan(computedFen);
  const label = row.kind === 'total' ? '合计行' : '小计行';
  return {
    ...cellIssue(
      source,
      row.rowNumber,
      c.column,
      cellText(row.cells[c.key]),
      `${label}的${c.label} ${printed} 万元与${what} ${computed} 万元不一致。${label}不导入，以${parts}为准，请核对。`,
    ),
    printed,
    computed,
  };
}

/**
 * A total row's printed figure in a column: 分, and whether a sum agrees with it — exactly, or rounded
 * to the two decimals amounts are shown with (a 合计 of 12.3456 and 96 printed as 108.35). A total
 * printed with fewer decimals must be exact: "31" is not 30.5.
 */
function printed(row: SkippedRow, c: Omit<TotalledColumn, 'sumFen'>): { fen: number; agrees: (fen: number) => boolean } | null {
  const value = row.cells[c.key];
  if (value == null || typeof value === 'boolean' || cellText(value) === '') return null;
  const parsed = parseMoney(value, c.unit);
  if (!parsed.ok) return null;
  const shownToHundredths = /\.\d{2}$/.test(String(value).replace(/[\s,，]|万元?$|元$/g, ''));
  return { fen: parsed.fen, agrees: (fen) => fen === parsed.fen || (shownToHundredths && agreesAsWritten(value, c.unit, fen)) };
}

/**
 * A 合计/总计 row is not imported, but where it disagrees with the rows it totals the clerk should know.
 * A total printed to fewer decimals than its rows agrees when it is their sum rounded as printed.
 * `parts` names the rows totalled (各项目, or a funds table's 各资金来源).
 */
export function totalRowWarnings(
  skipped: readonly SkippedRow[],
  columns: readonly TotalledColumn[],
  source: IssueSource,
  parts = '各项目',
): TotalIssue[] {
  const warnings: TotalIssue[] = [];
  for (const s of skipped) {
    if (s.kind !== 'total') continue;
    for (const c of columns) {
      const p = printed(s, c);
      if (p && !p.agrees(c.sumFen)) warnings.push(totalIssue(source, s, c, p.fen, c.sumFen, `${parts}之和`, parts));
    }
  }
  return warnings;
}

/** A data row's amounts by column key, in 分, as the importer read them. */
export interface AmountRow {
  rowNumber: number;
  fen: Partial<Record<string, number>>;
}

/**
 * Each 小计 row against the rows it covers. Tables group differently, so a 小计 agrees when it equals the
 * rows back to any earlier 小计 (its own group, or a larger one it totals, or all rows so far), or the
 * rows after it up to the next 小计 (printed above its group). Otherwise the message gives its own group's
 * sum (the rows since the previous 小计, or those after it when none are above).
 */
export function subtotalRowWarnings(
  skipped: readonly SkippedRow[],
  rows: readonly AmountRow[],
  columns: readonly Omit<TotalledColumn, 'sumFen'>[],
  source: IssueSource,
): TotalIssue[] {
  const warnings: TotalIssue[] = [];
  const breaks = skipped.filter((s) => s.kind === 'subtotal' || s.kind === 'total').map((s) => s.rowNumber);
  const sum = (key: string, from: number, to: number) =>
    rows.filter((r) => r.rowNumber > from && r.rowNumber < to).reduce((total, r) => total + (r.fen[key] ?? 0), 0);
  for (const s of skipped) {
    if (s.kind !== 'subtotal') continue;
    const before = [0, ...breaks.filter((b) => b < s.rowNumber)];
    const next = breaks.find((b) => b > s.rowNumber) ?? Infinity;
    const own = before[before.length - 1]!;
    const hasRowsAbove = rows.some((r) => r.rowNumber > own && r.rowNumber < s.rowNumber);
    for (const c of columns) {
      const p = printed(s, c);
      if (!p) continue;
      const candidates = [...before.map((b) => sum(c.key, b, s.rowNumber)), sum(c.key, s.rowNumber, next)];
      if (candidates.some(p.agrees)) continue;
      const computed = hasRowsAbove ? sum(c.key, own, s.rowNumber) : sum(c.key, s.rowNumber, next);
      warnings.push(totalIssue(source, s, c, p.fen, computed, hasRowsAbove ? '其上各项目之和' : '其下各项目之和'));
    }
  }
  return warnings;
}

/** 万元 with two decimals, and the exact figure when it has finer 分 (so a 1-分 change is visible). */
export function exactWanYuan(fen: number): string {
  const shown = formatWanYuan(fen);
  return fen % 10_000 === 0 ? shown : `${shown}（${formatWanYuan(fen, { exact: true })}）`;
}
