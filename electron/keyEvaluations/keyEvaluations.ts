/**
 * 财政重点绩效评价, the evaluation itself: reading it (with its live score), selecting a project or a
 * unit's 部门整体 spending, its particulars, the report texts, and issuing the findings as a 整改通知
 * (source 'evaluation'). Its framework is keyEvaluationFramework.ts's, its experts, scores and 定稿
 * keyEvaluationScoring.ts's. Scoring is the rules' (rules/keyEvaluationScore.ts): nothing here computes
 * a score itself. Every write is one transaction with its audit entry; a final evaluation is fixed.
 */
import type { RuleSet, SubtotalBasis } from '../rules/ruleSet';
import { and, asc, eq, sql } from 'drizzle-orm';
import { budgetUnits, evaluationExperts, expertScores, keyEvaluations, projects } from '../../db/schema';
import {
  AGGREGATION,
  EVALUATION_STATUS,
  EVALUATION_SUBJECT,
  EVALUATOR,
  type EvaluationStatus,
  type EvaluationSubject,
  type Evaluator,
} from '../rules/keyEvaluationFrameworks';
import { frameworkProblems } from '../rules/keyEvaluationFrameworkCheck';
import { scoreEvaluation, type EvaluationScore, type ExpertScore, type Framework } from '../rules/keyEvaluationScore';
import { DEFAULT_REQUIREMENTS } from '../rules/rectificationRules';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { createNotice } from '../rectification/rectification';
import { type NoticeRow } from '../rectification/noticeList';
import { requireOpenYear, ruleSetOf } from '../ledger/years';
import type { Aggregation } from '../../db/vocabulary';

export interface KeyEvaluationRow {
  id: number;
  year: number;
  subject: EvaluationSubject;
  subjectLabel: string;
  projectId: number | null;
  projectCode: string | null;
  unitId: number;
  unitName: string;
  unitClassified: boolean;
  name: string;
  selectionReason: string;
  evaluator: Evaluator;
  evaluatorLabel: string;
  evaluatorName: string | null;
  /** 涉及资金, 分. */
  coveredFen: number;
  aggregation: Aggregation;
  aggregationLabel: string;
  status: EvaluationStatus;
  statusLabel: string;
  templateId: string | null;
  /** As finalised; null before. */
  total: number | null;
  grade: string | null;
  ruleVersion: string | null;
  finalizedAt: string | null;
  noticeId: number | null;
}

export interface ExpertRow {
  id: number;
  name: string;
  sortOrder: number;
}

export interface ExpertScoreRow {
  expertId: number;
  expert: string;
  indicatorCode: string;
  score: number | null;
  basis: string;
}

export interface KeyEvaluationView extends KeyEvaluationRow {
  framework: Framework;
  /** Empty when the framework can be used. */
  frameworkProblems: string[];
  experts: ExpertRow[];
  scores: ExpertScoreRow[];
  /** Live, on the year's grade bands (the same as the stored total and grade once final). */
  score: EvaluationScore;
  /** The year's grade bands and subtotal rule, so a screen's live total and grade match the ledger's. */
  gradeBands: RuleSet['gradeBands'];
  subtotals: SubtotalBasis;
  findings: string | null;
  recommendations: string | null;
  experience: string | null;
  otherNotes: string | null;
}

export interface SelectEvaluationInput {
  year: number;
  subject: EvaluationSubject;
  /** For 'project'. */
  projectId?: number | null;
  /** For 'department'; for a project, its unit is taken. */
  unitId?: number | null;
  /** Defaults to the project's name, or "<unit>部门整体支出". */
  name?: string | null;
  selectionReason: string;
  evaluator: Evaluator;
  evaluatorName?: string | null;
  /** 涉及资金 in 分; defaults to the project's 年初预算, or the sum of the unit's projects of the year. */
  coveredFen?: number | null;
  aggregation?: Aggregation;
}

export interface UpdateEvaluationInput {
  id: number;
  name: string;
  selectionReason: string;
  evaluator: Evaluator;
  evaluatorName: string | null;
  coveredFen: number;
  aggregation: Aggregation;
}

export interface EvaluationTexts {
  id: number;
  findings: string | null;
  recommendations: string | null;
  experience: string | null;
  otherNotes: string | null;
}

// ---------------------------------------------------------------------------------------------------
// Reading

export function listKeyEvaluations(ctx: ServiceContext, input: { year: number }): KeyEvaluationRow[] {
  return selectRows(ctx, eq(keyEvaluations.year, input.year));
}

export function getKeyEvaluation(ctx: ServiceContext, input: { id: number }): KeyEvaluationView {
  const row = selectRows(ctx, eq(keyEvaluations.id, input.id))[0];
  if (!row) throw new LedgerError('evaluation_missing', '该重点绩效评价不存在，请刷新后重试。');
  const raw = ctx.ledger.db.select().from(keyEvaluations).where(eq(keyEvaluations.id, input.id)).get()!;
  const framework = JSON.parse(raw.framework) as Framework;
  const experts = expertsOf(ctx, row.id);
  const scores = scoresOf(ctx, row.id, experts);
  const rules = ruleSetOf(ctx, row.year);
  return {
    ...row,
    framework,
    frameworkProblems: frameworkProblems(framework),
    experts,
    scores,
    score: liveScore(rules, framework, experts, scores, row.aggregation),
    gradeBands: rules.gradeBands,
    subtotals: rules.keyEvaluation.subtotals,
    findings: raw.findings,
    recommendations: raw.recommendations,
    experience: raw.experience,
    otherNotes: raw.otherNotes,
  };
}

/** The live EvaluationScore: scoreEvaluation on the year's grade bands and subtotal rule. */
export function evaluationScore(ctx: ServiceContext, input: { id: number }): EvaluationScore {
  return getKeyEvaluation(ctx, input).score;
}

// ---------------------------------------------------------------------------------------------------
// Selecting and editing

/** 选题: starts an evaluation of a project of the year, or of a unit's 部门整体 spending. */
export function selectForEvaluation(ctx: ServiceContext, input: SelectEvaluationInput): KeyEvaluationView {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    // Every problem is collected before refusing, so the dialog marks them all at once, each at its field.
    const fields: Record<string, string> = {};
    let subject: { projectId: number | null; unitId: number; name: string; defaultFen: number } | null = null;
    let taken: boolean;
    if (input.subject === 'project') {
      const project =
        input.projectId == null ? undefined : ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
      taken =
        !!project &&
        ctx.ledger.db.select({ id: keyEvaluations.id }).from(keyEvaluations).where(eq(keyEvaluations.projectId, project.id)).get() !==
          undefined;
      if (!project || project.year !== input.year) fields.projectId = `请选择 ${input.year} 年度的项目`;
      else if (taken) fields.projectId = `“${project.name}”已列为重点绩效评价项目，不能重复选题`;
      else subject = { projectId: project.id, unitId: project.unitId, name: project.name, defaultFen: project.initialBudgetFen };
    } else {
      const unit =
        input.unitId == null ? undefined : ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
      const sameYear = and(eq(keyEvaluations.year, input.year), eq(keyEvaluations.subject, 'department'));
      taken =
        !!unit &&
        ctx.ledger.db
          .select({ id: keyEvaluations.id })
          .from(keyEvaluations)
          .where(and(sameYear, eq(keyEvaluations.unitId, unit.id)))
          .get() !== undefined;
      if (!unit) fields.unitId = '请选择被评价的预算单位';
      else if (taken) fields.unitId = `“${unit.name}”${input.year} 年度的部门整体支出已列为重点绩效评价`;
      else {
        const budget = ctx.ledger.db
          .select({ fen: sql<number>`coalesce(sum(${projects.initialBudgetFen}), 0)` })
          .from(projects)
          .where(and(eq(projects.year, input.year), eq(projects.unitId, unit.id)))
          .get()!.fen;
        subject = { projectId: null, unitId: unit.id, name: `${unit.name}部门整体支出`, defaultFen: budget };
      }
    }
    const coveredFen = input.coveredFen ?? subject?.defaultFen ?? 0;
    const selectionReason = input.selectionReason.trim();
    if (!selectionReason) fields.selectionReason = '请写明选题理由（影响力、社会关注度、资金规模等）';
    checkMoney(coveredFen, fields);
    const problems = Object.values(fields);
    if (!subject || problems.length)
      throw new LedgerError(taken ? 'evaluation_exists' : 'invalid_input', `未能选定：${problems.join('；')}。请修改后再选定。`, fields);
    const { projectId, unitId } = subject;
    const name = input.name?.trim() || subject.name;
    const values = {
      year: input.year,
      subject: input.subject,
      projectId,
      unitId,
      name,
      selectionReason,
      evaluator: input.evaluator,
      evaluatorName: input.evaluatorName?.trim() || null,
      coveredFen,
      aggregation: input.aggregation ?? 'mean',
    };
    const row = ctx.ledger.db.insert(keyEvaluations).values(values).returning({ id: keyEvaluations.id }).get();
    appendAudit(ctx, { action: 'keyEvaluation.select', entity: 'key_evaluation', entityId: row.id, after: values });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

/** Edits the evaluation's particulars while it is not final. */
export function updateKeyEvaluation(ctx: ServiceContext, input: UpdateEvaluationInput): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const before = requireEditable(ctx, input.id);
    const fields: Record<string, string> = {};
    const name = input.name.trim();
    const selectionReason = input.selectionReason.trim();
    if (!name) fields.name = '请填写评价对象名称';
    if (!selectionReason) fields.selectionReason = '请写明选题理由';
    checkMoney(input.coveredFen, fields);
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
    const values = {
      name,
      selectionReason,
      evaluator: input.evaluator,
      evaluatorName: input.evaluatorName?.trim() || null,
      coveredFen: input.coveredFen,
      aggregation: input.aggregation,
    };
    ctx.ledger.db
      .update(keyEvaluations)
      .set({ ...values, updatedAt: ctx.now().toISOString() })
      .where(eq(keyEvaluations.id, input.id))
      .run();
    appendAudit(ctx, {
      action: 'keyEvaluation.update',
      entity: 'key_evaluation',
      entityId: input.id,
      before: {
        name: before.name,
        selectionReason: before.selectionReason,
        evaluator: before.evaluator,
        evaluatorName: before.evaluatorName,
        coveredFen: before.coveredFen,
        aggregation: before.aggregation,
      },
      after: values,
    });
    return getKeyEvaluation(ctx, { id: input.id });
  });
}

/** The report's texts: 存在的问题, 有关建议, 主要经验及做法, 其他需要说明的问题. */
export function saveEvaluationTexts(ctx: ServiceContext, input: EvaluationTexts): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const fields: Record<string, string> = {};
    const clean = (key: keyof Omit<EvaluationTexts, 'id'>) => {
      const v = input[key]?.trim() || null;
      if (v && v.length > 8000) fields[key] = '不超过 8000 个字';
      return v;
    };
    const values = {
      findings: clean('findings'),
      recommendations: clean('recommendations'),
      experience: clean('experience'),
      otherNotes: clean('otherNotes'),
    };
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
    ctx.ledger.db
      .update(keyEvaluations)
      .set({ ...values, updatedAt: ctx.now().toISOString() })
      .where(eq(keyEvaluations.id, row.id))
      .run();
    appendAudit(ctx, {
      action: 'keyEvaluation.saveTexts',
      entity: 'key_evaluation',
      entityId: row.id,
      before: { findings: row.findings, recommendations: row.recommendations, experience: row.experience, otherNotes: row.otherNotes },
      after: values,
    });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

/**
 * Issues the evaluation's findings to the unit as a 整改通知 draft (source 'evaluation'), through the
 * rectification machinery; the notice then takes its 文号 when the bureau issues it there.
 * Requirements default to the evaluation's 有关建议, else the standard wording.
 */
export function issueFindingsNotice(ctx: ServiceContext, input: { id: number; deadline: string; requirements?: string | null }): NoticeRow {
  return inTransaction(ctx, () => {
    const row = requireEvaluation(ctx, input.id);
    requireOpenYear(ctx, row.year);
    if (row.noticeId != null) throw new LedgerError('notice_exists', '该评价发现的问题已生成整改通知，请到“整改通知”中查看。');
    if (!row.findings?.trim())
      throw new LedgerError('invalid_input', '请先填写评价发现的问题，再生成整改通知。', { findings: '请填写存在的问题' });
    const notice = createNotice(ctx, {
      year: row.year,
      source: 'evaluation',
      projectId: row.projectId,
      unitId: row.unitId,
      findings: `${row.name}重点绩效评价发现的问题：\n${row.findings.trim()}`,
      requirements: input.requirements?.trim() || row.recommendations?.trim() || DEFAULT_REQUIREMENTS,
      deadline: input.deadline,
    });
    ctx.ledger.db
      .update(keyEvaluations)
      .set({ noticeId: notice.id, updatedAt: ctx.now().toISOString() })
      .where(eq(keyEvaluations.id, row.id))
      .run();
    appendAudit(ctx, { action: 'keyEvaluation.issueFindings', entity: 'key_evaluation', entityId: row.id, after: { noticeId: notice.id } });
    return notice;
  });
}

// ---------------------------------------------------------------------------------------------------
// Helpers

export function requireEvaluation(ctx: ServiceContext, id: number) {
  const row = ctx.ledger.db.select().from(keyEvaluations).where(eq(keyEvaluations.id, id)).get();
  if (!row) throw new LedgerError('evaluation_missing', '该重点绩效评价不存在，请刷新后重试。');
  return row;
}

/** The evaluation, refused when its year is closed or it is final. */
export function requireEditable(ctx: ServiceContext, id: number) {
  const row = requireEvaluation(ctx, id);
  requireOpenYear(ctx, row.year);
  if (row.status === 'final') throw new LedgerError('evaluation_final', `“${row.name}”的评价已定稿，不能修改。`);
  return row;
}

function checkMoney(fen: number, fields: Record<string, string>): void {
  if (!Number.isSafeInteger(fen) || fen < 0) fields.coveredFen = '涉及资金须为不小于 0 的金额';
}

export function expertsOf(ctx: ServiceContext, evaluationId: number): ExpertRow[] {
  return ctx.ledger.db
    .select({ id: evaluationExperts.id, name: evaluationExperts.name, sortOrder: evaluationExperts.sortOrder })
    .from(evaluationExperts)
    .where(eq(evaluationExperts.evaluationId, evaluationId))
    .orderBy(asc(evaluationExperts.sortOrder), asc(evaluationExperts.id))
    .all();
}

export function scoresOf(ctx: ServiceContext, evaluationId: number, experts: ExpertRow[]): ExpertScoreRow[] {
  const names = new Map(experts.map((e) => [e.id, e.name]));
  return ctx.ledger.db
    .select()
    .from(expertScores)
    .where(eq(expertScores.evaluationId, evaluationId))
    .orderBy(asc(expertScores.id))
    .all()
    .map((s) => ({
      expertId: s.expertId,
      expert: names.get(s.expertId) ?? '',
      indicatorCode: s.indicatorCode,
      score: s.score,
      basis: s.basis,
    }));
}

function liveScore(
  rules: RuleSet,
  framework: Framework,
  experts: ExpertRow[],
  scores: ExpertScoreRow[],
  aggregation: Aggregation,
): EvaluationScore {
  const given: ExpertScore[] = scores.map((s) => ({ expert: s.expert, indicatorCode: s.indicatorCode, score: s.score, basis: s.basis }));
  return scoreEvaluation(
    framework,
    experts.map((e) => e.name),
    given,
    { aggregation, gradeBands: rules.gradeBands, subtotals: rules.keyEvaluation.subtotals },
  );
}

function selectRows(ctx: ServiceContext, where: ReturnType<typeof eq>): KeyEvaluationRow[] {
  return ctx.ledger.db
    .select({
      id: keyEvaluations.id,
      year: keyEvaluations.year,
      subject: keyEvaluations.subject,
      projectId: keyEvaluations.projectId,
      projectCode: projects.code,
      unitId: keyEvaluations.unitId,
      unitName: budgetUnits.name,
      unitClassified: budgetUnits.classified,
      name: keyEvaluations.name,
      selectionReason: keyEvaluations.selectionReason,
      evaluator: keyEvaluations.evaluator,
      evaluatorName: keyEvaluations.evaluatorName,
      coveredFen: keyEvaluations.coveredFen,
      aggregation: keyEvaluations.aggregation,
      status: keyEvaluations.status,
      templateId: keyEvaluations.templateId,
      total: keyEvaluations.total,
      grade: keyEvaluations.grade,
      ruleVersion: keyEvaluations.ruleVersion,
      finalizedAt: keyEvaluations.finalizedAt,
      noticeId: keyEvaluations.noticeId,
    })
    .from(keyEvaluations)
    .innerJoin(budgetUnits, eq(budgetUnits.id, keyEvaluations.unitId))
    .leftJoin(projects, eq(projects.id, keyEvaluations.projectId))
    .where(where)
    .orderBy(asc(keyEvaluations.id))
    .all()
    .map((r) => ({
      ...r,
      subjectLabel: EVALUATION_SUBJECT[r.subject],
      evaluatorLabel: EVALUATOR[r.evaluator],
      aggregationLabel: AGGREGATION[r.aggregation],
      statusLabel: EVALUATION_STATUS[r.status],
    }));
}
