import type { Locator, Page } from 'playwright-core';
import { AppShellPage } from './AppShellPage';

/** 自评与评价: the year's figures and list, 新建自评, and one project's 自评表. */
export class SelfEvaluationsPage {
  readonly shell: AppShellPage;
  readonly figures: Locator;
  readonly table: Locator;
  readonly dialog: Locator;
  readonly funds: Locator;
  readonly indicators: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.figures = page.getByRole('region', { name: '年度自评概况' });
    this.table = page.getByRole('table', { name: '自评列表' });
    this.dialog = page.getByRole('dialog');
    this.funds = page.getByRole('table', { name: '项目资金' });
    this.indicators = page.getByRole('table', { name: '绩效指标' });
  }

  async open(): Promise<void> {
    await this.shell.openArea('自评与评价');
    if (await this.backButton().isVisible()) await this.backToList();
    await this.table.waitFor();
  }

  backButton(): Locator {
    return this.page.getByRole('button', { name: '← 返回自评列表' });
  }

  async backToList(): Promise<void> {
    await this.backButton().click();
    await this.table.waitFor();
  }

  async sentence(): Promise<string> {
    return this.figures.getByLabel('年度自评情况').innerText();
  }

  /** The list as rows of cell texts: [单位, 项目, 类别, 总分, 等级, 状态]. */
  async listRows(): Promise<string[][]> {
    if (await this.table.getByText('没有符合条件的自评表').isVisible()) return [];
    const out: string[][] = [];
    for (const row of await this.table.locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 6).map((t) => t.trim()));
    return out;
  }

  async create(project: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建自评', exact: true }).click();
    await this.dialog.waitFor();
    await this.dialog.getByRole('combobox', { name: '项目' }).fill(project.slice(0, 4));
    await this.page.getByRole('option', { name: new RegExp(`^${project}`) }).click();
    await this.dialog.getByRole('button', { name: '新建', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.funds.waitFor();
  }

  async openRow(project: string): Promise<void> {
    await this.table.locator('tr', { hasText: project }).getByRole('button').click();
    await this.funds.waitFor();
  }

  fund(row: string, column: '年初预算数' | '全年预算数' | '全年执行数'): Locator {
    return this.funds.getByLabel(`${row} ${column}`, { exact: true });
  }

  async executionRate(): Promise<string> {
    return this.funds.getByLabel('执行率', { exact: true }).innerText();
  }

  actual(indicator: string): Locator {
    return this.indicators.getByLabel(`${indicator} 实际完成值`, { exact: true });
  }

  async pickLevel(indicator: string, level: '达成' | '部分达成' | '未达成'): Promise<void> {
    await this.actual(indicator).click();
    await this.page.getByRole('option', { name: level, exact: true }).click();
  }

  chosenScore(indicator: string): Locator {
    return this.indicators.getByLabel(`${indicator} 得分`, { exact: true });
  }

  explanation(indicator: string): Locator {
    return this.indicators.getByLabel(`${indicator} 偏差原因分析及改进措施`, { exact: true });
  }

  async score(indicator: string): Promise<string> {
    return this.indicators.getByLabel(`${indicator} 得分结果`).innerText();
  }

  async flags(indicator: string): Promise<string[]> {
    return this.indicators.locator(`tr[data-indicator="${indicator}"] [data-flag]`).allInnerTexts();
  }

  async total(): Promise<string> {
    return this.page.getByLabel('总分', { exact: true }).innerText();
  }

  async grade(): Promise<string> {
    return this.page.getByLabel('等级', { exact: true }).innerText();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await this.page.getByText('已保存自评表').waitFor();
  }

  async decide(action: '报送' | '审核通过', notice: string): Promise<void> {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    await this.page.getByText(notice).waitFor();
  }

  async sendBack(findings: string): Promise<void> {
    await this.page.getByRole('button', { name: '退回单位', exact: true }).click();
    await this.dialog.getByLabel('退回意见').fill(findings);
    await this.dialog.getByRole('button', { name: '退回', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
  }

  async status(): Promise<string> {
    return this.page.getByLabel('总分与等级').locator('.mantine-Badge-root').first().innerText();
  }
}

/** 自评表 by Excel: a unit's template out, filled workbooks in through the preview with the check's findings. */
export class SelfEvaluationExchangePage {
  constructor(readonly page: Page) {}

  /** Exports the unit's template and returns the downloaded file's path in `folder`. */
  async exportTemplate(unit: string, folder: string): Promise<string> {
    await this.page.getByRole('combobox', { name: '导出哪个单位的自评表' }).click();
    await this.page.getByRole('option', { name: unit, exact: true }).click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出自评表模板' }).click();
    const d = await download;
    const file = `${folder}/${d.suggestedFilename()}`;
    await d.saveAs(file);
    return file;
  }

  /** Picks the workbook for 导入自评表 and returns the preview dialog. */
  async importFile(file: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: '导入自评表' }).click();
    await (await chooser).setFiles(file);
    const dialog = this.page.getByRole('dialog', { name: /导入自评表预览/ });
    await dialog.waitFor();
    return dialog;
  }

  /** The findings listed for a sheet: [单元格, 表上数, 复算数]. */
  async findings(scope: Locator, sheet: string): Promise<string[][]> {
    const table = scope.getByRole('table', { name: `工作表“${sheet}”审核发现的问题` });
    const out: string[][] = [];
    for (const row of await table.locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 3).map((t) => t.trim()));
    return out;
  }

  async commit(dialog: Locator): Promise<void> {
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }
}

/** 部门整体自评: its tab's list, 新建 (unit and template), and one unit's framework table. */
export class DepartmentSelfEvaluationsPage {
  readonly table: Locator;
  readonly indicators: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByRole('table', { name: '部门整体自评列表' });
    this.indicators = page.getByRole('table', { name: '部门整体自评指标' });
    this.dialog = page.getByRole('dialog');
  }

  async openTab(): Promise<void> {
    await this.page.getByRole('tab', { name: '部门整体自评' }).click();
    await this.table.waitFor();
  }

  /** The list as rows of cell texts: [单位, 指标体系, 总分, 等级, 状态]. */
  async listRows(): Promise<string[][]> {
    const out: string[][] = [];
    for (const row of await this.table.locator('tbody tr[data-id]').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 5).map((t) => t.trim()));
    return out;
  }

  async create(unit: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建部门整体自评' }).click();
    await this.dialog.waitFor();
    await this.dialog.getByRole('combobox', { name: '主管部门' }).click();
    await this.page.getByRole('option', { name: unit, exact: true }).click();
    await this.dialog.getByRole('button', { name: '新建', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.indicators.waitFor();
  }

  async openRow(unit: string): Promise<void> {
    await this.table.locator('tr', { hasText: unit }).getByRole('button').click();
    await this.indicators.waitFor();
  }

  score(indicator: string): Locator {
    return this.indicators.getByLabel(`${indicator} 得分`, { exact: true });
  }

  actual(indicator: string): Locator {
    return this.indicators.getByLabel(`${indicator} 实际完成情况`, { exact: true });
  }

  async subtotal(level2: string): Promise<string> {
    return this.indicators.getByLabel(`${level2} 小计`).first().innerText();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await this.page.getByText('已保存部门整体自评').waitFor();
  }
}
