/**
 * Rough edges of issue #14 that the services decide, on real ledger files through the bridge: a
 * negative 当前完成值 is refused naming the indicator, and 选定评价项目 reports every problem at once.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { recentAudit } from '../../electron/ledger/audit';
import { listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { monitoringForm } from '../../electron/monitoring/monitoringEntries';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { entry, setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';
import { computeWarnings, listWarnings } from '../../electron/monitoring/warnings';
import { colourSeverity, worstColour } from '../../electron/rules/warningLines';

describe('the monitoring form refuses a negative figure', () => {
  it('answers a negative 当前完成值 and 全年预计完成值 at their fields, naming the indicator, and writes nothing', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const before = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id }).rows.map((r) => r.currentValue);
    const auditBefore = recentAudit(ctx, 1)[0]!.id;

    const r = await dispatch(ctx, 'monitoring.saveForm', {
      roundId: s.may.id,
      targetId: s.t1.id,
      entries: [entry('培训人次', '-5', { expectedValue: '-1200' }), entry('培训合格率', '96')],
    });

    expect(r).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        fields: {
          'entries.0.currentValue': '“培训人次”的当前完成值不能为负数（填的是“-5”），请填写 0 或正数',
          'entries.0.expectedValue': '“培训人次”的全年预计完成值不能为负数（填的是“-1200”），请填写 0 或正数',
        },
      },
    });
    expect(r.ok || r.error.message).toMatch(/^监控表有误：“培训人次”的当前完成值不能为负数/);
    expect(monitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id }).rows.map((x) => x.currentValue)).toEqual(before);
    expect(recentAudit(ctx, 1)[0]!.id).toBe(auditBefore);

    // Zero is a figure, not a mistake.
    const zero = await dispatch(ctx, 'monitoring.saveForm', {
      roundId: s.may.id,
      targetId: s.t1.id,
      entries: [entry('培训人次', '0', { likelihood: 'possible', deviationReason: 'funding', explanation: '培训尚未开班' })],
    });
    expect(zero.ok).toBe(true);
  });
});

describe('选定评价项目 reports every problem at once', () => {
  function setup() {
    const ctx = freshContext({ year: 2023 });
    const unit = createUnit(ctx, { name: '轮台县农业农村局', code: '101', parentId: null, classified: false });
    const project = createProject(ctx, {
      year: 2023,
      unitId: unit.id,
      code: 'P-1',
      name: '耕地轮作补助项目',
      projectType: '补助补贴',
      budgetKind: 'general',
      initialBudgetFen: 1_305_000_000,
      continuity: 'continuing',
      majorPolicy: false,
    });
    return { ctx, unit, project };
  }
  const select = (more: Record<string, unknown>) => ({
    year: 2023,
    subject: 'project',
    projectId: null,
    unitId: null,
    name: null,
    selectionReason: '',
    evaluator: 'thirdParty',
    evaluatorName: null,
    covered: null,
    ...more,
  });

  it('marks the missing project, the missing reason and an unreadable amount together, and writes nothing', async () => {
    const { ctx } = setup();
    const r = await dispatch(ctx, 'keyEvaluations.select', select({ covered: 'abc' }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.keys(r.error.fields ?? {}).sort()).toEqual(['covered', 'projectId', 'selectionReason']);
    expect(r.error.fields).toMatchObject({ projectId: '请选择被评价的项目', selectionReason: '请写明选题理由' });
    expect(r.error.fields!.covered).toMatch(/abc/);
    expect(listKeyEvaluations(ctx, { year: 2023 })).toHaveLength(0);

    const dept = await dispatch(ctx, 'keyEvaluations.select', select({ subject: 'department', covered: '-3' }));
    expect(dept.ok || Object.keys(dept.error.fields ?? {}).sort()).toEqual(['covered', 'selectionReason', 'unitId']);
  });

  it('refuses a 部门整体 already chosen at the unit, and a project of another year at the project', async () => {
    const { ctx, unit } = setup();
    const dept = select({ subject: 'department', unitId: unit.id, selectionReason: '部门整体' });
    expect((await dispatch(ctx, 'keyEvaluations.select', dept)).ok).toBe(true);
    expect(await dispatch(ctx, 'keyEvaluations.select', dept)).toMatchObject({
      ok: false,
      error: { code: 'evaluation_exists', fields: { unitId: '“轮台县农业农村局”2023 年度的部门整体支出已列为重点绩效评价' } },
    });
    expect(await dispatch(ctx, 'keyEvaluations.select', select({ projectId: 999, selectionReason: '资金量大' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { projectId: '请选择 2023 年度的项目' } },
    });
    expect(listKeyEvaluations(ctx, { year: 2023 })).toHaveLength(1);
  });
});

describe('the warning list leads with what needs action', () => {
  it('orders by the worst colour of the three lines, red first and rows without warnings last', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    computeWarnings(ctx, { roundId: s.may.id });
    const codes = (sort: 'attention' | null) => listWarnings(ctx, { roundId: s.may.id, sort }).map((r) => r.projectCode);
    // By unit, P1 (all green) would come first; by attention the two red projects lead, the larger 偏离率 first.
    expect(codes(null)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(codes('attention')).toEqual(['P2', 'P3', 'P1', 'P4']);
    const rows = listWarnings(ctx, { roundId: s.may.id, sort: 'attention' });
    const worst = rows.map((r) => colourSeverity(worstColour([r.execution.colour, r.completion.colour, r.deviationLine.colour])));
    expect(worst).toEqual([4, 4, 1, 0]);
  });
});
