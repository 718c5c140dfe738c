/**
 * The amounts of one execution row, as numbers or as text ("1,234.56", "864.2万"), each in its
 * column's unit, with the platform's gaps filled the way the bureau reads them (a blank 调整后预算数 is
 * the 年初预算数, a blank 执行数 is 0), the doubtful ones pointed out, and compared with the round's
 * record of the project.
 */
import { cellText } from '../formats/findTable';
import { amountProblem, exactWanYuan, isBlankMoney, parseMoneyCell, SUSPICIOUS_WAN_YUAN_FEN } from '../formats/moneyCells';
import type { CellValue } from '../formats/readWorkbook';
import { formatWanYuan } from '../rules/money';
import { MONEY_LABELS, type ExecutionColumns, type MoneyKey, type MoneyUnits } from './executionColumns';

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

/**
 * The row's amounts; null when one could not be read (the problem went to `bad`). `initialFen` is the
 * 年初预算数 as written, for comparing with the ledger's project.
 */
export function readRowAmounts(
  cells: Record<string, CellValue>,
  col: ExecutionColumns,
  units: MoneyUnits,
  bad: (key: MoneyKey, value: CellValue | undefined, problem: string) => void,
  warn: (key: MoneyKey, value: string | null, problem: string) => void,
): { amounts: ExecutionAmounts | null; initialFen: number | null } {
  const money = (key: MoneyKey): { fen: number | null; blank: boolean; ok: boolean } => {
    const c = col[key];
    if (!c) return { fen: null, blank: true, ok: true };
    const cell = cells[key] ?? null;
    const text = cellText(cell);
    if (isBlankMoney(cell, text.replace(/\s+/g, ''), { dashRuns: true })) return { fen: null, blank: true, ok: true };
    const unit = units[key]!.unit;
    const parsed = parseMoneyCell(cell, text, unit);
    if (!parsed.ok) {
      bad(key, cell, amountProblem(parsed.what, unit));
      return { fen: null, blank: false, ok: false };
    }
    if (parsed.fen > SUSPICIOUS_WAN_YUAN_FEN)
      warn(key, text, `${MONEY_LABELS[key]} ${formatWanYuan(parsed.fen)} 万元异常大，请确认金额单位是否应为元。`);
    return { fen: parsed.fen, blank: false, ok: true };
  };
  const initial = money('initialBudget');
  const adjustedRead = money('adjustedBudget');
  const executedRead = money('executed');
  const expected = money('expectedFullYear');

  let adjusted: number | null = adjustedRead.fen;
  if (col.adjustedBudget && adjustedRead.blank) {
    if (initial.fen != null) {
      adjusted = initial.fen;
      warn('adjustedBudget', null, `调整后预算数为空，按年初预算数 ${formatWanYuan(initial.fen)} 万元导入。`);
    } else {
      bad('adjustedBudget', cells.adjustedBudget, '没有填写调整后预算数。请填写该项目的全年预算（调整后预算数），没有预算的填 0。');
    }
  } else if (!col.adjustedBudget) {
    adjusted = initial.fen;
    if (initial.blank)
      bad(
        'initialBudget',
        cells.initialBudget,
        '年初预算数为空，表中又没有调整后预算数列，无法得到该项目的预算数。请填写预算数（没有的填 0）。',
      );
  }
  let executed = executedRead.fen;
  if (executedRead.blank) {
    executed = 0;
    warn('executed', cellText(cells.executed) || null, '执行数为空，按 0 导入。');
  }
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
  if (expected.fen != null && executed != null && expected.fen < executed) {
    warn(
      'expectedFullYear',
      cellText(cells.expectedFullYear),
      `全年预计执行数 ${formatWanYuan(expected.fen)} 万元小于已执行的 ${formatWanYuan(executed)} 万元。请核对。`,
    );
  }
  const ok = initial.ok && executedRead.ok && expected.ok && adjustedRead.ok && adjusted != null && executed != null;
  return {
    amounts: ok
      ? { initialBudgetFen: initial.fen, adjustedBudgetFen: adjusted!, executedFen: executed!, expectedFullYearFen: expected.fen }
      : null,
    initialFen: initial.fen,
  };
}

/** What differs from the round's record of the project (nothing when there is none yet). */
export function amountChanges(before: ExecutionAmounts | null, after: ExecutionAmounts): ExecutionFieldChange[] {
  if (!before) return [];
  const pairs: [MoneyKey, number | null, number | null][] = [
    ['initialBudget', before.initialBudgetFen, after.initialBudgetFen],
    ['adjustedBudget', before.adjustedBudgetFen, after.adjustedBudgetFen],
    ['executed', before.executedFen, after.executedFen],
    ['expectedFullYear', before.expectedFullYearFen, after.expectedFullYearFen],
  ];
  return pairs
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
