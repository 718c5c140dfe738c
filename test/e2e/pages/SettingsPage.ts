import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError } from './AppShellPage';

/** 设置: ledger file, 项目类型, years, audit log. */
export class SettingsPage {
  readonly shell: AppShellPage;
  readonly ledgerInfo: Locator;
  readonly years: Locator;
  readonly audit: Locator;
  readonly createYearForm: Locator;
  readonly projectTypes: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.ledgerInfo = page.getByRole('table', { name: '台账信息' });
    this.years = page.getByRole('table', { name: '预算年度' });
    this.audit = page.getByRole('table', { name: '最近的审计记录' });
    this.createYearForm = page.getByRole('form', { name: '新建预算年度' });
    this.projectTypes = page.getByRole('table', { name: '项目类型' });
  }

  async open(): Promise<void> {
    await this.shell.openArea('设置');
    await this.ledgerInfo.waitFor();
  }

  /** 台账信息 as label → value. */
  async ledgerFacts(): Promise<Record<string, string>> {
    const rows = await this.ledgerInfo.locator('tr').all();
    const facts: Record<string, string> = {};
    for (const r of rows) facts[(await r.locator('th').innerText()).trim()] = (await r.locator('td').innerText()).trim();
    return facts;
  }

  async yearRows(): Promise<string[][]> {
    const rows = await this.years.locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).map((t) => t.trim())));
  }

  async auditActions(): Promise<string[]> {
    return this.audit.locator('tbody tr td:nth-child(3)').allInnerTexts();
  }

  async createYear(year: number): Promise<void> {
    await this.createYearForm.getByLabel('预算年度').fill(String(year));
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await this.createYearForm.getByRole('button', { name: '新建年度' }).click();
    await answered;
  }

  /** 项目类型 rows as [名称, 状态, 项目数]. */
  async projectTypeRows(): Promise<string[][]> {
    const rows = await this.projectTypes.locator('tbody tr').all();
    return Promise.all(rows.map(async (r) => (await r.locator('td').allInnerTexts()).slice(0, 3).map((t) => t.trim())));
  }

  /** Types the panel's 新增类型 form; waits for the ledger's answer. */
  async addProjectType(name: string): Promise<void> {
    const form = this.page.getByRole('form', { name: '新增项目类型' });
    await form.getByLabel('新的项目类型').fill(name);
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await form.getByRole('button', { name: '新增类型' }).click();
    await answered;
  }

  async projectTypeError(): Promise<string | null> {
    return fieldError(this.page.getByRole('form', { name: '新增项目类型' }).getByLabel('新的项目类型'));
  }

  async renameProjectType(name: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `改名 ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('新名称').fill(to);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** 停用 or 恢复使用, then waits until the row says so. */
  async setProjectTypeRetired(name: string, retired: boolean): Promise<void> {
    await this.page.getByRole('button', { name: `${retired ? '停用' : '恢复使用'} ${name}`, exact: true }).click();
    await this.page.getByRole('button', { name: `${retired ? '恢复使用' : '停用'} ${name}`, exact: true }).waitFor();
  }
}
