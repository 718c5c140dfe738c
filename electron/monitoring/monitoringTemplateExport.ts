/**
 * 绩效监控表模板: the workbook a unit fills for a monitoring round — one sheet per target of the round's
 * scope (项目 or 部门整体), each with the project's funds at the round (read-only, from the budget
 * platform's export) and one row per annual indicator: 二级/三级指标, 性质, 年度指标值 shown, then
 * 当前完成值, 全年预计完成值, 完成可能性, 偏差原因, 原因说明, 纠偏措施 to fill (pre-filled with what the
 * ledger already holds). The sheet carries a 台账识别码 naming the round and the target; reading it back
 * is monitoringTemplateImport.ts.
 */
import { eq } from 'drizzle-orm';
import { budgetUnits } from '../../db/schema';
import { addFormSheet, formCell, listValidation, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { formatWanYuan } from '../rules/money';
import { DEVIATION_REASONS, LIKELIHOODS, QUALITATIVE_LEVELS } from '../rules/monitoringLabels';
import { formatPercent } from '../rules/numberFormat';
import type { ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { listMonitoringForms, monitoringForm } from './monitoringEntries';
import { requireRound } from './monitoringRounds';
import { LAST, monitoringIdCode, WIDTHS, type ColumnKey } from './monitoringSheetLayout';

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
    formCell(sheet, { row: r, col: 7, toCol: LAST }, `序时进度 ${formatPercent(form.timeProgress)}　金额单位：万元`, 'note').alignment = {
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
          formatPercent(funds.executionRate),
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
