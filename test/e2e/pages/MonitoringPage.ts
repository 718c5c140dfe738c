import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

/** A table's body as each cell's text. */
export function cellTexts(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim())));
}

/** 绩效监控: the rounds, the execution import and list, the warning list, a monitoring form, the summary. */
export class MonitoringPage {
  readonly shell: AppShellPage;
  readonly rounds: Locator;
  readonly execution: Locator;
  readonly preview: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.rounds = page.getByRole('table', { name: '监控轮次' });
    this.execution = page.getByRole('table', { name: '执行数据' });
    this.preview = page.getByRole('dialog', { name: /导入预览/ });
  }

  async open(): Promise<void> {
    await this.shell.openArea('绩效监控');
    await this.rounds.waitFor();
  }

  async chooseRound(name: string): Promise<void> {
    await this.rounds.locator('tbody tr').filter({ hasText: name }).locator('td').nth(1).click();
  }

  async tab(name: string): Promise<void> {
    await this.page.getByRole('tab', { name, exact: true }).click();
  }

  /** 导入执行数据: picks the file in the browser's chooser and waits for the preview. */
  async importExecution(file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入执行数据' }).click();
    await (await chooser).setFiles(file);
    await this.preview.waitFor();
    return this.preview;
  }

  /** Matches an unmatched row of the preview to a project by hand (typing part of its name). */
  async matchRow(row: number, search: string, option: RegExp): Promise<void> {
    const select = this.preview.getByLabel(`第 ${row} 行对应的项目`);
    await select.click();
    await select.fill(search);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  /** The preview's 文件金额单位 box: the question, the choice and the comparison with the ledger. */
  unitChoice(): Locator {
    return this.preview.getByRole('alert').filter({ has: this.page.getByRole('radiogroup', { name: '文件金额单位' }) });
  }

  /** Answers 文件金额单位 with 元 or 万元 and waits for the re-preview to take it (the radio follows the preview). */
  async chooseMoneyUnit(unit: '元' | '万元'): Promise<void> {
    await this.preview.getByRole('radio', { name: unit, exact: true }).click();
    await this.preview.getByRole('radio', { name: unit, exact: true, checked: true }).waitFor();
  }

  async confirmImport(): Promise<void> {
    await this.preview.getByRole('button', { name: '确认导入' }).click();
    await this.preview.waitFor({ state: 'hidden' });
  }

  executionRow(projectName: string): Locator {
    return this.execution.locator('tbody tr').filter({ hasText: projectName });
  }
}

// ---------------------------------------------------------------------------------------------------
// 记住的手工对应 (execution data tab): the year's remembered hand matches, and forgetting one.

/** The 记住的手工对应 dialog of the execution data tab. */
export class RememberedMatchesDialog {
  readonly dialog: Locator;
  readonly table: Locator;
  readonly confirm: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: /^记住的手工对应/ });
    this.table = this.dialog.getByRole('table', { name: '记住的手工对应' });
    this.confirm = this.dialog.getByRole('group', { name: '忘记这条手工对应？' });
  }

  /** The button that opens the dialog, with the year's count: 记住的手工对应（N）. */
  button(): Locator {
    return this.page.getByRole('button', { name: /^记住的手工对应/ });
  }

  async open(): Promise<void> {
    await this.button().click();
    await this.table.waitFor();
  }

  row(projectName: string): Locator {
    return this.table.locator('tbody tr').filter({ hasText: projectName });
  }

  /** 忘记 on the row of the platform's project name; waits for the confirmation (in the dialog) and returns it. */
  async askToForget(projectName: string): Promise<Locator> {
    await this.table.getByRole('button', { name: `忘记“${projectName}”的对应` }).click();
    await this.confirm.waitFor();
    return this.confirm;
  }

  async confirmForget(): Promise<void> {
    await this.confirm.getByRole('button', { name: '确认忘记' }).click();
    await this.confirm.waitFor({ state: 'hidden' });
  }

  async close(): Promise<void> {
    await this.dialog.getByRole('button', { name: '关闭', exact: true }).click();
    await this.dialog.waitFor({ state: 'hidden' });
  }
}
