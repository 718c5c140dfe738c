import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError, pickOption } from './AppShellPage';

/** 项目与目标 → 预算单位. */
export class UnitsPage {
  readonly shell: AppShellPage;
  readonly table: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.table = page.getByRole('table', { name: '预算单位列表' });
    this.rows = this.table.locator('tbody tr');
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.shell.openArea('项目与目标');
    await this.page.getByRole('tab', { name: '预算单位' }).click();
    await this.table.waitFor();
  }

  /** A unit's row as the clerk reads it: 单位名称, 单位代码, 主管部门, 涉密, 本年项目数, 本年预算（万元）. */
  async rowOf(unitName: string): Promise<string[]> {
    const row = this.rows.filter({ has: this.page.locator('td:first-child', { hasText: new RegExp(`^${unitName}$`) }) });
    return (await row.locator('td').allInnerTexts()).slice(0, 6).map((t) => t.trim());
  }

  async unitNames(): Promise<string[]> {
    return (await this.rows.locator('td:first-child').allInnerTexts()).map((t) => t.trim());
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '搜索', exact: true }).fill(text);
  }

  async addUnit(entry: { name: string; code?: string }): Promise<void> {
    await this.page.getByRole('button', { name: '新增预算单位' }).click();
    await this.dialog.getByLabel('单位名称', { exact: true }).fill(entry.name);
    if (entry.code !== undefined) await this.dialog.getByLabel('单位代码', { exact: true }).fill(entry.code);
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await answered;
  }

  /** Moves a unit under another 主管部门. */
  async moveUnder(unitName: string, department: string): Promise<void> {
    await this.page.getByRole('button', { name: `修改 ${unitName}`, exact: true }).click();
    await pickOption(this.page, this.dialog.getByRole('combobox', { name: '主管部门' }), department, { type: true });
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await answered;
    await this.dialog.waitFor({ state: 'detached', timeout: 5_000 });
  }

  async errorAt(label: string): Promise<string | null> {
    return fieldError(this.dialog.getByLabel(label, { exact: true }));
  }
}
