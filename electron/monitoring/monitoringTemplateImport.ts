/**
 * Reading a 绩效监控表模板 back (the workbook monitoringTemplateExport.ts writes): each sheet is matched by
 * its 台账识别码 (a sheet of another round is refused), each row by its 三级指标 name; 完成可能性 and
 * 偏差原因 accept the usual spellings; every row is then checked by the same rules as the screen
 * (checkMonitoringForm) and each problem is reported at its cell. All sheets are saved in one
 * transaction, or none. The indicator table is found by its header names (findTable.ts), so a form
 * returned with title rows, a merged project block, 一级/二级 merged or blank below, the header repeated
 * at a page break and 小计/合计 rows reads the same; what it prints besides the entries (a funds table,
 * 分值) is checked, never imported (monitoringFormPrinted.ts).
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { findMarker } from '../formats/formSheet';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { monitoringRounds, performanceTargets } from '../../db/schema';
import { cellText, findTable, type TableFound } from '../formats/findTable';
import { cellIssue, fileIssue, ImportRejected, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type SheetGrid, type WorkbookGrid } from '../formats/readWorkbook';
import { DEVIATION_REASONS, deviationReasonFromText, ENTRY_FIELD_LABELS, LIKELIHOODS, likelihoodFromText } from '../rules/monitoringLabels';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { checkMonitoringForm, indicatorKey, monitoringForm, saveMonitoringForm, type MonitoringEntryInput } from './monitoringEntries';
import { fundsFindings, pointsFindings, type PrintedFinding } from './monitoringFormPrinted';
import { requireRound } from './monitoringRounds';
import { COLUMNS, INDICATOR_TABLE, INPUT_COLUMNS, MONITORING_ID, MONITORING_ID_ROWS, type ColumnKey } from './monitoringSheetLayout';

export interface MonitoringImportInput {
  roundId: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface MonitoringSheetIssue extends ImportIssue {
  sheet: string | null;
  /** For a printed total or label weight that disagrees with its rows: both figures. */
  printed?: string | null;
  computed?: string | null;
}

export interface MonitoringSheetPlan {
  sheet: string;
  action: 'save' | 'unchanged' | 'error';
  targetId: number | null;
  name: string | null;
  /** Indicator rows read. */
  rows: number;
  /** Rows that will be written, and rows left blank that remove an entry. */
  toSave: number;
  toRemove: number;
}

export interface MonitoringImportPreview {
  kind: 'monitoringForms';
  fileName: string;
  round: { id: number; name: string; year: number; asOfMonth: number };
  sheets: MonitoringSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  toSave: number;
  unchanged: number;
  errors: MonitoringSheetIssue[];
  warnings: MonitoringSheetIssue[];
  canCommit: boolean;
}

export interface MonitoringImportResult {
  preview: MonitoringImportPreview;
  saved: number;
  unchanged: number;
}

interface ReadSheet {
  plan: MonitoringSheetPlan;
  entries: MonitoringEntryInput[];
}

export function previewMonitoringImport(ctx: ServiceContext, input: MonitoringImportInput): MonitoringImportPreview {
  return analyse(ctx, input).preview;
}

/** Saves every sheet's form through saveMonitoringForm, in one transaction; refuses the lot on any error. */
export function commitMonitoringImport(ctx: ServiceContext, input: MonitoringImportInput): MonitoringImportResult {
  const { preview, read } = analyse(ctx, input);
  if (!preview.canCommit) throw new ImportRejected(input.fileName, preview.errors);
  const toSave = read.filter((s) => s.plan.action === 'save');
  if (toSave.length) {
    inTransaction(ctx, () => {
      for (const s of toSave) saveMonitoringForm(ctx, { roundId: input.roundId, targetId: s.plan.targetId!, entries: s.entries });
      appendAudit(ctx, {
        action: 'import.monitoringForms',
        entity: 'monitoring_round',
        entityId: input.roundId,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          saved: toSave.length,
          unchanged: preview.unchanged,
        },
      });
    });
  }
  return { preview, saved: toSave.length, unchanged: preview.unchanged };
}

function analyse(ctx: ServiceContext, input: MonitoringImportInput): { preview: MonitoringImportPreview; read: ReadSheet[] } {
  const round = requireRound(ctx, input.roundId);
  const preview: MonitoringImportPreview = {
    kind: 'monitoringForms',
    fileName: input.fileName,
    round: { id: round.id, name: round.name, year: round.year, asOfMonth: round.asOfMonth },
    sheets: [],
    ignoredSheets: [],
    toSave: 0,
    unchanged: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const read: ReadSheet[] = [];
  const seen = new Map<number, string>();
  for (const sheet of book.sheets) {
    const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
    const one = analyseSheet(ctx, round, { ...book, sheets: [sheet] }, source, preview, seen);
    if (one) read.push(one);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push(
      fileIssue(
        input.fileName,
        '没有找到绩效监控表：没有一个工作表写有“三级指标”“当前完成值”等列。请确认选择的是台账导出、单位填好的监控表。',
      ),
    );
  }
  preview.toSave = preview.sheets.filter((s) => s.action === 'save').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return { preview, read };
}

function analyseSheet(
  ctx: ServiceContext,
  round: ReturnType<typeof requireRound>,
  /** The workbook with just this sheet, as findTable reads it. */
  one: WorkbookGrid,
  source: IssueSource,
  preview: MonitoringImportPreview,
  seen: Map<number, string>,
): ReadSheet | null {
  const sheet: SheetGrid = one.sheets[0]!;
  const marker = findMarker(sheet, MONITORING_ID, MONITORING_ID_ROWS);
  const found = findTable(one, INDICATOR_TABLE);
  const header: TableFound | null = found.ok ? found : null;
  if (!marker && !header) {
    preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是绩效监控表（没有台账识别码和“三级指标”“当前完成值”列），未读取' });
    return null;
  }
  const plan: MonitoringSheetPlan = { sheet: sheet.name, action: 'error', targetId: null, name: null, rows: 0, toSave: 0, toRemove: 0 };
  preview.sheets.push(plan);
  const bad = (row: number | null, column: { letter: string; header: string } | null, value: string | null, problem: string) =>
    preview.errors.push({ ...cellIssue(source, row, column, value, problem), sheet: source.sheet });

  if (!marker) {
    bad(2, null, null, '找不到“台账识别码”（形如 JXTZ-监控-R1-T12），无法确定是哪一轮、哪个绩效目标的监控表。请使用台账导出的监控表填写。');
    return null;
  }
  const markerPlace = { letter: marker.letter, header: '台账识别码' };
  const roundId = Number(marker.match[1]);
  const targetId = Number(marker.match[2]);
  plan.targetId = targetId;
  if (roundId !== round.id) {
    const other = ctx.ledger.db
      .select({ name: monitoringRounds.name, year: monitoringRounds.year })
      .from(monitoringRounds)
      .where(eq(monitoringRounds.id, roundId))
      .get();
    bad(
      marker.row,
      markerPlace,
      marker.match[0],
      other
        ? `这张监控表属于 ${other.year} 年度“${other.name}”，不是“${round.name}”。请导入到对应的轮次，或导出“${round.name}”的监控表重新填写。`
        : '台账中没有该识别码对应的监控轮次。这张监控表可能来自另一本台账，请核对。',
    );
    return null;
  }
  const target = ctx.ledger.db
    .select({ id: performanceTargets.id })
    .from(performanceTargets)
    .where(eq(performanceTargets.id, targetId))
    .get();
  if (!target) {
    bad(marker.row, markerPlace, marker.match[0], '台账中没有该识别码对应的绩效目标。这张监控表可能来自另一本台账，请核对。');
    return null;
  }
  let form;
  try {
    form = monitoringForm(ctx, { roundId: round.id, targetId });
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    bad(marker.row, markerPlace, marker.match[0], err.message);
    return null;
  }
  plan.name = form.target.name;
  if (seen.has(targetId)) {
    bad(
      marker.row,
      markerPlace,
      marker.match[0],
      `与工作表“${seen.get(targetId)}”是同一个绩效目标（${form.target.name}）的监控表，请只保留一张。`,
    );
    return null;
  }
  seen.set(targetId, sheet.name);
  if (!header) {
    bad(null, null, null, '找不到指标表的表头（须有“三级指标”“当前完成值”列）。请使用台账导出的监控表，不要删除表头。');
    return null;
  }
  const col = (key: ColumnKey) => header.columns[key] ?? null;
  const missing = INPUT_COLUMNS.filter((k) => header.columns[k] === undefined);
  for (const k of missing)
    bad(
      header.headerRow,
      null,
      null,
      `表头中找不到“${ENTRY_FIELD_LABELS[k]}”列（可用的列名：${COLUMNS[k].map((n) => `“${n}”`).join('、')}）。`,
    );
  if (missing.length) return null;

  const errorsBefore = preview.errors.length;
  const entries: MonitoringEntryInput[] = [];
  const places: { row: number }[] = [];
  const nameCol = col('name')!;
  const printed: PrintedFinding[] = [
    ...fundsFindings(ctx, round, sheet, header, source, form.target.projectId),
    ...pointsFindings(sheet, header, source),
  ];
  preview.warnings.push(...printed.map((f) => ({ ...f, sheet: source.sheet })));
  for (const row of header.rows) {
    const text = (key: ColumnKey) => cellText(row.cells[key]).replace(/\r\n?/g, '\n');
    const name = text('name');
    const inputs = INPUT_COLUMNS.map((k) => text(k));
    const excelRow = row.rowNumber;
    if (!name) {
      if (inputs.some((v) => v !== '')) bad(excelRow, nameCol, null, '这一行填写了完成情况，却没有三级指标名称。请不要修改指标名称列。');
      continue;
    }
    if (/^填表说明/.test(name)) break;
    if (!form.rows.some((x) => x.key === indicatorKey(name))) {
      bad(excelRow, nameCol, name, `“${name}”不是“${form.target.name}”的年度绩效指标。请不要修改指标名称；指标有变化时请重新导出监控表。`);
      continue;
    }
    const likelihoodText = text('likelihood');
    const reasonText = text('deviationReason');
    const likelihood = likelihoodText ? likelihoodFromText(likelihoodText) : null;
    const reason = reasonText ? deviationReasonFromText(reasonText) : null;
    if (likelihoodText && !likelihood)
      bad(
        excelRow,
        col('likelihood'),
        likelihoodText,
        `“${likelihoodText}”不是有效的完成可能性，请填写 ${Object.values(LIKELIHOODS).join('、')} 之一。`,
      );
    if (reasonText && !reason)
      bad(
        excelRow,
        col('deviationReason'),
        reasonText,
        `“${reasonText}”不是有效的偏差原因，请填写 ${Object.values(DEVIATION_REASONS).join('、')} 之一。`,
      );
    entries.push({
      key: indicatorKey(name),
      currentValue: text('currentValue'),
      expectedValue: text('expectedValue'),
      likelihood,
      deviationReason: reason,
      explanation: text('explanation') || null,
      correctiveAction: text('correctiveAction') || null,
    });
    places.push({ row: excelRow });
  }
  plan.rows = entries.length;
  if (entries.length === 0 && preview.errors.length === errorsBefore) {
    bad(header.headerRow, null, null, '表头下没有任何指标行。请使用台账导出的监控表填写。');
  }
  if (preview.errors.length > errorsBefore) return null;

  const checked = checkMonitoringForm(ctx, { roundId: round.id, targetId, entries });
  for (const [field, message] of Object.entries(checked.fields)) {
    const m = /^entries\.(\d+)\.(\w+)$/.exec(field);
    const place = m ? places[Number(m[1])] : undefined;
    const key = m?.[2] === 'key' ? 'name' : (m?.[2] as ColumnKey | undefined);
    const column = key && key in COLUMNS ? col(key) : null;
    const value = place && column ? cellText(sheet.rows[place.row - 1]?.[column.index]) || null : null;
    bad(place?.row ?? null, column, value, `${message.replace(/。$/, '')}。`);
  }
  if (preview.errors.length > errorsBefore) return null;
  plan.toSave = checked.rows.filter((x) => x.action === 'save').length;
  plan.toRemove = checked.rows.filter((x) => x.action === 'remove').length;
  plan.action = plan.toSave + plan.toRemove > 0 ? 'save' : 'unchanged';
  const missingRows = form.rows.filter((x) => x.inTarget && !entries.some((e) => e.key === x.key));
  if (missingRows.length) {
    preview.warnings.push({
      ...cellIssue(
        source,
        null,
        null,
        null,
        `表中没有指标 ${missingRows.map((x) => `“${x.indicator.name}”`).join('、')}，这些指标的填报保持不变。`,
      ),
      sheet: source.sheet,
    });
  }
  return { plan, entries };
}
