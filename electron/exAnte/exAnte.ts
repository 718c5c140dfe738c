/**
 * 事前绩效评估 and the 项目库 gate. An assessment is scored on the year's five-dimension framework;
 * finalising it fixes the total, the conclusion and the rule version. A project flagged as a new major
 * policy or project (majorPolicy) enters the library, and has its targets approved, only when its
 * latest final assessment is 予以支持 — or 调整完善后予以支持 with the revised plan recorded and
 * re-checked. The same condition is a trigger in the ledger (migration 0005), so no path around the
 * services can break it.
 */
import { and, desc, eq, sql } from 'drizzle-orm';
import { exAnteAssessments, projects } from '../../db/schema';
import { scoreExAnte, verdictOfConclusion, type ExAnteScore, type ItemScore } from '../rules/exAnteScore';
import type { RuleSet } from '../rules/ruleSet';
import { formatScore } from '../rules/numberFormat';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import type { AssessmentStatus, Assessor, Verdict } from '../../db/vocabulary';

export type { Verdict };

export interface AssessmentContent {
  assessor: Assessor;
  assessorName: string | null;
  recommendedBudgetFen: number | null;
  workSummary: string | null;
  findings: string | null;
  suggestions: string | null;
  otherNotes: string | null;
  scores: ItemScore[];
}

export interface AssessmentView extends AssessmentContent {
  id: number;
  year: number;
  projectId: number | null;
  subjectName: string;
  unitName: string | null;
  projectBudgetFen: number | null;
  status: AssessmentStatus;
  /** Scored live on the year's rules while a draft; as finalised afterwards. */
  score: ExAnteScore;
  verdict: Verdict | null;
  conclusion: string | null;
  ruleVersion: string | null;
  finalizedAt: string | null;
  revisedPlan: string | null;
  recheckedAt: string | null;
  recheckedBy: string | null;
  /** The framework it is scored on, for the form. */
  framework: RuleSet['exAnte']['framework'];
  ratingShares: RuleSet['exAnte']['ratingShares'];
  conclusionBands: RuleSet['exAnte']['conclusionBands'];
}

export interface GateState {
  required: boolean;
  passed: boolean;
  /** Why not, in the words shown to the clerk; null when passed or not required. */
  reason: string | null;
}

export function listAssessments(ctx: ServiceContext, input: { year: number }): AssessmentView[] {
  return ctx.ledger.db
    .select({ id: exAnteAssessments.id })
    .from(exAnteAssessments)
    .where(eq(exAnteAssessments.year, input.year))
    .orderBy(exAnteAssessments.id)
    .all()
    .map((r) => assessmentView(ctx, r.id));
}

export function getAssessment(ctx: ServiceContext, input: { id: number }): AssessmentView {
  return assessmentView(ctx, input.id);
}

/** Starts an assessment of a project of the year, or of a policy named by the clerk. */
export function createAssessment(
  ctx: ServiceContext,
  input: { year: number; projectId: number | null; subjectName: string | null; assessor: Assessor },
): AssessmentView {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    let subjectName = input.subjectName?.trim() ?? '';
    if (input.projectId != null) {
      const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
      if (!project || project.year !== input.year)
        throw new LedgerError('invalid_input', `${input.year} 年度没有所选项目。`, { projectId: '请选择本年度的项目' });
      subjectName = project.name;
    }
    if (!subjectName) throw new LedgerError('invalid_input', '请选择项目，或填写被评估政策的名称。', { subjectName: '请填写评估对象名称' });
    const row = ctx.ledger.db
      .insert(exAnteAssessments)
      .values({ year: input.year, projectId: input.projectId, subjectName, assessor: input.assessor })
      .returning({ id: exAnteAssessments.id })
      .get();
    appendAudit(ctx, { action: 'exAnte.create', entity: 'ex_ante_assessment', entityId: row.id, after: { ...input, subjectName } });
    return assessmentView(ctx, row.id);
  });
}

/** Saves a draft's scores and findings; points outside a rating's band are kept but block finalising. */
export function saveAssessment(ctx: ServiceContext, input: AssessmentContent & { id: number }): AssessmentView {
  return inTransaction(ctx, () => {
    const row = requireAssessment(ctx, input.id);
    requireOpenYear(ctx, row.year);
    if (row.status === 'final') throw new LedgerError('assessment_final', '该评估已定稿，不能修改。如需重新评估，请新建一次评估。');
    if (input.recommendedBudgetFen !== null && (!Number.isSafeInteger(input.recommendedBudgetFen) || input.recommendedBudgetFen < 0)) {
      throw new LedgerError('invalid_input', '建议预算数须为不小于 0 的金额。', { recommendedBudget: '建议预算数须为不小于 0 的金额' });
    }
    const values = {
      assessor: input.assessor,
      assessorName: input.assessorName?.trim() || null,
      recommendedBudgetFen: input.recommendedBudgetFen,
      workSummary: input.workSummary?.trim() || null,
      findings: input.findings?.trim() || null,
      suggestions: input.suggestions?.trim() || null,
      otherNotes: input.otherNotes?.trim() || null,
      scores: JSON.stringify(input.scores),
      updatedAt: ctx.now().toISOString(),
    };
    ctx.ledger.db.update(exAnteAssessments).set(values).where(eq(exAnteAssessments.id, row.id)).run();
    appendAudit(ctx, {
      action: 'exAnte.save',
      entity: 'ex_ante_assessment',
      entityId: row.id,
      before: { scores: JSON.parse(row.scores) },
      after: { ...values, scores: input.scores },
    });
    return assessmentView(ctx, row.id);
  });
}

/** 定稿: every sub-item rated and scored within its band; fixes total, conclusion and rule version. */
export function finalizeAssessment(ctx: ServiceContext, input: { id: number }): AssessmentView {
  return inTransaction(ctx, () => {
    const row = requireAssessment(ctx, input.id);
    requireOpenYear(ctx, row.year);
    if (row.status === 'final') throw new LedgerError('assessment_final', '该评估已定稿。');
    const rules = ruleSetOf(ctx, row.year);
    const score = scoreExAnte(JSON.parse(row.scores) as ItemScore[], rules.exAnte);
    if (score.conclusion === null) throw new LedgerError('assessment_incomplete', `评分尚未完成，不能定稿：${score.problems.join('；')}。`);
    const verdict = verdictOfConclusion(score.conclusion, rules.exAnte.conclusionBands);
    // The conclusion comes from the same bands, so this only guards against a broken rule set.
    if (verdict === null)
      throw new LedgerError(
        'conclusion_unknown',
        `评估结论“${score.conclusion}”不在 ${row.year} 年度规则的结论档次中，不能定稿。请检查该年度的事前评估规则。`,
      );
    ctx.ledger.db
      .update(exAnteAssessments)
      .set({
        status: 'final',
        total: score.total,
        verdict,
        conclusion: score.conclusion,
        ruleVersion: rules.version,
        finalizedAt: ctx.now().toISOString(),
        updatedAt: ctx.now().toISOString(),
      })
      .where(eq(exAnteAssessments.id, row.id))
      .run();
    appendAudit(ctx, {
      action: 'exAnte.finalize',
      entity: 'ex_ante_assessment',
      entityId: row.id,
      after: { total: score.total, conclusion: score.conclusion, verdict, ruleVersion: rules.version },
    });
    return assessmentView(ctx, row.id);
  });
}

/** 调整完善后予以支持: records the revised plan and that the bureau re-checked it. */
export function recheckRevisedPlan(ctx: ServiceContext, input: { id: number; revisedPlan: string }): AssessmentView {
  return inTransaction(ctx, () => {
    const row = requireAssessment(ctx, input.id);
    requireOpenYear(ctx, row.year);
    if (row.status !== 'final' || row.verdict !== 'supportAfterRevision') {
      throw new LedgerError('bad_step', '只有结论为“调整完善后予以支持”的定稿评估需要复核调整后的方案。');
    }
    const revisedPlan = input.revisedPlan.trim();
    if (!revisedPlan) throw new LedgerError('invalid_input', '请写明调整完善后的方案要点。', { revisedPlan: '请写明调整完善后的方案要点' });
    ctx.ledger.db
      .update(exAnteAssessments)
      .set({ revisedPlan, recheckedAt: ctx.now().toISOString(), recheckedBy: ctx.actor })
      .where(eq(exAnteAssessments.id, row.id))
      .run();
    appendAudit(ctx, { action: 'exAnte.recheck', entity: 'ex_ante_assessment', entityId: row.id, after: { revisedPlan } });
    return assessmentView(ctx, row.id);
  });
}

/** Whether a project may enter the library (and have its targets approved), and why not. */
export function gateFor(ctx: ServiceContext, projectId: number): GateState {
  const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, projectId)).get();
  if (!project) throw new LedgerError('project_missing', '项目不存在，请刷新后重试。');
  if (!project.majorPolicy) return { required: false, passed: true, reason: null };
  const latest = ctx.ledger.db
    .select()
    .from(exAnteAssessments)
    .where(and(eq(exAnteAssessments.projectId, projectId), eq(exAnteAssessments.status, 'final')))
    .orderBy(desc(exAnteAssessments.id))
    .get();
  const name = `“${project.name}”属于新增重大政策和项目，`;
  if (!latest)
    return { required: true, passed: false, reason: `${name}尚未完成事前绩效评估，不能入库或批复预算。请先在“事前评估”中评估并定稿。` };
  if (latest.verdict === 'support') return { required: true, passed: true, reason: null };
  if (latest.verdict === 'supportAfterRevision') {
    return latest.recheckedAt
      ? { required: true, passed: true, reason: null }
      : {
          required: true,
          passed: false,
          reason: `${name}事前评估结论为“${latest.conclusion}”，调整完善后的方案尚未复核，不能入库或批复预算。`,
        };
  }
  return {
    required: true,
    passed: false,
    reason: `${name}事前评估结论为“${latest.conclusion}”（${formatScore(latest.total)} 分），不能入库或批复预算。`,
  };
}

/** 入库: puts a project into the project library, holding the ex-ante gate. */
export function admitToLibrary(ctx: ServiceContext, input: { projectId: number }): GateState {
  return inTransaction(ctx, () => {
    const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
    if (!project) throw new LedgerError('project_missing', '项目不存在，请刷新后重试。');
    requireOpenYear(ctx, project.year);
    const gate = gateFor(ctx, project.id);
    if (!gate.passed) throw new LedgerError('ex_ante_gate', gate.reason!);
    if (project.libraryStatus !== 'admitted') {
      ctx.ledger.db
        .update(projects)
        .set({ libraryStatus: 'admitted', updatedAt: ctx.now().toISOString() })
        .where(eq(projects.id, project.id))
        .run();
      appendAudit(ctx, {
        action: 'project.admit',
        entity: 'project',
        entityId: project.id,
        before: { libraryStatus: project.libraryStatus },
        after: { libraryStatus: 'admitted' },
      });
    }
    return gate;
  });
}

export interface ExAnteOverview {
  year: number;
  assessed: number;
  drafts: number;
  byConclusion: { conclusion: string; count: number; budgetFen: number; recommendedFen: number }[];
  /** 年初预算 of the assessed projects, and the budgets the assessments recommended. */
  budgetFen: number;
  recommendedFen: number;
  /** Major projects of the year still without a supporting assessment. */
  majorWithoutSupport: { projectId: number; name: string; reason: string }[];
}

/** The year at a glance: how many assessed, with which conclusions, and the money involved. */
export function exAnteOverview(ctx: ServiceContext, input: { year: number }): ExAnteOverview {
  const rules = ruleSetOf(ctx, input.year);
  const rows = ctx.ledger.db
    .select({ a: exAnteAssessments, budgetFen: projects.initialBudgetFen })
    .from(exAnteAssessments)
    .leftJoin(projects, eq(projects.id, exAnteAssessments.projectId))
    .where(eq(exAnteAssessments.year, input.year))
    .all();
  const finals = rows.filter((r) => r.a.status === 'final');
  const byConclusion = rules.exAnte.conclusionBands.map((b) => {
    const mine = finals.filter((r) => r.a.conclusion === b.conclusion);
    return {
      conclusion: b.conclusion,
      count: mine.length,
      budgetFen: mine.reduce((s, r) => s + (r.budgetFen ?? 0), 0),
      recommendedFen: mine.reduce((s, r) => s + (r.a.recommendedBudgetFen ?? 0), 0),
    };
  });
  const majors = ctx.ledger.db
    .select({ id: projects.id, name: projects.name })
    .from(projects)
    .where(and(eq(projects.year, input.year), eq(projects.majorPolicy, true)))
    .all();
  return {
    year: input.year,
    assessed: finals.length,
    drafts: rows.length - finals.length,
    byConclusion,
    budgetFen: finals.reduce((s, r) => s + (r.budgetFen ?? 0), 0),
    recommendedFen: finals.reduce((s, r) => s + (r.a.recommendedBudgetFen ?? 0), 0),
    majorWithoutSupport: majors
      .map((p) => ({ projectId: p.id, name: p.name, gate: gateFor(ctx, p.id) }))
      .filter((p) => !p.gate.passed)
      .map((p) => ({ projectId: p.projectId, name: p.name, reason: p.gate.reason! })),
  };
}

function requireAssessment(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(exAnteAssessments).where(eq(exAnteAssessments.id, id)).get();
  if (!row) throw new LedgerError('assessment_missing', '该事前评估不存在，请刷新后重试。');
  return row;
}

function assessmentView(ctx: ServiceContext, id: number): AssessmentView {
  const row = ctx.ledger.db
    .select({
      a: exAnteAssessments,
      budgetFen: projects.initialBudgetFen,
      unitName: sql<string | null>`(select name from budget_units u where u.id = ${projects.unitId})`,
    })
    .from(exAnteAssessments)
    .leftJoin(projects, eq(projects.id, exAnteAssessments.projectId))
    .where(eq(exAnteAssessments.id, id))
    .get();
  if (!row) throw new LedgerError('assessment_missing', '该事前评估不存在，请刷新后重试。');
  const { a } = row;
  const rules = ruleSetOf(ctx, a.year).exAnte;
  const scores = JSON.parse(a.scores) as ItemScore[];
  return {
    id: a.id,
    year: a.year,
    projectId: a.projectId,
    subjectName: a.subjectName,
    unitName: row.unitName,
    projectBudgetFen: row.budgetFen,
    assessor: a.assessor,
    assessorName: a.assessorName,
    recommendedBudgetFen: a.recommendedBudgetFen,
    workSummary: a.workSummary,
    findings: a.findings,
    suggestions: a.suggestions,
    otherNotes: a.otherNotes,
    scores,
    status: a.status,
    score: scoreExAnte(scores, rules),
    verdict: a.verdict,
    conclusion: a.conclusion,
    ruleVersion: a.ruleVersion,
    finalizedAt: a.finalizedAt,
    revisedPlan: a.revisedPlan,
    recheckedAt: a.recheckedAt,
    recheckedBy: a.recheckedBy,
    framework: rules.framework,
    ratingShares: rules.ratingShares,
    conclusionBands: rules.conclusionBands,
  };
}
