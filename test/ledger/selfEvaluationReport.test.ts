/**
 * `ledger report self-evaluations` on a real ledger file (main() with captured IO): the units and
 * projects self-evaluated, the 部门评价 apart, the grades adding up to the graded evaluations, the
 * statuses, and the money of the 单位自评 only — text in 万元, JSON one document in exact 分. The demo's
 * 2022 figures (109 units, 292 projects) are asserted in demoYear.test.ts, which builds it.
 */
import { fundsOf } from '../fixtures/selfEvaluationForms';
import { describe, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { createYear } from '../../electron/settings/yearSetup';
import type { SelfEvaluationView } from '../../electron/selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
} from '../../electron/selfEvaluations/selfEvaluationWrites';
import { approveTarget } from '../fixtures/approvedTarget';
import { cliJson, cliRunner } from '../fixtures/cli';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

const run = cliRunner();

/** The form filled with the 全年执行数 and the 实际完成值 given by indicator name; the others met. */
function fill(ctx: ServiceContext, view: SelfEvaluationView, actuals: Record<string, string>, executedFen: number): SelfEvaluationView {
  return saveSelfEvaluation(ctx, {
    id: view.id,
    graded: true,
    funds: { ...fundsOf(view), executedFen },
    executionChosenScore: null,
    goalExpected: view.goalExpected,
    goalActual: '基本完成年度目标。',
    indicators: view.indicators.map((i) => ({
      id: i.id,
      actual: actuals[i.name] ?? (i.nature === '定性' ? '达成' : i.target),
      points: i.points,
      chosenScore: null,
      explanation: actuals[i.name] ? '部分工作推迟开展，已制定改进措施。' : '',
    })),
  });
}

describe('report self-evaluations', () => {
  it('counts units, projects, 部门评价, grades, statuses and the 单位自评’s money, in text and JSON', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    for (const t of [s.t1, s.t2, s.t3]) approveTarget(ctx, t.id);

    // 组织部: all met, accepted; its 部门评价 the same. 电教中心: short on 培训人次, submitted. 农业农村局: a draft.
    const met = fill(ctx, createSelfEvaluation(ctx, { projectId: s.p1.id, kind: 'self' }), {}, 10_000_000);
    submitSelfEvaluation(ctx, { id: met.id });
    acceptSelfEvaluation(ctx, { id: met.id });
    const short = fill(
      ctx,
      createSelfEvaluation(ctx, { projectId: s.p2.id, kind: 'self' }),
      { 培训人次: '600', 业务能力提升情况: '部分达成' },
      6_000_000,
    );
    submitSelfEvaluation(ctx, { id: short.id });
    const draft = createSelfEvaluation(ctx, { projectId: s.p3.id, kind: 'self' });
    const department = fill(ctx, createSelfEvaluation(ctx, { projectId: s.p1.id, kind: 'department' }), {}, 10_000_000);
    submitSelfEvaluation(ctx, { id: department.id });
    acceptSelfEvaluation(ctx, { id: department.id });
    expect([met.grade, short.grade, draft.grade, department.grade]).toEqual(['优', '中', null, '优']);

    const file = ctx.ledger.file;
    const text = await run('report', 'self-evaluations', '--ledger', file, '--year', '2023');
    expect(text.code).toBe(0);
    expect(text.out.trimEnd().split('\n')).toEqual([
      '2023 年度 3 个单位对 3 个项目开展绩效自评，部门评价 1 个项目。',
      '评价等级（单位自评和部门评价）：优 2、良 0、中 1、差 0；未评等级或未填完 1 个。',
      '状态：填报中 1、已报送 1、已退回 0、已审核通过 2。',
      '单位自评资金：年初预算 30.00 万元，全年预算 30.00 万元，全年执行 25.90 万元。',
    ]);

    const json = await run('report', 'self-evaluations', '--ledger', file, '--year', '2023', '--json');
    expect(json.code).toBe(0);
    const report = cliJson(json);
    expect(report).toMatchObject({ year: 2023, selfCount: 3, units: 3, projects: 3, departmentCount: 1, ungraded: 1 });
    const graded = (report.byGrade as { count: number }[]).reduce((sum, g) => sum + g.count, 0);
    expect(graded + report.ungraded).toBe(report.selfCount + report.departmentCount);
    // The draft keeps the May figure (9.9 万 of 10 万) until the unit fills the year's; the 部门评价's money is not added again.
    expect(report.money).toEqual({ initialFen: 30_000_000, budgetFen: 30_000_000, executedFen: 10_000_000 + 6_000_000 + 9_900_000 });
  });

  it('says so for a year without self-evaluations, and names a year the ledger does not have', async () => {
    const ctx = freshContext({ year: 2023 });
    createYear(ctx, { year: 2022 });
    const empty = await run('report', 'self-evaluations', '--ledger', ctx.ledger.file, '--year', '2022');
    expect(empty.code).toBe(0);
    expect(empty.out.trimEnd()).toBe('2022 年度还没有绩效自评。');

    const missing = await run('report', 'self-evaluations', '--ledger', ctx.ledger.file, '--year', '2021');
    expect(missing.code).not.toBe(0);
    expect(missing.err).toContain('台账中没有 2021 年度');
  });
});
