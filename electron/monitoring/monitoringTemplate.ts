/**
 * 绩效监控表模板: the workbook a unit fills for a monitoring round — one sheet per target of the round's
 * scope (项目 or 部门整体), each with the project's funds at the round (read-only, from the budget
 * platform's export) and one row per annual indicator: 二级/三级指标, 性质, 年度指标值 shown, then
 * 当前完成值, 全年预计完成值, 完成可能性, 偏差原因, 原因说明, 纠偏措施 to fill (pre-filled with what the
 * ledger already holds). The sheet carries a 台账识别码 naming the round and the target.
 *
 * Reading it back: each sheet is matched by that code (a sheet of another round is refused), each row
 * by its 三级指标 name; 完成可能性 and 偏差原因 accept the usual spellings; every row is then checked by
 * the same rules as the screen (checkMonitoringForm) and each problem is reported at its cell. All
 * sheets are saved in one transaction, or none.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { findColumnsRow, findMarker } from '../formats/formSheet';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { budgetUnits, monitoringRounds, performanceTargets } from '../../db/schema';
import { cellText } from '../formats/findTable';
import { cellIssue, ImportRejected, type ImportIssue, type IssueSource } from '../formats/importIssue';
import { columnLetter, readWorkbook, type SheetGrid } from '../formats/readWorkbook';
import { addFormSheet, formCell, listValidation, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { formatWanYuan } from '../rules/money';
import {
  DEVIATION_REASONS,
  deviationReasonFromText,
  ENTRY_FIELD_LABELS,
  LIKELIHOODS,
  likelihoodFromText,
  QUALITATIVE_LEVELS,
  type EntryField,
} from '../rules/monitoringLabels';
import { percentText } from '../rules/warningLines';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import {
  checkMonitoringForm,
  indicatorKey,
  listMonitoringForms,
  monitoringForm,
  saveMonitoringForm,
  type MonitoringEntryInput,
} from './monitoringEntries';
import { requireRound } from './monitoringRounds';

export interface MonitoringTemplateExport {
  /** A suggested file name, e.g. "2023年度5月项目监控绩效监控表（轮台县教育局）.xlsx". */
  fileName: string;
  bytes: Buffer;
  /** One sheet per target. */
  formCount: number;
  unitCount: number;
  /** Sheets pre-filled with entries already in the ledger. */
  prefilled: number;
}

/** 台账识别码 of a monitoring sheet: the round and the target. */
export const MONITORING_ID = /JXTZ-监控-R(\d+)-T(\d+)/;
const monitoringIdCode = (roundId: number, targetId: number) => `JXTZ-监控-R${roundId}-T${targetId}`;

/** Columns A–J. */
const WIDTHS = [14, 26, 6, 14, 13, 13, 12, 13, 30, 30] as const;
const LAST = WIDTHS.length;

/** The indicator table's headers and the names an import accepts for each column. */
const COLUMNS = {
  level2: ['二级指标'],
  name: ['三级指标', '三级指标名称', '指标名称', '绩效指标'],
  nature: ['指标性质', '性质'],
  target: ['年度指标值', '指标值', '年度目标值', '全年指标值'],
  currentValue: ['当前完成值', '实际完成值', '截至目前完成值', '1-X月完成值', '累计完成值'],
  expectedValue: ['全年预计完成值', '预计全年完成值', '全年预计完成情况', '预计完成值'],
  likelihood: ['完成可能性', '完成目标可能性', '预计完成可能性', '能否完成'],
  deviationReason: ['偏差原因', '偏差原因类别', '原因类别', '偏差原因分析'],
  explanation: ['原因说明', '偏差原因说明', '情况说明'],
  correctiveAction: ['纠偏措施', '完善措施', '改进措施', '整改措施'],
} as const;
type ColumnKey = keyof typeof COLUMNS;
const INPUT_COLUMNS: readonly EntryField[] = [
  'currentValue',
  'expectedValue',
  'likelihood',
  'deviationReason',
  'explanation',
  'correctiveAction',
];

const NOTES = [
  '填表说明：',
  `1. 浅黄色单元格由单位填写；当前完成值填截至 X 月底的累计完成值，定性指标填 ${QUALITATIVE_LEVELS.join('、')}。`,
  `2. 填写当前完成值后须选择完成可能性（${Object.values(LIKELIHOODS).join('、')}）。`,
  `3. 完成可能性不是“确定能”，或指标为红灯、黄灯（进度落后于序时目标）时，须选择偏差原因（${Object.values(DEVIATION_REASONS).join('、')}）并填写原因说明，宜同时填写纠偏措施。`,
  '4. 请勿修改台账识别码、指标名称和工作表结构；资金情况由财政局从预算管理一体化平台导入，无需填写。',
].join('\n');

/** The monitoring forms of a round for one unit (a 主管部门 includes its units), or for all. */
export async function exportMonitoringTemplate(
  ctx: ServiceContext,
  input: { roundId: number; unitId?: number | null },
): Promise<MonitoringTemplateExport> {
  const round = requireRound(ctx, input.roundId);
  let unitName: string | null = null;
  if (input.unitId != null) {
    const unit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
    if (!unit) throw new LedgerError('unit_missing', '所选预算单位不存在，请刷新后重试。');
    unitName = unit.name;
  }
  const forms = listMonitoringForms(ctx, { roundId: round.id, unitId: input.unitId ?? null }).filter((f) => f.indicatorCount > 0);
  if (forms.length === 0) {
    const what = round.scope === 'project' ? '有年度绩效指标的项目支出绩效目标' : '有年度绩效指标的部门整体绩效目标';
    throw new LedgerError(
      'no_targets',
      `${unitName ? `“${unitName}”` : ''}${round.year} 年度没有${what}，无法生成“${round.name}”的监控表。`,
    );
  }
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  let prefilled = 0;
  for (const [index, f] of forms.entries()) {
    const form = monitoringForm(ctx, { roundId: round.id, targetId: f.targetId });
    if (form.rows.some((r) => r.saved)) prefilled++;
    const sheet = addFormSheet(workbook, {
      name: f.projectCode?.trim() || `${index + 1}-${f.name.slice(0, 24)}`,
      widths: WIDTHS,
      landscape: true,
    });
    const open: [number, number][] = [];
    let r = 1;
    const subject = form.target.subject === 'project' ? '项目支出' : '部门整体支出';
    formCell(
      sheet,
      { row: r, col: 1, toCol: LAST },
      `${subject}绩效监控表（${round.year}年度 ${round.name}，截至 ${round.asOfMonth} 月）`,
      'title',
    );
    sheet.getRow(r).height = 34;
    r++;
    formCell(sheet, { row: r, col: 1, toCol: 2 }, '台账识别码（请勿修改）', 'id');
    formCell(sheet, { row: r, col: 3, toCol: 6 }, monitoringIdCode(round.id, f.targetId), 'id');
    formCell(sheet, { row: r, col: 7, toCol: LAST }, `序时进度 ${percentText(form.timeProgress)}　金额单位：万元`, 'note').alignment = {
      horizontal: 'right',
      vertical: 'middle',
    };
    r++;
    const pair = (l1: string, v1: string, l2: string, v2: string) => {
      formCell(sheet, { row: r, col: 1 }, l1, 'label');
      formCell(sheet, { row: r, col: 2, toCol: 5 }, v1, 'value');
      formCell(sheet, { row: r, col: 6, toCol: 7 }, l2, 'label');
      formCell(sheet, { row: r, col: 8, toCol: LAST }, v2, 'value');
      sheet.getRow(r).height = 22;
      r++;
    };
    if (form.target.subject === 'project') {
      pair('项目名称', form.target.name, '项目代码', form.target.projectCode ?? '');
      pair('主管部门', form.target.departmentName, '实施单位', form.target.unitName);
      const funds = form.funds;
      if (funds) {
        pair('调整后预算数', formatWanYuan(funds.adjustedBudgetFen), `1—${round.asOfMonth}月执行数`, formatWanYuan(funds.executedFen));
        pair(
          '执行率',
          percentText(funds.executionRate),
          '全年预计执行数',
          funds.expectedFullYearFen == null ? '' : formatWanYuan(funds.expectedFullYearFen),
        );
      } else {
        pair('资金情况', '尚未导入执行数据', '', '');
      }
    } else {
      pair('单位名称', form.target.unitName, '主管部门', form.target.departmentName);
    }
    r++;
    formCell(sheet, { row: r, col: 1, toCol: LAST }, '绩效指标完成情况（浅黄色单元格由单位填写）', 'section');
    sheet.getRow(r).height = 24;
    r++;
    const headers: Record<ColumnKey, string> = {
      level2: '二级指标',
      name: '三级指标',
      nature: '性质',
      target: '年度指标值',
      currentValue: '当前完成值',
      expectedValue: '全年预计完成值',
      likelihood: '完成可能性',
      deviationReason: '偏差原因',
      explanation: '原因说明',
      correctiveAction: '纠偏措施',
    };
    Object.values(headers).forEach((h, i) => formCell(sheet, { row: r, col: i + 1 }, h, 'header'));
    sheet.getRow(r).height = 30;
    r++;
    const likelihoods = listValidation(Object.values(LIKELIHOODS), { strict: true, prompt: Object.values(LIKELIHOODS).join('、') });
    const reasons = listValidation(Object.values(DEVIATION_REASONS), {
      strict: false,
      prompt: '完成可能性不是“确定能”或为红灯、黄灯时必填',
    });
    const levels = listValidation(QUALITATIVE_LEVELS, { strict: true, prompt: QUALITATIVE_LEVELS.join('、') });
    for (const row of form.rows.filter((x) => x.inTarget)) {
      const i = row.indicator;
      const values = [
        i.level2,
        i.name,
        i.nature === '定性' ? '定性' : i.nature,
        `${i.value}${i.nature !== '定性' && i.unit && !i.value.endsWith(i.unit) ? i.unit : ''}`,
        row.currentValue,
        row.expectedValue,
        row.likelihood ? LIKELIHOODS[row.likelihood] : '',
        row.deviationReason ? DEVIATION_REASONS[row.deviationReason] : '',
        row.explanation ?? '',
        row.correctiveAction ?? '',
      ];
      values.forEach((v, c) => formCell(sheet, { row: r, col: c + 1 }, v, c >= 4 ? 'input' : 'value'));
      for (let c = 5; c <= LAST; c++) open.push([r, c]);
      if (i.nature === '定性') sheet.getCell(r, 5).dataValidation = levels;
      sheet.getCell(r, 7).dataValidation = likelihoods;
      sheet.getCell(r, 8).dataValidation = reasons;
      sheet.getRow(r).height = 30;
      r++;
    }
    r++;
    formCell(sheet, { row: r, col: 1, toCol: LAST }, NOTES, 'note');
    sheet.getRow(r).height = 90;
    for (const [row, col] of open) sheet.getCell(row, col).protection = { locked: false };
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  }
  return {
    fileName: `${round.year}年度${round.name}绩效监控表${unitName ? `（${unitName}）` : ''}.xlsx`,
    bytes: await workbookBytes(workbook),
    formCount: forms.length,
    unitCount: new Set(forms.map((f) => f.unitId)).size,
    prefilled,
  };
}

// ---------------------------------------------------------------------------------------------------
// In

export interface MonitoringImportInput {
  roundId: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface MonitoringSheetIssue extends ImportIssue {
  sheet: string | null;
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
    const one = analyseSheet(ctx, round, sheet, source, preview, seen);
    if (one) read.push(one);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push({
      ...cellIssue(
        { fileName: input.fileName, sheet: null },
        null,
        null,
        null,
        '没有找到绩效监控表：没有一个工作表写有“三级指标”“当前完成值”等列。请确认选择的是台账导出、单位填好的监控表。',
      ),
      sheet: null,
    });
  }
  preview.toSave = preview.sheets.filter((s) => s.action === 'save').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return { preview, read };
}

function analyseSheet(
  ctx: ServiceContext,
  round: ReturnType<typeof requireRound>,
  sheet: SheetGrid,
  source: IssueSource,
  preview: MonitoringImportPreview,
  seen: Map<number, string>,
): ReadSheet | null {
  const marker = findMarker(sheet, MONITORING_ID);
  const header = findColumnsRow(sheet, COLUMNS, ['name', 'currentValue'], 60);
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
  const col = (key: ColumnKey) => {
    const c = header.columns[key];
    return c === undefined ? null : { index: c, letter: columnLetter(c), header: cellText(sheet.rows[header.row]?.[c]) };
  };
  const missing = INPUT_COLUMNS.filter((k) => header.columns[k] === undefined);
  for (const k of missing)
    bad(
      header.row + 1,
      null,
      null,
      `表头中找不到“${ENTRY_FIELD_LABELS[k]}”列（可用的列名：${COLUMNS[k].map((n) => `“${n}”`).join('、')}）。`,
    );
  if (missing.length) return null;

  const errorsBefore = preview.errors.length;
  const entries: MonitoringEntryInput[] = [];
  const places: { row: number }[] = [];
  const nameCol = col('name')!;
  for (let r = header.row + 1; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const text = (key: ColumnKey) => {
      const c = header.columns[key];
      return c === undefined ? '' : cellText(cells[c]).replace(/\r\n?/g, '\n');
    };
    const name = text('name');
    const inputs = INPUT_COLUMNS.map((k) => text(k));
    if (!name) {
      if (inputs.some((v) => v !== '')) bad(r + 1, nameCol, null, '这一行填写了完成情况，却没有三级指标名称。请不要修改指标名称列。');
      continue;
    }
    if (/^填表说明/.test(name)) break;
    const excelRow = r + 1;
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
    bad(header.row + 1, null, null, '表头下没有任何指标行。请使用台账导出的监控表填写。');
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
