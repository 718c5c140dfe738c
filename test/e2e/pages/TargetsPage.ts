import type { Locator, Page } from 'playwright-core';
import { AppShellPage, fieldError, pickOption } from './AppShellPage';

export type Party = '预算单位（主管部门）' | '财政局（业务股室、绩效股）' | '第三方机构';
export type Grade = '优' | '良' | '中' | '差';

export interface OpinionEntry {
  reviewer: string;
  /** 完整性, 相关性, 适当性, 可行性 in that order. */
  grades: [Grade, Grade, Grade, Grade];
  opinion: string;
}

export interface CustomIndicatorEntry {
  level1: string;
  level2: string;
  name: string;
  nature?: string;
  value: string;
  unit: string;
}

type Track = '预算' | '目标';
type Step = '布置' | '申报' | '审核' | '批复' | '公开';

/** A table's body as each cell's text, one line per block inside the cell. */
function cellTexts(table: Locator): Promise<string[][]> {
  return table
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim().replace(/\n{2,}/g, '\n'))));
}

/** Column positions in the target list (1-based, as nth-child counts). */
const COLUMN = { name: 2, unit: 3, department: 4, budget: 5, status: 6, indicators: 7, rounds: 8, lastResult: 9 } as const;

/** 项目与目标 → 绩效目标 and 五个同步: the list, one target's page (申报表, 机审清单, 会审, 历史), the board. */
export class TargetsPage {
  readonly shell: AppShellPage;
  readonly table: Locator;
  readonly rows: Locator;
  readonly summary: Locator;
  readonly header: Locator;
  readonly form: Locator;
  readonly checklist: Locator;
  readonly board: Locator;

  constructor(readonly page: Page) {
    this.shell = new AppShellPage(page);
    this.table = page.getByRole('table', { name: '绩效目标列表' });
    this.rows = this.table.locator('tbody tr');
    this.summary = page.getByRole('status', { name: '绩效目标合计' });
    this.header = page.locator('header[aria-label="目标概况"]');
    this.form = page.getByRole('form', { name: '绩效目标申报表' });
    this.checklist = page.getByRole('region', { name: '机审清单' });
    this.board = page.getByRole('table', { name: '五个同步' });
  }

  // ── the list ──────────────────────────────────────────────────────────────

  /** Opens 绩效目标 afresh (leaving for another tab first, so the list is read again). */
  async open(): Promise<void> {
    await this.shell.openArea('项目与目标');
    await this.tab('项目').click();
    await this.tab('绩效目标').click();
    const back = this.page.getByRole('button', { name: '← 返回目标列表' });
    if (await back.isVisible()) await this.backToList({ discard: true });
    await this.table.waitFor();
  }

  tab(name: string): Locator {
    return this.page.getByRole('tab', { name, exact: true });
  }

  async summaryText(): Promise<string> {
    return this.summary.innerText();
  }

  rowOf(name: string): Locator {
    return this.rows.filter({ has: this.page.getByText(name, { exact: true }) });
  }

  async cell(name: string, column: keyof typeof COLUMN): Promise<string> {
    return (await this.rowOf(name).locator(`td:nth-child(${COLUMN[column]})`).innerText()).trim();
  }

  async names(): Promise<string[]> {
    if (await this.table.getByText(/没有符合条件|还没有项目/).isVisible()) return [];
    // The name is the cell's first line; badges (重大, 部门整体) and the code follow it.
    return (await this.rows.locator(`td:nth-child(${COLUMN.name})`).allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
  }

  async statuses(): Promise<string[]> {
    return (await this.rows.locator(`td:nth-child(${COLUMN.status})`).allInnerTexts()).map((t) => t.trim());
  }

  async showOnlyMissing(on: boolean): Promise<void> {
    await this.page.getByRole('switch', { name: '只看未填报目标的项目' }).setChecked(on);
  }

  async filterByStatus(status: string | null): Promise<void> {
    const select = this.page.getByRole('combobox', { name: '状态', exact: true });
    if (status === null) await select.locator('xpath=ancestor::*[contains(@class,"mantine-Select-root")]').locator('button').click();
    else await pickOption(this.page, select, status);
  }

  async choose(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `选择 ${name}`, exact: true }).check();
  }

  /** 批复所选 / 登记公开, waiting for the ledger's answer. */
  async moveChosen(button: '批复所选' | '登记公开'): Promise<void> {
    await this.answered(() => this.page.getByRole('button', { name: button }).click());
  }

  async refusal(): Promise<string> {
    return this.page.getByRole('alert').filter({ hasText: /未能/ }).innerText();
  }

  /** 填报 on a project without targets: the target page opens on its 申报表. */
  async startDeclaring(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `填报 ${name}`, exact: true }).click();
    await this.form.waitFor();
  }

  async openTarget(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `打开 ${name}`, exact: true }).click();
    await this.header.waitFor();
  }

  async backToList(options: { discard?: boolean } = {}): Promise<void> {
    await this.page.getByRole('button', { name: '← 返回目标列表' }).click();
    if (options.discard) {
      const discard = this.page.getByRole('button', { name: '放弃修改并返回' });
      if (await discard.isVisible()) await discard.click();
    }
    await this.table.waitFor();
  }

  // ── one target: 申报表 ────────────────────────────────────────────────────

  async status(): Promise<string> {
    return this.page.getByLabel('目标状态').innerText();
  }

  async openSection(name: '申报表' | '三方联合会审' | '会审历史' | '调整记录'): Promise<void> {
    await this.page.getByRole('tab', { name: new RegExp(`^${name}`) }).click();
  }

  async chooseClass(name: string): Promise<void> {
    await pickOption(this.page, this.form.getByRole('combobox', { name: '指标类别', exact: true }), name, { type: true });
  }

  /** A text field of the 申报表 by its label (a required field's asterisk is not part of it). */
  field(label: string): Locator {
    return this.form.getByRole('textbox', { name: label, exact: true });
  }

  async fill(label: string, text: string): Promise<void> {
    await this.field(label).fill(text);
  }

  async valueOf(label: string): Promise<string> {
    return this.field(label).inputValue();
  }

  /** 从指标库添加: picks each indicator from the browse list (narrowed to the target's class). */
  async addFromLibrary(names: string[]): Promise<void> {
    const drawer = await this.openPicker();
    for (const name of names) {
      await drawer.getByRole('textbox', { name: '查找指标' }).fill(name);
      await drawer.getByRole('button', { name: `添加 ${name}`, exact: true }).click();
    }
    await this.closePicker();
  }

  async openPicker(): Promise<Locator> {
    await this.form.getByRole('button', { name: '从指标库添加' }).click();
    const drawer = this.page.getByRole('dialog', { name: /从指标库添加/ });
    await drawer.waitFor();
    return drawer;
  }

  async closePicker(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.getByRole('dialog', { name: /从指标库添加/ }).waitFor({ state: 'detached' });
  }

  async setIndicatorValue(name: string, value: string): Promise<void> {
    await this.form.getByRole('textbox', { name: `指标值 ${name}`, exact: true }).fill(value);
  }

  async addCustomIndicator(entry: CustomIndicatorEntry): Promise<void> {
    await this.form.getByRole('button', { name: '添加个性指标' }).click();
    const d = this.page.getByRole('dialog', { name: /添加个性指标/ });
    await pickOption(this.page, d.getByRole('combobox', { name: '一级指标', exact: true }), entry.level1);
    await pickOption(this.page, d.getByRole('combobox', { name: '二级指标', exact: true }), entry.level2);
    await d.getByLabel('三级指标名称', { exact: true }).fill(entry.name);
    if (entry.nature) await pickOption(this.page, d.getByRole('combobox', { name: '性质', exact: true }), entry.nature);
    await d.getByLabel('指标值', { exact: true }).fill(entry.value);
    await d.getByLabel('计量单位', { exact: true }).fill(entry.unit);
    await d.getByRole('button', { name: '加入目标' }).click();
    await d.waitFor({ state: 'detached' });
  }

  /** The indicator table as shown: [一级, 二级, 三级, 性质, 指标值, 计量单位, 类型] per row (merged cells repeated). */
  async indicatorRows(): Promise<string[][]> {
    const table = this.form.getByRole('table', { name: '年度绩效指标' });
    return table.locator('tbody tr').evaluateAll((trs) => {
      const carried: string[] = [];
      const spans: number[] = [];
      return trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')];
        const row: string[] = [];
        let col = 0;
        for (let c = 0; col < 7; col++) {
          if ((spans[col] ?? 0) > 0) {
            spans[col]! -= 1;
            row.push(carried[col]!);
            continue;
          }
          const td = cells[c++];
          if (!td) break;
          const input = td.querySelector('input');
          const text = input ? input.value : (td.innerText ?? '').trim();
          row.push(text);
          const span = Number(td.getAttribute('rowspan') ?? 1);
          if (span > 1) {
            spans[col] = span - 1;
            carried[col] = text;
          }
        }
        return row;
      });
    });
  }

  async save(): Promise<void> {
    await this.answered(() => this.form.getByRole('button', { name: /^保存/ }).click());
  }

  async errorAt(label: string): Promise<string | null> {
    return fieldError(this.field(label));
  }

  /** The 机审清单 as [结果, 检查项] pairs: 通过 / 未通过 / 提醒. */
  async checks(): Promise<[string, string][]> {
    const labels = await this.checklist.getByRole('listitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
    return labels.map((l) => l.split('：', 2) as [string, string]);
  }

  async checkResult(): Promise<string> {
    return this.checklist.getByRole('status', { name: '机审结果' }).innerText();
  }

  async submitForReview(): Promise<void> {
    await this.answered(() => this.checklist.getByRole('button', { name: '提交会审' }).click());
  }

  async checklistRefusal(): Promise<string> {
    return this.checklist.getByRole('alert').innerText();
  }

  // ── one target: 三方联合会审 ──────────────────────────────────────────────

  party(name: Party): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  async recordOpinion(party: Party, entry: OpinionEntry): Promise<void> {
    const card = this.party(party);
    await card.getByLabel('审核人', { exact: true }).fill(entry.reviewer);
    const dimensions = ['完整性', '相关性', '适当性', '可行性'];
    for (const [i, d] of dimensions.entries()) {
      await card.getByRole('radiogroup', { name: d }).getByText(entry.grades[i]!, { exact: true }).click();
    }
    await card.getByLabel('修改意见', { exact: true }).fill(entry.opinion);
    await this.answered(() => card.getByRole('button', { name: '保存意见' }).click());
    await card.getByText('已提出意见').waitFor();
  }

  get decision(): Locator {
    return this.page.getByRole('region', { name: '会审结论', exact: true });
  }

  async suggestedGrade(): Promise<string> {
    return this.decision.getByRole('combobox', { name: '结论等级' }).inputValue();
  }

  async outcomeMeaning(): Promise<string> {
    return this.decision.getByLabel('结论含义').innerText();
  }

  async decide(note: string): Promise<void> {
    await this.decision.getByLabel('结论说明').fill(note);
    await this.answered(() => this.decision.getByRole('button', { name: '作出结论' }).click());
  }

  /** The rounds side by side in 会审历史, each column's text. */
  historyColumn(name: string): Locator {
    return this.page.getByRole('region', { name, exact: true });
  }

  // ── workbooks: 申报模板, 申报表, 公开表, 会审意见表 ──────────────────────────

  /** 导出申报模板 for one unit (by its name as listed) or all units; returns where the download went and its suggested name. */
  async exportTemplate(unit: string | null, saveAs: string): Promise<string> {
    await this.page.getByRole('button', { name: '导出申报模板' }).click();
    const dialog = this.page.getByRole('dialog', { name: /导出绩效目标申报模板/ });
    await dialog.waitFor();
    if (unit === null) await dialog.getByRole('radio', { name: /^全部单位/ }).check();
    else {
      await dialog.getByRole('combobox', { name: '预算单位' }).fill(unit);
      await this.page.getByRole('option', { name: new RegExp(`^${unit}（\\d+ 个项目）$`) }).click();
    }
    return this.download(() => dialog.getByRole('button', { name: '导出', exact: true }).click(), saveAs);
  }

  /** 导入申报表: picks the file and returns the preview dialog. */
  async importDeclarations(file: string): Promise<Locator> {
    return this.pickFile('导入申报表', file, /导入申报表预览/);
  }

  async exportPublication(saveAs: string): Promise<string> {
    return this.download(() => this.page.getByRole('button', { name: '导出公开表' }).click(), saveAs);
  }

  /** 导出会审意见表, on the list (for the chosen rows) or on a target's 三方联合会审 panel. */
  async exportReviewSheet(saveAs: string): Promise<string> {
    return this.download(() => this.page.getByRole('button', { name: '导出会审意见表' }).click(), saveAs);
  }

  async importReviewSheet(file: string): Promise<Locator> {
    return this.pickFile('导入会审意见表', file, /导入会审意见表预览/);
  }

  /** 确认导入 in a preview, waiting until the dialog has gone. */
  async confirmImport(preview: Locator): Promise<void> {
    await preview.getByRole('button', { name: '确认导入' }).click();
    await preview.waitFor({ state: 'detached' });
  }

  /** The rows of a preview's per-sheet table (各申报表/各会审意见表的导入结果), each as its cells' text. */
  async planRows(preview: Locator, table: '各申报表的导入结果' | '各会审意见表的导入结果'): Promise<string[][]> {
    return cellTexts(preview.getByRole('table', { name: table }));
  }

  /** A sheet's errors in a preview: [行, 列, 内容, 问题] per row. */
  async sheetErrors(preview: Locator, sheet: string): Promise<string[][]> {
    const region = preview.getByRole('region', { name: `工作表“${sheet}”的错误`, exact: true });
    return cellTexts(region.getByRole('table', { name: '导入错误' }));
  }

  /** The text of the newest notification with this title. */
  async notification(title: string): Promise<string> {
    const note = this.page.locator('.mantine-Notification-root').filter({ hasText: title }).last();
    await note.waitFor();
    return note.innerText();
  }

  private async pickFile(button: string, file: string, dialogName: RegExp): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: button }).click();
    await (await chooser).setFiles(file);
    const preview = this.page.getByRole('dialog', { name: dialogName });
    await preview.waitFor();
    return preview;
  }

  private async download(act: () => Promise<void>, saveAs: string): Promise<string> {
    const download = this.page.waitForEvent('download');
    await act();
    const d = await download;
    await d.saveAs(saveAs);
    return d.suggestedFilename();
  }

  // ── 五个同步 ──────────────────────────────────────────────────────────────

  async openSyncBoard(): Promise<void> {
    await this.shell.openArea('项目与目标');
    await this.tab('项目').click();
    await this.tab('五个同步').click();
    await this.board.waitFor();
  }

  syncCell(name: string, track: Track, step: Step): Locator {
    return this.board.getByRole('button', { name: `${name} ${track}${step}日期`, exact: true });
  }

  async setSyncDate(name: string, track: Track, step: Step, date: string): Promise<void> {
    await this.syncCell(name, track, step).click();
    const popup = this.page.getByRole('form', { name: `修改${track}${step}日期` });
    await popup.getByLabel(`${track}${step}日期`, { exact: true }).fill(date);
    await this.answered(() => popup.getByRole('button', { name: '保存' }).click());
  }

  async stepCount(step: Step): Promise<string> {
    return this.page.getByLabel(`${step}完成数`).innerText();
  }

  laggingBadge(name: string): Locator {
    return this.board.locator('tr', { has: this.page.getByText(name, { exact: true }) }).getByText('滞后', { exact: true });
  }

  /** Waits for the ledger's answer to what the action sends. */
  private async answered(act: () => Promise<void>): Promise<void> {
    const response = this.page.waitForResponse((r) => r.url().endsWith('/api/call') && r.request().method() === 'POST');
    await act();
    await response;
  }
}
