import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { fiscalYears, indicators as indicatorTable } from '../../db/schema';
import { ruleSetOf } from '../../electron/ledger/years';
import { serialiseRuleSet } from '../../electron/rules/ruleSet';
import {
  indicatorUsage,
  listIndicatorClasses,
  listIndicators,
  loadDefaultLibrary,
  retireIndicator,
  updateIndicator,
} from '../../electron/indicators/indicators';
import {
  approveTargets,
  decideRound,
  listRounds,
  publishTargets,
  recordOpinion,
  submitForReview,
  type OpinionInput,
} from '../../electron/targets/jointReview';
import { createProject } from '../../electron/projects/projects';
import { adjustTarget, createTarget, promoteIndicator, saveTarget } from '../../electron/targets/targets';
import type { TargetContent, TargetIndicatorInput } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { createUnit } from '../../electron/projects/units';
import { freshContext } from './tempLedger';

function setup() {
  const ctx = freshContext({ year: 2023 });
  loadDefaultLibrary(ctx);
  const dept = createUnit(ctx, { name: '中共轮台县委组织部', code: '003', parentId: null, classified: false });
  const project = createProject(ctx, {
    year: 2023,
    unitId: dept.id,
    code: 'ZZB-01',
    name: '2023年基层干部培训项目',
    projectType: '特定目标类',
    budgetKind: 'general',
    initialBudgetFen: 50_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  });
  const training = listIndicatorClasses(ctx).find((c) => c.name === '培训')!;
  const lib = new Map(
    listIndicators(ctx)
      .filter((i) => i.classId === training.id)
      .map((i) => [i.name, i]),
  );
  const common = (name: string, value: string): TargetIndicatorInput => {
    const i = lib.get(name)!;
    return {
      libraryIndicatorId: i.id,
      period: 'annual',
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      nature: i.nature,
      value,
      unit: i.unit,
    };
  };
  const content = (): TargetContent => ({
    indicatorClassId: training.id,
    period: '2023年',
    midTermGoal: null,
    mainTasks: null,
    annualGoal: '全年完成基层干部培训 500 人次，培训合格率不低于 95%。',
    annualTotalFen: 50_000_000,
    annualFiscalFen: 50_000_000,
    annualOtherFen: 0,
    midTotalFen: null,
    midFiscalFen: null,
    midOtherFen: null,
    indicators: [
      common('培训人次', '500'),
      common('培训合格率', '95'),
      common('参训人员业务能力提升情况', '有效提升'),
      common('参训人员满意度', '90'),
    ],
  });
  return { ctx, project, training, content, common };
}

const opinion = (targetId: number, party: OpinionInput['party'], grade: OpinionInput['completeness']): OpinionInput => ({
  targetId,
  party,
  reviewer: null,
  completeness: grade,
  relevance: grade,
  appropriateness: grade,
  feasibility: grade,
  opinion: `${party} 意见`,
});

describe('declaring targets', () => {
  it("starts a draft with the project's budget and lists it; other projects show as without targets", () => {
    const { ctx, project } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    expect(t).toMatchObject({
      status: 'draft',
      annualTotalFen: 50_000_000,
      annualFiscalFen: 50_000_000,
      sync: { target: { assign: '2023-03-01' } },
    });
    expect(createTarget(ctx, { year: 2023, projectId: project.id, unitId: null }).id).toBe(t.id);
    expect(listTargets(ctx, { year: 2023 })).toEqual([
      expect.objectContaining({ targetId: t.id, status: 'draft', name: '2023年基层干部培训项目' }),
    ]);
  });

  it("takes common indicators' wording from the library and keeps it after the library changes", () => {
    const { ctx, project, content } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    const draft = content();
    draft.indicators[0] = { ...draft.indicators[0]!, name: '随便改的名字', unit: '个' };
    const saved = saveTarget(ctx, { ...draft, id: t.id });
    expect(saved.indicators[0]).toMatchObject({ name: '培训人次', unit: '人次', value: '500' });
    const libId = saved.indicators[0]!.libraryIndicatorId!;
    const lib = listIndicators(ctx).find((i) => i.id === libId)!;
    updateIndicator(ctx, { ...lib, name: '参训人次' });
    const again = saveTarget(ctx, { ...content(), id: t.id });
    expect(again.indicators[0]).toMatchObject({ name: '培训人次', libraryNameNow: '参训人次' });
    expect(indicatorUsage(ctx, { id: libId })).toEqual([
      {
        targetId: t.id,
        year: 2023,
        subjectName: '2023年基层干部培训项目',
        unitName: '中共轮台县委组织部',
        status: 'draft',
        keptName: '培训人次',
      },
    ]);
  });

  it('refuses a common indicator that is not in the library, and a retired one, in the service', () => {
    const { ctx, project, content, common } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    const fake = { ...common('培训人次', '1'), libraryIndicatorId: 99_999, name: '不存在的指标' };
    expect(() => saveTarget(ctx, { ...content(), indicators: [fake], id: t.id })).toThrow(/不在共性指标库中/);
    retireIndicator(ctx, { id: common('培训期数', '1').libraryIndicatorId! });
    expect(() => saveTarget(ctx, { ...content(), indicators: [common('培训期数', '5')], id: t.id })).toThrow(/已停用/);
  });

  it('adds a 个性 indicator and promotes it into the library', () => {
    const { ctx, project, content, training } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    const custom: TargetIndicatorInput = {
      libraryIndicatorId: null,
      period: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      name: '村级后备干部培训人数',
      nature: '≥',
      value: '120',
      unit: '人',
    };
    const saved = saveTarget(ctx, { ...content(), indicators: [...content().indicators, custom], id: t.id });
    const row = saved.indicators.find((i) => i.name === '村级后备干部培训人数')!;
    expect(row.libraryIndicatorId).toBeNull();
    const promoted = promoteIndicator(ctx, { targetIndicatorId: row.id, classId: training.id });
    expect(promoted).toMatchObject({ className: '培训', name: '村级后备干部培训人数', unit: '人', referenceHint: '≥120人' });
    expect(ctx.ledger.db.select().from(indicatorTable).where(eq(indicatorTable.id, promoted.id)).get()).toBeDefined();
  });
});

describe('机审 under the year’s rule set', () => {
  it('refuses to send an 85% 满意度 target to review in a year whose rules ask for 90%', () => {
    const { ctx, project, content, common } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    const draft = content();
    draft.indicators[3] = common('参训人员满意度', '85');
    expect(saveTarget(ctx, { ...draft, id: t.id }).checks.find((c) => c.id === 'satisfaction')).toMatchObject({
      ok: true,
      label: '满意度指标值不低于 80%',
    });

    const ruleSet = ruleSetOf(ctx, 2023);
    ctx.ledger.db
      .update(fiscalYears)
      .set({ ruleSet: serialiseRuleSet({ ...ruleSet, targets: { minSatisfactionPercent: 90 } }) })
      .where(eq(fiscalYears.year, 2023))
      .run();
    expect(() => submitForReview(ctx, { targetId: t.id })).toThrow(
      '机审未通过，不能提交会审：满意度指标值不低于 90%（“参训人员满意度”为 85%）。',
    );
  });
});

describe('成本 against the library’s 预算支出标准', () => {
  it('refuses 人均培训成本 above the ≤1000元/人 the library records, and accepts it at the standard', () => {
    const { ctx, project, content, common } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    const draft = content();
    draft.indicators.push(common('人均培训成本', '≤1200'));
    expect(saveTarget(ctx, { ...draft, id: t.id }).checks.find((c) => c.id === 'standard')).toMatchObject({
      ok: false,
      severity: 'error',
      detail: '“人均培训成本”为 ≤1200元/人，高于预算支出标准“≤1000元/人”，请调低到标准以内',
    });
    expect(() => submitForReview(ctx, { targetId: t.id })).toThrow(/成本指标不高于预算支出标准/);

    draft.indicators[4] = common('人均培训成本', '≤1000');
    const saved = saveTarget(ctx, { ...draft, id: t.id });
    expect(saved.checks.find((c) => c.id === 'standard')).toMatchObject({ ok: true });
    // The standard serves the checklist; the target's own rows stay as declared.
    expect(saved.indicators[4]).not.toHaveProperty('standardCap');
  });
});

describe('三方联合会审 through to publication', () => {
  it('goes declaration → checks → three opinions → 中 → revised → 优 → approved (locked) → adjusted → published', () => {
    const { ctx, project, content } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });

    // An incomplete draft cannot go to review, and says what is missing.
    expect(() => submitForReview(ctx, { targetId: t.id })).toThrow(/机审未通过.*年度总体目标/);
    const draft = content();
    saveTarget(ctx, { ...draft, indicators: draft.indicators.slice(0, 3), id: t.id });
    expect(() => submitForReview(ctx, { targetId: t.id })).toThrow(/至少一个满意度指标/);
    saveTarget(ctx, { ...draft, id: t.id });
    expect(submitForReview(ctx, { targetId: t.id }).status).toBe('inReview');
    expect(() => saveTarget(ctx, { ...draft, id: t.id })).toThrow(/正在会审中/);

    recordOpinion(ctx, opinion(t.id, 'unit', '良'));
    recordOpinion(ctx, opinion(t.id, 'finance', '中'));
    expect(() => decideRound(ctx, { targetId: t.id, result: '中', note: null })).toThrow(/缺少第三方机构的意见/);
    recordOpinion(ctx, opinion(t.id, 'thirdParty', '中'));
    expect(listRounds(ctx, { targetId: t.id })[0]!.suggestion).toBe('中');
    expect(decideRound(ctx, { targetId: t.id, result: '中', note: '产出指标偏少' }).status).toBe('returned');

    saveTarget(ctx, { ...draft, annualGoal: '全年完成基层干部培训 600 人次。', id: t.id });
    submitForReview(ctx, { targetId: t.id });
    for (const party of ['unit', 'finance', 'thirdParty'] as const) recordOpinion(ctx, opinion(t.id, party, '优'));
    expect(decideRound(ctx, { targetId: t.id, result: '优', note: null }).status).toBe('ready');

    const rounds = listRounds(ctx, { targetId: t.id });
    expect(rounds.map((r) => [r.roundNo, r.result])).toEqual([
      [1, '中'],
      [2, '优'],
    ]);
    expect(rounds[0]!.snapshot.annualGoal).toContain('500 人次');
    expect(rounds[1]!.snapshot.annualGoal).toContain('600 人次');

    expect(() => publishTargets(ctx, { targetIds: [t.id] })).toThrow(/待批复.*不能转为“已公开”/);
    expect(approveTargets(ctx, { targetIds: [t.id] })).toBe(1);
    expect(() => saveTarget(ctx, { ...draft, id: t.id })).toThrow(/已批复/);
    expect(() => adjustTarget(ctx, { ...draft, reason: ' ', id: t.id })).toThrow(/调整原因/);
    const adjusted = adjustTarget(ctx, { ...draft, annualGoal: '全年完成基层干部培训 550 人次。', reason: '上级调减培训计划', id: t.id });
    expect(adjusted.adjustments).toEqual([
      expect.objectContaining({
        reason: '上级调减培训计划',
        before: expect.objectContaining({ annualGoal: '全年完成基层干部培训 600 人次。' }),
        after: expect.objectContaining({ annualGoal: '全年完成基层干部培训 550 人次。' }),
      }),
    ]);
    publishTargets(ctx, { targetIds: [t.id] });
    const row = listTargets(ctx, { year: 2023 })[0]!;
    expect(row).toMatchObject({ status: 'published', rounds: 2, lastResult: '优' });
  });

  it('差 ends a target: no further review, no approval', () => {
    const { ctx, project, content } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    saveTarget(ctx, { ...content(), id: t.id });
    submitForReview(ctx, { targetId: t.id });
    for (const party of ['unit', 'finance', 'thirdParty'] as const) recordOpinion(ctx, opinion(t.id, party, '差'));
    expect(decideRound(ctx, { targetId: t.id, result: '差', note: null }).status).toBe('notArranged');
    expect(() => submitForReview(ctx, { targetId: t.id })).toThrow(/不予安排/);
    expect(() => approveTargets(ctx, { targetIds: [t.id] })).toThrow(/不予安排/);
  });

  it('approves several at once or none', () => {
    const { ctx, project, content } = setup();
    const t = createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
    saveTarget(ctx, { ...content(), id: t.id });
    submitForReview(ctx, { targetId: t.id });
    for (const party of ['unit', 'finance', 'thirdParty'] as const) recordOpinion(ctx, opinion(t.id, party, '优'));
    decideRound(ctx, { targetId: t.id, result: '优', note: null });
    const other = createTarget(ctx, { year: 2023, projectId: null, unitId: project.unitId });
    expect(() => approveTargets(ctx, { targetIds: [t.id, other.id] })).toThrow(/填报中/);
    expect(listTargets(ctx, { year: 2023 }).find((r) => r.targetId === t.id)!.status).toBe('ready');
  });
});
