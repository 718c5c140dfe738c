/**
 * An evaluation's 评价指标体系: from a template (shipped or the bureau's) spread on the 一级 weights,
 * edited on screen, or read from a workbook (frameworkExchange.ts). Whatever checkFramework finds is
 * refused (frameworkRefusal.ts); experts' scores on indicators the new framework no longer has are
 * dropped, kept in the audit entry.
 */
import { eq, inArray } from 'drizzle-orm';
import { expertScores, keyEvaluations } from '../../db/schema';
import { defaultWeights, respreadWeights } from '../rules/keyEvaluationFrameworks';
import type { Framework } from '../rules/keyEvaluationScore';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { LedgerError } from '../../db/ledgerError';
import { requireUsableFramework } from './frameworkRefusal';
import { findFrameworkTemplate } from './frameworkTemplates';
import { getKeyEvaluation, requireEditable, type KeyEvaluationView } from './keyEvaluations';

/**
 * Sets the framework from a template — shipped or the bureau's (services/frameworkTemplates.ts) — spread
 * on `weights` (one per 一级). Without weights a shipped template takes the year's
 * ruleSet.keyEvaluation.defaultWeights and a bureau template keeps its own. A retired template is refused.
 */
export function applyFrameworkTemplate(
  ctx: ServiceContext,
  input: { id: number; templateId: string; weights?: number[] | null },
): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const template = findFrameworkTemplate(ctx, input.templateId);
    if (!template) throw new LedgerError('invalid_input', '没有这个指标体系模板。', { templateId: '请选择指标体系模板' });
    if (template.retired)
      throw new LedgerError('invalid_input', `模板“${template.name}”已停用，请选择其他模板或先启用它。`, { templateId: '该模板已停用' });
    const weights = input.weights ?? (template.builtIn ? defaultWeights(ruleSetOf(ctx, row.year)) : null);
    let framework = template.framework;
    if (weights) {
      try {
        framework = respreadWeights(framework, weights);
      } catch (err) {
        if (!(err instanceof RangeError)) throw err;
        throw new LedgerError('invalid_input', `一级指标权重个数不对：${err.message}。`, { weights: err.message });
      }
    }
    return writeFramework(ctx, row, framework, template.id, 'keyEvaluation.applyTemplate');
  });
}

/** Saves an edited framework; refused, each problem at its field, when checkFramework finds any. */
export function saveFramework(ctx: ServiceContext, input: { id: number; framework: Framework }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    return writeFramework(ctx, row, input.framework, row.templateId, 'keyEvaluation.saveFramework');
  });
}

/** Replaces the framework with one read from a workbook (services/frameworkExchange.ts); no template behind it. */
export function saveImportedFramework(
  ctx: ServiceContext,
  input: { id: number; framework: Framework; fileName: string },
): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    return writeFramework(ctx, row, input.framework, null, 'keyEvaluation.importFramework', { fileName: input.fileName });
  });
}

function writeFramework(
  ctx: ServiceContext,
  row: typeof keyEvaluations.$inferSelect,
  framework: Framework,
  templateId: string | null,
  action: string,
  /** Where the framework came from, for the audit entry (an imported file). */
  source: Record<string, string> = {},
): KeyEvaluationView {
  requireUsableFramework(framework, '评价指标体系有问题，未保存');
  // Scores on indicators the framework no longer has are dropped (kept in the audit entry).
  const codes = new Set(framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
  const orphaned = ctx.ledger.db
    .select()
    .from(expertScores)
    .where(eq(expertScores.evaluationId, row.id))
    .all()
    .filter((s) => !codes.has(s.indicatorCode));
  if (orphaned.length)
    ctx.ledger.db
      .delete(expertScores)
      .where(
        inArray(
          expertScores.id,
          orphaned.map((s) => s.id),
        ),
      )
      .run();
  ctx.ledger.db
    .update(keyEvaluations)
    .set({ framework: JSON.stringify(framework), templateId, updatedAt: ctx.now().toISOString() })
    .where(eq(keyEvaluations.id, row.id))
    .run();
  appendAudit(ctx, {
    action,
    entity: 'key_evaluation',
    entityId: row.id,
    before: {
      templateId: row.templateId,
      framework: JSON.parse(row.framework),
      droppedScores: orphaned.map((s) => ({ expertId: s.expertId, indicatorCode: s.indicatorCode, score: s.score })),
    },
    after: { ...source, templateId, framework },
  });
  return getKeyEvaluation(ctx, { id: row.id });
}
