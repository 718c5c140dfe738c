/**
 * 评价结果应用 in the browser: with an accepted 单位自评 (良), a scored 部门评价 and a key evaluation's 核减
 * already recorded, the clerk records a 收回部分资金 on the 自评 (the amount is asked for at the field,
 * the suggested action shown), sees it merged with the key evaluation's in one list and in the summary,
 * and downloads the workbook for the budget office.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { recordResultAction } from '../../electron/keyEvaluations/keyEvaluationResults';
import { listYearResultActions } from '../../electron/resultApplication/yearActions';
import { createYear } from '../../electron/settings/yearSetup';
import { resultActionsYear } from '../fixtures/resultActions';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { ResultActionsPage } from './pages/ResultActionsPage';

function fill(ctx: ServiceContext): void {
  createYear(ctx, { year: 2023 });
  const s = resultActionsYear(ctx);
  recordResultAction(ctx, {
    evaluationId: s.keyFinal.id,
    actionType: '核减',
    amountFen: 1_000_000,
    nextYearProjectId: s.n3.id,
    status: 'applied',
    note: null,
  });
}

describeInChromium('评价结果应用', () => {
  let session: Session;
  let ra: ResultActionsPage;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-result-actions-'));

  beforeAll(async () => {
    session = await startSession(fill);
    ra = new ResultActionsPage(session.page);
    await ra.shell.chooseYear(2023);
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('shows the key evaluation’s action in the year list before any 自评 action', async () => {
    await ra.open();
    expect(await ra.rows()).toEqual([
      [
        '重点评价',
        '高素质农民培训项目',
        '轮台县农业农村局',
        expect.stringMatching(/^\d+\.\d{2} 中$/),
        '核减',
        '1.00',
        '高素质农民培训项目（2024）',
        '已落实',
        '',
      ],
    ]);
    expect(await ra.sentence()).toBe(
      '2023 年度评价结果应用于 2024 年度预算 1 项（重点评价 1 项），收回资金 0.00 万元，清理结转结余资金 0.00 万元，调减预算 1.00 万元。',
    );
  });

  it('records a 收回部分资金 on the accepted 自评, asking for the amount at the field', async () => {
    await ra.startRecording('基层干部培训项目（单位自评，中共轮台县委组织部，85.92 分 良）');
    expect(await ra.dialog.getByLabel('建议的结果应用').innerText()).toContain('按等级建议的结果应用：合理保障');
    expect(await ra.select('应用方式').inputValue()).toBe('合理保障');
    await ra.choose('应用方式', '收回部分资金');
    await ra.choose('2024 年度项目', '基层干部培训项目（2024）');
    await ra.choose('状态', '已落实');
    await ra.save();
    await expect.poll(() => ra.errorAt('金额（万元）')).toBe('“收回部分资金”须填写金额（万元），没有金额时填 0');
    await session.screenshot('95-记录结果应用', { fullPage: false });

    await ra.field('金额（万元）').fill('2.5');
    await ra.dialog.getByRole('textbox', { name: '说明' }).fill('培训人次未达标，收回未执行资金');
    await ra.save();
    await ra.dialog.waitFor({ state: 'detached' });

    await expect.poll(() => ra.rows().then((r) => r.length)).toBe(2);
    expect((await ra.rows())[1]).toEqual([
      '自评',
      '基层干部培训项目',
      '中共轮台县委组织部',
      '85.92 良',
      '收回部分资金',
      '2.50',
      '基层干部培训项目（2024）',
      '已落实',
      '培训人次未达标，收回未执行资金',
    ]);
    expect(await ra.sentence()).toBe(
      '2023 年度评价结果应用于 2024 年度预算 2 项（自评 1 项、重点评价 1 项），收回资金 2.50 万元，清理结转结余资金 0.00 万元，调减预算 1.00 万元。',
    );
    expect(await ra.figure('收回资金')).toBe('2.50');
    // What the screen wrote is what the ledger holds.
    expect(listYearResultActions(session.ctx, { year: 2023 }).find((r) => r.source === 'self')).toMatchObject({
      amountFen: 2_500_000,
      status: 'applied',
    });
    // The picture is of the screen, not of the notification.
    await expect.poll(() => session.page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await session.screenshot('96-评价结果应用');
  });

  it('downloads the workbook with both actions in 万元', async () => {
    const file = path.join(downloads, 'actions.xlsx');
    expect(await ra.exportWorkbook(file)).toBe('2023年度绩效评价结果应用情况表.xlsx');
    const book = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['结果应用清单']!, { header: 1, defval: null }).slice(3);
    expect(rows.map((r) => [r[1], r[2], r[8], r[9]])).toEqual([
      ['重点评价', '高素质农民培训项目', '核减', 1],
      ['自评', '基层干部培训项目', '收回部分资金', 2.5],
    ]);
  });
});
