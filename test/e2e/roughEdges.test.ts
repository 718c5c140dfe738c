/**
 * The rough edges of issue #14 on the daily screens, tried on the demo county's 2023 at 1440×900: the
 * indicator system is viewed without being changed and changed only when confirmed; badges read whole;
 * long lists keep their header and one line per row; the warning list leads with what needs action;
 * a negative 当前完成值 is refused at its field; 选定评价项目 marks every problem at once.
 */
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { recentAudit } from '../../electron/ledger/audit';
import { listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { listYears } from '../../electron/ledger/years';
import { describeInChromium } from './support/chromium';
import { headerStaysAfterScrolling } from './support/longList';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { fieldError } from './pages/AppShellPage';
import { IndicatorsPage } from './pages/IndicatorsPage';
import { KeyEvaluationsPage } from './pages/KeyEvaluationsPage';
import { MonitoringPage } from './pages/MonitoringPage';
import { ProjectsPage } from './pages/ProjectsPage';
import { TargetsPage } from './pages/TargetsPage';

/** Badges whose text the browser had to cut ("已…"): their label is narrower than the text. */
function cutBadges(scope: Locator): Promise<string[]> {
  return scope
    .locator('.mantine-Badge-label')
    .evaluateAll((labels) => labels.filter((l) => l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent ?? ''));
}

/** The height of each of the first rows, in pixels. */
function rowHeights(table: Locator, count = 40): Promise<number[]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs, n) => trs.slice(0, n).map((tr) => Math.round(tr.getBoundingClientRect().height)), count);
}

/** One line of 14px text with the table's padding is under 45px; a wrapped row is 60px or more. */
const ONE_LINE = 45;

describeInChromium('粗糙之处（#14）：日常界面', () => {
  let session: Session;

  beforeAll(async () => {
    session = await startSession((ctx) => void buildDemoLedger(ctx));
    await new IndicatorsPage(session.page).shell.chooseYear(2023);
  });

  afterEach(async () => {
    for (let i = 0; i < 3 && (await session.page.getByRole('dialog').count()) > 0; i++) await session.page.keyboard.press('Escape');
    await new IndicatorsPage(session.page).dismissNotices();
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  const layoutOf = (year: number) => listYears(session.ctx).find((y) => y.year === year)?.indicatorLayout;
  const lastAudit = () => recentAudit(session.ctx, 1)[0]!;

  it('指标库: viewing by 四分法 writes nothing; changing the year’s system asks first, names the year, and is audited', async () => {
    const library = new IndicatorsPage(session.page);
    await library.open();
    await library.chooseClass('培训');
    const auditBefore = lastAudit().id;

    await library.showAs('四分法');
    await expect.poll(() => library.levelsOf('人均培训成本')).toEqual(['成本指标', '经济成本指标']);
    expect(layoutOf(2023)).toBe('three');
    expect(lastAudit().id).toBe(auditBefore);
    expect(await library.yearLayoutText()).toBe('2023 年度指标体系：三分法');

    const confirm = await library.startChangingLayout();
    expect(await confirm.innerText()).toContain('2023 年度的指标体系将由三分法（产出/效益/满意度）改为四分法（产出/成本/效益/满意度）');
    await session.screenshot('R1-更改年度指标体系确认', { fullPage: false });
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(layoutOf(2023)).toBe('three');
    expect(lastAudit().id).toBe(auditBefore);

    await library.changeLayout();
    expect(layoutOf(2023)).toBe('four');
    expect(lastAudit()).toMatchObject({ action: 'year.setIndicatorLayout', entityId: '2023' });
    await expect.poll(() => library.yearLayoutText()).toBe('2023 年度指标体系：四分法');
    await library.changeLayout();
    expect(layoutOf(2023)).toBe('three');
  });

  it('指标库 and 绩效目标: flag and status badges read whole', async () => {
    const library = new IndicatorsPage(session.page);
    await library.open();
    await library.chooseClass('全部');
    expect(await library.marksOf('设备购置数量')).toBe('必选');
    expect(await cutBadges(library.table)).toEqual([]);
    await session.screenshot('R2-指标库标记完整', { fullPage: false });

    const targets = new TargetsPage(session.page);
    await targets.open();
    const list = session.page.getByRole('table', { name: '绩效目标列表' });
    await list.locator('tbody tr').first().waitFor();
    expect(await list.locator('.mantine-Badge-label').count()).toBeGreaterThan(100);
    expect(await cutBadges(list)).toEqual([]);
    await session.screenshot('R3-绩效目标列表', { fullPage: false });
  });

  it('long lists keep their header in view when scrolled, one line per row', async () => {
    const projects = new ProjectsPage(session.page);
    await projects.open();
    await expect.poll(() => projects.rows.count()).toBeGreaterThan(250);
    expect(Math.max(...(await rowHeights(projects.table)))).toBeLessThan(ONE_LINE);
    expect(await headerStaysAfterScrolling(projects.table)).toBe(true);
    await session.screenshot('R4-项目列表滚动后表头仍在', { fullPage: false });

    const library = new IndicatorsPage(session.page);
    await library.open();
    expect(await headerStaysAfterScrolling(library.table)).toBe(true);
  });

  it('the warning list opens on what needs action: red first, green last, percentages with two decimals', async () => {
    const monitoring = new MonitoringPage(session.page);
    await monitoring.open();
    await monitoring.chooseRound('5月项目监控');
    await monitoring.tab('预警清单');
    const table = session.page.getByRole('table', { name: '预警清单' });
    await expect.poll(() => table.locator('tbody tr').count()).toBe(272);

    const SEVERITY: Record<string, number> = { 红灯: 4, 黄灯: 3, 蓝灯: 2, 绿灯: 1, '—': 0 };
    const worst = await table
      .locator('tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('.mantine-Badge-root[aria-label]')].map((b) => b.textContent?.trim() ?? '')),
      );
    const ranks = worst.map((colours) => Math.max(0, ...colours.map((c) => SEVERITY[c] ?? 0)));
    expect(ranks[0]).toBe(4);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    expect(ranks.at(-1)).toBeLessThanOrEqual(1);

    expect(await session.page.getByRole('status', { name: '预警合计' }).innerText()).toMatch(/序时进度 41\.67%.*需处理的在前/);
    // 偏离率 beside its colour: "红灯 25.00%".
    const deviations = (await table.locator('tbody tr td:nth-child(5)').allInnerTexts()).map((d) => d.trim().split(/\s+/).at(-1)!);
    expect(deviations.filter((d) => !/^(—|\d{1,3}(,\d{3})*\.\d{2}%)$/.test(d))).toEqual([]);

    // One line per row, so a 900px screen shows well over five warnings; the header stays when scrolled.
    expect(Math.max(...(await rowHeights(table)))).toBeLessThan(ONE_LINE);
    await session.screenshot('R5-预警清单需处理在前', { fullPage: false });
    expect(await headerStaysAfterScrolling(table)).toBe(true);
  });

  it('the monitoring form refuses a negative 当前完成值 at its field, naming the indicator, and saves nothing', async () => {
    const table = session.page.getByRole('table', { name: '预警清单' });
    await table.evaluate((t) => (t.closest('.mantine-ScrollArea-viewport') ?? t.parentElement!).scrollTo(0, 0));
    await table.locator('tbody tr').first().getByRole('button', { name: '监控表' }).click();
    const form = session.page.getByRole('table', { name: '监控表' });
    await form.waitFor();
    const field = form.getByRole('textbox', { name: / 当前完成值$/ }).first();
    const name = (await field.getAttribute('aria-label'))!.replace(/ 当前完成值$/, '');
    const before = await field.inputValue();

    await field.fill('-5');
    await expect.poll(() => fieldError(field)).toBe(`“${name}”的当前完成值不能为负数（填的是“-5”），请填写 0 或正数`);
    const auditBefore = lastAudit().id;
    const answered = session.page.waitForResponse(
      (r) => r.url().endsWith('/api/call') && r.request().postData()?.includes('monitoring.saveForm') === true,
    );
    await session.page.getByRole('button', { name: '保存监控表' }).click();
    await answered;
    expect(await fieldError(field)).toMatch(/不能为负数/);
    expect(lastAudit().id).toBe(auditBefore);
    await session.screenshot('R6-监控表拒绝负数', { fullPage: false });

    await field.fill(before);
    expect(await fieldError(field)).toBeNull();
    await session.page.getByRole('button', { name: '← 返回' }).click();
  });

  it('选定评价项目 marks the missing project, the missing reason and an unreadable amount at once', async () => {
    const evaluations = new KeyEvaluationsPage(session.page);
    await evaluations.open();
    const count = listKeyEvaluations(session.ctx, { year: 2023 }).length;
    await session.page.getByRole('button', { name: '选定评价项目', exact: true }).click();
    const dialog = session.page.getByRole('dialog', { name: /选定评价项目/ });
    await dialog.waitFor();
    await dialog.getByLabel('涉及资金（万元）').fill('abc');
    await dialog.getByRole('button', { name: '选定', exact: true }).click();

    await expect.poll(() => fieldError(dialog.getByRole('combobox', { name: '评价对象（项目）' }))).toBe('请选择被评价的项目');
    expect(await fieldError(dialog.getByLabel('选题理由'))).toBe('请写明选题理由');
    expect(await fieldError(dialog.getByLabel('涉及资金（万元）'))).toMatch(/abc/);
    await session.screenshot('R7-选定评价项目一次列出全部问题', { fullPage: false });
    expect(listKeyEvaluations(session.ctx, { year: 2023 })).toHaveLength(count);
  });
});
