/**
 * 打印 / 存为 PDF (#14): report screens printed the way the desktop app saves them, by Chromium's print
 * path on A4 with the app's print stylesheet. The PDF is read back with pdftotext: the report's
 * heading, sentence and figures are on it; the app's frame (navbar, header), the buttons and the tab
 * strip are not. In a browser the button opens the print dialog under the report's name.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { computeWarnings } from '../../electron/monitoring/warningComputation';
import { createYear } from '../../electron/settings/yearSetup';
import { PDF_OPTIONS } from '../../electron/shell/pdf';
import { appliedYear } from '../fixtures/resultActions';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { MonitoringPage } from './pages/MonitoringPage';
import { OverviewPage } from './pages/OverviewPage';
import { ReportsPage } from './pages/ReportsPage';
import { ResultActionsPage } from './pages/ResultActionsPage';
import { SelfEvaluationsPage } from './pages/SelfEvaluationsPage';

const NAVBAR = ['概览', '指标库', '项目与目标', '事前评估', '表格审核', '设置'];
const BUTTONS = ['打印 / 存为 PDF', '导出结果应用情况表', '记录结果应用'];

/** Four live result actions (收回, 保障, 清理结转结余, 核减) and one cancelled; May's warnings computed. */
function fill(ctx: ServiceContext): void {
  createYear(ctx, { year: 2023 });
  computeWarnings(ctx, { roundId: appliedYear(ctx).may.id });
}

describeInChromium('打印 / 存为 PDF', () => {
  let session: Session;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-printing-'));

  beforeAll(async () => {
    session = await startSession(fill);
    await new ResultActionsPage(session.page).shell.chooseYear(2023);
  });

  afterEach(async () => {
    await session.page.emulateMedia({ media: 'screen' });
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  /** The screen in print media: a screenshot to look at, and the A4 PDF's pages and text (spaces removed). */
  async function printed(name: string): Promise<{ text: string; pages: number; size: string }> {
    await expect.poll(() => session.page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await session.page.emulateMedia({ media: 'print' });
    await session.screenshot(`打印-${name}`);
    const file = path.join(folder, `${name}.pdf`);
    const { pageSize, preferCSSPageSize, printBackground } = PDF_OPTIONS;
    await session.page.pdf({ path: file, format: pageSize, preferCSSPageSize, printBackground });
    fs.copyFileSync(file, path.join(SCREENSHOT_DIR, `打印-${name}.pdf`));
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return {
      text: execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''),
      pages: Number(/^Pages:\s+(\d+)/m.exec(info)![1]),
      size: /^Page size:\s+(.+)$/m.exec(info)![1]!,
    };
  }

  const squeezed = (s: string) => s.replace(/\s+/g, '');

  it('prints 评价结果应用 on A4 with its heading, sentence, figures and rows, without the app around it', async () => {
    const ra = new ResultActionsPage(session.page);
    await ra.open();
    const sentence = await ra.sentence();
    expect(sentence).toContain('收回资金 2.00 万元，清理结转结余资金 7.87 万元，调减预算 1.00 万元');
    expect((await ra.rows()).length).toBe(5);

    const pdf = await printed('评价结果应用');
    expect(pdf.size).toMatch(/ pts \(A4\)$/);
    expect(pdf.text).toContain(squeezed('评价结果应用 · 2023 年度评价用于 2024 年度预算'));
    expect(pdf.text).toContain(squeezed(sentence));
    // Cells wrap on paper, so rows are checked by what does not: source, score and grade, action, amount.
    expect(pdf.text).toMatch(/重点评价.*\d+\.\d{2}中核减1\.00/);
    expect(pdf.text).toContain('已撤销');
    // The 按主管部门汇总 table: 中共轮台县委组织部's 收回 and 清理结转结余.
    expect(pdf.text).toMatch(/中共轮台县委组织部\d+2\.007\.87/);
    for (const word of [...NAVBAR, ...BUTTONS, '项目自评部门整体自评评价结果应用']) expect(pdf.text, word).not.toContain(squeezed(word));
  });

  it('prints the monitoring round’s 本轮概况 with its figures and warning table', async () => {
    const monitoring = new MonitoringPage(session.page);
    await monitoring.open();
    await monitoring.chooseRound('5月项目监控');
    await monitoring.tab('本轮概况');
    const sentence = await session.page.getByLabel('本轮监控情况').innerText();

    const pdf = await printed('本轮概况');
    expect(pdf.text).toContain(squeezed('2023 年度5月项目监控 · 本轮概况'));
    expect(pdf.text).toContain(squeezed(sentence));
    for (const label of ['监控的部门单位', '监控的项目', '应下发整改通知', '预算执行进度']) expect(pdf.text).toContain(label);
    for (const word of [...NAVBAR, '执行数据预警清单监控表', '打印/存为PDF']) expect(pdf.text, word).not.toContain(squeezed(word));
  });

  it('prints the 项目自评 figures and list, without the exchange controls and 新建自评', async () => {
    const se = new SelfEvaluationsPage(session.page);
    await se.open();
    const sentence = await se.sentence();
    const rows = await se.listRows();
    expect(rows.length).toBe(3);

    const pdf = await printed('项目自评');
    expect(pdf.text).toContain(squeezed(sentence));
    for (const [unit, project, kind, total] of rows) expect(pdf.text).toContain(squeezed(`${unit}${project}${kind}${total}`));
    for (const word of [...NAVBAR, '新建自评', '导出自评表模板', '导入自评表', '打印/存为PDF'])
      expect(pdf.text, word).not.toContain(squeezed(word));
  });

  it('prints the annual summary as a document: its title, sections and the bureau’s name, without the editing controls', async () => {
    const reports = new ReportsPage(session.page);
    await reports.openDraft();
    const pdf = await printed('年度绩效工作情况');
    expect(pdf.size).toMatch(/ pts \(A4\)$/);
    for (const words of ['本级汇总的预算绩效情况说明', '一、2023年预算绩效完成情况', '二、2024年预算绩效工作安排'])
      expect(pdf.text, words).toContain(squeezed(words));
    // The draft's own sentences name 指标库 and 设置, so the navbar is checked by the entries prose never uses.
    for (const word of ['项目与目标', '自评与评价', '表格审核', '导出Word', '打印/存为PDF', '由台账记录起草', '✎'])
      expect(pdf.text, word).not.toContain(squeezed(word));
  });

  it('prints 概览 with its to-dos and charts, without the app around it', async () => {
    const overview = new OverviewPage(session.page);
    await overview.open();
    const pdf = await printed('概览');
    for (const words of ['概览 · 2023 年度', '待办', '年度情况', '预算执行率与序时进度'])
      expect(pdf.text, words).toContain(squeezed(words));
    for (const word of ['指标库', '项目与目标', '表格审核', '设置', '打印/存为PDF', '导出'])
      expect(pdf.text, word).not.toContain(squeezed(word));
  });

  it('in a browser, opens the print dialog with the report’s name as the document title', async () => {
    const ra = new ResultActionsPage(session.page);
    await ra.open();
    await session.page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { printed: string[] }).printed = seen;
      window.print = () => void seen.push(document.title);
    });
    await ra.section.getByRole('button', { name: '打印 / 存为 PDF' }).click();
    expect(await session.page.evaluate(() => (window as unknown as { printed: string[] }).printed)).toEqual(['评价结果应用 · 2023 年度']);
    expect(await session.page.title()).toBe('绩效台账');
  });
});
