import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

export type SummaryTable = '按预算类型' | '按主管部门';

/** 报表: the year's 年度概况 with its headline figures and two tables. */
export class ReportsPage {
  readonly shell: AppShellPage;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.summary = page.getByRole('region', { name: '年度概况' });
  }

  async open(): Promise<void> {
    await this.shell.openArea('报表');
    await this.summary.waitFor();
  }

  /** A headline figure as shown, without its unit: 预算单位, 项目, 年初预算合计. */
  async figure(name: '预算单位' | '项目' | '年初预算合计'): Promise<string> {
    return this.summary.getByLabel(name, { exact: true }).innerText();
  }

  /** The table's body rows as the clerk reads them, cell by cell. */
  async rows(table: SummaryTable): Promise<string[][]> {
    return this.cells(this.summary.getByRole('table', { name: table }).locator('tbody tr'));
  }

  /** The table's 合计 row. */
  async totalRow(table: SummaryTable): Promise<string[]> {
    return (await this.cells(this.summary.getByRole('table', { name: table }).locator('tfoot tr')))[0] ?? [];
  }

  private async cells(rows: Locator): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }
}
