/**
 * The figures a party's 会审意见表 prints beside its opinions: each project's 预算金额, and the 合计 and
 * 小计 rows with their 项目数 and 金额. None of them is recorded — the opinions are — but a clerk must
 * hear of a slip: an amount that disagrees with the ledger, or a total that disagrees with its rows,
 * each at its cell with the printed and computed figures.
 *
 * The money unit is never guessed (domain.md §8): the header or a 单位：万元 line (also inside the title)
 * names it; otherwise the ledger's figures for the same projects decide (rules/moneyUnitEvidence.ts),
 * and when they cannot, amounts are not compared at all rather than read 10,000× off.
 */
import { cellText, type FoundColumn, type SkippedRow } from '../formats/findTable';
import { cellIssue, type IssueSource } from '../formats/importIssue';
import {
  isBlankMoney,
  moneyUnitNote,
  parseMoneyCell,
  subtotalRowWarnings,
  totalRowWarnings,
  type AmountRow,
  type TotalIssue,
} from '../formats/moneyCells';
import { columnLetter, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import { formatWanYuan, type MoneyUnit } from '../rules/money';
import {
  contradictedUnit,
  countAgreements,
  inferMoneyUnit,
  ledgerAgreement,
  rowAgreement,
  type Agreement,
} from '../rules/moneyUnitEvidence';
import { printedTotalOf } from '../formats/printedLabels';

/** A project row's amount, and what the ledger holds for the project it was matched to (null: unmatched). */
export interface AmountLine {
  rowNumber: number;
  cell: CellValue;
  /** 年度资金总额 of the target as the round reviews it, and the project's 年初预算. */
  ledger: { annualTotalFen: number | null; budgetFen: number } | null;
}

export interface TableFigures {
  /** Where the money unit came from, in a sentence; null without an amount column. */
  note: string | null;
  warnings: TotalIssue[];
}

/**
 * Every printed figure of the table against what its rows give: per row the amount against the ledger,
 * then each 合计/小计 row's 金额 and 项目数. `projectRows` are the rows read as projects.
 */
export function checkTableFigures(input: {
  sheet: SheetGrid;
  source: IssueSource;
  amount: FoundColumn | undefined;
  /** 1-based header row, where a contradicted money unit is reported. */
  headerRow: number;
  /** 0-based 项目名称 column. */
  nameIndex: number;
  lines: readonly AmountLine[];
  projectRows: readonly number[];
  skipped: readonly SkippedRow[];
}): TableFigures {
  const { amount, source } = input;
  const warnings = countWarnings(input.sheet, input.skipped, input.projectRows, source, {
    amount: amount?.index ?? null,
    name: input.nameIndex,
  });
  if (!amount) return { note: null, warnings };

  const says = input.lines.map((l) => agreementOf(l));
  const count = countAgreements(says);
  const named = amount.moneyUnitSource === 'header' || amount.moneyUnitSource === 'note' ? amount.moneyUnit : null;
  const inferred = inferMoneyUnit(count);
  const unit: MoneyUnit | null = named ?? inferred.unit;
  const compared = count.元 + count.万元 + count.neither;
  if (!unit) {
    const why = compared ? '与台账比对也无法判断是元还是万元' : '也没有可与台账比对的金额';
    return {
      note: `表中没有写明金额单位（表头和表格上方都没有），${why}，金额、合计和小计未作核对。如需核对，请在表头写明“${amount.header}（万元）”或“（元）”后重新导入。`,
      warnings,
    };
  }
  const note = named
    ? moneyUnitNote(amount, unit, amount.moneyUnitSource, '')
    : `表中没有写明金额单位，与台账中 ${compared} 个项目的年度资金总额或年初预算相比为${unit}，按${unit}核对。`;
  const contradicted = named !== null && contradictedUnit(named, count);
  if (contradicted) {
    const likely: MoneyUnit = named === '万元' ? '元' : '万元';
    warnings.push(
      figureIssue(
        source,
        input.headerRow,
        amount,
        amount.header,
        `表中写明金额单位是${named}，但与台账比对，${compared} 个项目中有 ${count[likely]} 个按${likely}读才与台账一致（按${named}读相差一万倍）。各项目金额未与台账逐一核对，请核对金额单位。`,
        named,
        likely,
      ),
    );
  }

  const rows: AmountRow[] = [];
  let sumFen = 0;
  input.lines.forEach((l, i) => {
    const text = cellText(l.cell);
    if (l.cell == null || isBlankMoney(l.cell, text)) return;
    const parsed = parseMoneyCell(l.cell, text, unit, amount.label);
    if (!parsed.ok) {
      warnings.push(figureIssue(source, l.rowNumber, amount, text, `${parsed.what}，未与台账核对，也不计入合计。`, text, '—'));
      return;
    }
    rows.push({ rowNumber: l.rowNumber, fen: { amount: parsed.fen } });
    sumFen += parsed.fen;
    const agrees = says[i];
    if (!contradicted && l.ledger && agrees !== null && agrees !== unit) {
      const ledger = ledgerText(l.ledger);
      warnings.push(
        figureIssue(
          source,
          l.rowNumber,
          amount,
          text,
          `${amount.label} ${formatWanYuan(parsed.fen)} 万元与台账中该项目的${ledger}不一致。会审意见照常录入，请核对金额。`,
          formatWanYuan(parsed.fen),
          ledger,
        ),
      );
    }
  });
  const column = { key: 'amount', label: amount.label, column: amount, unit };
  warnings.push(
    ...totalRowWarnings(input.skipped, [{ ...column, sumFen }], source),
    ...subtotalRowWarnings(input.skipped, rows, [column], source),
  );
  return { note, warnings };
}

/** A row's amount against the ledger: agreeing with the reviewed 年度资金总额 or the 年初预算 is enough. */
function agreementOf(line: AmountLine): Agreement | null {
  if (!line.ledger || line.cell == null || typeof line.cell === 'boolean') return null;
  const said = [line.ledger.annualTotalFen, line.ledger.budgetFen]
    .map((fen) => (fen == null ? null : ledgerAgreement(line.cell as string | number, fen)))
    .filter((a): a is Agreement => a !== null);
  if (said.length === 0) return null;
  const agreeing = said.filter((a) => a !== 'neither');
  return agreeing.length ? rowAgreement(agreeing) : 'neither';
}

function ledgerText(l: NonNullable<AmountLine['ledger']>): string {
  const total = l.annualTotalFen == null ? null : `年度资金总额 ${formatWanYuan(l.annualTotalFen)} 万元`;
  const budget = `年初预算 ${formatWanYuan(l.budgetFen)} 万元`;
  return total && l.annualTotalFen !== l.budgetFen ? `${total}、${budget}` : (total ?? budget);
}

function figureIssue(
  source: IssueSource,
  row: number,
  column: Pick<FoundColumn, 'letter' | 'header'>,
  value: string,
  problem: string,
  printed: string,
  computed: string,
): TotalIssue {
  return { ...cellIssue(source, row, column, value, problem), printed, computed };
}

// ---------------------------------------------------------------------------------------------------
// 项目数

/** "12个", "共12个项目", "12项", "项目数：12" — a count printed in a total row. */
const COUNT_CELL = /^(?:共|计)?(\d+)(?:个|项)(?:项目)?$|^项目(?:个)?数[:：]?(\d+)(?:个|项)?$/;
/** "合计（12个项目）", "教育局小计(共3个)": a total label carrying its count. */
export const LABEL_WITH_COUNT = /^(.{0,30}?(?:合计|小计|总计))[(（](?:共|计)?(\d+)(?:个|项)(?:项目)?[)）]$/;

/**
 * A total row's printed 项目数 and the cell it stands in; null when the row prints none. A bare number
 * counts only under 项目名称 (where the row would name a project); elsewhere it may be anything.
 */
function printedCount(sheet: SheetGrid, rowNumber: number, at: CountColumns): { count: number; index: number } | null {
  const cells = sheet.rows[rowNumber - 1] ?? [];
  for (let c = 0; c < cells.length; c++) {
    if (c === at.amount) continue;
    const t = cellText(cells[c]).normalize('NFKC').replace(/\s+/g, '');
    const m = COUNT_CELL.exec(t);
    if (m) return { count: Number(m[1] ?? m[2]), index: c };
    const l = LABEL_WITH_COUNT.exec(t);
    if (l) return { count: Number(l[2]), index: c };
    if (c === at.name && /^\d+$/.test(t)) return { count: Number(t), index: c };
  }
  return null;
}

/** 0-based columns: the amount (never a count) and 项目名称 (where a bare number is one). */
interface CountColumns {
  amount: number | null;
  name: number;
}

/** A label cell that carries a count ("合计（12个项目）"): the total kind it names, for rows findTable read as data. */
export function countedTotalKind(text: string): SkippedRow['kind'] | null {
  const m = LABEL_WITH_COUNT.exec(text.normalize('NFKC').replace(/\s+/g, ''));
  return m ? (printedTotalOf(m[1]!)?.kind ?? null) : null;
}

/**
 * Each 合计 against all project rows, each 小计 against its group: the rows back to an earlier total
 * row or on to the next (subtotals printed above their group), as moneyCells compares amounts.
 */
function countWarnings(
  sheet: SheetGrid,
  skipped: readonly SkippedRow[],
  projectRows: readonly number[],
  source: IssueSource,
  at: CountColumns,
): TotalIssue[] {
  const warnings: TotalIssue[] = [];
  const breaks = skipped.filter((s) => s.kind === 'subtotal' || s.kind === 'total').map((s) => s.rowNumber);
  const between = (from: number, to: number) => projectRows.filter((r) => r > from && r < to).length;
  for (const s of skipped) {
    if (s.kind !== 'subtotal' && s.kind !== 'total') continue;
    const printed = printedCount(sheet, s.rowNumber, at);
    if (!printed) continue;
    let computed: number;
    let what: string;
    if (s.kind === 'total') {
      computed = projectRows.length;
      what = '表中项目的个数';
      if (computed === printed.count) continue;
    } else {
      const before = [0, ...breaks.filter((b) => b < s.rowNumber)];
      const next = breaks.find((b) => b > s.rowNumber) ?? Infinity;
      const candidates = [...before.map((b) => between(b, s.rowNumber)), between(s.rowNumber, next)];
      if (candidates.includes(printed.count)) continue;
      const own = before.at(-1)!;
      const above = between(own, s.rowNumber) > 0;
      computed = above ? between(own, s.rowNumber) : between(s.rowNumber, next);
      what = above ? '其上项目的个数' : '其下项目的个数';
    }
    const label = s.kind === 'total' ? '合计行' : '小计行';
    const text = cellText((sheet.rows[s.rowNumber - 1] ?? [])[printed.index]);
    warnings.push(
      figureIssue(
        source,
        s.rowNumber,
        { letter: columnLetter(printed.index), header: '项目数' },
        text,
        `${label}的项目数 ${printed.count} 个与${what} ${computed} 个不一致。${label}不导入，以各项目为准，请核对。`,
        String(printed.count),
        String(computed),
      ),
    );
  }
  return warnings;
}
