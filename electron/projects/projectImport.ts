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
 * 项目类型 is the bureau's own list: a type the list lacks is not an error but a 新增类型, listed in the
 * preview with its rows and added in the same transaction as the projects. A type matches one in the
 * list when equal after normaliseLabel (NFKC, no spaces); a retired one is re-used, with a warning.
 *
 * Trust: `bytes` is a file the user picked in the shell's open dialog (or named on the command line);
 * `fileName` is only used in messages. Size and row count are bounded by readWorkbook.
 */
import { cellText, findTable, type SkippedRow } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { moneyUnitNote, totalRowWarnings } from '../formats/moneyCells';
import { readWorkbook, type CellValue } from '../formats/readWorkbook';
import type { MoneyUnit } from '../rules/money';
import type { ServiceContext } from '../ledger/context';
import { listProjects } from './projects';
import { listProjectTypes } from './projectTypes';
import { requireOpenYear } from '../ledger/years';
import { PROJECT_COLUMNS, readProjectRow, type ColumnKey, type ProjectColumns } from './projectRows';
import { unitPlanner, type PlannedUnit } from './unitPlanning';
import { projectChanges, runPlan, type NewProjectType, type Plan, type PlannedProject, type PlannedUpdate } from './projectPlan';

export interface ProjectImportInput {
  year: number;
  /** The picked file's name, for messages ("项目.xlsx 第 7 行 …") and the audit entry. */
  fileName: string;
  bytes: Uint8Array;
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
  /** 新增类型: 项目类型 the bureau's list does not have yet, added on commit. */
  projectTypesToCreate: NewProjectType[];
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
  createdProjectTypes: number;
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
    const outcome = runPlan(ctx, analysis.plan, fileSummary(input, analysis.preview), false);
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
    const outcome = runPlan(ctx, analysis.plan, fileSummary(input, preview), preview.errors.length === 0);
    preview.errors.push(...outcome.errors);
  }
  finish(preview);
  if (preview.errors.length > 0) throw new ImportRejected(input.fileName, preview.errors);
  return {
    preview,
    createdProjectTypes: preview.projectTypesToCreate.length,
    createdUnits: preview.unitsToCreate.length,
    createdProjects: preview.projectsToCreate.length,
    updatedProjects: preview.projectsToUpdate.length,
    unchangedProjects: preview.unchanged.length,
  };
}

// ---------------------------------------------------------------------------------------------------

function fileSummary(input: ProjectImportInput, preview: ProjectImportPreview) {
  return {
    fileName: input.fileName,
    bytes: input.bytes,
    year: input.year,
    sheet: preview.sheet,
    moneyUnit: preview.moneyUnit,
    unchangedProjects: preview.unchanged.length,
  };
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
    projectTypesToCreate: [],
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
  const col = table.columns as ProjectColumns;
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
  preview.moneyUnitNote = moneyUnitNote(moneyCol, moneyUnit, moneyCol.moneyUnitSource, '年初预算数');
  if (moneyCol.moneyUnitSource === 'default') {
    preview.warnings.push(cellIssue(source, table.headerRow, moneyCol, null, preview.moneyUnitNote));
  }

  const errors = preview.errors;
  const warn = preview.warnings;
  const bad = (row: number, key: ColumnKey, value: CellValue, problem: string) =>
    errors.push(cellIssue(source, row, col[key] ?? null, cellText(value) || null, problem));
  const units = unitPlanner(ctx, col, source, bad, warn);
  const plan: Plan = { projectTypes: [], units: units.units, creates: [], updates: [], columns: col, source };

  // What the ledger already has.
  const listedTypes = new Map(listProjectTypes(ctx).map((t) => [t.name, t]));
  const newTypes = new Map<string, NewProjectType>();
  const existingProjects = listProjects(ctx, { year: input.year });
  const byCode = new Map(existingProjects.filter((p) => p.code).map((p) => [p.code!, p]));
  const byUnitAndName = new Map(existingProjects.map((p) => [`${p.unitName}\u0000${p.name}`, p]));

  const seenCodes = new Map<string, number>();
  const seenNames = new Map<string, number>();
  const matched = new Set<number>();

  for (const tableRow of table.rows) {
    const { rowNumber: row, cells } = tableRow;
    const errorsBefore = errors.length;
    const f = readProjectRow(tableRow, col, moneyUnit, source, bad, warn);
    const { unitName, name, code } = f;

    // Duplicates inside the file.
    if (code) {
      const first = seenCodes.get(code);
      if (first != null)
        bad(row, 'code', cells.code ?? null, `项目代码“${code}”与第 ${first} 行重复。同一年度的项目代码不能相同，请删除重复行或更正代码。`);
      else seenCodes.set(code, row);
    }
    if (unitName && name) {
      const key = `${unitName}\u0000${name}`;
      const first = seenNames.get(key);
      if (first != null)
        bad(
          row,
          'name',
          cells.name ?? null,
          `与第 ${first} 行是同一单位（${unitName}）的同名项目“${name}”。请删除重复行，或把项目名称区分开。`,
        );
      else seenNames.set(key, row);
    }

    units.planRow(row, cells, f);
    const projectTypeIsNew = f.projectType != null && !listedTypes.has(f.projectType);
    if (projectTypeIsNew) {
      const type = newTypes.get(f.projectType!) ?? { name: f.projectType!, rows: [] };
      newTypes.set(type.name, type);
      type.rows.push(row);
    }

    if (errors.length > errorsBefore) continue;
    preview.totalFen += f.initialBudgetFen;
    const project: PlannedProject = {
      row,
      unitName,
      departmentName: f.departmentName,
      code,
      name,
      projectType: f.projectType!,
      projectTypeIsNew,
      budgetKind: f.budgetKind!,
      initialBudgetFen: f.initialBudgetFen,
      continuity: f.continuity!,
      majorPolicy: f.majorPolicy,
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
    const changes = projectChanges(existing, project, { keepCode: !code, keepMajor: !col.majorPolicy });
    if (changes.length === 0) preview.unchanged.push({ row, unitName, name, code: existing.code });
    else {
      const update: PlannedUpdate = {
        ...project,
        code: code ?? existing.code,
        majorPolicy: col.majorPolicy ? f.majorPolicy : existing.majorPolicy,
        projectId: existing.id,
        changes,
      };
      plan.updates.push(update);
    }
  }

  // A 合计/总计 row is not imported, but if it disagrees with the rows it totals the clerk should know.
  if (preview.errors.length === 0) {
    preview.warnings.push(
      ...totalRowWarnings(
        table.skipped,
        [{ key: 'initialBudget', label: '年初预算数', column: moneyCol, unit: moneyUnit, sumFen: preview.totalFen }],
        source,
      ),
    );
  }
  plan.projectTypes = [...newTypes.values()];
  warn.push(...retiredTypeWarnings(plan, listedTypes, source));
  preview.projectTypesToCreate = plan.projectTypes;
  preview.unitsToCreate = plan.units;
  preview.projectsToCreate = plan.creates;
  preview.projectsToUpdate = plan.updates;
  return { preview, plan };
}

/** A retired 项目类型 is re-used, not duplicated; the clerk is told once per type, with its rows. */
function retiredTypeWarnings(plan: Plan, listed: Map<string, { retired: boolean }>, source: IssueSource): ImportIssue[] {
  const rowsByType = new Map<string, number[]>();
  const writes = [...plan.creates, ...plan.updates.filter((u) => u.changes.some((c) => c.field === 'projectType'))];
  for (const p of writes.sort((a, b) => a.row - b.row)) {
    if (!listed.get(p.projectType)?.retired) continue;
    rowsByType.set(p.projectType, [...(rowsByType.get(p.projectType) ?? []), p.row]);
  }
  return [...rowsByType].map(([name, rows]) =>
    cellIssue(
      source,
      rows[0]!,
      plan.columns.projectType ?? null,
      name,
      `项目类型“${name}”已停用，第 ${rows.join('、')} 行仍按该类型导入（不会新增同名类型）。如要继续使用，请在“设置 → 项目类型”中恢复使用。`,
    ),
  );
}
