/**
 * 绩效监控 in the browser: a round of the year is chosen; the budget platform's messy execution export
 * (title rows, 单位：万元, a 合计 row, one project written differently) is previewed, the odd row is
 * matched by hand from its candidates and remembered, the import commits and the round's execution
 * list shows the amounts in 万元.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listRememberedMatches } from '../../electron/monitoring/rememberedMatches';
import type { ServiceContext } from '../../electron/ledger/context';
import { xlsx } from '../fixtures/workbooks';
import { setupRound } from '../ledger/monitoringFixture';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { fieldError } from './pages/AppShellPage';
import { cellTexts, MonitoringPage } from './pages/MonitoringPage';

const ROUND = '5月项目监控';
const MEALS = '农村义务教育学生营养改善计划';

/** The bureau's 2023 projects, plus four monitored projects with targets, execution and entries in May. */
function fill(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  setupRound(ctx);
}

/** The platform's export as it comes: a title, the money unit on its own line, a 合计 row. */
const EXPORT = [
  ['轮台县2023年1-5月项目支出预算执行情况表'],
  ['单位：万元'],
  ['序号', '预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数', '全年预计执行数'],
  [1, '县特殊教育学校', 'XM2023001', '2023年特殊教育资源教室采购项目', 86.4, 86.4, 18.4, 86.4],
  [2, '县第一中学', '', '县第一中学教学楼维修改造项目', 1250, 1300, '520.00', 1300],
  [3, '县教育局', '', '农村义务教育学生营养改善计划（2023年度）', 932.56, 932.56, 400, 932.56],
  [4, '县人民医院', 'XM2023005', '县人民医院医疗设备购置项目', 480, 480, 120, 480],
  ['合计', '', '', '', 2748.96, 2798.96, 1058.4, 2798.96],
];

describeInChromium('绩效监控', () => {
  let session: Session;
  let monitoring: MonitoringPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-monitoring-'));
  const file = path.join(folder, '2023年1-5月项目支出执行情况.xlsx');

  beforeAll(async () => {
    fs.writeFileSync(file, xlsx(EXPORT));
    session = await startSession(fill);
    monitoring = new MonitoringPage(session.page);
    await monitoring.shell.chooseYear(2023);
    await monitoring.open();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('shows the rounds of the year and picks one', async () => {
    const rounds = await cellTexts(monitoring.rounds);
    expect(rounds.map((r) => r[1])).toEqual(['5月项目监控', '6月部门整体监控', '8月项目监控']);
    expect(rounds[0]).toContain('5 月底');
    await monitoring.chooseRound(ROUND);
    await monitoring.execution.waitFor();
  });

  it('imports a messy execution export, matching one row by hand', async () => {
    const preview = await monitoring.importExecution(file);
    const summary = await preview.getByLabel('导入摘要').innerText();
    expect(summary).toContain('按代码匹配 2');
    expect(summary).toContain('按名称匹配 1');
    expect(summary).toContain('未匹配 1');
    expect(await preview.innerText()).toContain('万元');
    expect(await preview.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    const matched = preview.getByRole('table', { name: '已匹配的行' });
    expect(await matched.locator('tbody tr').filter({ hasText: '县第一中学教学楼维修改造项目' }).innerText()).toMatch(
      /1,300\.00\s+520\.00\s+40\.00%/,
    );
    await session.screenshot('70-监控轮次与执行导入', { fullPage: false });

    await monitoring.matchRow(6, '营养', new RegExp(`^${MEALS}（县教育局`));
    await expect.poll(() => preview.getByLabel('导入摘要').innerText()).toContain('手工对应 1');
    expect(await preview.getByLabel('导入摘要').innerText()).toContain('未匹配 0');
    expect(await matched.innerText()).toContain('文件中为“农村义务教育学生营养改善计划（2023年度）”');
    await session.screenshot('71-执行数据手工匹配', { fullPage: false });
    await monitoring.confirmImport();

    await expect.poll(() => monitoring.executionRow(MEALS).count()).toBe(1);
    expect(await monitoring.executionRow(MEALS).innerText()).toMatch(/932\.56\s+932\.56\s+400\.00\s+42\.89%/);
    expect(await monitoring.executionRow('县第一中学教学楼维修改造项目').innerText()).toContain('1,300.00');
    const remembered = listRememberedMatches(session.ctx, { year: 2023 });
    expect(remembered.map((m) => [m.projectName, m.matchedProjectName])).toEqual([['农村义务教育学生营养改善计划（2023年度）', MEALS]]);
  });

  it('matches the same row by the remembered match next time', async () => {
    const preview = await monitoring.importExecution(file);
    const summary = await preview.getByLabel('导入摘要').innerText();
    expect(summary).toContain('记住的对应 1');
    expect(summary).toContain('无变化 4');
    expect(await preview.getByText('文件中的执行数据与本轮已导入的完全一致，无需导入。').isVisible()).toBe(true);
    await preview.getByRole('button', { name: '取消' }).click();
    await preview.waitFor({ state: 'hidden' });
  });

  it("computes the warnings and lists them with each line's colour and why", async () => {
    await monitoring.tab('预警清单');
    await session.page.getByRole('button', { name: '计算预警' }).click();
    const table = session.page.getByRole('table', { name: '预警清单' });
    const remote = table.locator('tbody tr').filter({ hasText: '党员远程教育项目' });
    await expect.poll(() => remote.count()).toBe(1);
    expect(await remote.getByLabel('预算执行进度红灯').count()).toBe(1);
    expect(await remote.innerText()).toContain('执行率 21.30%，序时进度 41.67%，比值 51.12%');

    await pickSelect(session, '颜色', '红灯');
    await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((t) => t.includes('红灯'))).toBe(true);
    await pickSelect(session, '颜色', '红灯');
    await session.page.getByRole('button', { name: /^偏离率/ }).click();
    await expect.poll(() => table.locator('tbody tr').first().innerText()).toContain('党员远程教育项目');
    await session.page.getByRole('button', { name: /为超阈值项目起草整改通知/ }).click();
    await session.page.getByText(/已起草 \d+ 份整改通知/).waitFor();
    await session.screenshot('72-预警清单');
  });

  it('fills a monitoring form, with the required reason asked for at its field', async () => {
    const table = session.page.getByRole('table', { name: '预警清单' });
    await table.locator('tbody tr').filter({ hasText: '高素质农民培训项目' }).getByRole('button', { name: '监控表' }).click();
    const form = session.page.getByRole('table', { name: '监控表' });
    await form.waitFor();
    await pickSelect(session, '培训合格率 完成可能性', '有可能');
    await session.page.getByRole('button', { name: '保存监控表' }).click();
    await expect
      .poll(() => fieldError(session.page.getByRole('combobox', { name: '培训合格率 偏差原因' })))
      .toMatch(/完成可能性为“有可能”，请填写偏差原因/);
    await session.screenshot('73-监控表');
    await pickSelect(session, '培训合格率 偏差原因', '人员保障');
    await session.page.getByLabel('培训合格率 原因说明').fill('两名考官调离，考核推迟到7月');
    await session.page.getByLabel('培训合格率 纠偏措施').fill('7月集中补考');
    await session.page.getByRole('button', { name: '保存监控表' }).click();
    await session.page.getByText('已保存监控表').waitFor();
  });

  it('sums the round up', async () => {
    await session.page.getByRole('button', { name: '← 返回' }).click();
    await monitoring.tab('本轮概况');
    await expect
      .poll(() => session.page.getByRole('status', { name: '本轮监控情况' }).innerText())
      .toMatch(/对 \d+ 个部门单位、\d+ 个项目开展绩效监控/);
    expect(await session.page.getByRole('table', { name: '预警分布' }).innerText()).toContain('预算执行进度');
  });
});

/** Picks an option of a labelled Mantine Select on the page; picking the chosen option again clears it. */
async function pickSelect(session: Session, label: string, option: string): Promise<void> {
  await session.page.getByRole('combobox', { name: label, exact: true }).click();
  await session.page.getByRole('option', { name: option, exact: true }).click();
}
