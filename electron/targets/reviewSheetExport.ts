/**
 * 会审意见表 out: one sheet per target in review, showing the target as the round reviews it (the
 * round's snapshot: goal, funds, indicators, and for a continuing project what each annual indicator
 * achieved last year, since that is where a reviewer judges whether a value is set too low) read-only —
 * the sheet is protected, only the opinion cells are open — and an opinion block: 会审方, 审核人,
 * 完整性/相关性/适当性/可行性 (drop-downs 优/良/中/差) and 修改意见. Its 台账识别码 names the target and the
 * round number; reviewSheet.ts reads it back.
 */
import { eq } from 'drizzle-orm';
import type ExcelJS from 'exceljs';
import { projects } from '../../db/schema';
import { addFormSheet, formCell, listValidation, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, TARGET_STATUS } from '../rules/jointReview';
import { CONTINUITY } from '../rules/labels';
import { lastYearText } from '../rules/targetChecks';
import type { ServiceContext } from '../ledger/context';
import { listIndicatorClasses } from '../indicators/indicators';
import { listRounds, type ReviewRoundView } from './jointReview';
import { LedgerError } from '../../db/ledgerError';
import { targetDetail, type TargetDetail } from './targetDetail';
import { FORM_WIDTHS, indicatorLine, writeDeclarationForm, type DeclarationForm } from './declarationForm';
import { lastYearActualOf, lastYearActuals, NO_LAST_YEAR } from './lastYearActuals';
import { ruleSetOf } from '../ledger/years';
import { GRADES, type ReviewParty } from '../../db/vocabulary';

export interface ReviewSheetExport {
  /** A suggested file name, e.g. "2023年度绩效目标会审意见表.xlsx". */
  fileName: string;
  bytes: Buffer;
  targetCount: number;
}

/** 台账识别码 of a review sheet: the target and the round it belongs to. */
export const REVIEW_ID = /JXTZ-会审-T(\d+)-R(\d+)/;
const reviewIdCode = (targetId: number, roundNo: number) => `JXTZ-会审-T${targetId}-R${roundNo}`;

/**
 * The review workbook for the listed targets, each in its open round. `party` fills the 会审方 cell
 * (default 第三方机构) and pre-fills that party's opinion when one is already recorded.
 */
export async function exportReviewSheet(
  ctx: ServiceContext,
  input: { targetIds: number[]; party?: ReviewParty | null },
): Promise<ReviewSheetExport> {
  if (input.targetIds.length === 0) throw new LedgerError('invalid_input', '请先勾选要导出会审意见表的绩效目标。');
  const party = input.party ?? 'thirdParty';
  const classNames = new Map(listIndicatorClasses(ctx).map((c) => [c.id, c.name]));
  const problems: string[] = [];
  const items: { detail: TargetDetail; round: ReviewRoundView }[] = [];
  for (const id of [...new Set(input.targetIds)]) {
    const detail = targetDetail(ctx, id);
    const round = listRounds(ctx, { targetId: id }).find((r) => r.result === null);
    if (detail.status !== 'inReview' || !round)
      problems.push(`“${targetName(detail)}”当前为“${TARGET_STATUS[detail.status]}”，没有进行中的会审`);
    else items.push({ detail, round });
  }
  if (problems.length)
    throw new LedgerError('not_in_review', `${problems.join('；')}。只有会审中的绩效目标才能导出会审意见表，请先提交会审。`);

  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const years = new Set<number>();
  for (const [index, { detail, round }] of items.entries()) {
    years.add(detail.year);
    const layout = ruleSetOf(ctx, detail.year).indicatorLayout;
    const s = round.snapshot;
    const continuity = detail.projectId
      ? ctx.ledger.db.select({ continuity: projects.continuity }).from(projects).where(eq(projects.id, detail.projectId)).get()?.continuity
      : undefined;
    const form: DeclarationForm = {
      title: `${detail.subject === 'project' ? '项目支出' : '部门整体支出'}绩效目标会审意见表（${detail.year}年度 第 ${round.roundNo} 轮）`,
      idCode: reviewIdCode(detail.id, round.roundNo),
      year: detail.year,
      subject: detail.subject,
      projectName: detail.projectName ?? '',
      projectCode: detail.projectCode ?? '',
      departmentName: detail.departmentName,
      unitName: detail.unitName,
      continuity: continuity ? CONTINUITY[continuity] : '',
      period: s.period ?? '',
      className: s.indicatorClassId ? (classNames.get(s.indicatorClassId) ?? '') : '',
      annualTotalFen: s.annualTotalFen,
      annualFiscalFen: s.annualFiscalFen,
      annualOtherFen: s.annualOtherFen,
      midTotalFen: s.midTotalFen,
      midFiscalFen: s.midFiscalFen,
      midOtherFen: s.midOtherFen,
      mainTasks: s.mainTasks,
      annualGoal: s.annualGoal,
      midTermGoal: s.midTermGoal ?? '',
      indicators: s.indicators.map((i) => indicatorLine(i, layout)),
    };
    const sheet = addFormSheet(workbook, {
      name: detail.projectCode?.trim() || `${index + 1}-${targetName(detail).slice(0, 24)}`,
      widths: FORM_WIDTHS,
    });
    let r = writeDeclarationForm(sheet, form, 'readOnly', layout);
    const lastYear = detail.projectId === null ? NO_LAST_YEAR : lastYearActuals(ctx, detail.projectId);
    writeLastYearColumn(
      sheet,
      r,
      s.indicators.map((i) => (i.period === 'annual' ? lastYearActualOf(lastYear, i.name) : null)),
    );
    r++;
    const given = round.opinions.find((o) => o.party === party);

    formCell(
      sheet,
      { row: r, col: 1, toCol: FORM_WIDTHS.length },
      '会审意见（请在浅黄色单元格中填写；四个维度的评价填 优、良、中 或 差）',
      'section',
    );
    sheet.getRow(r).height = 24;
    r++;
    const open: [number, number][] = [];
    const line = (l1: string, v1: string | null, l2: string, v2: string | null, validation?: ReturnType<typeof listValidation>) => {
      formCell(sheet, { row: r, col: 1 }, l1, 'label');
      formCell(sheet, { row: r, col: 2, toCol: 3 }, v1, 'input');
      formCell(sheet, { row: r, col: 4, toCol: 5 }, l2, 'label');
      formCell(sheet, { row: r, col: 6, toCol: FORM_WIDTHS.length }, v2, 'input');
      if (validation) {
        sheet.getCell(r, 2).dataValidation = validation;
        sheet.getCell(r, 6).dataValidation = validation;
      }
      open.push([r, 2], [r, 6]);
      sheet.getRow(r).height = 22;
      r++;
    };
    const grades = listValidation(GRADES, { strict: true, prompt: '优、良、中 或 差' });
    line('会审方', REVIEW_PARTIES[party], '审核人', given?.reviewer ?? null);
    sheet.getCell(r - 1, 2).dataValidation = listValidation(Object.values(REVIEW_PARTIES), { strict: false });
    line(REVIEW_DIMENSIONS.completeness, given?.completeness ?? null, REVIEW_DIMENSIONS.relevance, given?.relevance ?? null, grades);
    line(
      REVIEW_DIMENSIONS.appropriateness,
      given?.appropriateness ?? null,
      REVIEW_DIMENSIONS.feasibility,
      given?.feasibility ?? null,
      grades,
    );
    formCell(sheet, { row: r, col: 1 }, '修改意见', 'label');
    formCell(sheet, { row: r, col: 2, toCol: FORM_WIDTHS.length }, given?.opinion ?? null, 'input');
    sheet.getRow(r).height = 120;
    open.push([r, 2]);
    r++;
    formCell(
      sheet,
      { row: r, col: 1, toCol: FORM_WIDTHS.length },
      '完整性：目标、资金、指标是否齐全；相关性：指标与项目内容是否相关；适当性：资金与目标是否匹配（过高或过低）；可行性：目标能否如期实现。',
      'note',
    );
    sheet.getRow(r).height = 32;

    // Read-only content, open opinion cells: protection without a password only guards against slips.
    for (const [row, col] of open) sheet.getCell(row, col).protection = { locked: false };
    await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true, formatRows: true, formatColumns: true });
  }
  const year = years.size === 1 ? `${[...years][0]}年度` : '';
  return { fileName: `${year}绩效目标会审意见表.xlsx`, bytes: await workbookBytes(workbook), targetCount: items.length };
}

/** Column I beside the indicator table (which ends just above `end`): 上年实际完成值, when any is known. */
function writeLastYearColumn(sheet: ExcelJS.Worksheet, end: number, actuals: (ReturnType<typeof lastYearActualOf> | null)[]): void {
  if (!actuals.some(Boolean)) return;
  const col = FORM_WIDTHS.length + 1;
  sheet.getColumn(col).width = 16;
  formCell(sheet, { row: end - actuals.length - 1, col }, '上年实际完成值', 'header');
  actuals.forEach((a, i) => formCell(sheet, { row: end - actuals.length + i, col }, a ? lastYearText(a) : null, 'value'));
}

export function targetName(d: TargetDetail): string {
  return d.subject === 'project' ? (d.projectName ?? '') : `${d.unitName}部门整体`;
}
