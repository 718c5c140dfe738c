/**
 * 绩效自评 on real ledger files: a project's form pre-filled from its approved target and the year's
 * execution data, the unit's figures saved and scored by the year's rules (total, grade, flags stored
 * with the rule version), the bureau's return and acceptance, a closed year's refusal, and the audit log.
 */
import { fundsOf } from '../fixtures/selfEvaluationForms';
import { describe, expect, it } from 'vitest';
import { recentAudit } from '../../electron/ledger/audit';
import {
  listSelfEvaluations,
  selfEvaluationCandidates,
  selfEvaluationYearFigures,
  type SelfEvaluationView,
} from '../../electron/selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  returnSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
  type SaveSelfEvaluationInput,
} from '../../electron/selfEvaluations/selfEvaluationWrites';
import { approveTarget } from '../fixtures/approvedTarget';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

function setup() {
  const ctx = freshContext({ year: 2023 });
  const s = setupRound(ctx);
  approveTarget(ctx, s.t1.id);
  approveTarget(ctx, s.t4.id);
  return { ctx, ...s };
}

/** The save input of a form as it stands, with the given changes by indicator name. */
function edit(
  view: SelfEvaluationView,
  changes: Record<string, Partial<SaveSelfEvaluationInput['indicators'][number]>>,
  more: Partial<Omit<SaveSelfEvaluationInput, 'indicators'>> = {},
): SaveSelfEvaluationInput {
  return {
    id: view.id,
    graded: view.graded,
    funds: fundsOf(view),
    executionChosenScore: view.executionChosenScore,
    goalExpected: view.goalExpected,
    goalActual: view.goalActual,
    indicators: view.indicators.map((i) => ({
      id: i.id,
      actual: i.actual,
      points: i.points,
      chosenScore: i.chosenScore,
      explanation: i.explanation,
      ...changes[i.name],
    })),
    ...more,
  };
}

const FILLED = {
  培训人次: { actual: '1100', explanation: '两期培训因师资不足推迟' },
  培训合格率: { actual: '96' },
  业务能力提升情况: { actual: '部分达成', chosenScore: 20, explanation: '部分课程尚未开设' },
  参训人员满意度: { actual: '92' },
};

describe('project self-evaluation', () => {
  it('is pre-filled from the approved target and the latest execution record, with 分值 split within each 一级', () => {
    const { ctx, p1 } = setup();
    const view = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });

    // Annual indicators only (the 中期 one stays out), 年度指标值 as approved.
    expect(view.indicators.map((i) => [i.level1, i.name, i.nature, i.target, i.unit, i.points])).toEqual([
      ['产出指标', '培训人次', '≥', '1200', '人次', 25],
      ['产出指标', '培训合格率', '≥', '95', '%', 25],
      ['效益指标', '业务能力提升情况', '定性', '有效提升', null, 30],
      ['满意度指标', '参训人员满意度', '≥', '90', '%', 10],
    ]);
    expect(view).toMatchObject({
      status: 'draft',
      statusLabel: '填报中',
      kindLabel: '单位自评',
      unitName: '中共轮台县委组织部',
      initialFen: 10_000_000,
      budgetFen: 10_000_000,
      executedFen: 8_000_000,
      fiscalInitialFen: 10_000_000,
      otherInitialFen: 0,
      goalExpected: '全年完成培训 1200 人次。',
      editable: true,
    });
    expect(view.executionSource).toContain('5月项目监控');
    // Nothing filled yet: the 执行率 scores (10 × 80%), the indicators cannot, so no grade.
    expect(view.score.execution).toMatchObject({ rate: 80, score: 8 });
    expect(view.score.complete).toBe(false);
    expect(view).toMatchObject({ total: 8, grade: null, complete: false, ruleVersion: '2023.1' });
  });

  it('records a 部门评价 of the same project beside the unit’s own, with the same machinery', () => {
    const { ctx, p1 } = setup();
    createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    const department = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'department' });
    expect(department).toMatchObject({ kindLabel: '部门评价', executedFen: 8_000_000, total: 8 });
    expect(department.indicators.map((i) => i.points)).toEqual([25, 25, 30, 10]);
    expect(listSelfEvaluations(ctx, { year: 2023, kind: 'department' }).map((r) => r.id)).toEqual([department.id]);
    expect(selfEvaluationYearFigures(ctx, { year: 2023 })).toMatchObject({ selfCount: 1, departmentCount: 1, projects: 1 });
  });

  it('saves the actuals and stores the total and grade the year’s rules give', () => {
    const { ctx, p1 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    const saved = saveSelfEvaluation(ctx, {
      ...edit(created, FILLED),
      funds: { ...edit(created, {}).funds, executedFen: 9_500_000 },
      goalActual: '全年完成培训 1100 人次。',
    });

    // 9.5 (执行率 95%) + 25 × 1100/1200 + 25 + 20 (部分达成, picked within 18–24) + 10 = 87.4166… → 87.42, 良.
    expect(saved.score.indicators.map((i) => i.score)).toEqual([22.92, 25, 20, 10]);
    expect(saved.score.indicators[2]!.band).toEqual({ min: 18, max: 24 });
    expect(saved).toMatchObject({ total: 87.42, grade: '良', complete: true, goalActual: '全年完成培训 1100 人次。' });
    expect(listSelfEvaluations(ctx, { year: 2023 })).toMatchObject([
      { projectName: '基层干部培训项目', departmentName: '中共轮台县委组织部', total: 87.42, grade: '良', status: 'draft' },
    ]);

    // Ungraded: the same total, no grade.
    const ungraded = saveSelfEvaluation(ctx, { ...edit(saved, {}), graded: false });
    expect(ungraded).toMatchObject({ total: 87.42, grade: null, complete: true });
  });

  it('flags an actual far above its target for explanation, and keeps the points full', () => {
    const { ctx, p1 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    const saved = saveSelfEvaluation(ctx, edit(created, { ...FILLED, 培训人次: { actual: '3000', explanation: '' } }));
    const count = saved.score.indicators[0]!;
    expect(count.score).toBe(25);
    expect(count.flags).toEqual(['farAbove', 'needsExplanation']);
    expect(saved.score.notices.join('')).toContain('远超指标值');
  });

  it('shows a 0 budget as "—" and asks for the 执行率 score by hand', () => {
    const { ctx, p4 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p4.id, kind: 'self' });
    expect(created).toMatchObject({ budgetFen: 0, executedFen: 0 });
    const unscored = saveSelfEvaluation(ctx, edit(created, FILLED));
    expect(unscored.score.execution.rate).toBeNull();
    expect(unscored).toMatchObject({ complete: false, grade: null });
    expect(unscored.score.problems.join('')).toContain('全年预算数为 0');
    const scored = saveSelfEvaluation(ctx, { ...edit(unscored, {}), executionChosenScore: 6 });
    expect(scored).toMatchObject({ total: 83.92, grade: '良', complete: true });
  });

  it('refuses funds rows that do not add up to the total, naming the column', () => {
    const { ctx, p1 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    const input = edit(created, FILLED);
    expect(() =>
      saveSelfEvaluation(ctx, { ...input, funds: { ...input.funds, fiscalExecutedFen: 7_000_000, carryoverExecutedFen: 500_000 } }),
    ).toThrow(/全年执行数：当年财政拨款、上年结转资金、其他资金合计 7\.50 万元，与年度资金总额 8\.00 万元不一致/);
    expect(() => saveSelfEvaluation(ctx, edit(created, { 培训合格率: { points: 25.125 } }))).toThrow(/“培训合格率”的分值最多两位小数/);
    expect(listSelfEvaluations(ctx, { year: 2023 })[0]).toMatchObject({ total: 8 });
  });

  it('needs an approved target, and one form per project and kind', () => {
    const { ctx, p1, p2 } = setup();
    expect(selfEvaluationCandidates(ctx, { year: 2023, kind: 'self' }).map((c) => c.projectName)).toEqual([
      '基层干部培训项目',
      '年中追加的农机补贴项目',
    ]);
    expect(() => createSelfEvaluation(ctx, { projectId: p2.id, kind: 'self' })).toThrow(/还没有批复的绩效目标/);
    createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    expect(() => createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' })).toThrow(/已有单位自评表/);
    expect(selfEvaluationCandidates(ctx, { year: 2023, kind: 'self' }).map((c) => c.projectName)).toEqual(['年中追加的农机补贴项目']);
  });

  it('is submitted complete, returned with findings, corrected and accepted; each step audited', () => {
    const { ctx, p1 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    expect(() => submitSelfEvaluation(ctx, { id: created.id })).toThrow(/还不能报送/);
    const filled = saveSelfEvaluation(ctx, edit(created, FILLED));
    const submitted = submitSelfEvaluation(ctx, { id: filled.id });
    expect(submitted).toMatchObject({ status: 'submitted', editable: false });
    expect(() => saveSelfEvaluation(ctx, edit(submitted, FILLED))).toThrow(/已报送，不能修改/);
    expect(() => returnSelfEvaluation(ctx, { id: submitted.id, findings: ' ' })).toThrow(/请写明退回的原因/);
    const returned = returnSelfEvaluation(ctx, { id: submitted.id, findings: '培训人次未达标，偏差原因过于笼统' });
    expect(returned).toMatchObject({
      status: 'returned',
      statusLabel: '已退回',
      editable: true,
      findings: '培训人次未达标，偏差原因过于笼统',
    });
    const corrected = saveSelfEvaluation(ctx, edit(returned, { 培训人次: { explanation: '师资不足，两期培训推迟至次年一季度' } }));
    submitSelfEvaluation(ctx, { id: corrected.id });
    const accepted = acceptSelfEvaluation(ctx, { id: corrected.id });
    expect(accepted).toMatchObject({ status: 'accepted', total: 85.92, grade: '良' });
    expect(() => returnSelfEvaluation(ctx, { id: accepted.id, findings: '再看看' })).toThrow(/已审核通过，不能退回/);

    const actions = recentAudit(ctx, 20)
      .filter((e) => e.entity === 'self_evaluation')
      .map((e) => e.action)
      .reverse();
    expect(actions).toEqual([
      'selfEvaluation.create',
      'selfEvaluation.save',
      'selfEvaluation.submit',
      'selfEvaluation.return',
      'selfEvaluation.save',
      'selfEvaluation.submit',
      'selfEvaluation.accept',
    ]);
    const save = recentAudit(ctx, 20).find((e) => e.action === 'selfEvaluation.save')!;
    expect(JSON.parse(save.after!)).toMatchObject({ total: 85.92, grade: '良' });

    expect(selfEvaluationYearFigures(ctx, { year: 2023 })).toMatchObject({
      selfCount: 1,
      units: 1,
      projects: 1,
      byGrade: [
        { grade: '优', count: 0 },
        { grade: '良', count: 1 },
        { grade: '中', count: 0 },
        { grade: '差', count: 0 },
      ],
    });
  });

  it('refuses every write in a closed year and leaves the form as it was', () => {
    const { ctx, p1, p4 } = setup();
    const created = createSelfEvaluation(ctx, { projectId: p1.id, kind: 'self' });
    ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2023`).run();
    expect(() => saveSelfEvaluation(ctx, edit(created, FILLED))).toThrow(/2023 年度已关账/);
    expect(() => createSelfEvaluation(ctx, { projectId: p4.id, kind: 'self' })).toThrow(/2023 年度已关账/);
    expect(() => submitSelfEvaluation(ctx, { id: created.id })).toThrow(/2023 年度已关账/);
    expect(listSelfEvaluations(ctx, { year: 2023 })).toMatchObject([{ total: 8, status: 'draft' }]);
  });
});
