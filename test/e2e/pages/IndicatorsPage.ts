import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError, pickOption } from './AppShellPage';

export interface IndicatorEntry {
  className?: string;
  level1?: string;
  level2?: string;
  name?: string;
  /** As the form lists it: "≥ 大于等于", "定性" … */
  nature?: string;
  unit?: string;
  explanation?: string;
  standard?: string;
  referenceHint?: string;
  keywords?: string;
  mandatory?: boolean;
}

/** Column positions in the indicator table (1-based, as nth-child counts). */
const COLUMN = { className: 1, level1: 2, level2: 3, name: 4, nature: 5, unit: 6, reference: 7, marks: 8 } as const;

/** 指标库: the class list, the search and filters, the table, the details, the forms and the recommendations. */
export class IndicatorsPage {
  readonly shell: AppShellPage;
  readonly classList: Locator;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly details: Locator;
  readonly recommendations: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.classList = page.getByRole('navigation', { name: '指标类别' });
    this.table = page.getByRole('table', { name: '指标列表' });
    this.rows = this.table.locator('tbody tr');
    this.summary = page.getByRole('status', { name: '指标合计' });
    this.details = page.getByRole('dialog', { name: '指标详情' });
    this.recommendations = page.getByRole('dialog', { name: '为项目推荐指标' });
  }

  /** Opens 指标库 afresh: all classes, no search or filters (leaving for an area that reads nothing first). */
  async open(): Promise<void> {
    await this.shell.openArea('事前评估');
    await this.shell.openArea('指标库');
    await this.table.waitFor();
  }

  /** Each class as the list shows it: name → active count ("全部" first). */
  async classCounts(): Promise<[string, number][]> {
    const labels = await this.classList
      .getByRole('button')
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
    return labels.map((l) => {
      const m = /^(.+)：启用 (\d+) 条/.exec(l);
      return [m?.[1] ?? l, Number(m?.[2] ?? NaN)];
    });
  }

  async chooseClass(name: string): Promise<void> {
    await this.classList.getByRole('button', { name: new RegExp(`^${name}：`) }).click();
  }

  async search(text: string): Promise<void> {
    await this.page.getByRole('textbox', { name: '搜索', exact: true }).fill(text);
  }

  async filterBy(filter: '一级指标' | '二级指标', option: string): Promise<void> {
    await pickOption(this.page, this.shell.main.getByRole('combobox', { name: filter, exact: true }), option);
  }

  async summaryText(): Promise<string> {
    return this.summary.innerText();
  }

  async indicatorNames(): Promise<string[]> {
    return this.column('name');
  }

  async column(name: keyof typeof COLUMN): Promise<string[]> {
    if (await this.table.getByText(/没有符合条件|都已停用|还没有指标/).isVisible()) return [];
    return (await this.rows.locator(`td:nth-child(${COLUMN[name]})`).allInnerTexts()).map((t) => t.trim());
  }

  rowOf(indicatorName: string): Locator {
    return this.rows.filter({ has: this.page.locator(`td:nth-child(${COLUMN.name})`, { hasText: new RegExp(`^${indicatorName}$`) }) });
  }

  /** [一级, 二级] as the table shows them for an indicator. */
  async levelsOf(indicatorName: string): Promise<string[]> {
    const cells = await this.rowOf(indicatorName).first().locator('td').allInnerTexts();
    return [cells[COLUMN.level1 - 1]!.trim(), cells[COLUMN.level2 - 1]!.trim()];
  }

  async marksOf(indicatorName: string): Promise<string> {
    return (await this.rowOf(indicatorName).first().locator(`td:nth-child(${COLUMN.marks})`).innerText()).trim();
  }

  /** Shows the library by 三分法 or 四分法; writes nothing. */
  async showAs(layout: '三分法' | '四分法'): Promise<void> {
    await this.shell.main.locator('label', { hasText: new RegExp(`^按${layout}$`) }).click();
  }

  /** "2023 年度指标体系：三分法", as the header states the year's system. */
  async yearLayoutText(): Promise<string> {
    return (await this.page.getByLabel('年度指标体系', { exact: true }).innerText()).trim();
  }

  /** Clicks 更改… beside the year's system; the confirmation stays open for the caller. */
  async startChangingLayout(): Promise<Locator> {
    await this.shell.main.getByRole('button', { name: '更改…' }).click();
    const confirm = this.dialog(/^更改 \d+ 年度的指标体系？$/);
    await confirm.waitFor();
    return confirm;
  }

  /** Changes the year's system to the other one through the confirmation, waiting for the ledger's answer. */
  async changeLayout(): Promise<void> {
    const confirm = await this.startChangingLayout();
    const answered = this.page.waitForResponse(
      (r) => r.url().endsWith('/api/call') && r.request().postData()?.includes('years.setIndicatorLayout') === true,
    );
    await confirm.getByRole('button', { name: /^改为/ }).click();
    await answered;
    await confirm.waitFor({ state: 'detached', timeout: 5_000 });
  }

  async setShowRetired(on: boolean): Promise<void> {
    await this.shell.main.getByRole('switch', { name: '显示已停用' }).setChecked(on, { force: true });
  }

  async openDetails(indicatorName: string): Promise<void> {
    await this.rowOf(indicatorName).first().getByRole('button', { name: indicatorName, exact: true }).click();
    await this.details.waitFor();
    await settled(this.details);
  }

  /** The details drawer's facts, label → value. */
  async detailFacts(): Promise<Record<string, string>> {
    const list = this.details.getByRole('list', { name: '指标信息' }).or(this.details.locator('dl'));
    const labels = await list.first().locator('dt').allInnerTexts();
    const values = await list.first().locator('dd').allInnerTexts();
    return Object.fromEntries(labels.map((l, i) => [l.trim(), (values[i] ?? '').trim()]));
  }

  async closeDetails(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.details.waitFor({ state: 'hidden' });
  }

  dialog(title: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name: title });
  }

  async startAddingIndicator(): Promise<void> {
    await this.shell.main.getByRole('button', { name: '新增指标', exact: true }).click();
    await this.dialog('新增指标').waitFor();
  }

  async fillIndicator(entry: IndicatorEntry, title = '新增指标'): Promise<void> {
    const form = this.dialog(title);
    if (entry.className !== undefined)
      await pickOption(this.page, form.getByRole('combobox', { name: '指标类别', exact: true }), entry.className, { type: true });
    if (entry.level1 !== undefined)
      await pickOption(this.page, form.getByRole('combobox', { name: '一级指标', exact: true }), entry.level1);
    if (entry.level2 !== undefined)
      await pickOption(this.page, form.getByRole('combobox', { name: '二级指标', exact: true }), entry.level2);
    if (entry.name !== undefined) await form.getByLabel('三级指标名称', { exact: true }).fill(entry.name);
    if (entry.nature !== undefined)
      await pickOption(this.page, form.getByRole('combobox', { name: '指标性质', exact: true }), entry.nature);
    if (entry.unit !== undefined) {
      await form.getByLabel('计量单位', { exact: true }).fill(entry.unit);
      await this.page.keyboard.press('Escape');
    }
    if (entry.explanation !== undefined) await form.getByLabel('指标解释/计算方法', { exact: true }).fill(entry.explanation);
    if (entry.standard !== undefined)
      await pickOption(this.page, form.getByRole('combobox', { name: '绩效标准', exact: true }), entry.standard);
    if (entry.referenceHint !== undefined) await form.getByLabel('参考值', { exact: true }).fill(entry.referenceHint);
    if (entry.keywords !== undefined) await form.getByLabel('关键词', { exact: true }).fill(entry.keywords);
    if (entry.mandatory !== undefined) await form.getByLabel('本类必选指标').setChecked(entry.mandatory);
  }

  async save(title = '新增指标'): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await this.dialog(title).getByRole('button', { name: '保存' }).click();
    await answered;
  }

  async errorAt(label: string, title = '新增指标'): Promise<string | null> {
    return fieldError(this.dialog(title).getByLabel(label, { exact: true }));
  }

  async addIndicator(entry: IndicatorEntry): Promise<void> {
    await this.startAddingIndicator();
    await this.fillIndicator(entry);
    await this.save();
    await this.dialog('新增指标').waitFor({ state: 'detached', timeout: 5_000 });
  }

  async addClass(name: string): Promise<void> {
    await this.shell.main.getByRole('button', { name: '新增类别', exact: true }).click();
    const form = this.dialog('新增指标类别');
    await form.getByLabel('类别名称', { exact: true }).fill(name);
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await form.getByRole('button', { name: '保存' }).click();
    await answered;
  }

  async classNameError(): Promise<string | null> {
    return fieldError(this.dialog('新增指标类别').getByLabel('类别名称', { exact: true }));
  }

  /** Clicks 停用 on a row; the confirmation dialog stays open for the caller. */
  async startRetiring(indicatorName: string): Promise<Locator> {
    await this.rowOf(indicatorName)
      .first()
      .getByRole('button', { name: `停用 ${indicatorName}`, exact: true })
      .click();
    const confirm = this.dialog(`停用指标“${indicatorName}”？`);
    await confirm.waitFor();
    return confirm;
  }

  async confirmRetire(confirm: Locator): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await confirm.getByRole('button', { name: '确认停用' }).click();
    await answered;
    await confirm.waitFor({ state: 'detached', timeout: 5_000 });
  }

  async reinstate(indicatorName: string): Promise<void> {
    const answered = this.page.waitForResponse((r) => r.url().endsWith('/api/call'));
    await this.rowOf(indicatorName)
      .first()
      .getByRole('button', { name: `恢复 ${indicatorName}`, exact: true })
      .click();
    await answered;
  }

  /** Closes the notices in the corner, so they cover nothing in the next screenshot. */
  async dismissNotices(): Promise<void> {
    const notices = this.page.locator('.mantine-Notification-root');
    for (const close of await notices.locator('button').all()) await close.click().catch(() => undefined);
    await notices
      .first()
      .waitFor({ state: 'detached', timeout: 2_000 })
      .catch(() => undefined);
  }

  async openRecommendations(): Promise<void> {
    await this.shell.main.getByRole('button', { name: '为项目推荐指标' }).click();
    await this.recommendations.waitFor();
    await settled(this.recommendations);
  }

  async recommendFor(projectName: string, goal?: string): Promise<void> {
    await pickOption(this.page, this.recommendations.getByRole('combobox', { name: '项目', exact: true }), projectName, { type: true });
    if (goal !== undefined) await this.recommendations.getByLabel('绩效目标（可选）').fill(goal);
  }

  async recommendationSummary(): Promise<string> {
    return this.recommendations.getByRole('status', { name: '推荐结果' }).innerText();
  }

  /** The suggestions, best first: 三级指标, 类别 and the reasons shown beside it. */
  async recommended(): Promise<{ name: string; className: string; reasons: string[] }[]> {
    const rows = this.recommendations.getByRole('table', { name: '推荐指标' }).locator('tbody tr');
    // One read of the whole table, so a poll never sees it half-way through a re-render.
    return rows.evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        return {
          name: cells[1]?.textContent?.trim() ?? '',
          className: cells[2]?.textContent?.trim() ?? '',
          reasons: [...(cells[4]?.querySelectorAll('.mantine-Badge-root') ?? [])].map((b) => b.textContent?.trim() ?? ''),
        };
      }),
    );
  }
}

/** Waits until a drawer or dialog has finished sliding in (its box stops moving), for screenshots. */
async function settled(locator: Locator): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const box = JSON.stringify(await locator.boundingBox());
    if (box === last) return;
    last = box;
    await locator.page().waitForTimeout(50);
  }
}
