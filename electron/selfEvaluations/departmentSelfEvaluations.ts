/**
 * 部门整体自评: a 主管部门's evaluation of its year on a framework copied from a template (by default the
 * shipped 部门整体支出 one; the bureau edits templates in 重点评价). The unit's score on each indicator is
 * scored as one scorer (rules/departmentSelfEvaluationScore.ts) with the year's grade bands and subtotal rule; the
 * status flow and its wording are those of the project self-evaluations. Writes are audited and refused
 * in a closed year.
 */
import { and, asc, eq, isNull, notInArray } from 'drizzle-orm';
import { budgetUnits, departmentSelfEvaluationEntries, departmentSelfEvaluations } from '../../db/schema';
import { LedgerError } from '../../db/ledgerError';
import type { SelfEvaluationStatus } from '../../db/vocabulary';
import { twoDecimalProblem } from '../rules/decimals';
import { formatScore } from '../rules/numberFormat';
import { scoreDepartmentSelfEvaluation, type DepartmentScoreRules } from '../rules/departmentSelfEvaluationScore';
import type { EvaluationScore, Framework } from '../rules/keyEvaluationScore';
import { isSelfEvaluationEditable, SELF_EVALUATION_STATUS } from '../rules/selfEvaluationForm';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireOpenYear, requireYear, ruleSetOf } from '../ledger/years';
import { findFrameworkTemplate } from '../keyEvaluations/frameworkTemplates';
import { SELF_EVALUATION_ACTION } from './selfEvaluationWrites';

export interface DepartmentSelfEvaluationRow {
  id: number;
  year: number;
  unitId: number;
  unitName: string;
  templateName: string;
  status: SelfEvaluationStatus;
  statusLabel: string;
  total: number | null;
  grade: string | null;
  complete: boolean;
  ruleVersion: string | null;
  updatedAt: string;
}

export interface DepartmentSelfEvaluationEntry {
  indicatorCode: string;
  actual: string;
  score: number | null;
  explanation: string;
}

export interface DepartmentSelfEvaluationView extends DepartmentSelfEvaluationRow {
  templateId: string;
  framework: Framework;
  entries: DepartmentSelfEvaluationEntry[];
  findings: string | null;
  editable: boolean;
  /** Live, by the year's rules (equal to the stored total and grade). */
  score: EvaluationScore;
  /** The year's rules, so the screen's live total while typing is the ledger's. */
  rules: DepartmentScoreRules;
}

export interface DepartmentCandidate {
  unitId: number;
  unitName: string;
}

function rulesOf(ctx: ServiceContext, year: number): DepartmentScoreRules {
  const rules = ruleSetOf(ctx, year);
  return { aggregation: 'mean', gradeBands: rules.gradeBands, subtotals: rules.keyEvaluation.subtotals };
}

export function listDepartmentSelfEvaluations(ctx: ServiceContext, input: { year: number }): DepartmentSelfEvaluationRow[] {
  requireYear(ctx, input.year);
  return selectRows(ctx, eq(departmentSelfEvaluations.year, input.year));
}

export function getDepartmentSelfEvaluation(ctx: ServiceContext, input: { id: number }): DepartmentSelfEvaluationView {
  const row = selectRows(ctx, eq(departmentSelfEvaluations.id, input.id))[0];
  if (!row) throw new LedgerError('self_evaluation_missing', '该部门整体自评不存在，请刷新列表后重试。');
  const raw = ctx.ledger.db.select().from(departmentSelfEvaluations).where(eq(departmentSelfEvaluations.id, input.id)).get()!;
  const framework = JSON.parse(raw.framework) as Framework;
  const entries = ctx.ledger.db
    .select()
    .from(departmentSelfEvaluationEntries)
    .where(eq(departmentSelfEvaluationEntries.evaluationId, input.id))
    .orderBy(asc(departmentSelfEvaluationEntries.id))
    .all()
    .map(({ indicatorCode, actual, score, explanation }) => ({ indicatorCode, actual, score, explanation }));
  const rules = rulesOf(ctx, row.year);
  return {
    ...row,
    templateId: raw.templateId,
    framework,
    entries,
    findings: raw.findings,
    editable: isSelfEvaluationEditable(row.status),
    score: scoreDepartmentSelfEvaluation(framework, entries, rules),
    rules,
  };
}

/** Units without a parent (主管部门 and stand-alone units) that have no 部门整体自评 in the year. */
export function departmentSelfEvaluationCandidates(ctx: ServiceContext, input: { year: number }): DepartmentCandidate[] {
  requireYear(ctx, input.year);
  const taken = ctx.ledger.db
    .select({ unitId: departmentSelfEvaluations.unitId })
    .from(departmentSelfEvaluations)
    .where(eq(departmentSelfEvaluations.year, input.year))
    .all()
    .map((r) => r.unitId);
  return ctx.ledger.db
    .select({ unitId: budgetUnits.id, unitName: budgetUnits.name })
    .from(budgetUnits)
    .where(and(isNull(budgetUnits.parentId), taken.length ? notInArray(budgetUnits.id, taken) : undefined))
    .orderBy(asc(budgetUnits.code), asc(budgetUnits.name))
    .all();
}

/** A unit's evaluation with its own copy of the template's framework, every indicator blank. */
export function createDepartmentSelfEvaluation(
  ctx: ServiceContext,
  input: { year: number; unitId: number; templateId: string },
): DepartmentSelfEvaluationView {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const unit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
    if (!unit) throw new LedgerError('unit_missing', '该预算单位不存在，请刷新后重试。');
    const taken = ctx.ledger.db
      .select({ id: departmentSelfEvaluations.id })
      .from(departmentSelfEvaluations)
      .where(and(eq(departmentSelfEvaluations.year, input.year), eq(departmentSelfEvaluations.unitId, unit.id)))
      .get();
    if (taken) throw new LedgerError('self_evaluation_exists', `“${unit.name}”${input.year} 年度已有部门整体自评，请在列表中打开它。`);
    const template = findFrameworkTemplate(ctx, input.templateId);
    if (!template || template.retired)
      throw new LedgerError('invalid_input', '所选指标体系模板不存在或已停用，请重新选择模板。', { templateId: '请选择模板' });
    const row = ctx.ledger.db
      .insert(departmentSelfEvaluations)
      .values({
        year: input.year,
        unitId: unit.id,
        templateId: template.id,
        templateName: template.name,
        framework: JSON.stringify(template.framework),
      })
      .returning({ id: departmentSelfEvaluations.id })
      .get();
    for (const l1 of template.framework)
      for (const l2 of l1.level2)
        for (const ind of l2.indicators)
          ctx.ledger.db.insert(departmentSelfEvaluationEntries).values({ evaluationId: row.id, indicatorCode: ind.code }).run();
    storeScore(ctx, row.id);
    const view = getDepartmentSelfEvaluation(ctx, { id: row.id });
    appendAudit(ctx, {
      action: 'departmentSelfEvaluation.create',
      entity: 'department_self_evaluation',
      entityId: row.id,
      after: auditShape(view),
    });
    return view;
  });
}

/** Saves the unit's entries; refuses, naming the indicator, a score outside 0..分值 or finer than 0.01. */
export function saveDepartmentSelfEvaluation(
  ctx: ServiceContext,
  input: { id: number; entries: DepartmentSelfEvaluationEntry[] },
): DepartmentSelfEvaluationView {
  return inTransaction(ctx, () => {
    const before = getDepartmentSelfEvaluation(ctx, { id: input.id });
    requireOpenYear(ctx, before.year);
    if (!before.editable)
      throw new LedgerError(
        'self_evaluation_locked',
        `该部门整体自评${before.statusLabel}，不能修改。${before.status === 'submitted' ? '需要改正时请先退回单位。' : ''}`,
      );
    const known = new Map(before.score.indicators.map((i) => [i.code, i]));
    if (input.entries.length !== known.size || input.entries.some((e) => !known.has(e.indicatorCode)))
      throw new LedgerError('self_evaluation_stale', '部门整体自评的指标已有变化，请关闭后重新打开再填写。');
    const fields: Record<string, string> = {};
    input.entries.forEach((e, k) => {
      if (e.score === null) return;
      const ind = known.get(e.indicatorCode)!;
      const problem =
        e.score < 0 || e.score > ind.points
          ? `“${ind.name}”的得分 ${formatScore(e.score)} 超出 0–${formatScore(ind.points)} 分（分值 ${formatScore(ind.points)} 分），请填写不超过分值的得分`
          : twoDecimalProblem(`“${ind.name}”的得分`, e.score);
      if (problem) fields[`entries.${k}.score`] = problem;
    });
    if (Object.keys(fields).length > 0)
      throw new LedgerError(
        'invalid_input',
        `部门整体自评有 ${Object.keys(fields).length} 处需要改正：${Object.values(fields)[0]}`,
        fields,
      );
    for (const e of input.entries)
      ctx.ledger.db
        .update(departmentSelfEvaluationEntries)
        .set({ actual: e.actual, score: e.score, explanation: e.explanation })
        .where(
          and(
            eq(departmentSelfEvaluationEntries.evaluationId, input.id),
            eq(departmentSelfEvaluationEntries.indicatorCode, e.indicatorCode),
          ),
        )
        .run();
    ctx.ledger.db
      .update(departmentSelfEvaluations)
      .set({ updatedAt: ctx.now().toISOString() })
      .where(eq(departmentSelfEvaluations.id, input.id))
      .run();
    storeScore(ctx, input.id);
    const after = getDepartmentSelfEvaluation(ctx, { id: input.id });
    appendAudit(ctx, {
      action: 'departmentSelfEvaluation.save',
      entity: 'department_self_evaluation',
      entityId: input.id,
      before: auditShape(before),
      after: auditShape(after),
    });
    return after;
  });
}

/** 报送: only a complete evaluation (every indicator scored) can be handed in. */
export function submitDepartmentSelfEvaluation(ctx: ServiceContext, input: { id: number }): DepartmentSelfEvaluationView {
  return move(ctx, input.id, 'submitted', ['draft', 'returned'], null);
}

/** 退回: the bureau sends a submitted evaluation back with its findings. */
export function returnDepartmentSelfEvaluation(ctx: ServiceContext, input: { id: number; findings: string }): DepartmentSelfEvaluationView {
  const findings = input.findings.trim();
  if (!findings) throw new LedgerError('invalid_input', '请写明退回的原因和需要改正的地方。', { findings: '请填写退回意见' });
  return move(ctx, input.id, 'returned', ['submitted'], findings);
}

/** 审核通过: its total and grade are then the year's. */
export function acceptDepartmentSelfEvaluation(ctx: ServiceContext, input: { id: number }): DepartmentSelfEvaluationView {
  return move(ctx, input.id, 'accepted', ['submitted'], null);
}

function move(
  ctx: ServiceContext,
  id: number,
  to: SelfEvaluationStatus,
  from: readonly SelfEvaluationStatus[],
  findings: string | null,
): DepartmentSelfEvaluationView {
  return inTransaction(ctx, () => {
    const before = getDepartmentSelfEvaluation(ctx, { id });
    requireOpenYear(ctx, before.year);
    if (!from.includes(before.status))
      throw new LedgerError(
        'self_evaluation_status',
        `该部门整体自评${before.statusLabel}，不能${SELF_EVALUATION_ACTION[to]}（只有${from.map((s) => SELF_EVALUATION_STATUS[s]).join('或')}的自评可以）。`,
      );
    if (to !== 'returned' && !before.score.complete) {
      const blank = before.score.indicators.filter((i) => i.score === null).map((i) => `“${i.name}”`);
      throw new LedgerError(
        'self_evaluation_incomplete',
        `部门整体自评还不能${SELF_EVALUATION_ACTION[to]}：${blank.join('、')}尚未评分，请填写得分后再${SELF_EVALUATION_ACTION[to]}。`,
      );
    }
    const now = ctx.now().toISOString();
    ctx.ledger.db
      .update(departmentSelfEvaluations)
      .set({
        status: to,
        updatedAt: now,
        ...(to === 'submitted' ? { submittedAt: now } : { decidedAt: now }),
        ...(findings !== null ? { findings } : {}),
      })
      .where(eq(departmentSelfEvaluations.id, id))
      .run();
    const after = getDepartmentSelfEvaluation(ctx, { id });
    appendAudit(ctx, {
      action: `departmentSelfEvaluation.${to === 'submitted' ? 'submit' : to === 'returned' ? 'return' : 'accept'}`,
      entity: 'department_self_evaluation',
      entityId: id,
      before: { status: before.status, findings: before.findings },
      after: { status: to, findings: after.findings, total: after.total, grade: after.grade },
    });
    return after;
  });
}

/** Computes with the year's rules and stores total, grade, completeness and the rule version. */
function storeScore(ctx: ServiceContext, id: number): void {
  const view = getDepartmentSelfEvaluation(ctx, { id });
  ctx.ledger.db
    .update(departmentSelfEvaluations)
    .set({
      total: view.score.total,
      grade: view.score.grade,
      complete: view.score.complete,
      ruleVersion: ruleSetOf(ctx, view.year).version,
      computedAt: ctx.now().toISOString(),
    })
    .where(eq(departmentSelfEvaluations.id, id))
    .run();
}

function selectRows(ctx: ServiceContext, where: ReturnType<typeof eq>): DepartmentSelfEvaluationRow[] {
  return ctx.ledger.db
    .select({
      id: departmentSelfEvaluations.id,
      year: departmentSelfEvaluations.year,
      unitId: departmentSelfEvaluations.unitId,
      unitName: budgetUnits.name,
      templateName: departmentSelfEvaluations.templateName,
      status: departmentSelfEvaluations.status,
      total: departmentSelfEvaluations.total,
      grade: departmentSelfEvaluations.grade,
      complete: departmentSelfEvaluations.complete,
      ruleVersion: departmentSelfEvaluations.ruleVersion,
      updatedAt: departmentSelfEvaluations.updatedAt,
    })
    .from(departmentSelfEvaluations)
    .innerJoin(budgetUnits, eq(budgetUnits.id, departmentSelfEvaluations.unitId))
    .where(where)
    .orderBy(asc(budgetUnits.code), asc(budgetUnits.name))
    .all()
    .map((r) => ({ ...r, statusLabel: SELF_EVALUATION_STATUS[r.status] }));
}

/** What the audit keeps: the unit's entries and the result, not the framework or the rules. */
function auditShape(v: DepartmentSelfEvaluationView) {
  return { unitId: v.unitId, templateId: v.templateId, status: v.status, total: v.total, grade: v.grade, entries: v.entries };
}
