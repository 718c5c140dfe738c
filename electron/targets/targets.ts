/**
 * 绩效目标: declaring a project's or a unit's targets, and the edits allowed at each step. The review
 * rounds live in jointReview.ts; both load a target and take its snapshot through targetDetail.ts.
 *
 * Common indicators come from the library: a row naming a library indicator takes its 一级/二级/名称/
 * 性质/单位 from the library the first time it is used, and keeps that wording afterwards even when
 * the library is edited. A row without one is a 个性 indicator, checked for being well-formed.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import {
  budgetUnits,
  indicatorClasses,
  indicators,
  performanceTargets,
  projects,
  targetAdjustments,
  targetIndicators,
} from '../../db/schema';
import { indicatorProblems } from '../rules/indicatorRules';
import { isEditable, isLocked } from '../rules/jointReview';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { createIndicator, type IndicatorRow } from '../indicators/indicators';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear } from '../ledger/years';
import type { TargetStatus } from '../../db/vocabulary';
import { requireTarget, snapshotOf, targetDetail, type TargetContent, type TargetDetail } from './targetDetail';
import { setSyncDateInside } from './targetSync';

/** Starts a project's (or a unit's 部门整体) targets as a draft, funds taken from the project's budget. */
export function createTarget(ctx: ServiceContext, input: { year: number; projectId: number | null; unitId: number | null }): TargetDetail {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    let values: typeof performanceTargets.$inferInsert;
    if (input.projectId != null) {
      const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
      if (!project || project.year !== input.year)
        throw new LedgerError('project_missing', `${input.year} 年度没有这个项目，请刷新后重试。`);
      const existing = ctx.ledger.db
        .select({ id: performanceTargets.id })
        .from(performanceTargets)
        .where(eq(performanceTargets.projectId, project.id))
        .get();
      if (existing) return targetDetail(ctx, existing.id);
      values = {
        year: input.year,
        subject: 'project',
        projectId: project.id,
        unitId: project.unitId,
        period: `${input.year}年`,
        annualTotalFen: project.initialBudgetFen,
        annualFiscalFen: project.initialBudgetFen,
        annualOtherFen: 0,
      };
    } else {
      const unit =
        input.unitId == null ? undefined : ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
      if (!unit) throw new LedgerError('invalid_input', '请选择要填报部门整体绩效目标的单位。', { unitId: '请选择单位' });
      const existing = ctx.ledger.db
        .select({ id: performanceTargets.id })
        .from(performanceTargets)
        .where(
          and(
            eq(performanceTargets.year, input.year),
            eq(performanceTargets.subject, 'department'),
            eq(performanceTargets.unitId, unit.id),
          ),
        )
        .get();
      if (existing) return targetDetail(ctx, existing.id);
      const budget = unitProjectBudgetFen(ctx, input.year, unit.id);
      values = {
        year: input.year,
        subject: 'department',
        unitId: unit.id,
        period: `${input.year}年`,
        annualTotalFen: budget,
        annualFiscalFen: budget,
        annualOtherFen: 0,
      };
    }
    const row = ctx.ledger.db.insert(performanceTargets).values(values).returning({ id: performanceTargets.id }).get();
    setSyncDateInside(ctx, row.id, 'target', 'assign', ctx.now().toISOString().slice(0, 10), false);
    appendAudit(ctx, { action: 'target.create', entity: 'performance_target', entityId: row.id, after: values });
    return targetDetail(ctx, row.id);
  });
}

/** A unit's 部门整体 funds before anyone writes them: its projects' 年初预算 of the year, in 分. */
export function unitProjectBudgetFen(ctx: ServiceContext, year: number, unitId: number): number {
  return (
    ctx.ledger.db
      .select({ fen: sql<number>`coalesce(sum(initial_budget_fen), 0)` })
      .from(projects)
      .where(and(eq(projects.year, year), eq(projects.unitId, unitId)))
      .get()?.fen ?? 0
  );
}

/** Saves the content of a target still being written (draft, returned, or completed by the bureau after 良). */
export function saveTarget(ctx: ServiceContext, input: TargetContent & { id: number }): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.id);
    requireOpenYear(ctx, target.year);
    if (isLocked(target.status))
      throw new LedgerError('target_locked', '绩效目标已批复，不能直接修改。如需变更，请走“目标调整”并写明原因。');
    if (!isEditable(target.status))
      throw new LedgerError('target_in_review', '绩效目标正在会审中，不能修改。请等待会审结果；退回修改后可再编辑。');
    const before = snapshotOf(ctx, target.id);
    writeContent(ctx, target.id, input);
    appendAudit(ctx, {
      action: 'target.save',
      entity: 'performance_target',
      entityId: target.id,
      before,
      after: snapshotOf(ctx, target.id),
    });
    return targetDetail(ctx, target.id);
  });
}

/** 目标调整: changes approved targets, keeping the reason and both versions. */
export function adjustTarget(ctx: ServiceContext, input: TargetContent & { id: number; reason: string }): TargetDetail {
  return inTransaction(ctx, () => {
    const target = requireTarget(ctx, input.id);
    requireOpenYear(ctx, target.year);
    if (!isLocked(target.status))
      throw new LedgerError('target_not_locked', '只有已批复的绩效目标需要走调整程序；未批复的目标请直接修改。');
    const reason = input.reason.trim();
    if (!reason) throw new LedgerError('invalid_input', '请写明调整原因。', { reason: '请写明调整原因' });
    const before = snapshotOf(ctx, target.id);
    writeContent(ctx, target.id, input);
    const after = snapshotOf(ctx, target.id);
    ctx.ledger.db
      .insert(targetAdjustments)
      .values({
        targetId: target.id,
        at: ctx.now().toISOString(),
        actor: ctx.actor,
        reason,
        before: JSON.stringify(before),
        after: JSON.stringify(after),
      })
      .run();
    appendAudit(ctx, { action: 'target.adjust', entity: 'performance_target', entityId: target.id, before, after: { reason, ...after } });
    return targetDetail(ctx, target.id);
  });
}

/** 纳入指标库: a 个性 indicator of a target becomes a common one; the target row then points at it. */
export function promoteIndicator(ctx: ServiceContext, input: { targetIndicatorId: number; classId: number }): IndicatorRow {
  return inTransaction(ctx, () => {
    const row = ctx.ledger.db.select().from(targetIndicators).where(eq(targetIndicators.id, input.targetIndicatorId)).get();
    if (!row) throw new LedgerError('indicator_missing', '该指标不存在，请刷新后重试。');
    if (row.libraryIndicatorId != null) throw new LedgerError('already_common', `“${row.name}”已是共性指标。`);
    const created = createIndicator(ctx, {
      classId: input.classId,
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      nature: row.nature,
      unit: row.unit,
      explanation: null,
      standard: null,
      keywords: null,
      referenceHint: row.value ? `${row.nature === '定性' ? '' : row.nature}${row.value}${row.unit ?? ''}` : null,
      mandatory: false,
      scope: row.period === 'midTerm' ? 'overall' : 'annual',
    });
    ctx.ledger.db.update(targetIndicators).set({ libraryIndicatorId: created.id }).where(eq(targetIndicators.id, row.id)).run();
    appendAudit(ctx, {
      action: 'indicator.promote',
      entity: 'target_indicator',
      entityId: row.id,
      after: { libraryIndicatorId: created.id },
    });
    return created;
  });
}

export function setTargetStatus(ctx: ServiceContext, id: number, status: TargetStatus): void {
  ctx.ledger.db.update(performanceTargets).set({ status, updatedAt: ctx.now().toISOString() }).where(eq(performanceTargets.id, id)).run();
}

/** Validates and writes a target's content; the caller holds the transaction and checks the status. */
function writeContent(ctx: ServiceContext, targetId: number, input: TargetContent): void {
  const fields: Record<string, string> = {};
  const money = (key: string, v: number | null) => {
    if (v !== null && (!Number.isSafeInteger(v) || v < 0)) fields[key] = '金额须为不小于 0 的数';
  };
  money('annualTotalFen', input.annualTotalFen);
  money('annualFiscalFen', input.annualFiscalFen);
  money('annualOtherFen', input.annualOtherFen);
  money('midTotalFen', input.midTotalFen);
  money('midFiscalFen', input.midFiscalFen);
  money('midOtherFen', input.midOtherFen);
  if (
    input.indicatorClassId != null &&
    !ctx.ledger.db.select().from(indicatorClasses).where(eq(indicatorClasses.id, input.indicatorClassId)).get()
  ) {
    fields.indicatorClassId = '所选指标类别不存在';
  }

  const kept = new Map(
    ctx.ledger.db
      .select()
      .from(targetIndicators)
      .where(eq(targetIndicators.targetId, targetId))
      .all()
      .filter((r) => r.libraryIndicatorId != null)
      .map((r) => [r.libraryIndicatorId!, r]),
  );
  const libraryIds = input.indicators.map((i) => i.libraryIndicatorId).filter((v): v is number => v != null);
  const library = new Map(
    (libraryIds.length ? ctx.ledger.db.select().from(indicators).where(inArray(indicators.id, libraryIds)).all() : []).map((i) => [
      i.id,
      i,
    ]),
  );

  const rows = input.indicators.map((ind, index) => {
    const at = `indicators.${index}`;
    const value = ind.value.trim();
    if (ind.libraryIndicatorId != null) {
      const previous = kept.get(ind.libraryIndicatorId);
      const lib = library.get(ind.libraryIndicatorId);
      // Wording already on this target stays as it was written; a new use takes the library's current wording.
      if (previous)
        return {
          level1: previous.level1,
          level2: previous.level2,
          name: previous.name,
          nature: previous.nature,
          unit: previous.unit,
          libraryIndicatorId: ind.libraryIndicatorId,
          period: ind.period,
          value,
        };
      if (!lib) {
        fields[`${at}.name`] = `“${ind.name}”不在共性指标库中。共性指标必须从指标库选取；项目特有的指标请作为个性指标添加。`;
      } else if (lib.retiredAt) {
        fields[`${at}.name`] = `共性指标“${lib.name}”已停用，不能再选用。请改选其他指标。`;
      }
      return {
        level1: lib?.level1 ?? ind.level1,
        level2: lib?.level2 ?? ind.level2,
        name: lib?.name ?? ind.name,
        nature: lib?.nature ?? ind.nature,
        unit: lib?.unit ?? null,
        libraryIndicatorId: ind.libraryIndicatorId,
        period: ind.period,
        value,
      };
    }
    const problems = indicatorProblems(ind);
    for (const [field, problem] of Object.entries(problems)) fields[`${at}.${field}`] = `第 ${index + 1} 个指标：${problem}`;
    return {
      level1: ind.level1.trim(),
      level2: ind.level2.trim(),
      name: ind.name.trim(),
      nature: ind.nature,
      unit: ind.nature === '定性' ? null : ind.unit?.trim() || null,
      libraryIndicatorId: null,
      period: ind.period,
      value,
    };
  });
  if (Object.keys(fields).length)
    throw new LedgerError(
      'invalid_input',
      `绩效目标有误：${Object.values(fields)[0]}${Object.keys(fields).length > 1 ? ' 等' : ''}。`,
      fields,
    );

  ctx.ledger.db
    .update(performanceTargets)
    .set({
      indicatorClassId: input.indicatorClassId,
      period: input.period?.trim() || null,
      midTermGoal: input.midTermGoal?.trim() || null,
      annualGoal: input.annualGoal.trim(),
      mainTasks: input.mainTasks?.trim() || null,
      annualTotalFen: input.annualTotalFen,
      annualFiscalFen: input.annualFiscalFen,
      annualOtherFen: input.annualOtherFen,
      midTotalFen: input.midTotalFen,
      midFiscalFen: input.midFiscalFen,
      midOtherFen: input.midOtherFen,
      updatedAt: ctx.now().toISOString(),
    })
    .where(eq(performanceTargets.id, targetId))
    .run();
  ctx.ledger.db.delete(targetIndicators).where(eq(targetIndicators.targetId, targetId)).run();
  if (rows.length)
    ctx.ledger.db
      .insert(targetIndicators)
      .values(rows.map((r, i) => ({ ...r, targetId, sortOrder: i })))
      .run();
}
