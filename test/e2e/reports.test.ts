import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { yearSummary } from '../../electron/reports/yearSummary';
import { formatWanYuan } from '../../electron/rules/money';
import { buildDemoLedger, type DemoSummary } from '../../scripts/demo/demoYear';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { ReportsPage } from './pages/ReportsPage';

/** 报表 on the demo county's 2023: the 年度概况 the command line's `report summary` gives, on screen. */
describeInChromium('报表：年度概况', () => {
  let session: Session;
  let reports: ReportsPage;
  let demo: DemoSummary;

  beforeAll(async () => {
    session = await startSession((ctx) => {
      demo = buildDemoLedger(ctx);
    });
    reports = new ReportsPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the year’s units, projects and 年初预算, by budget kind and by 主管部门 with a 合计 row', async () => {
    await reports.open();
    expect(await reports.shell.heading(`报表 · ${demo.year} 年度`).isVisible()).toBe(true);

    expect(await reports.figure('预算单位')).toBe('110');
    expect(await reports.figure('项目')).toBe('292');
    expect(await reports.figure('年初预算合计')).toBe('128,923.29');
    expect(formatWanYuan(demo.totalFen)).toBe('128,923.29');

    expect(await reports.rows('按预算类型')).toEqual([
      ['一般公共预算', '263', '61,691.14'],
      ['政府性基金预算', '20', '31,219.74'],
      ['国有资本经营预算', '3', '1,585.10'],
      ['社会保险基金预算', '6', '34,427.31'],
    ]);
    expect(await reports.totalRow('按预算类型')).toEqual(['合计', '292', '128,923.29']);

    const departments = await reports.rows('按主管部门');
    const figures = yearSummary(session.ctx, { year: demo.year });
    expect(departments).toEqual(figures.byDepartment.map((d) => [d.department, String(d.units), String(d.projects), formatWanYuan(d.fen)]));
    expect(departments).toHaveLength(50);
    expect(departments[0]).toEqual(['轮台县人力资源和社会保障局', '4', '12', '24,420.86']);
    expect(await reports.totalRow('按主管部门')).toEqual(['合计', '110', '292', '128,923.29']);

    await session.screenshot('95-报表年度概况');
  });
});
