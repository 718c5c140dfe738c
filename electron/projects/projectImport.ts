/**
 * 导入项目: a workbook of units and projects (.xlsx, .xls, .csv) into a fiscal year, in two steps.
 *
 * `previewProjectImport` reads the file, finds the table by its header names, checks every row and then
 * tries the whole import through the same services a form uses (createUnit, createProject,
 * updateProject) inside a transaction that is always rolled back, so the preview's errors are exactly
 * the ones the commit would hit. `commitProjectImport` re-runs all of it and writes only when there is
 * not a single error: one transaction, an audit entry per created or changed record plus one for the
 * file. Re-importing a file already in the ledger changes nothing.
 *
 * Matching: a row is the same project as one in the ledger when the year and 项目代码 match, or, when
 * the row has no code (or its code is new), the same unit and 项目名称. A matched project whose fields
 * differ is updated; otherwise it is reported unchanged. Units are matched by exact name; a unit's
 * 主管部门 is never moved by an import (that is an edit in 预算单位), and a mismatch is an error.
 *
 * Trust: `bytes` is a file the user picked in the shell's open dialog (or named on the command line);
 * `fileName` is only used in messages. Size and row count are bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { budgetUnits } from '../../db/schema';
import { findTable, cellText, type ColumnSpec, type FoundColumn, type SkippedRow, type TableFound } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type CellValue } from '../formats/readWorkbook';
import { BUDGET_KINDS, CONTINUITY, PROJECT_TYPES, budgetKindFromText, continuityFromText, projectTypeFromText, type ProjectType } from '../rules/labels';
import { formatWanYuan, parseMoney, type MoneyUnit } from '../rules/money';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { createProject, listProjects, updateProject, type ProjectRow } from './projects';
import { createUnit } from './units';
import { requireOpenYear } from '../ledger/years';
import type { BudgetKind, Continuity } from '../../db/vocabulary';

export interface ProjectImportInput {
  year: number;
  /** The picked file's name, for messages ("项目.xlsx 第 7 行 …") and the audit entry. */
  fileName: string;
  bytes: Uint8Array;
}

/** The columns a project workbook may have; header names are matched after normaliseHeader. */
export const PROJECT_COLUMNS = [
  { key: 'department', label: '主管部门', names: ['主管部门', '主管单位', '主管部门名称', '部门名称', '归口部门'], required: false },
  { key: 'unit', label: '预算单位', names: ['预算单位', '单位名称', '实施单位', '预算单位名称', '项目单位', '项目实施单位', '实施单位名称', '申报单位', '单位'], required: true },
  { key: 'unitCode', label: '单位代码', names: ['单位代码', '单位编码', '预算单位代码', '预算单位编码'], required: false },
  { key: 'classified', label: '涉密单位', names: ['涉密单位', '是否涉密', '是否涉密单位'], required: false },
  { key: 'code', label: '项目代码', names: ['项目代码', '项目编码', '项目编号'], required: false },
  { key: 'name', label: '项目名称', names: ['项目名称', '项目名'], required: true },
  { key: 'projectType', label: '项目类型', names: ['项目类型', '项目类别', '项目分类'], required: true },
  { key: 'budgetKind', label: '预算类型', names: ['预算类型', '预算类别', '预算种类', '资金性质', '预算资金性质', '四本预算'], required: true },
  { key: 'continuity', label: '新增/延续', names: ['新增/延续', '新增或延续', '新增延续', '延续/新增', '项目属性', '新增/延续项目'], required: true },
  { key: 'initialBudget', label: '年初预算数', names: ['年初预算数', '年初预算', '年初预算金额', '年初预算数合计', '预算数', '预算金额'], required: true, money: true },
  { key: 'majorPolicy', label: '是否重大政策和项目', names: ['是否重大政策和项目', '是否重大政策/项目', '是否重大项目', '重大项目', '重大政策和项目', '重大政策/项目', '是否重大政策', '新增重大政策和项目'], required: false },
] as const satisfies readonly ColumnSpec[];

type ColumnKey = (typeof PROJECT_COLUMNS)[number]['key'];

export interface PlannedUnit {
  name: string;
  /** 主管部门 (null: the unit is itself a 主管部门). */
  departmentName: string | null;
  code: string | null;
  classified: boolean;
  /** The first row that names it, and in which column (a 主管部门 may only appear as a department). */
  row: number;
  namedIn: 'unit' | 'department';
}

export interface PlannedProject {
  row: number;
  unitName: string;
  departmentName: string | null;
  code: string | null;
  name: string;
  projectType: ProjectType;
  budgetKind: BudgetKind;
  initialBudgetFen: number;
  continuity: Continuity;
  majorPolicy: boolean;
}

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

export interface PlannedUpdate extends PlannedProject {
  projectId: number;
  changes: FieldChange[];
}

export interface ProjectImportPreview {
  kind: 'projects';
  year: number;
  fileName: string;
  /** Null when no table was found, and for text files (CSV), which have no sheet worth naming. */
  sheet: string | null;
  headerRow: number | null;
  headerRowCount: 1 | 2 | null;
  columns: { key: string; label: string; letter: string; header: string }[];
  moneyUnit: MoneyUnit | null;
  moneyUnitSource: 'header' | 'note' | 'default' | null;
  /** One sentence on where the money unit came from (shown above the preview table). */
  moneyUnitNote: string | null;
  /** Rows read as data (created, updated, unchanged or in error). */
  dataRows: number;
  unitsToCreate: PlannedUnit[];
  projectsToCreate: PlannedProject[];
  projectsToUpdate: PlannedUpdate[];
  unchanged: { row: number; unitName: string; name: string; code: string | null }[];
  skipped: SkippedRow[];
  blankRows: number;
  /** Any error blocks the whole import. */
  errors: ImportIssue[];
  /** Worth a look, but the import can go ahead. */
  warnings: ImportIssue[];
  /** 年初预算数 of the rows read, in 分. */
  totalFen: number;
  canCommit: boolean;
}

export interface ProjectImportResult {
  preview: ProjectImportPreview;
  createdUnits: number;
  createdProjects: number;
  updatedProjects: number;
  unchangedProjects: number;
}

export function previewProjectImport(ctx: ServiceContext, input: ProjectImportInput): ProjectImportPreview {
  requireOpenYear(ctx, input.year);
  const analysis = analyse(ctx, input);
  if (analysis.plan) {
    // Dry run through the services, always rolled back: the preview shows what the commit would meet.
    const outcome = runPlan(ctx, analysis.plan, analysis.preview, input, false);
    analysis.preview.errors.push(...outcome.errors);
  }
  return finish(analysis.preview);
}

export function commitProjectImport(ctx: ServiceContext, input: ProjectImportInput): ProjectImportResult {
  requireOpenYear(ctx, input.year);
  const analysis = analyse(ctx, input);
  const preview = analysis.preview;
  if (analysis.plan) {
    // Writes only when the file itself is clean; otherwise a dry run, so the refusal lists every error.
    const outcome = runPlan(ctx, analysis.plan, preview, input, preview.errors.length === 0);
    preview.errors.push(...outcome.errors);
  }
  finish(preview);
  if (preview.errors.length > 0) throw new ImportRejected(input.fileName, preview.errors);
  return {
    preview,
    createdUnits: preview.unitsToCreate.length,
    createdProjects: preview.projectsToCreate.length,
    updatedProjects: preview.projectsToUpdate.length,
    unchangedProjects: preview.unchanged.length,
  };
}

// ---------------------------------------------------------------------------------------------------

interface Plan {
  units: PlannedUnit[];
  creates: PlannedProject[];
  updates: PlannedUpdate[];
  /** Column of each key, for placing errors the services raise. */
  columns: Partial<Record<ColumnKey, FoundColumn>>;
  source: IssueSource;
}

function finish(preview: ProjectImportPreview): ProjectImportPreview {
  preview.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  preview.canCommit = preview.errors.length === 0;
  return preview;
}

function emptyPreview(input: ProjectImportInput): ProjectImportPreview {
  return {
    kind: 'projects',
    year: input.year,
    fileName: input.fileName,
    sheet: null,
    headerRow: null,
    headerRowCount: null,
    columns: [],
    moneyUnit: null,
    moneyUnitSource: null,
    moneyUnitNote: null,
    dataRows: 0,
    unitsToCreate: [],
    projectsToCreate: [],
    projectsToUpdate: [],
    unchanged: [],
    skipped: [],
    blankRows: 0,
    errors: [],
    warnings: [],
    totalFen: 0,
    canCommit: false,
  };
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '重大', '涉密']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '', '/', '-', '—', '无', '不涉密', '非涉密']);
const BLANK_MONEY = /^([/\\\-—－–]|无)?$/;
/** Above this a 万元 amount (50 亿) is more likely 元 typed into a 万元 column. */
const SUSPICIOUS_WAN_YUAN_FEN = 500_000 * 1_000_000;

function analyse(ctx: ServiceContext, input: ProjectImportInput): { preview: ProjectImportPreview; plan: Plan | null } {
  const preview = emptyPreview(input);
  const book = readWorkbook(input.bytes, input.fileName);
  const table = findTable(book, PROJECT_COLUMNS);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName: input.fileName, sheet: book.format === 'text' ? null : sheet });

  if (!table.ok) {
    const source = sourceFor(table.sheet);
    preview.errors.push(...missingColumnIssues(table, source, '项目表', '“预算单位”“项目名称”'));
    preview.sheet = source.sheet;
    preview.headerRow = table.headerRow;
    preview.columns = table.found.map(({ key, label, letter, header }) => ({ key, label, letter, header }));
    return { preview, plan: null };
  }

  const source = sourceFor(table.sheet);
  const col = table.columns as Partial<Record<ColumnKey, FoundColumn>>;
  const moneyCol = col.initialBudget!;
  const moneyUnit = moneyCol.moneyUnit ?? '万元';
  Object.assign(preview, {
    sheet: source.sheet,
    headerRow: table.headerRow,
    headerRowCount: table.headerRowCount,
    columns: Object.values(table.columns)
      .sort((a, b) => a.index - b.index)
      .map(({ key, label, letter, header }) => ({ key, label, letter, header })),
    moneyUnit,
    moneyUnitSource: moneyCol.moneyUnitSource,
    skipped: table.skipped,
    blankRows: table.blankRows,
    dataRows: table.rows.length,
  });
  preview.moneyUnitNote =
    moneyCol.moneyUnitSource === 'header'
      ? `金额单位取自表头“${moneyCol.header}”：${moneyUnit}。`
      : moneyCol.moneyUnitSource === 'note'
        ? `金额单位取自表格上方的说明：${moneyUnit}。`
        : `表头和表格上方都没有写金额单位，年初预算数按万元导入。如果表中金额是元，请把表头改为“${moneyCol.header}（元）”后重新导入。`;
  if (moneyCol.moneyUnitSource === 'default') {
    preview.warnings.push(cellIssue(source, table.headerRow, moneyCol, null, preview.moneyUnitNote));
  }

  const plan: Plan = { units: [], creates: [], updates: [], columns: col, source };
  const errors = preview.errors;
  const warn = preview.warnings;
  const bad = (row: number, key: ColumnKey, value: CellValue, problem: string) => errors.push(cellIssue(source, row, col[key] ?? null, cellText(value) || null, problem));

  // What the ledger already has.
  const unitsByName = new Map(ctx.ledger.db.select().from(budgetUnits).all().map((u) => [u.name, u]));
  const unitNameById = new Map([...unitsByName.values()].map((u) => [u.id, u.name]));
  const existingProjects = listProjects(ctx, { year: input.year });
  const byCode = new Map(existingProjects.filter((p) => p.code).map((p) => [p.code!, p]));
  const byUnitAndName = new Map(existingProjects.map((p) => [`${p.unitName}\u0000${p.name}`, p]));
  const unitCodes = new Map([...unitsByName.values()].filter((u) => u.code).map((u) => [u.code!, u.name]));

  // Units this file creates, by name: parent null = a 主管部门.
  const planned = new Map<string, PlannedUnit>();
  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const matched = new Set<number>();
  let currentRow = 0;
  let currentCell: CellValue = null;
  /** A new unit's code must be free in the ledger and in the file. */
  const claimUnitCode = (unitCode: string, unitName: string): boolean => {
    const holder = unitCodes.get(unitCode);
    if (holder && holder !== unitName) {
      bad(currentRow, 'unitCode', currentCell, `单位代码 ${unitCode} 已被“${holder}”使用。请核对单位代码。`);
      return false;
    }
    unitCodes.set(unitCode, unitName);
    return true;
  };

  for (const { rowNumber: row, cells } of table.rows) {
    const errorsBefore = errors.length;
    currentRow = row;
    currentCell = cells.unitCode ?? null;
    const text = (key: ColumnKey) => cellText(cells[key]).normalize('NFKC').trim();
    // Names keep their own characters (NFKC would turn full-width brackets into half-width ones).
    const nameText = (key: ColumnKey) => cellText(cells[key]).replace(/\s*\n\s*/g, '').trim();

    const unitName = nameText('unit');
    let departmentName: string | null = col.department ? nameText('department') || null : null;
    // A blank 主管部门 cell says nothing; naming the unit itself says it is a 主管部门.
    const departmentStated = departmentName != null;
    if (departmentName === unitName) departmentName = null;
    if (!unitName) bad(row, 'unit', cells.unit ?? null, '没有填写预算单位。请填写实施该项目的预算单位全称。');
    else if (unitName.length > 100) bad(row, 'unit', cells.unit ?? null, '单位名称超过 100 个字。请填写单位的规范全称。');
    if (departmentName && departmentName.length > 100) bad(row, 'department', cells.department ?? null, '主管部门名称超过 100 个字。');

    const name = nameText('name');
    if (!name) bad(row, 'name', cells.name ?? null, '没有填写项目名称。');
    else if (name.length > 200) bad(row, 'name', cells.name ?? null, '项目名称超过 200 个字。请精简后再导入。');

    const code = col.code ? text('code') || null : null;
    if (code && code.length > 50) bad(row, 'code', cells.code ?? null, '项目代码超过 50 个字符。');

    const projectType = projectTypeFromText(text('projectType'));
    if (!projectType) {
      const v = text('projectType');
      bad(row, 'projectType', cells.projectType ?? null, `${v ? `“${v}”不是认可的项目类型` : '没有填写项目类型'}，请填写 ${listOr([...PROJECT_TYPES])}。`);
    }
    const budgetKind = budgetKindFromText(text('budgetKind'));
    if (!budgetKind) {
      const v = text('budgetKind');
      bad(row, 'budgetKind', cells.budgetKind ?? null, `${v ? `“${v}”不是四本预算之一` : '没有填写预算类型'}，请填写 ${listOr(Object.values(BUDGET_KINDS))}。`);
    }
    const continuity = continuityFromText(text('continuity'));
    if (!continuity) {
      const v = text('continuity');
      bad(row, 'continuity', cells.continuity ?? null, `${v ? `“${v}”无法识别` : '没有填写新增或延续'}，请填写 ${listOr(Object.values(CONTINUITY))}。`);
    }

    let initialBudgetFen = 0;
    const moneyCell = cells.initialBudget ?? null;
    const moneyText = text('initialBudget');
    if (typeof moneyCell !== 'number' && BLANK_MONEY.test(moneyText)) {
      warn.push(cellIssue(source, row, moneyCol, moneyText || null, '年初预算数为空，按 0 导入（年中新增的项目可以这样填）。如有预算数请补上。'));
    } else {
      const parsed = parseMoney(typeof moneyCell === 'number' ? moneyCell : moneyText, moneyUnit);
      if (!parsed.ok) {
        const what = parsed.reason.startsWith('“') ? parsed.reason : `“${moneyText}”${parsed.reason}`;
        bad(row, 'initialBudget', moneyCell, `${what}。请填写以${moneyUnit}为单位的金额，如 12.50（不要写公式、文字或负数）。`);
      } else {
        initialBudgetFen = parsed.fen;
        if (parsed.fen > SUSPICIOUS_WAN_YUAN_FEN) {
          warn.push(cellIssue(source, row, moneyCol, moneyText, `年初预算数 ${formatWanYuan(parsed.fen)} 万元异常大，请确认金额单位是否应为元。`));
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

    // Duplicates inside the file.
    if (code) {
      const first = seenCodes.get(code);
      if (first != null) bad(row, 'code', cells.code ?? null, `项目代码“${code}”与第 ${first} 行重复。同一年度的项目代码不能相同，请删除重复行或更正代码。`);
      else seenCodes.set(code, row);
    }
    if (unitName && name) {
      const key = `${unitName}\u0000${name}`;
      const first = seenNames.get(key);
      if (first != null) bad(row, 'name', cells.name ?? null, `与第 ${first} 行是同一单位（${unitName}）的同名项目“${name}”。请删除重复行，或把项目名称区分开。`);
      else seenNames.set(key, row);
    }

    // Units: the file must agree with the ledger (and with itself) on who belongs to which 主管部门.
    if (unitName && (!departmentName || departmentName.length <= 100)) {
      if (departmentName) {
        const existingDept = unitsByName.get(departmentName);
        const plannedDept = planned.get(departmentName);
        if (existingDept && existingDept.parentId != null) {
          bad(row, 'department', cells.department ?? null, `“${departmentName}”在台账中是“${unitNameById.get(existingDept.parentId)}”的所属单位，不能作为主管部门。请填写它的主管部门“${unitNameById.get(existingDept.parentId)}”。`);
        } else if (plannedDept && plannedDept.departmentName != null) {
          bad(row, 'department', cells.department ?? null, `第 ${plannedDept.row} 行把“${departmentName}”填为“${plannedDept.departmentName}”的所属单位，这里又把它作为主管部门。请统一后再导入。`);
        } else if (!existingDept && !plannedDept) {
          const unit: PlannedUnit = { name: departmentName, departmentName: null, code: null, classified: false, row, namedIn: 'department' };
          planned.set(departmentName, unit);
          plan.units.push(unit);
        }
      }
      const existingUnit = unitsByName.get(unitName);
      const plannedUnit = planned.get(unitName);
      if (existingUnit) {
        const ledgerDept = existingUnit.parentId == null ? null : unitNameById.get(existingUnit.parentId)!;
        if (departmentStated && ledgerDept !== departmentName) {
          bad(
            row,
            'department',
            cells.department ?? null,
            `单位“${unitName}”在台账中${ledgerDept ? `属于“${ledgerDept}”` : '本身是主管部门'}，本行填写的主管部门是${departmentName ? `“${departmentName}”` : '它自己'}。请更正文件，或先在“预算单位”中调整该单位的主管部门。`,
          );
        }
        if (unitCode && existingUnit.code && unitCode !== existingUnit.code) {
          warn.push(cellIssue(source, row, col.unitCode!, unitCode, `台账中“${unitName}”的单位代码是 ${existingUnit.code}，导入不修改已有单位的代码。`));
        }
        if (col.classified && classified !== existingUnit.classified) {
          warn.push(cellIssue(source, row, col.classified!, text('classified'), `台账中“${unitName}”${existingUnit.classified ? '是' : '不是'}涉密单位，导入不修改已有单位的涉密标记，如需修改请在“预算单位”中调整。`));
        }
      } else if (plannedUnit) {
        if (departmentStated && plannedUnit.departmentName !== departmentName) {
          bad(
            row,
            'department',
            cells.department ?? null,
            `第 ${plannedUnit.row} 行把单位“${unitName}”${plannedUnit.departmentName ? `归在“${plannedUnit.departmentName}”下` : '作为主管部门'}，本行的主管部门却是${departmentName ? `“${departmentName}”` : '它自己'}。请统一后再导入。`,
          );
        }
        if (unitCode && !plannedUnit.code && claimUnitCode(unitCode, unitName)) plannedUnit.code = unitCode;
        plannedUnit.classified ||= classified;
      } else {
        const unit: PlannedUnit = { name: unitName, departmentName, code: null, classified, row, namedIn: 'unit' };
        if (unitCode && claimUnitCode(unitCode, unitName)) unit.code = unitCode;
        planned.set(unitName, unit);
        plan.units.push(unit);
      }
    }

    if (errors.length > errorsBefore) continue;
    preview.totalFen += initialBudgetFen;
    const project: PlannedProject = {
      row,
      unitName,
      departmentName,
      code,
      name,
      projectType: projectType!,
      budgetKind: budgetKind!,
      initialBudgetFen,
      continuity: continuity!,
      majorPolicy,
    };
    const existing = (code ? byCode.get(code) : undefined) ?? byUnitAndName.get(`${unitName}\u0000${name}`);
    if (existing && matched.has(existing.id)) {
      bad(row, 'name', cells.name ?? null, `与文件中前面的一行对应台账里的同一个项目（${existing.name}）。请删除重复行。`);
      continue;
    }
    if (!existing) {
      plan.creates.push(project);
      continue;
    }
    matched.add(existing.id);
    const changes = diff(existing, project, { keepCode: !code, keepMajor: !col.majorPolicy });
    if (changes.length === 0) preview.unchanged.push({ row, unitName, name, code: existing.code });
    else {
      const update: PlannedUpdate = {
        ...project,
        code: code ?? existing.code,
        majorPolicy: col.majorPolicy ? majorPolicy : existing.majorPolicy,
        projectId: existing.id,
        changes,
      };
      plan.updates.push(update);
    }
  }

  checkTotals(table, moneyUnit, preview, source);
  preview.unitsToCreate = plan.units;
  preview.projectsToCreate = plan.creates;
  preview.projectsToUpdate = plan.updates;
  return { preview, plan };
}

function diff(existing: ProjectRow, row: PlannedProject, keep: { keepCode: boolean; keepMajor: boolean }): FieldChange[] {
  const changes: FieldChange[] = [];
  const add = (field: string, label: string, before: string, after: string) => {
    if (before !== after) changes.push({ field, label, before, after });
  };
  add('unit', '预算单位', existing.unitName, row.unitName);
  if (!keep.keepCode) add('code', '项目代码', existing.code ?? '', row.code ?? '');
  add('name', '项目名称', existing.name, row.name);
  add('projectType', '项目类型', existing.projectType, row.projectType);
  add('budgetKind', '预算类型', BUDGET_KINDS[existing.budgetKind], BUDGET_KINDS[row.budgetKind]);
  add('initialBudget', '年初预算数（万元）', formatExact(existing.initialBudgetFen), formatExact(row.initialBudgetFen));
  add('continuity', '新增/延续', CONTINUITY[existing.continuity], CONTINUITY[row.continuity]);
  if (!keep.keepMajor) add('majorPolicy', '是否重大政策和项目', existing.majorPolicy ? '是' : '否', row.majorPolicy ? '是' : '否');
  return changes;
}

/** 万元 with two decimals, or more when the amount has finer 分 (so a 1-分 change is visible). */
function formatExact(fen: number): string {
  const shown = formatWanYuan(fen);
  return fen % 10_000 === 0 ? shown : `${shown}（${(fen / 1_000_000).toFixed(6).replace(/0+$/, '')}）`;
}

/** A 合计/总计 row is not imported, but if it disagrees with the rows it totals the clerk should know. */
function checkTotals(table: TableFound, unit: MoneyUnit, preview: ProjectImportPreview, source: IssueSource): void {
  if (preview.errors.length > 0) return;
  const moneyCol = table.columns.initialBudget!;
  for (const s of table.skipped) {
    const value = s.cells.initialBudget;
    if (s.kind !== 'total' || value == null || cellText(value) === '') continue;
    const parsed = parseMoney(value, unit);
    if (parsed.ok && parsed.fen !== preview.totalFen) {
      preview.warnings.push(
        cellIssue(source, s.rowNumber, moneyCol, cellText(value), `合计行的年初预算数 ${formatWanYuan(parsed.fen)} 万元与各项目之和 ${formatWanYuan(preview.totalFen)} 万元不一致。合计行不导入，以各项目为准，请核对。`),
      );
    }
  }
}

/**
 * Applies the plan through the services, in one transaction. Every record runs in its own savepoint, so
 * a refused one is recorded as a row error and the rest still get checked; with `commit` false, or any
 * error, the whole transaction is rolled back and nothing stays written.
 */
function runPlan(ctx: ServiceContext, plan: Plan, preview: ProjectImportPreview, input: ProjectImportInput, commit: boolean): { errors: ImportIssue[] } {
  const errors: ImportIssue[] = [];
  const rollback = new Error('rollback');
  const serviceError = (row: number, err: unknown, fieldColumns: Record<string, ColumnKey>, fallback: ColumnKey) => {
    if (!(err instanceof LedgerError)) throw err;
    const fields = Object.entries(err.fields ?? { _: err.message });
    for (const [field, message] of fields) {
      const key = fieldColumns[field] ?? fallback;
      const column = plan.columns[key] ?? null;
      errors.push(cellIssue(plan.source, row, column, null, `${message}。`.replace(/。。$/, '。')));
    }
  };
  const changed = plan.units.length + plan.creates.length + plan.updates.length;
  if (changed === 0) return { errors };
  try {
    inTransaction(ctx, () => {
      const unitIds = new Map(ctx.ledger.db.select({ id: budgetUnits.id, name: budgetUnits.name }).from(budgetUnits).all().map((u) => [u.name, u.id]));
      // 主管部门 first, so their 所属单位 can point to them.
      const ordered = [...plan.units.filter((u) => !u.departmentName), ...plan.units.filter((u) => u.departmentName)];
      for (const unit of ordered) {
        const parentId = unit.departmentName ? unitIds.get(unit.departmentName) : null;
        if (parentId === undefined) continue; // its department failed; that error is already recorded
        try {
          const created = createUnit(ctx, { name: unit.name, code: unit.code, parentId, classified: unit.classified });
          unitIds.set(unit.name, created.id);
        } catch (err) {
          serviceError(unit.row, err, unit.namedIn === 'department' ? DEPARTMENT_FIELDS : UNIT_FIELDS, unit.namedIn);
        }
      }
      for (const p of plan.updates) {
        const unitId = unitIds.get(p.unitName);
        if (unitId === undefined) continue;
        try {
          updateProject(ctx, { id: p.projectId, ...projectInput(p, unitId, input.year) });
        } catch (err) {
          serviceError(p.row, err, PROJECT_FIELDS, 'name');
        }
      }
      for (const p of plan.creates) {
        const unitId = unitIds.get(p.unitName);
        if (unitId === undefined) continue;
        try {
          createProject(ctx, projectInput(p, unitId, input.year));
        } catch (err) {
          serviceError(p.row, err, PROJECT_FIELDS, 'name');
        }
      }
      if (!commit || errors.length > 0) throw rollback;
      appendAudit(ctx, {
        action: 'import.projects',
        entity: 'fiscal_year',
        entityId: input.year,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          sheet: preview.sheet,
          moneyUnit: preview.moneyUnit,
          createdUnits: plan.units.length,
          createdProjects: plan.creates.length,
          updatedProjects: plan.updates.length,
          unchangedProjects: preview.unchanged.length,
        },
      });
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return { errors };
}

/** Which column a service's field error belongs to. */
const PROJECT_FIELDS: Record<string, ColumnKey> = { name: 'name', code: 'code', initialBudget: 'initialBudget', unitId: 'unit' };
const UNIT_FIELDS: Record<string, ColumnKey> = { name: 'unit', code: 'unitCode', parentId: 'department' };
const DEPARTMENT_FIELDS: Record<string, ColumnKey> = { name: 'department', parentId: 'department' };

function projectInput(p: PlannedProject, unitId: number, year: number) {
  return {
    year,
    unitId,
    code: p.code,
    name: p.name,
    projectType: p.projectType,
    budgetKind: p.budgetKind,
    initialBudgetFen: p.initialBudgetFen,
    continuity: p.continuity,
    majorPolicy: p.majorPolicy,
  };
}

/** "甲、乙、丙 或 丁" */
function listOr(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join('、')} 或 ${items[items.length - 1]}`;
}
