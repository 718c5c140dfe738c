/**
 * 会审意见表: the workbook a review party (usually the third-party institution) fills in for 三方联合会审,
 * and reading it back into the open round.
 *
 * Out: one sheet per target in review, showing the target as the round reviews it (the round's
 * snapshot: goal, funds, indicators) read-only — the sheet is protected, only the opinion cells are open —
 * and an opinion block: 会审方, 审核人, 完整性/相关性/适当性/可行性 (drop-downs 优/良/中/差) and 修改意见.
 * Its 台账识别码 names the target and the round number.
 *
 * In: every sheet with a 会审意见 block is matched to its target by that code and checked against the
 * open round ("该会审意见表是第 1 轮的，当前为第 2 轮" is refused), each grade cell against 优/良/中/差;
 * the opinions are recorded through recordOpinion, all sheets or none, in one transaction. An opinion
 * identical to the one already recorded is left alone (no audit entry).
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { performanceTargets, projects } from '../../db/schema';
import { cellText } from '../formats/findTable';
import { cellIssue, fileIssue, ImportRejected, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import { addFormSheet, formCell, listValidation, newWorkbook, workbookBytes } from '../formats/styledWorkbook';
import { REVIEW_DIMENSIONS, REVIEW_PARTIES, TARGET_STATUS, type ReviewDimension } from '../rules/jointReview';
import { CONTINUITY } from '../rules/labels';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { listIndicatorClasses } from '../indicators/indicators';
import { listRounds, recordOpinion, type ReviewRoundView } from './jointReview';
import { LedgerError } from '../../db/ledgerError';
import { targetDetail, type TargetDetail } from './targetDetail';
import { FORM_WIDTHS, indicatorLine, writeDeclarationForm, type DeclarationForm } from './declarationForm';
import { DECLARATION_LABELS } from './declarationLabels';
import { readFormFields } from './formFields';
import { findMarker } from '../formats/formSheet';
import { ruleSetOf } from '../ledger/years';
import type { SheetIssue } from './declarationSheet';
import { type Grade, GRADES, type ReviewParty } from '../../db/vocabulary';

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
    let r = writeDeclarationForm(sheet, form, 'readOnly', layout) + 1;
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

// ---------------------------------------------------------------------------------------------------
// In

export interface ReviewSheetImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** The party whose opinions these are, when the sheets leave 会审方 blank. */
  party?: ReviewParty | null;
}

export interface ReviewSheetPlan {
  sheet: string;
  action: 'record' | 'unchanged' | 'error';
  targetId: number | null;
  name: string | null;
  roundNo: number | null;
  party: ReviewParty | null;
  reviewer: string | null;
  grades: Partial<Record<ReviewDimension, Grade>>;
  opinion: string;
}

export interface ReviewSheetPreview {
  kind: 'reviewSheet';
  fileName: string;
  sheets: ReviewSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  toRecord: number;
  unchanged: number;
  errors: SheetIssue[];
  warnings: SheetIssue[];
  canCommit: boolean;
}

export interface ReviewSheetImportResult {
  preview: ReviewSheetPreview;
  recorded: number;
  unchanged: number;
}

export function previewReviewSheetImport(ctx: ServiceContext, input: ReviewSheetImportInput): ReviewSheetPreview {
  return analyseReview(ctx, input);
}

/** Records every sheet's opinion in its target's open round, in one transaction; refuses the lot on any error. */
export function commitReviewSheetImport(ctx: ServiceContext, input: ReviewSheetImportInput): ReviewSheetImportResult {
  const preview = analyseReview(ctx, input);
  if (!preview.canCommit) throw new ImportRejected(input.fileName, preview.errors);
  const toRecord = preview.sheets.filter((s) => s.action === 'record');
  if (toRecord.length) {
    inTransaction(ctx, () => {
      for (const s of toRecord) {
        recordOpinion(ctx, {
          targetId: s.targetId!,
          party: s.party!,
          reviewer: s.reviewer,
          completeness: s.grades.completeness!,
          relevance: s.grades.relevance!,
          appropriateness: s.grades.appropriateness!,
          feasibility: s.grades.feasibility!,
          opinion: s.opinion,
        });
      }
      appendAudit(ctx, {
        action: 'import.reviewSheet',
        entity: 'review_round',
        entityId: null,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          recorded: toRecord.length,
          unchanged: preview.unchanged,
        },
      });
    });
  }
  return { preview, recorded: toRecord.length, unchanged: preview.unchanged };
}

export const OPINION_LABELS = {
  party: ['会审方', '会审单位', '审核方', '评审方'],
  reviewer: ['审核人', '会审人', '评审人', '审核人员'],
  completeness: ['完整性'],
  relevance: ['相关性'],
  appropriateness: ['适当性'],
  feasibility: ['可行性'],
  opinion: ['修改意见', '会审意见及修改建议', '审核意见', '意见'],
} as const;

const GRADE_WORDS: Record<string, Grade> = {
  优: '优',
  优秀: '优',
  良: '良',
  良好: '良',
  中: '中',
  中等: '中',
  一般: '中',
  差: '差',
  较差: '差',
};

function analyseReview(ctx: ServiceContext, input: ReviewSheetImportInput): ReviewSheetPreview {
  const preview: ReviewSheetPreview = {
    kind: 'reviewSheet',
    fileName: input.fileName,
    sheets: [],
    ignoredSheets: [],
    toRecord: 0,
    unchanged: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const seen = new Map<string, string>();
  for (const sheet of book.sheets) {
    const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
    analyseReviewSheet(ctx, input, sheet, source, preview, seen);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push(
      fileIssue(input.fileName, '没有找到会审意见表：没有一个工作表写有“会审方”“完整性”等栏目。请确认选择的是填好的会审意见表。'),
    );
  }
  preview.toRecord = preview.sheets.filter((s) => s.action === 'record').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return preview;
}

function analyseReviewSheet(
  ctx: ServiceContext,
  input: ReviewSheetImportInput,
  sheet: SheetGrid,
  source: IssueSource,
  preview: ReviewSheetPreview,
  seen: Map<string, string>,
): void {
  const fields = readFormFields(sheet, OPINION_LABELS, 0, sheet.rows.length);
  const field = (key: keyof typeof OPINION_LABELS) => fields.get(key)?.at(-1);
  const marker = findMarker(sheet, REVIEW_ID);
  if (!field('completeness') && !field('party') && !marker) {
    preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是会审意见表（没有“会审方”“完整性”等栏目），未读取' });
    return;
  }
  const plan: ReviewSheetPlan = {
    sheet: sheet.name,
    action: 'error',
    targetId: null,
    name: null,
    roundNo: null,
    party: null,
    reviewer: null,
    grades: {},
    opinion: '',
  };
  preview.sheets.push(plan);
  const errorsBefore = preview.errors.length;
  type Place = { row: number | null; column: { letter: string; header: string } | null };
  const at = (key: keyof typeof OPINION_LABELS): Place => {
    const f = field(key);
    return f ? { row: f.row, column: { letter: f.letter, header: f.label.replace(/[:：\s]+$/, '') } } : { row: null, column: null };
  };
  const bad = (place: Place, value: CellValue, problem: string) =>
    preview.errors.push({ ...cellIssue(source, place.row, place.column, cellText(value) || null, problem), sheet: source.sheet });

  if (!marker) {
    bad(
      { row: 2, column: null },
      null,
      '找不到“台账识别码”（形如 JXTZ-会审-T12-R1），无法确定是哪个绩效目标的哪一轮会审。请使用台账导出的会审意见表填写。',
    );
    return;
  }
  const markerPlace = { row: marker.row, column: { letter: marker.letter, header: '台账识别码' } };
  const targetId = Number(marker.match[1]);
  const roundNo = Number(marker.match[2]);
  Object.assign(plan, { targetId, roundNo });
  const target = ctx.ledger.db.select().from(performanceTargets).where(eq(performanceTargets.id, targetId)).get();
  if (!target) {
    bad(markerPlace, marker.match[0], '台账中没有该识别码对应的绩效目标。这张会审意见表可能来自另一本台账，请核对。');
    return;
  }
  const detail = targetDetail(ctx, targetId);
  plan.name = targetName(detail);
  // The code must belong to this sheet's target: a name that disagrees means a copied sheet or another ledger.
  const shown = readFormFields(sheet, DECLARATION_LABELS, 0, Math.min(sheet.rows.length, 12));
  const shownName = cellText(shown.get('projectName')?.[0]?.value ?? null).replace(/\s*\n\s*/g, '');
  if (detail.subject === 'project' && shownName && shownName !== detail.projectName) {
    bad(
      markerPlace,
      marker.match[0],
      `识别码对应台账中的“${detail.projectName}”，表中项目名称却是“${shownName}”。请使用台账导出的会审意见表，不要复制其他项目的工作表。`,
    );
    return;
  }
  const rounds = listRounds(ctx, { targetId });
  const open = detail.status === 'inReview' ? rounds.find((r) => r.result === null) : undefined;
  if (!open) {
    const last = rounds.at(-1);
    bad(
      markerPlace,
      marker.match[0],
      `“${plan.name}”当前为“${TARGET_STATUS[detail.status]}”，没有进行中的会审${last?.result ? `（第 ${last.roundNo} 轮已作出结论：${last.result}）` : ''}，不能再录入会审意见。`,
    );
    return;
  }
  if (open.roundNo !== roundNo) {
    bad(
      markerPlace,
      marker.match[0],
      `该会审意见表是第 ${roundNo} 轮的，当前为第 ${open.roundNo} 轮。请导出第 ${open.roundNo} 轮的会审意见表重新填写。`,
    );
    return;
  }

  // Who gave the opinion.
  const partyText = cellText(field('party')?.value ?? null);
  const party = partyText ? partyFromText(partyText) : (input.party ?? null);
  if (partyText && !party)
    bad(at('party'), partyText, `“${partyText}”不是会审方。请填写 ${Object.values(REVIEW_PARTIES).join('、')} 之一。`);
  else if (!party) bad(at('party'), null, `请填写会审方（${Object.values(REVIEW_PARTIES).join('、')}）。`);
  else if (input.party && partyText && party !== input.party) {
    bad(
      at('party'),
      partyText,
      `表中会审方为“${REVIEW_PARTIES[party]}”，导入时选择的是“${REVIEW_PARTIES[input.party]}”。请核对后重新导入。`,
    );
  }
  plan.party = party;
  const key = `${targetId}\u0000${party}`;
  if (party && seen.has(key)) bad(at('party'), partyText, `与工作表“${seen.get(key)}”是同一绩效目标同一会审方的意见，请只保留一张。`);
  else if (party) seen.set(key, sheet.name);

  for (const dim of Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[]) {
    const f = field(dim);
    const t = cellText(f?.value ?? null)
      .normalize('NFKC')
      .replace(/\s+/g, '');
    const grade = GRADE_WORDS[t];
    if (!f) bad({ row: null, column: null }, null, `找不到“${REVIEW_DIMENSIONS[dim]}”栏。请使用台账导出的会审意见表。`);
    else if (!t) bad(at(dim), null, `请填写${REVIEW_DIMENSIONS[dim]}的评价：优、良、中 或 差。`);
    else if (!grade) bad(at(dim), f.value, `“${cellText(f.value)}”不是有效的评价，${REVIEW_DIMENSIONS[dim]}请填写 优、良、中 或 差。`);
    else plan.grades[dim] = grade;
  }
  plan.reviewer = cellText(field('reviewer')?.value ?? null).trim() || null;
  plan.opinion = cellText(field('opinion')?.value ?? null)
    .replace(/\r\n?/g, '\n')
    .trim();
  if (plan.reviewer && plan.reviewer.length > 50) bad(at('reviewer'), plan.reviewer, '审核人不超过 50 个字。');
  if (plan.opinion.length > 2000) bad(at('opinion'), null, `修改意见有 ${plan.opinion.length} 个字，超过 2000 字，请精简。`);
  if (preview.errors.length > errorsBefore) return;

  const before = open.opinions.find((o) => o.party === party);
  const same =
    before &&
    before.reviewer === plan.reviewer &&
    before.opinion === plan.opinion &&
    (Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[]).every((d) => before[d] === plan.grades[d]);
  plan.action = same ? 'unchanged' : 'record';
  if (before && !same) {
    preview.warnings.push({
      ...cellIssue(
        source,
        at('party').row,
        at('party').column,
        partyText || null,
        `第 ${open.roundNo} 轮已录入过${REVIEW_PARTIES[party!]}的意见，导入后将以本表为准。`,
      ),
      sheet: source.sheet,
    });
  }
}

function partyFromText(text: string): ReviewParty | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  for (const [party, label] of Object.entries(REVIEW_PARTIES) as [ReviewParty, string][]) if (t === label.normalize('NFKC')) return party;
  if (/第三方/.test(t)) return 'thirdParty';
  if (/财政|绩效股|业务股/.test(t)) return 'finance';
  if (/单位|主管部门|部门/.test(t)) return 'unit';
  return null;
}

function targetName(d: TargetDetail): string {
  return d.subject === 'project' ? (d.projectName ?? '') : `${d.unitName}部门整体`;
}
