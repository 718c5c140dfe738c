/**
 * The kinds of file a folder of units' submissions holds, for 从U盘导入: how each is recognised and how
 * each goes through its own importer. A kind is recognised by the 台账识别码 its importer reads, else by
 * the importer's own header finder — never by the file's name. Header finders are tried in the order of
 * KINDS, the narrower first: a self-evaluation's table (三级指标, 实际完成值) would pass for a monitoring
 * form's, a monitoring form's (二级指标, 三级指标, 年度指标值) and an indicator library's for a
 * declaration's, and a project list or execution export names 项目名称 as a party's review table does.
 */
import { eq, inArray } from 'drizzle-orm';
import { budgetUnits, performanceTargets } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import { findTable } from '../formats/findTable';
import { findColumnsRow, findMarker } from '../formats/formSheet';
import type { ImportIssue } from '../formats/importIssue';
import type { WorkbookGrid } from '../formats/readWorkbook';
import type { ServiceContext } from '../ledger/context';
import { commitIndicatorImport, INDICATOR_COLUMNS, previewIndicatorImport } from '../indicators/indicatorExchange';
import {
  EXPERT_SHEET_COLUMNS,
  EXPERT_SHEET_ID,
  commitExpertScoreSheetImport,
  previewExpertScoreSheetImport,
} from '../keyEvaluations/expertScoreSheet';
import { getKeyEvaluation } from '../keyEvaluations/keyEvaluations';
import { EXECUTION_COLUMNS } from '../monitoring/executionColumns';
import { requireRound } from '../monitoring/monitoringRounds';
import { INDICATOR_TABLE, MONITORING_ID, MONITORING_ID_ROWS } from '../monitoring/monitoringSheetLayout';
import { commitMonitoringImport, previewMonitoringImport } from '../monitoring/monitoringTemplateImport';
import { commitProjectImport, previewProjectImport } from '../projects/projectImport';
import { PROJECT_COLUMNS } from '../projects/projectRows';
import { looksLikeDeclaration } from '../review/declarationReview';
import { readSelfEvaluationSheet } from '../review/selfEvaluationSheet';
import { looksLikeSelfEvaluation } from '../review/selfEvaluationReview';
import { commitSelfEvaluationImport, previewSelfEvaluationImport } from '../selfEvaluations/selfEvaluationImport';
import { SELF_EVALUATION_ID } from '../selfEvaluations/selfEvaluationTemplate';
import { TEMPLATE_ID } from '../targets/declarationId';
import { REVIEW_ID } from '../targets/reviewSheetExport';
import { commitReviewSheetImport, previewReviewSheetImport } from '../targets/reviewSheet';
import { commitTargetImport, previewTargetImport } from '../targets/targetImport';

export interface FolderFileIssue {
  message: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
}

/** What a kind's importer says about one file, in the folder preview's terms. */
export interface KindPreview {
  canCommit: boolean;
  /** Committing would write something. */
  writes: boolean;
  /** 预算单位 / 实施单位 the file concerns. */
  units: string[];
  sheets: number;
  rows: number;
  errors: FolderFileIssue[];
  warnings: FolderFileIssue[];
  /** What committing would change, one line each. */
  changes: string[];
}

export interface SubmittedFile {
  year: number;
  fileName: string;
  bytes: Uint8Array;
}

/** The file as recognised: its workbook, and the 台账识别码 found (null when recognised by its headers). */
export interface Recognised {
  book: WorkbookGrid;
  marker: RegExpExecArray | null;
}

interface KindBase {
  label: string;
  /** The 台账识别码 the importer reads, and how many top rows it searches. */
  marker?: { pattern: RegExp; rows?: number };
  /** The importer's own finder of its table, for a file without a 台账识别码. */
  byHeaders(ctx: ServiceContext, book: WorkbookGrid, file: SubmittedFile): boolean;
}

/** A kind imported here, through its importer. */
export interface ImportedKind extends KindBase {
  /** Throws LedgerError (zh-CN) when the file cannot even be previewed (another year, no 台账识别码). */
  preview(ctx: ServiceContext, file: SubmittedFile, found: Recognised): KindPreview;
  /** Its importer's commit: all or nothing, throws ImportRejected. */
  commit(ctx: ServiceContext, file: SubmittedFile, found: Recognised): void;
}

/** A kind that needs a choice only its own screen offers: why, and where to import it. */
export interface ElsewhereKind extends KindBase {
  elsewhere: string;
}

export type FolderFileKind = ImportedKind | ElsewhereKind;

/** In header-detection order (see the file comment). */
export const KINDS = {
  selfEvaluations: {
    label: '单位自评表',
    marker: { pattern: SELF_EVALUATION_ID },
    byHeaders: (_ctx, book) => looksLikeSelfEvaluation(book),
    preview(ctx, file, found) {
      const p = previewSelfEvaluationImport(ctx, file);
      const changed = p.sheets.filter((s) => s.ok && (s.changes.length > 0 || s.afterStatusLabel !== s.statusLabel)).length;
      const findings = p.sheets.flatMap((s) => s.findings);
      return {
        errors: p.errors.map(issueOf),
        // What the check found never blocks the import: the bureau returns the form with it.
        warnings: [...p.warnings, ...findings].map(issueOf),
        canCommit: p.canCommit,
        writes: changed > 0,
        units: distinct(p.sheets.map((s) => s.unitName)),
        sheets: p.sheets.length,
        rows: sum(found.book.sheets.map((s) => readSelfEvaluationSheet(s)?.indicators.length ?? 0)),
        changes: counted([[changed, `保存 ${changed} 张自评表`]]),
      };
    },
    commit(ctx, file) {
      commitSelfEvaluationImport(ctx, file);
    },
  },
  monitoringForms: {
    label: '绩效监控表',
    marker: { pattern: MONITORING_ID, rows: MONITORING_ID_ROWS },
    byHeaders: (_ctx, book) => findTable(book, INDICATOR_TABLE).ok,
    preview(ctx, file, found) {
      const round = monitoringRound(ctx, file, found);
      const p = previewMonitoringImport(ctx, { roundId: round.id, fileName: file.fileName, bytes: file.bytes });
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.toSave > 0,
        units: unitsOfTargets(
          ctx,
          p.sheets.map((s) => s.targetId),
        ),
        sheets: p.sheets.length,
        rows: sum(p.sheets.map((s) => s.rows)),
        changes: counted([[p.toSave, `保存 ${p.toSave} 张监控表（${round.year} 年度“${round.name}”）`]]),
      };
    },
    commit(ctx, file, found) {
      commitMonitoringImport(ctx, { roundId: monitoringRound(ctx, file, found).id, fileName: file.fileName, bytes: file.bytes });
    },
  },
  expertScores: {
    label: '专家评分表',
    marker: { pattern: EXPERT_SHEET_ID },
    byHeaders: (_ctx, book) => book.sheets.some((s) => findColumnsRow(s, EXPERT_SHEET_COLUMNS, ['name', 'score'], 40) !== null),
    preview(ctx, file, found) {
      const view = evaluationOf(ctx, file, found);
      const p = previewExpertScoreSheetImport(ctx, { id: view.id, fileName: file.fileName, bytes: file.bytes });
      const scores = sum(p.sheets.map((s) => s.toRecord));
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.toRecord > 0,
        units: [view.unitName],
        sheets: p.sheets.length,
        rows: sum(p.sheets.map((s) => s.rows)),
        changes: counted([[p.toRecord, `记录 ${p.toRecord} 位专家对“${view.name}”的评分（共 ${scores} 项得分）`]]),
      };
    },
    commit(ctx, file, found) {
      commitExpertScoreSheetImport(ctx, { id: evaluationOf(ctx, file, found).id, fileName: file.fileName, bytes: file.bytes });
    },
  },
  indicators: {
    label: '共性指标库',
    byHeaders: (_ctx, book) => findTable(book, INDICATOR_COLUMNS).ok,
    preview(ctx, file) {
      const p = previewIndicatorImport(ctx, file);
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.classesToCreate.length + p.toCreate.length + p.toUpdate.length > 0,
        units: [],
        sheets: p.sheets.length,
        rows: p.dataRows,
        changes: counted([
          [p.classesToCreate.length, `新增 ${p.classesToCreate.length} 个指标类别`],
          [p.toCreate.length, `新增 ${p.toCreate.length} 条共性指标`],
          [p.toUpdate.length, `修改 ${p.toUpdate.length} 条共性指标`],
        ]),
      };
    },
    commit(ctx, file) {
      commitIndicatorImport(ctx, file);
    },
  },
  targets: {
    label: '绩效目标申报表',
    marker: { pattern: TEMPLATE_ID },
    byHeaders: (_ctx, book) => looksLikeDeclaration(book),
    preview(ctx, file) {
      const p = previewTargetImport(ctx, file);
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.toCreate + p.toUpdate > 0,
        units: distinct(p.sheets.map((s) => s.unitName)),
        sheets: p.sheets.length,
        rows: sum(p.sheets.map((s) => s.indicatorCount)),
        changes: counted([
          [p.toCreate, `新增 ${p.toCreate} 个绩效目标`],
          [p.toUpdate, `修改 ${p.toUpdate} 个绩效目标`],
        ]),
      };
    },
    commit(ctx, file) {
      commitTargetImport(ctx, file);
    },
  },
  projects: {
    label: '项目清单',
    byHeaders: (_ctx, book) => findTable(book, PROJECT_COLUMNS).ok,
    preview(ctx, file) {
      const p = previewProjectImport(ctx, file);
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.projectTypesToCreate.length + p.unitsToCreate.length + p.projectsToCreate.length + p.projectsToUpdate.length > 0,
        units: distinct([...p.projectsToCreate, ...p.projectsToUpdate, ...p.unchanged].map((r) => r.unitName)),
        sheets: p.headerRow === null ? 0 : 1,
        rows: p.dataRows,
        changes: counted([
          [p.unitsToCreate.length, `新增 ${p.unitsToCreate.length} 个预算单位`],
          [p.projectTypesToCreate.length, `新增 ${p.projectTypesToCreate.length} 个项目类型`],
          [p.projectsToCreate.length, `新增 ${p.projectsToCreate.length} 个项目`],
          [p.projectsToUpdate.length, `修改 ${p.projectsToUpdate.length} 个项目`],
        ]),
      };
    },
    commit(ctx, file) {
      commitProjectImport(ctx, file);
    },
  },
  execution: {
    label: '执行数据',
    byHeaders: (_ctx, book) => findTable(book, EXECUTION_COLUMNS).ok,
    elsewhere:
      '执行数据要记入某一轮监控，并可能需要确认金额单位、手工对应项目，不随文件夹一起导入。请在“绩效监控”中选择轮次后点“导入执行数据”（命令行：import execution --round 轮次）。',
  },
  reviewSheet: {
    label: '会审意见表',
    marker: { pattern: REVIEW_ID },
    // The importer's own reading decides: it sets aside every sheet that is neither a party's table nor an opinion sheet.
    byHeaders: (ctx, book, file) => previewReviewSheetImport(ctx, file).ignoredSheets.length < book.sheets.length,
    preview(ctx, file) {
      const p = previewReviewSheetImport(ctx, file);
      return {
        ...issues(p),
        canCommit: p.canCommit,
        writes: p.toRecord > 0,
        units: unitsOfTargets(
          ctx,
          p.sheets.map((s) => s.targetId),
        ),
        sheets: new Set(p.sheets.map((s) => s.sheet)).size,
        rows: p.sheets.length,
        changes: counted([[p.toRecord, `记录 ${p.toRecord} 条会审意见`]]),
      };
    },
    commit(ctx, file) {
      commitReviewSheetImport(ctx, file);
    },
  },
} satisfies Record<string, FolderFileKind>;

export type KindKey = keyof typeof KINDS;

/** The file's kind: a 台账识别码 anywhere in the workbook first, then the header finders in order. */
export function recogniseKind(ctx: ServiceContext, book: WorkbookGrid, file: SubmittedFile): { kind: KindKey; found: Recognised } | null {
  const kinds = Object.entries(KINDS) as [KindKey, FolderFileKind][];
  for (const sheet of book.sheets)
    for (const [kind, k] of kinds) {
      const m = k.marker && findMarker(sheet, k.marker.pattern, k.marker.rows);
      if (m) return { kind, found: { book, marker: m.match } };
    }
  for (const [kind, k] of kinds) if (k.byHeaders(ctx, book, file)) return { kind, found: { book, marker: null } };
  return null;
}

// ---------------------------------------------------------------------------------------------------

/** The round a monitoring form's code names; it must be of the year being imported. */
function monitoringRound(ctx: ServiceContext, file: SubmittedFile, found: Recognised) {
  if (!found.marker)
    throw new LedgerError(
      'no_marker',
      '这是绩效监控表，但找不到“台账识别码”（形如 JXTZ-监控-R1-T12），无法确定是哪一轮、哪个绩效目标的监控表。请让单位使用台账导出的监控表填写。',
    );
  const round = requireRound(ctx, Number(found.marker[1]));
  sameYear(`这张监控表属于 ${round.year} 年度“${round.name}”`, round.year, file.year);
  return round;
}

/** The evaluation an expert score sheet's code names; it must be of the year being imported. */
function evaluationOf(ctx: ServiceContext, file: SubmittedFile, found: Recognised) {
  if (!found.marker)
    throw new LedgerError(
      'no_marker',
      '像是专家评分表，但找不到“台账识别码”（形如 JXTZ-评分-E1-X2），无法确定是哪项评价、哪位专家的评分表。请使用台账导出的专家评分表；单位自制的评分表请用“表格审核”审核。',
    );
  const view = getKeyEvaluation(ctx, { id: Number(found.marker[1]) });
  sameYear(`这张评分表属于 ${view.year} 年度“${view.name}”的评价`, view.year, file.year);
  return view;
}

function sameYear(what: string, its: number, year: number): void {
  if (its !== year) throw new LedgerError('other_year', `${what}，不是正在导入的 ${year} 年度。请在导入 ${its} 年度的文件时导入它。`);
}

function unitsOfTargets(ctx: ServiceContext, ids: (number | null)[]): string[] {
  const wanted = [...new Set(ids.filter((id): id is number => id !== null))];
  if (wanted.length === 0) return [];
  const rows = ctx.ledger.db
    .selectDistinct({ name: budgetUnits.name })
    .from(performanceTargets)
    .innerJoin(budgetUnits, eq(budgetUnits.id, performanceTargets.unitId))
    .where(inArray(performanceTargets.id, wanted))
    .all();
  return rows.map((r) => r.name);
}

function issueOf(i: Pick<ImportIssue, 'message' | 'row' | 'column'> & { sheet?: string | null }): FolderFileIssue {
  return { message: i.message, sheet: i.sheet ?? null, row: i.row, column: i.column };
}

function issues(p: { errors: ImportIssue[]; warnings: ImportIssue[] }): Pick<KindPreview, 'errors' | 'warnings'> {
  return { errors: p.errors.map(issueOf), warnings: p.warnings.map(issueOf) };
}

/** The lines whose count is not zero. */
function counted(lines: [number, string][]): string[] {
  return lines.filter(([n]) => n > 0).map(([, text]) => text);
}

function distinct(names: (string | null)[]): string[] {
  return [...new Set(names.filter((n): n is string => !!n))];
}

const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);
