/**
 * One 绩效目标申报表 sheet as the target importer sees it: the indicator table's columns, what the
 * preview reports per sheet (its plan, issues, skipped rows), where a cell is for messages, and the
 * header block above the table (the title, 项目 or 部门整体, the unit it names).
 */
import { cellText, type ColumnSpec } from '../formats/findTable';
import { cellIssue, type ImportIssue, type IssueSource } from '../formats/importIssue';
import type { CellValue, SheetGrid } from '../formats/readWorkbook';
import type { MoneyUnit } from '../rules/money';
import type { TargetStatus } from '../../db/vocabulary';
import type { DeclarationLabel } from './declarationLabels';
import type { TemplateId } from './declarationId';
import type { FormField } from './formFields';

/**
 * The indicator table of a declaration sheet: the one table of the header wordings the import accepts
 * (matched after normaliseHeader, so "指标值（包含数字及文字描述）" is 指标值). Period words in a value
 * header ("当年预期实现值", "中期指标值") also tell its group's period (indicatorGroups.ts).
 */
export const TARGET_INDICATOR_COLUMNS = [
  { key: 'level1', label: '一级指标', names: ['一级指标', '一级'], required: false },
  { key: 'level2', label: '二级指标', names: ['二级指标', '二级'], required: true },
  { key: 'name', label: '三级指标', names: ['三级指标', '三级指标名称', '三级', '指标名称', '指标内容', '三级指标内容'], required: true },
  { key: 'nature', label: '指标性质', names: ['指标性质', '性质', '计算符号', '运算符号', '符号', '指标值性质'], required: false },
  {
    key: 'value',
    label: '指标值',
    names: [
      '指标值',
      '年度指标值',
      '目标值',
      '指标目标值',
      '绩效指标值',
      '预期指标值',
      '当年预期实现值',
      '年度预期实现值',
      '预期实现值',
      '预期目标值',
      '年度目标值',
      '当年指标值',
      '本年度指标值',
      '中期指标值',
      '长期指标值',
      '中期预期实现值',
    ],
    required: true,
  },
  { key: 'unit', label: '计量单位', names: ['计量单位', '度量单位', '单位', '指标单位', '指标值单位'], required: false },
  { key: 'kind', label: '指标类型', names: ['指标类型', '共性/个性', '共性或个性', '指标属性'], required: false },
  { key: 'period', label: '指标期限', names: ['指标期限', '年度/中期', '中期/年度', '适用期限', '年度/总体'], required: false },
] as const satisfies readonly ColumnSpec[];

export type IndicatorKey = (typeof TARGET_INDICATOR_COLUMNS)[number]['key'];

/** An issue with the sheet it belongs to (a workbook holds many declarations). */
export interface SheetIssue extends ImportIssue {
  sheet: string | null;
  /** A printed total that disagrees with its parts: the figure as printed and as its parts add up, with the unit. */
  printed?: string;
  computed?: string;
}

/** The printed and the computed figure of a total that disagrees. */
export type Figures = Required<Pick<SheetIssue, 'printed' | 'computed'>>;

export interface TargetSheetPlan {
  sheet: string;
  /** 项目支出, or 部门整体 (projectId/projectCode/projectName stay null; unitName names the unit). */
  subject: 'project' | 'department';
  /** create: the project (unit) gets targets; update: they change; unchanged; skip: the sheet was not filled in; error. */
  action: 'create' | 'update' | 'unchanged' | 'skip' | 'error';
  /** Why a sheet is skipped or left unchanged, in a sentence. */
  note: string | null;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  unitName: string | null;
  targetId: number | null;
  status: TargetStatus | null;
  moneyUnit: MoneyUnit;
  annualTotalFen: number | null;
  indicatorCount: number;
  commonCount: number;
  /** What would change, one line per field ("年度总体目标已修改", "新增指标：培训人次"). */
  changes: string[];
  /** Machine checks the imported content would still fail (it may be imported; review needs them fixed). */
  failedChecks: string[];
  /** Those of failedChecks the warnings already list at their cell (a 年度资金总额 slip, with both figures). */
  checksAtCells: string[];
}

export interface SkippedIndicatorRow {
  sheet: string;
  row: number;
  reason: string;
  text: string;
}

export interface Column {
  letter: string;
  header: string;
}
export interface Place {
  row: number | null;
  column: Column | null;
}

/** A sheet's header block, and the sheet's error and warning lists. */
export interface HeaderBlock {
  sheet: string;
  first: (key: DeclarationLabel) => FormField | undefined;
  text: (key: DeclarationLabel) => string | undefined;
  bad: (place: Place, value: CellValue | string | null, problem: string) => void;
  warn: (place: Place, value: CellValue | string | null, problem: string, figures?: Figures) => void;
}

export function sheetIssue(
  source: IssueSource,
  row: number | null,
  column: Column | null,
  value: string | null,
  problem: string,
): SheetIssue {
  return { ...cellIssue(source, row, column, value, problem), sheet: source.sheet };
}

export function placeOf(f: FormField | undefined): Place {
  return f ? { row: f.row, column: { letter: f.letter, header: f.label.replace(/[:：\s]+$/, '') } } : { row: null, column: null };
}

/** The texts in the top rows that name the form ("2023年度部门整体支出绩效目标申报表"). */
function titleTexts(sheet: SheetGrid): string[] {
  return sheet.rows
    .slice(0, 3)
    .flat()
    .map((v) => cellText(v))
    .filter((t) => /申报表|绩效目标/.test(t));
}

export function titleYearOf(sheet: SheetGrid): number | null {
  for (const t of titleTexts(sheet)) {
    const m = /(\d{4})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * 项目 or 部门整体: the 台账识别码 says; without one (a retyped sheet), 项目名称/项目代码 make a project
 * sheet, and 部门（单位）名称, 年度主要任务 or a 部门整体 title above an indicator table a department one.
 */
export function sheetSubject(
  sheet: SheetGrid,
  first: HeaderBlock['first'],
  markerId: TemplateId | null,
  hasTable: boolean,
): 'project' | 'department' | null {
  if (markerId) return markerId.subject;
  if (first('projectName') || first('projectCode')) return 'project';
  if (first('departmentUnit') || first('mainTasks') || (hasTable && titleTexts(sheet).some((t) => t.includes('部门整体'))))
    return 'department';
  return null;
}

/** The unit a 部门整体 sheet names: 部门（单位）名称, or 单位名称 and its synonyms on a retyped sheet. */
export function unitNameText(block: HeaderBlock): string {
  return (block.text('departmentUnit') ?? block.text('unit'))?.replace(/\s*\n\s*/g, '').trim() || '';
}
