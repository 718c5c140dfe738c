/**
 * 绩效目标申报表 (财预〔2015〕88号 layout): the declaration template units fill in — a 填报说明 sheet, then
 * for each unit its 部门整体支出绩效目标申报表 and one 项目支出绩效目标申报表 per project. The form itself is
 * declarationForm.ts; the importers read it back (targetImport.ts, reviewSheet.ts).
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
import { addFormSheet, fitRowHeight, formCell, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { FOUR_WAY_LEVELS, THREE_WAY_LEVELS, placeIndicator } from '../rules/indicatorRules';
import { CONTINUITY } from '../rules/labels';
import type { ServiceContext } from '../ledger/context';
import { listIndicatorClasses, listIndicators } from '../indicators/indicators';
import { LedgerError } from '../../db/ledgerError';
import { listProjects, type ProjectRow } from '../projects/projects';
import { unitProjectBudgetFen } from './targets';
import { targetDetail, type TargetDetail } from './targetDetail';
import {
  FORM_WIDTHS,
  LAST_COL,
  indicatorLine,
  writeDeclarationForm,
  type DeclarationForm,
  type DeclarationIndicator,
} from './declarationForm';
import { templateIdCode } from './declarationId';
import { ruleSetOf } from '../ledger/years';
import type { IndicatorLayout, Nature } from '../../db/vocabulary';

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
