import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError } from './AppShellPage';

export type RatingWord = '优' | '良' | '中' | '差';

export interface ReportEntry {
  assessor?: '财政局' | '第三方机构';
  assessorName?: string;
  recommendedBudget?: string;
  workSummary?: string;
  findings?: string;
  suggestions?: string;
  otherNotes?: string;
}

/** 事前评估: the overview and list, the new-assessment dialog, and one assessment's page. */
export class ExAntePage {
  readonly shell: AppShellPage;
  readonly overview: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly dialog: Locator;
  readonly sheet: Locator;
  readonly summary: Locator;
  readonly gate: Locator;
  readonly recheckPanel: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.overview = page.getByRole('region', { name: '事前评估概况' });
    this.table = page.getByRole('table', { name: '事前评估列表' });
    this.rows = this.table.locator('tbody tr');
    this.dialog = page.getByRole('dialog');
    this.sheet = page.getByRole('table', { name: '评分表' });
    this.summary = page.getByLabel('评分汇总');
    this.gate = page.getByRole('region', { name: '项目库关口' });
    this.recheckPanel = page.getByRole('region', { name: '复核调整后方案' });
  }

  async open(): Promise<void> {
    await this.shell.openArea('事前评估');
    if (await this.page.getByRole('button', { name: '← 返回评估列表' }).isVisible()) await this.backToList();
    await this.table.waitFor();
  }

  // —— overview and list ——

  /** A figure of the overview: 已评估, 草稿, 涉及年初预算, 建议预算合计. */
  async figure(name: '已评估' | '草稿' | '涉及年初预算' | '建议预算合计'): Promise<string> {
    return this.overview.getByLabel(name, { exact: true }).innerText();
  }

  /** The 按结论统计 rows as the clerk reads them: [结论, 个数, 年初预算, 建议预算]. */
  async byConclusion(): Promise<string[][]> {
    const rows = this.overview.getByRole('table', { name: '按结论统计' }).locator('tbody tr');
    const out: string[][] = [];
    for (const row of await rows.all()) out.push((await row.locator('td').allInnerTexts()).map((t) => t.trim()));
    return out;
  }

  /** Names of the major projects the overview says still lack a supporting assessment. */
  async majorsOwed(): Promise<string[]> {
    return this.overview.locator('[data-project]').evaluateAll((els) => els.map((e) => e.getAttribute('data-project') ?? ''));
  }

  async reasonOwed(projectName: string): Promise<string> {
    return this.overview.locator(`[data-project="${projectName}"]`).locator('p').nth(1).innerText();
  }

  /** The list as rows of cell texts (评估对象 without its marks). */
  async listRows(): Promise<string[][]> {
    if (await this.table.getByText('本年度还没有事前评估').isVisible()) return [];
    const out: string[][] = [];
    for (const row of await this.rows.all()) {
      const cells = (await row.locator('td').allInnerTexts()).map((t) => t.trim());
      out.push([cells[0]!.replace(/\s*(重大|政策)$/, ''), ...cells.slice(1, 8)]);
    }
    return out;
  }

  // —— starting an assessment ——

  /** 开始评估 beside a major project in the overview; the dialog opens with it chosen. */
  async startFromOverview(projectName: string, assessor: '财政局' | '第三方机构'): Promise<void> {
    await this.overview.getByRole('button', { name: `开始评估 ${projectName}`, exact: true }).click();
    await this.dialog.waitFor();
    await this.createInDialog(assessor);
  }

  /** 新建评估 → the project picker (typed to search) → the assessor → 开始评估. */
  async startNew(projectName: string, assessor: '财政局' | '第三方机构'): Promise<void> {
    await this.page.getByRole('button', { name: '新建评估', exact: true }).click();
    await this.dialog.waitFor();
    const picker = this.dialog.getByRole('combobox', { name: '评估对象（项目）' });
    await picker.fill(projectName.slice(0, 6));
    await this.page.getByRole('option', { name: new RegExp(`^${escape(projectName)}`) }).click();
    await this.createInDialog(assessor);
  }

  async startPolicy(policyName: string, assessor: '财政局' | '第三方机构'): Promise<void> {
    await this.page.getByRole('button', { name: '新建评估', exact: true }).click();
    await this.dialog.waitFor();
    await this.dialog.getByText('评估政策', { exact: true }).click();
    await this.dialog.getByLabel('评估对象（政策名称）').fill(policyName);
    await this.createInDialog(assessor);
  }

  /** The options of the project picker in order, with the group headings. */
  async pickerEntries(): Promise<string[]> {
    await this.page.getByRole('button', { name: '新建评估', exact: true }).click();
    await this.dialog.waitFor();
    await this.dialog.getByRole('combobox', { name: '评估对象（项目）' }).click();
    const listbox = this.page.getByRole('listbox');
    await listbox.waitFor();
    const entries = await listbox.locator('[role="option"], .mantine-Select-groupLabel').allInnerTexts();
    await this.page.keyboard.press('Escape');
    await this.dialog.getByRole('button', { name: '取消' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    return entries.map((t) => t.trim());
  }

  private async createInDialog(assessor: '财政局' | '第三方机构'): Promise<void> {
    await this.dialog.getByLabel(assessor, { exact: true }).check();
    await this.dialog.getByRole('button', { name: '开始评估', exact: true }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.sheet.waitFor();
  }

  /** Opens the list's n-th assessment of a subject (0 = first), with 查看 or 继续评估. */
  async openAssessment(subject: string, nth = 0): Promise<void> {
    await this.rows
      .filter({ has: this.page.getByText(subject, { exact: true }) })
      .nth(nth)
      .getByRole('button')
      .click();
    await this.sheet.waitFor();
  }

  async backToList(): Promise<void> {
    await this.page.getByRole('button', { name: '← 返回评估列表' }).click();
    await this.table.waitFor();
  }

  // —— the 评分表 ——

  async itemNames(): Promise<string[]> {
    return this.sheet.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-item') ?? ''));
  }

  async rate(item: string, rating: RatingWord): Promise<void> {
    await this.page
      .getByRole('radiogroup', { name: `${item}评级` })
      .getByText(rating, { exact: true })
      .click();
  }

  /** Rates every sub-item: one word for all, or a word per item. */
  async rateAll(rating: RatingWord | ((item: string) => RatingWord)): Promise<void> {
    for (const item of await this.itemNames()) await this.rate(item, typeof rating === 'string' ? rating : rating(item));
  }

  pointsInput(item: string): Locator {
    return this.sheet.getByLabel(`${item}得分`, { exact: true });
  }

  async points(item: string): Promise<string> {
    return this.pointsInput(item).inputValue();
  }

  async setPoints(item: string, points: string): Promise<void> {
    await this.pointsInput(item).fill(points);
    await this.pointsInput(item).blur();
  }

  /** What the points field says under it: the rating's band ("9–10 分"), or its error. */
  async bandOf(item: string): Promise<string> {
    const ids = (await this.pointsInput(item).getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
    const id = ids.find((i) => i.endsWith('-description'));
    return id ? this.page.locator(`[id="${id}"]`).innerText() : '';
  }

  async pointsError(item: string): Promise<string | null> {
    return fieldError(this.pointsInput(item));
  }

  async setBasis(item: string, text: string): Promise<void> {
    await this.sheet.getByLabel(`${item}评分依据`, { exact: true }).fill(text);
  }

  async subtotal(dimension: string): Promise<string> {
    return this.sheet.getByLabel(`${dimension}小计`, { exact: true }).innerText();
  }

  async fillReport(entry: ReportEntry): Promise<void> {
    const report = this.page.getByRole('region', { name: '评估报告' });
    if (entry.assessor) await report.getByLabel(entry.assessor, { exact: true }).check();
    if (entry.assessorName !== undefined) await report.getByLabel('评估机构/人员', { exact: true }).fill(entry.assessorName);
    if (entry.recommendedBudget !== undefined) await report.getByLabel('建议预算数（万元）', { exact: true }).fill(entry.recommendedBudget);
    if (entry.workSummary !== undefined) await report.getByLabel('评估工作开展情况', { exact: true }).fill(entry.workSummary);
    if (entry.findings !== undefined) await report.getByLabel('评估发现/综合评估情况', { exact: true }).fill(entry.findings);
    if (entry.suggestions !== undefined) await report.getByLabel('相关建议', { exact: true }).fill(entry.suggestions);
    if (entry.otherNotes !== undefined) await report.getByLabel('其他需要说明的问题', { exact: true }).fill(entry.otherNotes);
  }

  async reportErrorAt(label: string): Promise<string | null> {
    return fieldError(this.page.getByRole('region', { name: '评估报告' }).getByLabel(label, { exact: true }));
  }

  // —— live summary, 保存, 定稿 ——

  async total(): Promise<string> {
    return this.summary.getByLabel('总分', { exact: true }).innerText();
  }

  async conclusion(): Promise<string> {
    return this.summary.getByLabel('评估结论', { exact: true }).innerText();
  }

  async problems(): Promise<string[]> {
    const list = this.summary.getByLabel('评分问题');
    if (!(await list.isVisible())) return [];
    return (await list.locator('li').allInnerTexts()).map((t) => t.trim());
  }

  /** Presses 保存 and waits for the ledger's answer. */
  async save(): Promise<void> {
    const answered = this.answer();
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
    await answered;
  }

  /** Presses 定稿; confirms when asked; waits until the page shows the assessment final. */
  async finalize(): Promise<void> {
    await this.page.getByRole('button', { name: '定稿', exact: true }).click();
    await this.page.getByRole('dialog', { name: '确认定稿' }).getByRole('button', { name: '确认定稿' }).click();
    await this.page.getByLabel('定稿结论').waitFor();
  }

  /** Presses 定稿 where the ledger must refuse (no confirmation is asked for an incomplete score). */
  async tryFinalize(): Promise<string> {
    await this.page.getByRole('button', { name: '定稿', exact: true }).click();
    const alert = this.page.getByRole('alert').filter({ hasText: '未能定稿' });
    await alert.waitFor();
    return alert.innerText();
  }

  confirmDialog(): Locator {
    return this.page.getByRole('dialog', { name: '确认定稿' });
  }

  async status(): Promise<string> {
    return this.page.getByLabel('评估状态').innerText();
  }

  async finalConclusion(): Promise<string> {
    return this.page.getByLabel('定稿结论').innerText();
  }

  /** Whether the 评分表 can still be typed in. */
  async sheetEditable(item: string): Promise<boolean> {
    return !(await this.pointsInput(item)
      .getAttribute('readonly')
      .then((v) => v !== null));
  }

  // —— 项目库关口 ——

  async libraryStatus(): Promise<string> {
    return this.gate.getByLabel('项目库状态').innerText();
  }

  async gateCondition(): Promise<string> {
    return this.gate.getByRole('alert', { name: '暂不能入库' }).locator('.mantine-Alert-message').innerText();
  }

  /** Presses 入库 and waits for the ledger's answer. */
  async admit(): Promise<void> {
    const answered = this.answer();
    await this.gate.getByRole('button', { name: '项目入库' }).click();
    await answered;
  }

  async admitRefusal(): Promise<string> {
    const alert = this.gate.getByRole('alert', { name: '入库被拒绝' });
    await alert.waitFor();
    return alert.innerText();
  }

  // —— 复核调整后方案 ——

  async recheck(plan: string): Promise<void> {
    await this.recheckPanel.getByLabel('调整完善后的方案要点').fill(plan);
    const answered = this.answer();
    await this.recheckPanel.getByRole('button', { name: '复核通过' }).click();
    await answered;
  }

  async recheckError(): Promise<string | null> {
    return fieldError(this.recheckPanel.getByLabel('调整完善后的方案要点'));
  }

  // —— exports ——

  /** 导出评分表 or 导出评估报告: returns the name the browser saved the download under. */
  async export(button: '导出评分表' | '导出评估报告', saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button, exact: true }).click();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }

  /** Closes every notice, including those queued behind the three shown, so screenshots are unobstructed. */
  async dismissNotices(): Promise<void> {
    const notices = this.page.locator('.mantine-Notification-root');
    for (let round = 0; round < 10 && (await notices.count()) > 0; round++) {
      for (const close of await notices.locator('button').all()) await close.click({ timeout: 1_000 }).catch(() => undefined);
      await this.page.waitForTimeout(300);
    }
  }

  /** Before a whole-page screenshot: no notices over the page, scrolled to the top. */
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
