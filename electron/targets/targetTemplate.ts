/**
 * 绩效目标申报表 (财预〔2015〕88号 layout): the declaration template units fill in — for each unit its
 * 部门整体支出绩效目标申报表, then one 项目支出绩效目标申报表 per project — and the form's reading side
 * shared by the importers (targetImport.ts, reviewSheet.ts).
 *
 * A project sheet is a label–value block (项目名称, 项目代码, 主管部门, 实施单位, 项目属性, 项目期, 指标类别,
 * 资金情况, 年度总体目标, 中期目标) above the indicator table (一级/二级/三级指标, 指标性质, 指标值, 计量单位,
 * 指标类型, 指标期限). A 部门整体 sheet has the official form's block instead (部门（单位）名称, 年度, 资金情况
 * with the annual amounts only, 年度主要任务, 年度总体目标) above the same table. Each sheet carries a
 * clearly marked 台账识别码 (year, project or unit id, target id) so a re-import finds its subject even
 * when a clerk retypes the name; projects are still matched by 项目代码 first.
 *
 * The template is pre-filled with what the ledger holds: the target's content when it has one,
 * otherwise the project's budget (a unit's: its projects' budgets) as funds, one row for each required
 * 二级 of the year's layout and the mandatory indicators of the target's class, plus empty rows. Cells
 * to fill are on a pale fill; drop-downs offer the 性质, 二级, 指标类型 and 期限 values but accept the
 * other spellings units use.
 */
import type ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { budgetUnits, performanceTargets } from '../../db/schema';
import { cellText, normaliseHeader } from '../formats/findTable';
import { columnLetter, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import {
  addFormSheet,
  fitRowHeight,
  formCell,
  listValidation,
  newWorkbook,
  workbookBytes,
  type FormStyle,
} from '../formats/styledWorkbook';
import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS, placeIndicator } from '../rules/indicatorRules';
import { CONTINUITY } from '../rules/labels';
import type { ServiceContext } from '../ledger/context';
import { listIndicatorClasses, listIndicators } from '../indicators/indicators';
import { LedgerError } from '../../db/ledgerError';
import { listProjects, type ProjectRow } from '../projects/projects';
import { targetDetail, unitProjectBudgetFen, type TargetDetail, type TargetIndicatorInput } from './targets';
import { ruleSetOf } from '../ledger/years';
import { type IndicatorLayout, type Nature, NATURES, type Subject, type TargetPeriod } from '../../db/vocabulary';

export interface TargetTemplateExport {
  /** A suggested file name, e.g. "2023年度绩效目标申报表（轮台县教育局）.xlsx". */
  fileName: string;
  bytes: Buffer;
  /** One declaration sheet per project. */
  projectCount: number;
  /** Units in the workbook, each with its 部门整体支出绩效目标申报表. */
  unitCount: number;
  /** Projects whose sheet was pre-filled from targets already in the ledger. */
  prefilledTargets: number;
  /** Units whose 部门整体 sheet was pre-filled from their department target. */
  prefilledDepartments: number;
}

/**
 * The declaration template for a unit (its 部门整体 sheet and its projects), or for every unit with
 * projects of the year when no unit is given.
 */
export async function exportTargetTemplate(
  ctx: ServiceContext,
  input: { year: number; unitId?: number | null },
): Promise<TargetTemplateExport> {
  const rules = ruleSetOf(ctx, input.year);
  const layout = rules.indicatorLayout;
  let unitName: string | null = null;
  if (input.unitId != null) {
    const unit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
    if (!unit) throw new LedgerError('unit_missing', '所选预算单位不存在，请刷新后重试。');
    unitName = unit.name;
  }
  const projects = listProjects(ctx, { year: input.year }).filter((p) => input.unitId == null || p.unitId === input.unitId);
  if (projects.length === 0) {
    throw new LedgerError(
      'no_projects',
      `${unitName ? `“${unitName}”` : ''}${input.year} 年度还没有项目，无法生成申报模板。请先导入或新建项目。`,
    );
  }
  const yearTargets = ctx.ledger.db
    .select({
      id: performanceTargets.id,
      subject: performanceTargets.subject,
      projectId: performanceTargets.projectId,
      unitId: performanceTargets.unitId,
    })
    .from(performanceTargets)
    .where(eq(performanceTargets.year, input.year))
    .all();
  const projectTargetIds = new Map(yearTargets.filter((t) => t.projectId !== null).map((t) => [t.projectId!, t.id]));
  const departmentTargetIds = new Map(yearTargets.filter((t) => t.subject === 'department').map((t) => [t.unitId, t.id]));
  const library = listIndicators(ctx).filter((i) => i.retiredAt === null);
  const classNames = new Map(listIndicatorClasses(ctx).map((c) => [c.id, c.name]));
  const withDetail = (targetId: number | undefined) => {
    const detail = targetId ? targetDetail(ctx, targetId) : null;
    const mandatory = detail?.indicatorClassId ? library.filter((i) => i.classId === detail.indicatorClassId && i.mandatory) : [];
    return { detail, mandatory, prefilled: detail !== null && detail.indicators.length > 0 };
  };
  // Projects come grouped by unit (listProjects' order); each unit's 部门整体 sheet goes before its projects.
  const byUnit = new Map<number, ProjectRow[]>();
  for (const p of projects) byUnit.set(p.unitId, [...(byUnit.get(p.unitId) ?? []), p]);

  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  addInstructions(workbook, input.year, layout, rules.targets.minSatisfactionPercent);
  let prefilled = 0;
  let prefilledDepartments = 0;
  let index = 0;
  for (const [unitId, unitProjects] of byUnit) {
    const { unitName: name, departmentName } = unitProjects[0]!;
    const department = withDetail(departmentTargetIds.get(unitId));
    if (department.prefilled) prefilledDepartments++;
    const form = declarationFromUnit(
      input.year,
      { id: unitId, name, departmentName },
      department.detail,
      unitProjectBudgetFen(ctx, input.year, unitId),
      layout,
      department.mandatory,
    );
    writeDeclarationForm(addFormSheet(workbook, { name: `部门整体-${name}`, widths: FORM_WIDTHS }), form, 'fill', layout);
    for (const project of unitProjects) {
      const { detail, mandatory, prefilled: fromTarget } = withDetail(projectTargetIds.get(project.id));
      if (fromTarget) prefilled++;
      const projectForm = declarationFromProject(
        input.year,
        project,
        detail,
        detail?.indicatorClassId ? (classNames.get(detail.indicatorClassId) ?? null) : null,
        layout,
        mandatory,
      );
      const sheet = addFormSheet(workbook, {
        name: project.code?.trim() || `${index + 1}-${project.name.slice(0, 24)}`,
        widths: FORM_WIDTHS,
      });
      writeDeclarationForm(sheet, projectForm, 'fill', layout);
      index++;
    }
  }
  return {
    fileName: `${input.year}年度绩效目标申报表${unitName ? `（${unitName}）` : ''}.xlsx`,
    bytes: await workbookBytes(workbook),
    projectCount: projects.length,
    unitCount: byUnit.size,
    prefilledTargets: prefilled,
    prefilledDepartments,
  };
}

// ---------------------------------------------------------------------------------------------------
// The form, written

/** Column widths A–H: 一级, 二级, 三级, 性质, 指标值, 计量单位, 指标类型, 指标期限. */
export const FORM_WIDTHS = [13, 17, 32, 9, 14, 10, 9, 9] as const;
const LAST_COL = FORM_WIDTHS.length;
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

/** The labels of the header block; imports accept the synonyms too (compared after normaliseLabel). */
export const DECLARATION_LABELS = {
  projectName: ['项目名称', '项目名'],
  projectCode: ['项目代码', '项目编码', '项目编号'],
  department: ['主管部门', '主管部门及代码', '主管单位', '主管部门名称'],
  unit: ['实施单位', '预算单位', '项目单位', '申报单位', '项目实施单位', '单位名称'],
  /** 部门整体: the unit the sheet declares for ("部门（单位）名称" reads as 部门名称 once normalised). */
  departmentUnit: ['部门（单位）名称', '部门名称'],
  continuity: ['项目属性', '新增/延续', '新增或延续'],
  period: ['项目期', '项目期限', '实施期限', '项目周期', '项目实施期'],
  className: ['指标类别', '共性指标类别', '指标库类别'],
  annualTotal: ['年度资金总额', '年度资金', '本年资金总额', '年度资金合计', '项目资金总额'],
  midTotal: ['中期资金总额', '中期资金', '中期资金合计'],
  fiscal: ['财政拨款', '财政资金', '财政拨款资金'],
  other: ['其他资金', '其他来源资金'],
  annualGoal: ['年度总体目标', '年度目标', '年度绩效目标'],
  midTermGoal: ['中期目标', '中期总体目标', '中期绩效目标'],
  mainTasks: ['年度主要任务', '主要任务'],
  funds: ['资金情况', '项目资金', '资金来源'],
} as const satisfies Record<string, readonly string[]>;

export type DeclarationLabel = keyof typeof DECLARATION_LABELS;

/**
 * 台账识别码 of a declaration sheet: year, P + project id (部门整体: U + unit id), and target id (0 when
 * there was none). Templates from before 部门整体 sheets carry the P form only, which still reads.
 */
export const TEMPLATE_ID = /JXTZ-申报-(\d{4})-([PU])(\d+)-T(\d+)/;

export interface TemplateId {
  year: number;
  subject: Subject;
  /** The project's id, or the unit's for 部门整体. */
  subjectId: number;
  targetId: number | null;
}

export const templateIdCode = (id: TemplateId) =>
  `JXTZ-申报-${id.year}-${id.subject === 'project' ? 'P' : 'U'}${id.subjectId}-T${id.targetId ?? 0}`;

export function parseTemplateId(match: RegExpExecArray): TemplateId {
  return {
    year: Number(match[1]),
    subject: match[2] === 'U' ? 'department' : 'project',
    subjectId: Number(match[3]),
    targetId: Number(match[4]) || null,
  };
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

/** The 二级 a target must cover (rules/targetChecks.ts), one pre-filled row each in an empty template. */
const REQUIRED_LEVEL2 = ['数量指标', '质量指标', '时效指标', '社会效益指标', '服务对象满意度指标'];

type MandatoryIndicator = { level1: string; level2: string; name: string; nature: Nature; unit: string | null };

function declarationFromProject(
  year: number,
  project: ProjectRow,
  detail: TargetDetail | null,
  className: string | null,
  layout: IndicatorLayout,
  mandatory: MandatoryIndicator[],
): DeclarationForm {
  return {
    title: `项目支出绩效目标申报表（${year}年度）`,
    idCode: templateIdCode({ year, subject: 'project', subjectId: project.id, targetId: detail?.id ?? null }),
    subject: 'project',
    projectName: project.name,
    projectCode: project.code ?? '',
    departmentName: project.departmentName,
    unitName: project.unitName,
    continuity: CONTINUITY[project.continuity],
    className: className ?? '',
    ...targetContent(year, detail, project.initialBudgetFen, layout, mandatory),
  };
}

/** 部门整体支出绩效目标申报表 of a unit; without a department target its funds are its projects' budgets. */
function declarationFromUnit(
  year: number,
  unit: { id: number; name: string; departmentName: string },
  detail: TargetDetail | null,
  projectBudgetFen: number,
  layout: IndicatorLayout,
  mandatory: MandatoryIndicator[],
): DeclarationForm {
  return {
    title: `部门整体支出绩效目标申报表（${year}年度）`,
    idCode: templateIdCode({ year, subject: 'department', subjectId: unit.id, targetId: detail?.id ?? null }),
    subject: 'department',
    projectName: '',
    projectCode: '',
    departmentName: unit.departmentName,
    unitName: unit.name,
    continuity: '',
    className: '',
    ...targetContent(year, detail, projectBudgetFen, layout, mandatory),
  };
}

/** The target's part of a form: its content when the ledger has it, else the given funds and the rows to fill. */
function targetContent(
  year: number,
  detail: TargetDetail | null,
  budgetFen: number,
  layout: IndicatorLayout,
  mandatory: MandatoryIndicator[],
) {
  let indicators: DeclarationIndicator[];
  if (detail && detail.indicators.length > 0) {
    indicators = detail.indicators.map((i) => indicatorLine(i, layout));
  } else {
    // The year's layout order; each group gets its mandatory indicators, or one empty row when required.
    indicators = [];
    for (const [level1, level2s] of Object.entries(THREE_WAY_LEVELS)) {
      for (const level2 of level2s) {
        const here = mandatory.filter((m) => m.level1 === level1 && m.level2 === level2);
        const at = placeIndicator(level1, level2, layout);
        for (const m of here)
          indicators.push({ ...at, name: m.name, nature: m.nature, value: '', unit: m.unit ?? '', kind: '共性', period: null });
        if (here.length === 0 && REQUIRED_LEVEL2.includes(level2))
          indicators.push({ ...at, name: '', nature: '', value: '', unit: '', kind: '', period: null });
      }
    }
  }
  return {
    year,
    period: detail ? (detail.period ?? '') : `${year}年`,
    annualTotalFen: detail ? detail.annualTotalFen : budgetFen,
    annualFiscalFen: detail ? detail.annualFiscalFen : budgetFen,
    annualOtherFen: detail ? detail.annualOtherFen : 0,
    midTotalFen: detail?.midTotalFen ?? null,
    midFiscalFen: detail?.midFiscalFen ?? null,
    midOtherFen: detail?.midOtherFen ?? null,
    mainTasks: detail?.mainTasks ?? null,
    annualGoal: detail?.annualGoal ?? '',
    midTermGoal: detail?.midTermGoal ?? '',
    indicators,
  } satisfies Partial<DeclarationForm>;
}

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

/** The 填报说明 sheet; the 满意度 floor is the year's rule, as the target checks apply it. */
function addInstructions(workbook: ExcelJS.Workbook, year: number, layout: IndicatorLayout, minSatisfactionPercent: number): void {
  // Spread over the form's columns (one very wide column prints badly in some spreadsheet programs).
  const sheet = addFormSheet(workbook, { name: '填报说明', widths: FORM_WIDTHS });
  const width = FORM_WIDTHS.reduce((a, b) => a + b, 0);
  const levels = layout === 'four' ? FOUR_WAY_LEVELS : THREE_WAY_LEVELS;
  const lines = [
    `1. 本工作簿中“部门整体-单位名称”工作表是该单位的${year}年度部门整体支出绩效目标申报表，其余每个工作表是一个项目的项目支出绩效目标申报表。请在浅黄色单元格中填写，不要修改工作表中的“台账识别码”。`,
    '2. 部门（单位）名称、项目名称、项目代码、主管部门、实施单位、项目属性以台账为准，在此修改不会改变单位和项目信息；如有错误请联系财政局。',
    '3. 资金情况以万元为单位，可保留至 4 位小数；财政拨款与其他资金之和应等于资金总额。中期资金不适用时留空。',
    `4. 绩效指标按${layout === 'four' ? '四分法' : '三分法'}填写：${Object.entries(levels)
      .map(([l1, l2]) => `${l1}（${l2.join('、')}）`)
      .join('；')}。`,
    '5. 指标性质填写 ≥、＞、＝、＜、≤ 或 定性，也可以直接写在指标值前面（如“≥95”）。定量指标须填写计量单位，百分比指标的计量单位填“%”。',
    '6. 三级指标名称与共性指标库一致的，导入时自动作为共性指标；其余为个性指标。“指标类型”一列仅供参考。',
    `7. 每个项目和部门整体至少要有数量指标、质量或时效指标、效益指标和服务对象满意度指标各一个，满意度指标值不低于 ${minSatisfactionPercent}%。`,
    '8. 部门整体申报表的年度主要任务每行写一项，如“任务名称：主要内容”；资金情况预填的是本单位本年度项目的年初预算合计，请按部门整体支出修改。',
    '9. 未填写的工作表（无年度主要任务、年度总体目标和指标值）导入时会跳过。“指标2”“……”等占位行不会导入。',
  ];
  formCell(sheet, { row: 1, col: 1, toCol: LAST_COL }, `${year}年度绩效目标申报表 填报说明`, 'title');
  sheet.getRow(1).height = 34;
  lines.forEach((line, i) => {
    formCell(sheet, { row: i + 2, col: 1, toCol: LAST_COL }, line, 'note');
    fitRowHeight(sheet, i + 2, line, width, 20);
  });
}

// ---------------------------------------------------------------------------------------------------
// The form, read back

/** A label found in a sheet's header block, with the cell that holds its value. */
export interface FormField {
  /** The label as written ("年度资金总额：", "资金情况（万元）"). */
  label: string;
  /** 0-based position of the label cell. */
  labelRow: number;
  labelCol: number;
  /** 1-based row and the column letter of the value cell, for messages. */
  row: number;
  letter: string;
  /** 0-based column of the value cell. */
  col: number;
  value: CellValue;
}

/** A label cell's text reduced to what names the field: "其中：财政拨款" → "财政拨款", "资金情况（万元）" → "资金情况". */
export function normaliseLabel(value: unknown): string {
  return normaliseHeader(value)
    .replace(/^其中[:：]?/, '')
    .replace(/[:：]/g, '');
}

/**
 * Every occurrence of the wanted labels in rows [fromRow, toRow) (0-based), each with its value: the
 * cell right of the label (after the label's merged range), or the cell below it when the label heads
 * a column — the next cell is another label, the label is at the right edge, or it stands right of a
 * label with nothing beside it (the official form's 总体目标 | 中期目标 | 年度目标 heads its text).
 */
export function readFormFields<K extends string>(
  sheet: SheetGrid,
  labels: Record<K, readonly string[]>,
  fromRow: number,
  toRow: number,
): Map<K, FormField[]> {
  const lookup = new Map<string, K>();
  for (const [key, names] of Object.entries(labels) as [K, readonly string[]][]) for (const n of names) lookup.set(normaliseLabel(n), key);
  const isLabel = (r: number, c: number) => lookup.has(normaliseLabel(cellText(sheet.rows[r]?.[c])));
  const mergeAt = (r: number, c: number) => sheet.merges.find((m) => m.s.r === r && m.s.c === c);
  const width = Math.max(0, ...sheet.rows.slice(fromRow, toRow).map((row) => row.length));
  const found = new Map<K, FormField[]>();
  for (let r = fromRow; r < Math.min(toRow, sheet.rows.length); r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c < row.length; c++) {
      const text = cellText(row[c]);
      if (!text) continue;
      const key = lookup.get(normaliseLabel(text));
      if (key === undefined) continue;
      const merge = mergeAt(r, c);
      const right = (merge ? merge.e.c : c) + 1;
      let at = { r, c: right };
      // A heading row (labels side by side, 中期目标 | 年度目标) has its values underneath.
      const headingRow = isLabel(r, right) || right >= width || (c > 0 && isLabel(r, c - 1) && cellText(sheet.rows[r]?.[right]) === '');
      if (headingRow) {
        const below = (merge ? merge.e.r : r) + 1;
        if (below < sheet.rows.length && !isLabel(below, c) && (cellText(sheet.rows[below]?.[c]) !== '' || isLabel(r, right)))
          at = { r: below, c };
      }
      const field: FormField = {
        label: text,
        labelRow: r,
        labelCol: c,
        row: at.r + 1,
        letter: columnLetter(at.c),
        col: at.c,
        value: sheet.rows[at.r]?.[at.c] ?? null,
      };
      const list = found.get(key) ?? [];
      list.push(field);
      found.set(key, list);
    }
  }
  return found;
}
