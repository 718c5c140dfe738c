import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { annualSummaryDraft } from '../../electron/reports/annualSummaryDraft';
import { yearSummaryTexts } from '../../electron/reports/annualSummaryTexts';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { ReportsPage } from './pages/ReportsPage';

/**
 * 报表 → 年度绩效工作情况 on the demo county's 2023: the draft section by section, a figure opening the
 * records behind it (each a link to its project's page), a paragraph of the bureau's own edited in place,
 * and the Word document downloaded.
 */
describeInChromium('报表：年度绩效工作情况', () => {
  let session: Session;
  let reports: ReportsPage;

  beforeAll(async () => {
    session = await startSession((ctx) => {
      buildDemoLedger(ctx);
    });
    reports = new ReportsPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('drafts the year’s summary the way the bureau writes it, with the figures from the records', async () => {
    await reports.openDraft();
    const text = await reports.draft.innerText();
    for (const expected of [
      '本级汇总的预算绩效情况说明',
      '一、2023 年预算绩效完成情况',
      '（六）突出重点项目管理，做好决策指南针',
      '目前共收录 26 类 310 条共性指标。',
      '2023 年我县共开展 5 个项目事前绩效评估工作，审核结果均为“予以支持”。',
      '2023 年对全县 110 个部门单位、272 个项目开展绩效监控工作',
      '对 10 个项目开展重点项目绩效评价，涉及资金 13170.99 万元',
      '台账中尚未录入 2022 年度的绩效自评和部门评价',
      '二、2024 年预算绩效工作安排',
      '轮台县财政局',
    ])
      expect(text).toContain(expected);
    await session.screenshot('97-年度绩效工作情况');
  });

  it('opens the records behind a figure, each linking to its project’s page', async () => {
    await reports.figureLink('5 个项目').click();
    const drawer = reports.records;
    await drawer.getByText('事前绩效评估：5 个项目').waitFor();
    const rows = drawer.getByRole('table', { name: '构成记录' }).locator('tbody tr');
    expect(await rows.count()).toBe(5);
    const assessed = annualSummaryDraft(session.ctx, { year: 2023 }).figures.exAnte.assessed.records;
    const first = drawer.getByRole('link', { name: assessed[0]!.label });
    expect(await first.getAttribute('href')).toBe(`#/project/${assessed[0]!.projectId}`);
    expect(await rows.first().innerText()).toContain('予以支持');
    await session.screenshot('98-年度绩效工作情况-构成记录', { fullPage: false });
    await drawer.getByRole('button', { name: '关闭' }).click();
    await drawer.waitFor({ state: 'hidden' });
  });

  it('edits one of the bureau’s paragraphs in place: cancel keeps it, save writes it to the ledger', async () => {
    const page = session.page;
    const wording = '一是县政府成立预算绩效管理工作领导小组，由常务副县长任组长，统筹推进全面实施预算绩效管理。';
    await reports.draft.getByRole('button', { name: '修改“建章立制”' }).click();
    const box = reports.draft.getByRole('textbox', { name: '修改“建章立制”' });
    await box.fill('');
    await reports.draft.getByRole('button', { name: '保存' }).click();
    await reports.draft.getByText('段落不能为空；如要用回默认文字，请点“恢复默认”').waitFor();
    await reports.draft.getByRole('button', { name: '取消' }).click();
    expect(yearSummaryTexts(session.ctx, 2023).foundation.edited).toBe(false);

    await reports.draft.getByRole('button', { name: '修改“建章立制”' }).click();
    await box.fill(wording);
    await page.mouse.move(0, 0);
    await session.screenshot('99-年度绩效工作情况-修改段落', { fullPage: false });
    await reports.draft.getByRole('button', { name: '保存' }).click();
    await reports.draft.getByText(wording).waitFor();
    expect(yearSummaryTexts(session.ctx, 2023).foundation).toMatchObject({ text: wording, edited: true, updatedBy: '浏览器用户' });
    expect(await box.count()).toBe(0);
  });

  it('downloads the draft as a Word document', async () => {
    const [download] = await Promise.all([
      session.page.waitForEvent('download'),
      reports.draft.getByRole('button', { name: '导出 Word' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2023年度预算绩效工作情况.docx');
    await session.page.getByText('已导出年度绩效工作情况').waitFor();
  });
});
