/**
 * 绩效监控预警, computed and stored: the three warning lines per project and round, by the rule
 * functions of rules/warningLines.ts with the year's thresholds, stored with every input and the rule
 * version. The 第三条线 stores the rule's notice decision (noticeDue, with the threshold it used), which
 * the warning list, the round summary and the drafting of 整改通知 all read.
 *
 * A project is covered by a round when it has an execution record in the round, or monitoring entries
 * on its targets. Each covered project gets one row per line; a line without data is stored as "—"
 * (colour none), so the list always shows why. Recomputing unchanged data writes nothing.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { executionRecords, fiscalYears, monitoringEntries, performanceTargets, warnings } from '../../db/schema';
import {
  completionLine,
  executionLine,
  projectDeviation,
  timeProgress,
  type CompletionLine,
  type ExecutionLine,
  type MonitoringRules,
} from '../rules/warningLines';
import { formatPercent } from '../rules/numberFormat';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireRound } from './monitoringRounds';
import { chunks, progressOf, roundIndicators } from './monitoredIndicators';
import type { RoundRef } from './monitoringForm';
import { ruleSetOf } from '../ledger/years';
import type { WarningColour, WarningLine } from '../../db/vocabulary';

export interface ComputeResult {
  roundId: number;
  ruleVersion: string;
  /** Projects covered by the round (execution record or monitoring entries). */
  projects: number;
  /** Warning rows written (new or changed), removed (project no longer covered), and left as they were. */
  written: number;
  removed: number;
  unchanged: number;
  /** A closed year is not recomputed; the stored warnings stand. */
  yearClosed: boolean;
}

interface ComputedLine {
  line: WarningLine;
  colour: WarningColour;
  value: number | null;
  text: string;
  inputs: string;
}

/** Computes and stores the round's warnings; one transaction; idempotent. */
export function computeWarnings(ctx: ServiceContext, input: { roundId: number }): ComputeResult {
  return inTransaction(ctx, () => {
    const round = requireRound(ctx, input.roundId);
    const ruleSet = ruleSetOf(ctx, round.year);
    const closed = isClosed(ctx, round.year);
    const computed = computeLines(ctx, round, ruleSet.monitoring);
    const result: ComputeResult = {
      roundId: round.id,
      ruleVersion: ruleSet.version,
      projects: computed.size,
      written: 0,
      removed: 0,
      unchanged: 0,
      yearClosed: closed,
    };
    if (closed) return result;

    const existing = ctx.ledger.db.select().from(warnings).where(eq(warnings.roundId, round.id)).all();
    const stored = new Map(existing.map((w) => [`${w.projectId}:${w.line}`, w]));
    const now = ctx.now().toISOString();
    const changes: { projectId: number; line: WarningLine; before: string | null; after: string | null }[] = [];
    for (const [projectId, lines] of computed) {
      for (const l of lines) {
        const key = `${projectId}:${l.line}`;
        const old = stored.get(key);
        stored.delete(key);
        if (
          old &&
          old.colour === l.colour &&
          old.value === l.value &&
          old.text === l.text &&
          old.inputs === l.inputs &&
          old.ruleVersion === ruleSet.version
        ) {
          result.unchanged++;
          continue;
        }
        const values = { colour: l.colour, value: l.value, text: l.text, inputs: l.inputs, ruleVersion: ruleSet.version, computedAt: now };
        if (old) ctx.ledger.db.update(warnings).set(values).where(eq(warnings.id, old.id)).run();
        else
          ctx.ledger.db
            .insert(warnings)
            .values({ roundId: round.id, projectId, line: l.line, ...values })
            .run();
        changes.push({ projectId, line: l.line, before: old ? `${old.colour} ${old.text}` : null, after: `${l.colour} ${l.text}` });
        result.written++;
      }
    }
    for (const old of stored.values()) {
      ctx.ledger.db.delete(warnings).where(eq(warnings.id, old.id)).run();
      changes.push({ projectId: old.projectId, line: old.line, before: `${old.colour} ${old.text}`, after: null });
      result.removed++;
    }
    if (changes.length) {
      appendAudit(ctx, {
        action: 'warnings.compute',
        entity: 'monitoring_round',
        entityId: round.id,
        after: { ruleVersion: ruleSet.version, projects: result.projects, written: result.written, removed: result.removed, changes },
      });
    }
    return result;
  });
}

function isClosed(ctx: ServiceContext, year: number): boolean {
  return (
    ctx.ledger.db.select({ status: fiscalYears.status }).from(fiscalYears).where(eq(fiscalYears.year, year)).get()?.status === 'closed'
  );
}

/** The three lines of every covered project, keyed by project id (in id order). */
function computeLines(ctx: ServiceContext, round: RoundRef, rules: MonitoringRules): Map<number, ComputedLine[]> {
  const month = round.asOfMonth;
  const records = new Map(
    ctx.ledger.db
      .select()
      .from(executionRecords)
      .where(eq(executionRecords.roundId, round.id))
      .all()
      .map((r) => [r.projectId, r]),
  );
  // Project targets with entries in this round (a 部门整体 target has no project and no warning row).
  const withEntries = ctx.ledger.db
    .selectDistinct({ projectId: performanceTargets.projectId })
    .from(monitoringEntries)
    .innerJoin(performanceTargets, eq(performanceTargets.id, monitoringEntries.targetId))
    .where(and(eq(monitoringEntries.roundId, round.id), eq(performanceTargets.subject, 'project')))
    .all()
    .map((r) => r.projectId!)
    .filter((id) => id != null);
  const projectIds = [...new Set([...records.keys(), ...withEntries])].sort((a, b) => a - b);
  const targetByProject = new Map<number, number>();
  for (const chunk of chunks(projectIds)) {
    for (const t of ctx.ledger.db
      .select({ id: performanceTargets.id, projectId: performanceTargets.projectId })
      .from(performanceTargets)
      .where(inArray(performanceTargets.projectId, chunk))
      .all()) {
      targetByProject.set(t.projectId!, t.id);
    }
  }
  const indicators = roundIndicators(ctx, round.id, [...targetByProject.values()]);

  const out = new Map<number, ComputedLine[]>();
  for (const projectId of projectIds) {
    const rec = records.get(projectId);
    let executionResult: ExecutionLine | null = null;
    let execution: ComputedLine;
    if (rec) {
      const l = executionLine({ executedFen: rec.executedFen, budgetFen: rec.adjustedBudgetFen, month }, rules);
      executionResult = l;
      execution = {
        line: 'execution',
        colour: l.colour,
        value: l.ratio,
        text: l.text,
        inputs: JSON.stringify({
          month,
          initialBudgetFen: rec.initialBudgetFen,
          adjustedBudgetFen: rec.adjustedBudgetFen,
          executedFen: rec.executedFen,
          expectedFullYearFen: rec.expectedFullYearFen,
          executionRate: l.executionRate,
          timeProgress: l.timeProgress,
          ratio: l.ratio,
          bands: rules.executionBands,
        }),
      };
    } else {
      execution = {
        line: 'execution',
        colour: 'none',
        value: null,
        text: `本轮未导入执行数据，执行率 —，序时进度 ${formatPercent(timeProgress(month))}`,
        inputs: JSON.stringify({ month, executionRecord: null, timeProgress: timeProgress(month), bands: rules.executionBands }),
      };
    }

    const targetId = targetByProject.get(projectId) ?? null;
    const list = targetId === null ? [] : (indicators.get(targetId) ?? []);
    let completionResult: CompletionLine | null = null;
    let completion: ComputedLine;
    if (targetId === null || list.length === 0) {
      completion = {
        line: 'completion',
        colour: 'none',
        value: null,
        text: targetId === null ? '项目没有绩效目标，目标完成率 —' : '绩效目标没有年度指标，目标完成率 —',
        inputs: JSON.stringify({ month, targetId, indicators: [], bands: rules.completionBands }),
      };
    } else if (!list.some((ri) => ri.entry && ri.entry.currentValue.trim() !== '')) {
      completion = {
        line: 'completion',
        colour: 'none',
        value: null,
        text: '本轮未填报指标完成情况，目标完成率 —',
        inputs: JSON.stringify({ month, targetId, indicators: [], bands: rules.completionBands }),
      };
    } else {
      const progress = list.map((ri) => progressOf(ri.indicator, ri.entry?.currentValue ?? ''));
      const l = completionLine(progress, month, rules);
      completionResult = l;
      completion = {
        line: 'completion',
        colour: l.colour,
        value: l.completionRate,
        text: l.text,
        inputs: JSON.stringify({
          month,
          targetId,
          completionRate: l.completionRate,
          annualCompletionRate: l.annualCompletionRate,
          indicators: list.map((ri, i) => ({
            key: ri.key,
            name: ri.indicator.name,
            level2: ri.indicator.level2,
            nature: ri.indicator.nature,
            target: ri.indicator.value,
            unit: ri.indicator.unit,
            current: progress[i]!.current,
            ratio: l.indicators[i]!.ratio,
            completion: l.indicators[i]!.completion,
            annualCompletion: l.indicators[i]!.annualCompletion,
            colour: l.indicators[i]!.colour,
          })),
          bands: rules.completionBands,
        }),
      };
    }

    const d = projectDeviation(executionResult, completionResult, rules);
    const deviation: ComputedLine = {
      line: 'deviation',
      colour: d.colour,
      value: d.deviation,
      text: d.text,
      inputs: JSON.stringify({
        basis: rules.deviationBasis,
        executionRate: executionResult?.executionRate ?? null,
        executionRatio: executionResult?.ratio ?? null,
        completionRate: completionResult?.completionRate ?? null,
        annualCompletionRate: completionResult?.annualCompletionRate ?? null,
        deviation: d.deviation,
        threshold: d.threshold,
        noticeDue: d.noticeDue,
      }),
    };
    out.set(projectId, [execution, completion, deviation]);
  }
  return out;
}

/** The notice decision a stored 第三条线 carries (see computeLines); null when its inputs hold none. */
export function storedNoticeDecision(inputs: Record<string, unknown>): { noticeDue: boolean; threshold: number } | null {
  return typeof inputs.noticeDue === 'boolean' && typeof inputs.threshold === 'number'
    ? { noticeDue: inputs.noticeDue, threshold: inputs.threshold }
    : null;
}
