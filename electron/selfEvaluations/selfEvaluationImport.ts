/**
 * Units' filled 项目支出绩效自评表 workbooks read back (issue #13, domain.md §6, §8): each sheet read by
 * the reviewer's reader (review/selfEvaluationSheet.ts), matched to its self-evaluation by the 台账识别码
 * (a retyped sheet by 项目名称 + 实施单位), and CHECKED by the table review (every score, subtotal, total
 * and grade recomputed with the year's rules) plus the 全年执行数 against the ledger's execution data.
 * The findings never block: the bureau returns the form with them. What blocks is what cannot be
 * stored — an unmatched sheet or indicator, an unreadable amount, funds that do not add up, or a form
 * already 报送 / 审核通过. Commit saves every sheet through saveSelfEvaluation (the ledger recomputes the
 * scores; a printed score is kept only as the pick inside a 定性 or far-above band) and hands it in
 * (报送) where complete — all in one audited transaction, or nothing. A RETURNED form is replaced.
 *
 * Trust: `bytes` is a file the user picked (dialog, upload or command line); bounded by readWorkbook.
 */
import { createHash } from 'node:crypto';
import { LedgerError } from '../../db/ledgerError';
import { findMarker } from '../formats/formSheet';
import { cellIssue, fileIssue, ImportRejected, type ImportIssue, type IssueSource, type TableFinding } from '../formats/importIssue';
import { amountProblem } from '../formats/moneyCells';
import { readWorkbook, type WorkbookGrid } from '../formats/readWorkbook';
import { reviewSelfEvaluation } from '../review/selfEvaluationReview';
import { readSelfEvaluationSheet, type FormAmount, type FormPlace, type SelfEvaluationForm } from '../review/selfEvaluationSheet';
import { formatWanYuan } from '../rules/money';
import { formatScore, formatShare } from '../rules/numberFormat';
import { importedActual } from '../rules/selfEvaluationActual';
import type { FundsBlock } from '../rules/selfEvaluationForm';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import { getSelfEvaluation, listSelfEvaluations, scoreOf, type SelfEvaluationView } from './selfEvaluations';
import { latestExecution, saveSelfEvaluation, submitSelfEvaluation, type SaveSelfEvaluationInput } from './selfEvaluationWrites';
import { changesOf, returnText, type SelfEvaluationChange } from './selfEvaluationImportText';
import { SELF_EVALUATION_ID } from './selfEvaluationTemplate';

export interface SelfEvaluationImportInput {
  year: number;
  fileName: string;
  bytes: Uint8Array;
}

export interface SelfEvaluationSheetIssue extends ImportIssue {
  sheet: string | null;
}

export interface SelfEvaluationSheetPlan {
  sheet: string;
  /** Null when the sheet matches no evaluation. */
  evaluationId: number | null;
  projectName: string | null;
  unitName: string | null;
  /** How it was matched: 台账识别码, or 项目名称 + 实施单位 for a retyped sheet. */
  matchedBy: 'code' | 'name' | null;
  /** Status before the import, and what it will be after it. */
  statusLabel: string | null;
  afterStatusLabel: string | null;
  changes: SelfEvaluationChange[];
  /** The check: every slip with its cell (they do not block the import; the bureau returns the form with them). */
  findings: TableFinding[];
  /** The findings as the 退回意见 the bureau sends with the form; '' when there are none. */
  returnText: string;
  /** The ledger's total and grade after the import. */
  total: number | null;
  grade: string | null;
  ok: boolean;
}

export interface SelfEvaluationImportPreview {
  kind: 'selfEvaluations';
  fileName: string;
  year: number;
  sheets: SelfEvaluationSheetPlan[];
  ignoredSheets: { sheet: string; reason: string }[];
  findingCount: number;
  errors: SelfEvaluationSheetIssue[];
  warnings: SelfEvaluationSheetIssue[];
  canCommit: boolean;
}

export interface SelfEvaluationImportResult {
  preview: SelfEvaluationImportPreview;
  saved: number;
  submitted: number;
}

export function previewSelfEvaluationImport(ctx: ServiceContext, input: SelfEvaluationImportInput): SelfEvaluationImportPreview {
  return run(ctx, input, false).preview;
}

export function commitSelfEvaluationImport(ctx: ServiceContext, input: SelfEvaluationImportInput): SelfEvaluationImportResult {
  return run(ctx, input, true);
}

interface ReadSheet {
  plan: SelfEvaluationSheetPlan;
  save: SaveSelfEvaluationInput;
  source: IssueSource;
  form: SelfEvaluationForm;
}

/** Reads and checks every sheet, then saves them in one transaction: kept on commit, rolled back for a preview or on any error. */
function run(ctx: ServiceContext, input: SelfEvaluationImportInput, commit: boolean): SelfEvaluationImportResult {
  requireOpenYear(ctx, input.year);
  const preview: SelfEvaluationImportPreview = {
    kind: 'selfEvaluations',
    fileName: input.fileName,
    year: input.year,
    sheets: [],
    ignoredSheets: [],
    findingCount: 0,
    errors: [],
    warnings: [],
    canCommit: false,
  };
  const book = readWorkbook(input.bytes, input.fileName);
  const read: ReadSheet[] = [];
  const seen = new Map<number, string>();
  for (const sheet of book.sheets) {
    const one = readSheet(ctx, input, book, sheet.name, preview, seen);
    if (one) read.push(one);
  }
  if (preview.sheets.length === 0 && preview.errors.length === 0)
    preview.errors.push(
      fileIssue(
        input.fileName,
        '没有找到项目支出绩效自评表：没有一个工作表以“项目支出绩效自评表”为标题并有“三级指标”“实际完成值”“分值”“得分”等列。请确认选择的是单位填好的自评表。',
      ),
    );

  preview.findingCount = preview.sheets.reduce((n, s) => n + s.findings.length, 0);
  const rollback = new Error('rollback');
  let saved = 0;
  let submitted = 0;
  try {
    inTransaction(ctx, () => {
      for (const s of read) {
        try {
          const after = saveSelfEvaluation(ctx, s.save);
          saved++;
          const handedIn = after.score.complete ? submitSelfEvaluation(ctx, { id: after.id }) : after;
          if (handedIn.status === 'submitted') submitted++;
          Object.assign(s.plan, { afterStatusLabel: handedIn.statusLabel, total: handedIn.total, grade: handedIn.grade });
        } catch (err) {
          if (!(err instanceof LedgerError)) throw err;
          s.plan.ok = false;
          for (const [field, message] of Object.entries(err.fields ?? { '': err.message })) {
            const place = fieldPlace(s.form, field);
            preview.errors.push({
              ...cellIssue(s.source, place?.row ?? null, place, null, `${message.replace(/。$/, '')}。`),
              sheet: s.source.sheet,
            });
          }
        }
      }
      preview.canCommit = preview.errors.length === 0;
      if (!commit || !preview.canCommit) throw rollback;
      appendAudit(ctx, {
        action: 'import.selfEvaluations',
        entity: 'self_evaluation',
        entityId: null,
        after: {
          fileName: input.fileName,
          sha256: createHash('sha256').update(input.bytes).digest('hex'),
          evaluations: read.map((s) => s.plan.evaluationId),
          submitted,
          findings: preview.findingCount,
        },
      });
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  if (commit && !preview.canCommit) throw new ImportRejected(input.fileName, preview.errors);
  return { preview, saved: commit ? saved : 0, submitted: commit ? submitted : 0 };
}

function readSheet(
  ctx: ServiceContext,
  input: SelfEvaluationImportInput,
  book: WorkbookGrid,
  sheetName: string,
  preview: SelfEvaluationImportPreview,
  seen: Map<number, string>,
): ReadSheet | null {
  const sheet = book.sheets.find((s) => s.name === sheetName)!;
  const form = readSelfEvaluationSheet(sheet);
  if (!form) {
    preview.ignoredSheets.push({ sheet: sheet.name, reason: '不是项目支出绩效自评表（没有该标题或指标表），未读取' });
    return null;
  }
  const source: IssueSource = { fileName: input.fileName, sheet: book.format === 'text' ? null : sheet.name };
  const plan: SelfEvaluationSheetPlan = {
    sheet: sheet.name,
    evaluationId: null,
    projectName: form.projectName,
    unitName: form.implementingUnit,
    matchedBy: null,
    statusLabel: null,
    afterStatusLabel: null,
    changes: [],
    findings: [],
    returnText: '',
    total: null,
    grade: null,
    ok: false,
  };
  preview.sheets.push(plan);
  const bad = (place: Pick<FormPlace, 'row' | 'letter' | 'header'> | null, value: string | null, problem: string) =>
    preview.errors.push({ ...cellIssue(source, place?.row ?? null, place, value, problem), sheet: source.sheet });

  // Which evaluation: the code, else 项目名称 + 实施单位 among the year's 单位自评.
  const marker = findMarker(sheet, SELF_EVALUATION_ID);
  let id: number;
  if (marker) {
    const markerPlace = { row: marker.row, letter: marker.letter, header: '台账识别码' };
    if (Number(marker.match[1]) !== input.year) {
      bad(markerPlace, marker.match[0], `这张自评表属于 ${marker.match[1]} 年度，不是 ${input.year} 年度。请导入到对应的年度。`);
      return null;
    }
    id = Number(marker.match[2]);
    plan.matchedBy = 'code';
  } else {
    const same = (a: string | null, b: string) => (a ?? '').replace(/\s+/g, '') === b.replace(/\s+/g, '');
    const found = listSelfEvaluations(ctx, { year: input.year, kind: 'self' }).filter(
      (r) => same(form.projectName, r.projectName) && same(form.implementingUnit, r.unitName),
    );
    if (found.length !== 1) {
      bad(
        null,
        null,
        `没有台账识别码，按项目名称“${form.projectName ?? '（空）'}”和实施单位“${form.implementingUnit ?? '（空）'}”在 ${input.year} 年度的单位自评中${found.length ? '找到多张' : '找不到'}对应的自评表。请使用台账导出的自评表填写，或核对项目名称和实施单位。`,
      );
      return null;
    }
    id = found[0]!.id;
    plan.matchedBy = 'name';
  }
  let view: SelfEvaluationView;
  try {
    view = getSelfEvaluation(ctx, { id });
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    bad(null, marker?.match[0] ?? null, '台账中没有该识别码对应的自评表。这张自评表可能来自另一本台账，请核对。');
    return null;
  }
  Object.assign(plan, { evaluationId: view.id, projectName: view.projectName, unitName: view.unitName, statusLabel: view.statusLabel });
  if (view.year !== input.year || view.kind !== 'self') {
    bad(null, marker?.match[0] ?? null, `识别码对应的不是 ${input.year} 年度的单位自评表。请核对后重新导出。`);
    return null;
  }
  if (seen.has(view.id)) {
    bad(null, null, `与工作表“${seen.get(view.id)}”是同一个项目（${view.projectName}）的自评表，请只保留一张。`);
    return null;
  }
  seen.set(view.id, sheet.name);
  if (!view.editable) {
    bad(
      null,
      null,
      `“${view.projectName}”的自评表${view.statusLabel}，不能用导入替换。${view.status === 'submitted' ? '需要改正时请先退回单位，再导入单位改好的自评表。' : ''}`,
    );
    return null;
  }

  // Funds: each amount as it reads, blank as not given.
  const errorsBefore = preview.errors.length;
  const amount = (a: FormAmount | undefined): number | null => {
    if (!a) return null;
    if (a.problem) bad(a.place, a.text, amountProblem(a.problem, '万元'));
    return a.fen;
  };
  const line = (l: keyof SelfEvaluationForm['funds']) => form.funds[l];
  const funds: FundsBlock = {
    initialFen: amount(line('total')?.initial),
    budgetFen: amount(line('total')?.budget),
    executedFen: amount(line('total')?.executed),
    fiscalInitialFen: amount(line('fiscal')?.initial),
    fiscalBudgetFen: amount(line('fiscal')?.budget),
    fiscalExecutedFen: amount(line('fiscal')?.executed),
    carryoverInitialFen: amount(line('carryOver')?.initial),
    carryoverBudgetFen: amount(line('carryOver')?.budget),
    carryoverExecutedFen: amount(line('carryOver')?.executed),
    otherInitialFen: amount(line('other')?.initial),
    otherBudgetFen: amount(line('other')?.budget),
    otherExecutedFen: amount(line('other')?.executed),
  };
  if (!line('total')) bad(null, null, '找不到“年度资金总额”行（须在“年初预算数”“全年预算数”“全年执行数”表头下）。请使用台账导出的自评表。');

  // Indicators by 三级指标 name; those not on the sheet keep what the ledger holds.
  const key = (name: string) => name.normalize('NFKC').replace(/\s+/g, '');
  const byName = new Map(form.indicators.map((i) => [key(i.name), i]));
  for (const i of form.indicators)
    if (!view.indicators.some((x) => key(x.name) === key(i.name)))
      bad(
        { row: i.row, letter: i.places.target.letter, header: '三级指标' },
        i.name,
        `“${i.name}”不是“${view.projectName}”批复目标中的年度指标。请不要修改指标名称；指标有变化时请重新导出自评表。`,
      );
  const missing = view.indicators.filter((x) => !byName.has(key(x.name)));
  if (missing.length)
    preview.warnings.push({
      ...cellIssue(source, null, null, null, `表中没有指标 ${missing.map((x) => `“${x.name}”`).join('、')}，这些指标保持台账中的填报。`),
      sheet: source.sheet,
    });
  if (preview.errors.length > errorsBefore) return null;

  const indicators = view.indicators.map((x) => {
    const i = byName.get(key(x.name));
    if (!i) return { id: x.id, actual: x.actual, points: x.points, chosenScore: x.chosenScore, explanation: x.explanation };
    const percent = /[%％]/.test(i.target) || x.unit?.trim() === '%';
    return {
      id: x.id,
      actual: importedActual(i.actual, percent),
      points: x.points,
      chosenScore: null as number | null,
      explanation: i.explanation,
    };
  });
  // A printed score is the ledger's only where the rules leave a pick (定性 band, far-above deduction) and it lies inside.
  const rules = ruleSetOf(ctx, view.year);
  const draft = scoreOf(
    { ...funds, graded: view.graded, executionChosenScore: null },
    view.indicators.map((x, k) => ({ ...x, ...indicators[k]! })),
    rules,
  );
  indicators.forEach((ind, k) => {
    const printed = byName.get(key(view.indicators[k]!.name))?.score.value ?? null;
    const band = draft.indicators[k]!.band;
    if (byName.has(key(view.indicators[k]!.name)))
      ind.chosenScore = band && printed !== null && printed >= band.min && printed <= band.max ? printed : null;
  });
  const printedExecution = form.execution.score?.value ?? null;
  const weight = rules.selfEvaluation.weights.execution;
  const executionChosenScore =
    draft.execution.rate === null &&
    funds.budgetFen === 0 &&
    printedExecution !== null &&
    printedExecution >= 0 &&
    printedExecution <= weight
      ? printedExecution
      : null;
  const save: SaveSelfEvaluationInput = {
    id: view.id,
    graded: view.graded,
    funds,
    executionChosenScore,
    goalExpected: view.goalExpected,
    goalActual: form.goals.actual,
    indicators,
  };

  plan.changes = changesOf(view, save);
  plan.findings = [
    ...reviewSelfEvaluation({ ...book, sheets: [sheet] }, rules).findings,
    ...executionFinding(ctx, view, form, source),
    ...pointsFindings(view, form, source),
  ];
  plan.returnText = returnText(plan.findings);
  plan.ok = true;
  return { plan, save, source, form };
}

/** 全年执行数 against the ledger's latest execution record of the project. */
function executionFinding(ctx: ServiceContext, view: SelfEvaluationView, form: SelfEvaluationForm, source: IssueSource): TableFinding[] {
  const printed = form.funds.total?.executed;
  const record = latestExecution(ctx, view.projectId, view.year);
  if (!printed || printed.fen === null || !record || record.executedFen === null || record.executedFen === printed.fen) return [];
  const rate = (fen: number, budget: number | null) => (budget ? `，执行率 ${formatShare(fen, budget)}` : '');
  const budget = form.funds.total?.budget.fen ?? null;
  return [
    finding(
      source,
      printed.place,
      formatWanYuan(printed.fen),
      formatWanYuan(record.executedFen),
      `全年执行数写为 ${formatWanYuan(printed.fen)} 万元${rate(printed.fen, budget)}；台账执行数据（“${record.roundName}”，截至 ${record.asOfMonth} 月）为 ${formatWanYuan(record.executedFen)} 万元${rate(record.executedFen, record.adjustedBudgetFen)}。请核对全年实际执行数，附支出依据。`,
    ),
  ];
}

/** A 分值 on the sheet other than the ledger's: the ledger keeps its own (the bureau sets the points). */
function pointsFindings(view: SelfEvaluationView, form: SelfEvaluationForm, source: IssueSource): TableFinding[] {
  return form.indicators.flatMap((i) => {
    const x = view.indicators.find((v) => v.name.replace(/\s+/g, '') === i.name.replace(/\s+/g, ''));
    if (!x || i.points.value === null || Math.abs(i.points.value - x.points) < 0.005) return [];
    return [
      finding(
        source,
        i.points.place,
        i.points.text,
        formatScore(x.points),
        `“${i.name}”的分值写为 ${i.points.text}，财政局核定为 ${formatScore(x.points)} 分。分值不由单位修改，台账按 ${formatScore(x.points)} 分计算。`,
      ),
    ];
  });
}

function finding(source: IssueSource, place: FormPlace, printed: string, computed: string, problem: string): TableFinding {
  const issue = cellIssue(source, place.row, place, printed, problem);
  return { sheet: source.sheet, row: place.row, column: place.letter, printed, computed, message: issue.message };
}

/** The cell a save's field problem belongs to ("funds.executedFen" → 年度资金总额's 全年执行数). */
function fieldPlace(form: SelfEvaluationForm, field: string): FormPlace | null {
  const m = /^funds\.(initial|budget|executed|fiscal|carryover|other)(Initial|Budget|Executed)?Fen$/.exec(field);
  if (!m) return null;
  const line = m[2] ? ({ fiscal: 'fiscal', carryover: 'carryOver', other: 'other' } as const)[m[1] as 'fiscal'] : 'total';
  const column = (m[2] ?? m[1]!).toLowerCase() as 'initial' | 'budget' | 'executed';
  return form.funds[line]?.[column].place ?? null;
}
