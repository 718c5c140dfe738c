/**
 * 评价结果应用 on a 绩效自评 or 部门评价: the action the year's rules suggest for its grade, and recording,
 * changing or cancelling an action on next year's budget. Each write is one transaction with its audit
 * entry, refused in a closed year (the evaluated year's, as for key evaluations). The checks are the
 * rules' (rules/resultApplication.ts).
 */
import { eq } from 'drizzle-orm';
import { projects, selfEvaluationActions } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import type { ResultActionStatus } from '../rules/keyEvaluationFrameworks';
import { knownActionTypes, resultActionProblems, resultNotApplicableReason } from '../rules/resultApplication';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import { getSelfEvaluation, listSelfEvaluations, type SelfEvaluationRow } from '../selfEvaluations/selfEvaluations';

export interface EvaluationActionInput {
  actionType: string;
  amountFen: number | null;
  nextYearProjectId: number | null;
  status: ResultActionStatus;
  note: string | null;
}

/** A self-evaluation whose result can be applied, with what the year's rules suggest for its grade. */
export interface ApplicableEvaluation {
  selfEvaluationId: number;
  kindLabel: string;
  projectName: string;
  unitName: string;
  departmentName: string;
  total: number;
  grade: string | null;
  statusLabel: string;
  suggestedAction: string | null;
}

/** The year's self-evaluations and 部门评价 that are scored or accepted, for recording an action. */
export function applicableEvaluations(ctx: ServiceContext, input: { year: number }): ApplicableEvaluation[] {
  // Key evaluations and self-evaluations share the grade → action mapping (优 → 优先保障 …).
  const suggestions = ruleSetOf(ctx, input.year).keyEvaluation.resultActions;
  return listSelfEvaluations(ctx, { year: input.year })
    .filter((r) => resultNotApplicableReason(r) === null)
    .map((r) => ({
      selfEvaluationId: r.id,
      kindLabel: r.kindLabel,
      projectName: r.projectName,
      unitName: r.unitName,
      departmentName: r.departmentName,
      total: r.total!,
      grade: r.grade,
      statusLabel: r.statusLabel,
      suggestedAction: r.grade === null ? null : (suggestions[r.grade] ?? null),
    }));
}

/** Records an action on next year's budget for a scored or accepted self-evaluation. */
export function recordEvaluationAction(ctx: ServiceContext, input: EvaluationActionInput & { selfEvaluationId: number }): { id: number } {
  return inTransaction(ctx, () => {
    const evaluation = requireApplicable(ctx, input.selfEvaluationId);
    const values = validate(ctx, evaluation.year, input);
    const row = ctx.ledger.db
      .insert(selfEvaluationActions)
      .values({ selfEvaluationId: evaluation.id, ...values })
      .returning({ id: selfEvaluationActions.id })
      .get();
    appendAudit(ctx, {
      action: 'resultApplication.record',
      entity: 'self_evaluation_action',
      entityId: row.id,
      after: { selfEvaluationId: evaluation.id, grade: evaluation.grade, total: evaluation.total, ...values },
    });
    return row;
  });
}

/** Changes an action (its status included: 拟定 → 已落实). */
export function updateEvaluationAction(ctx: ServiceContext, input: EvaluationActionInput & { id: number }): { id: number } {
  return inTransaction(ctx, () => {
    const before = requireAction(ctx, input.id);
    const evaluation = requireApplicable(ctx, before.selfEvaluationId);
    const values = validate(ctx, evaluation.year, input);
    write(ctx, input.id, values);
    const { id: _id, selfEvaluationId: _s, createdAt: _c, updatedAt: _u, ...was } = before;
    appendAudit(ctx, {
      action: 'resultApplication.update',
      entity: 'self_evaluation_action',
      entityId: input.id,
      before: was,
      after: values,
    });
    return { id: input.id };
  });
}

/** 撤销: the action stays in the list as 已撤销 (and out of the sums), with why. */
export function cancelEvaluationAction(ctx: ServiceContext, input: { id: number; reason: string }): { id: number } {
  const reason = input.reason.trim();
  if (!reason) throw new LedgerError('invalid_input', '请写明撤销的原因。', { reason: '请填写撤销原因' });
  return inTransaction(ctx, () => {
    const before = requireAction(ctx, input.id);
    const evaluation = getSelfEvaluation(ctx, { id: before.selfEvaluationId });
    requireOpenYear(ctx, evaluation.year);
    if (before.status === 'cancelled') throw new LedgerError('action_cancelled', '该结果应用已撤销，无需再次撤销。');
    const note = before.note ? `${before.note}；撤销原因：${reason}` : `撤销原因：${reason}`;
    write(ctx, input.id, { status: 'cancelled', note });
    appendAudit(ctx, {
      action: 'resultApplication.cancel',
      entity: 'self_evaluation_action',
      entityId: input.id,
      before: { status: before.status, note: before.note },
      after: { status: 'cancelled', note },
    });
    return { id: input.id };
  });
}

// ---------------------------------------------------------------------------------------------------

function requireApplicable(ctx: ServiceContext, id: number): SelfEvaluationRow {
  const evaluation = getSelfEvaluation(ctx, { id });
  requireOpenYear(ctx, evaluation.year);
  const reason = resultNotApplicableReason(evaluation);
  if (reason) throw new LedgerError('evaluation_not_scored', `“${evaluation.projectName}”的${evaluation.kindLabel}${reason}。`);
  return evaluation;
}

function requireAction(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(selfEvaluationActions).where(eq(selfEvaluationActions.id, id)).get();
  if (!row) throw new LedgerError('result_action_missing', '该结果应用记录不存在，请刷新后重试。');
  return row;
}

function write(ctx: ServiceContext, id: number, values: Partial<EvaluationActionInput>): void {
  ctx.ledger.db
    .update(selfEvaluationActions)
    .set({ ...values, updatedAt: ctx.now().toISOString() })
    .where(eq(selfEvaluationActions.id, id))
    .run();
}

function validate(ctx: ServiceContext, year: number, input: EvaluationActionInput): EvaluationActionInput {
  const nextYearProject =
    input.nextYearProjectId == null
      ? null
      : ctx.ledger.db.select({ year: projects.year }).from(projects).where(eq(projects.id, input.nextYearProjectId)).get();
  const fields = resultActionProblems(input, {
    evaluatedYear: year,
    known: knownActionTypes(ruleSetOf(ctx, year).keyEvaluation.resultActions),
    nextYearProject,
  });
  const problems = Object.values(fields);
  if (problems.length) throw new LedgerError('invalid_input', `结果应用有 ${problems.length} 处需要改正：${problems.join('；')}。`, fields);
  return {
    actionType: input.actionType.trim(),
    amountFen: input.amountFen,
    nextYearProjectId: input.nextYearProjectId ?? null,
    status: input.status,
    note: input.note?.trim() || null,
  };
}
