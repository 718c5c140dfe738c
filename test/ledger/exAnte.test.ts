/**
 * The 项目库 gate: a major new policy or project enters the library, and has its budget (targets)
 * approved, only with a supporting 事前评估 — on every path: the service, the bridge, raw SQL, an
 * insert, flipping the flag on an admitted project, and target approval.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { presetPoints, type ItemScore } from '../../electron/rules/exAnteScore';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import {
  admitToLibrary,
  createAssessment,
  exAnteOverview,
  finalizeAssessment,
  gateFor,
  recheckRevisedPlan,
  saveAssessment,
} from '../../electron/exAnte/exAnte';
import { createProject, listProjects, updateProject, type ProjectInput } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { freshContext } from './tempLedger';
import type { Grade } from '../../db/vocabulary';

const rules = DEFAULT_RULE_SET.exAnte;
const scores = (rating: Grade): ItemScore[] =>
  rules.framework.flatMap((d) =>
    d.items.map((i) => ({
      dimension: d.dimension,
      item: i.name,
      rating,
      points: presetPoints(rating, i.points, rules),
      basis: '查阅资料',
    })),
  );

function setup(majorPolicy = true) {
  const ctx = freshContext({ year: 2023 });
  const unit = createUnit(ctx, { name: '县住房和城乡建设局', code: '120', parentId: null, classified: false });
  const input: ProjectInput = {
    year: 2023,
    unitId: unit.id,
    code: 'ZJ-01',
    name: '煤改电二期居民供暖设施入户改造工程',
    projectType: '重点建设项目',
    budgetKind: 'fund',
    initialBudgetFen: 3_480_200_000,
    continuity: 'new',
    majorPolicy,
  };
  const project = createProject(ctx, input);
  return { ctx, project, input };
}

function assess(ctx: ReturnType<typeof setup>['ctx'], projectId: number, rating: Grade) {
  const a = createAssessment(ctx, { year: 2023, projectId, subjectName: null, assessor: 'thirdParty' });
  saveAssessment(ctx, {
    id: a.id,
    assessor: 'thirdParty',
    assessorName: '某事务所',
    recommendedBudgetFen: 3_200_000_000,
    workSummary: null,
    findings: null,
    suggestions: null,
    otherNotes: null,
    scores: scores(rating),
  });
  return finalizeAssessment(ctx, { id: a.id });
}

const status = (ctx: ReturnType<typeof setup>['ctx']) => listProjects(ctx, { year: 2023 })[0]!.libraryStatus;

describe('the ex-ante gate', () => {
  it('refuses 入库 without an assessment, explaining why, on the service and the bridge', async () => {
    const { ctx, project } = setup();
    expect(gateFor(ctx, project.id)).toMatchObject({
      required: true,
      passed: false,
      reason: expect.stringContaining('尚未完成事前绩效评估'),
    });
    expect(() => admitToLibrary(ctx, { projectId: project.id })).toThrow(/尚未完成事前绩效评估/);
    expect(await dispatch(ctx, 'exAnte.admit', { projectId: project.id })).toMatchObject({ ok: false, error: { code: 'ex_ante_gate' } });
    expect(status(ctx)).toBe('reserve');
  });

  it('refuses after 不予支持, then admits after a new assessment supports it', () => {
    const { ctx, project } = setup();
    expect(assess(ctx, project.id, '差')).toMatchObject({ conclusion: '不予支持', verdict: 'reject', score: { total: 40 } });
    expect(() => admitToLibrary(ctx, { projectId: project.id })).toThrow(/不予支持.*40\.00 分/);
    expect(assess(ctx, project.id, '优').conclusion).toBe('予以支持');
    expect(admitToLibrary(ctx, { projectId: project.id }).passed).toBe(true);
    expect(status(ctx)).toBe('admitted');
  });

  it('holds 调整完善后予以支持 until the revised plan is re-checked', () => {
    const { ctx, project } = setup();
    const a = assess(ctx, project.id, '中');
    expect(a.conclusion).toBe('调整完善后予以支持');
    expect(() => admitToLibrary(ctx, { projectId: project.id })).toThrow(/尚未复核/);
    expect(() => recheckRevisedPlan(ctx, { id: a.id, revisedPlan: ' ' })).toThrow(/方案要点/);
    recheckRevisedPlan(ctx, { id: a.id, revisedPlan: '压减入户改造单价，分两期实施。' });
    expect(admitToLibrary(ctx, { projectId: project.id }).passed).toBe(true);
  });

  it('is held by the ledger itself against raw SQL, inserts and a flag flipped on an admitted project', async () => {
    const { ctx, project, input } = setup();
    const raw = ctx.ledger.sqlite;
    expect(() => raw.prepare(`update projects set library_status = 'admitted' where id = ?`).run(project.id)).toThrow(/ex_ante_gate/);
    expect(() =>
      raw
        .prepare(
          `insert into projects (year, unit_id, name, project_type, budget_kind, continuity, major_policy, library_status) values (2023, ?, '另一个重大项目', '重点建设项目', 'general', 'new', 1, 'admitted')`,
        )
        .run(input.unitId),
    ).toThrow(/ex_ante_gate/);

    const ordinary = createProject(ctx, { ...input, code: 'ZJ-02', name: '小区路灯维修', majorPolicy: false });
    admitToLibrary(ctx, { projectId: ordinary.id });
    const flipped = await dispatch(ctx, 'projects.update', {
      ...input,
      id: ordinary.id,
      code: 'ZJ-02',
      name: '小区路灯维修',
      initialBudget: '10',
      majorPolicy: true,
    });
    expect(flipped).toMatchObject({ ok: false, error: { code: 'ex_ante_gate', message: expect.stringContaining('事前绩效评估') } });
    expect(() => updateProject(ctx, { ...input, id: ordinary.id, code: 'ZJ-02', name: '小区路灯维修', majorPolicy: true })).toThrow();
  });

  it('a later 不予支持 keeps an admitted project from being admitted again', () => {
    const { ctx, project } = setup();
    assess(ctx, project.id, '优');
    admitToLibrary(ctx, { projectId: project.id });
    ctx.ledger.sqlite.prepare(`update projects set library_status = 'withdrawn' where id = ?`).run(project.id);
    assess(ctx, project.id, '差');
    expect(() => admitToLibrary(ctx, { projectId: project.id })).toThrow(/不予支持/);
  });

  it('lets an ordinary project in without an assessment', () => {
    const { ctx, project } = setup(false);
    expect(admitToLibrary(ctx, { projectId: project.id })).toEqual({ required: false, passed: true, reason: null });
  });

  it('does not finalise an assessment scored outside the bands, and reports the year', () => {
    const { ctx, project } = setup();
    const a = createAssessment(ctx, { year: 2023, projectId: project.id, subjectName: null, assessor: 'bureau' });
    const bad = scores('优');
    bad[0] = { ...bad[0]!, points: 5 };
    saveAssessment(ctx, {
      id: a.id,
      assessor: 'bureau',
      assessorName: null,
      recommendedBudgetFen: null,
      workSummary: null,
      findings: null,
      suggestions: null,
      otherNotes: null,
      scores: bad,
    });
    expect(() => finalizeAssessment(ctx, { id: a.id })).toThrow(/得分应在 9.00–10.00 分之间/);
    assess(ctx, project.id, '良');
    expect(exAnteOverview(ctx, { year: 2023 })).toMatchObject({
      assessed: 1,
      drafts: 1,
      budgetFen: 3_480_200_000,
      recommendedFen: 3_200_000_000,
      byConclusion: [
        { conclusion: '予以支持', count: 1 },
        { conclusion: '调整完善后予以支持', count: 0 },
        { conclusion: '不予支持', count: 0 },
      ],
    });
  });
});
