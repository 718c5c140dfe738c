/**
 * 三方联合会审 and what follows it: a target that passes the machine checks goes to review; each round
 * keeps the target as reviewed, the three parties' opinions and the bureau's combined result, which
 * moves the target (优 → 待批复, 良 → 财政完善, 中 → 退回修改 and a new round, 差 → 不予安排). Then
 * 批复 locks the targets and 公开 records their publication. Every move is checked against the
 * procedure in rules/jointReview.ts and says why when refused.
 */
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { reviewOpinions, reviewRounds } from '../../db/schema';
import { canMove, REVIEW_OUTCOME, REVIEW_PARTIES, suggestCombinedGrade, TARGET_STATUS } from '../rules/jointReview';
import { passesChecks } from '../rules/targetChecks';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { gateFor } from '../exAnte/exAnte';
import { LedgerError } from '../../db/ledgerError';
import { setTargetStatus } from './targets';
import { requireTarget, snapshotOf, targetDetail, type TargetDetail, type TargetSnapshot } from './targetDetail';
import { setSyncDateInside } from './targetSync';
import { requireOpenYear } from '../ledger/years';
import type { Grade, ReviewParty, TargetStatus } from '../../db/vocabulary';

export interface OpinionInput {
  targetId: number;
  party: ReviewParty;
  reviewer: string | null;
  completeness: Grade;
  relevance: Grade;
  appropriateness: Grade;
  feasibility: Grade;
  opinion: string;
}

export interface ReviewRoundView {
  id: number;
  roundNo: number;
  startedAt: string;
  snapshot: TargetSnapshot;
  opinions: (Omit<OpinionInput, 'targetId'> & { recordedAt: string })[];
  result: Grade | null;
  resultNote: string | null;
  decidedAt: string | null;
  decidedBy: string | null;
  /** Pre-fills the bureau's choice: the rounded mean of the grades given. */
  suggestion: Grade | null;
}

/** 提交会审: the target must pass the machine checks; a new round starts with the target as it stands. */
export function submitForReview(ctx: ServiceContext, input: { targetId: number }): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.targetId);
    requireOpenYear(ctx, target.year);
    requireMove(target.status, 'inReview');
    const detail = targetDetail(ctx, target.id);
    if (!passesChecks(detail.checks)) {
      const failing = detail.checks.filter((c) => !c.ok && c.severity === 'error');
      throw new LedgerError('checks_failed', `机审未通过，不能提交会审：${failing.map((c) => `${c.label}（${c.detail}）`).join('；')}。`);
    }
    const last = latestRound(ctx, target.id);
    const roundNo = (last?.roundNo ?? 0) + 1;
    ctx.ledger.db
      .insert(reviewRounds)
      .values({ targetId: target.id, roundNo, startedAt: ctx.now().toISOString(), snapshot: JSON.stringify(snapshotOf(ctx, target.id)) })
      .run();
    setTargetStatus(ctx, target.id, 'inReview');
    setSyncDateInside(ctx, target.id, 'target', 'declare', today(ctx), false);
    appendAudit(ctx, {
      action: 'review.start',
      entity: 'performance_target',
      entityId: target.id,
      before: { status: target.status },
      after: { status: 'inReview', roundNo },
    });
    return targetDetail(ctx, target.id);
  });
}

/** One party's opinion in the open round; recording it again replaces that party's earlier one. */
export function recordOpinion(ctx: ServiceContext, input: OpinionInput): ReviewRoundView[] {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.targetId);
    requireOpenYear(ctx, target.year);
    const round = openRound(ctx, target.id, target.status);
    const values = {
      roundId: round.id,
      party: input.party,
      reviewer: input.reviewer?.trim() || null,
      completeness: input.completeness,
      relevance: input.relevance,
      appropriateness: input.appropriateness,
      feasibility: input.feasibility,
      opinion: input.opinion.trim(),
      recordedAt: ctx.now().toISOString(),
    };
    const where = and(eq(reviewOpinions.roundId, round.id), eq(reviewOpinions.party, input.party));
    const before = ctx.ledger.db.select().from(reviewOpinions).where(where).get();
    if (before) ctx.ledger.db.update(reviewOpinions).set(values).where(where).run();
    else ctx.ledger.db.insert(reviewOpinions).values(values).run();
    appendAudit(ctx, { action: 'review.opinion', entity: 'review_round', entityId: round.id, before, after: values });
    return listRounds(ctx, { targetId: target.id });
  });
}

/** 会审结论: the bureau's combined result, once all three parties have given their opinion. */
export function decideRound(ctx: ServiceContext, input: { targetId: number; result: Grade; note: string | null }): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.targetId);
    requireOpenYear(ctx, target.year);
    const round = openRound(ctx, target.id, target.status);
    const given = new Set(
      ctx.ledger.db
        .select({ party: reviewOpinions.party })
        .from(reviewOpinions)
        .where(eq(reviewOpinions.roundId, round.id))
        .all()
        .map((o) => o.party),
    );
    const missing = (Object.keys(REVIEW_PARTIES) as ReviewParty[]).filter((p) => !given.has(p)).map((p) => REVIEW_PARTIES[p]);
    if (missing.length)
      throw new LedgerError('opinions_missing', `第 ${round.roundNo} 轮会审还缺少${missing.join('、')}的意见，不能作出结论。`);
    const outcome = REVIEW_OUTCOME[input.result];
    ctx.ledger.db
      .update(reviewRounds)
      .set({ result: input.result, resultNote: input.note?.trim() || null, decidedAt: ctx.now().toISOString(), decidedBy: ctx.actor })
      .where(eq(reviewRounds.id, round.id))
      .run();
    setTargetStatus(ctx, target.id, outcome.status);
    setSyncDateInside(ctx, target.id, 'target', 'review', today(ctx), true);
    appendAudit(ctx, {
      action: 'review.decide',
      entity: 'performance_target',
      entityId: target.id,
      before: { status: target.status },
      after: { roundNo: round.roundNo, result: input.result, status: outcome.status },
    });
    return targetDetail(ctx, target.id);
  });
}

/** 良: after the bureau has completed the targets with the unit, they are ready for approval. */
export function completeByFinance(ctx: ServiceContext, input: { targetId: number }): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.targetId);
    requireOpenYear(ctx, target.year);
    requireMove(target.status, 'ready');
    const detail = targetDetail(ctx, target.id);
    if (!passesChecks(detail.checks)) throw new LedgerError('checks_failed', '完善后的绩效目标仍未通过机审，请按检查清单修改。');
    setTargetStatus(ctx, target.id, 'ready');
    appendAudit(ctx, {
      action: 'target.completeByFinance',
      entity: 'performance_target',
      entityId: target.id,
      before: { status: target.status },
      after: { status: 'ready' },
    });
    return targetDetail(ctx, target.id);
  });
}

/** 批复: ready targets are approved and locked, all listed ones or none. */
export function approveTargets(ctx: ServiceContext, input: { targetIds: number[] }): number {
  return moveAll(ctx, input.targetIds, 'approved', 'approve', 'target.approve');
}

/** 公开: approved targets are recorded as published on the portal, all listed ones or none. */
export function publishTargets(ctx: ServiceContext, input: { targetIds: number[] }): number {
  return moveAll(ctx, input.targetIds, 'published', 'publish', 'target.publish');
}

export function listRounds(ctx: ServiceContext, input: { targetId: number }): ReviewRoundView[] {
  requireTarget(ctx, input.targetId);
  const rounds = ctx.ledger.db
    .select()
    .from(reviewRounds)
    .where(eq(reviewRounds.targetId, input.targetId))
    .orderBy(asc(reviewRounds.roundNo))
    .all();
  const opinions = rounds.length
    ? ctx.ledger.db
        .select()
        .from(reviewOpinions)
        .where(
          inArray(
            reviewOpinions.roundId,
            rounds.map((r) => r.id),
          ),
        )
        .orderBy(asc(reviewOpinions.id))
        .all()
    : [];
  return rounds.map((r) => {
    const mine = opinions
      .filter((o) => o.roundId === r.id)
      .map(({ party, reviewer, completeness, relevance, appropriateness, feasibility, opinion, recordedAt }) => ({
        party,
        reviewer,
        completeness,
        relevance,
        appropriateness,
        feasibility,
        opinion,
        recordedAt,
      }));
    return {
      id: r.id,
      roundNo: r.roundNo,
      startedAt: r.startedAt,
      snapshot: JSON.parse(r.snapshot) as TargetSnapshot,
      opinions: mine,
      result: r.result,
      resultNote: r.resultNote,
      decidedAt: r.decidedAt,
      decidedBy: r.decidedBy,
      suggestion: suggestCombinedGrade(
        mine.map(({ completeness, relevance, appropriateness, feasibility }) => ({
          completeness,
          relevance,
          appropriateness,
          feasibility,
        })),
      ),
    };
  });
}

function moveAll(ctx: ServiceContext, ids: number[], to: TargetStatus, step: 'approve' | 'publish', action: string): number {
  return inTransaction(ctx, () => {
    if (ids.length === 0) throw new LedgerError('invalid_input', '请先勾选要处理的绩效目标。');
    for (const id of ids) {
      const target = requireTarget(ctx, id);
      requireOpenYear(ctx, target.year);
      const detail = targetDetail(ctx, id);
      requireMove(target.status, to, detail.projectName ?? detail.unitName);
      // 批复 is where the budget is approved: a major project needs its supporting 事前评估 first.
      if (to === 'approved' && target.projectId != null) {
        const gate = gateFor(ctx, target.projectId);
        if (!gate.passed) throw new LedgerError('ex_ante_gate', gate.reason!);
      }
      setTargetStatus(ctx, id, to);
      setSyncDateInside(ctx, id, 'target', step, today(ctx), true);
      appendAudit(ctx, { action, entity: 'performance_target', entityId: id, before: { status: target.status }, after: { status: to } });
    }
    return ids.length;
  });
}

function requireMove(from: TargetStatus, to: TargetStatus, name?: string): void {
  if (!canMove(from, to)) {
    throw new LedgerError(
      'bad_step',
      `${name ? `“${name}”的` : ''}绩效目标当前为“${TARGET_STATUS[from]}”，不能转为“${TARGET_STATUS[to]}”。`,
    );
  }
}

function latestRound(ctx: ServiceContext, targetId: number) {
  return ctx.ledger.db.select().from(reviewRounds).where(eq(reviewRounds.targetId, targetId)).orderBy(desc(reviewRounds.roundNo)).get();
}

function openRound(ctx: ServiceContext, targetId: number, status: TargetStatus) {
  const round =
    status === 'inReview'
      ? ctx.ledger.db
          .select()
          .from(reviewRounds)
          .where(and(eq(reviewRounds.targetId, targetId), isNull(reviewRounds.result)))
          .get()
      : undefined;
  if (!round) throw new LedgerError('no_open_round', `该绩效目标当前为“${TARGET_STATUS[status]}”，没有进行中的会审。请先提交会审。`);
  return round;
}

function today(ctx: ServiceContext): string {
  return ctx.now().toISOString().slice(0, 10);
}
