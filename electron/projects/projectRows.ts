/**
 * The project table of an import workbook: its columns, and one data row read into checked fields
 * (unit, 主管部门, project, the four labels, 年初预算数, the yes/no columns). Every problem is reported
 * against its cell; a field that could not be read comes back null (or 0 for the amount).
 */
import { cellText, type ColumnSpec, type FoundColumn, type TableRow } from '../formats/findTable';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { amountProblem, isBlankMoney, parseMoneyCell, SUSPICIOUS_WAN_YUAN_FEN } from '../formats/moneyCells';
import type { CellValue } from '../formats/readWorkbook';
import {
  BUDGET_KINDS,
  CONTINUITY,
  budgetKindFromText,
  continuityFromText,
  normaliseLabel,
  projectTypeNameProblem,
  type ProjectType,
} from '../rules/labels';
import { formatWanYuan, type MoneyUnit } from '../rules/money';
import { nameCharacterProblem } from '../rules/textRules';
import type { BudgetKind, Continuity } from '../../db/vocabulary';

/** The columns a project workbook may have; header names are matched after normaliseHeader. */
export const PROJECT_COLUMNS = [
  { key: 'department', label: '主管部门', names: ['主管部门', '主管单位', '主管部门名称', '部门名称', '归口部门'], required: false },
  {
    key: 'unit',
    label: '预算单位',
    names: ['预算单位', '单位名称', '实施单位', '预算单位名称', '项目单位', '项目实施单位', '实施单位名称', '申报单位', '单位'],
    required: true,
  },
  { key: 'unitCode', label: '单位代码', names: ['单位代码', '单位编码', '预算单位代码', '预算单位编码'], required: false },
  { key: 'classified', label: '涉密单位', names: ['涉密单位', '是否涉密', '是否涉密单位'], required: false },
  { key: 'code', label: '项目代码', names: ['项目代码', '项目编码', '项目编号'], required: false },
  { key: 'name', label: '项目名称', names: ['项目名称', '项目名'], required: true },
  { key: 'projectType', label: '项目类型', names: ['项目类型', '项目类别', '项目分类'], required: true },
  {
    key: 'budgetKind',
    label: '预算类型',
    names: ['预算类型', '预算类别', '预算种类', '资金性质', '预算资金性质', '四本预算'],
    required: true,
  },
  {
    key: 'continuity',
    label: '新增/延续',
    names: ['新增/延续', '新增或延续', '新增延续', '延续/新增', '项目属性', '新增/延续项目'],
    required: true,
  },
  {
    key: 'initialBudget',
    label: '年初预算数',
    names: ['年初预算数', '年初预算', '年初预算金额', '年初预算数合计', '预算数', '预算金额'],
    required: true,
    money: true,
  },
  {
    key: 'majorPolicy',
    label: '是否重大政策和项目',
    names: [
      '是否重大政策和项目',
      '是否重大政策/项目',
      '是否重大项目',
      '重大项目',
      '重大政策和项目',
      '重大政策/项目',
      '是否重大政策',
      '新增重大政策和项目',
    ],
    required: false,
  },
] as const satisfies readonly ColumnSpec[];

export type ColumnKey = (typeof PROJECT_COLUMNS)[number]['key'];
export type ProjectColumns = Partial<Record<ColumnKey, FoundColumn>>;
export type RowProblem = (row: number, key: ColumnKey, value: CellValue, problem: string) => void;

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '重大', '涉密']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '', '/', '-', '—', '无', '不涉密', '非涉密']);

/** A code or label cell: NFKC (full-width letters and digits as typed on a Chinese keyboard), trimmed. */
export function rowText(cells: TableRow['cells'], key: ColumnKey): string {
  return cellText(cells[key]).normalize('NFKC').trim();
}

export interface ProjectRowFields {
  unitName: string;
  /** Null when blank, or when it names the unit itself (the unit is a 主管部门). */
  departmentName: string | null;
  /** Whether the row says anything about the 主管部门 (a blank cell says nothing). */
  departmentStated: boolean;
  name: string;
  code: string | null;
  /** As the ledger stores it (normaliseLabel), whether or not the bureau's list has it yet. */
  projectType: ProjectType | null;
  budgetKind: BudgetKind | null;
  continuity: Continuity | null;
  initialBudgetFen: number;
  majorPolicy: boolean;
  classified: boolean;
  unitCode: string | null;
}

/** One data row's fields, each checked; problems go to `bad`, doubts about the amount to `warnings`. */
export function readProjectRow(
  { rowNumber: row, cells }: TableRow,
  col: ProjectColumns,
  moneyUnit: MoneyUnit,
  source: IssueSource,
  bad: RowProblem,
  warnings: ImportIssue[],
): ProjectRowFields {
  const moneyCol = col.initialBudget!;
  const text = (key: ColumnKey) => rowText(cells, key);
  // Names keep their own characters (NFKC would turn full-width brackets into half-width ones).
  const nameText = (key: ColumnKey) =>
    cellText(cells[key])
      .replace(/\s*\n\s*/g, '')
      .trim();

  const unitName = nameText('unit');
  let departmentName: string | null = col.department ? nameText('department') || null : null;
  // A blank 主管部门 cell says nothing; naming the unit itself says it is a 主管部门.
  const departmentStated = departmentName != null;
  if (departmentName === unitName) departmentName = null;
  if (!unitName) bad(row, 'unit', cells.unit ?? null, '没有填写预算单位。请填写实施该项目的预算单位全称。');
  else if (unitName.length > 100) bad(row, 'unit', cells.unit ?? null, '单位名称超过 100 个字。请填写单位的规范全称。');
  if (departmentName && departmentName.length > 100) bad(row, 'department', cells.department ?? null, '主管部门名称超过 100 个字。');
  // A hidden character is refused at its cell rather than stripped: it would silently change what the name matches.
  const refuseCharacters = (key: ColumnKey, label: string, value: string | null) => {
    const problem = value && nameCharacterProblem(label, value);
    if (problem) bad(row, key, cells[key] ?? null, `${problem}。`);
  };
  refuseCharacters('unit', '单位名称', unitName);
  refuseCharacters('department', '主管部门名称', departmentName);

  const name = nameText('name');
  if (!name) bad(row, 'name', cells.name ?? null, '没有填写项目名称。');
  else if (name.length > 200) bad(row, 'name', cells.name ?? null, '项目名称超过 200 个字。请精简后再导入。');
  refuseCharacters('name', '项目名称', name);

  const code = col.code ? text('code') || null : null;
  if (code && code.length > 50) bad(row, 'code', cells.code ?? null, '项目代码超过 50 个字符。');

  // Any name is a 项目类型 (one the bureau's list lacks is added on import); only a blank or overlong one is wrong.
  const typeText = normaliseLabel(text('projectType'));
  const typeProblem = typeText
    ? projectTypeNameProblem(typeText)
    : '没有填写项目类型。请填写项目类型，如“政府采购”“补助补贴”；本局还没有的类型会在导入时新增';
  if (typeProblem) bad(row, 'projectType', cells.projectType ?? null, `${typeProblem}。`);
  const projectType = typeProblem ? null : typeText;
  const budgetKind = budgetKindFromText(text('budgetKind'));
  if (!budgetKind) {
    const v = text('budgetKind');
    bad(
      row,
      'budgetKind',
      cells.budgetKind ?? null,
      `${v ? `“${v}”不是四本预算之一` : '没有填写预算类型'}，请填写 ${listOr(Object.values(BUDGET_KINDS))}。`,
    );
  }
  const continuity = continuityFromText(text('continuity'));
  if (!continuity) {
    const v = text('continuity');
    bad(
      row,
      'continuity',
      cells.continuity ?? null,
      `${v ? `“${v}”无法识别` : '没有填写新增或延续'}，请填写 ${listOr(Object.values(CONTINUITY))}。`,
    );
  }

  let initialBudgetFen = 0;
  const moneyCell = cells.initialBudget ?? null;
  const moneyText = text('initialBudget');
  if (isBlankMoney(moneyCell, moneyText)) {
    warnings.push(
      cellIssue(source, row, moneyCol, moneyText || null, '年初预算数为空，按 0 导入（年中新增的项目可以这样填）。如有预算数请补上。'),
    );
  } else {
    const parsed = parseMoneyCell(moneyCell, moneyText, moneyUnit, '年初预算数');
    if (!parsed.ok) {
      bad(row, 'initialBudget', moneyCell, amountProblem(parsed.what, moneyUnit));
    } else {
      initialBudgetFen = parsed.fen;
      if (parsed.fen > SUSPICIOUS_WAN_YUAN_FEN) {
        warnings.push(
          cellIssue(source, row, moneyCol, moneyText, `年初预算数 ${formatWanYuan(parsed.fen)} 万元异常大，请确认金额单位是否应为元。`),
        );
      }
    }
  }

  const yesNo = (key: ColumnKey, what: string): boolean => {
    if (!col[key]) return false;
    const v = text(key).toLowerCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    bad(row, key, cells[key] ?? null, `“${text(key)}”无法识别${what}，请填写“是”或“否”（空白按“否”）。`);
    return false;
  };
  const majorPolicy = yesNo('majorPolicy', '是否为重大政策和项目');
  const classified = yesNo('classified', '是否为涉密单位');
  const unitCode = col.unitCode ? text('unitCode') || null : null;
  if (unitCode && unitCode.length > 50) bad(row, 'unitCode', cells.unitCode ?? null, '单位代码超过 50 个字符。');

  return {
    unitName,
    departmentName,
    departmentStated,
    name,
    code,
    projectType,
    budgetKind,
    continuity,
    initialBudgetFen,
    majorPolicy,
    classified,
    unitCode,
  };
}

/** "甲、乙、丙 或 丁" */
function listOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 或 ${items[items.length - 1]}`;
}
