/**
 * 财政重点绩效评价: selecting a project or a unit's 部门整体 spending, its indicator framework (from a
 * template, re-weighted, edited), the experts and their scores, the live score and grade, 定稿, the
 * report texts, and issuing the findings as a 整改通知 (source 'evaluation'). Scoring is the rules'
 * (rules/keyEvaluationScore.ts): nothing here computes a score itself. Every write is one transaction
 * with its audit entry; a final evaluation is fixed.
 */
import type { RuleSet } from '../rules/ruleSet';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { budgetUnits, evaluationExperts, expertScores, keyEvaluations, projects } from '../../db/schema';
import { AGGREGATION, defaultWeights, EVALUATION_STATUS, EVALUATION_SUBJECT, EVALUATOR, respreadWeights, type EvaluationStatus, type EvaluationSubject, type Evaluator } from '../rules/keyEvaluationFrameworks';
import { frameworkProblems, scoreEvaluation, type Aggregation, type EvaluationScore, type ExpertScore, type Framework } from '../rules/keyEvaluationScore';
import { DEFAULT_REQUIREMENTS } from '../rules/rectificationRules';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { findFrameworkTemplate } from './frameworkTemplates';
import { createNotice, type NoticeRow } from '../rectification/rectification';
import { requireOpenYear, ruleSetOf } from '../ledger/years';

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
  /** The year's grade bands, so a screen's live grade matches the ledger's. */
  gradeBands: RuleSet['gradeBands'];
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
  return {
    ...row,
    framework,
    frameworkProblems: frameworkProblems(framework),
    experts,
    scores,
    score: liveScore(ctx, row.year, framework, experts, scores, row.aggregation),
    gradeBands: ruleSetOf(ctx, row.year).gradeBands,
    findings: raw.findings,
    recommendations: raw.recommendations,
    experience: raw.experience,
    otherNotes: raw.otherNotes,
  };
}

/** The live EvaluationScore: scoreEvaluation on the year's grade bands. */
export function evaluationScore(ctx: ServiceContext, input: { id: number }): EvaluationScore {
  return getKeyEvaluation(ctx, input).score;
}

// ---------------------------------------------------------------------------------------------------
// Selecting and editing

/** 选题: starts an evaluation of a project of the year, or of a unit's 部门整体 spending. */
export function selectForEvaluation(ctx: ServiceContext, input: SelectEvaluationInput): KeyEvaluationView {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const fields: Record<string, string> = {};
    let unitId: number;
    let name: string;
    let defaultFen: number;
    let projectId: number | null = null;
    if (input.subject === 'project') {
      const project = input.projectId == null ? undefined : ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
      if (!project || project.year !== input.year) throw new LedgerError('invalid_input', `${input.year} 年度没有所选项目。`, { projectId: '请选择本年度的项目' });
      const existing = ctx.ledger.db.select({ id: keyEvaluations.id }).from(keyEvaluations).where(eq(keyEvaluations.projectId, project.id)).get();
      if (existing) throw new LedgerError('evaluation_exists', `“${project.name}”已列为重点绩效评价项目，不能重复选题。`, { projectId: '该项目已在评价中' });
      projectId = project.id;
      unitId = project.unitId;
      name = project.name;
      defaultFen = project.initialBudgetFen;
    } else {
      const unit = input.unitId == null ? undefined : ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
      if (!unit) throw new LedgerError('invalid_input', '请选择被评价的预算单位。', { unitId: '请选择预算单位' });
      const existing = ctx.ledger.db
        .select({ id: keyEvaluations.id })
        .from(keyEvaluations)
        .where(and(eq(keyEvaluations.year, input.year), eq(keyEvaluations.subject, 'department'), eq(keyEvaluations.unitId, unit.id)))
        .get();
      if (existing) throw new LedgerError('evaluation_exists', `“${unit.name}”${input.year} 年度的部门整体支出已列为重点绩效评价。`, { unitId: '该单位已在评价中' });
      unitId = unit.id;
      name = `${unit.name}部门整体支出`;
      defaultFen = ctx.ledger.db
        .select({ fen: sql<number>`coalesce(sum(${projects.initialBudgetFen}), 0)` })
        .from(projects)
        .where(and(eq(projects.year, input.year), eq(projects.unitId, unit.id)))
        .get()!.fen;
    }
    name = input.name?.trim() || name;
    const coveredFen = input.coveredFen ?? defaultFen;
    const selectionReason = input.selectionReason.trim();
    if (!selectionReason) fields.selectionReason = '请写明选题理由（影响力、社会关注度、资金规模等）';
    checkMoney(coveredFen, fields);
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
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
    const values = { name, selectionReason, evaluator: input.evaluator, evaluatorName: input.evaluatorName?.trim() || null, coveredFen: input.coveredFen, aggregation: input.aggregation };
    ctx.ledger.db.update(keyEvaluations).set({ ...values, updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, input.id)).run();
    appendAudit(ctx, {
      action: 'keyEvaluation.update',
      entity: 'key_evaluation',
      entityId: input.id,
      before: { name: before.name, selectionReason: before.selectionReason, evaluator: before.evaluator, evaluatorName: before.evaluatorName, coveredFen: before.coveredFen, aggregation: before.aggregation },
      after: values,
    });
    return getKeyEvaluation(ctx, { id: input.id });
  });
}

/**
 * Sets the framework from a template — shipped or the bureau's (services/frameworkTemplates.ts) — spread
 * on `weights` (one per 一级). Without weights a shipped template takes the year's
 * ruleSet.keyEvaluation.defaultWeights and a bureau template keeps its own. A retired template is refused.
 */
export function applyFrameworkTemplate(ctx: ServiceContext, input: { id: number; templateId: string; weights?: number[] | null }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const template = findFrameworkTemplate(ctx, input.templateId);
    if (!template) throw new LedgerError('invalid_input', '没有这个指标体系模板。', { templateId: '请选择指标体系模板' });
    if (template.retired) throw new LedgerError('invalid_input', `模板“${template.name}”已停用，请选择其他模板或先启用它。`, { templateId: '该模板已停用' });
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

/** Saves an edited framework; refused, with the problems, when frameworkProblems is not empty. */
export function saveFramework(ctx: ServiceContext, input: { id: number; framework: Framework }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    return writeFramework(ctx, row, input.framework, row.templateId, 'keyEvaluation.saveFramework');
  });
}

/** Replaces the framework with one read from a workbook (services/frameworkExchange.ts); no template behind it. */
export function saveImportedFramework(ctx: ServiceContext, input: { id: number; framework: Framework; fileName: string }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    return writeFramework(ctx, row, input.framework, null, 'keyEvaluation.importFramework', { fileName: input.fileName });
  });
}

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
    if (removed.length) ctx.ledger.db.delete(evaluationExperts).where(inArray(evaluationExperts.id, removed.map((e) => e.id))).run();
    names.forEach((name, sortOrder) => {
      const kept = before.find((e) => e.name === name);
      if (kept) ctx.ledger.db.update(evaluationExperts).set({ sortOrder }).where(eq(evaluationExperts.id, kept.id)).run();
      else ctx.ledger.db.insert(evaluationExperts).values({ evaluationId: row.id, name, sortOrder }).run();
    });
    touch(ctx, row.id);
    appendAudit(ctx, { action: 'keyEvaluation.setExperts', entity: 'key_evaluation', entityId: row.id, before: { experts: before.map((e) => e.name), removedScores }, after: { experts: names } });
    return getKeyEvaluation(ctx, { id: row.id });
  });
}

/**
 * Records one expert's scores on many indicators (an upsert per indicator). All or nothing: an unknown
 * indicator or a score outside 0–分值 is refused at the field `scores.<code>`. The first score moves a
 * draft to 评分中.
 */
export function recordScores(ctx: ServiceContext, input: { id: number; expertId: number; scores: { indicatorCode: string; score: number | null; basis?: string | null }[] }): KeyEvaluationView {
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
      else if (s.score !== null && (typeof s.score !== 'number' || !Number.isFinite(s.score) || s.score < 0 || s.score > indicator.points)) {
        fields[key] = `“${indicator.name}”满分 ${indicator.points} 分，评分应在 0–${indicator.points} 分之间`;
      } else if (s.score !== null && Math.abs(Math.round(s.score * 100) - s.score * 100) > 1e-6) fields[key] = '评分最多保留两位小数';
      else if ((s.basis ?? '').length > 2000) fields[key] = '得分依据不超过 2000 个字';
    }
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', `${expert.name}的评分有 ${Object.keys(fields).length} 处需要修改，未保存。`, fields);
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
    appendAudit(ctx, { action: 'keyEvaluation.recordScores', entity: 'key_evaluation', entityId: row.id, after: { expert: expert.name, scores: input.scores } });
    return getKeyEvaluation(ctx, { id: row.id });
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
    const values = { findings: clean('findings'), recommendations: clean('recommendations'), experience: clean('experience'), otherNotes: clean('otherNotes') };
    if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
    ctx.ledger.db.update(keyEvaluations).set({ ...values, updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, row.id)).run();
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

/** 定稿: every indicator scored by every expert, nothing out of range; fixes total, grade and rule version. */
export function finalizeKeyEvaluation(ctx: ServiceContext, input: { id: number }): KeyEvaluationView {
  return inTransaction(ctx, () => {
    const row = requireEditable(ctx, input.id);
    const view = getKeyEvaluation(ctx, { id: row.id });
    if (view.frameworkProblems.length) throw new LedgerError('evaluation_incomplete', `评价指标体系有问题，不能定稿：${view.frameworkProblems.join('；')}。`);
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
    ctx.ledger.db.update(keyEvaluations).set({ ...values, updatedAt: at }).where(eq(keyEvaluations.id, row.id)).run();
    appendAudit(ctx, { action: 'keyEvaluation.finalize', entity: 'key_evaluation', entityId: row.id, before: { status: row.status }, after: values });
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
    if (!row.findings?.trim()) throw new LedgerError('invalid_input', '请先填写评价发现的问题，再生成整改通知。', { findings: '请填写存在的问题' });
    const notice = createNotice(ctx, {
      year: row.year,
      source: 'evaluation',
      projectId: row.projectId,
      unitId: row.unitId,
      findings: `${row.name}重点绩效评价发现的问题：\n${row.findings.trim()}`,
      requirements: input.requirements?.trim() || row.recommendations?.trim() || DEFAULT_REQUIREMENTS,
      deadline: input.deadline,
    });
    ctx.ledger.db.update(keyEvaluations).set({ noticeId: notice.id, updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, row.id)).run();
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

function requireEditable(ctx: ServiceContext, id: number) {
  const row = requireEvaluation(ctx, id);
  requireOpenYear(ctx, row.year);
  if (row.status === 'final') throw new LedgerError('evaluation_final', `“${row.name}”的评价已定稿，不能修改。`);
  return row;
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
  const problems = frameworkProblems(framework);
  if (problems.length) throw new LedgerError('framework_invalid', `评价指标体系有问题，未保存：${problems.join('；')}。`, { framework: problems.join('；') });
  // Scores on indicators the framework no longer has are dropped (kept in the audit entry).
  const codes = new Set(framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators.map((i) => i.code))));
  const orphaned = ctx.ledger.db.select().from(expertScores).where(eq(expertScores.evaluationId, row.id)).all().filter((s) => !codes.has(s.indicatorCode));
  if (orphaned.length) ctx.ledger.db.delete(expertScores).where(inArray(expertScores.id, orphaned.map((s) => s.id))).run();
  ctx.ledger.db.update(keyEvaluations).set({ framework: JSON.stringify(framework), templateId, updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, row.id)).run();
  appendAudit(ctx, {
    action,
    entity: 'key_evaluation',
    entityId: row.id,
    before: { templateId: row.templateId, framework: JSON.parse(row.framework), droppedScores: orphaned.map((s) => ({ expertId: s.expertId, indicatorCode: s.indicatorCode, score: s.score })) },
    after: { ...source, templateId, framework },
  });
  return getKeyEvaluation(ctx, { id: row.id });
}

function checkMoney(fen: number, fields: Record<string, string>): void {
  if (!Number.isSafeInteger(fen) || fen < 0) fields.coveredFen = '涉及资金须为不小于 0 的金额';
}

function touch(ctx: ServiceContext, id: number): void {
  ctx.ledger.db.update(keyEvaluations).set({ updatedAt: ctx.now().toISOString() }).where(eq(keyEvaluations.id, id)).run();
}

function expertsOf(ctx: ServiceContext, evaluationId: number): ExpertRow[] {
  return ctx.ledger.db
    .select({ id: evaluationExperts.id, name: evaluationExperts.name, sortOrder: evaluationExperts.sortOrder })
    .from(evaluationExperts)
    .where(eq(evaluationExperts.evaluationId, evaluationId))
    .orderBy(asc(evaluationExperts.sortOrder), asc(evaluationExperts.id))
    .all();
}

function scoresOf(ctx: ServiceContext, evaluationId: number, experts: ExpertRow[]): ExpertScoreRow[] {
  const names = new Map(experts.map((e) => [e.id, e.name]));
  return ctx.ledger.db
    .select()
    .from(expertScores)
    .where(eq(expertScores.evaluationId, evaluationId))
    .orderBy(asc(expertScores.id))
    .all()
    .map((s) => ({ expertId: s.expertId, expert: names.get(s.expertId) ?? '', indicatorCode: s.indicatorCode, score: s.score, basis: s.basis }));
}

function liveScore(ctx: ServiceContext, year: number, framework: Framework, experts: ExpertRow[], scores: ExpertScoreRow[], aggregation: Aggregation): EvaluationScore {
  const given: ExpertScore[] = scores.map((s) => ({ expert: s.expert, indicatorCode: s.indicatorCode, score: s.score, basis: s.basis }));
  return scoreEvaluation(
    framework,
    experts.map((e) => e.name),
    given,
    { aggregation, gradeBands: ruleSetOf(ctx, year).gradeBands },
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
