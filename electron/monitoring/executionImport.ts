/**
 * 执行数据导入: the budget platform's (预算管理一体化平台) execution export for a monitoring round, in
 * two steps like every import: `previewExecutionImport` reads the file and shows what would happen,
 * `commitExecutionImport` writes it all in one transaction or nothing.
 *
 * The file is read as platforms and units really send it (findTable.ts): the header found by its names
 * (预算单位/单位名称, 项目名称, 项目代码, 年初预算数, 调整后预算数/全年预算数, 执行数/1-5月执行数/累计支出,
 * 全年预计执行数), title rows, a two-row merged header, blank, 合计/小计 rows skipped (and compared with
 * the rows they total), amounts written as numbers or as text ("1,234.56", "864.2万").
 *
 * The money unit is never guessed (executionUnit.ts): the clerk's choice, else what the file names,
 * else what the ledger's figures for the matched projects say; else the preview asks and nothing can
 * be committed. A unit the ledger contradicts by 10,000× needs `confirmUnit`. A column the file lacks
 * keeps the figures recorded earlier (executionAmounts.ts).
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
import { cellText, type SkippedRow } from '../formats/findTable';
import { cellIssue, ImportRejected, type ImportIssue } from '../formats/importIssue';
import { subtotalRowWarnings, totalRowWarnings, type AmountRow } from '../formats/moneyCells';
import type { CellValue } from '../formats/readWorkbook';
import { formatWanYuan, type MoneyUnit } from '../rules/money';
import type { MoneyUnitSource } from '../rules/moneyUnitEvidence';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from './monitoringRounds';
import { listProjects, type ProjectRow } from '../projects/projects';
import { requireOpenYear } from '../ledger/years';
import { columnView, MONEY_KEYS, MONEY_LABELS, readExecutionTable, type ColumnView, type ExecutionKey } from './executionColumns';
import {
  amountChanges,
  emptyColumnFill,
  missingColumnNote,
  readRowAmounts,
  type ExecutionAmounts,
  type ExecutionFieldChange,
  type FilledKey,
} from './executionAmounts';
import { matchCandidates, rowMatcher, unmatchedIssue, type MatchCandidate, type MatchedBy, type WrittenProject } from './executionMatching';
import { recordedAmounts, saveExecutionRecords } from './executionRecords';

export { listExecution, type ExecutionRecordRow } from './executionRecords';
import { decideExecutionUnit, type UnitEvidence, type UnitMismatch } from './executionUnit';
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
  /** The file's money unit as the clerk chose it (preview, or --unit); overrides what the file names. */
  moneyUnit?: MoneyUnit | null;
  /** The clerk confirms a unit that the ledger's figures contradict by 10,000×. */
  confirmUnit?: boolean;
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
  columns: ColumnView[];
  /**
   * The unit of the 执行数 column (each money column is read in its own unit, listed in `columns`).
   * Null while it must be chosen (`moneyUnitSource` 'ask'): the amounts are then only checked for
   * being amounts, and none of them (nor the totals) means anything.
   */
  moneyUnit: MoneyUnit | null;
  moneyUnitSource: MoneyUnitSource | null;
  /** Where the unit came from, or why it must be chosen, in a sentence. */
  moneyUnitNote: string | null;
  /** The matched rows' amounts compared with the ledger's figures (null when no table was read). */
  unitEvidence: UnitEvidence | null;
  /** A unit most matched rows contradict by 10,000×: not committed unless confirmed. */
  unitMismatch: UnitMismatch | null;
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
  /** No error, no unmatched row, the money unit known, and a contradicted unit confirmed. */
  canCommit: boolean;
}

export interface ExecutionImportResult {
  preview: ExecutionImportPreview;
  created: number;
  updated: number;
  unchanged: number;
  rememberedMatches: number;
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
    problems.push(...unitProblems(preview));
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
          moneyUnitSource: preview.moneyUnitSource,
          unitConfirmed: preview.unitMismatch?.confirmed ?? false,
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

// ---------------------------------------------------------------------------------------------------
// Reading the file

interface Analysis {
  preview: ExecutionImportPreview;
  /** Manual matches of clean rows, to remember on commit. */
  remember: MatchToRemember[];
  /** The year's remembered matches by key. */
  remembered: Map<string, RememberedMatch>;
}

/** A data row once matched: what it says of itself, its errors so far, and its project. */
interface MatchedRead {
  row: number;
  cells: Record<string, CellValue>;
  written: WrittenProject;
  errors: ImportIssue[];
  found: { project: ProjectRow; by: MatchedBy } | null;
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
    unitEvidence: null,
    unitMismatch: null,
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
  const { table, source, col } = found;
  const warn = (row: number | null, key: ExecutionKey | null, value: string | null, problem: string) =>
    preview.warnings.push(cellIssue(source, row, key ? (col[key] ?? null) : null, value, problem));

  // What the ledger already has: the year's projects, and each one's funds as last recorded.
  const yearProjects = listProjects(ctx, { year: round.year });
  const byId = new Map(yearProjects.map((p) => [p.id, p]));
  const recorded = recordedAmounts(ctx, round);
  const records = new Map([...recorded].filter(([, r]) => r.thisRound));
  const matcher = rowMatcher(yearProjects, remembered, input.manualMatches ?? [], round.year, input.fileName);

  // First the rows' projects (code, unit and name, a hand match, a remembered one): the unit may
  // depend on what the ledger has for them.
  const reads: MatchedRead[] = table.rows.map(({ rowNumber: row, cells }) => {
    const errors: ImportIssue[] = [];
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
    const badName = (problem: string) => errors.push(cellIssue(source, row, col.name ?? null, cellText(cells.name) || null, problem));
    if (!written.name && !written.code) badName('没有项目名称，也没有项目代码，无法对应到项目。请补上项目名称。');
    const match = matcher.match(written, badName, (key, value, problem) => warn(row, key, value, problem));
    return { row, cells, written, errors, found: match };
  });
  const stray = matcher.strayManualRows();
  if (stray.length)
    throw new LedgerError('invalid_input', `手动对应的第 ${stray.join('、')} 行不是 ${input.fileName} 中的数据行。请重新预览后再对应。`);

  const unit = decideExecutionUnit({
    col,
    rows: table.rows,
    matched: reads.flatMap((r) =>
      r.found ? [{ ...r, project: r.found.project, recorded: recorded.get(r.found.project.id) ?? null }] : [],
    ),
    chosen: input.moneyUnit ?? null,
    confirmed: input.confirmUnit === true,
  });
  Object.assign(preview, {
    moneyUnit: unit.moneyUnit,
    moneyUnitSource: unit.source,
    moneyUnitNote: unit.note,
    unitEvidence: unit.evidence,
    unitMismatch: unit.mismatch,
    columns: Object.values(col)
      .sort((a, b) => a.index - b.index)
      .map((c) => columnView(c, unit.units)),
  });

  // Then the amounts, in the decided units, filling the columns the file lacks from the ledger.
  const fill = emptyColumnFill();
  const amountRows: AmountRow[] = [];
  const unmatchedRows: (WrittenProject & ExecutionAmounts)[] = [];
  for (const { row, cells, written, errors, found: match } of reads) {
    const bad = (key: ExecutionKey, value: CellValue | undefined, problem: string) =>
      errors.push(cellIssue(source, row, col[key] ?? null, cellText(value) || null, problem));
    const known = match ? (recorded.get(match.project.id) ?? null) : null;
    const read = readRowAmounts({
      cells,
      col,
      units: unit.units,
      recorded: known,
      bad,
      warn: (key, value, problem) => warn(row, key, value, problem),
    });
    const { amounts } = read;
    if (match && unit.units && !unit.mismatch && col.initialBudget && amounts?.initialBudgetFen != null) {
      const ledgerFen = match.project.initialBudgetFen;
      if (amounts.initialBudgetFen !== ledgerFen)
        warn(
          row,
          'initialBudget',
          cellText(cells.initialBudget),
          `年初预算数 ${formatWanYuan(amounts.initialBudgetFen)} 万元与台账中该项目的年初预算数 ${formatWanYuan(ledgerFen)} 万元不一致。执行数据按表中金额导入；如台账有误，请在“项目”中更正。`,
        );
    }

    if (errors.length > 0 || !amounts) {
      preview.errors.push(...errors);
      preview.rejected.push({ ...written, reasons: errors.map((e) => e.message) });
      continue;
    }
    amountRows.push({ rowNumber: row, fen: read.written });
    if (unit.units) {
      preview.totals.adjustedBudgetFen += amounts.adjustedBudgetFen;
      preview.totals.executedFen += amounts.executedFen;
    }
    if (!match) {
      unmatchedRows.push({ ...written, ...amounts });
      continue;
    }
    for (const key of read.kept) fill[key].kept++;
    for (const key of read.fellBack) fill[key].fellBack++;
    const { project, by } = match;
    if (by === 'manual') analysis.remember.push({ unitName: written.unitName, projectName: written.name, projectId: project.id });
    const record = records.get(project.id) ?? null;
    const changes = amountChanges(record, amounts);
    const status = !record ? 'new' : changes.length ? 'changed' : 'unchanged';
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

  const { claimed } = matcher;
  const exclude = new Set(claimed.keys());
  preview.unmatched = unmatchedRows.map((r) => ({ ...r, candidates: matchCandidates(yearProjects, r, { exclude }) }));
  preview.notInFile = [...records]
    .filter(([projectId]) => !claimed.has(projectId))
    .map(([projectId, r]) => ({
      projectId,
      projectName: byId.get(projectId)?.name ?? '',
      unitName: byId.get(projectId)?.unitName ?? '',
      executedFen: r.executedFen,
    }));
  if (table.rows.length === 0) warn(table.headerRow, null, null, '表头下面没有读到任何项目行。请确认选择的是执行数据表。');
  // The columns the file lacks: what was kept, what fell back.
  for (const key of ['initialBudget', 'adjustedBudget', 'expectedFullYear'] as FilledKey[]) {
    if (col[key]) continue;
    const note = missingColumnNote(key, fill[key], preview.matched.length);
    if (note) warn(table.headerRow, null, null, note);
  }
  // 合计/小计 rows are not imported; where one disagrees with the rows it totals, the clerk should know.
  if (preview.errors.length === 0 && unit.units) {
    const totalled = MONEY_KEYS.filter((k) => col[k]).map((key) => ({
      key,
      label: MONEY_LABELS[key],
      column: col[key]!,
      unit: unit.units![key]!,
      sumFen: amountRows.reduce((sum, r) => sum + (r.fen[key] ?? 0), 0),
    }));
    preview.warnings.push(
      ...totalRowWarnings(table.skipped, totalled, source),
      ...subtotalRowWarnings(table.skipped, amountRows, totalled, source),
    );
  }
  return finish(analysis);
}

/** Why the commit is refused for the money unit: it must be chosen, or a contradicted one confirmed. */
function unitProblems(p: ExecutionImportPreview): ImportIssue[] {
  const issue = (message: string): ImportIssue => ({
    row: null,
    column: null,
    header: null,
    value: null,
    message: `${p.fileName}：${message}`,
  });
  if (p.moneyUnitSource === 'ask') return [issue(`${p.moneyUnitNote ?? ''}未导入。`)];
  if (p.unitMismatch && !p.unitMismatch.confirmed) return [issue(`${p.unitMismatch.message}未导入。`)];
  return [];
}

function finish(analysis: Analysis): Analysis {
  const p = analysis.preview;
  const byRow = (a: ImportIssue, b: ImportIssue) => (a.row ?? 0) - (b.row ?? 0);
  p.errors.sort(byRow);
  p.warnings.sort(byRow);
  p.counts = {
    matched: p.matched.length,
    new: p.matched.filter((r) => r.status === 'new').length,
    changed: p.matched.filter((r) => r.status === 'changed').length,
    unchanged: p.matched.filter((r) => r.status === 'unchanged').length,
    unmatched: p.unmatched.length,
    rejected: p.rejected.length,
    skipped: p.skipped.length,
  };
  p.canCommit = p.errors.length === 0 && p.unmatched.length === 0 && unitProblems(p).length === 0 && p.moneyUnit !== null;
  return analysis;
}
