/**
 * 概览 on the demo county (轮台县 2023; a 2022 ledger with one self-evaluation for its grade): the to-do counts and chart
 * figures a clerk would check against the areas' own screens, the records behind each, a to-do that moves
 * when a record changes, and a chart exported as the workbook the table shows.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { listKeyEvaluations, selectForEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { listWarnings, roundSummary } from '../../electron/monitoring/warnings';
import { overviewChart, overviewCharts } from '../../electron/overview/overviewCharts';
import { exportOverviewChart } from '../../electron/overview/overviewExport';
import { overviewTodos, type OverviewTodoId } from '../../electron/overview/overviewTodos';
import { reviewNotice } from '../../electron/rectification/rectification';
import { listNotices } from '../../electron/rectification/noticeList';
import { yearSummary } from '../../electron/reports/yearSummary';
import { formatWanYuan } from '../../electron/rules/money';
import { formatPercent } from '../../electron/rules/numberFormat';
import { createTarget } from '../../electron/targets/targets';
import type { ServiceContext } from '../../electron/ledger/context';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { getSelfEvaluation, listSelfEvaluations } from '../../electron/selfEvaluations/selfEvaluations';
import { acceptSelfEvaluation, saveSelfEvaluation, submitSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluationWrites';
import { demoContext } from '../fixtures/demoLedger';
import { formLedger } from './selfEvaluationFormLedger';
import { freshContext } from './tempLedger';

const todoOf = (ctx: ServiceContext, year: number, id: OverviewTodoId) => overviewTodos(ctx, { year }).find((t) => t.id === id)!;
const chartOf = (ctx: ServiceContext, year: number, id: Parameters<typeof overviewChart>[1]['chart']) =>
  overviewChart(ctx, { year, chart: id });
/** The form ledger's self-evaluation with every indicator met and the money spent as budgeted: scored and graded. */
function scoredSelfEvaluation() {
  const { ctx, evaluation } = formLedger();
  const v = getSelfEvaluation(ctx, { id: evaluation.id });
  const fundKeys = ['initialFen', 'budgetFen', 'executedFen', 'fiscalInitialFen', 'fiscalBudgetFen', 'fiscalExecutedFen'] as const;
  const otherKeys = [
    'carryoverInitialFen',
    'carryoverBudgetFen',
    'carryoverExecutedFen',
    'otherInitialFen',
    'otherBudgetFen',
    'otherExecutedFen',
  ] as const;
  saveSelfEvaluation(ctx, {
    id: v.id,
    graded: true,
    funds: Object.fromEntries([...fundKeys, ...otherKeys].map((k) => [k, v[k]])) as Record<
      (typeof fundKeys)[number] | (typeof otherKeys)[number],
      number | null
    >,
    executionChosenScore: null,
    goalExpected: v.goalExpected,
    goalActual: '完成年度目标。',
    indicators: v.indicators.map((i) => ({
      id: i.id,
      actual: i.nature === '定性' ? '达成' : i.target,
      points: i.points,
      chosenScore: null,
      explanation: '',
    })),
  });
  return { ctx, evaluation: getSelfEvaluation(ctx, { id: v.id }) };
}

const row = (chart: ReturnType<typeof overviewChart>, label: string) => chart.rows.find((r) => r.label === label)!;

describe('概览：待办', () => {
  it('counts what the demo year still owes, each count with its records', () => {
    const ctx = demoContext();
    const todos = overviewTodos(ctx, { year: 2023 });
    expect(todos.map((t) => t.id)).toEqual([
      'projectsWithoutTargets',
      'targetsPending',
      'redWarnings',
      'notices',
      'keyEvaluations',
      'selfEvaluations',
    ]);
    for (const t of todos) expect(t.records).toHaveLength(t.count);

    // 292 projects, 272 with targets; of the 20 without, 17 have a 年初预算.
    const missing = todoOf(ctx, 2023, 'projectsWithoutTargets');
    expect(missing.count).toBe(17);
    expect(missing.records.every((r) => r.projectId !== null && /^年初预算 [\d,]+\.\d\d 万元$/.test(r.detail))).toBe(true);

    // Every target of the demo was reviewed and approved: nothing pending, said calmly.
    expect(todoOf(ctx, 2023, 'targetsPending')).toMatchObject({ count: 0, note: '没有待会审或退回修改的绩效目标。' });

    const round = listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.name === '5月项目监控')!;
    const red = todoOf(ctx, 2023, 'redWarnings');
    expect(red.note).toBe('5月项目监控（截至 5 月）');
    expect(red.records.map((r) => r.projectId)).toEqual(listWarnings(ctx, { roundId: round.id, colour: 'red' }).map((w) => w.projectId));
    expect(red.count).toBe(60);
    expect(red.records[0]!.detail).toContain('红');

    const notices = listNotices(ctx, { year: 2023 });
    const owed = todoOf(ctx, 2023, 'notices');
    expect(owed.count).toBe(notices.filter((n) => n.overdue || n.status === 'answered').length);
    expect(owed.records.filter((r) => r.detail.endsWith('单位已反馈，待审核'))).toHaveLength(
      notices.filter((n) => n.status === 'answered').length,
    );
    expect(notices.filter((n) => n.status === 'answered').length).toBeGreaterThan(0);

    // The demo's ten key evaluations are all finalised.
    expect(listKeyEvaluations(ctx, { year: 2023 })).toHaveLength(10);
    expect(todoOf(ctx, 2023, 'keyEvaluations').count).toBe(0);
  });

  it('lists a self-evaluation once its unit submits it, and no more once it is accepted', () => {
    const { ctx, evaluation } = scoredSelfEvaluation();
    expect(todoOf(ctx, 2022, 'selfEvaluations')).toMatchObject({ count: 0, note: '没有待审核的绩效自评。' });
    submitSelfEvaluation(ctx, { id: evaluation.id });
    const owed = todoOf(ctx, 2022, 'selfEvaluations');
    expect(owed.count).toBe(1);
    expect(owed.records[0]).toMatchObject({ projectId: evaluation.projectId, detail: '单位自评已报送，待审核' });
    acceptSelfEvaluation(ctx, { id: evaluation.id });
    expect(todoOf(ctx, 2022, 'selfEvaluations').count).toBe(0);
  });

  it('moves when a record changes: a project gets targets, a notice is closed, an evaluation is selected', () => {
    const ctx = demoContext();
    const missing = todoOf(ctx, 2023, 'projectsWithoutTargets');
    const project = missing.records[0]!;
    createTarget(ctx, { year: 2023, projectId: project.projectId, unitId: null });
    const after = todoOf(ctx, 2023, 'projectsWithoutTargets');
    expect(after.count).toBe(16);
    expect(after.records.map((r) => r.projectId)).not.toContain(project.projectId);

    const answered = listNotices(ctx, { year: 2023 }).find((n) => n.status === 'answered')!;
    const before = todoOf(ctx, 2023, 'notices').count;
    reviewNotice(ctx, { id: answered.id, decision: 'close', text: '整改到位，同意办结。' });
    expect(todoOf(ctx, 2023, 'notices').count).toBe(before - 1);

    selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: project.projectId,
      selectionReason: '资金量大、社会关注度高',
      evaluator: 'bureau',
    });
    const evaluations = todoOf(ctx, 2023, 'keyEvaluations');
    expect(evaluations.count).toBe(1);
    expect(evaluations.records[0]).toMatchObject({ projectId: project.projectId, label: project.label });
    expect(evaluations.records[0]!.detail).toMatch(/^拟定，涉及资金 [\d,]+\.\d\d 万元$/);
  });

  it('gives a new year nothing to do, each to-do saying so, and refuses a year the ledger does not hold', async () => {
    const ctx = freshContext({ year: 2024 });
    const todos = overviewTodos(ctx, { year: 2024 });
    expect(todos.every((t) => t.count === 0 && t.note.length > 0)).toBe(true);
    expect(todos.find((t) => t.id === 'redWarnings')!.note).toBe('本年度还没有计算过监控预警。');
    expect(await dispatch(ctx, 'overview.todos', { year: 2030 })).toMatchObject({
      ok: false,
      error: { code: 'year_missing', message: '台账中没有 2030 年度。请先在“设置”中新建该年度。' },
    });
  });
});

describe('概览：图表', () => {
  it('shows the year’s budget by 预算类型 as the 年度概况 sums it, each bar listing its projects', () => {
    const ctx = demoContext();
    const budget = chartOf(ctx, 2023, 'budget');
    expect(budget.rows.map((r) => [r.label, formatWanYuan(r.values.fen!), r.records.length])).toEqual([
      ['一般公共预算', '61,691.14', 263],
      ['政府性基金预算', '31,219.74', 20],
      ['国有资本经营预算', '1,585.10', 3],
      ['社会保险基金预算', '34,427.31', 6],
    ]);
    expect(budget.note).toBe(`292 个项目，年初预算合计 ${formatWanYuan(yearSummary(ctx, { year: 2023 }).totalFen)} 万元`);
  });

  it('counts the ex-ante conclusions (five, all 予以支持) and the grades (重点评价 优 7、良 3; a scored 自评)', () => {
    const ctx = demoContext();
    const exAnte = chartOf(ctx, 2023, 'exAnte');
    expect(exAnte.rows.map((r) => [r.label, r.values.count])).toEqual([
      ['予以支持', 5],
      ['调整完善后予以支持', 0],
      ['不予支持', 0],
    ]);
    expect(row(exAnte, '予以支持').records).toHaveLength(5);

    const grades = chartOf(ctx, 2023, 'grades');
    expect(grades.rows.map((r) => [r.label, r.values.key])).toEqual([
      ['优', 7],
      ['良', 3],
      ['中', 0],
      ['差', 0],
    ]);
    expect(row(grades, '优').bySeries!.key!.every((r) => r.detail.endsWith('等级 优'))).toBe(true);

    // A self-evaluation scored on the year's rules shows under its grade, as 单位自评.
    const { ctx: form, evaluation } = scoredSelfEvaluation();
    const stored = listSelfEvaluations(form, { year: 2022 }).find((e) => e.id === evaluation.id)!;
    expect(stored.grade).not.toBeNull();
    const formGrades = chartOf(form, 2022, 'grades');
    expect(formGrades.rows.map((r) => [r.label, r.values.self, r.values.department, r.values.key])).toEqual(
      ['优', '良', '中', '差'].map((g) => [g, g === stored.grade ? 1 : 0, 0, 0]),
    );
    expect(row(formGrades, stored.grade!).records[0]).toMatchObject({ projectId: stored.projectId, label: stored.projectName });
  });

  it('draws the round’s warning colours by line, as the round summary counts them, each segment its projects', () => {
    const ctx = demoContext();
    const round = listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.name === '5月项目监控')!;
    const summary = roundSummary(ctx, { roundId: round.id });
    const warnings = chartOf(ctx, 2023, 'warnings');
    expect(warnings.rows.map((r) => r.label)).toEqual(['5月项目监控 执行', '5月项目监控 完成', '5月项目监控 偏离']);
    expect(row(warnings, '5月项目监控 执行').values).toEqual({ red: 43, yellow: 7, green: summary.byLine.execution.green, blue: 0 });
    expect(row(warnings, '5月项目监控 完成').values).toMatchObject({ red: 30, yellow: 8, blue: 23 });
    expect(row(warnings, '5月项目监控 偏离').values.red).toBe(summary.byLine.deviation.red);
    expect(row(warnings, '5月项目监控 偏离').bySeries!.red).toHaveLength(47);
  });

  it('compares each 主管部门’s 执行率 with the 序时进度 of the latest round, furthest behind first', () => {
    const ctx = demoContext();
    const execution = chartOf(ctx, 2023, 'execution');
    expect(execution.reference).toEqual({ label: '序时进度 41.67%', value: (5 / 12) * 100 });
    expect(execution.rows).toHaveLength(50);
    const rates = execution.rows.map((r) => r.values.executionRate!);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
    for (const r of execution.rows) {
      expect(r.values.executionRate).toBeCloseTo((r.values.executedFen! * 100) / r.values.budgetFen!, 10);
      expect(r.records).toHaveLength(r.values.projects!);
    }
    const round = listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.name === '5月项目监控')!;
    expect(execution.rows.reduce((n, r) => n + r.values.projects!, 0)).toBe(roundSummary(ctx, { roundId: round.id }).projectsWithExecution);
    expect(execution.rows[0]!.records[0]!.detail).toMatch(
      /^执行率 \d+\.\d\d%（执行数 [\d,]+\.\d\d 万元，调整后预算数 [\d,]+\.\d\d 万元）$/,
    );
  });

  it('says what is missing in a year without records, and the charts come through the bridge as the service gives them', async () => {
    const fresh = freshContext({ year: 2024 });
    const charts = overviewCharts(fresh, { year: 2024 });
    expect(charts.map((c) => c.id)).toEqual(['execution', 'warnings', 'grades', 'exAnte', 'budget']);
    expect(charts.every((c) => c.rows.length === 0 && c.empty.length > 0)).toBe(true);
    await expect(exportOverviewChart(fresh, { year: 2024, chart: 'budget' })).rejects.toThrow(
      '“年初预算（按预算类型）”还没有数据可导出。本年度还没有项目。可在“项目与目标”中录入或导入项目。',
    );

    const ctx = demoContext();
    const bridge = await dispatch(ctx, 'overview.charts', { year: 2023 });
    expect(bridge).toEqual({ ok: true, value: overviewCharts(ctx, { year: 2023 }) });
  });
});

describe('概览：导出图表', () => {
  it('writes the chart’s table (万元, % as numbers) and the records behind each row', async () => {
    const ctx = demoContext();
    const out = await exportOverviewChart(ctx, { year: 2023, chart: 'execution' });
    expect(out.fileName).toBe('2023年度预算执行率与序时进度（按主管部门）.xlsx');
    expect(out.rows).toBe(50);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(out.bytes as unknown as ArrayBuffer);
    const data = workbook.getWorksheet('图表数据')!;
    expect(data.getCell(1, 1).value).toBe('2023年度预算执行率与序时进度（按主管部门）');
    expect(data.getRow(3).values).toEqual([
      undefined,
      '主管部门',
      '执行率（%）',
      '序时进度（%）',
      '项目数（个）',
      '调整后预算数（万元）',
      '执行数（万元）',
    ]);
    const first = overviewChart(ctx, { year: 2023, chart: 'execution' }).rows[0]!;
    expect(data.getCell(4, 1).value).toBe(first.label);
    expect(formatPercent(data.getCell(4, 2).value as number)).toBe(formatPercent(first.values.executionRate!));
    expect(data.getCell(4, 3).value).toBe(41.67);
    expect(data.getCell(4, 5).value).toBe(first.values.budgetFen! / 1_000_000);

    const records = workbook.getWorksheet('构成记录')!;
    expect(records.getCell(2, 1).value).toBe('共 272 条');
    expect(records.getCell(4, 1).value).toBe(first.label);
    expect(records.getCell(4, 2).value).toBe(first.records[0]!.label);

    const warnings = await exportOverviewChart(ctx, { year: 2023, chart: 'warnings' });
    const w = new ExcelJS.Workbook();
    await w.xlsx.load(warnings.bytes as unknown as ArrayBuffer);
    expect(w.getWorksheet('图表数据')!.getRow(4).values).toEqual([undefined, '5月项目监控 执行', 43, 7, 222, 0]);
    expect(w.getWorksheet('构成记录')!.getRow(3).values).toEqual([undefined, '监控轮次与警戒线', '系列', '名称', '单位', '说明']);
    expect(w.getWorksheet('构成记录')!.getCell(4, 2).value).toBe('红灯');
  });
});
