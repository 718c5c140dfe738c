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
import { and, asc, eq } from 'drizzle-orm';
import { budgetUnits, executionMatches, executionRecords, projects } from '../../db/schema';
import { cellText, findTable, type ColumnSpec, type FoundColumn, type SkippedRow, type TableNotFound } from '../formats/findTable';
import { cellIssue, ImportRejected, missingColumnIssues, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type CellValue } from '../formats/readWorkbook';
import { fenToWanYuanInput, formatWanYuan, parseMoney, type MoneyUnit } from '../rules/money';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from './monitoringRounds';
import { listProjects, type ProjectRow } from '../projects/projects';
import { requireOpenYear } from '../ledger/years';

// ---------------------------------------------------------------------------------------------------
// Columns

const MONTH_PREFIXES = (m: number): string[] => [
  ...['-', '—', '–', '~', '至', '到'].flatMap((sep) => [`1${sep}${m}月`, `1${sep}${m}月份`, `1月${sep}${m}月`]),
  ...['截至', '截止', '截至到'].flatMap((p) => [`${p}${m}月`, `${p}${m}月底`, `${p}${m}月末`, `${p}${m}月份`]),
];
const EXECUTED_SUFFIXES = ['执行数', '执行', '执行金额', '执行额', '支出数', '支出', '支出金额', '累计执行数', '累计执行', '累计执行金额', '累计支出数', '累计支出', '累计支出金额', '实际支出数', '实际支出', '实际执行数', '预算执行数', '已支出数'];
const EXECUTED_NAMES = [
  '执行数', '累计执行数', '累计执行', '累计支出', '累计支出数', '累计支出金额', '实际支出', '实际支出数', '实际执行数', '已执行数', '已支出数', '预算执行数',
  '执行金额', '支出数', '本年执行数', '本年累计执行数', '本年累计支出', '本年支出数', '当年执行数', '当年累计支出',
  ...Array.from({ length: 12 }, (_, i) => MONTH_PREFIXES(i + 1).flatMap((p) => EXECUTED_SUFFIXES.map((s) => p + s))).flat(),
];

/** The columns of an execution export; header names are matched after normaliseHeader. */
export const EXECUTION_COLUMNS = [
  { key: 'unit', label: '预算单位', names: ['预算单位', '单位名称', '预算单位名称', '单位', '实施单位', '项目单位', '项目实施单位', '实施单位名称'], required: true },
  { key: 'code', label: '项目代码', names: ['项目代码', '项目编码', '项目编号'], required: false },
  { key: 'name', label: '项目名称', names: ['项目名称', '项目名'], required: true },
  { key: 'initialBudget', label: '年初预算数', names: ['年初预算数', '年初预算', '年初预算金额', '年初预算数合计', '年初批复数', '年初批复预算数', '年初安排数', '年初预算安排数'], required: false, money: true },
  {
    key: 'adjustedBudget',
    label: '调整后预算数',
    names: ['调整后预算数', '调整后预算', '调整后预算金额', '调整后预算数合计', '调整后年度预算数', '全年预算数', '全年预算', '全年预算金额', '全年预算数合计', '年度预算数', '当年预算数', '本年预算数', '变更后预算数'],
    required: false,
    money: true,
  },
  { key: 'executed', label: '执行数', names: EXECUTED_NAMES, required: true, money: true },
  {
    key: 'expectedFullYear',
    label: '全年预计执行数',
    names: ['全年预计执行数', '预计全年执行数', '全年预计执行', '预计全年执行', '全年预计执行金额', '预计全年执行金额', '全年预计支出', '预计全年支出', '全年预计支出数', '预计全年支出数', '全年预计完成数', '预计执行数'],
    required: false,
    money: true,
  },
] as const satisfies readonly ColumnSpec[];

type Key = (typeof EXECUTION_COLUMNS)[number]['key'];
type MoneyKey = 'initialBudget' | 'adjustedBudget' | 'executed' | 'expectedFullYear';
const MONEY_KEYS: readonly MoneyKey[] = ['initialBudget', 'adjustedBudget', 'executed', 'expectedFullYear'];
const MONEY_LABELS: Record<MoneyKey, string> = { initialBudget: '年初预算数', adjustedBudget: '调整后预算数', executed: '执行数', expectedFullYear: '全年预计执行数' };

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

/** Amounts in 分, as read from the row. */
export interface ExecutionAmounts {
  initialBudgetFen: number | null;
  adjustedBudgetFen: number;
  executedFen: number;
  expectedFullYearFen: number | null;
}

/** What the row says about itself, as written. */
export interface WrittenProject {
  row: number;
  unitName: string;
  name: string;
  code: string | null;
}

export type MatchedBy = 'code' | 'unitName' | 'remembered' | 'manual';

export interface ExecutionFieldChange {
  field: MoneyKey;
  label: string;
  beforeFen: number | null;
  afterFen: number | null;
  /** 万元 for display ("（空）" for none). */
  before: string;
  after: string;
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

export interface MatchCandidate {
  projectId: number;
  name: string;
  code: string | null;
  unitName: string;
  sameUnit: boolean;
  /** Name similarity 0–1 (shared character pairs; 0.8 at least when one name contains the other). */
  similarity: number;
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

export interface RememberedMatchRow {
  id: number;
  year: number;
  /** As the platform writes them. */
  unitName: string;
  projectName: string;
  projectId: number;
  /** The ledger's project it stands for. */
  matchedProjectCode: string | null;
  matchedProjectName: string;
  matchedUnitName: string;
  /** When, and by the import of which file, it was remembered; null for matches older than the ledger's 0009. */
  rememberedAt: string | null;
  rememberedFrom: string | null;
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

    let rememberedMatches = 0;
    const stamp = { rememberedAt: ctx.now().toISOString(), rememberedFrom: input.fileName };
    for (const m of remember) {
      const existing = remembered.get(matchKey(m.unitName, m.projectName));
      if (existing && existing.projectId === m.projectId) continue;
      if (existing) {
        ctx.ledger.db.update(executionMatches).set({ projectId: m.projectId, ...stamp }).where(eq(executionMatches.id, existing.id)).run();
        appendAudit(ctx, { action: 'executionMatch.update', entity: 'execution_match', entityId: existing.id, before: { ...existing }, after: { ...existing, projectId: m.projectId, ...stamp } });
      } else {
        const values = { year: preview.year, unitName: m.unitName, projectName: m.projectName, projectId: m.projectId, ...stamp };
        const row = ctx.ledger.db.insert(executionMatches).values(values).returning({ id: executionMatches.id }).get();
        appendAudit(ctx, { action: 'executionMatch.create', entity: 'execution_match', entityId: row.id, after: values });
      }
      rememberedMatches++;
    }

    const importedAt = ctx.now().toISOString();
    let created = 0;
    let updated = 0;
    for (const r of preview.matched) {
      if (r.status === 'unchanged') continue;
      const amounts = { initialBudgetFen: r.initialBudgetFen, adjustedBudgetFen: r.adjustedBudgetFen, executedFen: r.executedFen, expectedFullYearFen: r.expectedFullYearFen };
      const values = { ...amounts, sourceFile: input.fileName, sourceRow: r.row, importedAt };
      if (r.status === 'new') {
        const row = ctx.ledger.db.insert(executionRecords).values({ roundId: preview.roundId, projectId: r.projectId, ...values }).returning({ id: executionRecords.id }).get();
        appendAudit(ctx, { action: 'execution.create', entity: 'execution_record', entityId: row.id, after: { roundId: preview.roundId, projectId: r.projectId, ...values } });
        created++;
      } else {
        const before = ctx.ledger.db
          .select()
          .from(executionRecords)
          .where(and(eq(executionRecords.roundId, preview.roundId), eq(executionRecords.projectId, r.projectId)))
          .get()!;
        ctx.ledger.db.update(executionRecords).set(values).where(eq(executionRecords.id, before.id)).run();
        const { id: _id, ...was } = before;
        appendAudit(ctx, { action: 'execution.update', entity: 'execution_record', entityId: before.id, before: was, after: { roundId: preview.roundId, projectId: r.projectId, ...values } });
        updated++;
      }
    }
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

/** The year's remembered hand matches (platform's unit + project name → project). */
export function listRememberedMatches(ctx: ServiceContext, input: { year: number }): RememberedMatchRow[] {
  return ctx.ledger.db
    .select({
      id: executionMatches.id,
      year: executionMatches.year,
      unitName: executionMatches.unitName,
      projectName: executionMatches.projectName,
      projectId: executionMatches.projectId,
      matchedProjectCode: projects.code,
      matchedProjectName: projects.name,
      matchedUnitName: budgetUnits.name,
      rememberedAt: executionMatches.rememberedAt,
      rememberedFrom: executionMatches.rememberedFrom,
    })
    .from(executionMatches)
    .innerJoin(projects, eq(projects.id, executionMatches.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .where(eq(executionMatches.year, input.year))
    .orderBy(asc(executionMatches.unitName), asc(executionMatches.projectName))
    .all();
}

/** Forgets a remembered match (a wrong one): the next import lists that row as unmatched again. */
export function forgetRememberedMatch(ctx: ServiceContext, input: { id: number }): void {
  inTransaction(ctx, () => {
    const row = ctx.ledger.db.select().from(executionMatches).where(eq(executionMatches.id, input.id)).get();
    if (!row) throw new LedgerError('match_missing', '该对应关系不存在，请刷新后重试。');
    requireOpenYear(ctx, row.year);
    ctx.ledger.db.delete(executionMatches).where(eq(executionMatches.id, input.id)).run();
    appendAudit(ctx, { action: 'executionMatch.delete', entity: 'execution_match', entityId: row.id, before: row });
  });
}

/**
 * Projects a row might be, best first: the same unit or a similar name (at most `limit`). Projects in
 * `exclude` (already matched by another row of the file) are left out.
 */
export function matchCandidates(
  yearProjects: readonly ProjectRow[],
  written: { unitName: string; name: string },
  options: { limit?: number; exclude?: ReadonlySet<number> } = {},
): MatchCandidate[] {
  const unit = unitKey(written.unitName);
  const name = nameKey(written.name);
  const scored: (MatchCandidate & { score: number })[] = [];
  for (const p of yearProjects) {
    if (options.exclude?.has(p.id)) continue;
    const sameUnit = unit !== '' && unitKey(p.unitName) === unit;
    const similarity = nameSimilarity(name, nameKey(p.name));
    if (!sameUnit && similarity < 0.4) continue;
    scored.push({ projectId: p.id, name: p.name, code: p.code, unitName: p.unitName, sameUnit, similarity: Math.round(similarity * 100) / 100, score: similarity + (sameUnit ? 0.3 : 0) });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-CN'));
  return scored.slice(0, options.limit ?? 5).map(({ score: _s, ...c }) => c);
}

// ---------------------------------------------------------------------------------------------------
// Reading the file

const BLANK_MONEY = /^([/\\\-—－–]+|无)?$/;
/** Above this a 万元 amount (50 亿) is more likely 元 in a 万元 column. */
const SUSPICIOUS_WAN_YUAN_FEN = 500_000 * 1_000_000;
/** 执行数 above this multiple of 调整后预算数 is worth a look (execution above budget does happen). */
const EXECUTION_OVER_BUDGET_FACTOR = 3;

interface Analysis {
  preview: ExecutionImportPreview;
  /** Manual matches of clean rows, to remember on commit. */
  remember: { unitName: string; projectName: string; projectId: number }[];
  /** The year's remembered matches by key. */
  remembered: Map<string, typeof executionMatches.$inferSelect>;
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
  const remembered = new Map(
    ctx.ledger.db
      .select()
      .from(executionMatches)
      .where(eq(executionMatches.year, round.year))
      .all()
      .map((m) => [matchKey(m.unitName, m.projectName), m]),
  );
  const analysis: Analysis = { preview, remember: [], remembered };

  const book = readWorkbook(input.bytes, input.fileName);
  const table = findTable(book, EXECUTION_COLUMNS);
  const sourceFor = (sheet: string | null): IssueSource => ({ fileName: input.fileName, sheet: book.format === 'text' ? null : sheet });
  const typical = '“单位名称”“项目名称”“执行数”';
  if (!table.ok) {
    const source = sourceFor(table.sheet);
    preview.errors.push(...missingColumnIssues(table, source, '预算执行数据表（预算管理一体化平台导出的执行表）', typical));
    Object.assign(preview, { sheet: source.sheet, headerRow: table.headerRow, columns: table.found.map(columnView) });
    return finish(analysis);
  }
  const source = sourceFor(table.sheet);
  const col = table.columns as Partial<Record<Key, FoundColumn>>;
  Object.assign(preview, {
    sheet: source.sheet,
    headerRow: table.headerRow,
    headerRowCount: table.headerRowCount,
    skipped: table.skipped,
    blankRows: table.blankRows,
    dataRows: table.rows.length,
  });
  if (!col.adjustedBudget && !col.initialBudget) {
    const adjustedSpec = EXECUTION_COLUMNS.find((c) => c.key === 'adjustedBudget')!;
    const notFound: TableNotFound = { ok: false, sheet: table.sheet, headerRow: table.headerRow, found: Object.values(table.columns), missing: [adjustedSpec] };
    preview.errors.push(
      ...missingColumnIssues(notFound, source, '预算执行数据表', typical).map((i) => ({ ...i, message: `${i.message}只有“年初预算数”列的表也可导入（以年初预算数作为调整后预算数）。` })),
    );
    preview.columns = Object.values(table.columns).sort((a, b) => a.index - b.index).map(columnView);
    return finish(analysis);
  }

  // Money units: each column its own; a column that names none follows the others before the 万元 default.
  const units = resolveUnits(col);
  preview.columns = Object.values(table.columns)
    .sort((a, b) => a.index - b.index)
    .map((c) => ({ ...columnView(c), moneyUnit: (units[c.key as MoneyKey]?.unit ?? null) as MoneyUnit | null }));
  const executedCol = col.executed!;
  const executedUnit = units.executed!;
  preview.moneyUnit = executedUnit.unit;
  preview.moneyUnitSource = executedUnit.source;
  preview.moneyUnitNote = unitNote(executedCol, executedUnit, units);
  if (executedUnit.source === 'default') preview.warnings.push(cellIssue(source, table.headerRow, executedCol, null, preview.moneyUnitNote));
  const warn = (row: number | null, key: Key | null, value: string | null, problem: string) => preview.warnings.push(cellIssue(source, row, key ? (col[key] ?? null) : null, value, problem));

  // The round's month against the month the header names ("1-4月执行数" in a 5月 round).
  const months = [...executedCol.header.normalize('NFKC').replace(/^.*\//, '').matchAll(/(?:^|\D)(\d{1,2})\s*月/g)].map((m) => Number(m[1]));
  const headerMonth = months[months.length - 1];
  if (headerMonth !== undefined && headerMonth >= 1 && headerMonth <= 12 && headerMonth !== round.asOfMonth) {
    warn(table.headerRow, 'executed', null, `执行数列是截至 ${headerMonth} 月的数据，而“${round.name}”截至 ${round.asOfMonth} 月。请确认选择的是该轮次对应月份的执行表。`);
  }
  if (!col.adjustedBudget) {
    warn(table.headerRow, 'initialBudget', null, '表中没有“调整后预算数”（或“全年预算数”）列，以年初预算数作为调整后预算数导入。如预算已调整，请导出含调整后预算数的执行表。');
  }

  // What the ledger already has.
  const yearProjects = listProjects(ctx, { year: round.year });
  const byId = new Map(yearProjects.map((p) => [p.id, p]));
  const byCode = new Map<string, ProjectRow>();
  const byUnitName = new Map<string, ProjectRow>();
  for (const p of yearProjects) {
    if (p.code) byCode.set(codeKey(p.code), p);
    const key = matchKey(p.unitName, p.name);
    if (!byUnitName.has(key)) byUnitName.set(key, p);
  }
  const records = new Map(
    ctx.ledger.db
      .select()
      .from(executionRecords)
      .where(eq(executionRecords.roundId, round.id))
      .all()
      .map((r) => [r.projectId, r]),
  );

  // Hand matches: the project must be the year's; the row is checked once the rows are read.
  const manual = new Map<number, number>();
  for (const m of input.manualMatches ?? []) {
    const p = byId.get(m.projectId);
    if (!p) throw new LedgerError('invalid_input', `手动对应的项目（编号 ${m.projectId}）不是 ${round.year} 年度的项目。请刷新后重新选择。`);
    manual.set(m.row, m.projectId);
  }
  const manualUsed = new Set<number>();

  const claimed = new Map<number, number>(); // projectId → first row
  const unmatchedRows: (WrittenProject & ExecutionAmounts)[] = [];

  for (const { rowNumber: row, cells } of table.rows) {
    const rowErrors: ImportIssue[] = [];
    const bad = (key: Key, value: CellValue | undefined, problem: string) => rowErrors.push(cellIssue(source, row, col[key] ?? null, cellText(value) || null, problem));
    const nameText = (key: Key) => cellText(cells[key]).replace(/\s*\n\s*/g, '').trim();
    const written: WrittenProject = { row, unitName: nameText('unit'), name: nameText('name'), code: col.code ? cellText(cells.code).normalize('NFKC').trim() || null : null };

    if (!written.name && !written.code) bad('name', cells.name, '没有项目名称，也没有项目代码，无法对应到项目。请补上项目名称。');

    // Amounts.
    const money = (key: MoneyKey): { fen: number | null; blank: boolean; ok: boolean } => {
      const c = col[key];
      if (!c) return { fen: null, blank: true, ok: true };
      const cell = cells[key] ?? null;
      const text = cellText(cell);
      if (typeof cell !== 'number' && BLANK_MONEY.test(text.replace(/\s+/g, ''))) return { fen: null, blank: true, ok: true };
      const unit = units[key]!.unit;
      const parsed = parseMoney(typeof cell === 'number' ? cell : text, unit);
      if (!parsed.ok) {
        const what = parsed.reason.startsWith('“') ? parsed.reason : `“${text}”${parsed.reason}`;
        bad(key, cell, `${what}。请填写以${unit}为单位的金额，如 12.50（不要写公式、文字或负数）。`);
        return { fen: null, blank: false, ok: false };
      }
      if (parsed.fen > SUSPICIOUS_WAN_YUAN_FEN) warn(row, key, text, `${MONEY_LABELS[key]} ${formatWanYuan(parsed.fen)} 万元异常大，请确认金额单位是否应为元。`);
      return { fen: parsed.fen, blank: false, ok: true };
    };
    const initial = money('initialBudget');
    const adjustedRead = money('adjustedBudget');
    const executedRead = money('executed');
    const expected = money('expectedFullYear');

    let adjusted: number | null = adjustedRead.fen;
    if (col.adjustedBudget && adjustedRead.blank) {
      if (initial.fen != null) {
        adjusted = initial.fen;
        warn(row, 'adjustedBudget', null, `调整后预算数为空，按年初预算数 ${formatWanYuan(initial.fen)} 万元导入。`);
      } else {
        bad('adjustedBudget', cells.adjustedBudget, '没有填写调整后预算数。请填写该项目的全年预算（调整后预算数），没有预算的填 0。');
      }
    } else if (!col.adjustedBudget) {
      adjusted = initial.fen;
      if (initial.blank) bad('initialBudget', cells.initialBudget, '年初预算数为空，表中又没有调整后预算数列，无法得到该项目的预算数。请填写预算数（没有的填 0）。');
    }
    let executed = executedRead.fen;
    if (executedRead.blank) {
      executed = 0;
      warn(row, 'executed', cellText(cells.executed) || null, '执行数为空，按 0 导入。');
    }
    if (adjusted != null && executed != null) {
      if (adjusted === 0 && executed > 0) {
        warn(row, 'executed', cellText(cells.executed), `调整后预算数为 0，执行数却有 ${formatWanYuan(executed)} 万元，执行率无法计算。请核对。`);
      } else if (adjusted > 0 && executed > adjusted * EXECUTION_OVER_BUDGET_FACTOR) {
        warn(row, 'executed', cellText(cells.executed), `执行数 ${formatWanYuan(executed)} 万元超过调整后预算数 ${formatWanYuan(adjusted)} 万元的 ${EXECUTION_OVER_BUDGET_FACTOR} 倍。请核对金额和金额单位。`);
      }
    }
    if (expected.fen != null && executed != null && expected.fen < executed) {
      warn(row, 'expectedFullYear', cellText(cells.expectedFullYear), `全年预计执行数 ${formatWanYuan(expected.fen)} 万元小于已执行的 ${formatWanYuan(executed)} 万元。请核对。`);
    }

    // Matching: code, unit and name, a hand match (this import), a remembered one (earlier imports).
    let project: ProjectRow | undefined;
    let by: MatchedBy | null = null;
    if (written.code && byCode.has(codeKey(written.code))) {
      project = byCode.get(codeKey(written.code));
      by = 'code';
    } else if (written.name && byUnitName.has(matchKey(written.unitName, written.name))) {
      project = byUnitName.get(matchKey(written.unitName, written.name));
      by = 'unitName';
    }
    const hand = manual.get(row);
    if (hand !== undefined) {
      manualUsed.add(row);
      if (project) {
        throw new LedgerError(
          'invalid_input',
          `${input.fileName} 第 ${row} 行已按${by === 'code' ? '项目代码' : '单位和项目名称'}对应到“${project.name}”，不能再手动对应。如对应有误，请更正文件中的${by === 'code' ? '项目代码' : '单位或项目名称'}。`,
        );
      }
      project = byId.get(hand);
      by = 'manual';
    }
    if (!project && written.name) {
      const memory = remembered.get(matchKey(written.unitName, written.name));
      if (memory) {
        project = byId.get(memory.projectId);
        by = project ? 'remembered' : null;
      }
    }
    if (project && by) {
      const first = claimed.get(project.id);
      if (first !== undefined) {
        bad('name', cells.name, `与第 ${first} 行对应的是同一个项目“${project.name}”（${project.unitName}）。同一项目在执行表中只能有一行，请删除重复行或更正项目代码、名称。`);
      } else {
        claimed.set(project.id, row);
      }
      if (by === 'code' && written.name && nameKey(written.name) !== nameKey(project.name)) {
        warn(row, 'name', written.name, `按项目代码 ${written.code} 对应到台账中的“${project.name}”（${project.unitName}），但表中的项目名称是“${written.name}”。请确认是同一个项目。`);
      }
      if (by === 'unitName' && written.code && project.code && codeKey(written.code) !== codeKey(project.code)) {
        warn(row, 'code', written.code, `按单位和项目名称对应到“${project.name}”，但台账中的项目代码是 ${project.code}。请确认是同一个项目。`);
      }
      if (initial.fen != null && initial.fen !== project.initialBudgetFen) {
        warn(row, 'initialBudget', cellText(cells.initialBudget), `年初预算数 ${formatWanYuan(initial.fen)} 万元与台账中该项目的年初预算数 ${formatWanYuan(project.initialBudgetFen)} 万元不一致。执行数据按表中金额导入；如台账有误，请在“项目”中更正。`);
      }
    }

    if (rowErrors.length > 0 || !initial.ok || !executedRead.ok || !expected.ok || !adjustedRead.ok || adjusted == null || executed == null) {
      preview.errors.push(...rowErrors);
      preview.rejected.push({ ...written, reasons: rowErrors.map((e) => e.message) });
      continue;
    }
    const amounts: ExecutionAmounts = { initialBudgetFen: initial.fen, adjustedBudgetFen: adjusted, executedFen: executed, expectedFullYearFen: expected.fen };
    preview.totals.adjustedBudgetFen += adjusted;
    preview.totals.executedFen += executed;
    if (!project || !by) {
      unmatchedRows.push({ ...written, ...amounts });
      continue;
    }
    if (by === 'manual') analysis.remember.push({ unitName: written.unitName, projectName: written.name, projectId: project.id });
    const changes = diff(records.get(project.id) ?? null, amounts);
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

  const stray = [...manual.keys()].filter((r) => !manualUsed.has(r));
  if (stray.length) throw new LedgerError('invalid_input', `手动对应的第 ${stray.join('、')} 行不是 ${input.fileName} 中的数据行。请重新预览后再对应。`);

  const exclude = new Set(claimed.keys());
  preview.unmatched = unmatchedRows.map((r) => ({ ...r, candidates: matchCandidates(yearProjects, r, { exclude }) }));
  preview.notInFile = [...records.values()]
    .filter((r) => !claimed.has(r.projectId))
    .map((r) => ({ projectId: r.projectId, projectName: byId.get(r.projectId)?.name ?? '', unitName: byId.get(r.projectId)?.unitName ?? '', executedFen: r.executedFen }));
  if (table.rows.length === 0) warn(table.headerRow, null, null, '表头下面没有读到任何项目行。请确认选择的是执行数据表。');
  checkTotals(table.skipped, col, units, preview, source);
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

function columnView(c: FoundColumn): ExecutionImportPreview['columns'][number] {
  return { key: c.key, label: c.label, letter: c.letter, header: c.header, moneyUnit: c.moneyUnit };
}

type UnitChoice = { unit: MoneyUnit; source: NonNullable<ExecutionImportPreview['moneyUnitSource']> };

function resolveUnits(col: Partial<Record<Key, FoundColumn>>): Partial<Record<MoneyKey, UnitChoice>> {
  const stated = MONEY_KEYS.map((k) => col[k]).find((c) => c && c.moneyUnitSource !== 'default' && c.moneyUnit);
  const out: Partial<Record<MoneyKey, UnitChoice>> = {};
  for (const k of MONEY_KEYS) {
    const c = col[k];
    if (!c) continue;
    if (c.moneyUnitSource === 'default' && stated) out[k] = { unit: stated.moneyUnit!, source: 'otherColumn' };
    else out[k] = { unit: c.moneyUnit ?? '万元', source: c.moneyUnitSource ?? 'default' };
  }
  return out;
}

function unitNote(executedCol: FoundColumn, chosen: UnitChoice, units: Partial<Record<MoneyKey, UnitChoice>>): string {
  const base =
    chosen.source === 'header'
      ? `金额单位取自表头“${executedCol.header}”：${chosen.unit}。`
      : chosen.source === 'note'
        ? `金额单位取自表格上方的说明：${chosen.unit}。`
        : chosen.source === 'otherColumn'
          ? `执行数列的表头没有写金额单位，按其他金额列的单位：${chosen.unit}。`
          : `表头和表格上方都没有写金额单位，金额按万元导入。如果表中金额是元，请把表头改为“${executedCol.header}（元）”后重新导入。`;
  const others = MONEY_KEYS.filter((k) => units[k] && units[k]!.unit !== chosen.unit);
  return others.length ? `${base}其中${others.map((k) => `${MONEY_LABELS[k]}按${units[k]!.unit}`).join('、')}。` : base;
}

/** A 合计/总计 row is not imported; if it disagrees with the rows read, the clerk should know. */
function checkTotals(skipped: SkippedRow[], col: Partial<Record<Key, FoundColumn>>, units: Partial<Record<MoneyKey, UnitChoice>>, preview: ExecutionImportPreview, source: IssueSource): void {
  if (preview.errors.length > 0) return;
  const sums: Partial<Record<MoneyKey, number>> = { executed: preview.totals.executedFen, ...(col.adjustedBudget ? { adjustedBudget: preview.totals.adjustedBudgetFen } : {}) };
  for (const s of skipped) {
    if (s.kind !== 'total') continue;
    for (const [key, sum] of Object.entries(sums) as [MoneyKey, number][]) {
      const value = s.cells[key];
      if (value == null || cellText(value) === '') continue;
      const parsed = parseMoney(value, units[key]!.unit);
      if (parsed.ok && parsed.fen !== sum) {
        preview.warnings.push(
          cellIssue(source, s.rowNumber, col[key]!, cellText(value), `合计行的${MONEY_LABELS[key]} ${formatWanYuan(parsed.fen)} 万元与各项目之和 ${formatWanYuan(sum)} 万元不一致。合计行不导入，以各项目为准，请核对。`),
        );
      }
    }
  }
}

function diff(before: typeof executionRecords.$inferSelect | null, after: ExecutionAmounts): ExecutionFieldChange[] {
  if (!before) return [];
  const pairs: [MoneyKey, number | null, number | null][] = [
    ['initialBudget', before.initialBudgetFen, after.initialBudgetFen],
    ['adjustedBudget', before.adjustedBudgetFen, after.adjustedBudgetFen],
    ['executed', before.executedFen, after.executedFen],
    ['expectedFullYear', before.expectedFullYearFen, after.expectedFullYearFen],
  ];
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([field, a, b]) => ({ field, label: `${MONEY_LABELS[field]}（万元）`, beforeFen: a, afterFen: b, before: showFen(a), after: showFen(b) }));
}

/** 万元 with two decimals, and the exact figure when it has finer 分 (so a 1-分 change is visible). */
function showFen(fen: number | null): string {
  if (fen == null) return '（空）';
  const shown = formatWanYuan(fen);
  return fen % 10_000 === 0 ? shown : `${shown}（${fenToWanYuanInput(fen)}）`;
}

function unmatchedIssue(fileName: string, rows: ExecutionUnmatchedRow[]): ImportIssue {
  const shown = rows.slice(0, 20).map((r) => `第 ${r.row} 行（${r.unitName || '未填单位'}·${r.name || r.code}）`);
  const more = rows.length > 20 ? ` 等` : '';
  return {
    row: null,
    column: null,
    header: null,
    value: null,
    message: `${fileName}：有 ${rows.length} 行未对应到台账中的项目：${shown.join('、')}${more}。这些行必须在预览中逐行手动选择对应的项目（程序会记住，下次自动对应），或在文件中更正单位名称、项目名称或项目代码后重新导入。`,
  };
}

// ---------------------------------------------------------------------------------------------------
// Keys and similarity

/** Names compared without spaces and with full-width forms folded ("（" = "("). */
function nameKey(text: string): string {
  return text.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toLowerCase();
}

/** A unit name as above, without a leading unit code ("101001 轮台县教育局", "[101001]轮台县教育局"). */
function unitKey(text: string): string {
  return nameKey(text).replace(/^[\[(【]?[0-9a-z]{3,}[\])】]?[-_:.、]*(?=[\u4e00-\u9fff])/, '');
}

function codeKey(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function matchKey(unitName: string, projectName: string): string {
  return `${unitKey(unitName)}\u0000${nameKey(projectName)}`;
}

/** Dice coefficient over character pairs; 0.8 at least when one name contains the other. */
function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const pairs = (s: string) => {
    const m = new Map<string, number>();
    if (s.length === 1) m.set(s, 1);
    for (let i = 0; i + 1 < s.length; i++) m.set(s.slice(i, i + 2), (m.get(s.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let shared = 0;
  for (const [k, n] of pa) shared += Math.min(n, pb.get(k) ?? 0);
  const total = [...pa.values()].reduce((s, n) => s + n, 0) + [...pb.values()].reduce((s, n) => s + n, 0);
  const dice = total ? (2 * shared) / total : 0;
  const contains = Math.min(a.length, b.length) >= 2 && (a.includes(b) || b.includes(a));
  return contains ? Math.max(dice, 0.8) : dice;
}
