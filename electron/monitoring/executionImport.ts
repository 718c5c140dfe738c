/**
 * 执行数据导入: the budget platform's (预算管理一体化平台) execution export for a monitoring round, in
 * two steps like every import: `previewExecutionImport` reads the file and shows what would happen,
 * `commitExecutionImport` writes it all in one transaction or nothing.
 *
 * The file is read as platforms and units really send it (findTable.ts): the header found by its names
 * (预算单位/单位名称, 项目名称, 项目代码, 年初预算数, 调整后预算数/全年预算数, 执行数/1-5月执行数/累计支出,
 * 全年预计执行数), title rows, a two-row merged header, blank, 合计/小计 rows skipped, the money unit
 * from the header or a "单位：万元" line, amounts written as numbers or as text ("1,234.56", "864.2万").
 *
 * Matching a row to a project of the round's year: by 项目代码; else by the unit and project name
 * (compared without spaces, full-width and half-width alike); else by a match the clerk made by hand
 * for the same unit and project name in an earlier import of the year (execution_matches). A row left
 * unmatched lists candidates (same unit or a similar name) and blocks the commit until it is matched by
 * hand (`manualMatches`, remembered for next time) or the file is corrected.
 *
 * Records are kept one per round and project (execution_records). Re-importing a file whose amounts
 * are already in the ledger changes nothing and writes no audit entry. Records of projects absent from
 * a later file are kept (listed in the preview as `notInFile`).
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); `fileName` is only used in
 * messages and the audit entry. Size and row count are bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { budgetUnits, executionRecords, projects } from '../../db/schema';
import { cellText, type SkippedRow } from '../formats/findTable';
import { cellIssue, ImportRejected, type ImportIssue } from '../formats/importIssue';
import { totalRowWarnings } from '../formats/moneyCells';
import type { CellValue } from '../formats/readWorkbook';
import { formatWanYuan, type MoneyUnit } from '../rules/money';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from './monitoringRounds';
import { listProjects } from '../projects/projects';
import { requireOpenYear } from '../ledger/years';
import { MONEY_LABELS, readExecutionTable, type ExecutionKey, type MoneyKey } from './executionColumns';
import { amountChanges, readRowAmounts, type ExecutionAmounts, type ExecutionFieldChange } from './executionAmounts';
import { matchCandidates, rowMatcher, unmatchedIssue, type MatchCandidate, type MatchedBy, type WrittenProject } from './executionMatching';
import { saveExecutionRecords } from './executionRecords';
import { loadRememberedMatches, saveRememberedMatches, type MatchToRemember, type RememberedMatch } from './rememberedMatches';

// ---------------------------------------------------------------------------------------------------
// Types

export interface ManualMatch {
  /** The data row as Excel shows it (1-based). */
  row: number;
  projectId: number;
}

export interface ExecutionImportInput {
  roundId: number;
  /** The picked file's name, for messages and the audit entry. */
  fileName: string;
  bytes: Uint8Array;
  /** Rows matched by hand in the preview; remembered for the year's later imports when committed. */
  manualMatches?: readonly ManualMatch[];
}

export interface ExecutionMatchedRow extends WrittenProject, ExecutionAmounts {
  projectId: number;
  projectName: string;
  projectCode: string | null;
  projectUnitName: string;
  by: MatchedBy;
  /** Against the round's record of the project: none yet, different amounts, or the same. */
  status: 'new' | 'changed' | 'unchanged';
  changes: ExecutionFieldChange[];
}

export interface ExecutionUnmatchedRow extends WrittenProject, ExecutionAmounts {
  candidates: MatchCandidate[];
}

export interface ExecutionRejectedRow extends WrittenProject {
  /** The row's error messages (also in `errors`). */
  reasons: string[];
}

export interface ExecutionImportPreview {
  kind: 'execution';
  roundId: number;
  roundName: string;
  year: number;
  asOfMonth: number;
  fileName: string;
  /** Null when no table was found, and for text files (CSV). */
  sheet: string | null;
  headerRow: number | null;
  headerRowCount: 1 | 2 | null;
  columns: { key: string; label: string; letter: string; header: string; moneyUnit: MoneyUnit | null }[];
  /** The unit of the 执行数 column (each money column is read in its own unit, listed in `columns`). */
  moneyUnit: MoneyUnit | null;
  moneyUnitSource: 'header' | 'note' | 'otherColumn' | 'default' | null;
  moneyUnitNote: string | null;
  dataRows: number;
  matched: ExecutionMatchedRow[];
  unmatched: ExecutionUnmatchedRow[];
  rejected: ExecutionRejectedRow[];
  skipped: SkippedRow[];
  blankRows: number;
  /** Projects with a record in this round that the file does not mention (their records are kept). */
  notInFile: { projectId: number; projectName: string; unitName: string; executedFen: number }[];
  counts: { matched: number; new: number; changed: number; unchanged: number; unmatched: number; rejected: number; skipped: number };
  /** Of the rows read without error (matched and unmatched). */
  totals: { adjustedBudgetFen: number; executedFen: number };
  errors: ImportIssue[];
  warnings: ImportIssue[];
  /** No error and no unmatched row. */
  canCommit: boolean;
}

export interface ExecutionImportResult {
  preview: ExecutionImportPreview;
  created: number;
  updated: number;
  unchanged: number;
  rememberedMatches: number;
}

export interface ExecutionRecordRow extends ExecutionAmounts {
  id: number;
  roundId: number;
  projectId: number;
  projectName: string;
  projectCode: string | null;
  unitId: number;
  unitName: string;
  sourceFile: string;
  sourceRow: number;
  importedAt: string;
}

// ---------------------------------------------------------------------------------------------------
// Services

export function previewExecutionImport(ctx: ServiceContext, input: ExecutionImportInput): ExecutionImportPreview {
  return analyse(ctx, input).preview;
}

/**
 * Writes the round's execution in one transaction: remembered matches, one record per matched project
 * (created or updated), an audit entry for each and one for the file. Refuses with every problem when
 * an error or an unmatched row remains; writes nothing (and no audit entry) when nothing changed.
 */
export function commitExecutionImport(ctx: ServiceContext, input: ExecutionImportInput): ExecutionImportResult {
  return inTransaction(ctx, () => {
    const { preview, remember, remembered } = analyse(ctx, input);
    const problems = [...preview.errors];
    if (preview.unmatched.length > 0) problems.push(unmatchedIssue(input.fileName, preview.unmatched));
    if (problems.length > 0) throw new ImportRejected(input.fileName, problems);

    const rememberedMatches = saveRememberedMatches(ctx, preview.year, input.fileName, remember, remembered);

    const { created, updated } = saveExecutionRecords(ctx, preview.roundId, input.fileName, preview.matched);
    if (created + updated + rememberedMatches > 0) {
      appendAudit(ctx, {
        action: 'import.execution',
        entity: 'monitoring_round',
        entityId: preview.roundId,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          sheet: preview.sheet,
          moneyUnit: preview.moneyUnit,
          created,
          updated,
          unchanged: preview.counts.unchanged,
          rememberedMatches,
        },
      });
    }
    return { preview, created, updated, unchanged: preview.counts.unchanged, rememberedMatches };
  });
}

/** The round's execution records with their project and unit, for the warning lines and the screens. */
export function listExecution(ctx: ServiceContext, input: { roundId: number }): ExecutionRecordRow[] {
  requireRound(ctx, input.roundId);
  return ctx.ledger.db
    .select({
      id: executionRecords.id,
      roundId: executionRecords.roundId,
      projectId: executionRecords.projectId,
      projectName: projects.name,
      projectCode: projects.code,
      unitId: projects.unitId,
      unitName: budgetUnits.name,
      initialBudgetFen: executionRecords.initialBudgetFen,
      adjustedBudgetFen: executionRecords.adjustedBudgetFen,
      executedFen: executionRecords.executedFen,
      expectedFullYearFen: executionRecords.expectedFullYearFen,
      sourceFile: executionRecords.sourceFile,
      sourceRow: executionRecords.sourceRow,
      importedAt: executionRecords.importedAt,
    })
    .from(executionRecords)
    .innerJoin(projects, eq(projects.id, executionRecords.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .where(eq(executionRecords.roundId, input.roundId))
    .orderBy(asc(budgetUnits.name), asc(projects.code), asc(projects.id))
    .all();
}

// ---------------------------------------------------------------------------------------------------
// Reading the file

interface Analysis {
  preview: ExecutionImportPreview;
  /** Manual matches of clean rows, to remember on commit. */
  remember: MatchToRemember[];
  /** The year's remembered matches by key. */
  remembered: Map<string, RememberedMatch>;
}

function analyse(ctx: ServiceContext, input: ExecutionImportInput): Analysis {
  const round = requireRound(ctx, input.roundId);
  requireOpenYear(ctx, round.year);
  const preview: ExecutionImportPreview = {
    kind: 'execution',
    roundId: round.id,
    roundName: round.name,
    year: round.year,
    asOfMonth: round.asOfMonth,
    fileName: input.fileName,
    sheet: null,
    headerRow: null,
    headerRowCount: null,
    columns: [],
    moneyUnit: null,
    moneyUnitSource: null,
    moneyUnitNote: null,
    dataRows: 0,
    matched: [],
    unmatched: [],
    rejected: [],
    skipped: [],
    blankRows: 0,
    notInFile: [],
    counts: { matched: 0, new: 0, changed: 0, unchanged: 0, unmatched: 0, rejected: 0, skipped: 0 },
    totals: { adjustedBudgetFen: 0, executedFen: 0 },
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const remembered = loadRememberedMatches(ctx, round.year);
  const analysis: Analysis = { preview, remember: [], remembered };

  const found = readExecutionTable(input, round, preview);
  if (!found) return finish(analysis);
  const { table, source, col, units } = found;
  const warn = (row: number | null, key: ExecutionKey | null, value: string | null, problem: string) =>
    preview.warnings.push(cellIssue(source, row, key ? (col[key] ?? null) : null, value, problem));

  // What the ledger already has.
  const yearProjects = listProjects(ctx, { year: round.year });
  const byId = new Map(yearProjects.map((p) => [p.id, p]));
  const records = new Map(
    ctx.ledger.db
      .select()
      .from(executionRecords)
      .where(eq(executionRecords.roundId, round.id))
      .all()
      .map((r) => [r.projectId, r]),
  );
  const matcher = rowMatcher(yearProjects, remembered, input.manualMatches ?? [], round.year, input.fileName);
  const unmatchedRows: (WrittenProject & ExecutionAmounts)[] = [];

  for (const { rowNumber: row, cells } of table.rows) {
    const rowErrors: ImportIssue[] = [];
    const bad = (key: ExecutionKey, value: CellValue | undefined, problem: string) =>
      rowErrors.push(cellIssue(source, row, col[key] ?? null, cellText(value) || null, problem));
    const nameText = (key: ExecutionKey) =>
      cellText(cells[key])
        .replace(/\s*\n\s*/g, '')
        .trim();
    const written: WrittenProject = {
      row,
      unitName: nameText('unit'),
      name: nameText('name'),
      code: col.code ? cellText(cells.code).normalize('NFKC').trim() || null : null,
    };

    if (!written.name && !written.code) bad('name', cells.name, '没有项目名称，也没有项目代码，无法对应到项目。请补上项目名称。');

    const { amounts, initialFen } = readRowAmounts(cells, col, units, bad, (key, value, problem) => warn(row, key, value, problem));

    // Matching: code, unit and name, a hand match (this import), a remembered one (earlier imports).
    const found = matcher.match(
      written,
      (problem) => bad('name', cells.name, problem),
      (key, value, problem) => warn(row, key, value, problem),
    );
    if (found && initialFen != null && initialFen !== found.project.initialBudgetFen) {
      warn(
        row,
        'initialBudget',
        cellText(cells.initialBudget),
        `年初预算数 ${formatWanYuan(initialFen)} 万元与台账中该项目的年初预算数 ${formatWanYuan(found.project.initialBudgetFen)} 万元不一致。执行数据按表中金额导入；如台账有误，请在“项目”中更正。`,
      );
    }

    if (rowErrors.length > 0 || !amounts) {
      preview.errors.push(...rowErrors);
      preview.rejected.push({ ...written, reasons: rowErrors.map((e) => e.message) });
      continue;
    }
    preview.totals.adjustedBudgetFen += amounts.adjustedBudgetFen;
    preview.totals.executedFen += amounts.executedFen;
    if (!found) {
      unmatchedRows.push({ ...written, ...amounts });
      continue;
    }
    const { project, by } = found;
    if (by === 'manual') analysis.remember.push({ unitName: written.unitName, projectName: written.name, projectId: project.id });
    const changes = amountChanges(records.get(project.id) ?? null, amounts);
    const status = !records.has(project.id) ? 'new' : changes.length ? 'changed' : 'unchanged';
    preview.matched.push({
      ...written,
      ...amounts,
      projectId: project.id,
      projectName: project.name,
      projectCode: project.code,
      projectUnitName: project.unitName,
      by,
      status,
      changes: status === 'changed' ? changes : [],
    });
  }

  const stray = matcher.strayManualRows();
  if (stray.length)
    throw new LedgerError('invalid_input', `手动对应的第 ${stray.join('、')} 行不是 ${input.fileName} 中的数据行。请重新预览后再对应。`);

  const { claimed } = matcher;
  const exclude = new Set(claimed.keys());
  preview.unmatched = unmatchedRows.map((r) => ({ ...r, candidates: matchCandidates(yearProjects, r, { exclude }) }));
  preview.notInFile = [...records.values()]
    .filter((r) => !claimed.has(r.projectId))
    .map((r) => ({
      projectId: r.projectId,
      projectName: byId.get(r.projectId)?.name ?? '',
      unitName: byId.get(r.projectId)?.unitName ?? '',
      executedFen: r.executedFen,
    }));
  if (table.rows.length === 0) warn(table.headerRow, null, null, '表头下面没有读到任何项目行。请确认选择的是执行数据表。');
  // A 合计/总计 row is not imported; if it disagrees with the rows read, the clerk should know.
  if (preview.errors.length === 0) {
    const sums: [MoneyKey, number][] = [
      ['executed', preview.totals.executedFen],
      ...(col.adjustedBudget ? [['adjustedBudget', preview.totals.adjustedBudgetFen] as [MoneyKey, number]] : []),
    ];
    const totalled = sums.map(([key, sumFen]) => ({ key, label: MONEY_LABELS[key], column: col[key]!, unit: units[key]!.unit, sumFen }));
    preview.warnings.push(...totalRowWarnings(table.skipped, totalled, source));
  }
  return finish(analysis);
}

function finish(analysis: Analysis): Analysis {
  const p = analysis.preview;
  p.errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  p.counts = {
    matched: p.matched.length,
    new: p.matched.filter((r) => r.status === 'new').length,
    changed: p.matched.filter((r) => r.status === 'changed').length,
    unchanged: p.matched.filter((r) => r.status === 'unchanged').length,
    unmatched: p.unmatched.length,
    rejected: p.rejected.length,
    skipped: p.skipped.length,
  };
  p.canCommit = p.errors.length === 0 && p.unmatched.length === 0;
  return analysis;
}
