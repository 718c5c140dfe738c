import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { MonitoringPage } from './pages/MonitoringPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';

/**
 * 项目页 and 操作记录 on the demo county: a project's page reached from the project list and from the
 * warning list, its link to the audit log filtered to it, and the before/after of one entry.
 */
describeInChromium('项目页与操作记录', () => {
  let session: Session;
  let projects: ProjectsPage;
  const main = () => session.page.getByRole('main');
  const section = (name: string): Locator => main().getByRole('region', { name });

  beforeAll(async () => {
    session = await startSession((ctx) => {
      buildDemoLedger(ctx);
    });
    projects = new ProjectsPage(session.page);
    await projects.shell.chooseYear(2023);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('opens a project’s page from the project list, with its target, review, monitoring and budget; 返回 goes back', async () => {
    await projects.open();
    const name = (await projects.projectNames())[0]!;
    await projects.table.getByRole('link', { name, exact: true }).click();
    await main().getByRole('heading', { name, level: 2 }).waitFor();
    expect(session.page.url()).toMatch(/#\/project\/\d+$/);

    expect(await section('绩效目标').getByRole('table', { name: '绩效指标' }).locator('tbody tr').count()).toBeGreaterThan(2);
    expect(await section('三方联合会审与调整').getByRole('table', { name: '会审轮次' }).innerText()).toContain('第 1 轮');
    const rounds = section('绩效监控').getByRole('table', { name: '各轮监控' });
    expect(await rounds.innerText()).toContain('5月项目监控');
    expect(await main().getByLabel('年初预算', { exact: true }).innerText()).toMatch(/^\d{1,3}(,\d{3})*\.\d{2}$/);
    await session.screenshot('140-项目页');

    await main().getByRole('button', { name: '← 返回' }).click();
    await projects.table.waitFor();
    expect(session.page.url()).not.toMatch(/#\/project\//);
  });

  it('opens the page of a red-warning project from the warning list', async () => {
    const monitoring = new MonitoringPage(session.page);
    await monitoring.open();
    await monitoring.tab('预警清单');
    const table = session.page.getByRole('table', { name: '预警清单' });
    const red = table
      .locator('tbody tr')
      .filter({ has: session.page.getByLabel('预算执行进度红灯') })
      .first();
    await red.waitFor();
    const link = red.getByRole('link').first();
    const name = await link.innerText();
    await link.click();
    await main().getByRole('heading', { name, level: 2 }).waitFor();
    const may = section('绩效监控').getByRole('table', { name: '各轮监控' }).locator('tbody tr').filter({ hasText: '5月项目监控' });
    expect(await may.getByLabel('预算执行进度红灯').count()).toBe(1);
    await session.screenshot('141-项目页-从预警清单');
  });

  it('opens the audit log filtered to the project, each record named, with one entry’s before and after side by side', async () => {
    const heading = await main().getByRole('heading', { level: 2 }).innerText();
    await main()
      .getByRole('link', { name: /查看此项目的操作记录/ })
      .click();
    await main()
      .getByRole('heading', { name: `操作记录 · 项目“${heading}”` })
      .waitFor();
    const log = main().getByRole('table', { name: '操作记录' });
    const records = await log.locator('tbody tr td:nth-child(4)').allInnerTexts();
    expect(records.length).toBeGreaterThan(3);
    // Each entry names its record: the project's own and its target's by the project, a notice by its 文号.
    expect(records.filter((r) => !r.startsWith('整改通知')).every((r) => r.includes(`“${heading}”`))).toBe(true);
    expect(records.join()).not.toMatch(/#\d/);
    expect(await main().getByLabel('记录数').innerText()).toMatch(/^共 \d+ 条/);
    await session.screenshot('142-操作记录-单个项目');

    await log.locator('tbody tr').filter({ hasText: '保存绩效目标' }).first().getByRole('button').click();
    const sideBySide = session.page.getByRole('table', { name: '改前改后' });
    await sideBySide.waitFor();
    const changed = sideBySide.locator('tr[data-changed]');
    expect(await changed.count()).toBeGreaterThan(0);
    expect(await changed.first().innerText()).toContain('已改');
    await session.screenshot('143-操作记录-改前改后', { fullPage: false });
    await session.page.getByRole('button', { name: '关闭' }).click();
  });
});
