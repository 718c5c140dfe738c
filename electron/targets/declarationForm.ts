/**
 * The 绩效目标申报表 form (财预〔2015〕88号 layout) as it is written: what a sheet shows, its columns, and
 * the writer shared by the declaration template (targetTemplate.ts) and the review sheet (reviewSheet.ts).
 *
 * A project sheet is a label–value block (项目名称, 项目代码, 主管部门, 实施单位, 项目属性, 项目期, 指标类别,
 * 资金情况, 年度总体目标, 中期目标) above the indicator table (一级/二级/三级指标, 指标性质, 指标值, 计量单位,
 * 指标类型, 指标期限). A 部门整体 sheet has the official form's block instead (部门（单位）名称, 年度, 资金情况
 * with the annual amounts only, 年度主要任务, 年度总体目标) above the same table. Each sheet carries its
 * 台账识别码 (declarationId.ts) under the title.
 */
import type ExcelJS from 'exceljs';
import { fitRowHeight, formCell, listValidation, type FormStyle } from '../formats/styledWorkbook';
import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS, placeIndicator } from '../rules/indicatorRules';
import type { TargetIndicatorInput } from './targetDetail';
import { type IndicatorLayout, type Nature, NATURES, type Subject, type TargetPeriod } from '../../db/vocabulary';

/** Column widths A–H: 一级, 二级, 三级, 性质, 指标值, 计量单位, 指标类型, 指标期限. */
export const FORM_WIDTHS = [13, 17, 32, 9, 14, 10, 9, 9] as const;
/** The form's last column (H), where full-width cells end. */
export const LAST_COL = FORM_WIDTHS.length;
const GOAL_WIDTH = FORM_WIDTHS.slice(1).reduce((a, b) => a + b, 0);
/** Empty indicator rows offered below the pre-filled ones. */
const BLANK_INDICATOR_ROWS = 6;

/** A declaration sheet row as it is printed and read back: text, with blanks where the clerk has not filled in. */
export interface DeclarationIndicator {
  level1: string;
  level2: string;
  name: string;
  nature: Nature | '';
  value: string;
  unit: string;
  kind: '共性' | '个性' | '';
  period: TargetPeriod | null;
}

/** Everything a declaration sheet shows, as text and 分. */
export interface DeclarationForm {
  title: string;
  idCode: string;
  year: number;
  subject: Subject;
  projectName: string;
  projectCode: string;
  departmentName: string;
  unitName: string;
  continuity: string;
  period: string;
  className: string;
  annualTotalFen: number | null;
  annualFiscalFen: number | null;
  annualOtherFen: number | null;
  midTotalFen: number | null;
  midFiscalFen: number | null;
  midOtherFen: number | null;
  /** 部门整体 only. */
  mainTasks: string | null;
  annualGoal: string;
  midTermGoal: string;
  indicators: DeclarationIndicator[];
}

export const PERIOD_LABELS = { annual: '年度', midTerm: '中期' } as const;

/**
 * Writes a declaration form from row 1; returns the next free row. `fill` marks the cells a unit fills
 * (pale fill, drop-downs); `readOnly` shows the same content plainly, for the review sheet.
 */
export function writeDeclarationForm(
  sheet: ExcelJS.Worksheet,
  form: DeclarationForm,
  mode: 'fill' | 'readOnly',
  layout: IndicatorLayout,
): number {
  const edit: FormStyle = mode === 'fill' ? 'input' : 'value';
  let r = 1;
  formCell(sheet, { row: r, col: 1, toCol: LAST_COL }, form.title, 'title');
  sheet.getRow(r).height = 34;
  r++;
  formCell(sheet, { row: r, col: 1, toCol: 2 }, '台账识别码（请勿修改）', 'id');
  formCell(sheet, { row: r, col: 3, toCol: 5 }, form.idCode, 'id');
  formCell(sheet, { row: r, col: 6, toCol: LAST_COL }, '金额单位：万元', 'note').alignment = { horizontal: 'right', vertical: 'middle' };
  r++;

  const pair = (label: string, value: string | null, style: FormStyle, label2?: string, value2?: string | null, style2?: FormStyle) => {
    formCell(sheet, { row: r, col: 1 }, label, 'label');
    if (label2 === undefined) formCell(sheet, { row: r, col: 2, toCol: LAST_COL }, value, style);
    else {
      formCell(sheet, { row: r, col: 2, toCol: 3 }, value, style);
      formCell(sheet, { row: r, col: 4, toCol: 5 }, label2, 'label');
      formCell(sheet, { row: r, col: 6, toCol: LAST_COL }, value2 ?? null, style2 ?? style);
    }
    sheet.getRow(r).height = 22;
    r++;
  };
  const project = form.subject === 'project';
  if (project) {
    pair('项目名称', form.projectName, 'value');
    pair('项目代码', form.projectCode, 'value', '项目属性', form.continuity);
    pair('主管部门', form.departmentName, 'value', '实施单位', form.unitName);
    pair('项目期', form.period, edit, '指标类别', form.className);
    if (mode === 'fill') {
      sheet.getCell(r - 1, 6).dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [50],
        allowBlank: true,
        showInputMessage: true,
        prompt: '填写共性指标库中的类别名称（如“培训”），可不填',
      };
    }
  } else {
    // The official 部门整体 form has no 项目期, 指标类别 or 中期 part: those stay as the ledger holds them.
    pair('部门（单位）名称', form.unitName, 'value', '年度', String(form.year));
  }

  // 资金情况: annual on the left, 中期 (projects only) on the right, each with 其中：财政拨款 and 其他资金 below it.
  formCell(sheet, { row: r, col: 1, toRow: r + 2 }, '资金情况（万元）', 'label');
  const money: [string, number | null, string, number | null][] = [
    ['年度资金总额', form.annualTotalFen, '中期资金总额', form.midTotalFen],
    ['其中：财政拨款', form.annualFiscalFen, '其中：财政拨款', form.midFiscalFen],
    ['其他资金', form.annualOtherFen, '其他资金', form.midOtherFen],
  ];
  for (const [l1, v1, l2, v2] of money) {
    formCell(sheet, { row: r, col: 2 }, l1, 'label');
    formCell(sheet, { row: r, col: 3, toCol: project ? 3 : LAST_COL }, v1, edit, 'money');
    if (project) {
      formCell(sheet, { row: r, col: 4, toCol: 5 }, l2, 'label');
      formCell(sheet, { row: r, col: 6, toCol: LAST_COL }, v2, edit, 'money');
    }
    sheet.getRow(r).height = 20;
    r++;
  }

  const goal = (label: string, text: string | null, minHeight: number) => {
    formCell(sheet, { row: r, col: 1 }, label, 'label');
    formCell(sheet, { row: r, col: 2, toCol: LAST_COL }, text, edit);
    fitRowHeight(sheet, r, text, GOAL_WIDTH, minHeight);
    r++;
  };
  if (!project) {
    goal('年度主要任务', form.mainTasks, mode === 'fill' ? 90 : 60);
    if (mode === 'fill') {
      sheet.getCell(r - 1, 2).dataValidation = {
        type: 'textLength',
        operator: 'lessThanOrEqual',
        formulae: [32767],
        allowBlank: true,
        showInputMessage: true,
        prompt: '每行写一项任务，如“任务名称：主要内容”（单元格内按 Alt+Enter 换行）',
      };
    }
  }
  goal('年度总体目标', form.annualGoal, mode === 'fill' ? 66 : 36);
  if (project) goal('中期目标', form.midTermGoal, mode === 'fill' ? 40 : 22);

  formCell(
    sheet,
    { row: r, col: 1, toCol: LAST_COL },
    mode === 'fill'
      ? '绩效指标：每个二级指标下至少填写一个三级指标；共性指标请使用指标库中的名称（会自动关联），其他为个性指标；定量指标须填写计量单位。可增删行。'
      : '绩效指标',
    mode === 'fill' ? 'note' : 'section',
  );
  sheet.getRow(r).height = mode === 'fill' ? 30 : 22;
  r++;
  const headerRow = r;
  INDICATOR_HEADERS.forEach((h, i) => formCell(sheet, { row: r, col: i + 1 }, h, 'header'));
  sheet.getRow(r).height = 22;
  r++;
  const rows: DeclarationIndicator[] = [...form.indicators];
  if (mode === 'fill')
    for (let i = 0; i < BLANK_INDICATOR_ROWS; i++)
      rows.push({ level1: '', level2: '', name: '', nature: '', value: '', unit: '', kind: '', period: null });
  const levels = layout === 'four' ? FOUR_WAY_LEVELS : THREE_WAY_LEVELS;
  const level2s = Object.values(levels).flat();
  for (const ind of rows) {
    const values = [
      ind.level1,
      ind.level2,
      ind.name,
      ind.nature,
      ind.value,
      ind.unit,
      ind.kind,
      ind.period ? PERIOD_LABELS[ind.period] : '',
    ];
    values.forEach((v, i) => formCell(sheet, { row: r, col: i + 1 }, v, edit));
    if (mode === 'fill') {
      sheet.getCell(r, 1).dataValidation = listValidation(Object.keys(levels), { strict: false });
      sheet.getCell(r, 2).dataValidation = listValidation(level2s, { strict: false });
      sheet.getCell(r, 4).dataValidation = listValidation(NATURES, {
        strict: false,
        prompt: '≥ ＞ ＝ ＜ ≤ 或 定性；也可写在指标值前，如“≥95”',
      });
      sheet.getCell(r, 7).dataValidation = listValidation(['共性', '个性'], { strict: false });
      sheet.getCell(r, 8).dataValidation = listValidation(Object.values(PERIOD_LABELS), { strict: false, prompt: '不填即为年度指标' });
    }
    sheet.getRow(r).height = 20;
    r++;
  }
  sheet.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
  if (mode === 'fill') {
    r++;
    formCell(sheet, { row: r, col: 1, toCol: LAST_COL }, '填报人：　　　　　　联系电话：　　　　　　填报日期：', 'note');
    r++;
  }
  return r;
}

export const INDICATOR_HEADERS = ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '指标类型', '指标期限'] as const;

/** A target's indicator as a form row, placed in the year's layout. */
export function indicatorLine(i: TargetIndicatorInput, layout: IndicatorLayout): DeclarationIndicator {
  const at = placeIndicator(i.level1, i.level2, layout);
  return {
    ...at,
    name: i.name,
    nature: i.nature,
    value: i.value,
    unit: i.unit ?? '',
    kind: i.libraryIndicatorId != null ? '共性' : '个性',
    period: i.period,
  };
}
