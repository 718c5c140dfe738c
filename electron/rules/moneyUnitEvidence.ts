/**
 * Telling 元 from 万元 by the ledger (domain.md §8): exports often name no money unit, but the ledger
 * holds figures for the same projects (the project's 年初预算, an earlier import's 调整后预算数). The two
 * readings of a written amount differ by 10,000×, so an agreement with the ledger's figure — within the
 * rounding of the figure as written — under one reading is evidence for that unit, and never a guess.
 * The same evidence catches a unit written in the file (or chosen) that the amounts contradict.
 */
import { parseMoney, type MoneyUnit } from './money';

/** Where an import's money unit came from; 'ask' while the clerk must choose it. */
export type MoneyUnitSource = 'header' | 'note' | 'cells' | 'otherColumn' | 'ledger' | 'user' | 'ask';

export const MONEY_UNIT_SOURCES: Record<MoneyUnitSource, string> = {
  header: '表头',
  note: '表格上方的“单位：”说明',
  cells: '单元格中写的单位',
  otherColumn: '其他金额列的表头',
  ledger: '与台账比对推断',
  user: '用户选择',
  ask: '待选择',
};

/** What one comparison says: the reading under which the written amount equals the ledger's, or neither. */
export type Agreement = MoneyUnit | 'neither';

/** 分 per unit, as parseMoney scales. */
const FEN_PER: Record<MoneyUnit, number> = { 元: 100, 万元: 1_000_000 };

/** A unit written in the cell itself ("864.2万", "1200元"): such a cell says nothing about the column's unit. */
export function unitInCell(written: string | number): MoneyUnit | null {
  if (typeof written === 'number') return null;
  const m = /(万元|万|元)$/.exec(written.normalize('NFKC').replace(/\s+/g, ''));
  return m ? (m[1] === '元' ? '元' : '万元') : null;
}

/**
 * Whether a written figure, read in `unit`, is `fen` as far as its written digits can tell: within half
 * its last digit ("480.12" 万元 for 480.1234 万元), and half a 分 more when it is finer than 分 (parseMoney
 * rounds it). A printed total is checked the same way.
 */
export function agreesAsWritten(written: string | number, unit: MoneyUnit, fen: number): boolean {
  const parsed = parseMoney(written, unit);
  if (!parsed.ok) return false;
  const text = String(written)
    .normalize('NFKC')
    .replace(/[\s,，]/g, '');
  const decimals = /\.(\d+)/.exec(text)?.[1]?.length ?? 0;
  const digit = FEN_PER[unitInCell(written) ?? unit] / 10 ** decimals;
  return Math.abs(parsed.fen - fen) <= digit / 2 + (digit < 1 ? 0.5 : 0);
}

/**
 * How a written amount (without a unit of its own) agrees with the ledger's figure for the same
 * thing: as 元, as 万元, or neither; null when it proves nothing (a zero on either side, a unit in the
 * cell, or not an amount).
 */
export function ledgerAgreement(written: string | number, ledgerFen: number): Agreement | null {
  if (!(ledgerFen > 0) || unitInCell(written)) return null;
  const asYuan = parseMoney(written, '元');
  if (!asYuan.ok || asYuan.fen === 0) return null;
  if (agreesAsWritten(written, '元', ledgerFen)) return '元';
  if (agreesAsWritten(written, '万元', ledgerFen)) return '万元';
  return 'neither';
}

/**
 * A row's comparisons together: the unit its agreeing comparisons share; 'neither' when none agrees or
 * they disagree with each other; null when nothing was compared. Weak comparisons (a 调整后预算数
 * against the 年初预算 it often equals) count only when they agree.
 */
export function rowAgreement(strong: readonly (Agreement | null)[], weak: readonly (Agreement | null)[] = []): Agreement | null {
  const said = [...strong, ...weak.filter((a) => a !== 'neither')].filter((a): a is Agreement => a !== null);
  if (said.length === 0) return null;
  const units = new Set(said.filter((a) => a !== 'neither'));
  return units.size === 1 ? [...units][0]! : 'neither';
}

/** How many compared rows agree with the ledger as 元, as 万元, and as neither. */
export type AgreementCount = Record<Agreement, number>;

export function countAgreements(rows: readonly (Agreement | null)[]): AgreementCount {
  const count: AgreementCount = { 元: 0, 万元: 0, neither: 0 };
  for (const r of rows) if (r) count[r]++;
  return count;
}

export type UnitInference = { unit: MoneyUnit } | { unit: null; why: 'none' | 'mixed' };

/** The unit every compared row agrees on; none compared, or any row saying otherwise, decides nothing. */
export function inferMoneyUnit(count: AgreementCount): UnitInference {
  const compared = count.元 + count.万元 + count.neither;
  if (compared === 0) return { unit: null, why: 'none' };
  if (count.元 === compared) return { unit: '元' };
  if (count.万元 === compared) return { unit: '万元' };
  return { unit: null, why: 'mixed' };
}

/**
 * Whether amounts read in `unit` are, for most compared rows, 10,000 times (or a 10,000th of) the
 * ledger's: they agree under the other unit. Such a file is not committed without an explicit choice.
 */
export function contradictedUnit(unit: MoneyUnit, count: AgreementCount): boolean {
  const other = unit === '元' ? count.万元 : count.元;
  return other * 2 > count.元 + count.万元 + count.neither;
}
