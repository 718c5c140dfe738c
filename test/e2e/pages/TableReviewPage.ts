import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

/** 表格审核: pick a unit's table, read the recomputed figures and the findings, export them. */
export class TableReviewPage {
  readonly shell: AppShellPage;
  readonly result: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.result = page.getByRole('region', { name: '审核结果' });
  }

  async open(year: number): Promise<void> {
    await this.shell.openArea('表格审核');
    await this.shell.heading(`表格审核 · ${year} 年度`).waitFor();
  }

  /** Picks the file through the page's file chooser and waits for the review of it. */
  async review(file: string): Promise<void> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: /^(选择表格…|审核另一份表格)$/ }).click();
    await (await chooser).setFiles(file);
    await this.result.getByRole('heading', { name: file.split(/[\\/]/).pop()! }).waitFor();
  }

  async kind(): Promise<string> {
    return this.result.getByLabel('表格类型').innerText();
  }

  /** A headline figure as shown: 复算总分, 复算等级, 问题. */
  async figure(name: '复算总分' | '复算等级' | '问题'): Promise<string> {
    return this.result.getByLabel(name, { exact: true }).innerText();
  }

  /** The findings table, cell by cell: 序号, 工作表, 单元格, 表上数, 复算数, 说明. */
  async findings(): Promise<string[][]> {
    return this.rows(this.result.getByRole('table', { name: '审核发现' }));
  }

  /** The recomputed 小计: 一级指标, 二级指标, 分值, 复算得分. */
  async subtotals(): Promise<string[][]> {
    return this.rows(this.result.getByRole('table', { name: '复算小计' }));
  }

  /** 导出审核意见, saved where the test says; returns the file name the browser was offered. */
  async exportFindings(saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出审核意见' }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }

  private async rows(table: Locator): Promise<string[][]> {
    await table.waitFor();
    const out: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) out.push((await row.locator('td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }
}
