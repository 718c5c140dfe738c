/**
 * Experts score in Excel: the bureau exports the evaluation's 专家评分表 (one sheet per expert), the
 * experts fill their sheets, and the workbook comes back through the same preview as every import;
 * the 评分表 on screen then shows the recorded scores.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { projects } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import { getKeyEvaluation, selectForEvaluation, type KeyEvaluationView } from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { setExperts } from '../../electron/keyEvaluations/keyEvaluationScoring';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { KeyEvaluationsPage } from './pages/KeyEvaluationsPage';
import { formatScore } from '../../electron/rules/numberFormat';

const ROTATION = '2023年耕地轮作补助项目';
let evaluation: KeyEvaluationView;

function fill(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  const project = ctx.ledger.db.select().from(projects).where(eq(projects.name, ROTATION)).get()!;
  const v = selectForEvaluation(ctx, {
    year: 2023,
    subject: 'project',
    projectId: project.id,
    selectionReason: '补助资金量大、受益农户多',
    evaluator: 'bureau',
  });
  applyFrameworkTemplate(ctx, { id: v.id, templateId: 'national10', weights: [20, 20, 30, 30] });
  evaluation = setExperts(ctx, { id: v.id, names: ['张专家', '李专家'] });
}

const indicators = () => evaluation.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators));

describeInChromium('专家评分表', () => {
  let session: Session;
  let ke: KeyEvaluationsPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-expert-sheet-'));

  beforeAll(async () => {
    session = await startSession(fill);
    ke = new KeyEvaluationsPage(session.page);
    await ke.shell.chooseYear(2023);
    await ke.open();
    await ke.table
      .getByRole('row', { name: new RegExp(ROTATION) })
      .getByRole('button', { name: '继续评价' })
      .click();
    await ke.tab('专家评分');
    await ke.grid.waitFor();
  });

  afterEach(async () => {
    await ke.dismissNotices();
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('exports the workbook, takes the experts’ sheets back through the preview, and the grid shows the scores', async () => {
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: '导出专家评分表' }).click();
    const d = await download;
    const file = path.join(folder, d.suggestedFilename());
    await d.saveAs(file);
    expect(d.suggestedFilename()).toBe(`${ROTATION}专家评分表.xlsx`);

    // 张专家 scores every indicator at 90% of its points; 李专家 only the first, with a basis.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    expect(book.worksheets.map((w) => w.name)).toEqual(['张专家', '李专家']);
    const rowOf = (sheet: ExcelJS.Worksheet, name: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 3).value === name) return r;
      throw new Error(`no row for ${name}`);
    };
    const zhang = book.getWorksheet('张专家')!;
    for (const i of indicators()) zhang.getCell(rowOf(zhang, i.name), 6).value = Math.round(i.points * 0.9 * 100) / 100;
    const li = book.getWorksheet('李专家')!;
    const first = indicators()[0]!;
    li.getCell(rowOf(li, first.name), 6).value = 1.5;
    li.getCell(rowOf(li, first.name), 7).value = '立项依据基本充分';
    const filled = path.join(folder, '专家评分表（已填）.xlsx');
    await book.xlsx.writeFile(filled);

    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: '导入专家评分表' }).click();
    await (await chooser).setFiles(filled);
    const dialog = session.page.getByRole('dialog', { name: /导入专家评分表预览/ });
    await dialog.waitFor();
    expect(await dialog.getByLabel('导入摘要').innerText()).toContain('记录评分 2');
    const rows = await dialog
      .getByRole('table', { name: '各专家评分表的导入结果' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(rows).toEqual([
      ['张专家', '张专家', String(indicators().length), String(indicators().length), String(indicators().length), '记录评分'],
      ['李专家', '李专家', String(indicators().length), '1', '1', '记录评分'],
    ]);
    await session.screenshot('84-专家评分表导入预览', { fullPage: false });
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The grid starts again from the recorded scores.
    await expect.poll(() => ke.cell('李专家', first.name).inputValue()).toBe('1.50');
    expect(await ke.cell('张专家', first.name).inputValue()).toBe(formatScore(first.points * 0.9));
    const after = getKeyEvaluation(session.ctx, { id: evaluation.id });
    expect(after.status).toBe('scoring');
    expect(after.scores).toHaveLength(indicators().length + 1);
    expect(after.scores.find((s) => s.expert === '李专家')).toMatchObject({
      indicatorCode: first.code,
      score: 1.5,
      basis: '立项依据基本充分',
    });
  });
});
