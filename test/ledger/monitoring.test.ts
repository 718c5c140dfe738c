import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, monitoringEntries, rectificationNotices, warnings } from '../../db/schema';
import { serviceContext } from '../../electron/ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { indicatorKey, listMonitoringForms, monitoringForm, saveMonitoringForm } from '../../electron/monitoring/monitoringEntries';
import { adjustTarget, createTarget, saveTarget } from '../../electron/targets/targets';
import { approveTargets, decideRound, recordOpinion, submitForReview } from '../../electron/targets/jointReview';
import { computeWarnings, listWarnings, roundSummary } from '../../electron/monitoring/warnings';
import { content, entry, INDICATORS, lagging, onSchedule, setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

function fieldErrors(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (err) {
    if (err instanceof LedgerError && err.fields) return err.fields;
    throw err;
  }
  throw new Error('expected a LedgerError with fields');
}

const auditCount = (ctx: ReturnType<typeof freshContext>) => ctx.ledger.db.select().from(auditLog).all().length;

describe('the monitoring form', () => {
  it('lists the annual indicators with their entries, live colours and required fields', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const form = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t3.id });
    expect(form.round).toMatchObject({ name: '5月项目监控', asOfMonth: 5, scope: 'project' });
    expect(form.target).toMatchObject({ name: '高素质农民培训项目', unitName: '轮台县农业农村局', departmentName: '轮台县农业农村局' });
    expect(form.timeProgress).toBeCloseTo(41.667, 2);
    // The 中期 indicator is not monitored in the year.
    expect(form.rows.map((r) => r.indicator.name)).toEqual(['培训人次', '培训合格率', '业务能力提升情况', '参训人员满意度']);
    const [count, , qualitative, satisfaction] = form.rows;
    expect(count).toMatchObject({
      key: 'annual:培训人次',
      currentValue: '250',
      likelihood: 'possible',
      deviationReason: 'staffing',
      colour: 'red',
      saved: true,
      inTarget: true,
    });
    expect(count!.ratio).toBeCloseTo(50, 10);
    expect(count!.required).toEqual(['likelihood', 'deviationReason', 'explanation']);
    expect(qualitative).toMatchObject({ colour: 'yellow', required: ['likelihood', 'deviationReason', 'explanation'] });
    expect(satisfaction).toMatchObject({ colour: 'green', required: ['likelihood'] });
    expect(form).toMatchObject({ colour: 'red', filled: 4 });
    expect(form.completionRate).toBeCloseTo(77.5, 10);
    expect(form.funds).toMatchObject({ adjustedBudgetFen: 10_000_000, executedFen: 9_900_000, colour: 'green' });
    expect(form.funds!.executionRate).toBe(99);
    const empty = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t4.id });
    expect(empty.rows.every((r) => !r.saved && r.required.length === 0 && r.colour === 'none')).toBe(true);
    expect(empty.funds).toMatchObject({ executionRate: null, colour: 'none' });
  });

  it('requires 完成可能性 once a value is given, and a reason and explanation when not 确定能 or red/yellow, at the field', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const save = (entries: ReturnType<typeof onSchedule>) => saveMonitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id, entries });

    const noLikelihood = fieldErrors(() => save([entry('培训人次', '500', { likelihood: null })]));
    expect(noLikelihood).toEqual({ 'entries.0.likelihood': '“培训人次”已填写当前完成值，请填写完成可能性' });

    const possible = fieldErrors(() => save([entry('培训合格率', '96'), entry('培训人次', '500', { likelihood: 'possible' })]));
    expect(possible).toEqual({
      'entries.1.deviationReason': '“培训人次”完成可能性为“有可能”，请填写偏差原因',
      'entries.1.explanation': '“培训人次”完成可能性为“有可能”，请填写原因说明',
    });

    // 确定能 but red (300 of 500 due is 60%: yellow; 200 is 40%: red).
    const red = fieldErrors(() => save([entry('培训人次', '200', { deviationReason: 'funding' })]));
    expect(red).toEqual({ 'entries.0.explanation': '“培训人次”当前为红灯，请填写原因说明' });
    const yellow = fieldErrors(() => save([entry('培训人次', '300')]));
    expect(Object.keys(yellow)).toEqual(['entries.0.deviationReason', 'entries.0.explanation']);
    expect(yellow['entries.0.deviationReason']).toMatch(/黄灯/);

    expect(fieldErrors(() => save([entry('业务能力提升情况', '很好')]))).toEqual({
      'entries.0.currentValue': '“业务能力提升情况”是定性指标，当前完成值应为达成、部分达成、未达成之一',
    });
    expect(fieldErrors(() => save([entry('培训人次', '过半')]))).toEqual({
      'entries.0.currentValue': '“培训人次”的当前完成值“过半”不是数字',
    });
    expect(fieldErrors(() => save([entry('没有这个指标', '1')]))['entries.0.key']).toMatch(/不在该绩效目标的年度指标中/);

    // All or nothing: the valid row of a refused form is not written either.
    const before = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id }).rows[1]!.currentValue;
    expect(() => save([entry('培训合格率', '80'), entry('培训人次', '500', { likelihood: null })])).toThrow(LedgerError);
    expect(monitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id }).rows[1]!.currentValue).toBe(before);
  });

  it('saves in one audited write, writes nothing when unchanged, and removes a row saved empty', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const audits = auditCount(ctx);
    saveMonitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id, entries: onSchedule() });
    expect(auditCount(ctx)).toBe(audits);
    const changed = onSchedule();
    changed[1] = entry('培训合格率', '97', { correctiveAction: '继续保持' });
    changed[3] = entry('参训人员满意度', '');
    const form = saveMonitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id, entries: changed });
    expect(auditCount(ctx)).toBe(audits + 1);
    expect(form.rows[1]).toMatchObject({ currentValue: '97', correctiveAction: '继续保持' });
    expect(form.rows[3]).toMatchObject({ saved: false, currentValue: '' });
    const last = ctx.ledger.db.select().from(auditLog).all().at(-1)!;
    expect(last).toMatchObject({ action: 'monitoring.saveForm', entity: 'performance_target', entityId: String(s.t1.id) });
    expect(JSON.parse(last.after!).entries).toHaveLength(2);
    const stored = ctx.ledger.db
      .select()
      .from(monitoringEntries)
      .where(and(eq(monitoringEntries.roundId, s.may.id), eq(monitoringEntries.targetId, s.t1.id)))
      .all();
    expect(stored.map((e) => e.targetIndicatorKey).sort()).toEqual(['annual:业务能力提升情况', 'annual:培训人次', 'annual:培训合格率']);
    expect(JSON.parse(stored.find((e) => e.targetIndicatorKey === 'annual:培训人次')!.indicator)).toEqual({
      level1: '产出指标',
      level2: '数量指标',
      name: '培训人次',
      nature: '≥',
      value: '1200',
      unit: '人次',
    });
  });

  it('takes project targets in project rounds and 部门整体 targets in department rounds only', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    expect(() => monitoringForm(ctx, { roundId: s.june.id, targetId: s.t1.id })).toThrow(
      /部门整体绩效监控，项目支出绩效目标请在项目监控轮次中填报/,
    );
    const dept = createTarget(ctx, { year: 2023, projectId: null, unitId: s.deptB.id });
    saveTarget(ctx, { ...content(INDICATORS.slice(0, 2)), mainTasks: '农业技术推广', id: dept.id });
    expect(() => monitoringForm(ctx, { roundId: s.may.id, targetId: dept.id })).toThrow(/部门整体绩效目标请在部门整体监控轮次中填报/);
    const form = saveMonitoringForm(ctx, { roundId: s.june.id, targetId: dept.id, entries: [entry('培训人次', '700')] });
    expect(form.target.name).toBe('轮台县农业农村局部门整体');
    expect(form.rows[0]!.colour).toBe('green'); // 700 of 600 due at month 6 is 117%
    expect(listMonitoringForms(ctx, { roundId: s.june.id }).map((f) => [f.name, f.indicatorCount, f.filled])).toEqual([
      ['轮台县农业农村局部门整体', 2, 1],
    ]);
    expect(listMonitoringForms(ctx, { roundId: s.may.id, unitId: s.deptA.id }).map((f) => f.name)).toEqual([
      '基层干部培训项目',
      '党员远程教育项目',
    ]);
    // A 部门整体 target gives the round a covered unit but no project warnings.
    computeWarnings(ctx, { roundId: s.june.id });
    expect(roundSummary(ctx, { roundId: s.june.id })).toMatchObject({ unitsCovered: 1, projectsCovered: 0, departmentTargetsCovered: 1 });
  });

  it('keeps judging an entry against the indicator it was reported on after the target is adjusted', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    submitForReview(ctx, { targetId: s.t1.id });
    for (const party of ['unit', 'finance', 'thirdParty'] as const) {
      recordOpinion(ctx, {
        targetId: s.t1.id,
        party,
        reviewer: null,
        completeness: '优',
        relevance: '优',
        appropriateness: '优',
        feasibility: '优',
        opinion: '',
      });
    }
    decideRound(ctx, { targetId: s.t1.id, result: '优', note: null });
    approveTargets(ctx, { targetIds: [s.t1.id] });
    const adjusted = INDICATORS.map((i) => (i.name === '培训人次' ? { ...i, value: '2400' } : i)).filter(
      (i) => i.name !== '参训人员满意度',
    );
    adjustTarget(ctx, { ...content(adjusted), id: s.t1.id, reason: '追加培训任务' });
    const form = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id });
    const count = form.rows.find((r) => r.key === indicatorKey('培训人次'))!;
    expect(count).toMatchObject({ colour: 'green', indicator: { value: '1200' }, targetNow: { value: '2400' } });
    expect(form.rows.find((r) => r.key === indicatorKey('参训人员满意度'))).toMatchObject({ inTarget: false, saved: true });
    // Re-saving reports against the target as it stands; the removed indicator can only be emptied.
    expect(
      fieldErrors(() => saveMonitoringForm(ctx, { roundId: s.may.id, targetId: s.t1.id, entries: [entry('参训人员满意度', '95')] }))[
        'entries.0.key'
      ],
    ).toMatch(/已不在该绩效目标中/);
    const again = saveMonitoringForm(ctx, {
      roundId: s.may.id,
      targetId: s.t1.id,
      entries: [
        entry('培训人次', '500', { likelihood: 'possible', deviationReason: 'funding', explanation: '追加任务的经费尚未到位' }),
        entry('参训人员满意度', '', { likelihood: null }),
      ],
    });
    expect(again.rows.find((r) => r.key === indicatorKey('培训人次'))).toMatchObject({
      colour: 'red',
      indicator: { value: '2400' },
      targetNow: null,
    });
    expect(again.rows.some((r) => r.key === indicatorKey('参训人员满意度'))).toBe(false);
  });
});

describe('the three warning lines', () => {
  it("computes each project's lines with the year's thresholds, storing inputs and the rule version", () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const result = computeWarnings(ctx, { roundId: s.may.id });
    expect(result).toMatchObject({ projects: 4, written: 12, removed: 0, unchanged: 0, ruleVersion: '2023.1', yearClosed: false });
    const rows = listWarnings(ctx, { roundId: s.may.id });
    expect(rows.map((r) => r.projectCode)).toEqual(['P1', 'P2', 'P3', 'P4']);
    const [p1, p2, p3, p4] = rows;

    expect([p1!.execution.colour, p1!.completion.colour, p1!.deviationLine.colour]).toEqual(['green', 'green', 'green']);
    // 执行率 80% against 85.4% of the full-year targets reached: 5.4 points apart.
    expect(p1!.deviation).toBeCloseTo(5.4167, 3);
    expect(p1!.noticeDue).toBe(false);

    expect(p2!.execution).toMatchObject({
      colour: 'red',
      colourLabel: '红灯',
      lineLabel: '预算执行进度',
      text: '执行率 21.30%，序时进度 41.67%，比值 51.12%',
    });
    expect(p2!.executionRate).toBeCloseTo(21.3, 10);
    expect(p2!.timeProgress).toBeCloseTo(41.667, 2);
    expect(p2!.execution.value).toBeCloseTo(51.12, 10);
    expect(p2!.deviation).toBeCloseTo(64.1167, 3);
    expect(p2!.deviationLine.text).toBe('执行率 21.30%，目标总体完成率 85.42%，偏离率 64.12%，超过 20%，应下发整改通知');
    expect(p2!.noticeDue).toBe(true);
    expect(p2!).toMatchObject({ unitName: '轮台县党员电化教育中心', departmentName: '中共轮台县委组织部' });

    expect(p3!.completion.colour).toBe('red');
    expect(p3!.completionRate).toBeCloseTo(77.5, 10);
    expect(p3!.completion.text).toBe('目标完成率 77.50%；“培训人次”当前 250，序时目标 500，完成比 50.00%');
    expect(p3!.deviationLine).toMatchObject({
      colour: 'red',
      text: '执行率 99.00%，目标总体完成率 70.21%，偏离率 28.79%，超过 20%，应下发整改通知',
    });
    expect(p3!.noticeDue).toBe(true);

    expect(p4!.execution).toMatchObject({ colour: 'none', value: null, colourLabel: '—' });
    expect(p4!.execution.text).toContain('执行率 —');
    expect(p4!.completion).toMatchObject({ colour: 'none', text: '本轮未填报指标完成情况，目标完成率 —' });
    expect(p4!.deviationLine).toMatchObject({ colour: 'none', value: null });
    for (const r of rows) for (const l of [r.execution, r.completion, r.deviationLine]) expect(l.text).not.toMatch(/NaN|Infinity/);

    const stored = ctx.ledger.db
      .select()
      .from(warnings)
      .where(and(eq(warnings.projectId, s.p2.id), eq(warnings.line, 'execution')))
      .get()!;
    expect(stored.ruleVersion).toBe('2023.1');
    expect(JSON.parse(stored.inputs)).toMatchObject({
      month: 5,
      adjustedBudgetFen: 10_000_000,
      executedFen: 2_130_000,
      initialBudgetFen: 10_000_000,
      executionRate: 21.3,
      bands: { red: 60, yellow: 80 },
    });
    const line2 = JSON.parse(
      ctx.ledger.db
        .select()
        .from(warnings)
        .where(and(eq(warnings.projectId, s.p3.id), eq(warnings.line, 'completion')))
        .get()!.inputs,
    );
    expect(line2.indicators).toHaveLength(4);
    expect(line2.indicators[0]).toMatchObject({
      key: 'annual:培训人次',
      target: '1200',
      current: '250',
      ratio: 50,
      completion: 50,
      colour: 'red',
    });
    expect(line2.bands).toEqual({ red: 60, yellow: 80, blue: 120 });
    const line3 = JSON.parse(
      ctx.ledger.db
        .select()
        .from(warnings)
        .where(and(eq(warnings.projectId, s.p3.id), eq(warnings.line, 'deviation')))
        .get()!.inputs,
    );
    expect(line3).toMatchObject({ basis: 'annual', executionRate: 99, completionRate: 77.5, threshold: 20, noticeDue: true });
    expect(line3.annualCompletionRate).toBeCloseTo(70.2083, 3);
    expect(line3.deviation).toBeCloseTo(28.7917, 3);
  });

  it('is idempotent: recomputing unchanged data writes nothing and audits nothing; a change rewrites only its lines', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    computeWarnings(ctx, { roundId: s.may.id });
    const snapshot = JSON.stringify(ctx.ledger.db.select().from(warnings).all());
    const audits = auditCount(ctx);
    const later = serviceContext(ctx.ledger, '测试员', () => new Date('2023-06-20T08:00:00Z'));
    expect(computeWarnings(later, { roundId: s.may.id })).toMatchObject({ written: 0, removed: 0, unchanged: 12 });
    expect(JSON.stringify(ctx.ledger.db.select().from(warnings).all())).toBe(snapshot);
    expect(auditCount(ctx)).toBe(audits);

    const fixed = lagging();
    fixed[0] = entry('培训人次', '450', { likelihood: 'certain' });
    saveMonitoringForm(later, { roundId: s.may.id, targetId: s.t3.id, entries: fixed });
    const afterSave = auditCount(ctx);
    expect(computeWarnings(later, { roundId: s.may.id })).toMatchObject({ written: 2, unchanged: 10 });
    expect(auditCount(ctx)).toBe(afterSave + 1);
    const p3 = listWarnings(ctx, { roundId: s.may.id }).find((r) => r.projectId === s.p3.id)!;
    expect(p3.completion.colour).toBe('yellow'); // 450 of 500 green, 部分达成 yellow
    expect(p3.execution.colour).toBe('green');
    expect(p3.computedAt).toBe('2023-06-20T08:00:00.000Z');
    const p1 = listWarnings(ctx, { roundId: s.may.id }).find((r) => r.projectId === s.p1.id)!;
    expect(p1.computedAt).toBe('2023-03-01T08:00:00.000Z');

    // A project whose data left the round loses its rows.
    ctx.ledger.db.delete(monitoringEntries).where(eq(monitoringEntries.targetId, s.t2.id)).run();
    ctx.ledger.sqlite.prepare('delete from execution_records where project_id = ?').run(s.p2.id);
    expect(computeWarnings(later, { roundId: s.may.id })).toMatchObject({ projects: 3, written: 0, removed: 3 });
  });

  it('filters by unit (a 主管部门 includes its units), line and colour, and sorts by deviation', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    computeWarnings(ctx, { roundId: s.may.id });
    const codes = (filter: Omit<Parameters<typeof listWarnings>[1], 'roundId'>) =>
      listWarnings(ctx, { roundId: s.may.id, ...filter }).map((r) => r.projectCode);
    expect(codes({ unitId: s.deptA.id })).toEqual(['P1', 'P2']);
    expect(codes({ unitId: s.unitA1.id })).toEqual(['P2']);
    expect(codes({ line: 'execution' })).toEqual(['P2']);
    expect(codes({ line: 'completion' })).toEqual(['P3']);
    expect(codes({ colour: 'red' })).toEqual(['P2', 'P3']);
    expect(codes({ line: 'deviation', colour: 'green' })).toEqual(['P1']);
    expect(codes({ line: 'execution', colour: 'none' })).toEqual(['P4']);
    expect(codes({ sort: 'deviation' })).toEqual(['P2', 'P3', 'P1', 'P4']);
    expect(codes({ unitId: s.deptB.id, sort: 'deviation' })).toEqual(['P3', 'P4']);
  });

  it('summarises the round: units and projects covered, line × colour, notices due, issued and closed', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    computeWarnings(ctx, { roundId: s.may.id });
    const notice = (projectId: number, unitId: number, status: 'draft' | 'issued' | 'closed', n: number) =>
      ctx.ledger.db
        .insert(rectificationNotices)
        .values({
          year: 2023,
          number: status === 'draft' ? null : `轮财绩整〔2023〕${n}号`,
          source: 'monitoring',
          roundId: s.may.id,
          projectId,
          unitId,
          findings: '偏离率超过 20%',
          requirements: '加快执行',
          deadline: '2023-07-31',
          status,
        })
        .run();
    notice(s.p2.id, s.unitA1.id, 'issued', 1);
    notice(s.p3.id, s.deptB.id, 'closed', 2);
    notice(s.p3.id, s.deptB.id, 'draft', 3);
    const sum = roundSummary(ctx, { roundId: s.may.id });
    expect(sum).toMatchObject({
      unitsCovered: 3,
      projectsCovered: 4,
      projectsWithExecution: 4,
      projectsWithEntries: 3,
      departmentTargetsCovered: 0,
      noticeDue: 2,
      ruleVersion: '2023.1',
      notices: { total: 3, drafts: 1, issued: 2, closed: 1 },
    });
    expect(sum.byLine).toEqual({
      execution: { red: 1, yellow: 0, green: 2, blue: 0, none: 1 },
      completion: { red: 1, yellow: 0, green: 2, blue: 0, none: 1 },
      deviation: { red: 2, yellow: 0, green: 1, blue: 0, none: 1 },
    });
    expect(sum.sentence).toBe(
      '2023 年度“5月项目监控”（截至 5 月）对 3 个部门单位、4 个项目开展绩效监控。预算执行进度红灯 1 个；绩效目标完成情况红灯 1 个；偏离率超过 20%、应下发整改通知的项目 2 个；已下发整改通知 2 份，已办结 1 份。',
    );
    expect(listWarnings(ctx, { roundId: s.may.id }).find((r) => r.projectId === s.p3.id)!.notice).toMatchObject({ status: 'draft' });
  });
});
