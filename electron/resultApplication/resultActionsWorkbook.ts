/**
 * 评价结果应用表 for the budget office compiling next year's budget: the year's live actions (自评, 部门评价
 * and 重点评价 together) with their evidence, and the summary by action, by 主管部门 and by unit, amounts
 * in 万元 with two decimals. Cancelled actions are left out and counted in the note.
 */
import { LedgerError } from '../../db/ledgerError';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import type { ServiceContext } from '../ledger/context';
import { listYearResultActions, summarise, type ResultApplicationFigures, type ResultApplicationRow } from './yearActions';

export interface ResultActionsExport {
  fileName: string;
  bytes: Buffer;
  count: number;
  recoveredFen: number;
  clearedFen: number;
  cutFen: number;
}

export async function exportResultActions(ctx: ServiceContext, input: { year: number }): Promise<ResultActionsExport> {
  const all = listYearResultActions(ctx, input);
  const rows = all.filter((r) => r.status !== 'cancelled');
  if (rows.length === 0)
    throw new LedgerError(
      'nothing_to_export',
      `${input.year} 年度还没有有效的评价结果应用可导出。请先在“自评与评价”或“重点评价”中记录评价结果的应用。`,
    );
  const summary = summarise(input.year, all);
  const next = input.year + 1;
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();

  const listColumns: SheetColumn<ResultApplicationRow>[] = [
    { header: '序号', width: 6, kind: 'integer', value: (_r, i) => i + 1 },
    { header: '评价来源', width: 10, kind: 'text', value: (r) => r.sourceLabel },
    { header: '评价对象', width: 36, kind: 'text', value: (r) => r.evaluationName, wrap: true },
    { header: '项目编码', width: 14, kind: 'text', value: (r) => r.projectCode },
    { header: '主管部门', width: 24, kind: 'text', value: (r) => r.departmentName, wrap: true },
    { header: '预算单位', width: 24, kind: 'text', value: (r) => r.unitName, wrap: true },
    { header: '评价得分', width: 10, kind: 'decimal', value: (r) => r.total },
    { header: '评价等级', width: 10, kind: 'text', value: (r) => r.grade ?? '未评等级' },
    { header: '应用方式', width: 18, kind: 'text', value: (r) => r.actionType },
    { header: '金额（万元）', width: 14, kind: 'money', value: (r) => r.amountFen },
    { header: `${next}年度项目`, width: 30, kind: 'text', value: (r) => r.nextYearProjectName, wrap: true },
    { header: '状态', width: 10, kind: 'text', value: (r) => r.statusLabel },
    { header: '说明', width: 36, kind: 'text', value: (r) => r.note, wrap: true },
  ];
  addTableSheet(workbook, {
    name: '结果应用清单',
    title: `${input.year}年度绩效评价结果应用情况表`,
    note: `应用于 ${next} 年度预算；单位：万元；共 ${rows.length} 项${summary.cancelled ? `（已撤销 ${summary.cancelled} 项未列入）` : ''}`,
    columns: listColumns,
    rows,
  });

  addTableSheet(workbook, {
    name: '按应用方式汇总',
    title: `${input.year}年度绩效评价结果应用汇总（按应用方式）`,
    note: '单位：万元',
    columns: [
      { header: '应用方式', width: 20, kind: 'text', value: (r) => r.actionType },
      { header: '资金影响', width: 18, kind: 'text', value: (r) => r.effectLabel ?? '—' },
      { header: '项数', width: 8, kind: 'integer', value: (r) => r.count, total: true },
      { header: '金额（万元）', width: 14, kind: 'money', value: (r) => r.amountFen },
    ],
    rows: summary.byAction,
    totalLabel: '合计',
  });

  const moneyColumns: SheetColumn<ResultApplicationFigures>[] = [
    { header: '项数', width: 8, kind: 'integer', value: (r) => r.count, total: true },
    { header: '收回资金（万元）', width: 16, kind: 'money', value: (r) => r.recoveredFen, total: true },
    { header: '清理结转结余资金（万元）', width: 20, kind: 'money', value: (r) => r.clearedFen, total: true },
    { header: '调减预算（万元）', width: 16, kind: 'money', value: (r) => r.cutFen, total: true },
  ];
  addTableSheet(workbook, {
    name: '按主管部门汇总',
    title: `${input.year}年度绩效评价结果应用汇总（按主管部门）`,
    note: '单位：万元',
    columns: [{ header: '主管部门', width: 30, kind: 'text', value: (r) => r.name, wrap: true }, ...moneyColumns],
    rows: summary.byDepartment,
    totalLabel: '合计',
  });
  addTableSheet(workbook, {
    name: '按单位汇总',
    title: `${input.year}年度绩效评价结果应用汇总（按预算单位）`,
    note: '单位：万元',
    columns: [
      { header: '主管部门', width: 28, kind: 'text', value: (r) => r.departmentName ?? '', wrap: true },
      { header: '预算单位', width: 28, kind: 'text', value: (r) => r.name, wrap: true },
      ...moneyColumns,
    ],
    rows: summary.byUnit,
    totalLabel: '合计',
  });

  return {
    fileName: `${input.year}年度绩效评价结果应用情况表.xlsx`,
    bytes: await workbookBytes(workbook),
    count: rows.length,
    recoveredFen: summary.recoveredFen,
    clearedFen: summary.clearedFen,
    cutFen: summary.cutFen,
  };
}
