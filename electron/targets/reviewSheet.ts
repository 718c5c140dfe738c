/**
 * 会审意见表 in: the opinions a review party gives in 三方联合会审, read back into each target's open round.
 * Two shapes come back. The sheets the ledger exported (reviewSheetExport.ts), one per target, matched by
 * their 台账识别码 and checked against the open round ("该会审意见表是第 1 轮的，当前为第 2 轮" is refused);
 * and a party's own table listing many projects (reviewTable.ts), matched by 项目代码 or name. Every grade
 * and conclusion is read through rules/reviewConclusions.ts; the opinions are recorded through
 * recordOpinion, all sheets and rows or none, in one transaction. An opinion identical to the one already
 * recorded is left alone (no audit entry).
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { performanceTargets } from '../../db/schema';
import { cellText } from '../formats/findTable';
import { cellIssue, fileIssue, ImportRejected, type IssueSource } from '../formats/importIssue';
import { readWorkbook, type CellValue, type SheetGrid } from '../formats/readWorkbook';
import { REVIEW_DIMENSIONS, type ReviewDimension } from '../rules/jointReview';
import { gradeOfWording } from '../rules/reviewConclusions';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { recordOpinion } from './jointReview';
import { targetDetail } from './targetDetail';
import { duplicateProblem, lengthProblems, openRoundOf, partyOf, settleOpinion } from './reviewOpinionChecks';
import { DECLARATION_LABELS } from './declarationLabels';
import { readFormFields } from './formFields';
import { findMarker } from '../formats/formSheet';
import type { SheetIssue } from './declarationSheet';
import { REVIEW_ID, targetName } from './reviewSheetExport';
import { readReviewTable } from './reviewTable';
import type { Grade, ReviewParty } from '../../db/vocabulary';

export interface ReviewSheetImportInput {
  fileName: string;
  bytes: Uint8Array;
  /** The party whose opinions these are, when the sheets leave 会审方 blank. */
  party?: ReviewParty | null;
}

/** One opinion to record: from an exported sheet (row null) or a row of a party's table. */
export interface ReviewSheetPlan {
  sheet: string;
  /** The table row it was read from; null for an exported per-target sheet. */
  row: number | null;
  action: 'record' | 'unchanged' | 'error';
  targetId: number | null;
  name: string | null;
  roundNo: number | null;
  party: ReviewParty | null;
  reviewer: string | null;
  grades: Partial<Record<ReviewDimension, Grade>>;
  /** The conclusion as a table wrote it ("修改后通过"), when the grades come from it. */
  conclusion: string | null;
  opinion: string;
}

export interface ReviewSheetPreview {
  kind: 'reviewSheet';
  fileName: string;
  sheets: ReviewSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  /** What a table sheet's reading rests on: where its money unit came from, the rows it skipped. */
  notes: { sheet: string; note: string }[];
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

function analyseReview(ctx: ServiceContext, input: ReviewSheetImportInput): ReviewSheetPreview {
  const preview: ReviewSheetPreview = {
    kind: 'reviewSheet',
    fileName: input.fileName,
    sheets: [],
    ignoredSheets: [],
    notes: [],
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
    const marker = findMarker(sheet, REVIEW_ID);
    if (marker || !readReviewTable(ctx, { book, sheet, source, party: input.party ?? null, preview, seen }))
      analyseReviewSheet(ctx, input, sheet, source, preview, seen, marker);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0) {
    preview.errors.push(
      fileIssue(
        input.fileName,
        '没有找到会审意见表：没有一个工作表写有“会审方”“完整性”等栏目，也没有写有“项目名称”和“会审结论”（或“会审意见”）列的表格。请确认选择的是填好的会审意见表。',
      ),
    );
  }
  preview.toRecord = preview.sheets.filter((s) => s.action === 'record').length;
  preview.unchanged = preview.sheets.filter((s) => s.action === 'unchanged').length;
  preview.canCommit = preview.errors.length === 0;
  return preview;
}

/** An exported per-target sheet: its 台账识别码 names the target and round, the opinion block the rest. */
function analyseReviewSheet(
  ctx: ServiceContext,
  input: ReviewSheetImportInput,
  sheet: SheetGrid,
  source: IssueSource,
  preview: ReviewSheetPreview,
  seen: Map<string, string>,
  marker: ReturnType<typeof findMarker>,
): void {
  const fields = readFormFields(sheet, OPINION_LABELS, 0, sheet.rows.length);
  const field = (key: keyof typeof OPINION_LABELS) => fields.get(key)?.at(-1);
  if (!field('completeness') && !field('party') && !marker) {
    preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是会审意见表（没有“会审方”“完整性”等栏目），未读取' });
    return;
  }
  const plan: ReviewSheetPlan = {
    sheet: sheet.name,
    row: null,
    action: 'error',
    targetId: null,
    name: null,
    roundNo: null,
    party: null,
    reviewer: null,
    grades: {},
    conclusion: null,
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
  const round = openRoundOf(ctx, detail, plan.name);
  if ('problem' in round) return void bad(markerPlace, marker.match[0], round.problem);
  const { open } = round;
  if (open.roundNo !== roundNo) {
    bad(
      markerPlace,
      marker.match[0],
      `该会审意见表是第 ${roundNo} 轮的，当前为第 ${open.roundNo} 轮。请导出第 ${open.roundNo} 轮的会审意见表重新填写。`,
    );
    return;
  }

  const partyText = cellText(field('party')?.value ?? null);
  const { party, problem } = partyOf(partyText, input.party);
  if (problem) bad(at('party'), partyText || null, problem);
  plan.party = party;
  const duplicate = party && duplicateProblem(seen, targetId, party, `工作表“${sheet.name}”`);
  if (duplicate) bad(at('party'), partyText, duplicate);

  for (const dim of Object.keys(REVIEW_DIMENSIONS) as ReviewDimension[]) {
    const f = field(dim);
    const t = cellText(f?.value ?? null);
    const grade = gradeOfWording(t);
    if (!f) bad({ row: null, column: null }, null, `找不到“${REVIEW_DIMENSIONS[dim]}”栏。请使用台账导出的会审意见表。`);
    else if (!t) bad(at(dim), null, `请填写${REVIEW_DIMENSIONS[dim]}的评价：优、良、中 或 差。`);
    else if (!grade) bad(at(dim), f.value, `“${t}”不是有效的评价，${REVIEW_DIMENSIONS[dim]}请填写 优、良、中 或 差。`);
    else plan.grades[dim] = grade;
  }
  plan.reviewer = cellText(field('reviewer')?.value ?? null).trim() || null;
  plan.opinion = cellText(field('opinion')?.value ?? null)
    .replace(/\r\n?/g, '\n')
    .trim();
  for (const p of lengthProblems(plan)) bad(at(p.field), p.field === 'reviewer' ? plan.reviewer : null, p.problem);
  if (preview.errors.length > errorsBefore) return;

  const replaced = settleOpinion(plan, open);
  if (replaced)
    preview.warnings.push({ ...cellIssue(source, at('party').row, at('party').column, partyText || null, replaced), sheet: source.sheet });
}
