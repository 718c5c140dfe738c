import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { fillBureauLedger, projectsOf } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { AppShellPage } from './pages/AppShellPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { SettingsPage } from './pages/SettingsPage';

describeInChromium('应用框架与设置', () => {
  let session: Session;
  let shell: AppShellPage;

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    shell = new AppShellPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('takes the token out of the address bar and opens on the newest year', async () => {
    expect(session.page.url()).not.toContain('token');
    await expect.poll(() => shell.currentYear()).toBe('2024 年度');
  });

  it('shows the twelve areas in the bureau’s order', async () => {
    expect(await shell.areaNames()).toEqual([
      '概览',
      '指标库',
      '项目与目标',
      '事前评估',
      '绩效监控',
      '自评与评价',
      '重点评价',
      '整改',
      '表格审核',
      '报表',
      'U盘交换',
      '设置',
    ]);
    await shell.openArea('自评与评价');
    await shell.heading('自评与评价 · 2024 年度').waitFor();
    await session.screenshot('10-自评与评价');
  });

  it('switches between years with the header’s year picker, and remembers the choice', async () => {
    const projects = new ProjectsPage(session.page);
    await projects.open();
    await shell.chooseYear(2023);
    await shell.heading('项目与目标 · 2023 年度').waitFor();
    await expect.poll(() => projects.projectNames()).toHaveLength(projectsOf(2023).length);
    await shell.chooseYear(2024);
    await shell.heading('项目与目标 · 2024 年度').waitFor();
    await expect
      .poll(async () => (await projects.projectNames()).sort())
      .toEqual(
        projectsOf(2024)
          .map((p) => p.name)
          .sort(),
      );
    await session.screenshot('11-2024年度项目');
    await shell.chooseYear(2023);
    await session.page.reload();
    await shell.heading('项目与目标 · 2023 年度').waitFor();
  });

  it('设置 shows the ledger file, its years and the audit log', async () => {
    const settings = new SettingsPage(session.page);
    await settings.open();
    const facts = await settings.ledgerFacts();
    expect(facts['台账文件']).toBe('台账.db');
    expect(facts['所在文件夹']).toBe(session.ledger.file.replace(/\/台账\.db$/, ''));
    expect(facts['审计记录数']).toMatch(/^\d+ 条$/);
    expect(await settings.yearRows()).toEqual([
      ['2024 年度', '进行中', String(projectsOf(2024).length)],
      ['2023 年度', '进行中', String(projectsOf(2023).length)],
    ]);
    expect(await settings.auditActions()).toContain('新增项目');
    await session.screenshot('12-设置');
  });

  it('creates a year from 设置, which the year picker then offers', async () => {
    const settings = new SettingsPage(session.page);
    await settings.open();
    await settings.createYear(2025);
    await expect.poll(async () => (await settings.yearRows())[0]).toEqual(['2025 年度', '进行中', '0']);
    // Newest first: the year's default monitoring rounds, then the year itself.
    await expect
      .poll(async () => (await settings.auditActions()).slice(0, 4))
      .toEqual(['新建监控轮次', '新建监控轮次', '新建监控轮次', '新建预算年度']);
    await settings.createYear(2025);
    await expect.poll(() => settings.createYearForm.getByText('2025 年度已存在').isVisible()).toBe(true);
    await shell.chooseYear(2025);
  });

  it('a tab opened without the token explains how to get in', async () => {
    const page = await session.newPage();
    await page.goto(`http://127.0.0.1:${session.host.port}/`);
    await page.getByText('缺少访问令牌').waitFor();
    await page.close();
  });
});

describeInChromium('新台账', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession(() => undefined);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('invites the clerk to create the first year, then opens it', async () => {
    const shell = new AppShellPage(session.page);
    await shell.main.getByText('台账中还没有预算年度').waitFor();
    await session.screenshot('13-新台账');
    const form = session.page.getByRole('form', { name: '新建预算年度' });
    await form.getByLabel('预算年度').fill('2023');
    await form.getByRole('button', { name: '新建年度' }).click();
    await shell.heading('概览 · 2023 年度').waitFor();
    expect(await shell.currentYear()).toBe('2023 年度');
    await shell.main.getByText('本年度还没有项目。可在“项目与目标”中录入或导入项目。').waitFor();
    expect(session.takeProblems()).toEqual([]);
  });
});
