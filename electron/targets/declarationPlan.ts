/**
 * One declaration sheet turned into a planned save: which target it is (matched, created when there is
 * none), its content with every cell checked, what would change, and where each saved field came from.
 * A sheet whose content equals the target's is left alone (no save, no audit entry), so re-importing a
 * file changes nothing; a sheet that would change a target under review or approved is refused, naming
 * its status. The sheet's problems go to the preview's lists; a sheet with any error plans nothing.
 */
import { cellText } from '../formats/findTable';
import { findMarker } from '../formats/formSheet';
import { missingColumnIssues, type IssueSource } from '../formats/importIssue';
import type { CellValue, SheetGrid, WorkbookGrid } from '../formats/readWorkbook';
import { isEditable, TARGET_STATUS } from '../rules/jointReview';
import { checkTarget, standardCapOf, type CheckItem, type TargetDraft, type TargetRules } from '../rules/targetChecks';
import type { IndicatorRow } from '../indicators/indicators';
import { snapshotOf, type TargetContent, type TargetIndicatorInput, type TargetSnapshot } from './targetDetail';
import { DECLARATION_LABELS, type DeclarationLabel } from './declarationLabels';
import { parseTemplateId, TEMPLATE_ID } from './declarationId';
import { readFormFields, type FormField } from './formFields';
import {
  placeOf,
  sheetIssue,
  sheetSubject,
  titleYearOf,
  unitNameText,
  type Figures,
  type HeaderBlock,
  type Place,
  type SheetIssue,
  type SkippedIndicatorRow,
  type TargetSheetPlan,
} from './declarationSheet';
import { readSheetFunds } from './declarationFunds';
import { findIndicatorTable } from './indicatorGroups';
import { readIndicatorRows, type IndicatorLibrary, type IndicatorPlace } from './indicatorRows';
import { matchProject, matchUnit, type Matched, type SubjectLookup } from './targetMatching';
import { describeChanges } from './targetDiff';
import { lastYearActualOf, lastYearActuals, NO_LAST_YEAR, type LastYearActuals } from './lastYearActuals';

/** The parts of the preview a sheet reports to. */
export interface SheetSink {
  sheets: TargetSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  skippedRows: SkippedIndicatorRow[];
  errors: SheetIssue[];
  warnings: SheetIssue[];
}

/** What reading the sheets needs: the preview, the year's projects and units, the indicator library. */
export interface Env extends SubjectLookup, IndicatorLibrary {
  preview: SheetSink;
  /** The year's target rules: a sheet is checked as the screen would check it. */
  targetRules: TargetRules;
  library: IndicatorRow[];
  classByName: Map<string, number>;
}

/** A sheet ready to be saved, with where each saved field came from (to place the service's errors). */
export interface SheetWork {
  plan: TargetSheetPlan;
  source: IssueSource;
  owner: Matched['owner'];
  targetId: number | null;
  content: TargetContent;
  fieldPlaces: Partial<Record<string, Place>>;
  indicatorPlaces: IndicatorPlace[];
  fallback: Place;
}

const LABEL_SCAN_ROWS = 60;

export function planSheet(env: Env, sheet: SheetGrid, source: IssueSource, book: WorkbookGrid): SheetWork | null {
  const { preview, year } = env;
  const table = findIndicatorTable(book, sheet);
  const labelRows = table.ok ? table.top : LABEL_SCAN_ROWS;
  const fields = readFormFields(sheet, DECLARATION_LABELS, 0, labelRows);
  const first = (key: DeclarationLabel) => fields.get(key)?.[0];
  const marker = findMarker(sheet, TEMPLATE_ID);
  const markerId = marker ? parseTemplateId(marker.match) : null;
  const subject = sheetSubject(sheet, first, markerId, table.ok);
  if (!subject) {
    if (table.ok) {
      preview.errors.push(
        sheetIssue(
          source,
          table.headerRow,
          null,
          null,
          '有绩效指标表，但表头上方找不到“项目名称”“项目代码”或“部门（单位）名称”栏。请使用申报模板，或在指标表上方写明项目名称和项目代码（部门整体申报表写明部门（单位）名称）。',
        ),
      );
    } else {
      preview.ignoredSheets.push({
        sheet: sheet.name,
        reason: '不是绩效目标申报表（没有“项目名称”“项目代码”“部门（单位）名称”和绩效指标表），未读取',
      });
    }
    return null;
  }
  const plan: TargetSheetPlan = {
    sheet: sheet.name,
    subject,
    action: 'error',
    note: null,
    projectId: null,
    projectCode: null,
    projectName: null,
    unitName: null,
    targetId: null,
    status: null,
    moneyUnit: '万元',
    annualTotalFen: null,
    indicatorCount: 0,
    commonCount: 0,
    changes: [],
    failedChecks: [],
    checksAtCells: [],
  };
  preview.sheets.push(plan);
  const errorsBefore = preview.errors.length;
  const bad = (place: Place, value: CellValue | string | null, problem: string) =>
    preview.errors.push(sheetIssue(source, place.row, place.column, cellText(value) || null, problem));
  const warn = (place: Place, value: CellValue | string | null, problem: string, figures?: Figures) =>
    preview.warnings.push({ ...sheetIssue(source, place.row, place.column, cellText(value) || null, problem), ...figures });
  const text = (key: DeclarationLabel) => {
    const f = first(key);
    return f ? cellText(f.value).replace(/\r\n?/g, '\n') : undefined;
  };
  const block: HeaderBlock = { sheet: sheet.name, first, text, bad, warn };

  if (!table.ok) {
    preview.errors.push(
      ...missingColumnIssues(table, source, '绩效目标申报表的绩效指标表', '“二级指标”“三级指标”“指标值”').map((i) => ({
        ...i,
        sheet: source.sheet,
      })),
    );
    return null;
  }

  // The year: the 台账识别码 decides; a template from another year is refused.
  if (marker && markerId && markerId.year !== year) {
    bad(
      { row: marker.row, column: { letter: marker.letter, header: '台账识别码' } },
      marker.match[0],
      `这是 ${markerId.year} 年度的申报表，当前导入的是 ${year} 年度。请选择 ${year} 年度的申报表，或在 ${markerId.year} 年度中导入。`,
    );
    return null;
  }
  if (!marker) {
    const titleYear = titleYearOf(sheet);
    if (titleYear && titleYear !== year) warn({ row: 1, column: null }, null, `标题写的是 ${titleYear} 年度，本次按 ${year} 年度导入。`);
  }

  // The indicator rows (read before matching, so an unfilled sheet is skipped quietly).
  const annualGoal = text('annualGoal');
  const midTermGoal = text('midTermGoal');
  const mainTasks = text('mainTasks');
  // Filled in means a goal, 年度主要任务 or at least one 指标值: the template's pre-filled names alone do not count.
  const valued = table.groups.some((g) => g.rows.some((r) => cellText(r.cells.value) !== ''));
  if (!annualGoal?.trim() && !midTermGoal?.trim() && !mainTasks?.trim() && !valued) {
    plan.action = 'skip';
    plan.note = `未填写${subject === 'department' ? '年度主要任务、' : ''}年度总体目标和绩效指标，已跳过`;
    if (subject === 'project') {
      plan.projectName = text('projectName') || null;
      plan.projectCode = text('projectCode') || null;
    } else plan.unitName = unitNameText(block) || null;
    return null;
  }

  const matched = subject === 'project' ? matchProject(env, block, plan, markerId) : matchUnit(env, block, plan, markerId);
  if (!matched) return null;
  const { target, place: namePlace } = matched;
  const current: TargetSnapshot | null = target ? snapshotOf(env.ctx, target.id) : null;
  plan.targetId = target?.id ?? null;
  plan.status = target?.status ?? null;

  // 指标类别: written → that class ('' clears it); no such field → as the target has it.
  let classId: number | null = current?.indicatorClassId ?? null;
  const classField = first('className');
  if (classField) {
    const className = cellText(classField.value).trim();
    if (!className) classId = null;
    else if (env.classByName.has(className)) classId = env.classByName.get(className)!;
    else {
      bad(
        placeOf(classField),
        className,
        `指标类别“${className}”不在共性指标库中。请填写指标库中的类别名称（如${[...env.classByName.keys()]
          .slice(0, 4)
          .map((c) => `“${c}”`)
          .join('、')}），或留空。`,
      );
    }
  }

  // 资金情况.
  const funds = readSheetFunds(fields, sheet, labelRows, current, matched.budgetFen, block);
  plan.moneyUnit = funds.moneyUnit;
  const { annualTotalFen, annualFiscalFen, annualOtherFen, mid } = funds;

  // 绩效指标.
  const { indicators, places: indicatorPlaces } = readIndicatorRows(table, sheet.name, current, classId, env, block, preview.skippedRows);

  if (preview.errors.length > errorsBefore || annualTotalFen == null) return null;

  const content: TargetContent = {
    indicatorClassId: classId,
    period: text('period') !== undefined ? text('period')!.trim() || null : (current?.period ?? `${year}年`),
    midTermGoal: midTermGoal !== undefined ? midTermGoal.trim() || null : (current?.midTermGoal ?? null),
    annualGoal: annualGoal !== undefined ? annualGoal.trim() : (current?.annualGoal ?? ''),
    mainTasks: mainTasks !== undefined ? mainTasks.trim() || null : (current?.mainTasks ?? null),
    annualTotalFen,
    annualFiscalFen,
    annualOtherFen,
    midTotalFen: mid.total,
    midFiscalFen: mid.fiscal,
    midOtherFen: mid.other,
    indicators,
  };
  Object.assign(plan, {
    annualTotalFen,
    indicatorCount: indicators.length,
    commonCount: indicators.filter((i) => i.libraryIndicatorId != null).length,
  });

  const mandatoryNames =
    classId != null ? env.library.filter((i) => i.classId === classId && i.mandatory && i.retiredAt === null).map((i) => i.name) : [];
  const failed = sheetChecks(
    {
      subject,
      annualGoal: content.annualGoal,
      midTermGoal: content.midTermGoal,
      mainTasks: content.mainTasks,
      funds: { totalFen: content.annualTotalFen, fiscalFen: content.annualFiscalFen, otherFen: content.annualOtherFen },
      indicators: content.indicators,
      mandatoryNames,
    },
    env,
    env.targetRules,
    matched.owner.projectId === null ? NO_LAST_YEAR : lastYearActuals(env.ctx, matched.owner.projectId),
  ).filter((c) => !c.ok);
  plan.failedChecks = failed.map(checkText);
  plan.checksAtCells = failed.filter((c) => listedAtCell(c, funds.slips)).map(checkText);

  if (!current) plan.action = 'create';
  else {
    plan.changes = describeChanges(current, content, env.classNameById);
    plan.action = plan.changes.length ? 'update' : 'unchanged';
    if (plan.action === 'unchanged') plan.note = '与台账中的绩效目标相同，不作修改';
    else if (!isEditable(target!.status)) {
      bad(
        namePlace,
        matched.shown,
        target!.status === 'approved' || target!.status === 'published'
          ? `“${matched.name}”的绩效目标${TARGET_STATUS[target!.status]}，不能通过导入修改（本表改动了：${plan.changes.slice(0, 3).join('；')}）。如需变更，请在台账中走“目标调整”并写明原因。`
          : `“${matched.name}”的绩效目标当前为“${TARGET_STATUS[target!.status]}”，不能修改（本表改动了：${plan.changes.slice(0, 3).join('；')}）。${target!.status === 'inReview' ? '请等待会审结论，退回修改后再导入。' : ''}`,
      );
      plan.action = 'error';
      return null;
    }
  }
  const failing = failed.filter((c) => c.severity === 'error' && !listedAtCell(c, funds.slips)).map((c) => `${c.label}：${c.detail}`);
  if (failing.length && plan.action !== 'unchanged') {
    warn(namePlace, null, `“${matched.name}”导入后机审仍未通过：${failing.join('；')}。可先导入，提交会审前须改好。`);
  }

  const fieldPlace = (f: FormField | undefined) => (f ? placeOf(f) : namePlace);
  return {
    plan,
    source,
    owner: matched.owner,
    targetId: target?.id ?? null,
    content,
    indicatorPlaces,
    fallback: namePlace,
    fieldPlaces: {
      annualTotalFen: fieldPlace(funds.fields.annualTotal),
      annualFiscalFen: fieldPlace(funds.fields.fiscal),
      annualOtherFen: fieldPlace(funds.fields.other),
      midTotalFen: fieldPlace(funds.fields.midTotal),
      midFiscalFen: fieldPlace(funds.fields.midFiscal),
      midOtherFen: fieldPlace(funds.fields.midOther),
      indicatorClassId: fieldPlace(classField),
      annualGoal: fieldPlace(first('annualGoal')),
      period: fieldPlace(first('period')),
    },
  };
}

/**
 * The 机审 of a sheet's content as the target screen runs it: the annual indicators, each 共性 one held to
 * the 预算支出标准 its library indicator records (none without a library: a review with no ledger), and
 * each to what the project achieved last year (none when unknown: a new project, a review with no ledger).
 */
export function sheetChecks(
  draft: Omit<TargetDraft, 'indicators'> & { indicators: TargetIndicatorInput[] },
  library: Pick<IndicatorLibrary, 'libraryById'>,
  rules: TargetRules,
  lastYear: LastYearActuals = NO_LAST_YEAR,
): CheckItem[] {
  const indicators = draft.indicators
    .filter((i) => i.period === 'annual')
    .map((i) => {
      const lib = i.libraryIndicatorId != null ? library.libraryById.get(i.libraryIndicatorId) : undefined;
      return { ...i, standardCap: lib ? standardCapOf(lib) : null, lastYearActual: lastYearActualOf(lastYear, i.name) };
    });
  return checkTarget({ ...draft, indicators }, rules);
}

/** A failed check as the preview words it ("（提示）" marks a warning-level check). */
export function checkText(c: CheckItem): string {
  return `${c.severity === 'error' ? '' : '（提示）'}${c.label}：${c.detail}`;
}

/** True for a failed check the sheet's warnings already list at its cell: a 年度资金总额 slip, with both figures. */
export function listedAtCell(c: CheckItem, slips: ReadonlySet<string>): boolean {
  return c.id === 'funds' && slips.has('annualTotal');
}
