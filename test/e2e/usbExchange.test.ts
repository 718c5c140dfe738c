/**
 * U盘交换 in the browser: a year exported to a folder with its 清单 and every file read back; the folder
 * verified 完整, then a damaged file named; a folder of units' files (a declaration, a monitoring form,
 * a score sheet, a declaration with bad cells, a PDF and a workbook cut short) previewed in one table,
 * the good ones imported. The browser host takes the folder as a typed path.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { verifyPackage } from '../../electron/exchange/usbVerify';
import { recentAudit } from '../../electron/ledger/audit';
import { YEAR } from '../fixtures/targetForms';
import { unitSubmissions, type UnitSubmissions } from '../fixtures/unitSubmissions';
import { AppShellPage } from './pages/AppShellPage';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';

describeInChromium('U盘交换', () => {
  let session: Session;
  let shell: AppShellPage;
  let s: UnitSubmissions;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-usb-'));
  const stick = path.join(folder, `${YEAR}年度报送`);

  const panel = (name: string): Locator => session.page.getByRole('tabpanel', { name });
  const openTab = async (name: string) => {
    await session.page.getByRole('tab', { name }).click();
    return panel(name);
  };
  const rows = (table: Locator) =>
    table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

  beforeAll(async () => {
    s = await unitSubmissions();
    session = await startSession(() => undefined, { ledgerFile: s.ledgerFile });
    shell = new AppShellPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('exports the year to a new folder and shows each file read back from it', async () => {
    await shell.openArea('U盘交换');
    await shell.heading(`U盘交换 · ${YEAR} 年度`).waitFor();
    const exporting = panel('导出到U盘');
    await exporting.getByRole('checkbox', { name: '项目清单' }).waitFor();
    await exporting.getByLabel('文件夹的完整路径').fill(stick);
    await exporting.getByRole('button', { name: '选择文件夹并导出…' }).click();
    const result = exporting.getByRole('region', { name: '导出结果' });
    await result.waitFor({ timeout: 30_000 });
    expect(await result.innerText()).toContain('已从U盘读回每个文件并核对 SHA-256：全部一致');
    const files = await rows(result.getByRole('table', { name: '导出的文件' }));
    expect(files.map((r) => r[0])).toEqual(expect.arrayContaining(['项目清单', '共性指标库', '台账快照']));
    for (const r of files) {
      expect(r[2]).toMatch(/^[\d,]+\.\d{2} (KB|MB)$/);
      expect(r[3]).toBe('读回核对一致');
    }
    expect(fs.readdirSync(stick)).toEqual(expect.arrayContaining(['清单.json', '清单.txt', ...files.map((r) => r[1]!)]));
    expect(recentAudit(session.ctx, 3).some((e) => e.action === 'ledger.usbPackage')).toBe(true);
    await session.screenshot('150-导出到U盘');
  });

  it('shows the progress with 取消; a cancelled export leaves nothing, one that finished first is whole', async () => {
    const exporting = panel('导出到U盘');
    const second = path.join(folder, '第二次导出');
    await exporting.getByLabel('文件夹的完整路径').fill(second);
    await exporting.getByRole('button', { name: '选择文件夹并导出…' }).click();
    const progress = exporting.getByRole('status', { name: '导出到U盘进度' });
    await progress.waitFor();
    // The job may finish before 取消 can be pressed; either way the folder is never half a package.
    await progress
      .getByRole('button', { name: '取消' })
      .click({ timeout: 10_000 })
      .catch(() => undefined);
    await session.screenshot('151-导出到U盘进度', { fullPage: false });
    const cancelled = exporting.getByRole('alert').filter({ hasText: '已取消' });
    const done = exporting.getByRole('region', { name: '导出结果' });
    await cancelled.or(done).waitFor({ timeout: 30_000 });
    if (await cancelled.isVisible()) {
      expect(await cancelled.innerText()).toContain('U盘上没有留下这次导出的文件');
      expect(fs.existsSync(second)).toBe(false);
      await session.screenshot('152-导出到U盘已取消', { fullPage: false });
    } else {
      expect(verifyPackage(second).complete).toBe(true);
    }
  });

  it('verifies the folder as 完整, then names the file damaged on disk', async () => {
    const verifying = await openTab('校验U盘文件');
    await verifying.getByLabel('文件夹的完整路径').fill(stick);
    await verifying.getByRole('button', { name: '选择文件夹并校验…' }).click();
    const outcome = verifying.getByRole('region', { name: '校验结果' });
    await expect.poll(() => outcome.innerText()).toMatch(/^完整/);

    const listed = JSON.parse(fs.readFileSync(path.join(stick, '清单.json'), 'utf8')) as { files: { name: string; label: string }[] };
    const projectList = listed.files.find((f) => f.label === '项目清单')!.name;
    const bytes = fs.readFileSync(path.join(stick, projectList));
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    fs.writeFileSync(path.join(stick, projectList), bytes);
    await verifying.getByRole('button', { name: '选择文件夹并校验…' }).click();
    await expect.poll(() => outcome.innerText()).toContain(`${projectList}：内容与清单的 SHA-256 不符`);
    expect(await outcome.innerText()).toContain('不完整');
    await session.screenshot('153-校验U盘文件');
  });

  it('previews a folder of units’ files in one table and imports the ticked good ones', async () => {
    const submitted = path.join(folder, '单位报送');
    const put = (name: string, bytes: Uint8Array) => {
      fs.mkdirSync(path.dirname(path.join(submitted, name)), { recursive: true });
      fs.writeFileSync(path.join(submitted, name), bytes);
    };
    put('教育局/绩效目标申报表（教育局）.xlsx', s.files.declaration);
    put('农业农村局监控表.xlsx', s.files.monitoring);
    put('耕地轮作补助专家评分表.xlsx', s.files.scores);
    put('第一中学申报表.xlsx', s.files.badDeclaration);
    put('情况说明.pdf', s.files.pdf);
    put('没拷完的申报表.xlsx', s.files.truncated);

    const importing = await openTab('从U盘导入');
    await importing.getByLabel('文件夹的完整路径').fill(submitted);
    await importing.getByRole('button', { name: '选择文件夹并预览…' }).click();
    const table = importing.getByRole('table', { name: '文件夹中的文件' });
    await table.waitFor({ timeout: 30_000 });
    const status = Object.fromEntries((await rows(table)).map((r) => [r[1]!.replace(/\d[\d,.]* (字节|KB|MB).*$/, ''), r[5]]));
    expect(status).toEqual({
      '教育局/绩效目标申报表（教育局）.xlsx': '可导入',
      '农业农村局监控表.xlsx': '可导入',
      '耕地轮作补助专家评分表.xlsx': '可导入',
      '第一中学申报表.xlsx': '有错误，不导入',
      '情况说明.pdf': '无法识别',
      '没拷完的申报表.xlsx': '已损坏',
    });
    await table
      .getByRole('button', { name: /^查看 \d+ 处错误/ })
      .first()
      .click();
    await importing.getByLabel('第一中学申报表.xlsx的问题').waitFor();
    expect(await importing.getByRole('checkbox', { checked: true }).count()).toBe(3);
    await session.screenshot('154-从U盘导入预览');

    await importing.getByRole('button', { name: '导入选中的文件' }).click();
    const result = importing.getByRole('region', { name: '导入结果' });
    await result.waitFor({ timeout: 30_000 });
    const outcomes = Object.fromEntries((await rows(result.getByRole('table'))).map((r) => [r[0], r[2]]));
    expect(outcomes).toMatchObject({
      '教育局/绩效目标申报表（教育局）.xlsx': '已导入',
      '农业农村局监控表.xlsx': '已导入',
      '耕地轮作补助专家评分表.xlsx': '已导入',
      '第一中学申报表.xlsx': '有错误，未导入',
    });
    expect(await result.innerText()).toContain('已记入操作记录');
    // The result lists no error positions, so the refused row points back to the preview instead.
    expect(await result.innerText()).toMatch(/有 \d+ 处错误，未导入。错误的位置见导入前的预览/);
    expect(recentAudit(session.ctx, 3).some((e) => e.action === 'import.folder')).toBe(true);
    await session.screenshot('155-从U盘导入结果');
  });
});
