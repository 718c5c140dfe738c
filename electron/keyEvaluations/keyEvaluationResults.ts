/**
 * 重点绩效评价结果应用: the action the year's rules suggest for a grade (ruleSet.keyEvaluation.
 * resultActions: 优 → 优先保障 …), the actions recorded against next year's budget, the year's
 * publication rows and the year's figures (count, money covered, grade counts) — all computed from the
 * records, never typed in.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { projects, resultActions } from '../../db/schema';
import { RESULT_ACTION_STATUS, type ResultActionStatus } from '../rules/keyEvaluationFrameworks';
import { knownActionTypes, resultActionProblems } from '../rules/resultApplication';
import { addTableSheet, newWorkbook, workbookBytes, type SheetColumn } from '../formats/styledWorkbook';
import { formatWanYuanInText } from '../rules/money';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { listKeyEvaluations, requireEvaluation, type KeyEvaluationRow } from './keyEvaluations';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear, ruleSetOf } from '../ledger/years';

export interface ResultActionRow {
  id: number;
  evaluationId: number;
  actionType: string;
  amountFen: number | null;
  nextYearProjectId: number | null;
  nextYearProjectName: string | null;
  status: ResultActionStatus;
  statusLabel: string;
  note: string | null;
}

export interface ResultActionInput {
  actionType: string;
  amountFen: number | null;
  nextYearProjectId: number | null;
  status: ResultActionStatus;
  note: string | null;
}

export interface PublicationRow {
  evaluationId: number;
  name: string;
  subjectLabel: string;
  unitName: string;
  projectCode: string | null;
  coveredFen: number;
  total: number;
  grade: string;
  evaluatorLabel: string;
  evaluatorName: string | null;
}

export interface KeyEvaluationYearFigures {
  year: number;
  /** Final evaluations. */
  count: number;
  /** Not yet final. */
  unfinished: number;
  coveredFen: number;
  /** In the year's grade-band order, every band listed. */
  byGrade: { grade: string; count: number; coveredFen: number }[];
  /** The summary's sentence, from the figures above. */
  sentence: string;
}

/** The action the year's rules suggest for the evaluation's grade; null until it is final. */
export function suggestedAction(ctx: ServiceContext, input: { evaluationId: number }): { grade: string | null; action: string | null } {
  const row = requireEvaluation(ctx, input.evaluationId);
  if (row.status !== 'final' || row.grade === null) return { grade: null, action: null };
  return { grade: row.grade, action: ruleSetOf(ctx, row.year).keyEvaluation.resultActions[row.grade] ?? null };
}

export function listResultActions(ctx: ServiceContext, input: { evaluationId?: number; year?: number }): ResultActionRow[] {
  const ids = input.evaluationId != null ? [input.evaluationId] : listKeyEvaluations(ctx, { year: input.year! }).map((e) => e.id);
  if (ids.length === 0) return [];
  return ctx.ledger.db
    .select({
      id: resultActions.id,
      evaluationId: resultActions.evaluationId,
      actionType: resultActions.actionType,
      amountFen: resultActions.amountFen,
      nextYearProjectId: resultActions.nextYearProjectId,
      nextYearProjectName: projects.name,
      status: resultActions.status,
      note: resultActions.note,
    })
    .from(resultActions)
    .leftJoin(projects, eq(projects.id, resultActions.nextYearProjectId))
    .where(inArray(resultActions.evaluationId, ids))
    .orderBy(asc(resultActions.id))
    .all()
    .map((r) => ({ ...r, statusLabel: RESULT_ACTION_STATUS[r.status] }));
}

/** Records an action on next year's budget for a final evaluation. */
export function recordResultAction(ctx: ServiceContext, input: ResultActionInput & { evaluationId: number }): ResultActionRow {
  return inTransaction(ctx, () => {
    const evaluation = requireEvaluation(ctx, input.evaluationId);
    requireOpenYear(ctx, evaluation.year);
    if (evaluation.status !== 'final')
      throw new LedgerError('evaluation_not_final', `“${evaluation.name}”的评价尚未定稿，定稿后才能应用评价结果。`);
    const values = validateAction(ctx, evaluation.year, input);
    const row = ctx.ledger.db
      .insert(resultActions)
      .values({ evaluationId: evaluation.id, ...values })
      .returning({ id: resultActions.id })
      .get();
    appendAudit(ctx, {
      action: 'keyEvaluation.recordResultAction',
      entity: 'result_action',
      entityId: row.id,
      after: { evaluationId: evaluation.id, ...values },
    });
    return listResultActions(ctx, { evaluationId: evaluation.id }).find((a) => a.id === row.id)!;
  });
}

export function updateResultAction(ctx: ServiceContext, input: ResultActionInput & { id: number }): ResultActionRow {
  return inTransaction(ctx, () => {
    const before = ctx.ledger.db.select().from(resultActions).where(eq(resultActions.id, input.id)).get();
    if (!before) throw new LedgerError('result_action_missing', '该结果应用记录不存在，请刷新后重试。');
    const evaluation = requireEvaluation(ctx, before.evaluationId);
    requireOpenYear(ctx, evaluation.year);
    const values = validateAction(ctx, evaluation.year, input);
    ctx.ledger.db
      .update(resultActions)
      .set({ ...values, updatedAt: ctx.now().toISOString() })
      .where(eq(resultActions.id, input.id))
      .run();
    const { id: _id, evaluationId: _e, createdAt: _c, updatedAt: _u, ...was } = before;
    appendAudit(ctx, {
      action: 'keyEvaluation.updateResultAction',
      entity: 'result_action',
      entityId: input.id,
      before: was,
      after: values,
    });
    return listResultActions(ctx, { evaluationId: evaluation.id }).find((a) => a.id === input.id)!;
  });
}

/** 评价结果公开: the year's final evaluations (涉密单位 left out), with money, score and grade. */
export function publicationRows(ctx: ServiceContext, input: { year: number }): PublicationRow[] {
  return listKeyEvaluations(ctx, input)
    .filter((e) => e.status === 'final' && !e.unitClassified)
    .map((e) => ({
      evaluationId: e.id,
      name: e.name,
      subjectLabel: e.subjectLabel,
      unitName: e.unitName,
      projectCode: e.projectCode,
      coveredFen: e.coveredFen,
      total: e.total!,
      grade: e.grade!,
      evaluatorLabel: e.evaluatorLabel,
      evaluatorName: e.evaluatorName,
    }));
}

export interface PublicationExport {
  fileName: string;
  bytes: Buffer;
  evaluationCount: number;
  coveredFen: number;
  /** Final evaluations of 涉密单位, left out. */
  excludedClassified: number;
}

/** 评价结果公开表 for the portal: the publication rows as a styled workbook with a 合计 of the money. */
export async function exportKeyEvaluationPublication(ctx: ServiceContext, input: { year: number }): Promise<PublicationExport> {
  const rows = publicationRows(ctx, input);
  if (rows.length === 0) throw new LedgerError('nothing_to_publish', `${input.year} 年度尚无定稿的重点绩效评价可公开。`);
  const excludedClassified = listKeyEvaluations(ctx, input).filter((e) => e.status === 'final' && e.unitClassified).length;
  const columns: SheetColumn<PublicationRow>[] = [
    { header: '序号', width: 6, kind: 'integer', value: (_r, i) => i + 1 },
    { header: '评价对象', width: 40, kind: 'text', value: (r) => r.name, wrap: true },
    { header: '类型', width: 10, kind: 'text', value: (r) => r.subjectLabel },
    { header: '预算单位', width: 28, kind: 'text', value: (r) => r.unitName, wrap: true },
    {
      header: '评价主体',
      width: 24,
      kind: 'text',
      value: (r) => (r.evaluatorName ? `${r.evaluatorLabel}（${r.evaluatorName}）` : r.evaluatorLabel),
      wrap: true,
    },
    { header: '涉及资金（万元）', width: 16, kind: 'money', value: (r) => r.coveredFen, total: true },
    { header: '评价得分', width: 10, kind: 'decimal', value: (r) => r.total },
    { header: '评价等级', width: 10, kind: 'text', value: (r) => r.grade },
  ];
  const workbook = newWorkbook();
  workbook.created = ctx.now();
  workbook.modified = ctx.now();
  const note = `单位：万元；共 ${rows.length} 项${excludedClassified ? `（涉密单位 ${excludedClassified} 项不公开）` : ''}`;
  addTableSheet(workbook, {
    name: '重点评价结果公开',
    title: `${input.year}年度财政重点绩效评价结果公开表`,
    note,
    columns,
    rows,
    totalLabel: '合计',
  });
  const coveredFen = rows.reduce((s, r) => s + r.coveredFen, 0);
  return {
    fileName: `${input.year}年度财政重点绩效评价结果公开表.xlsx`,
    bytes: await workbookBytes(workbook),
    evaluationCount: rows.length,
    coveredFen,
    excludedClassified,
  };
}

/** The year's figures as the annual summary states them, from the final evaluations. */
export function keyEvaluationYearFigures(ctx: ServiceContext, input: { year: number }): KeyEvaluationYearFigures {
  const rules = ruleSetOf(ctx, input.year);
  const all = listKeyEvaluations(ctx, input);
  const final = all.filter((e) => e.status === 'final');
  const grades = [
    ...rules.gradeBands.map((b) => b.grade),
    ...final.map((e) => e.grade!).filter((g) => !rules.gradeBands.some((b) => b.grade === g)),
  ];
  const byGrade = [...new Set(grades)].map((grade) => {
    const list = final.filter((e) => e.grade === grade);
    return { grade, count: list.length, coveredFen: sumFen(list) };
  });
  const coveredFen = sumFen(final);
  const gradePhrases = byGrade
    .filter((g) => g.count > 0)
    .map((g, k) => `${k === 0 ? '评价结果等级为' : ''}“${g.grade}”的项目 ${g.count} 个`);
  const sentence = final.length
    ? `对 ${final.length} 个项目开展重点项目绩效评价，涉及资金 ${formatWanYuanInText(coveredFen)} 万元，${gradePhrases.join('，')}。`
    : `${input.year} 年度尚无定稿的重点绩效评价。`;
  return { year: input.year, count: final.length, unfinished: all.length - final.length, coveredFen, byGrade, sentence };
}

function sumFen(list: KeyEvaluationRow[]): number {
  return list.reduce((s, e) => s + e.coveredFen, 0);
}

function validateAction(ctx: ServiceContext, year: number, input: ResultActionInput): ResultActionInput {
  const nextYearProject =
    input.nextYearProjectId == null
      ? null
      : ctx.ledger.db.select({ year: projects.year }).from(projects).where(eq(projects.id, input.nextYearProjectId)).get();
  const known = knownActionTypes(ruleSetOf(ctx, year).keyEvaluation.resultActions);
  const fields = resultActionProblems(input, { evaluatedYear: year, known, nextYearProject });
  if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
  return {
    actionType: input.actionType.trim(),
    amountFen: input.amountFen,
    nextYearProjectId: input.nextYearProjectId ?? null,
    status: input.status,
    note: input.note?.trim() || null,
  };
}
