import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError } from './AppShellPage';

/** 重点评价: the year's figures and list, 选定评价项目, one evaluation's tabs, and 结果公开. */
export class KeyEvaluationsPage {
  readonly shell: AppShellPage;
  readonly figures: Locator;
  readonly table: Locator;
  readonly dialog: Locator;
  readonly grid: Locator;
  readonly summary: Locator;
  readonly framework: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.figures = page.getByRole('region', { name: '年度重点评价概况' });
    this.table = page.getByRole('table', { name: '重点评价列表' });
    this.dialog = page.getByRole('dialog');
    this.grid = page.getByRole('table', { name: '专家评分表' });
    this.summary = page.getByLabel('评分汇总');
    this.framework = page.getByRole('table', { name: '评价指标体系' });
  }

  async open(): Promise<void> {
    await this.shell.openArea('重点评价');
    if (await this.page.getByRole('button', { name: '← 返回评价列表' }).isVisible()) await this.backToList();
    await this.table.waitFor();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: '← 返回评价列表' }).click();
    await this.table.waitFor();
  }

  async sentence(): Promise<string> {
    return this.figures.getByLabel('年度评价情况').innerText();
  }

  /** The list as rows of cell texts: [评价对象, 单位, 评价主体, 涉及资金, 总分, 等级, 状态]. */
  async listRows(): Promise<string[][]> {
    if (await this.table.getByText('本年度还没有重点绩效评价').isVisible()) return [];
    const out: string[][] = [];
    for (const row of await this.table.locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 7).map((t) => t.trim()));
    return out;
  }

  async select(entry: { project: string; reason: string; evaluator: '财政部门' | '第三方机构'; evaluatorName?: string }): Promise<string> {
    await this.page.getByRole('button', { name: '选定评价项目', exact: true }).click();
    await this.dialog.waitFor();
    await this.dialog.getByRole('combobox', { name: '评价对象（项目）' }).fill(entry.project.slice(0, 6));
    await this.page.getByRole('option', { name: new RegExp(`^${escape(entry.project)}`) }).click();
    const covered = await this.dialog.getByLabel('涉及资金（万元）').inputValue();
    await this.dialog.getByLabel('选题理由').fill(entry.reason);
    await this.dialog.getByLabel(entry.evaluator, { exact: true }).check();
    if (entry.evaluatorName) await this.dialog.getByLabel('评价机构').fill(entry.evaluatorName);
    await this.dialog.getByRole('button', { name: '选定', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.page.getByRole('button', { name: '← 返回评价列表' }).waitFor();
    return covered;
  }

  async tab(name: '基本信息' | '指标体系' | '专家评分' | '评价报告内容' | '评价结果'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  /** 指标体系: template (default 10号) and 一级 weights → 应用模板; waits for the ledger's answer. */
  async applyTemplate(weights: number[]): Promise<void> {
    const names = ['决策', '过程', '产出', '效益'];
    for (const [k, w] of weights.entries()) await this.page.getByLabel(`${names[k]}权重`, { exact: true }).fill(String(w));
    const answered = this.answer();
    await this.page.getByRole('button', { name: /应用模板|按模板重建指标体系/ }).click();
    await answered;
  }

  async frameworkRefusal(): Promise<string> {
    const alert = this.page.getByRole('alert').filter({ hasText: '未能保存' });
    await alert.waitFor();
    return alert.innerText();
  }

  /** 三级指标 of the framework table as [name, 分值]. */
  async frameworkRows(): Promise<string[][]> {
    await this.framework.waitFor();
    return this.framework.locator('tbody tr').evaluateAll((rows) =>
      rows.map((r) => {
        const cells = [...r.querySelectorAll('td')];
        const n = cells.length;
        return [cells[n - 4]!.querySelector('p')?.textContent ?? '', cells[n - 3]!.textContent ?? ''];
      }),
    );
  }

  /** The on-screen editor of a framework (an evaluation's or a template's). */
  editor(): Locator {
    return this.page.getByRole('table', { name: '编辑评价指标体系' });
  }

  /** Fills a 三级 indicator's cells in the editor, by position ("3.1.2"). */
  async editIndicator(position: string, cells: { name?: string; points?: string; rule?: string; formula?: string }): Promise<void> {
    const editor = this.editor();
    if (cells.name !== undefined) await editor.getByLabel(`三级指标名称 ${position}`, { exact: true }).fill(cells.name);
    if (cells.points !== undefined) await editor.getByLabel(`分值 ${position}`, { exact: true }).fill(cells.points);
    if (cells.rule !== undefined) await editor.getByLabel(`评分标准 ${position}`, { exact: true }).fill(cells.rule);
    if (cells.formula !== undefined) await editor.getByLabel(`计算公式 ${position}`, { exact: true }).fill(cells.formula);
  }

  /** Clicks a button and waits for the ledger's answer to the call it makes. */
  async clickAndWait(button: Locator): Promise<void> {
    const answered = this.answer();
    await button.click();
    await answered;
  }

  /** 指标体系模板 tab of the list screen: the templates as rows of [名称, 来源, 一级权重, 三级指标, 已用于]. */
  async templateRows(): Promise<string[][]> {
    const table = this.page.getByRole('table', { name: '指标体系模板' });
    await table.waitFor();
    const out: string[][] = [];
    for (const row of await table.locator('tbody tr').all())
      out.push((await row.locator('td').allInnerTexts()).slice(0, 5).map((t) => t.trim()));
    return out;
  }

  async setExperts(names: string[]): Promise<void> {
    const panel = this.page.getByRole('region', { name: '评分专家' });
    for (const [k, n] of names.entries()) {
      if (!(await panel.getByLabel(`专家 ${k + 1} 姓名`).isVisible())) await panel.getByRole('button', { name: '+ 添加专家' }).click();
      await panel.getByLabel(`专家 ${k + 1} 姓名`).fill(n);
    }
    const answered = this.answer();
    await panel.getByRole('button', { name: '保存专家名单' }).click();
    await answered;
    await this.grid.waitFor();
  }

  cell(expert: string, indicator: string): Locator {
    return this.grid.getByLabel(`${expert} ${indicator}得分`, { exact: true });
  }

  /** Types an expert's column from the first indicator down, by keyboard: the value, then Enter. */
  async typeColumn(expert: string, firstIndicator: string, values: string[]): Promise<void> {
    await this.cell(expert, firstIndicator).click();
    for (const v of values) {
      await this.page.keyboard.press('ControlOrMeta+a');
      await this.page.keyboard.type(v);
      await this.page.keyboard.press('Enter');
    }
  }

  async cellError(expert: string, indicator: string): Promise<string | null> {
    return fieldError(this.cell(expert, indicator));
  }

  /** Presses the expert's 保存 and waits for the ledger's answer. */
  async saveExpert(expert: string): Promise<void> {
    const answered = this.answer();
    await this.grid.getByRole('button', { name: `保存${expert}的评分` }).click();
    await answered;
  }

  async total(): Promise<string> {
    return this.summary.getByLabel('总分', { exact: true }).innerText();
  }

  async grade(): Promise<string> {
    return this.summary.getByLabel('等级', { exact: true }).innerText();
  }

  async aggregate(indicator: string): Promise<string> {
    return this.grid.getByLabel(`${indicator}得分`, { exact: true }).innerText();
  }

  async subtotal(level1: string): Promise<string> {
    return this.grid.getByLabel(`${level1}小计`, { exact: true }).innerText();
  }

  async fillTexts(
    texts: Partial<Record<'主要经验及做法' | '存在的问题及原因分析' | '有关建议' | '其他需要说明的问题', string>>,
  ): Promise<void> {
    const panel = this.page.getByRole('region', { name: '评价报告内容' });
    for (const [label, text] of Object.entries(texts)) await panel.getByLabel(label, { exact: true }).fill(text);
    const answered = this.answer();
    await panel.getByRole('button', { name: '保存报告内容' }).click();
    await answered;
  }

  confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: '确认定稿' });
  }

  async finalGrade(): Promise<string> {
    return this.page.getByLabel('评价等级').innerText();
  }

  async status(): Promise<string> {
    return this.page.getByLabel('评价状态').innerText();
  }

  async recordAction(entry: {
    amount: string;
    nextYearProject: string;
    status: '拟定' | '已落实' | '已撤销';
    note?: string;
  }): Promise<void> {
    const panel = this.page.getByRole('region', { name: '结果应用' });
    await panel.getByLabel('金额（万元）').fill(entry.amount);
    await panel.getByRole('combobox', { name: /年度项目$/ }).click();
    await this.page.getByRole('option', { name: entry.nextYearProject, exact: true }).click();
    await panel.getByRole('combobox', { name: '状态' }).click();
    await this.page.getByRole('option', { name: entry.status, exact: true }).click();
    if (entry.note) await panel.getByLabel('说明').fill(entry.note);
    const answered = this.answer();
    await panel.getByRole('button', { name: '记录结果应用' }).click();
    await answered;
  }

  async actionRows(): Promise<string[][]> {
    const rows = this.page.getByRole('table', { name: '结果应用记录' }).locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).slice(0, 5).map((t) => t.trim()));
    return out;
  }

  async issueFindings(deadline: string): Promise<void> {
    const panel = this.page.getByRole('region', { name: '下发整改通知' });
    await panel.getByLabel('反馈期限').fill(deadline);
    await panel.getByRole('button', { name: '起草整改通知' }).click();
    await panel
      .getByLabel('整改通知')
      .waitFor({ timeout: 5_000 })
      .catch(async () => {
        throw new Error(`起草整改通知未成功：${await panel.innerText()}`);
      });
  }

  async exportReport(saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出评价报告', exact: true }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }

  async publicationRows(): Promise<string[][]> {
    await this.page.getByRole('tab', { name: /^结果公开/ }).click();
    const table = this.page.getByRole('table', { name: '结果公开表' });
    await table.waitFor();
    const out: string[][] = [];
    for (const row of await table.locator('tbody tr').all()) out.push((await row.locator('td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  async dismissNotices(): Promise<void> {
    const notices = this.page.locator('.mantine-Notification-root');
    for (let round = 0; round < 10 && (await notices.count()) > 0; round++) {
      for (const close of await notices.locator('button').all()) await close.click({ timeout: 1_000 }).catch(() => undefined);
      await this.page.waitForTimeout(300);
    }
  }

  async readyForScreenshot(): Promise<void> {
    await this.dismissNotices();
    await this.page.evaluate(() => window.scrollTo(0, 0));
  }

  private answer() {
    return this.page.waitForResponse((r) => r.url().endsWith('/api/call') && r.request().method() === 'POST');
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
