/**
 * 文件金额单位 in the browser (issue #12): the platform's export names no money unit and the ledger has
 * nothing to compare it with (no 年初预算数 column, adjusted budgets that differ from the 年初预算, no
 * earlier import), so the preview asks; 确认导入 stays off until 元 is chosen, and the execution list
 * then shows the amounts in 万元 as they are. A file that says 万元 over amounts 10,000× the ledger's
 * 年初预算 is held back until the clerk picks 元 (or confirms 万元).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { xlsx } from '../fixtures/workbooks';
import { setupRound } from '../ledger/monitoringFixture';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { cellTexts, MonitoringPage } from './pages/MonitoringPage';

/** In 元, with no unit anywhere: a title, a two-row merged header, amounts as text, a 合计 row. */
const EXPORT = xlsx(
  [
    ['轮台县2023年1-5月项目支出预算执行情况表', null, null, null, null],
    ['预算单位', '项目代码', '项目名称', '预算执行情况', null],
    [null, null, null, '调整后预算数', '1-5月执行数'],
    ['县疾病预防控制中心', 'XM2023004', '基本公共卫生服务项目', '6,500,000.00', '2,437,512.34'],
    ['县农业技术推广中心', 'XM2023006', '2023年耕地轮作补助项目', '4,000,000.00', '1,200,000.00'],
    ['合计', null, null, '10,500,000.00', '3,637,512.34'],
  ],
  ['A1:E1', 'A2:A3', 'B2:B3', 'C2:C3', 'D2:E2'],
);

/** Says 单位：万元, but its figures are in 元: 10,000× the ledger's 年初预算 (3,480.2 and 215.6 万元). */
const WRONG_UNIT = xlsx([
  ['轮台县2023年1-5月项目支出预算执行情况表（单位：万元）'],
  ['预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数'],
  ['县住房和城乡建设局', 'XM2023009', '煤改电二期居民供暖设施入户改造工程', '34,802,000.00', '34,802,000.00', '10,000,000.00'],
  ['县住房和城乡建设局', 'XM2023010', '城镇老旧小区改造专项债券付息', '2,156,000.00', '2,156,000.00', '1,078,000.00'],
]);

describeInChromium('执行数据的金额单位', () => {
  let session: Session;
  let monitoring: MonitoringPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-execution-unit-'));
  const file = path.join(folder, '2023年1-5月执行情况（一体化平台导出）.xlsx');
  const wrongUnit = path.join(folder, '住建局1-5月执行情况.xlsx');

  beforeAll(async () => {
    fs.writeFileSync(file, EXPORT);
    fs.writeFileSync(wrongUnit, WRONG_UNIT);
    session = await startSession((ctx) => {
      fillBureauLedger(ctx);
      setupRound(ctx);
    });
    monitoring = new MonitoringPage(session.page);
    await monitoring.shell.chooseYear(2023);
    await monitoring.open();
    await monitoring.chooseRound('5月项目监控');
    await monitoring.execution.waitFor();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('asks for the unit of a file that names none, and imports it once 元 is chosen', async () => {
    const preview = await monitoring.importExecution(file);
    const question = monitoring.unitChoice();
    await question.waitFor();
    expect(await question.innerText()).toMatch(/请选择文件金额单位[\s\S]*文件没有写明金额单位.*也没有可与台账比对的金额/);
    expect(await preview.getByRole('radio', { checked: true }).count()).toBe(0);
    const commit = preview.getByRole('button', { name: '确认导入' });
    expect(await commit.isDisabled()).toBe(true);
    expect(await preview.innerText()).toContain('请先在上方选择文件金额单位（元或万元），再确认导入。');
    // No amount is shown while its unit is unknown.
    expect(await preview.getByRole('table', { name: '已匹配的行' }).count()).toBe(0);
    expect(await preview.innerText()).toContain('已对应到台账项目 2 行；选择金额单位后列出各行金额。');
    await session.screenshot('78-执行导入询问金额单位', { fullPage: false });

    await monitoring.chooseMoneyUnit('元');
    await expect.poll(() => commit.isDisabled()).toBe(false);
    expect(await monitoring.unitChoice().innerText()).toContain('金额单位：元（用户选择）');
    const matched = preview.getByRole('table', { name: '已匹配的行' });
    expect(await matched.locator('tbody tr').filter({ hasText: '基本公共卫生服务项目' }).innerText()).toMatch(
      /650\.00\s+243\.75\s+37\.50%/,
    );
    await monitoring.confirmImport();

    await expect.poll(() => monitoring.executionRow('基本公共卫生服务项目').count()).toBe(1);
    const rows = await cellTexts(monitoring.execution);
    const health = rows.find((r) => r.includes('基本公共卫生服务项目'))!;
    const rotation = rows.find((r) => r.includes('2023年耕地轮作补助项目'))!;
    // 年初预算数 (not in the file) stays empty; 调整后 and 执行数 as the file says, in 万元.
    expect(health.slice(3, 7)).toEqual(['—', '650.00', '243.75', '37.50%']);
    expect(rotation.slice(3, 7)).toEqual(['—', '400.00', '120.00', '30.00%']);
  });

  it('holds back a file whose written 万元 the ledger contradicts, until 元 is picked', async () => {
    const preview = await monitoring.importExecution(wrongUnit);
    const box = monitoring.unitChoice();
    await box.waitFor();
    expect(await box.innerText()).toMatch(
      /金额单位与台账相差一万倍[\s\S]*文件写明的金额单位是万元，但与台账比对，2 个项目中有 2 个按万元读是台账的 10,000 倍/,
    );
    expect(await box.getByRole('table', { name: '与台账比对' }).innerText()).toMatch(
      /煤改电二期居民供暖设施入户改造工程\s+年初预算数 34,802,000.00\s+台账中项目的年初预算\s+3,480.20\s+按元读一致/,
    );
    const commit = preview.getByRole('button', { name: '确认导入' });
    expect(await commit.isDisabled()).toBe(true);
    await session.screenshot('79-执行导入金额单位与台账不符', { fullPage: false });

    await monitoring.chooseMoneyUnit('元');
    await expect.poll(() => commit.isDisabled()).toBe(false);
    await monitoring.confirmImport();
    await expect.poll(() => monitoring.executionRow('城镇老旧小区改造专项债券付息').count()).toBe(1);
    expect(await monitoring.executionRow('城镇老旧小区改造专项债券付息').innerText()).toMatch(/215\.60\s+215\.60\s+107\.80\s+50\.00%/);
  });
});
