/**
 * Money cells in imported workbooks, shared by the importers: what counts as "no amount", parsing a
 * cell with the reason put the way messages quote it, the 元-typed-into-万元 guard, where the money unit
 * came from, 合计 rows that disagree with the rows they total, and an amount shown exactly in a change.
 */
import { cellText, type FoundColumn, type SkippedRow } from './findTable';
import { cellIssue, type ImportIssue, type IssueSource } from './importIssue';
import type { CellValue } from './readWorkbook';
import { fenToWanYuanInput, formatWanYuan, parseMoney, type MoneyUnit } from '../rules/money';

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

/** parseMoney of a cell (a number as it is, else its text); a failure says what was wrong, quoting the text. */
export function parseMoneyCell(cell: CellValue, text: string, unit: MoneyUnit): { ok: true; fen: number } | { ok: false; what: string } {
  const parsed = parseMoney(typeof cell === 'number' ? cell : text, unit);
  if (parsed.ok) return parsed;
  return { ok: false, what: parsed.reason.startsWith('“') ? parsed.reason : `“${text}”${parsed.reason}` };
}

/** The message for an amount parseMoneyCell refused. */
export function amountProblem(what: string, unit: MoneyUnit): string {
  return `${what}。请填写以${unit}为单位的金额，如 12.50（不要写公式、文字或负数）。`;
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

/** A 合计/总计 row is not imported, but where it disagrees with the rows it totals the clerk should know. */
export function totalRowWarnings(skipped: readonly SkippedRow[], columns: readonly TotalledColumn[], source: IssueSource): ImportIssue[] {
  const warnings: ImportIssue[] = [];
  for (const s of skipped) {
    if (s.kind !== 'total') continue;
    for (const c of columns) {
      const value = s.cells[c.key];
      if (value == null || cellText(value) === '') continue;
      const parsed = parseMoney(value, c.unit);
      if (parsed.ok && parsed.fen !== c.sumFen) {
        warnings.push(
          cellIssue(
            source,
            s.rowNumber,
            c.column,
            cellText(value),
            `合计行的${c.label} ${formatWanYuan(parsed.fen)} 万元与各项目之和 ${formatWanYuan(c.sumFen)} 万元不一致。合计行不导入，以各项目为准，请核对。`,
          ),
        );
      }
    }
  }
  return warnings;
}

/** 万元 with two decimals, and the exact figure when it has finer 分 (so a 1-分 change is visible). */
export function exactWanYuan(fen: number): string {
  const shown = formatWanYuan(fen);
  return fen % 10_000 === 0 ? shown : `${shown}（${fenToWanYuanInput(fen)}）`;
}
