/**
 * Writing 绩效自评 and 部门评价: creating a project's form pre-filled from its approved target and the
 * ledger's execution data, saving the unit's figures, and the bureau's 报送 / 退回 / 审核通过. Each write
 * is one transaction with its audit entry, refused in a closed year, and stores the total, grade and
 * completeness as the year's rules compute them (with the rule version), so the list never shows a
 * score the rules would not give.
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import {
  executionRecords,
  monitoringRounds,
  performanceTargets,
  projects,
  selfEvaluationIndicators,
  selfEvaluations,
  targetIndicators,
} from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import type { SelfEvaluationKind, SelfEvaluationStatus } from '../../db/vocabulary';
import { twoDecimalProblem } from '../rules/decimals';
import { defaultPoints, fundsProblems, SELF_EVALUATION_KIND, SELF_EVALUATION_STATUS, type FundsBlock } from '../rules/selfEvaluationForm';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import { getSelfEvaluation, indicatorsOf, rulesOf, scoreOf, type SelfEvaluationView } from './selfEvaluations';

export interface SaveSelfEvaluationInput {
  id: number;
  graded: boolean;
  funds: FundsBlock;
  executionChosenScore: number | null;
  goalExpected: string;
  goalActual: string;
  indicators: { id: number; actual: string; points: number; chosenScore: number | null; explanation: string }[];
}

/** A project's form, pre-filled: the approved target's annual indicators, and its funds from the ledger. */
export function createSelfEvaluation(ctx: ServiceContext, input: { projectId: number; kind: SelfEvaluationKind }): SelfEvaluationView {
  return inTransaction(ctx, () => {
    const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
    if (!project) throw new LedgerError('project_missing', '该项目不存在，请刷新后重试。');
    requireOpenYear(ctx, project.year);
    const taken = ctx.ledger.db
      .select({ id: selfEvaluations.id })
      .from(selfEvaluations)
      .where(and(eq(selfEvaluations.projectId, project.id), eq(selfEvaluations.kind, input.kind)))
      .get();
    if (taken)
      throw new LedgerError('self_evaluation_exists', `“${project.name}”已有${SELF_EVALUATION_KIND[input.kind]}表，请在列表中打开它。`);
    const target = ctx.ledger.db
      .select()
      .from(performanceTargets)
      .where(and(eq(performanceTargets.projectId, project.id), inArray(performanceTargets.status, ['approved', 'published'])))
      .orderBy(desc(performanceTargets.id))
      .get();
    if (!target)
      throw new LedgerError(
        'target_not_approved',
        `“${project.name}”还没有批复的绩效目标。自评的指标和年度指标值取自批复的目标，请先完成绩效目标的会审和批复。`,
      );
    const indicators = ctx.ledger.db
      .select()
      .from(targetIndicators)
      .where(and(eq(targetIndicators.targetId, target.id), eq(targetIndicators.period, 'annual')))
      .orderBy(targetIndicators.sortOrder, targetIndicators.id)
      .all();
    const rules = ruleSetOf(ctx, project.year);
    const points = defaultPoints(indicators, rules);

    const record = latestExecution(ctx, project.id, project.year);
    const initialFen = record?.initialBudgetFen ?? project.initialBudgetFen;
    // The target's fiscal / other split only where it is of the same 年初预算数, so the rows add up.
    const split = target.annualTotalFen === initialFen;
    const row = ctx.ledger.db
      .insert(selfEvaluations)
      .values({
        year: project.year,
        kind: input.kind,
        projectId: project.id,
        targetId: target.id,
        initialFen,
        budgetFen: record?.adjustedBudgetFen ?? project.initialBudgetFen,
        executedFen: record?.executedFen ?? null,
        fiscalInitialFen: split ? target.annualFiscalFen : null,
        otherInitialFen: split ? target.annualOtherFen : null,
        executionSource: record ? `取自“${record.roundName}”的执行数据（截至 ${record.asOfMonth} 月），请按全年实际执行数核对` : null,
        goalExpected: target.annualGoal,
      })
      .returning({ id: selfEvaluations.id })
      .get();
    indicators.forEach((ind, k) =>
      ctx.ledger.db
        .insert(selfEvaluationIndicators)
        .values({
          selfEvaluationId: row.id,
          sortOrder: k,
          level1: ind.level1,
          level2: ind.level2,
          name: ind.name,
          nature: ind.nature,
          target: ind.value,
          unit: ind.unit,
          points: points[k]!,
        })
        .run(),
    );
    storeScore(ctx, row.id);
    const view = getSelfEvaluation(ctx, { id: row.id });
    appendAudit(ctx, { action: 'selfEvaluation.create', entity: 'self_evaluation', entityId: row.id, after: auditShape(view) });
    return view;
  });
}

/** Saves the unit's figures; refuses, by field and in the form's words, what the form cannot hold. */
export function saveSelfEvaluation(ctx: ServiceContext, input: SaveSelfEvaluationInput): SelfEvaluationView {
  return inTransaction(ctx, () => {
    const before = getSelfEvaluation(ctx, { id: input.id });
    requireOpenYear(ctx, before.year);
    if (!before.editable)
      throw new LedgerError(
        'self_evaluation_locked',
        `该自评表${before.statusLabel}，不能修改。${before.status === 'submitted' ? '需要改正时请先退回单位。' : ''}`,
      );
    const fields: Record<string, string> = {};
    for (const [key, problem] of Object.entries(fundsProblems(input.funds))) fields[`funds.${key}`] = problem;
    const chosen = input.executionChosenScore;
    if (chosen !== null) {
      const problem = twoDecimalProblem('预算执行率得分', chosen);
      if (problem) fields.executionChosenScore = problem;
    }
    const known = new Map(before.indicators.map((i) => [i.id, i]));
    if (input.indicators.length !== known.size || input.indicators.some((i) => !known.has(i.id)))
      throw new LedgerError('self_evaluation_stale', '自评表的指标已有变化，请关闭后重新打开再填写。');
    input.indicators.forEach((i, k) => {
      const name = known.get(i.id)!.name;
      if (!(i.points >= 0)) fields[`indicators.${k}.points`] = `“${name}”的分值须为不小于 0 的数`;
      else {
        const problem = twoDecimalProblem(`“${name}”的分值`, i.points);
        if (problem) fields[`indicators.${k}.points`] = problem;
      }
      if (i.chosenScore !== null) {
        const problem = i.chosenScore < 0 ? `“${name}”的得分须为不小于 0 的数` : twoDecimalProblem(`“${name}”的得分`, i.chosenScore);
        if (problem) fields[`indicators.${k}.chosenScore`] = problem;
      }
    });
    if (Object.keys(fields).length > 0)
      throw new LedgerError('invalid_input', `自评表有 ${Object.keys(fields).length} 处需要改正：${Object.values(fields)[0]}`, fields);

    ctx.ledger.db
      .update(selfEvaluations)
      .set({
        graded: input.graded,
        ...input.funds,
        executionChosenScore: chosen,
        goalExpected: input.goalExpected,
        goalActual: input.goalActual,
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(selfEvaluations.id, input.id))
      .run();
    for (const i of input.indicators)
      ctx.ledger.db
        .update(selfEvaluationIndicators)
        .set({ actual: i.actual, points: i.points, chosenScore: i.chosenScore, explanation: i.explanation })
        .where(eq(selfEvaluationIndicators.id, i.id))
        .run();
    storeScore(ctx, input.id);
    const after = getSelfEvaluation(ctx, { id: input.id });
    appendAudit(ctx, {
      action: 'selfEvaluation.save',
      entity: 'self_evaluation',
      entityId: input.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    return after;
  });
}

/** 报送: the unit hands in a complete form (every part scored); a form the rules cannot score is refused with why. */
export function submitSelfEvaluation(ctx: ServiceContext, input: { id: number }): SelfEvaluationView {
  return move(ctx, input.id, 'submitted', ['draft', 'returned'], 'selfEvaluation.submit', {}, true);
}

/** 退回: the bureau sends a submitted form back with its findings; the unit's corrected form replaces it. */
export function returnSelfEvaluation(ctx: ServiceContext, input: { id: number; findings: string }): SelfEvaluationView {
  const findings = input.findings.trim();
  if (!findings) throw new LedgerError('invalid_input', '请写明退回的原因和需要改正的地方。', { findings: '请填写退回意见' });
  return move(ctx, input.id, 'returned', ['submitted'], 'selfEvaluation.return', { findings }, false);
}

/** 审核通过: the bureau accepts a submitted form; its total and grade are then the year's. */
export function acceptSelfEvaluation(ctx: ServiceContext, input: { id: number }): SelfEvaluationView {
  return move(ctx, input.id, 'accepted', ['submitted'], 'selfEvaluation.accept', {}, true);
}

function move(
  ctx: ServiceContext,
  id: number,
  to: SelfEvaluationStatus,
  from: readonly SelfEvaluationStatus[],
  action: string,
  extra: { findings?: string },
  requireComplete: boolean,
): SelfEvaluationView {
  return inTransaction(ctx, () => {
    const before = getSelfEvaluation(ctx, { id });
    requireOpenYear(ctx, before.year);
    if (!from.includes(before.status))
      throw new LedgerError(
        'self_evaluation_status',
        `该自评表${before.statusLabel}，不能${SELF_EVALUATION_ACTION[to]}（只有${from.map((s) => SELF_EVALUATION_STATUS[s]).join('或')}的自评表可以）。`,
      );
    if (requireComplete && !before.score.complete)
      throw new LedgerError(
        'self_evaluation_incomplete',
        `自评表还不能${SELF_EVALUATION_ACTION[to]}：${before.score.problems.join('；')}。`,
      );
    const now = ctx.now().toISOString();
    ctx.ledger.db
      .update(selfEvaluations)
      .set({
        status: to,
        updatedAt: now,
        ...(to === 'submitted' ? { submittedAt: now } : { decidedAt: now }),
        ...(to === 'returned' ? { findings: extra.findings } : {}),
      })
      .where(eq(selfEvaluations.id, id))
      .run();
    const after = getSelfEvaluation(ctx, { id });
    appendAudit(ctx, {
      action,
      entity: 'self_evaluation',
      entityId: id,
      before: { status: before.status, findings: before.findings },
      after: { status: to, findings: after.findings, total: after.total, grade: after.grade },
    });
    return after;
  });
}

export const SELF_EVALUATION_ACTION: Record<SelfEvaluationStatus, string> = {
  draft: '重新填报',
  submitted: '报送',
  returned: '退回',
  accepted: '审核通过',
};

/** Computes with the year's rules and stores total, grade, completeness and the rule version. */
function storeScore(ctx: ServiceContext, id: number): void {
  const form = ctx.ledger.db.select().from(selfEvaluations).where(eq(selfEvaluations.id, id)).get()!;
  const score = scoreOf(form, indicatorsOf(ctx, id), rulesOf(ctx, form.year));
  ctx.ledger.db
    .update(selfEvaluations)
    .set({
      total: score.total,
      grade: score.grade,
      complete: score.complete,
      ruleVersion: ruleSetOf(ctx, form.year).version,
      computedAt: ctx.now().toISOString(),
    })
    .where(eq(selfEvaluations.id, id))
    .run();
}

/** The project's latest execution record of its year (by the round's month, then the newest import). */
export function latestExecution(ctx: ServiceContext, projectId: number, year: number) {
  return ctx.ledger.db
    .select({
      initialBudgetFen: executionRecords.initialBudgetFen,
      adjustedBudgetFen: executionRecords.adjustedBudgetFen,
      executedFen: executionRecords.executedFen,
      roundName: monitoringRounds.name,
      asOfMonth: monitoringRounds.asOfMonth,
    })
    .from(executionRecords)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, executionRecords.roundId))
    .where(and(eq(executionRecords.projectId, projectId), eq(monitoringRounds.year, year)))
    .orderBy(desc(monitoringRounds.asOfMonth), desc(executionRecords.importedAt), desc(executionRecords.id))
    .get();
}

/** What the audit keeps of a form: its figures and result, not the rules or labels. */
function auditShape(v: SelfEvaluationView) {
  const { score: _s, rules: _r, indicators, ...rest } = v;
  return {
    ...rest,
    indicators: indicators.map(({ id, actual, points, chosenScore, explanation }) => ({ id, actual, points, chosenScore, explanation })),
  };
}
