/**
 * The amounts of one execution row, as numbers or as text ("1,234.56", "864.2万"), each in its
 * column's unit, with the platform's gaps filled the way the bureau reads them (a blank 调整后预算数 is
 * the 年初预算数, a blank 执行数 is 0), the doubtful ones pointed out, and compared with the round's
 * record of the project.
 *
 * A column the file lacks never overwrites what the ledger knows: the project's recorded figure (this
 * round's record, else an earlier round's) is kept, and the fallback (调整后预算数 := 年初预算数) is
 * taken only where nothing is recorded.
 */
import { cellText } from '../formats/findTable';
import { amountProblem, exactWanYuan, isBlankMoney, parseMoneyCell, SUSPICIOUS_WAN_YUAN_FEN } from '../formats/moneyCells';
import type { CellValue } from '../formats/readWorkbook';
import { formatWanYuan, type MoneyUnit } from '../rules/money';
import { MONEY_KEYS, MONEY_LABELS, type ExecutionColumns, type MoneyKey } from './executionColumns';
import type { RecordedAmounts } from './executionRecords';

/** 执行数 above this multiple of 调整后预算数 is worth a look (execution above budget does happen). */
const EXECUTION_OVER_BUDGET_FACTOR = 3;

/** Amounts in 分, as read from the row. */
export interface ExecutionAmounts {
  initialBudgetFen: number | null;
  adjustedBudgetFen: number;
  executedFen: number;
  expectedFullYearFen: number | null;
}

export interface ExecutionFieldChange {
  field: MoneyKey;
  label: string;
  beforeFen: number | null;
  afterFen: number | null;
  /** 万元 for display ("（空）" for none). */
  before: string;
  after: string;
}

const FEN_FIELD = {
  initialBudget: 'initialBudgetFen',
  adjustedBudget: 'adjustedBudgetFen',
  executed: 'executedFen',
  expectedFullYear: 'expectedFullYearFen',
} as const satisfies Record<MoneyKey, keyof ExecutionAmounts>;

/** The money columns a file may lack, and how a row without a recorded figure is filled instead. */
export type FilledKey = Exclude<MoneyKey, 'executed'>;

export interface RowAmounts {
  /** Null when an amount could not be read (the problem went to `bad`). */
  amounts: ExecutionAmounts | null;
  /** The amounts of the file's own columns as read (a blank is 0), for comparing with a 合计 row. */
  written: Partial<Record<MoneyKey, number>>;
  /** Columns the file lacks: filled from the project's record, or by the fallback. */
  kept: FilledKey[];
  fellBack: FilledKey[];
}

export interface RowAmountsInput {
  cells: Record<string, CellValue>;
  col: ExecutionColumns;
  /** Each money column's unit; null while the file's unit is still to be chosen (amounts only checked). */
  units: Partial<Record<MoneyKey, MoneyUnit>> | null;
  /** The project's recorded amounts (null for a row not matched, or a project with none). */
  recorded: RecordedAmounts | null;
  bad: (key: MoneyKey, value: CellValue | undefined, problem: string) => void;
  warn: (key: MoneyKey, value: string | null, problem: string) => void;
}

export function readRowAmounts({ cells, col, units, recorded, bad, warn: warnAlways }: RowAmountsInput): RowAmounts {
  // Until the unit is known the amounts are only checked for being amounts: no figure is worth a word.
  const warn: typeof warnAlways = units ? warnAlways : () => {};
  const money = (key: MoneyKey): { fen: number | null; blank: boolean; ok: boolean } => {
    const c = col[key];
    if (!c) return { fen: null, blank: true, ok: true };
    const cell = cells[key] ?? null;
    const text = cellText(cell);
    if (isBlankMoney(cell, text.replace(/\s+/g, ''), { dashRuns: true })) return { fen: null, blank: true, ok: true };
    const unit = units?.[key] ?? null;
    const parsed = parseMoneyCell(cell, text, unit ?? '万元', MONEY_LABELS[key]);
    if (!parsed.ok) {
      bad(key, cell, amountProblem(parsed.what, unit));
      return { fen: null, blank: false, ok: false };
    }
    if (parsed.fen > SUSPICIOUS_WAN_YUAN_FEN)
      warn(key, text, `${MONEY_LABELS[key]} ${formatWanYuan(parsed.fen)} 万元异常大，请确认金额单位是否应为元。`);
    return { fen: parsed.fen, blank: false, ok: true };
  };
  const read = { initialBudget: money('initialBudget'), adjustedBudget: money('adjustedBudget'), executed: money('executed') };
  const expected = money('expectedFullYear');
  const kept: FilledKey[] = [];
  const fellBack: FilledKey[] = [];
  // A column the file lacks: the recorded figure, if any.
  const keep = (key: FilledKey): number | null => {
    const fen = recorded?.[FEN_FIELD[key]] ?? null;
    if (fen != null) kept.push(key);
    return fen;
  };

  const initialFen = col.initialBudget ? read.initialBudget.fen : keep('initialBudget');
  let adjusted: number | null = read.adjustedBudget.fen;
  if (col.adjustedBudget && read.adjustedBudget.blank) {
    if (initialFen != null) {
      adjusted = initialFen;
      warn('adjustedBudget', null, `调整后预算数为空，按年初预算数 ${formatWanYuan(initialFen)} 万元导入。`);
    } else {
      bad('adjustedBudget', cells.adjustedBudget, '没有填写调整后预算数。请填写该项目的全年预算（调整后预算数），没有预算的填 0。');
    }
  } else if (!col.adjustedBudget) {
    adjusted = keep('adjustedBudget');
    if (adjusted == null) {
      adjusted = read.initialBudget.fen;
      if (adjusted != null) fellBack.push('adjustedBudget');
      else if (read.initialBudget.ok)
        bad(
          'initialBudget',
          cells.initialBudget,
          '年初预算数为空，表中又没有调整后预算数列，台账中也没有该项目已记录的调整后预算数，无法得到该项目的预算数。请填写预算数（没有的填 0）。',
        );
    }
  }
  let executed = read.executed.fen;
  if (read.executed.blank) {
    executed = 0;
    warn('executed', cellText(cells.executed) || null, '执行数为空，按 0 导入。');
  }
  const expectedFen = col.expectedFullYear ? expected.fen : keep('expectedFullYear');
  if (adjusted != null && executed != null) {
    if (adjusted === 0 && executed > 0) {
      warn('executed', cellText(cells.executed), `调整后预算数为 0，执行数却有 ${formatWanYuan(executed)} 万元，执行率无法计算。请核对。`);
    } else if (adjusted > 0 && executed > adjusted * EXECUTION_OVER_BUDGET_FACTOR) {
      warn(
        'executed',
        cellText(cells.executed),
        `执行数 ${formatWanYuan(executed)} 万元超过调整后预算数 ${formatWanYuan(adjusted)} 万元的 ${EXECUTION_OVER_BUDGET_FACTOR} 倍。请核对金额和金额单位。`,
      );
    }
  }
  if (expectedFen != null && executed != null && expectedFen < executed) {
    warn(
      col.expectedFullYear ? 'expectedFullYear' : 'executed',
      col.expectedFullYear ? cellText(cells.expectedFullYear) : cellText(cells.executed),
      col.expectedFullYear
        ? `全年预计执行数 ${formatWanYuan(expectedFen)} 万元小于已执行的 ${formatWanYuan(executed)} 万元。请核对。`
        : `执行数 ${formatWanYuan(executed)} 万元已超过台账中记录的全年预计执行数 ${formatWanYuan(expectedFen)} 万元（文件没有全年预计执行数列，保留原记录）。请核对。`,
    );
  }
  const ok = read.initialBudget.ok && read.adjustedBudget.ok && read.executed.ok && expected.ok && adjusted != null && executed != null;
  const written: Partial<Record<MoneyKey, number>> = {};
  for (const key of MONEY_KEYS) if (col[key]) written[key] = key === 'expectedFullYear' ? (expected.fen ?? 0) : (read[key].fen ?? 0);
  if (col.adjustedBudget && adjusted != null) written.adjustedBudget = adjusted;
  return {
    amounts: ok
      ? { initialBudgetFen: initialFen, adjustedBudgetFen: adjusted!, executedFen: executed!, expectedFullYearFen: expectedFen }
      : null,
    written,
    kept,
    fellBack,
  };
}

/** Per column the file lacks, how many matched projects kept their recorded figure and how many fell back. */
export type ColumnFill = Record<FilledKey, { kept: number; fellBack: number }>;

export function emptyColumnFill(): ColumnFill {
  return { initialBudget: { kept: 0, fellBack: 0 }, adjustedBudget: { kept: 0, fellBack: 0 }, expectedFullYear: { kept: 0, fellBack: 0 } };
}

/**
 * One sentence per column the file lacks, saying what the import does instead (null when there is
 * nothing to say: a missing 年初预算数 or 全年预计执行数 with nothing recorded is simply left blank).
 */
export function missingColumnNote(key: FilledKey, fill: ColumnFill[FilledKey], matched: number): string | null {
  const label = MONEY_LABELS[key];
  const kept = fill.kept ? `已有执行记录的 ${fill.kept} 个项目保留已记录的${label}` : '';
  if (key === 'adjustedBudget') {
    const fellBack = fill.fellBack ? `${kept ? '其余 ' : ''}${fill.fellBack} 个项目按年初预算数计` : '';
    const what = [kept, fellBack].filter(Boolean).join('，') || '没有已记录调整后预算数的项目按年初预算数计';
    return `文件没有“调整后预算数”（或“全年预算数”）列：${what}。如预算已调整，请导出含调整后预算数的执行表。`;
  }
  if (!fill.kept) return null;
  const rest = matched - fill.kept;
  return `文件没有“${label}”列：${kept}${rest > 0 ? `，其余 ${rest} 个项目不填` : ''}。`;
}

/** What differs from the round's record of the project (nothing when there is none yet). */
export function amountChanges(before: ExecutionAmounts | null, after: ExecutionAmounts): ExecutionFieldChange[] {
  if (!before) return [];
  return MONEY_KEYS.map((field) => [field, before[FEN_FIELD[field]], after[FEN_FIELD[field]]] as const)
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({
      field,
      label: `${MONEY_LABELS[field]}（万元）`,
      beforeFen: a,
      afterFen: b,
      before: showFen(a),
      after: showFen(b),
    }));
}

/** 万元 exactly (a 1-分 change stays visible), or "（空）" for none. */
function showFen(fen: number | null): string {
  return fen == null ? '（空）' : exactWanYuan(fen);
}
