import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError, pickOption } from './AppShellPage';

/** 评价结果应用 in 自评与评价: the year's merged list, its summary, recording an action, the export. */
export class ResultActionsPage {
  readonly shell: AppShellPage;
  readonly section: Locator;
  readonly table: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.section = page.getByRole('region', { name: '评价结果应用' });
    this.table = page.getByRole('table', { name: '年度结果应用一览' });
    this.dialog = page.getByRole('dialog');
  }

  async open(): Promise<void> {
    await this.shell.openArea('自评与评价');
    const tab = this.page.getByRole('tab', { name: /^评价结果应用/ });
    if (await tab.isVisible()) await tab.click();
    await this.table.waitFor();
  }

  async sentence(): Promise<string> {
    return this.section.getByLabel('结果应用情况').innerText();
  }

  async figure(label: string): Promise<string> {
    return this.section.getByLabel(label, { exact: true }).innerText();
  }

  /** [来源, 评价对象, 单位, 得分/等级, 应用方式, 金额, 下年度项目, 状态, 说明]. */
  async rows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.table.locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 9).map((t) => t.replace(/\s+/g, ' ').trim()));
    return out;
  }

  async startRecording(evaluation: string): Promise<void> {
    await this.section.getByRole('button', { name: '记录结果应用' }).click();
    await this.dialog.waitFor();
    await pickOption(this.page, this.dialog.getByRole('combobox', { name: /^评价/ }), evaluation, { type: true });
  }

  field(label: string): Locator {
    return this.dialog.getByRole('textbox', { name: label, exact: true });
  }

  select(label: string): Locator {
    return this.dialog.getByRole('combobox', { name: label, exact: true });
  }

  async choose(label: string, option: string): Promise<void> {
    await pickOption(this.page, this.select(label), option);
  }

  async errorAt(label: string): Promise<string | null> {
    return fieldError(this.field(label));
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: '保存', exact: true }).click();
  }

  async exportWorkbook(saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.section.getByRole('button', { name: '导出结果应用情况表' }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }
}
