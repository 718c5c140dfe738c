import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createYear } from '../../electron/settings/yearSetup';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { ProjectsPage } from './pages/ProjectsPage';
import { SettingsPage } from './pages/SettingsPage';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';

/**
 * 设置: 经办人姓名 in the audit log, a backup made and listed, the ledger check, a restore that reloads the
 * app, and the automatic copy an import leaves, restored to undo the import.
 */
describeInChromium('设置：经办人、备份与恢复、台账检查', () => {
  let session: Session;
  let settings: SettingsPage;
  const main = () => session.page.getByRole('main');
  const backups = () => main().getByRole('table', { name: '最近的备份' });

  beforeAll(async () => {
    session = await startSession((ctx) => {
      createYear(ctx, { year: 2023 });
    });
    settings = new SettingsPage(session.page);
    await settings.open();
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('records the operator as “张三（登录名）” once the name is saved', async () => {
    const form = main().getByRole('form', { name: '经办人' });
    await form.getByLabel('经办人姓名').fill('张三');
    await form.getByRole('button', { name: '保存经办人' }).click();
    await expect.poll(() => main().getByLabel('当前经办人').innerText(), { timeout: 5_000 }).toBe('当前记为：张三（浏览器用户）');
  });

  it('makes a backup now, lists it, and finds the ledger sound', async () => {
    const download = session.page.waitForEvent('download');
    await main().getByRole('button', { name: '立即备份' }).click();
    expect((await download).suggestedFilename()).toMatch(/^台账-备份-\d{8}-\d{6}\.db$/);
    await expect.poll(() => backups().locator('tbody tr').first().innerText()).toMatch(/台账-备份-\d{8}-\d{6}\.db/);
    expect(await backups().locator('tbody tr').count()).toBe(1);

    await settings.createYear(2024);
    await expect.poll(async () => (await settings.audit.locator('tbody tr').first().innerText()).includes('张三（浏览器用户）')).toBe(true);

    await main().getByRole('button', { name: '检查台账' }).click();
    await expect.poll(() => main().getByRole('status').filter({ hasText: '台账完好' }).count()).toBe(1);
    await session.screenshot('144-设置-备份与恢复');
  });

  it('restores the backup after a confirmation that says what is replaced, and the app reloads the restored ledger', async () => {
    expect((await settings.yearRows()).map((r) => r[0])).toContain('2024 年度');
    await backups()
      .getByRole('button', { name: /^恢复 / })
      .click();
    const dialog = session.page.getByRole('dialog', { name: '从备份恢复台账' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('先另存一份');
    await session.page.waitForTimeout(400); // the modal's opening transition, so the screenshot shows it settled
    await session.screenshot('145-设置-恢复确认', { fullPage: false });

    await dialog.getByRole('button', { name: '确认恢复' }).click();
    // The restore closes, replaces and reopens the ledger, then the page reloads: give it time.
    await expect.poll(async () => (await settings.yearRows()).map((r) => r[0]).join(), { timeout: 15_000 }).toBe('2023 年度');
    await expect.poll(() => settings.auditActions()).toContain('从备份恢复');
    expect(await settings.audit.locator('tbody tr').first().innerText()).toContain('张三（浏览器用户）');
  });
  it('finds entries in the whole audit log by operator', async () => {
    await main()
      .getByRole('link', { name: /查看全部操作记录/ })
      .click();
    const search = main().getByRole('form', { name: '查找操作记录' });
    await search.getByLabel('经办人').fill('张三');
    await search.getByRole('button', { name: '查找' }).click();
    const log = main().getByRole('table', { name: '操作记录' });
    await expect.poll(() => main().getByLabel('记录数').innerText()).toMatch(/^共 \d+ 条/);
    await expect
      .poll(async () => (await log.locator('tbody tr td:nth-child(2)').allInnerTexts()).every((a) => a === '张三（浏览器用户）'))
      .toBe(true);
    expect(await log.locator('tbody tr td:nth-child(3)').allInnerTexts()).toContain('从备份恢复');
    await session.screenshot('146-操作记录-按经办人查找');
  });

  it('lists the automatic copy an import left, with time, reason and file; restoring it undoes the import', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-import-')), '教育局项目.xlsx');
    fs.writeFileSync(file, xlsx([['2023年项目清单'], PROJECT_HEADER, projectRow(1), projectRow(2)]));
    const projects = new ProjectsPage(session.page);
    await projects.open();
    await projects.importWorkbook(file);
    await projects.confirmImport();
    await expect.poll(() => projects.projectNames()).toEqual(['测试项目1', '测试项目2']);

    await settings.open();
    const newest = backups().locator('tbody tr').first();
    await expect
      .poll(() => newest.innerText())
      .toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+导入前\s+导入 教育局项目\.xlsx\s+台账-导入前-\d{8}-\d{6}\.db/);

    await newest.getByRole('button', { name: /^恢复 台账-导入前-/ }).click();
    const dialog = session.page.getByRole('dialog', { name: '从备份恢复台账' });
    expect(await dialog.innerText()).toContain('（导入前，');
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect.poll(() => backups().locator('tbody tr').first().innerText(), { timeout: 15_000 }).toMatch(/恢复前\s+恢复 台账-导入前-/);
    // After the reload: no notice over the list.
    await session.screenshot('147-设置-自动备份列表');
    await projects.open();
    await expect.poll(() => projects.projectNames()).toEqual([]);
  });
});
