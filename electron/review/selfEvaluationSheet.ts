/**
 * A filled 项目支出绩效自评表 in the official layout read as printed (domain.md §6, §8): the title, the
 * header block (项目名称, 主管部门, 实施单位), the funds block (年度资金总额 / 其中：当年财政拨款 / 上年结转资金
 * / 其他资金 by 年初预算数, 全年预算数, 全年执行数, with the 分值, 执行率 and 得分 of the total row), the
 * 年度总体目标, the indicators (一级 "产出指标（50分）" and 二级 merged or blank below), any 小计 rows, the
 * 总分 and the 自评等级 — each figure with its cell. Nothing is judged here: the review (and later the
 * import) decide what the figures mean, so both read a form the same way.
 *
 * Labels and headers are found by their names, never by position; operators fused into values and %
 * with or without the sign are read by the importers' own helpers.
 */
import type { Nature } from '../../db/vocabulary';
import { cellText, normaliseHeader } from '../formats/findTable';
import { findColumnsRow } from '../formats/formSheet';
import { isBlankMoney, parseMoneyCell } from '../formats/moneyCells';
import { parsePrintedLabel, parsePrintedNumber, printedGradeOf, printedGradeText, printedTotalOf } from '../formats/printedLabels';
import { columnLetter, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import { moneyUnitIn, type MoneyUnit } from '../rules/money';
import { QUALITATIVE_LEVELS } from '../rules/monitoringLabels';
import { numberIn } from '../rules/targetChecks';
import { parseIndicatorValue } from '../targets/indicatorCells';

/** A cell as messages name it: 1-based row, the column letter and its header. */
export interface FormPlace {
  row: number;
  letter: string;
  header: string;
}

/** A printed figure: the cell's text, the number it reads as (null: blank, "—" or not a number), and where. */
export interface PrintedFigure {
  text: string;
  value: number | null;
  place: FormPlace;
}

export type FundsLine = 'total' | 'fiscal' | 'carryOver' | 'other';

const FUNDS_COLUMNS = { initial: '年初预算数', budget: '全年预算数', executed: '全年执行数' } as const;
type FundsColumn = keyof typeof FUNDS_COLUMNS;

/** An amount: 分 when it reads, null for a blank, "—" or "/", with the cell's problem when it does not read. */
export interface FormAmount {
  fen: number | null;
  problem: string | null;
  place: FormPlace;
  text: string;
}

export interface SelfEvaluationFormIndicator {
  row: number;
  level1: string;
  /** The weight printed with the 一级 label ("产出指标（50分）"), and its cell; null when none is. */
  level1Weight: { value: number; place: FormPlace } | null;
  level2: string;
  name: string;
  nature: Nature;
  target: string;
  actual: string;
  points: PrintedFigure;
  score: PrintedFigure;
  explanation: string;
  places: { target: FormPlace; actual: FormPlace; explanation: FormPlace };
}

export interface SelfEvaluationForm {
  sheet: string;
  title: string;
  projectName: string | null;
  department: string | null;
  implementingUnit: string | null;
  moneyUnit: MoneyUnit;
  /** Null where the line is not on the form. */
  funds: Record<FundsLine, Record<FundsColumn, FormAmount> | null>;
  /** The 年度资金总额 line's 分值, 执行率 and 得分. */
  execution: { points: PrintedFigure | null; rate: PrintedFigure | null; score: PrintedFigure | null };
  goals: { expected: string; actual: string };
  indicators: SelfEvaluationFormIndicator[];
  /** 小计 rows: the 一级 they close (by name, else the one above), with their 分值 and 得分. */
  subtotals: { level1: string; points: PrintedFigure; score: PrintedFigure }[];
  total: { points: PrintedFigure; score: PrintedFigure } | null;
  grade: { text: string; grade: string; place: FormPlace } | null;
}

/** "项目支出绩效自评表", "2022年度项目绩效自评表"; not a 部门整体 one, whose framework differs. */
const TITLE = /项目(支出)?绩效自评表/;

const INDICATOR_HEADERS = {
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标'],
  target: ['年度指标值', '指标值', '年度目标值', '当年预期实现值'],
  actual: ['实际完成值', '全年实际值', '实际值', '完成值'],
  points: ['分值', '权重'],
  score: ['得分', '自评得分'],
  explanation: ['偏差原因分析及改进措施', '偏差原因分析及改进措施说明', '未完成原因分析', '偏差原因'],
} as const;

/** The title of a 自评表 in the top rows, or null. */
export function selfEvaluationTitle(sheet: SheetGrid): string | null {
  for (const row of sheet.rows.slice(0, 5)) for (const v of row) if (TITLE.test(cellText(v))) return cellText(v);
  return null;
}

/** The sheet read as a 自评表; null when it is not one (no such title, or no indicator table). */
export function readSelfEvaluationSheet(sheet: SheetGrid): SelfEvaluationForm | null {
  const title = selfEvaluationTitle(sheet);
  if (title === null) return null;
  const table = findColumnsRow(sheet, INDICATOR_HEADERS, ['name', 'target', 'actual', 'points', 'score'], 60);
  if (!table) return null;
  const columns = table.columns as Record<keyof typeof INDICATOR_HEADERS, number | undefined>;
  const at = (r: number, c: number): CellValue => sheet.rows[r]?.[c] ?? null;
  const headerOf = (c: number, r: number) => cellText(at(r, c)).replace(/\s+/g, '');
  const place = (r: number, c: number, headerRow: number): FormPlace => ({
    row: r + 1,
    letter: columnLetter(c),
    header: headerOf(c, headerRow),
  });
  const printed = (r: number, c: number, headerRow: number, percent = false): PrintedFigure => {
    const cell = at(r, c);
    const text = cellText(cell);
    return { text, value: figureOf(cell, text, percent), place: place(r, c, headerRow) };
  };

  const labelValue = (label: string): string | null => {
    for (let r = 0; r < table.row; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        if (normaliseHeader(cellText(row[c])) !== label) continue;
        for (let k = c + 1; k < row.length; k++) if (cellText(row[k])) return cellText(row[k]);
      }
    }
    return null;
  };

  // Funds: the row naming 年初预算数, 全年预算数 and 全年执行数, and the lines below it.
  const fundsHead = findColumnsRow(
    { ...sheet, rows: sheet.rows.slice(0, table.row) },
    {
      initial: [FUNDS_COLUMNS.initial],
      budget: [FUNDS_COLUMNS.budget],
      executed: [FUNDS_COLUMNS.executed],
      points: ['分值'],
      rate: ['执行率'],
      score: ['得分'],
    },
    ['initial', 'budget', 'executed'],
    table.row,
  );
  const moneyUnit = unitAbove(sheet, fundsHead?.row ?? table.row);
  const funds: SelfEvaluationForm['funds'] = { total: null, fiscal: null, carryOver: null, other: null };
  let execution: SelfEvaluationForm['execution'] = { points: null, rate: null, score: null };
  if (fundsHead) {
    const fc = fundsHead.columns as Record<FundsColumn | 'points' | 'rate' | 'score', number | undefined>;
    for (let r = fundsHead.row + 1; r < table.row; r++) {
      const line = fundsLineOf(sheet.rows[r] ?? [], fc.initial!);
      if (!line || funds[line]) continue;
      const amount = (key: FundsColumn): FormAmount => {
        const cell = at(r, fc[key]!);
        const text = cellText(cell);
        const p = place(r, fc[key]!, fundsHead.row);
        if (isBlankMoney(cell, text)) return { fen: null, problem: null, place: p, text };
        const parsed = parseMoneyCell(cell, text, moneyUnit);
        return parsed.ok ? { fen: parsed.fen, problem: null, place: p, text } : { fen: null, problem: parsed.what, place: p, text };
      };
      funds[line] = { initial: amount('initial'), budget: amount('budget'), executed: amount('executed') };
      if (line === 'total') {
        const fig = (c: number | undefined, percent = false) => (c === undefined ? null : printed(r, c, fundsHead.row, percent));
        execution = { points: fig(fc.points), rate: fig(fc.rate, true), score: fig(fc.score) };
      }
    }
  }

  // 年度总体目标: the texts under 预期目标 and 实际完成情况.
  const goalsHead = findColumnsRow(
    { ...sheet, rows: sheet.rows.slice(0, table.row) },
    { expected: ['预期目标'], actual: ['实际完成情况'] },
    ['expected', 'actual'],
    table.row,
  );
  const goals = goalsHead
    ? {
        expected: cellText(at(goalsHead.row + 1, goalsHead.columns.expected!)),
        actual: cellText(at(goalsHead.row + 1, goalsHead.columns.actual!)),
      }
    : { expected: '', actual: '' };

  const form: SelfEvaluationForm = {
    sheet: sheet.name,
    title,
    projectName: labelValue('项目名称'),
    department: labelValue('主管部门'),
    implementingUnit: labelValue('实施单位'),
    moneyUnit,
    funds,
    execution,
    goals,
    indicators: [],
    subtotals: [],
    total: null,
    grade: null,
  };

  // Indicators down to the 总分 row; 一级 and 二级 carry down over merged or blank cells.
  let level1 = '';
  let level1Weight: SelfEvaluationFormIndicator['level1Weight'] = null;
  let level2 = '';
  const h = table.row;
  const col = (key: keyof typeof INDICATOR_HEADERS) => columns[key];
  const text = (r: number, key: keyof typeof INDICATOR_HEADERS) => (col(key) === undefined ? '' : cellText(at(r, col(key)!)));
  let r = h + 1;
  for (; r < sheet.rows.length; r++) {
    const cells = (sheet.rows[r] ?? []).map(cellText);
    const total = cells.map((t) => printedTotalOf(t)).find((t) => t !== null) ?? null;
    if (total?.kind === 'total') {
      form.total = { points: printed(r, col('points')!, h), score: printed(r, col('score')!, h) };
      r++;
      break;
    }
    if (total?.kind === 'subtotal') {
      const named = total.names
        ? (form.indicators.find((i) => parsePrintedLabel(i.level1).name === total.names)?.level1 ?? total.names)
        : level1;
      form.subtotals.push({ level1: named, points: printed(r, col('points')!, h), score: printed(r, col('score')!, h) });
      continue;
    }
    const name = text(r, 'name');
    if (!name || normaliseHeader(name) === '三级指标') continue;
    const l1 = text(r, 'level1');
    if (l1) {
      const label = parsePrintedLabel(l1);
      // 一级 written on every row keeps its 二级 running; a new 一级 starts afresh.
      if (label.name !== level1) level2 = '';
      level1 = label.name;
      level1Weight = label.weight === null ? null : { value: label.weight, place: place(r, col('level1')!, h) };
    }
    if (text(r, 'level2')) level2 = text(r, 'level2');
    const target = text(r, 'target');
    const actual = text(r, 'actual');
    form.indicators.push({
      row: r + 1,
      level1,
      level1Weight: l1 ? level1Weight : null,
      level2,
      name,
      nature: natureOf(target, actual),
      target,
      actual,
      points: printed(r, col('points')!, h),
      score: printed(r, col('score')!, h),
      explanation: text(r, 'explanation'),
      places: {
        target: place(r, col('target')!, h),
        actual: place(r, col('actual')!, h),
        explanation: place(r, col('explanation') ?? col('score')! + 1, h),
      },
    });
  }
  form.grade = gradeBelow(sheet, r - 1);
  return form;
}

/** Which funds line a row is, from the label left of the amounts ("其中：当年财政拨款" is fiscal). */
function fundsLineOf(row: readonly CellValue[], firstAmount: number): FundsLine | null {
  const label = row
    .slice(0, firstAmount)
    .map((v) => normaliseHeader(cellText(v)))
    .join('');
  if (label.includes('年度资金总额') || label.includes('资金总额')) return 'total';
  if (label.includes('财政拨款')) return 'fiscal';
  if (label.includes('上年结转')) return 'carryOver';
  if (label.includes('其他资金')) return 'other';
  return null;
}

/** The money unit written above or beside the funds header ("项目资金（万元）", "单位：元"); 万元 as the form prints by default. */
function unitAbove(sheet: SheetGrid, headerRow: number): MoneyUnit {
  for (let r = headerRow; r >= 0; r--) {
    for (const v of sheet.rows[r] ?? []) {
      const t = cellText(v);
      if (/单位|资金|[（(]/.test(t)) {
        const unit = moneyUnitIn(t);
        if (unit) return unit;
      }
    }
  }
  return '万元';
}

/**
 * The 性质 of a row: the operator fused into 年度指标值, 定性 where the target holds no number or the
 * actual is a level (达成 …), ＝ for a bare number (a target of 0 is then a cap, see isLowerBetter).
 */
function natureOf(target: string, actual: string): Nature {
  if ((QUALITATIVE_LEVELS as readonly string[]).includes(actual.replace(/\s+/g, '')) || numberIn(target) === null) return '定性';
  return parseIndicatorValue('', target, '').nature ?? '＝';
}

/**
 * A printed 分值/得分/执行率: a number as it is, "9.5", "9.5分", "95%"; for 执行率 a number cell up to 1
 * is a %-formatted fraction (0.95 is 95). Null for blank, "—", "/" or text.
 */
function figureOf(cell: CellValue, text: string, percent: boolean): number | null {
  if (typeof cell === 'number') return percent && cell > 0 && cell <= 1 ? Number((cell * 100).toPrecision(12)) : cell;
  return parsePrintedNumber(text);
}

/** A 自评等级 in the rows under the 总分: "自评等级：优", or the label with the grade in a cell to its right. */
function gradeBelow(sheet: SheetGrid, fromRow: number): SelfEvaluationForm['grade'] {
  for (let r = fromRow; r < Math.min(sheet.rows.length, fromRow + 4); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c]).replace(/^自评/, '');
      const g = t ? printedGradeOf(t) : null;
      if (g === null) continue;
      if (g !== 'label')
        return { text: cellText(row[c]), grade: g.grade, place: { row: r + 1, letter: columnLetter(c), header: '自评等级' } };
      for (let k = c + 1; k < row.length; k++) {
        const next = cellText(row[k]);
        if (!next) continue;
        const grade = printedGradeText(next);
        return grade ? { text: next, grade: grade.grade, place: { row: r + 1, letter: columnLetter(k), header: '自评等级' } } : null;
      }
    }
  }
  return null;
}
