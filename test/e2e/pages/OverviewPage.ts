import type { Download, Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

/** 概览: the year's to-dos (cards), its charts (each with 表格 and 导出) and the drawer of records behind a figure. */
export class OverviewPage {
  readonly shell: AppShellPage;
  readonly todos: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.todos = page.getByRole('region', { name: '待办' });
    this.drawer = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.shell.openArea('概览');
    await this.todos.getByRole('group').first().waitFor();
  }

  /** A to-do card's count as shown, and its note. */
  async todo(label: string): Promise<{ count: string; text: string }> {
    const card = this.todos.getByRole('group', { name: label, exact: true });
    const text = await card.innerText();
    const count = /\n(\d+)\n/.exec(`\n${text}\n`)?.[1] ?? '';
    return { count, text };
  }

  async openTodo(label: string): Promise<void> {
    await this.todos.getByRole('button', { name: new RegExp(`^${label} \\d+`) }).click();
    await this.drawer.waitFor();
  }

  chart(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** Clicks the n-th bar (0-based, in the order drawn) of a chart and waits for its records. */
  async clickBar(title: string, n: number): Promise<void> {
    await this.chart(title).locator('.recharts-bar-rectangle path').nth(n).click();
    await this.drawer.waitFor();
  }

  async showTable(title: string): Promise<void> {
    await this.chart(title).getByText('表格', { exact: true }).click();
    await this.chart(title).getByRole('table').waitFor();
  }

  /** The chart's table rows, cell by cell, as the clerk reads them. */
  async tableRows(title: string): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.chart(title).locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  async openTableRow(title: string, name: string): Promise<void> {
    await this.chart(title).getByRole('button', { name, exact: true }).click();
    await this.drawer.waitFor();
  }

  async drawerTitle(): Promise<string> {
    return (await this.drawer.locator('.mantine-Drawer-title').innerText()).trim();
  }

  /** The drawer's records: name, unit, detail; and each name's link (read in one pass: a bar may hold hundreds). */
  async drawerRows(): Promise<{ cells: string[]; href: string | null }[]> {
    return this.drawer.getByRole('table', { name: '构成记录' }).evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((tr) => ({
        cells: [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim()),
        href: tr.querySelector('a')?.getAttribute('href') ?? null,
      })),
    );
  }

  async closeDrawer(): Promise<void> {
    await this.drawer.getByRole('button', { name: '关闭' }).click();
    await this.drawer.waitFor({ state: 'hidden' });
  }

  async export(title: string): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.chart(title).getByRole('button', { name: '导出', exact: true }).click();
    return download;
  }
}
