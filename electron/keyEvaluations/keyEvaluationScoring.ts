/**
 * An evaluation's experts, their scores and 定稿. Scores are checked at the field here (an unknown
 * indicator, outside 0–分值, more than two decimals); the aggregate, the total and the grade are
 * scoreEvaluation's, on the year's grade bands.
 */
import { eq, inArray } from 'drizzle-orm';
import { evaluationExperts, expertScores, keyEvaluations } from '../../db/schema';
import { twoDecimalProblem } from '../rules/decimals';
import { formatScore } from '../rules/numberFormat';
import type { Framework } from '../rules/keyEvaluationScore';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { LedgerError } from '../../db/ledgerError';
import { expertsOf, getKeyEvaluation, requireEditable, scoresOf, type KeyEvaluationView } from './keyEvaluations';

/**
 * Sets the experts, in order. An expert kept by name keeps their scores; one left out loses them (the
 * audit entry keeps what they were).
 */
export function setExperts(ctx: ServiceContext, input: { id: number; names: string[] }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const names = input.names.map((n) => n.trim());
    const fields: Record<string, string> = {};
    names.forEach((n, k) => {
      if (!n) fields[`names.${k}`] = '请填写专家姓名';
      else if (names.indexOf(n) !== k) fields[`names.${k}`] = `“${n}”重复`;
    });
    if (names.length === 0) fields.names = '请至少填写一位评分专家';
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的专家后再保存。', fields);
    const before = expertsOf(ctx, row.id);
    const removed = before.filter((e) => !names.includes(e.name));
    const removedScores = removed.length ? scoresOf(ctx, row.id, before).filter((s) => removed.some((e) => e.id === s.expertId)) : [];
    if (removed.length)
      ctx.ledger.db
        .delete(evaluationExperts)
        .where(
          inArray(
            evaluationExperts.id,
            removed.map((e) => e.id),
          ),
        )
        .run();
    names.forEach((name, sortOrder) => {
      const kept = before.find((e) => e.name === name);
      if (kept) ctx.ledger.db.update(evaluationExperts).set({ sortOrder }).where(eq(evaluationExperts.id, kept.id)).run();
      else ctx.ledger.db.insert(evaluationExperts).values({ evaluationId: row.id, name, sortOrder }).run();
    });
    touch(ctx, row.id);
    appendAudit(ctx, {
      action: 'keyEvaluation.setExperts',
      entity: 'key_evaluation',
      entityId: row.id,
      before: { experts: before.map((e) => e.name), removedScores },
      after: { experts: names },
    });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

/**
 * Records one expert's scores on many indicators (an upsert per indicator). All or nothing: an unknown
 * indicator or a score outside 0–分值 is refused at the field `scores.<code>`. The first score moves a
 * draft to 评分中.
 */
export function recordScores(
  ctx: ServiceContext,
  input: { id: number; expertId: number; scores: { indicatorCode: string; score: number | null; basis?: string | null }[] },
): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const expert = expertsOf(ctx, row.id).find((e) => e.id === input.expertId);
    if (!expert) throw new LedgerError('invalid_input', '该专家不在本评价的专家名单中。', { expertId: '请选择本评价的专家' });
    const framework = JSON.parse(row.framework) as Framework;
    const points = new Map(framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => [i.code, i] as const))));
    const fields: Record<string, string> = {};
    for (const s of input.scores) {
      const indicator = points.get(s.indicatorCode);
      const key = `scores.${s.indicatorCode}`;
      if (!indicator) fields[key] = '指标体系中没有该指标';
      else if (
        s.score !== null &&
        (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > indicator.points)
      ) {
        fields[key] = `“${indicator.name}”满分 ${formatScore(indicator.points)} 分，评分应在 0–${formatScore(indicator.points)} 分之间`;
      } else {
        const problem =
          (s.score === null ? null : twoDecimalProblem('评分', s.score)) ??
          ((s.basis ?? '').length > 2000 ? '得分依据不超过 2000 个字' : null);
        if (problem) fields[key] = problem;
      }
    }
    if (Object.keys(fields).length)
      throw new LedgerError('invalid_input', `${expert.name}的评分有 ${Object.keys(fields).length} 处需要修改，未保存。`, fields);
    const at = ctx.now().toISOString();
    for (const s of input.scores) {
      const values = { score: s.score, basis: s.basis?.trim() ?? '', updatedAt: at };
      ctx.ledger.db
        .insert(expertScores)
        .values({ evaluationId: row.id, expertId: expert.id, indicatorCode: s.indicatorCode, ...values })
        .onConflictDoUpdate({ target: [expertScores.expertId, expertScores.indicatorCode], set: values })
        .run();
    }
    ctx.ledger.db.update(keyEvaluations).set({ status: 'scoring', updatedAt: at }).where(eq(keyEvaluations.id, row.id)).run();
    appendAudit(ctx, {
      action: 'keyEvaluation.recordScores',
      entity: 'key_evaluation',
      entityId: row.id,
      after: { expert: expert.name, scores: input.scores },
    });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

/** 定稿: every indicator scored by every expert, nothing out of range; fixes total, grade and rule version. */
export function finalizeKeyEvaluation(ctx: ServiceContext, input: { id: number }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const view = getKeyEvaluation(ctx, { id: row.id });
    if (view.frameworkProblems.length)
      throw new LedgerError('evaluation_incomplete', `评价指标体系有问题，不能定稿：${view.frameworkProblems.join('；')}。`);
    if (view.experts.length === 0) throw new LedgerError('evaluation_incomplete', '尚未填写评分专家，不能定稿。');
    const score = view.score;
    if (!score.complete || score.grade === null) {
      const missing = score.indicators.reduce((n, i) => n + i.byExpert.filter((s) => s === null).length, 0);
      const reasons = [...(missing ? [`还有 ${missing} 项专家评分未填写`] : []), ...score.problems];
      throw new LedgerError('evaluation_incomplete', `评分尚未完成，不能定稿：${reasons.join('；')}。`);
    }
    const rules = ruleSetOf(ctx, row.year);
    const at = ctx.now().toISOString();
    const values = { status: 'final' as const, total: score.total, grade: score.grade, ruleVersion: rules.version, finalizedAt: at };
    ctx.ledger.db
      .update(keyEvaluations)
      .set({ ...values, updatedAt: at })
      .where(eq(keyEvaluations.id, row.id))
      .run();
    appendAudit(ctx, {
      action: 'keyEvaluation.finalize',
      entity: 'key_evaluation',
      entityId: row.id,
      before: { status: row.status },
      after: values,
    });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

function touch(ctx: ServiceContext, id: number): void {
  ctx.ledger.db.update(keyEvaluations).set({ updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, id)).run();
}
