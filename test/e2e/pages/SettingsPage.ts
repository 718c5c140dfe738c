import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

/** 设置: ledger file, years, audit log. */
export class SettingsPage {
  readonly shell: AppShellPage;
  readonly ledgerInfo: Locator;
  readonly years: Locator;
  readonly audit: Locator;
  readonly createYearForm: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.ledgerInfo = page.getByRole('table', { name: '台账信息' });
    this.years = page.getByRole('table', { name: '预算年度' });
    this.audit = page.getByRole('table', { name: '最近的审计记录' });
    this.createYearForm = page.getByRole('form', { name: '新建预算年度' });
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
}
