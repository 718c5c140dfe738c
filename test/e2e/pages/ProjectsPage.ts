import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError, pickOption } from './AppShellPage';

export interface ProjectEntry {
  unit?: string;
  name?: string;
  code?: string;
  type?: string;
  kind?: string;
  continuity?: '新增' | '延续';
  amount?: string;
  major?: boolean;
}

/** Column positions in the project table (1-based, as nth-child counts). */
const COLUMN = { code: 1, name: 2, unit: 3, department: 4, type: 5, kind: 6, continuity: 7, amount: 8, status: 9 } as const;

/** 项目与目标 → 项目: the list, its toolbar, and the add/edit dialog. */
export class ProjectsPage {
  readonly shell: AppShellPage;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.table = page.getByRole('table', { name: '项目列表' });
    this.rows = this.table.locator('tbody tr');
    this.summary = page.getByRole('status', { name: '项目合计' });
    this.dialog = page.getByRole('dialog');
  }

  /** 从 Excel 导入: chooses the file in the browser's file chooser and waits for the preview. */
  async importWorkbook(file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '从 Excel 导入' }).click();
    await (await chooser).setFiles(file);
    const preview = this.page.getByRole('dialog', { name: /导入预览/ });
    await preview.waitFor();
    return preview;
  }

  async confirmImport(): Promise<void> {
    await this.page.getByRole('button', { name: '确认导入' }).click();
    await this.page.getByRole('dialog', { name: /导入预览/ }).waitFor({ state: 'hidden' });
  }

  /** 导出 Excel: returns where the browser saved the download. */
  async exportWorkbook(saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出 Excel' }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }

  async open(): Promise<void> {
    await this.shell.openArea('项目与目标');
    await this.page.getByRole('tab', { name: '项目', exact: true }).click();
    await this.table.waitFor();
  }

  async projectNames(): Promise<string[]> {
    return this.column('name');
  }

  async column(name: keyof typeof COLUMN): Promise<string[]> {
    if (await this.table.getByText(/没有符合条件|还没有项目/).isVisible()) return [];
    return (await this.rows.locator(`td:nth-child(${COLUMN[name]})`).allInnerTexts()).map((t) => t.replace(/\s*重大$/, '').trim());
  }

  async amountOf(projectName: string): Promise<string> {
    return this.rowOf(projectName).locator(`td:nth-child(${COLUMN.amount})`).innerText();
  }

  rowOf(projectName: string): Locator {
    return this.rows.filter({ has: this.page.getByText(projectName, { exact: true }) });
  }

  async summaryText(): Promise<string> {
    return this.summary.innerText();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '搜索', exact: true }).fill(text);
  }

  async filterBy(filter: '预算类型' | '项目类型' | '主管部门', option: string): Promise<void> {
    await pickOption(this.page, this.filter(filter), option);
  }

  async clearFilter(filter: '预算类型' | '项目类型' | '主管部门'): Promise<void> {
    await this.filter(filter).locator('xpath=ancestor::*[contains(@class,"mantine-Select-root")]').locator('button').click();
  }

  filter(name: '预算类型' | '项目类型' | '主管部门'): Locator {
    return this.page.getByRole('combobox', { name, exact: true });
  }

  async sortBy(column: string): Promise<void> {
    await this.table.getByRole('button', { name: column }).click();
  }

  async startAddingProject(): Promise<void> {
    await this.page.getByRole('button', { name: '新增项目' }).click();
    await this.dialog.waitFor();
  }

  async startEditing(projectName: string): Promise<void> {
    await this.page.getByRole('button', { name: `修改 ${projectName}`, exact: true }).click();
    await this.dialog.waitFor();
  }

  async fillProject(entry: ProjectEntry): Promise<void> {
    const d = this.dialog;
    if (entry.unit !== undefined)
      await pickOption(this.page, d.getByRole('combobox', { name: '预算单位', exact: true }), entry.unit, { type: true });
    if (entry.name !== undefined) await d.getByLabel('项目名称', { exact: true }).fill(entry.name);
    if (entry.code !== undefined) await d.getByLabel('项目代码', { exact: true }).fill(entry.code);
    if (entry.amount !== undefined) await d.getByLabel('年初预算数（万元）', { exact: true }).fill(entry.amount);
    if (entry.type !== undefined) await pickOption(this.page, d.getByRole('combobox', { name: '项目类型', exact: true }), entry.type);
    if (entry.kind !== undefined) await pickOption(this.page, d.getByRole('combobox', { name: '预算类型', exact: true }), entry.kind);
    if (entry.continuity !== undefined) await d.getByLabel(entry.continuity, { exact: true }).check();
    if (entry.major !== undefined) await d.getByLabel(/^重大政策\/项目/).setChecked(entry.major);
  }

  /** What the open dialog's 项目类型 list offers. */
  async typeOptions(): Promise<string[]> {
    await this.dialog.getByRole('combobox', { name: '项目类型', exact: true }).click();
    const options = await this.page.getByRole('option').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return options.map((o) => o.trim());
  }

  /** Presses 保存 and waits for the answer: the dialog closes, or it shows why not. */
  async save(): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call') && r.request().method() === 'POST');
    await this.dialog.getByRole('button', { name: '保存' }).click();
    await answered;
  }

  async addProject(entry: ProjectEntry): Promise<void> {
    await this.startAddingProject();
    await this.fillProject(entry);
    await this.save();
    await this.dialogClosed();
  }

  async editProject(projectName: string, changes: ProjectEntry): Promise<void> {
    await this.startEditing(projectName);
    await this.fillProject(changes);
    await this.save();
    await this.dialogClosed();
  }

  /** After a save that should succeed; when the dialog stays open, fails with what it says. */
  private async dialogClosed(): Promise<void> {
    try {
      await this.dialog.waitFor({ state: 'detached', timeout: 5_000 });
    } catch {
      throw new Error(`保存后对话框仍未关闭，其内容为：${await this.dialog.innerText()}`);
    }
  }

  async errorAt(label: string): Promise<string | null> {
    return fieldError(this.dialog.getByLabel(label, { exact: true }));
  }
}
