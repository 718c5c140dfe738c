/**
 * The money unit of an execution import, never guessed (domain.md §8). In order: what the clerk chose;
 * a unit the file names (a column's header, a "单位：万元" line above the table, another money column's
 * header, units written in the cells); else what the ledger's own figures for the matched projects say
 * (rules/moneyUnitEvidence.ts). Evidence missing or mixed: the clerk is asked. A unit that most matched
 * rows contradict by 10,000× is not committed without an explicit confirmation.
 */
import { cellText, type FoundColumn, type TableRow } from '../formats/findTable';
import type { CellValue } from '../formats/readWorkbook';
import type { MoneyUnit } from '../rules/money';
import {
  contradictedUnit,
  countAgreements,
  inferMoneyUnit,
  ledgerAgreement,
  rowAgreement,
  unitInCell,
  type Agreement,
  type AgreementCount,
  type MoneyUnitSource,
} from '../rules/moneyUnitEvidence';
import { MONEY_KEYS, MONEY_LABELS, type ExecutionColumns, type MoneyKey } from './executionColumns';
import type { RecordedAmounts } from './executionRecords';

export type MoneyUnits = Partial<Record<MoneyKey, MoneyUnit>>;

/** One written amount compared with the ledger's figure for the same project. */
export interface UnitComparison {
  row: number;
  projectName: string;
  /** The file's column ("年初预算数") and what it was compared with ("台账中项目的年初预算"). */
  label: string;
  against: string;
  written: string;
  ledgerFen: number;
  agreesAs: Agreement;
}

export interface UnitEvidence {
  /** Compared rows by what they say (a row's comparisons together). */
  count: AgreementCount;
  /** The comparisons made, rows that disagree first (at most 30). */
  comparisons: UnitComparison[];
  /** What the comparison says, in a sentence; null when nothing could be compared. */
  sentence: string | null;
}

/** A unit (written or chosen) that most matched rows contradict: 10,000× or a 10,000th of the ledger's. */
export interface UnitMismatch {
  unit: MoneyUnit;
  /** The unit under which those rows agree with the ledger. */
  likely: MoneyUnit;
  rows: number;
  compared: number;
  confirmed: boolean;
  /** What the comparison found, and (message) that with what to do. */
  finding: string;
  message: string;
}

export interface UnitDecision {
  /** Each money column's unit; null while the clerk must choose (amounts are then only checked). */
  units: MoneyUnits | null;
  /** The 执行数 column's unit. */
  moneyUnit: MoneyUnit | null;
  source: MoneyUnitSource;
  note: string;
  evidence: UnitEvidence;
  mismatch: UnitMismatch | null;
}

/** A row matched to a project, with what the ledger has for it. */
export interface EvidenceRow {
  row: number;
  cells: Record<string, CellValue>;
  project: { name: string; initialBudgetFen: number };
  recorded: RecordedAmounts | null;
}

const MAX_COMPARISONS = 30;
const OTHER: Record<MoneyUnit, MoneyUnit> = { 元: '万元', 万元: '元' };

export function decideExecutionUnit(input: {
  col: ExecutionColumns;
  /** Every data row, for units written in the cells. */
  rows: readonly TableRow[];
  matched: readonly EvidenceRow[];
  /** The clerk's choice (preview or --unit), or null. */
  chosen: MoneyUnit | null;
  confirmed: boolean;
}): UnitDecision {
  const { col, chosen } = input;
  const keys = MONEY_KEYS.filter((k) => col[k]);
  const executed = col.executed!;
  const named = (c: FoundColumn | undefined) =>
    c && (c.moneyUnitSource === 'header' || c.moneyUnitSource === 'note') ? c.moneyUnit : null;
  const firstNamed = keys.map((k) => col[k]).find((c) => named(c));
  const writtenInCells = unitWrittenInCells(input.rows, keys);

  let units: MoneyUnits | null = null;
  let source: MoneyUnitSource;
  const fileSays = firstNamed ? named(firstNamed)! : writtenInCells;
  if (chosen) {
    units = Object.fromEntries(keys.map((k) => [k, chosen]));
    source = 'user';
  } else if (firstNamed) {
    units = Object.fromEntries(keys.map((k) => [k, named(col[k]) ?? named(firstNamed)!]));
    source = named(executed) ? (executed.moneyUnitSource as 'header' | 'note') : 'otherColumn';
  } else if (writtenInCells) {
    units = Object.fromEntries(keys.map((k) => [k, writtenInCells]));
    source = 'cells';
  } else {
    source = 'ask';
  }

  const evidence = gatherEvidence(input.matched, col, units);
  if (!units) {
    const inferred = inferMoneyUnit(evidence.count);
    if (inferred.unit) {
      units = Object.fromEntries(keys.map((k) => [k, inferred.unit]));
      source = 'ledger';
    }
  }
  const moneyUnit = units?.executed ?? null;
  const mismatch = moneyUnit && source !== 'ledger' ? unitMismatch(moneyUnit, source, evidence.count, input.confirmed) : null;

  const others = units ? keys.filter((k) => units![k] !== moneyUnit) : [];
  const mixedColumns = others.length ? `其中${others.map((k) => `${MONEY_LABELS[k]}按${units![k]}`).join('、')}。` : '';
  const evidenceText = evidence.sentence ?? '';
  const notes: Record<MoneyUnitSource, () => string> = {
    header: () => `金额单位取自表头“${executed.header}”：${moneyUnit}。`,
    note: () => `金额单位取自表格上方的说明：${moneyUnit}。`,
    otherColumn: () => `执行数列的表头没有写金额单位，按其他金额列的单位：${moneyUnit}。`,
    cells: () =>
      `表头和表格上方都没有写金额单位，单元格中写有“${moneyUnit === '万元' ? '万' : '元'}”，没有写单位的金额也按${moneyUnit}读。`,
    ledger: () => `文件没有写明金额单位（表头、“单位：”说明和单元格中都没有）。${evidenceText}按${moneyUnit}导入。`,
    user: () =>
      `按选择的金额单位“${moneyUnit}”导入${fileSays && fileSays !== moneyUnit ? `（文件中写的是${fileSays}）` : ''}。${evidenceText}`,
    ask: () =>
      `文件没有写明金额单位（表头、“单位：”说明和单元格中都没有），${evidence.sentence ? `与台账比对也无法判断：${evidenceText}` : `也没有可与台账比对的金额（${input.matched.length ? '对应到的项目在台账中没有非零的年初预算或已导入的调整后预算数' : '没有一行对应到台账中的项目'}），无法判断是元还是万元。`}请选择文件金额单位。`,
  };
  return { units, moneyUnit, source, note: notes[source]() + mixedColumns, evidence, mismatch };
}

/** A unit written in the cells ("864.2万"): one unit throughout, or none. */
function unitWrittenInCells(rows: readonly TableRow[], keys: readonly MoneyKey[]): MoneyUnit | null {
  const seen = new Set<MoneyUnit>();
  for (const { cells } of rows)
    for (const k of keys) {
      const v = cells[k];
      const unit = typeof v === 'string' ? unitInCell(v) : null;
      if (unit) seen.add(unit);
    }
  return seen.size === 1 ? [...seen][0]! : null;
}

/**
 * Each matched row's 年初预算数 against the project's 年初预算 and its 调整后预算数 against the one
 * recorded earlier (both must agree); its 调整后预算数 against the 年初预算 too, which counts only when
 * it agrees (a budget is often not adjusted). With the columns' units known, an agreement is counted
 * against the 执行数 column's unit, so a column in another unit is compared as itself.
 */
function gatherEvidence(matched: readonly EvidenceRow[], col: ExecutionColumns, units: MoneyUnits | null): UnitEvidence {
  const comparisons: UnitComparison[] = [];
  const rowSays: (Agreement | null)[] = [];
  const base = units?.executed;
  for (const r of matched) {
    /** A weak comparison counts, and is listed, only when it agrees. */
    const compare = (key: MoneyKey, against: string, ledgerFen: number | null | undefined, weak = false): Agreement | null => {
      const cell = r.cells[key];
      if (!col[key] || cell == null || typeof cell === 'boolean' || ledgerFen == null) return null;
      let agrees = ledgerAgreement(cell, ledgerFen);
      if (agrees === null || (weak && agrees === 'neither')) return null;
      comparisons.push({
        row: r.row,
        projectName: r.project.name,
        label: MONEY_LABELS[key],
        against,
        written: cellText(cell),
        ledgerFen,
        agreesAs: agrees,
      });
      // In the 执行数 column's terms: a column in another unit that agrees in its own unit agrees.
      if (base && agrees !== 'neither' && units![key] !== base) agrees = OTHER[agrees];
      return agrees;
    };
    const recordedAt = r.recorded?.thisRound ? '本轮已导入的调整后预算数' : `“${r.recorded?.roundName}”导入的调整后预算数`;
    const initial = compare('initialBudget', '台账中项目的年初预算', r.project.initialBudgetFen);
    const adjusted = compare('adjustedBudget', recordedAt, r.recorded?.adjustedBudgetFen);
    // Listed once: the 调整后预算数 against the 年初预算 only when nothing firmer was compared.
    const weak =
      initial === null && adjusted === null ? compare('adjustedBudget', '台账中项目的年初预算', r.project.initialBudgetFen, true) : null;
    rowSays.push(rowAgreement([initial, adjusted], [weak]));
  }
  const count = countAgreements(rowSays);
  comparisons.sort((a, b) => Number(a.agreesAs === 'neither') - Number(b.agreesAs === 'neither') || a.row - b.row);
  return { count, comparisons: comparisons.slice(0, MAX_COMPARISONS), sentence: evidenceSentence(count, comparisons) };
}

function evidenceSentence(count: AgreementCount, comparisons: readonly UnitComparison[]): string | null {
  const compared = count.元 + count.万元 + count.neither;
  if (compared === 0) return null;
  const against = [...new Set(comparisons.map((c) => (c.against === '台账中项目的年初预算' ? '年初预算' : '已导入的调整后预算数')))].join(
    '、',
  );
  if (count.元 === compared)
    return `与台账中 ${compared} 个项目的${against}相比，本文件金额为元（按元读与台账一致，按万元读则是台账的 10,000 倍）。`;
  if (count.万元 === compared) return `与台账中 ${compared} 个项目的${against}相比，本文件金额为万元（按万元读与台账一致）。`;
  const parts = [
    count.元 ? `${count.元} 个项目按元读与台账一致` : '',
    count.万元 ? `${count.万元} 个项目按万元读与台账一致` : '',
    count.neither ? `${count.neither} 个项目按元、按万元读都与台账不一致` : '',
  ].filter(Boolean);
  return `与台账中 ${compared} 个项目的${against}相比，${parts.join('，')}。`;
}

function unitMismatch(unit: MoneyUnit, source: MoneyUnitSource, count: AgreementCount, confirmed: boolean): UnitMismatch | null {
  if (!contradictedUnit(unit, count)) return null;
  const likely = OTHER[unit];
  const compared = count.元 + count.万元 + count.neither;
  const rows = count[likely];
  const how = unit === '万元' ? ' 10,000 倍' : '万分之一';
  const whose = source === 'user' ? '选择的' : '文件写明的';
  const finding = `${whose}金额单位是${unit}，但与台账比对，${compared} 个项目中有 ${rows} 个按${unit}读是台账的${how}（按${likely}读才与台账一致）。`;
  return {
    unit,
    likely,
    rows,
    compared,
    confirmed,
    finding,
    message: `${finding}如果文件中的金额实际是${likely}，请选择${likely}；确认是${unit}的，请确认按${unit}导入。`,
  };
}
