/**
 * 项目支出绩效自评表 template for one budget unit (issue #13, domain.md §6): one sheet per project of the
 * unit with an approved target, in the official layout review/selfEvaluationSheet.ts reads — title,
 * 项目名称 / 主管部门 / 实施单位, the funds block in 万元, 年度总体目标, the indicator table, 总分 and 自评等级.
 * Pre-filled from the ledger (the project's self-evaluation, created as a draft where there is none yet):
 * 年度指标值 with its operator and unit, 分值, the funds and what the unit already entered. The 执行率,
 * the scores, the 总分 and the grade are left for the unit; the ledger recomputes them on import.
 * Each sheet carries a 台账识别码 naming the evaluation, so the import finds it (selfEvaluationImport.ts).
 */
import { eq } from 'drizzle-orm';
import { budgetUnits } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import { addFormSheet, fitRowHeight, formCell, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { QUALITATIVE_LEVELS } from '../rules/monitoringLabels';
import type { ServiceContext } from '../ledger/context';
import { requireYear } from '../ledger/years';
import { getSelfEvaluation, listSelfEvaluations, selfEvaluationCandidates, type SelfEvaluationView } from './selfEvaluations';
import { createSelfEvaluation } from './selfEvaluationWrites';

/** 台账识别码 of a 自评表 sheet: the year and the evaluation's id. */
export const SELF_EVALUATION_ID = /JXTZ-自评-(\d{4})-E(\d+)/;
export const selfEvaluationIdCode = (year: number, id: number) => `JXTZ-自评-${year}-E${id}`;

export interface SelfEvaluationTemplateExport {
  /** e.g. "2023年度项目支出绩效自评表（县就业服务中心）.xlsx". */
  fileName: string;
  bytes: Buffer;
  formCount: number;
  /** Drafts created for projects that had no self-evaluation yet. */
  created: number;
}

/** A–I: 区块, 一级, 二级, 三级, 年度指标值, 实际完成值, 分值, 得分, 偏差原因分析及改进措施. */
const WIDTHS = [10, 18, 16, 24, 16, 16, 9, 9, 36] as const;
const LAST = WIDTHS.length;

const NOTES = [
  '填表说明：',
  '1. 浅黄色单元格由单位填写；金额单位为万元，保留两位小数。',
  '2. 全年执行数按全年实际支出填写；执行率 = 全年执行数 ÷ 全年预算数，预算执行率得分 = 分值 × min(执行率, 100%)。',
  `3. 定量指标的实际完成值填数值（可带单位）；定性指标填 ${QUALITATIVE_LEVELS.join('、')}，得分在该档分数范围内填写；不适用的填“/”。`,
  '4. 未达到指标值，或实际完成值远超指标值的，须填写偏差原因分析及改进措施。',
  '5. 请勿修改台账识别码、指标名称和表格结构；得分和总分由财政局按本年度规则复算。',
].join('\n');

/** The unit's template; drafts are created (audited) for its projects with an approved target and no self-evaluation. */
export async function exportSelfEvaluationTemplate(
  ctx: ServiceContext,
  input: { year: number; unitId: number },
): Promise<SelfEvaluationTemplateExport> {
  requireYear(ctx, input.year);
  const unit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
  if (!unit) throw new LedgerError('unit_missing', '所选预算单位不存在，请刷新后重试。');
  const fresh = selfEvaluationCandidates(ctx, { year: input.year, kind: 'self' }).filter((c) => c.unitName === unit.name);
  for (const c of fresh) createSelfEvaluation(ctx, { projectId: c.projectId, kind: 'self' });
  const rows = listSelfEvaluations(ctx, { year: input.year, kind: 'self' }).filter((r) => r.unitId === unit.id);
  if (rows.length === 0)
    throw new LedgerError(
      'no_targets',
      `“${unit.name}”${input.year} 年度没有绩效目标已批复的项目，无法生成自评表。请先完成这些项目绩效目标的会审和批复。`,
    );
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  for (const row of rows) await writeSheet(workbook, getSelfEvaluation(ctx, { id: row.id }));
  return {
    fileName: `${input.year}年度项目支出绩效自评表（${unit.name}）.xlsx`,
    bytes: await workbookBytes(workbook),
    formCount: rows.length,
    created: fresh.length,
  };
}

async function writeSheet(workbook: ReturnType<typeof newWorkbook>, v: SelfEvaluationView): Promise<void> {
  const sheet = addFormSheet(workbook, { name: v.projectCode?.trim() || v.projectName.slice(0, 28), widths: WIDTHS, landscape: true });
  const open: [number, number][] = [];
  const put = (row: number, col: number, value: string | number | null, toRow = row, toCol = col) =>
    formCell(sheet, { row, col, toRow, toCol }, value, 'value');
  const input = (row: number, col: number, value: string | number | null, kind: 'text' | 'money' | 'decimal' = 'text', toCol = col) => {
    formCell(sheet, { row, col, toCol }, value, 'input', kind);
    open.push([row, col]);
  };

  formCell(sheet, { row: 1, col: 1, toCol: LAST }, '项目支出绩效自评表', 'title');
  sheet.getRow(1).height = 34;
  formCell(sheet, { row: 2, col: 1, toCol: 6 }, `（${v.year}年度）`, 'note');
  formCell(sheet, { row: 2, col: 7, toCol: LAST }, `台账识别码（请勿修改）：${selfEvaluationIdCode(v.year, v.id)}`, 'id');
  formCell(sheet, { row: 3, col: 1 }, '项目名称', 'label');
  put(3, 2, v.projectName, 3, LAST);
  formCell(sheet, { row: 4, col: 1 }, '主管部门', 'label');
  put(4, 2, v.departmentName, 4, 4);
  formCell(sheet, { row: 4, col: 5 }, '实施单位', 'label');
  put(4, 6, v.unitName, 4, LAST);

  // Funds, rows 5–9.
  formCell(sheet, { row: 5, col: 1, toRow: 9 }, '项目资金（万元）', 'label');
  ['', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, k) =>
    formCell(sheet, { row: 5, col: 2 + k }, h, 'header'),
  );
  formCell(sheet, { row: 5, col: LAST, toRow: 9 }, null, 'value');
  const lines = [
    ['年度资金总额', v.initialFen, v.budgetFen, v.executedFen],
    ['其中：当年财政拨款', v.fiscalInitialFen, v.fiscalBudgetFen, v.fiscalExecutedFen],
    ['上年结转资金', v.carryoverInitialFen, v.carryoverBudgetFen, v.carryoverExecutedFen],
    ['其他资金', v.otherInitialFen, v.otherBudgetFen, v.otherExecutedFen],
  ] as const;
  lines.forEach(([label, ...amounts], k) => {
    const r = 6 + k;
    formCell(sheet, { row: r, col: 2 }, label, 'label');
    amounts.forEach((fen, c) => input(r, 3 + c, fen, 'money'));
    if (k === 0) {
      put(r, 6, v.rules.selfEvaluation.weights.execution);
      input(r, 7, null);
      input(r, 8, null, 'decimal');
    } else {
      put(r, 6, '—');
      put(r, 7, null);
      put(r, 8, '—');
    }
  });

  // 年度总体目标, rows 10–11.
  formCell(sheet, { row: 10, col: 1, toRow: 11 }, '年度总体目标', 'label');
  formCell(sheet, { row: 10, col: 2, toCol: 5 }, '预期目标', 'header');
  formCell(sheet, { row: 10, col: 6, toCol: LAST }, '实际完成情况', 'header');
  put(11, 2, v.goalExpected, 11, 5);
  input(11, 6, v.goalActual, 'text', LAST);
  sheet.getCell(11, 2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getCell(11, 6).alignment = { wrapText: true, vertical: 'top' };
  fitRowHeight(sheet, 11, v.goalExpected.length > v.goalActual.length ? v.goalExpected : v.goalActual, 60, 48);

  // Indicators from row 12; 一级 labelled with its points and merged down its rows, 二级 likewise.
  const header = ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  header.forEach((h, k) => formCell(sheet, { row: 12, col: k + 1 }, h, 'header'));
  sheet.getRow(12).height = 30;
  let r = 13;
  const first = r;
  const level1s = [...new Set(v.indicators.map((i) => i.level1))];
  for (const level1 of level1s) {
    const rows = v.indicators.filter((i) => i.level1 === level1);
    const points = rows.reduce((s, i) => s + Math.round(i.points * 100), 0) / 100;
    formCell(sheet, { row: r, col: 2, toRow: r + rows.length - 1 }, `${level1}（${points}分）`, 'value');
    let k = 0;
    while (k < rows.length) {
      let end = k;
      while (end + 1 < rows.length && rows[end + 1]!.level2 === rows[k]!.level2) end++;
      formCell(sheet, { row: r + k, col: 3, toRow: r + end }, rows[k]!.level2, 'value');
      k = end + 1;
    }
    for (const i of rows) {
      put(r, 4, i.name);
      put(r, 5, targetText(i));
      input(r, 6, i.actual);
      put(r, 7, i.points);
      sheet.getCell(r, 7).numFmt = '0.##';
      input(r, 8, i.chosenScore, 'decimal');
      input(r, 9, i.explanation);
      sheet.getRow(r).height = 24;
      r++;
    }
  }
  if (r > first) formCell(sheet, { row: first, col: 1, toRow: r - 1 }, null, 'value');
  const totalPoints =
    (Math.round(v.rules.selfEvaluation.weights.execution * 100) + v.indicators.reduce((s, i) => s + Math.round(i.points * 100), 0)) / 100;
  formCell(sheet, { row: r, col: 1, toCol: 6 }, '总分', 'label');
  put(r, 7, totalPoints);
  input(r, 8, null, 'decimal');
  put(r, 9, null);
  r++;
  formCell(sheet, { row: r, col: 1 }, '自评等级', 'label');
  input(r, 2, null);
  r += 2;
  formCell(sheet, { row: r, col: 1, toCol: LAST }, NOTES, 'note');
  sheet.getRow(r).height = 100;
  for (const [row, col] of open) sheet.getCell(row, col).protection = { locked: false };
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
}

/** 年度指标值 as the form prints it: the operator fused in front and the unit behind ("≥1200人次"). */
function targetText(i: SelfEvaluationView['indicators'][number]): string {
  const unit = i.nature !== '定性' && i.unit && !i.target.endsWith(i.unit) ? i.unit : '';
  const operator = i.nature === '定性' || i.nature === '＝' || /^[≥≤＞＜=＝<>]/.test(i.target) ? '' : i.nature;
  return `${operator}${i.target}${unit}`;
}
