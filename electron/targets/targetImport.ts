/**
 * 导入绩效目标申报表: filled 项目支出 and 部门整体支出绩效目标申报表 back into the ledger, one workbook per
 * unit or per project, in two steps like the other importers. `previewTargetImport` reads every sheet
 * that looks like a declaration (a header block naming 项目名称/项目代码, or 部门（单位）名称/年度主要任务,
 * an indicator table found by its column names), checks every cell, then tries the whole import
 * through createTarget and saveTarget inside a transaction that is always rolled back, so the preview
 * lists exactly what the commit would meet. `commitTargetImport` writes all sheets or none, in one
 * transaction.
 *
 * Matching: the 台账识别码 says whether a sheet is a project's or a unit's 部门整体 (a retyped sheet
 * goes by its labels or title). A project sheet is a project of the year by its 项目代码, else by
 * 实施单位 + 项目名称, else by the 台账识别码; a 部门整体 sheet is a budget unit by the 台账识别码, else by
 * its 部门（单位）名称. A project or unit without targets gets them created. A sheet whose content equals
 * the target's is left alone (no save, no audit entry), so re-importing a file changes nothing; a sheet
 * that would change a target under review or approved is refused, naming its status. Both kinds share
 * the funds, the indicator table and every check below.
 *
 * Cells as units write them (domain.md §8): 性质 in its column or fused into 指标值 ("≥95%", "≧",
 * "大于等于"), percentages with or without "%" (a number cell formatted as a percentage reads as 0.95
 * and is taken as 95%), units inside the value ("500人次"), money in 万元 or 元 as the block's label or a
 * 单位 note says, text numbers with separators; blank 一级/二级 under a filled row mean "the same";
 * placeholder rows ("指标2", "……") and rows with no 三级 name are skipped with a note.
 *
 * A 三级 name the target already uses keeps its link (共性 or 个性); a new name matching an active
 * library indicator of the target's class (any class when none is set) is linked as 共性 and takes the
 * library's wording, with a warning where the sheet wrote it differently; anything else is 个性.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { budgetUnits, performanceTargets } from '../../db/schema';
import { cellText, findTable, type ColumnSpec, type FoundColumn } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import { FOUR_WAY_LEVELS, INDICATOR_NAME_MAX, normaliseNature, THREE_WAY_LEVELS } from '../rules/indicatorRules';
import { isEditable, TARGET_STATUS } from '../rules/jointReview';
import { formatWanYuan, moneyUnitIn, parseMoney, type MoneyUnit } from '../rules/money';
import { checkTarget } from '../rules/targetChecks';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { listIndicatorClasses, listIndicators, type IndicatorRow } from '../indicators/indicators';
import { LedgerError } from '../../db/ledgerError';
import { listProjects, type ProjectRow } from '../projects/projects';
import { createTarget, saveTarget, snapshotOf, unitProjectBudgetFen, type TargetContent, type TargetIndicatorInput, type TargetSnapshot } from './targets';
import { DECLARATION_LABELS, parseTemplateId, readFormFields, TEMPLATE_ID, type DeclarationLabel, type FormField, type TemplateId } from './targetTemplate';
import { findMarker } from '../formats/formSheet';
import { requireOpenYear } from '../ledger/years';
import type { Nature, TargetStatus } from '../../db/vocabulary';

export interface TargetImportInput {
  year: number;
  /** The picked file's name, for messages and the audit entry. */
  fileName: string;
  bytes: Uint8Array;
}

/** The indicator table of a declaration sheet; header names are matched after normaliseHeader. */
export const TARGET_INDICATOR_COLUMNS = [
  { key: 'level1', label: '一级指标', names: ['一级指标', '一级'], required: false },
  { key: 'level2', label: '二级指标', names: ['二级指标', '二级'], required: true },
  { key: 'name', label: '三级指标', names: ['三级指标', '三级指标名称', '三级', '指标名称', '指标内容'], required: true },
  { key: 'nature', label: '指标性质', names: ['指标性质', '性质', '计算符号', '运算符号', '符号', '指标值性质'], required: false },
  { key: 'value', label: '指标值', names: ['指标值', '年度指标值', '目标值', '指标目标值', '绩效指标值', '预期指标值'], required: true },
  { key: 'unit', label: '计量单位', names: ['计量单位', '度量单位', '单位'], required: false },
  { key: 'kind', label: '指标类型', names: ['指标类型', '共性/个性', '共性或个性', '指标属性'], required: false },
  { key: 'period', label: '指标期限', names: ['指标期限', '年度/中期', '适用期限'], required: false },
] as const satisfies readonly ColumnSpec[];

type IndicatorKey = (typeof TARGET_INDICATOR_COLUMNS)[number]['key'];

/** An issue with the sheet it belongs to (a workbook holds many declarations). */
export interface SheetIssue extends ImportIssue {
  sheet: string | null;
}

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
}

export interface SkippedIndicatorRow {
  sheet: string;
  row: number;
  reason: string;
  text: string;
}

export interface TargetImportPreview {
  kind: 'targets';
  year: number;
  fileName: string;
  sheets: TargetSheetPlan[];
  /** Sheets that are not declarations (a 填报说明, an empty Sheet3), never read. */
  ignoredSheets: { sheet: string; reason: string }[];
  skippedRows: SkippedIndicatorRow[];
  toCreate: number;
  toUpdate: number;
  unchanged: number;
  errors: SheetIssue[];
  warnings: SheetIssue[];
  canCommit: boolean;
}

export interface TargetImportResult {
  preview: TargetImportPreview;
  created: number;
  updated: number;
  unchanged: number;
}

export function previewTargetImport(ctx: ServiceContext, input: TargetImportInput): TargetImportPreview {
  requireOpenYear(ctx, input.year);
  const { preview, works } = analyse(ctx, input);
  runPlan(ctx, works, preview, input, false);
  return finish(preview);
}

/** Writes every sheet's targets in one transaction when nothing is wrong; otherwise refuses with every error. */
export function commitTargetImport(ctx: ServiceContext, input: TargetImportInput): TargetImportResult {
  requireOpenYear(ctx, input.year);
  const { preview, works } = analyse(ctx, input);
  runPlan(ctx, works, preview, input, preview.errors.length === 0);
  finish(preview);
  if (preview.errors.length > 0) throw new ImportRejected(input.fileName, preview.errors);
  return { preview, created: preview.toCreate, updated: preview.toUpdate, unchanged: preview.unchanged };
}

// ---------------------------------------------------------------------------------------------------

interface Column {
  letter: string;
  header: string;
}
interface Place {
  row: number | null;
  column: Column | null;
}

/** A sheet ready to be saved, with where each saved field came from (to place the service's errors). */
interface SheetWork {
  plan: TargetSheetPlan;
  source: IssueSource;
  owner: Matched['owner'];
  targetId: number | null;
  content: TargetContent;
  fieldPlaces: Partial<Record<string, Place>>;
  indicatorPlaces: { row: number; columns: Partial<Record<IndicatorKey, Column>> }[];
  fallback: Place;
}

interface Env {
  ctx: ServiceContext;
  input: TargetImportInput;
  preview: TargetImportPreview;
  byCode: Map<string, ProjectRow>;
  byUnitAndName: Map<string, ProjectRow>;
  byName: Map<string, ProjectRow[]>;
  byId: Map<number, ProjectRow>;
  unitById: Map<number, { id: number; name: string }>;
  unitByName: Map<string, { id: number; name: string }>;
  library: IndicatorRow[];
  libraryByName: Map<string, IndicatorRow[]>;
  libraryById: Map<number, IndicatorRow>;
  classByName: Map<string, number>;
  classNameById: Map<number, string>;
  /** Projects (P + id) and units (U + id) already matched by a sheet → that sheet's name. */
  claimed: Map<string, string>;
}

function analyse(ctx: ServiceContext, input: TargetImportInput): { preview: TargetImportPreview; works: SheetWork[] } {
  const preview: TargetImportPreview = {
    kind: 'targets', year: input.year, fileName: input.fileName, sheets: [], ignoredSheets: [], skippedRows: [],
    toCreate: 0, toUpdate: 0, unchanged: 0, errors: [], warnings: [], canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const projects = listProjects(ctx, { year: input.year });
  const library = listIndicators(ctx);
  const classes = listIndicatorClasses(ctx);
  const units = ctx.ledger.db.select({ id: budgetUnits.id, name: budgetUnits.name }).from(budgetUnits).all();
  const env: Env = {
    ctx, input, preview,
    byCode: new Map(projects.filter((p) => p.code).map((p) => [p.code!, p])),
    byUnitAndName: new Map(projects.map((p) => [`${p.unitName}\u0000${p.name}`, p])),
    byName: groupBy(projects, (p) => p.name),
    byId: new Map(projects.map((p) => [p.id, p])),
    unitById: new Map(units.map((u) => [u.id, u])),
    unitByName: new Map(units.map((u) => [u.name, u])),
    library,
    libraryByName: groupBy(library.filter((i) => i.retiredAt === null), (i) => i.name),
    libraryById: new Map(library.map((i) => [i.id, i])),
    classByName: new Map(classes.map((c) => [c.name, c.id])),
    classNameById: new Map(classes.map((c) => [c.id, c.name])),
    claimed: new Map(),
  };
  const works: SheetWork[] = [];
  for (const sheet of book.sheets) {
    const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
    const work = analyseSheet(env, sheet, source, { ...book, sheets: [sheet] });
    if (work) works.push(work);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push({
      ...cellIssue({ fileName: input.fileName, sheet: null }, null, null, null, '没有找到绩效目标申报表：没有一个工作表同时写有“项目名称”（或“项目代码”“部门（单位）名称”）和“三级指标”“指标值”等列。请确认选择的是填好的申报表。'),
      sheet: null,
    });
  }
  return { preview, works };
}

const LABEL_SCAN_ROWS = 60;
const BLANK_MONEY = /^([/\\\-—－–]|无)?$/;

function analyseSheet(env: Env, sheet: SheetGrid, source: IssueSource, oneSheetBook: Parameters<typeof findTable>[0]): SheetWork | null {
  const { preview, input } = env;
  const table = findTable(oneSheetBook, TARGET_INDICATOR_COLUMNS);
  const labelRows = table.ok ? table.headerRow - 1 : LABEL_SCAN_ROWS;
  const fields = readFormFields(sheet, DECLARATION_LABELS, 0, labelRows);
  const first = (key: DeclarationLabel) => fields.get(key)?.[0];
  const marker = findMarker(sheet, TEMPLATE_ID);
  const markerId = marker ? parseTemplateId(marker.match) : null;
  const subject = sheetSubject(sheet, first, markerId, table.ok);
  if (!subject) {
    if (table.ok) {
      preview.errors.push(issue(source, table.headerRow, null, null, '有绩效指标表，但表头上方找不到“项目名称”“项目代码”或“部门（单位）名称”栏。请使用申报模板，或在指标表上方写明项目名称和项目代码（部门整体申报表写明部门（单位）名称）。'));
    } else {
      preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是绩效目标申报表（没有“项目名称”“项目代码”“部门（单位）名称”和绩效指标表），未读取' });
    }
    return null;
  }
  const plan: TargetSheetPlan = {
    sheet: sheet.name, subject, action: 'error', note: null, projectId: null, projectCode: null, projectName: null, unitName: null, targetId: null, status: null,
    moneyUnit: '万元', annualTotalFen: null, indicatorCount: 0, commonCount: 0, changes: [], failedChecks: [],
  };
  preview.sheets.push(plan);
  const errorsBefore = preview.errors.length;
  const bad = (place: Place, value: CellValue | string | null, problem: string) => preview.errors.push(issue(source, place.row, place.column, textOf(value) || null, problem));
  const warn = (place: Place, value: CellValue | string | null, problem: string) => preview.warnings.push(issue(source, place.row, place.column, textOf(value) || null, problem));
  const text = (key: DeclarationLabel) => {
    const f = first(key);
    return f ? textOf(f.value).replace(/\r\n?/g, '\n') : undefined;
  };
  const block: HeaderBlock = { sheet: sheet.name, first, text, bad, warn };

  if (!table.ok) {
    preview.errors.push(...missingColumnIssues(table, source, '绩效目标申报表的绩效指标表', '“二级指标”“三级指标”“指标值”').map((i) => ({ ...i, sheet: source.sheet })));
    return null;
  }

  // The year: the 台账识别码 decides; a template from another year is refused.
  if (marker && markerId && markerId.year !== input.year) {
    bad({ row: marker.row, column: { letter: marker.letter, header: '台账识别码' } }, marker.match[0], `这是 ${markerId.year} 年度的申报表，当前导入的是 ${input.year} 年度。请选择 ${input.year} 年度的申报表，或在 ${markerId.year} 年度中导入。`);
    return null;
  }
  if (!marker) {
    const titleYear = titleYearOf(sheet);
    if (titleYear && titleYear !== input.year) warn({ row: 1, column: null }, null, `标题写的是 ${titleYear} 年度，本次按 ${input.year} 年度导入。`);
  }

  // The indicator rows (read before matching, so an unfilled sheet is skipped quietly).
  const col = table.columns as Partial<Record<IndicatorKey, FoundColumn>>;
  const annualGoal = text('annualGoal');
  const midTermGoal = text('midTermGoal');
  const mainTasks = text('mainTasks');
  // Filled in means a goal, 年度主要任务 or at least one 指标值: the template's pre-filled names alone do not count.
  const valued = table.rows.filter((r) => cellText(r.cells.value) !== '');
  if (!annualGoal?.trim() && !midTermGoal?.trim() && !mainTasks?.trim() && valued.length === 0) {
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
    const className = textOf(classField.value).trim();
    if (!className) classId = null;
    else if (env.classByName.has(className)) classId = env.classByName.get(className)!;
    else {
      bad(placeOf(classField), className, `指标类别“${className}”不在共性指标库中。请填写指标库中的类别名称（如${[...env.classByName.keys()].slice(0, 4).map((c) => `“${c}”`).join('、')}），或留空。`);
    }
  }

  // 资金情况.
  const moneyUnit = sheetMoneyUnit(fields.get('funds') ?? [], sheet, labelRows);
  plan.moneyUnit = moneyUnit;
  const funds = readFunds(fields, moneyUnit, (f, problem) => bad(placeOf(f), f.value, problem));
  const annualTotalFen = funds.annualTotal === undefined ? (current?.annualTotalFen ?? matched.budgetFen) : funds.annualTotal;
  if (funds.annualTotal === null && !funds.failed.has('annualTotal')) bad(placeOf(funds.fields.annualTotal), null, `请填写年度资金总额（${moneyUnit}）。`);
  const annualFiscalFen = funds.fiscal === undefined ? (current?.annualFiscalFen ?? annualTotalFen ?? 0) : (funds.fiscal ?? 0);
  const annualOtherFen = funds.other === undefined ? (current?.annualOtherFen ?? 0) : (funds.other ?? 0);
  let mid = { total: current?.midTotalFen ?? null, fiscal: current?.midFiscalFen ?? null, other: current?.midOtherFen ?? null };
  if (funds.midTotal !== undefined || funds.midFiscal !== undefined || funds.midOther !== undefined) {
    const [t, f, o] = [funds.midTotal ?? null, funds.midFiscal ?? null, funds.midOther ?? null];
    if (t === null && f === null && o === null) mid = { total: null, fiscal: null, other: null };
    else if (t === null) {
      if (!funds.failed.has('midTotal')) bad(placeOf(funds.fields.midTotal ?? funds.fields.midFiscal ?? funds.fields.midOther), null, `填写了中期资金来源，请同时填写中期资金总额（${moneyUnit}）。`);
    } else mid = { total: t, fiscal: f ?? 0, other: o ?? 0 };
  }
  if (annualTotalFen != null && annualFiscalFen + annualOtherFen !== annualTotalFen && funds.failed.size === 0) {
    warn(placeOf(funds.fields.annualTotal), null, `财政拨款 ${formatWanYuan(annualFiscalFen)} 万元与其他资金 ${formatWanYuan(annualOtherFen)} 万元之和不等于年度资金总额 ${formatWanYuan(annualTotalFen)} 万元，机审将不通过，请核对。`);
  }

  // 绩效指标.
  const kept = new Map((current?.indicators ?? []).filter((i) => i.libraryIndicatorId != null).map((i) => [i.libraryIndicatorId!, i]));
  const indicators: TargetIndicatorInput[] = [];
  const indicatorPlaces: SheetWork['indicatorPlaces'] = [];
  const seen = new Map<string, number>();
  let previous: { row: number; level1: string; level2: string } | null = null;
  const columnOf = (key: IndicatorKey): Column | null => (col[key] ? { letter: col[key]!.letter, header: col[key]!.header } : null);
  // A 填报人/联系电话 footer is no news; placeholders, repeated headers and 合计 rows are listed.
  for (const s of table.skipped) {
    if (s.kind !== 'empty' && s.kind !== 'note') preview.skippedRows.push({ sheet: sheet.name, row: s.rowNumber, reason: s.reason.replace('项目', '指标'), text: s.text });
  }
  for (const { rowNumber: row, cells } of table.rows) {
    const cellAt = (key: IndicatorKey): Place => ({ row, column: columnOf(key) });
    const t = (key: IndicatorKey) => cellText(cells[key]).replace(/\s*\n\s*/g, '');
    // A file without a 性质 column has the operator in the 指标值: its problems are shown there.
    const badCell = (key: IndicatorKey, problem: string) => {
      const at = key === 'nature' && !col.nature ? 'value' : key;
      bad(cellAt(at), cells[at] ?? null, problem);
    };
    const indicatorName = t('name');
    const rawValue = cells.value ?? null;
    const above: { row: number; level1: string; level2: string } | null = previous !== null && previous.row === row - 1 ? previous : null;
    const level1Text: string = t('level1') || (above && !t('level2') ? above.level1 : '');
    const level2Text: string = t('level2') || (above ? above.level2 : '');

    if (!indicatorName) {
      if (textOf(rawValue) || t('nature') || t('unit')) badCell('name', '填写了指标值或计量单位，但没有三级指标名称。请补上三级指标名称，或清空该行。');
      else preview.skippedRows.push({ sheet: sheet.name, row, reason: '没有三级指标名称，已跳过', text: [t('level1'), t('level2')].filter(Boolean).join(' ') });
      continue;
    }
    if (PLACEHOLDER_NAME.test(indicatorName.normalize('NFKC'))) {
      preview.skippedRows.push({ sheet: sheet.name, row, reason: '占位行（如“指标2”“……”），已跳过', text: indicatorName });
      continue;
    }
    const errorsAtRow = preview.errors.length;
    if (indicatorName.length > INDICATOR_NAME_MAX) badCell('name', `三级指标名称超过 ${INDICATOR_NAME_MAX} 个字，请精简。`);

    const placed = placeLevels(level1Text, level2Text);
    if (!level2Text) badCell('level2', '没有填写二级指标。请填写该指标所属的二级指标（如“数量指标”）。');
    else if (!placed) {
      badCell(
        t('level2') ? 'level2' : 'level1',
        `${level1Text ? `一级指标“${level1Text}”下` : ''}没有二级指标“${level2Text}”。可填写：${describeLevels(THREE_WAY_LEVELS)}；四分法的成本指标（${FOUR_WAY_LEVELS['成本指标']!.join('、')}）也可。`,
      );
    }
    previous = { row, level1: level1Text, level2: level2Text };

    let period: 'annual' | 'midTerm' = 'annual';
    const periodText = t('period');
    if (periodText) {
      const p = PERIOD_WORDS[periodText.normalize('NFKC')];
      if (p) period = p;
      else badCell('period', `“${periodText}”无法识别，指标期限请填写“年度”或“中期”（不填即为年度）。`);
    }

    const parsed = parseIndicatorValue(t('nature'), rawValue, t('unit'));
    if (parsed.conflict) badCell('value', parsed.conflict);
    if (parsed.fraction) warn(cellAt('value'), rawValue, `指标值 ${textOf(rawValue)} 按百分数 ${parsed.value}% 导入（单元格是百分比格式的数字）。如不对，请直接写成“${parsed.value}%”。`);

    // 共性 or 个性: a name the target already has keeps its link; else the library (the class's, or any).
    const existing = current?.indicators.find((i) => i.name === indicatorName && i.period === period);
    let libraryId: number | null;
    if (existing) libraryId = existing.libraryIndicatorId;
    else {
      const candidates = (env.libraryByName.get(indicatorName) ?? []).filter((i) => classId == null || i.classId === classId);
      libraryId = (candidates.find((i) => placed && i.level1 === placed.level1 && i.level2 === placed.level2) ?? candidates[0])?.id ?? null;
    }
    const lib = libraryId != null ? env.libraryById.get(libraryId) : undefined;
    const wording = libraryId != null ? (kept.get(libraryId) ?? lib) : undefined;

    const kindText = t('kind');
    if (/^共性/.test(kindText) && libraryId == null) {
      warn(cellAt('kind'), kindText, `“${indicatorName}”在${classId != null ? `“${env.classNameById.get(classId)}”类` : ''}共性指标库中没有同名指标，按个性指标导入。如应为共性指标，请改用指标库中的名称。`);
    }

    if (parsed.natureText && !parsed.nature) badCell('nature', `“${parsed.natureText}”不是可识别的指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性。`);
    if (wording) {
      // The library's (or the target's earlier) wording is what is saved; say so where the sheet differs.
      const differs: string[] = [];
      if (placed && (placed.level1 !== wording.level1 || placed.level2 !== wording.level2)) differs.push(`二级指标为“${wording.level2}”`);
      if (parsed.nature && parsed.nature !== wording.nature) differs.push(`性质为“${wording.nature}”`);
      if (parsed.unit && wording.nature !== '定性' && parsed.unit !== (wording.unit ?? '')) differs.push(`计量单位为“${wording.unit ?? '（无）'}”`);
      if (differs.length) warn(cellAt('name'), indicatorName, `“${indicatorName}”是共性指标，按指标库导入：${differs.join('，')}。`);
    } else {
      if (!parsed.nature) {
        if (!parsed.natureText) badCell('nature', '没有填写指标性质。请填写 ≥、＞、＝、＜、≤ 或 定性（也可写在指标值前，如“≥95”）。');
      } else if (parsed.nature !== '定性' && !parsed.unit) {
        badCell('unit', '定量指标须填写计量单位（如“人次”“%”“万元”）。');
      }
    }
    if (!parsed.value) badCell('value', `没有填写指标值。请填写${wording?.nature === '定性' || parsed.nature === '定性' ? '预期达到的程度（如“有效提升”）' : '目标数值'}，或删除该行。`);

    const key = `${period}\u0000${indicatorName}`;
    const firstRow = seen.get(key);
    if (firstRow !== undefined) badCell('name', `“${indicatorName}”与第 ${firstRow} 行重名。同一目标中的三级指标不能重复，请合并或改名。`);
    else seen.set(key, row);
    if (preview.errors.length > errorsAtRow || !placed) continue;

    indicators.push(
      wording
        ? { libraryIndicatorId: libraryId, period, level1: wording.level1, level2: wording.level2, name: wording.name, nature: wording.nature, value: parsed.value, unit: wording.unit }
        : { libraryIndicatorId: null, period, level1: placed.level1, level2: placed.level2, name: indicatorName, nature: parsed.nature!, value: parsed.value, unit: parsed.nature === '定性' ? null : parsed.unit || null },
    );
    indicatorPlaces.push({ row, columns: Object.fromEntries(TARGET_INDICATOR_COLUMNS.map((c) => [c.key, columnOf(c.key)]).filter(([, v]) => v)) });
  }

  if (preview.errors.length > errorsBefore || annualTotalFen == null) return null;

  const content: TargetContent = {
    indicatorClassId: classId,
    period: text('period') !== undefined ? text('period')!.trim() || null : (current?.period ?? `${input.year}年`),
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
  Object.assign(plan, { annualTotalFen, indicatorCount: indicators.length, commonCount: indicators.filter((i) => i.libraryIndicatorId != null).length });

  const mandatoryNames = classId != null ? env.library.filter((i) => i.classId === classId && i.mandatory && i.retiredAt === null).map((i) => i.name) : [];
  plan.failedChecks = checkTarget({
    subject, annualGoal: content.annualGoal, midTermGoal: content.midTermGoal, mainTasks: content.mainTasks,
    funds: { totalFen: content.annualTotalFen, fiscalFen: content.annualFiscalFen, otherFen: content.annualOtherFen },
    indicators: content.indicators.filter((i) => i.period === 'annual'), mandatoryNames,
  })
    .filter((c) => !c.ok)
    .map((c) => `${c.severity === 'error' ? '' : '（提示）'}${c.label}：${c.detail}`);

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
  const failing = plan.failedChecks.filter((c) => !c.startsWith('（提示）'));
  if (failing.length && plan.action !== 'unchanged') {
    warn(namePlace, null, `“${matched.name}”导入后机审仍未通过：${failing.join('；')}。可先导入，提交会审前须改好。`);
  }

  const fieldPlace = (f: FormField | undefined) => (f ? placeOf(f) : namePlace);
  return {
    plan, source, owner: matched.owner, targetId: target?.id ?? null, content, indicatorPlaces, fallback: namePlace,
    fieldPlaces: {
      annualTotalFen: fieldPlace(funds.fields.annualTotal), annualFiscalFen: fieldPlace(funds.fields.fiscal), annualOtherFen: fieldPlace(funds.fields.other),
      midTotalFen: fieldPlace(funds.fields.midTotal), midFiscalFen: fieldPlace(funds.fields.midFiscal), midOtherFen: fieldPlace(funds.fields.midOther),
      indicatorClassId: fieldPlace(classField), annualGoal: fieldPlace(first('annualGoal')), period: fieldPlace(first('period')),
    },
  };
}

/** Whose targets a sheet declares, once matched in the ledger. */
interface Matched {
  /** What createTarget starts when there is no target yet. */
  owner: { projectId: number; unitId: null } | { projectId: null; unitId: number };
  /** The target's name in messages: the project's, or "<单位>部门整体". */
  name: string;
  /** Funds when the sheet has none and there is no target yet (what createTarget would take). */
  budgetFen: number;
  target: typeof performanceTargets.$inferSelect | undefined;
  /** The sheet's name cell: messages about the whole sheet point there, quoting what it says. */
  place: Place;
  shown: string;
}

/** A sheet's header block, and the sheet's error and warning lists. */
interface HeaderBlock {
  sheet: string;
  first: (key: DeclarationLabel) => FormField | undefined;
  text: (key: DeclarationLabel) => string | undefined;
  bad: (place: Place, value: CellValue | string | null, problem: string) => void;
  warn: (place: Place, value: CellValue | string | null, problem: string) => void;
}

/**
 * 项目 or 部门整体: the 台账识别码 says; without one (a retyped sheet), 项目名称/项目代码 make a project
 * sheet, and 部门（单位）名称, 年度主要任务 or a 部门整体 title above an indicator table a department one.
 */
function sheetSubject(sheet: SheetGrid, first: HeaderBlock['first'], markerId: TemplateId | null, hasTable: boolean): 'project' | 'department' | null {
  if (markerId) return markerId.subject;
  if (first('projectName') || first('projectCode')) return 'project';
  if (first('departmentUnit') || first('mainTasks') || (hasTable && titleTexts(sheet).some((t) => t.includes('部门整体')))) return 'department';
  return null;
}

/** A project of the year by its 项目代码, else by 实施单位 + 项目名称 (or a name no other project has), else by the 台账识别码. */
function matchProject(env: Env, block: HeaderBlock, plan: TargetSheetPlan, markerId: TemplateId | null): Matched | null {
  const { input } = env;
  const { first, text, bad, warn } = block;
  const code = text('projectCode')?.trim() || '';
  const name = text('projectName')?.replace(/\s*\n\s*/g, '').trim() || '';
  const unitName = text('unit')?.replace(/\s*\n\s*/g, '').trim() || '';
  let project: ProjectRow | undefined;
  let matchedBy: 'code' | 'name' | 'id' | null = null;
  if (code && env.byCode.has(code)) [project, matchedBy] = [env.byCode.get(code), 'code'];
  if (!project && name && unitName) [project, matchedBy] = [env.byUnitAndName.get(`${unitName}\u0000${name}`), 'name'];
  if (!project && name && !unitName && env.byName.get(name)?.length === 1) [project, matchedBy] = [env.byName.get(name)![0], 'name'];
  if (!project && markerId) [project, matchedBy] = [env.byId.get(markerId.subjectId), 'id'];
  const namePlace = placeOf(first('projectName') ?? first('projectCode'));
  if (!project) {
    const what = [code ? `项目代码为“${code}”的项目` : null, name ? `${unitName ? `“${unitName}”的` : ''}项目“${name}”` : null].filter(Boolean).join('，也没有');
    bad(code ? placeOf(first('projectCode')) : namePlace, code || name, `台账 ${input.year} 年度中没有${what || '这个项目'}。请核对项目代码和项目名称，或先导入${input.year}年度项目清单。`);
    return null;
  }
  Object.assign(plan, { projectId: project.id, projectCode: project.code, projectName: project.name, unitName: project.unitName });
  const earlier = env.claimed.get(`P${project.id}`);
  if (earlier) {
    bad(namePlace, name || code, `与工作表“${earlier}”是同一个项目（${project.name}）。同一项目只能有一张申报表，请删除其中一张。`);
    return null;
  }
  env.claimed.set(`P${project.id}`, block.sheet);
  if (matchedBy === 'code' && name && name !== project.name) warn(namePlace, name, `按项目代码 ${code} 对应台账中的“${project.name}”，表中项目名称不同，以台账为准。`);
  if (matchedBy !== 'code' && code && code !== (project.code ?? '')) {
    warn(placeOf(first('projectCode')), code, `台账中“${project.name}”的项目代码是${project.code ? ` ${project.code}` : '空的'}，表中的项目代码不会导入。`);
  }
  if (matchedBy === 'code' && unitName && unitName !== project.unitName) warn(placeOf(first('unit')), unitName, `台账中该项目的实施单位是“${project.unitName}”，以台账为准。`);
  return {
    owner: { projectId: project.id, unitId: null },
    name: project.name,
    budgetFen: project.initialBudgetFen,
    target: env.ctx.ledger.db.select().from(performanceTargets).where(and(eq(performanceTargets.year, input.year), eq(performanceTargets.projectId, project.id))).get(),
    place: namePlace,
    shown: name || code,
  };
}

/**
 * A budget unit by the 台账识别码's unit id, else by the 部门（单位）名称 text. A name naming another unit
 * than the code does means a sheet copied from another unit's: refused rather than guessed.
 */
function matchUnit(env: Env, block: HeaderBlock, plan: TargetSheetPlan, markerId: TemplateId | null): Matched | null {
  const { bad, warn } = block;
  const name = unitNameText(block);
  const place = placeOf(block.first('departmentUnit') ?? block.first('unit'));
  const byCode = markerId ? env.unitById.get(markerId.subjectId) : undefined;
  const byName = name ? env.unitByName.get(name) : undefined;
  if (byCode && byName && byCode.id !== byName.id) {
    bad(place, name, `台账识别码对应的是“${byCode.name}”，表中部门（单位）名称却是“${name}”。请使用台账为“${name}”导出的申报表，不要复制其他单位的工作表。`);
    return null;
  }
  const unit = byCode ?? byName;
  if (!unit) {
    bad(
      place,
      name,
      name
        ? `台账中没有名为“${name}”的预算单位。请按台账中的单位名称填写部门（单位）名称；如是新单位，请先在“项目与目标”的“预算单位”页新建后再导入。`
        : '没有填写部门（单位）名称。请填写台账中的预算单位名称，或使用台账导出的申报表。',
    );
    return null;
  }
  plan.unitName = unit.name;
  const earlier = env.claimed.get(`U${unit.id}`);
  if (earlier) {
    bad(place, name, `与工作表“${earlier}”是同一个单位（${unit.name}）的部门整体申报表。每个单位只能有一张，请删除其中一张。`);
    return null;
  }
  env.claimed.set(`U${unit.id}`, block.sheet);
  if (name && name !== unit.name) warn(place, name, `按台账识别码对应台账中的“${unit.name}”，表中部门（单位）名称不同，以台账为准。`);
  const { year } = env.input;
  return {
    owner: { projectId: null, unitId: unit.id },
    name: `${unit.name}部门整体`,
    budgetFen: unitProjectBudgetFen(env.ctx, year, unit.id),
    target: env.ctx.ledger.db
      .select()
      .from(performanceTargets)
      .where(and(eq(performanceTargets.year, year), eq(performanceTargets.subject, 'department'), eq(performanceTargets.unitId, unit.id)))
      .get(),
    place,
    shown: name,
  };
}

/** The unit a 部门整体 sheet names: 部门（单位）名称, or 单位名称 and its synonyms on a retyped sheet. */
function unitNameText(block: HeaderBlock): string {
  return (block.text('departmentUnit') ?? block.text('unit'))?.replace(/\s*\n\s*/g, '').trim() || '';
}

function placeOf(f: FormField | undefined): Place {
  return f ? { row: f.row, column: { letter: f.letter, header: f.label.replace(/[:：\s]+$/, '') } } : { row: null, column: null };
}

/**
 * Runs the plan through createTarget and saveTarget in one transaction, each sheet in its own
 * savepoint so one refusal does not hide the next. A save that turns out to change nothing (the
 * service normalises what the pre-comparison could not) is rolled back, so it leaves no audit entry.
 */
function runPlan(ctx: ServiceContext, works: SheetWork[], preview: TargetImportPreview, input: TargetImportInput, commit: boolean): void {
  const rollback = new Error('rollback');
  const unchanged = new Error('unchanged');
  const pending = works.filter((w) => w.plan.action === 'create' || w.plan.action === 'update');
  if (pending.length === 0) return;
  try {
    inTransaction(ctx, () => {
      for (const w of pending) {
        try {
          inTransaction(ctx, () => {
            const id = w.targetId ?? createTarget(ctx, { year: input.year, ...w.owner }).id;
            const before = w.targetId != null ? snapshotOf(ctx, id) : null;
            saveTarget(ctx, { ...w.content, id });
            if (before && sameSnapshot(before, snapshotOf(ctx, id))) throw unchanged;
          });
        } catch (err) {
          if (err === unchanged) {
            Object.assign(w.plan, { action: 'unchanged', changes: [], note: '与台账中的绩效目标相同，不作修改' });
            continue;
          }
          if (!(err instanceof LedgerError)) throw err;
          w.plan.action = 'error';
          for (const [field, message] of Object.entries(err.fields ?? { _: err.message })) {
            const m = /^indicators\.(\d+)\.(\w+)$/.exec(field);
            const place = m ? { row: w.indicatorPlaces[Number(m[1])]?.row ?? null, column: w.indicatorPlaces[Number(m[1])]?.columns[m[2] as IndicatorKey] ?? null } : (w.fieldPlaces[field] ?? w.fallback);
            preview.errors.push(issue(w.source, place.row, place.column, null, `${message.replace(/^第 \d+ 个指标：/, '')}。`.replace(/。。$/, '。')));
          }
        }
      }
      if (!commit || preview.errors.length > 0) throw rollback;
      const created = works.filter((w) => w.plan.action === 'create').length;
      const updated = works.filter((w) => w.plan.action === 'update').length;
      if (created + updated > 0) {
        appendAudit(ctx, {
          action: 'import.targets', entity: 'fiscal_year', entityId: input.year,
          after: { fileName: input.fileName, sha256: createHash('sha256').update(input.bytes).digest('hex'), created, updated, unchanged: works.length - created - updated },
        });
      }
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
}

function finish(preview: TargetImportPreview): TargetImportPreview {
  const order = new Map(preview.sheets.map((s, i) => [s.sheet, i]));
  const byPlace = (a: SheetIssue, b: SheetIssue) => (order.get(a.sheet ?? '') ?? -1) - (order.get(b.sheet ?? '') ?? -1) || (a.row ?? 0) - (b.row ?? 0);
  preview.errors.sort(byPlace);
  preview.warnings.sort(byPlace);
  preview.toCreate = preview.sheets.filter((s) => s.action === 'create').length;
  preview.toUpdate = preview.sheets.filter((s) => s.action === 'update').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return preview;
}

// ---------------------------------------------------------------------------------------------------
// Cells

function issue(source: IssueSource, row: number | null, column: Column | null, value: string | null, problem: string): SheetIssue {
  return { ...cellIssue(source, row, column, value, problem), sheet: source.sheet };
}

function textOf(value: CellValue | string | null | undefined): string {
  return cellText(value ?? null);
}

function groupBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k) ?? [];
    list.push(item);
    map.set(k, list);
  }
  return map;
}

const PLACEHOLDER_NAME = /^([.。·…\-—－_/\\、~～]+|(三级)?指标\d+|指标名称\d*|略|无|以下空白|此处空白)$/;
const PERIOD_WORDS: Record<string, 'annual' | 'midTerm'> = { 年度: 'annual', 年度指标: 'annual', 当年: 'annual', 本年度: 'annual', 中期: 'midTerm', 中期指标: 'midTerm', 总体: 'midTerm', 多年: 'midTerm' };
const OPERATOR_PREFIX = /^\s*(≥|≧|>=|＞=|＞＝|>＝|≤|≦|<=|＜=|＜＝|<＝|＞|>|＜|<|＝|==|=|不低于|不少于|大于或等于|大于等于|不高于|不超过|不多于|小于或等于|小于等于|大于|高于|小于|低于|等于)\s*/;

interface ParsedValue {
  nature: Nature | null;
  /** The 性质 as written, for the message when it is not recognised. */
  natureText: string;
  value: string;
  unit: string;
  /** A percentage-formatted number (0.95) read as 95. */
  fraction: boolean;
  conflict: string | null;
}

/** 性质, 指标值 and 计量单位 as units write them: the operator and the unit may sit inside the value. */
export function parseIndicatorValue(natureCell: string, valueCell: CellValue, unitCell: string): ParsedValue {
  let value = typeof valueCell === 'number' ? String(valueCell) : textOf(valueCell);
  let unit = unitCell.replace(/％/g, '%').trim();
  if (/^[/\\\-—－–]$/.test(unit)) unit = '';
  const natureText = natureCell.trim();
  let nature = natureText ? normaliseNature(natureText) : null;
  let conflict: string | null = null;
  const fused = OPERATOR_PREFIX.exec(value);
  if (fused) {
    value = value.slice(fused[0].length).trim();
    const fusedNature = normaliseNature(fused[1]!);
    if (!natureText) nature = fusedNature;
    else if (nature && fusedNature && fusedNature !== nature) conflict = `指标值前的“${fused[1]}”与指标性质“${natureText}”不一致，请只保留一个。`;
  }
  value = value.replace(/％/g, '%');
  let fraction = false;
  if (value.endsWith('%') && (!unit || unit === '%')) {
    value = value.slice(0, -1).trim();
    unit = '%';
  } else if (unit && value.length > unit.length && value.endsWith(unit) && /\d$/.test(value.slice(0, -unit.length).trim())) {
    value = value.slice(0, -unit.length).trim();
  } else if (!unit && nature !== '定性') {
    const m = /^([+-]?\d[\d,，]*(?:\.\d+)?)\s*([^\d\s,，.][^\d]{0,7})$/.exec(value);
    if (m) [value, unit] = [m[1]!, m[2]!.trim()];
  }
  if (typeof valueCell === 'number' && unit === '%' && valueCell > 0 && valueCell <= 1 && !fused) {
    value = String(Number((valueCell * 100).toPrecision(12)));
    fraction = true;
  }
  return { nature, natureText, value: value.trim(), unit, fraction, conflict };
}

/** Where a row's 一级/二级 goes in the 三分法 placement the ledger keeps; "产出"/"数量" are accepted, and 四分法 成本. */
function placeLevels(level1Text: string, level2Text: string): { level1: string; level2: string } | null {
  const withSuffix = (t: string) => (t && !t.endsWith('指标') ? `${t}指标` : t);
  let level2 = withSuffix(level2Text.normalize('NFKC').replace(/\s+/g, ''));
  if (level2 === '满意度指标' || level2 === '服务对象满意度') level2 = '服务对象满意度指标';
  let level1 = withSuffix(level1Text.normalize('NFKC').replace(/\s+/g, ''));
  if (level1 === '成本指标' || (!level1 && FOUR_WAY_LEVELS['成本指标']!.includes(level2))) {
    return level2 === '成本指标' || FOUR_WAY_LEVELS['成本指标']!.includes(level2) ? { level1: '产出指标', level2: '成本指标' } : null;
  }
  if (!level1) level1 = Object.entries(THREE_WAY_LEVELS).find(([, l2s]) => l2s.includes(level2))?.[0] ?? '';
  return THREE_WAY_LEVELS[level1]?.includes(level2) ? { level1, level2 } : null;
}

function describeLevels(levels: Record<string, readonly string[]>): string {
  return Object.entries(levels)
    .map(([l1, l2s]) => `${l1}（${l2s.join('、')}）`)
    .join('；');
}

/** The texts in the top rows that name the form ("2023年度部门整体支出绩效目标申报表"). */
function titleTexts(sheet: SheetGrid): string[] {
  return sheet.rows
    .slice(0, 3)
    .flat()
    .map((v) => textOf(v))
    .filter((t) => /申报表|绩效目标/.test(t));
}

function titleYearOf(sheet: SheetGrid): number | null {
  for (const t of titleTexts(sheet)) {
    const m = /(\d{4})\s*年/.exec(t);
    if (m) return Number(m[1]);
  }
  return null;
}

/** The amounts' unit: the 资金情况 label's "（万元）"/"（元）", else a 单位：… note above, else 万元. */
function sheetMoneyUnit(fundLabels: FormField[], sheet: SheetGrid, rows: number): MoneyUnit {
  for (const f of fundLabels) {
    const unit = moneyUnitIn(f.label);
    if (unit) return unit;
  }
  for (const row of sheet.rows.slice(0, rows)) {
    for (const v of row) {
      const m = /单位[:：]\s*(万元|元)/.exec(textOf(v).normalize('NFKC'));
      if (m) return m[1] as MoneyUnit;
    }
  }
  return '万元';
}

type FundKey = 'annualTotal' | 'fiscal' | 'other' | 'midTotal' | 'midFiscal' | 'midOther';

/**
 * The six amounts of the 资金情况 block: undefined when the sheet has no such field, null when blank.
 * 其中：财政拨款 and 其他资金 appear under both totals; each belongs to the total in its column.
 */
function readFunds(fields: Map<DeclarationLabel, FormField[]>, unit: MoneyUnit, bad: (f: FormField, problem: string) => void) {
  const annual = fields.get('annualTotal')?.[0];
  const midTotal = fields.get('midTotal')?.[0];
  const assigned: Partial<Record<FundKey, FormField>> = { annualTotal: annual, midTotal };
  for (const [key, midKey] of [['fiscal', 'midFiscal'], ['other', 'midOther']] as const) {
    for (const f of fields.get(key) ?? []) {
      const toMid = midTotal && f.labelCol === midTotal.labelCol ? true : annual && f.labelCol === annual.labelCol ? false : assigned[key] !== undefined;
      if (!assigned[toMid ? midKey : key]) assigned[toMid ? midKey : key] = f;
    }
  }
  const failed = new Set<FundKey>();
  const amount = (key: FundKey): number | null | undefined => {
    const f = assigned[key];
    if (!f) return undefined;
    const raw = f.value;
    const t = textOf(raw);
    if (typeof raw !== 'number' && BLANK_MONEY.test(t)) return null;
    const cellUnit = moneyUnitIn(f.label) ?? unit;
    const parsed = parseMoney(typeof raw === 'number' ? raw : t, cellUnit);
    if (!parsed.ok) {
      failed.add(key);
      bad(f, `${parsed.reason.startsWith('“') ? parsed.reason : `“${t}”${parsed.reason}`}。请填写以${cellUnit}为单位的金额，如 12.50（不要写文字、公式或负数）。`);
      return null;
    }
    return parsed.fen;
  };
  return {
    fields: assigned,
    annualTotal: amount('annualTotal'), fiscal: amount('fiscal'), other: amount('other'),
    midTotal: amount('midTotal'), midFiscal: amount('midFiscal'), midOther: amount('midOther'),
    failed,
  };
}

// ---------------------------------------------------------------------------------------------------
// Comparing with the ledger

type Comparable = Omit<TargetSnapshot, 'indicators'> & { indicators: TargetIndicatorInput[] };

/** The content as saveTarget would store it (trimmed, empty → null), for comparison. */
function normalised(c: Comparable): Comparable {
  return {
    ...c,
    period: c.period?.trim() || null,
    midTermGoal: c.midTermGoal?.trim() || null,
    annualGoal: c.annualGoal.trim(),
    mainTasks: c.mainTasks?.trim() || null,
    indicators: c.indicators.map((i) => ({
      libraryIndicatorId: i.libraryIndicatorId, period: i.period, level1: i.level1.trim(), level2: i.level2.trim(), name: i.name.trim(), nature: i.nature,
      value: i.value.trim(), unit: i.nature === '定性' && i.libraryIndicatorId == null ? null : i.unit?.trim() || null,
    })),
  };
}

function sameSnapshot(a: Comparable, b: Comparable): boolean {
  return describeChanges(a, b, new Map()).length === 0;
}

const FIELD_LABELS: [keyof Omit<Comparable, 'indicators'>, string, 'text' | 'money' | 'class'][] = [
  ['period', '项目期', 'text'],
  ['indicatorClassId', '指标类别', 'class'],
  ['annualGoal', '年度总体目标', 'text'],
  ['midTermGoal', '中期目标', 'text'],
  ['mainTasks', '年度主要任务', 'text'],
  ['annualTotalFen', '年度资金总额', 'money'],
  ['annualFiscalFen', '年度财政拨款', 'money'],
  ['annualOtherFen', '年度其他资金', 'money'],
  ['midTotalFen', '中期资金总额', 'money'],
  ['midFiscalFen', '中期财政拨款', 'money'],
  ['midOtherFen', '中期其他资金', 'money'],
];

/** What differs between the target as it is and as the sheet has it, one line per field or indicator. */
function describeChanges(beforeRaw: Comparable, afterRaw: Comparable, classNames: Map<number, string>): string[] {
  const before = normalised(beforeRaw);
  const after = normalised(afterRaw);
  const changes: string[] = [];
  for (const [key, label, kind] of FIELD_LABELS) {
    const a = before[key];
    const b = after[key];
    if (a === b) continue;
    if (kind === 'money') changes.push(`${label}：${a == null ? '（空）' : formatWanYuan(a as number)} → ${b == null ? '（空）' : formatWanYuan(b as number)} 万元`);
    else if (kind === 'class') changes.push(`${label}：${a == null ? '（无）' : (classNames.get(a as number) ?? a)} → ${b == null ? '（无）' : (classNames.get(b as number) ?? b)}`);
    else changes.push(a == null || a === '' ? `${label}：新填写` : b == null || b === '' ? `${label}：已清空` : `${label}：已修改`);
  }
  const key = (i: TargetIndicatorInput) => `${i.period}\u0000${i.name}`;
  const olds = new Map(before.indicators.map((i) => [key(i), i]));
  const news = new Map(after.indicators.map((i) => [key(i), i]));
  const added = after.indicators.filter((i) => !olds.has(key(i))).map((i) => i.name);
  const removed = before.indicators.filter((i) => !news.has(key(i))).map((i) => i.name);
  const changed = after.indicators
    .filter((i) => olds.has(key(i)))
    .flatMap((i) => {
      const o = olds.get(key(i))!;
      const parts: string[] = [];
      if (o.value !== i.value || o.nature !== i.nature || o.unit !== i.unit) parts.push(`${o.nature === '定性' ? '' : o.nature}${o.value}${o.unit ?? ''} → ${i.nature === '定性' ? '' : i.nature}${i.value}${i.unit ?? ''}`);
      if (o.level1 !== i.level1 || o.level2 !== i.level2) parts.push(`${o.level2} → ${i.level2}`);
      if (o.libraryIndicatorId !== i.libraryIndicatorId) parts.push(i.libraryIndicatorId == null ? '改为个性指标' : '改为共性指标');
      return parts.length ? [`“${i.name}”${parts.join('，')}`] : [];
    });
  if (added.length) changes.push(`新增指标：${added.join('、')}`);
  if (removed.length) changes.push(`删除指标：${removed.join('、')}`);
  if (changed.length) changes.push(`修改指标：${changed.join('；')}`);
  if (!added.length && !removed.length && !changed.length && before.indicators.map(key).join('\u0001') !== after.indicators.map(key).join('\u0001')) changes.push('指标顺序调整');
  return changes;
}
