/**
 * The bureau brings in the region's library workbook and sends its own out, in the browser: a file
 * with bad rows is refused row by row and writes nothing; a good one adds its indicators; the export
 * downloads and, brought back, changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listIndicators } from '../../electron/indicators/indicators';
import { xlsx } from '../fixtures/workbooks';
import { fillBureauLedgerWithLibrary } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { IndicatorsPage } from './pages/IndicatorsPage';

const HEADER = ['类别', '一级指标', '二级指标', '三级指标', '指标性质', '计量单位', '指标解释', '参考值'];

describeInChromium('指标库的 Excel 导入导出', () => {
  let session: Session;
  let library: IndicatorsPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-library-'));
  const count = () => listIndicators(session.ctx).length;

  async function chooseFile(file: string) {
    const chooser = session.page.waitForEvent('filechooser');
    await session.page.getByRole('button', { name: '导入指标库' }).click();
    await (await chooser).setFiles(file);
    const dialog = session.page.getByRole('dialog', { name: /导入预览/ });
    await dialog.waitFor();
    return dialog;
  }

  beforeAll(async () => {
    session = await startSession(fillBureauLedgerWithLibrary);
    library = new IndicatorsPage(session.page);
    await library.open();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('refuses a region workbook with bad rows, naming each, and writes nothing', async () => {
    const file = path.join(folder, '区级指标（有错）.xlsx');
    fs.writeFileSync(
      file,
      xlsx([
        ['自治区共性指标体系'],
        HEADER,
        ['乡村振兴', '产出指标', '数量指标', '帮扶户数', '≥', '', '', '≥100户'],
        [null, null, '规模指标', '覆盖村数', '≥', '个', '', ''],
        [null, '效益指标', '社会效益指标', '群众收入增长情况', '定性', '', '', '稳步提高'],
      ]),
    );
    const before = count();
    const dialog = await chooseFile(file);
    const errors = dialog.getByRole('table', { name: '导入错误' });
    await expect.poll(() => errors.locator('tbody tr').count()).toBe(2);
    expect(await errors.innerText()).toContain('计量单位');
    expect(await errors.innerText()).toContain('规模指标');
    await session.screenshot('38-指标库导入-有错误', { fullPage: false });
    await session.page.getByRole('button', { name: '取消' }).click();
    expect(count()).toBe(before);
  });

  it("adds a good workbook's class and indicators", async () => {
    const file = path.join(folder, '区级指标.xlsx');
    fs.writeFileSync(
      file,
      xlsx([
        HEADER,
        ['乡村振兴', '产出', '数量', '帮扶户数', '≧', '户', '', '≥100户'],
        [null, null, '质量指标', '帮扶措施落实率', null, '%', '', '≥95%'],
        [null, '效益指标', '社会效益指标', '群众收入增长情况', '定性', '', '', '稳步提高'],
        [null, '满意度指标', '服务对象满意度指标', '帮扶对象满意度', '≥', '%', '', '≥90%'],
      ]),
    );
    const before = count();
    const dialog = await chooseFile(file);
    expect(await dialog.getByLabel('导入摘要').innerText()).toContain('新增指标 4');
    await session.page.getByRole('button', { name: '确认导入' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(count()).toBe(before + 4);
    await expect.poll(() => session.page.getByText('乡村振兴').first().isVisible()).toBe(true);
  });

  it('exports the library as a download that, brought back, changes nothing', async () => {
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: '导出指标库' }).click();
    const d = await download;
    const saved = path.join(folder, d.suggestedFilename());
    await d.saveAs(saved);
    expect(d.suggestedFilename()).toBe('共性指标库.xlsx');
    const before = count();
    const dialog = await chooseFile(saved);
    expect(await dialog.getByText('文件中的指标与指标库完全一致，无需导入。').isVisible()).toBe(true);
    await session.page.getByRole('button', { name: '取消' }).click();
    expect(count()).toBe(before);
  });
});
