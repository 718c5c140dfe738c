/**
 * 专家评分表: the workbook the experts of a 重点绩效评价 fill — one sheet per expert, each with the
 * evaluation, the expert, a 台账识别码 naming both, and the framework's 三级 indicators (一级, 二级,
 * 分值, 评分标准 shown) with 得分 and 得分依据 to fill, pre-filled with what the ledger already holds.
 * Only the input cells are unlocked.
 *
 * Reading it back: each sheet is matched by its code (a sheet of another evaluation is refused), each
 * row by its 三级指标 name (by row order when a name was retyped); a score must be a number within
 * 0–分值 with at most two decimals, "/" or blank meaning not scored. A 小计/合计 row added to the sheet,
 * and a 一级/二级 retyped with its weight, is checked against its rows (expertSheetRows.ts), never
 * recorded. Every problem is reported at its sheet, row and column. The sheets are recorded through
 * recordScores, all in one transaction, or none; a workbook that changes nothing writes nothing.
 *
 * Trust: `bytes` is a file the user picked; bounded by readWorkbook.
 */
import { findColumnsRow, findMarker } from '../formats/formSheet';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { keyEvaluations } from '../../db/schema';
import { cellText } from '../formats/findTable';
import { cellIssue, fileIssue, ImportRejected, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { columnLetter, readWorkbook, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import {
  addFormSheet,
  decimalValidation,
  fitRowHeight,
  formCell,
  newWorkbook,
  uniqueSheetNames,
  workbookBytes,
} from '../formats/styledWorkbook';
import type { FrameworkIndicator } from '../rules/keyEvaluationScore';
import { formatScore } from '../rules/numberFormat';
import { twoDecimalProblem } from '../rules/decimals';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { expertSheetDiscrepancies, readExpertRows, type ExpertSheetReading } from './expertSheetRows';
import { getKeyEvaluation, type ExpertRow, type KeyEvaluationView } from './keyEvaluations';
import { recordScores } from './keyEvaluationScoring';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear } from '../ledger/years';
import { safeFileName } from '../formats/fileNames';

export interface ExpertScoreSheetExport {
  /** e.g. "2023年耕地轮作补助项目专家评分表.xlsx". */
  fileName: string;
  bytes: Buffer;
  expertCount: number;
  indicatorCount: number;
}

/** 台账识别码 of an expert's sheet: the evaluation and the expert. */
export const EXPERT_SHEET_ID = /JXTZ-评分-E(\d+)-X(\d+)/;
const expertSheetCode = (evaluationId: number, expertId: number) => `JXTZ-评分-E${evaluationId}-X${expertId}`;

/** Where the code is written: row 2, column C. */
export const EXPERT_SHEET_CODE_CELL = { row: 2, col: 3 } as const;

/** Columns A–G: 一级, 二级, 三级指标, 分值, 评分标准, 得分, 得分依据. */
const WIDTHS = [10, 14, 22, 8, 48, 10, 36] as const;
const LAST = WIDTHS.length;
const HEADERS = ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '得分', '得分依据'] as const;
const SCORE_COL = 6;
const BASIS_COL = 7;

/** The headers an import accepts. */
export const EXPERT_SHEET_COLUMNS = {
  level1: ['一级指标', '一级'],
  level2: ['二级指标', '二级'],
  name: ['三级指标', '三级指标名称', '指标名称'],
  points: ['分值', '指标分值', '满分'],
  score: ['得分', '评分', '专家评分', '专家得分'],
  basis: ['得分依据', '评分依据', '扣分理由', '得分理由'],
} as const;
type ColumnKey = keyof typeof EXPERT_SHEET_COLUMNS;

const NOT_SCORED = new Set(['/', '／', '-', '—']);

const NOTES = [
  '填表说明：',
  '1. 浅黄色单元格由评分专家填写：“得分”填 0 至该指标分值之间的数字，最多两位小数；暂不评分的填“/”或留空。',
  '2. “得分依据”请简要写明查阅的资料、核查的情况和扣分理由。',
  '3. 请勿修改台账识别码、指标名称、分值和工作表结构；每位专家一张工作表，填好后交财政局导入台账。',
].join('\n');

/** The evaluation's 专家评分表: one protected sheet per expert. */
export async function exportExpertScoreSheet(ctx: ServiceContext, input: { id: number }): Promise<ExpertScoreSheetExport> {
  const view = getKeyEvaluation(ctx, { id: input.id });
  const indicators = indicatorsOf(view);
  if (indicators.length === 0) throw new LedgerError('evaluation_incomplete', `“${view.name}”尚未设置评价指标体系，无法生成专家评分表。`);
  if (view.experts.length === 0) throw new LedgerError('evaluation_incomplete', `“${view.name}”尚未填写评分专家，无法生成专家评分表。`);
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const names = uniqueSheetNames(view.experts.map((e) => e.name));
  for (const [k, expert] of view.experts.entries()) {
    const sheet = addFormSheet(workbook, { name: names[k]!, widths: WIDTHS, landscape: true });
    let r = 1;
    formCell(sheet, { row: r, col: 1, toCol: LAST }, '重点绩效评价专家评分表', 'title');
    sheet.getRow(r).height = 34;
    r++;
    formCell(sheet, { row: r, col: 1, toCol: 2 }, '台账识别码（请勿修改）', 'id');
    formCell(sheet, { row: r, col: EXPERT_SHEET_CODE_CELL.col, toCol: 4 }, expertSheetCode(view.id, expert.id), 'id');
    formCell(sheet, { row: r, col: 5, toCol: LAST }, `${view.year}年度　分值单位：分`, 'note').alignment = {
      horizontal: 'right',
      vertical: 'middle',
    };
    r++;
    formCell(sheet, { row: r, col: 1, toCol: 2 }, '评价对象', 'label');
    formCell(sheet, { row: r, col: 3, toCol: 5 }, view.name, 'value');
    formCell(sheet, { row: r, col: 6 }, '评分专家', 'label');
    formCell(sheet, { row: r, col: 7 }, expert.name, 'value');
    sheet.getRow(r).height = 24;
    r++;
    formCell(sheet, { row: r, col: 1, toCol: 2 }, '评价单位', 'label');
    formCell(sheet, { row: r, col: 3, toCol: 5 }, view.unitName, 'value');
    formCell(sheet, { row: r, col: 6 }, '评价主体', 'label');
    formCell(sheet, { row: r, col: 7 }, view.evaluatorName ?? view.evaluatorLabel, 'value');
    sheet.getRow(r).height = 24;
    r += 2;
    HEADERS.forEach((h, c) => formCell(sheet, { row: r, col: c + 1 }, h, 'header'));
    sheet.getRow(r).height = 28;
    r++;
    const given = new Map(view.scores.filter((s) => s.expertId === expert.id).map((s) => [s.indicatorCode, s]));
    for (const i of indicators) {
      const s = given.get(i.code);
      formCell(sheet, { row: r, col: 1 }, i.level1, 'value');
      formCell(sheet, { row: r, col: 2 }, i.level2, 'value');
      formCell(sheet, { row: r, col: 3 }, i.name, 'value');
      formCell(sheet, { row: r, col: 4 }, i.points, 'value', 'decimal');
      formCell(sheet, { row: r, col: 5 }, [i.rule, i.formula ? `计算公式：${i.formula}` : ''].filter(Boolean).join('\n'), 'value');
      formCell(sheet, { row: r, col: SCORE_COL }, s?.score ?? null, 'input', 'decimal').protection = { locked: false };
      formCell(sheet, { row: r, col: BASIS_COL }, s?.basis ?? '', 'input').protection = { locked: false };
      sheet.getCell(r, SCORE_COL).dataValidation = decimalValidation(0, i.points, `0–${i.points} 分，暂不评分填“/”`);
      fitRowHeight(sheet, r, i.rule, WIDTHS[4], 30);
      r++;
    }
    r++;
    formCell(sheet, { row: r, col: 1, toCol: LAST }, NOTES, 'note');
    sheet.getRow(r).height = 70;
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  }
  return {
    fileName: safeFileName(`${view.name}专家评分表.xlsx`),
    bytes: await workbookBytes(workbook),
    expertCount: view.experts.length,
    indicatorCount: indicators.length,
  };
}

// ---------------------------------------------------------------------------------------------------
// In

export interface ExpertScoreImportInput {
  /** The evaluation being imported into; a sheet of another evaluation is refused. */
  id: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface ExpertScoreSheetIssue extends ImportIssue {
  sheet: string | null;
}

export interface ExpertSheetPlan {
  sheet: string;
  action: 'record' | 'unchanged' | 'error';
  expertId: number | null;
  expert: string | null;
  /** Indicator rows read. */
  rows: number;
  /** Rows with a score. */
  scored: number;
  /** Indicators whose score or basis changes. */
  toRecord: number;
}

export interface ExpertScoreImportPreview {
  kind: 'expertScores';
  fileName: string;
  evaluation: { id: number; name: string; year: number };
  sheets: ExpertSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  /** Sheets that record something, and sheets the same as the ledger. */
  toRecord: number;
  unchanged: number;
  errors: ExpertScoreSheetIssue[];
  warnings: ExpertScoreSheetIssue[];
  canCommit: boolean;
}

export interface ExpertScoreImportResult {
  preview: ExpertScoreImportPreview;
  /** Sheets recorded and the indicator scores written. */
  recorded: number;
  scores: number;
  unchanged: number;
  view: KeyEvaluationView;
}

interface ScoreInput {
  indicatorCode: string;
  score: number | null;
  basis: string;
}

interface ReadSheet {
  plan: ExpertSheetPlan;
  scores: ScoreInput[];
}

type Indicator = FrameworkIndicator & { level1: string; level2: string };

export function previewExpertScoreSheetImport(ctx: ServiceContext, input: ExpertScoreImportInput): ExpertScoreImportPreview {
  return analyse(ctx, input).preview;
}

/** Records every changed sheet through recordScores, in one transaction; refuses the lot on any error. */
export function commitExpertScoreSheetImport(ctx: ServiceContext, input: ExpertScoreImportInput): ExpertScoreImportResult {
  const { preview, read } = analyse(ctx, input);
  if (!preview.canCommit) throw new ImportRejected(input.fileName, preview.errors);
  const toRecord = read.filter((s) => s.plan.action === 'record');
  const scores = toRecord.reduce((n, s) => n + s.scores.length, 0);
  let view: KeyEvaluationView | null = null;
  if (toRecord.length) {
    view = inTransaction(ctx, () => {
      let last: KeyEvaluationView | null = null;
      for (const s of toRecord) last = recordScores(ctx, { id: input.id, expertId: s.plan.expertId!, scores: s.scores });
      appendAudit(ctx, {
        action: 'import.expertScores',
        entity: 'key_evaluation',
        entityId: input.id,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          experts: toRecord.map((s) => s.plan.expert),
          scores,
          unchanged: preview.unchanged,
        },
      });
      return last;
    });
  }
  return {
    preview,
    recorded: toRecord.length,
    scores,
    unchanged: preview.unchanged,
    view: view ?? getKeyEvaluation(ctx, { id: input.id }),
  };
}

function indicatorsOf(view: KeyEvaluationView): Indicator[] {
  return view.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => ({ ...i, level1: l1.name, level2: l2.name }))));
}

function analyse(ctx: ServiceContext, input: ExpertScoreImportInput): { preview: ExpertScoreImportPreview; read: ReadSheet[] } {
  const view = getKeyEvaluation(ctx, { id: input.id });
  const preview: ExpertScoreImportPreview = {
    kind: 'expertScores',
    fileName: input.fileName,
    evaluation: { id: view.id, name: view.name, year: view.year },
    sheets: [],
    ignoredSheets: [],
    toRecord: 0,
    unchanged: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const refuseFile = (problem: string) => preview.errors.push(fileIssue(input.fileName, problem));
  const book = readWorkbook(input.bytes, input.fileName);
  const read: ReadSheet[] = [];
  if (view.status === 'final') {
    refuseFile(`“${view.name}”的评价已定稿，评分不能再修改，未导入。`);
  } else {
    try {
      requireOpenYear(ctx, view.year);
    } catch (err) {
      if (!(err instanceof LedgerError)) throw err;
      refuseFile(err.message);
    }
  }
  if (preview.errors.length === 0) {
    const seen = new Map<number, string>();
    for (const sheet of book.sheets) {
      const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
      const one = analyseSheet(ctx, view, sheet, source, preview, seen);
      if (one) read.push(one);
    }
    if (preview.sheets.length === 0 && preview.errors.length === 0) {
      refuseFile('没有找到专家评分表：没有一个工作表写有台账识别码或“三级指标”“得分”列。请确认选择的是台账导出、专家填好的评分表。');
    }
  }
  preview.toRecord = preview.sheets.filter((s) => s.action === 'record').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return { preview, read };
}

/** A score cell as read: a number, null for "/" or blank, or the reason it is refused. */
function scoreOf(value: CellValue | undefined, points: number): { score: number | null } | { problem: string } {
  const text = cellText(value);
  if (text === '' || NOT_SCORED.has(text)) return { score: null };
  const n =
    typeof value === 'number' ? value : /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text.normalize('NFKC')) ? Number(text.normalize('NFKC')) : NaN;
  if (!Number.isFinite(n)) return { problem: `“${text}”不是数字。得分请填 0–${formatScore(points)} 之间的数字，暂不评分填“/”或留空。` };
  if (n < 0 || n > points) return { problem: `该指标满分 ${formatScore(points)} 分，得分应在 0–${formatScore(points)} 分之间。` };
  const decimals = twoDecimalProblem('得分', n);
  if (decimals) return { problem: `${decimals}。` };
  return { score: Math.round(n * 100) / 100 };
}

function analyseSheet(
  ctx: ServiceContext,
  view: KeyEvaluationView,
  sheet: SheetGrid,
  source: IssueSource,
  preview: ExpertScoreImportPreview,
  seen: Map<number, string>,
): ReadSheet | null {
  const marker = findMarker(sheet, EXPERT_SHEET_ID);
  const header = findColumnsRow(sheet, EXPERT_SHEET_COLUMNS, ['name', 'score'], 40);
  if (!marker && !header) {
    preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是专家评分表（没有台账识别码和“三级指标”“得分”列），未读取' });
    return null;
  }
  const plan: ExpertSheetPlan = { sheet: sheet.name, action: 'error', expertId: null, expert: null, rows: 0, scored: 0, toRecord: 0 };
  preview.sheets.push(plan);
  const bad = (row: number | null, column: { letter: string; header: string } | null, value: string | null, problem: string) =>
    preview.errors.push({ ...cellIssue(source, row, column, value, problem), sheet: source.sheet });
  const warn = (row: number | null, column: { letter: string; header: string } | null, value: string | null, problem: string) =>
    preview.warnings.push({ ...cellIssue(source, row, column, value, problem), sheet: source.sheet });

  if (!marker) {
    bad(
      EXPERT_SHEET_CODE_CELL.row,
      null,
      null,
      '找不到“台账识别码”（形如 JXTZ-评分-E1-X2），无法确定是哪项评价、哪位专家的评分表。请使用台账导出的专家评分表填写。',
    );
    return null;
  }
  const markerPlace = { letter: marker.letter, header: '台账识别码' };
  const evaluationId = Number(marker.match[1]);
  const expertId = Number(marker.match[2]);
  plan.expertId = expertId;
  if (evaluationId !== view.id) {
    const other = ctx.ledger.db
      .select({ name: keyEvaluations.name, year: keyEvaluations.year })
      .from(keyEvaluations)
      .where(eq(keyEvaluations.id, evaluationId))
      .get();
    bad(
      marker.row,
      markerPlace,
      marker.match[0],
      other
        ? `这张评分表属于 ${other.year} 年度“${other.name}”的评价，不是“${view.name}”。请到对应的评价中导入，或导出“${view.name}”的专家评分表重新填写。`
        : '台账中没有该识别码对应的重点评价。这张评分表可能来自另一本台账，请核对。',
    );
    return null;
  }
  const expert: ExpertRow | undefined = view.experts.find((e) => e.id === expertId);
  if (!expert) {
    bad(marker.row, markerPlace, marker.match[0], '该识别码对应的专家已不在本评价的专家名单中。请导出最新的专家评分表重新填写。');
    return null;
  }
  plan.expert = expert.name;
  if (seen.has(expertId)) {
    bad(marker.row, markerPlace, marker.match[0], `与工作表“${seen.get(expertId)}”是同一位专家（${expert.name}）的评分表，请只保留一张。`);
    return null;
  }
  seen.set(expertId, sheet.name);
  if (!header) {
    bad(null, null, null, '找不到评分表的表头（须有“三级指标”“得分”列）。请使用台账导出的专家评分表，不要删除表头。');
    return null;
  }
  const col = (key: ColumnKey) => {
    const c = header.columns[key];
    return c === undefined ? null : { index: c, letter: columnLetter(c), header: cellText(sheet.rows[header.row]?.[c]) };
  };
  const nameCol = col('name')!;
  const scoreCol = col('score')!;
  const basisCol = col('basis');

  const { rows, totals, unnamed } = readExpertRows(sheet, header.row, header.columns);
  for (const r of unnamed) bad(r, nameCol, null, '这一行填写了得分，却没有三级指标名称。请不要修改指标名称列。');

  // By name first; a row whose name matches none takes the indicator at its place, if that one is free.
  const indicators = indicatorsOf(view);
  const claimed = new Set<string>();
  const matched: (Indicator | null)[] = rows.map((row) => {
    const i = indicators.find((x) => x.name === row.name && !claimed.has(x.code));
    if (i) claimed.add(i.code);
    return i ?? null;
  });
  rows.forEach((row, k) => {
    if (matched[k]) return;
    const byOrder = indicators[k];
    if (byOrder && !claimed.has(byOrder.code)) {
      claimed.add(byOrder.code);
      matched[k] = byOrder;
      warn(row.excelRow, nameCol, row.name, `“${row.name}”不是本评价的三级指标名称，按行序对应为“${byOrder.name}”。请核对。`);
    } else {
      bad(
        row.excelRow,
        nameCol,
        row.name,
        `“${row.name}”不是“${view.name}”评价指标体系中的三级指标。请不要修改指标名称；指标体系有变化时请重新导出评分表。`,
      );
    }
  });

  const sheetErrors = () => preview.errors.filter((e) => e.sheet === source.sheet).length;
  const given = new Map(view.scores.filter((s) => s.expertId === expert.id).map((s) => [s.indicatorCode, s]));
  const scores: ScoreInput[] = [];
  const readRows: ExpertSheetReading['rows'] = [];
  let scored = 0;
  rows.forEach((row, k) => {
    const indicator = matched[k];
    if (!indicator) return;
    const read = scoreOf(row.cells[scoreCol.index], indicator.points);
    const basis = basisCol ? cellText(row.cells[basisCol.index]).replace(/\r\n?/g, '\n') : (given.get(indicator.code)?.basis ?? '');
    if ('problem' in read) {
      bad(row.excelRow, scoreCol, cellText(row.cells[scoreCol.index]), `“${indicator.name}”：${read.problem}`);
      return;
    }
    if (basis.length > 2000) {
      bad(row.excelRow, basisCol, null, '得分依据不超过 2000 个字。');
      return;
    }
    if (read.score !== null) scored++;
    readRows.push({ excelRow: row.excelRow, code: indicator.code, score: read.score });
    const before = given.get(indicator.code);
    if ((before?.score ?? null) !== read.score || (before?.basis ?? '') !== basis)
      scores.push({ indicatorCode: indicator.code, score: read.score, basis });
  });
  plan.rows = rows.length;
  plan.scored = scored;
  if (rows.length === 0 && sheetErrors() === 0) bad(header.row + 1, null, null, '表头下没有任何指标行。请使用台账导出的专家评分表填写。');
  if (sheetErrors() > 0) return null;
  const columns = { level1: col('level1'), level2: col('level2'), points: col('points'), score: scoreCol };
  for (const d of expertSheetDiscrepancies({ sheet, source, framework: view.framework, columns, rows: readRows, totals }))
    preview.warnings.push({ ...d.issue, sheet: source.sheet });
  const missing = indicators.filter((i) => !claimed.has(i.code));
  if (missing.length) warn(null, null, null, `表中没有指标 ${missing.map((i) => `“${i.name}”`).join('、')}，这些指标的评分保持不变。`);
  plan.toRecord = scores.length;
  plan.action = scores.length > 0 ? 'record' : 'unchanged';
  return { plan, scores };
}
