import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildDemoLedger, type DemoSummary } from '../../scripts/demo/demoYear';
import { listProjects } from '../../electron/projects/projects';
import { formatWanYuan } from '../../electron/rules/money';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { MonitoringPage } from './pages/MonitoringPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { TargetsPage } from './pages/TargetsPage';
import { UnitsPage } from './pages/UnitsPage';

/** The demo county's 2023 (about 110 units, 290 projects, their targets and the May round): the scale the bureau works at. */
describeInChromium('演示台账：一个县一整年的项目', () => {
  let session: Session;
  let projects: ProjectsPage;
  let demo: DemoSummary;

  beforeAll(async () => {
    session = await startSession((ctx) => {
      demo = buildDemoLedger(ctx);
    });
    projects = new ProjectsPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  // How fast the list answers is measured by `npm run bench` against a floor taken in the same run;
  // a wall-clock limit here would only measure how busy the machine is.
  it('lists every project of the year and narrows them as the clerk types', async () => {
    await projects.open();
    await expect.poll(() => projects.rows.count()).toBe(demo.projects);
    expect(await projects.summaryText()).toBe(`共 ${demo.projects} 个项目，年初预算合计 ${formatWanYuan(demo.totalFen)} 万元`);
    await session.screenshot('20-演示台账项目', { fullPage: false });

    const stored = listProjects(session.ctx, { year: demo.year });
    const target = stored.find((p) => p.code && stored.filter((q) => q.code?.includes(p.code!)).length === 1)!;
    await projects.search(target.code!);
    await expect.poll(() => projects.projectNames(), { interval: 10 }).toEqual([target.name]);
    await projects.search('');

    const largest = Math.max(...stored.map((p) => p.initialBudgetFen));
    await projects.sortBy('年初预算数（万元）');
    await projects.sortBy('年初预算数（万元）');
    await expect.poll(async () => (await projects.column('amount'))[0], { interval: 10 }).toBe(formatWanYuan(largest));
  });

  it('lists every budget unit with its year totals', async () => {
    const units = new UnitsPage(session.page);
    await units.open();
    await expect.poll(async () => (await units.unitNames()).length).toBe(demo.units);
    await session.screenshot('21-演示台账预算单位', { fullPage: false });
  });

  it('shows the May round’s figures on 绩效监控, as the records give them', async () => {
    const monitoring = new MonitoringPage(session.page);
    await monitoring.open();
    await monitoring.chooseRound(demo.monitoring.round);
    await monitoring.tab('本轮概况');
    await expect.poll(() => session.page.getByRole('status', { name: '本轮监控情况' }).innerText()).toBe(demo.monitoring.sentence);
    expect(demo.monitoring).toMatchObject({ units: 110, projects: demo.targets.projects });
    await session.screenshot('22-演示台账5月监控', { fullPage: false });
  });

  it('shows both sides of 五个同步, with the targets returned at 会审 lagging their budget', async () => {
    const targets = new TargetsPage(session.page);
    await targets.openSyncBoard();
    await expect.poll(() => session.page.getByRole('status', { name: '滞后数' }).innerText()).toBe(`${demo.targets.firstRound.中} 个`);
    await session.screenshot('23-演示台账五个同步', { fullPage: false });
  });
});
