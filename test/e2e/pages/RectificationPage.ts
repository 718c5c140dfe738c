import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError } from './AppShellPage';

/** 整改: the notice list with its filters and buttons, and one notice's drawer. */
export class RectificationPage {
  readonly shell: AppShellPage;
  readonly table: Locator;
  readonly rows: Locator;
  readonly drawer: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.table = page.getByRole('table', { name: '整改通知列表' });
    this.rows = this.table.locator('tbody tr');
    this.drawer = page.getByRole('dialog', { name: /整改通知/ });
  }

  async open(): Promise<void> {
    await this.shell.openArea('整改');
    await this.table.waitFor();
  }

  rowOf(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async check(text: string): Promise<void> {
    await this.rowOf(text).getByRole('checkbox').check();
  }

  async openNotice(text: string): Promise<Locator> {
    await this.rowOf(text)
      .getByRole('button', { name: /^办理|^编辑/ })
      .click();
    await this.drawer.getByText('办理记录', { exact: true }).waitFor();
    return this.drawer;
  }

  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.drawer.waitFor({ state: 'hidden' });
  }

  field(label: string): Locator {
    return this.drawer.getByLabel(label, { exact: true });
  }

  fieldError(label: string): Promise<string | null> {
    return fieldError(this.field(label));
  }

  /** Clicks an export button (and the menu item, if given); returns the download's suggested name after saving it. */
  async download(button: string, saveAs: string, menuItem?: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: new RegExp(`^${button}`) }).click();
    if (menuItem) await this.page.getByRole('menuitem', { name: menuItem }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }
}
