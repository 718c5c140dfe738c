import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

export type SummaryTable = '按预算类型' | '按主管部门';

/** 报表: the year's 年度绩效工作情况 (the annual summary's draft) and its 年度概况 with headline figures and two tables. */
export class ReportsPage {
  readonly shell: AppShellPage;
  readonly summary: Locator;
  readonly draft: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.summary = page.getByRole('region', { name: '年度概况' });
    this.draft = page.getByRole('article', { name: '年度绩效工作情况' });
  }

  /** Opens 报表 on its 年度概况 tab. */
  async open(): Promise<void> {
    await this.shell.openArea('报表');
    await this.page.getByRole('tab', { name: '年度概况' }).click();
    await this.summary.waitFor();
  }

  /** Opens 报表 on the annual summary (its first tab), once the draft is read. */
  async openDraft(): Promise<void> {
    await this.shell.openArea('报表');
    await this.draft.waitFor();
  }

  /** A computed figure of the draft, by the words it shows ("5 个项目"). */
  figureLink(text: string): Locator {
    return this.draft.getByRole('button', { name: text, exact: true });
  }

  /** The drawer listing a figure's records. */
  get records(): Locator {
    return this.page.getByRole('dialog');
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
