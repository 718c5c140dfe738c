/**
 * Units fill the monitoring form in Excel: the bureau exports the round's template, a unit fills a
 * sheet, and the filled workbook comes back through the same preview as every import.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { monitoringForm } from '../../electron/monitoring/monitoringEntries';
import { setupRound } from '../ledger/monitoringFixture';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { MonitoringPage } from './pages/MonitoringPage';

let round: ReturnType<typeof setupRound>;
function fill(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  round = setupRound(ctx);
}

describeInChromium('监控表的 Excel 模板', () => {
  let session: Session;
  let monitoring: MonitoringPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-monitoring-template-'));

  beforeAll(async () => {
    session = await startSession(fill);
    monitoring = new MonitoringPage(session.page);
    await monitoring.shell.chooseYear(2023);
    await monitoring.open();
    await monitoring.chooseRound('5月项目监控');
    await monitoring.tab('监控表');
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('exports the template, takes a filled sheet back through the preview, and saves it', async () => {
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: '导出监控表模板' }).click();
    const d = await download;
    const file = path.join(folder, d.suggestedFilename());
    await d.saveAs(file);

    // The unit fills P4's form: 当前完成值 in column E of each indicator row, 完成可能性 in G.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const sheet = book.getWorksheet('P4')!;
    const rowOf = (name: string) => {
      for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === name) return r;
      throw new Error(`no row for ${name}`);
    };
    sheet.getCell(rowOf('培训人次'), 5).value = '520';
    sheet.getCell(rowOf('培训人次'), 7).value = '确定能';
    sheet.getCell(rowOf('参训人员满意度'), 5).value = '93';
    sheet.getCell(rowOf('参训人员满意度'), 7).value = '确定能';
    const filled = path.join(folder, '农机补贴监控表（已填）.xlsx');
    await book.xlsx.writeFile(filled);

    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: '导入监控表' }).click();
    await (await chooser).setFiles(filled);
    const dialog = session.page.getByRole('dialog', { name: /导入监控表预览/ });
    await dialog.waitFor();
    expect(await dialog.getByLabel('导入摘要').innerText()).toContain('保存 1');
    await session.screenshot('76-监控表导入预览', { fullPage: false });
    await dialog.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'hidden' });

    const form = monitoringForm(session.ctx, { roundId: round.may.id, targetId: round.t4.id });
    expect(form.rows.find((r) => r.indicator.name === '培训人次')).toMatchObject({ currentValue: '520', likelihood: 'certain' });
    expect(form.filled).toBe(2);
  });
});
