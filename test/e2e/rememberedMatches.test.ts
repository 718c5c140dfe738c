/**
 * 记住的手工对应 in the browser: an earlier execution import matched one row of the platform's export
 * to a project by hand, and the ledger remembered it. The execution data tab lists the year's
 * remembered matches (as the export wrote them, and the project they stand for); one is forgotten
 * after a confirmation that says the next import asks again, and the next preview does.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { commitExecutionImport, previewExecutionImport } from '../../electron/monitoring/executionImport';
import { listRememberedMatches } from '../../electron/monitoring/rememberedMatches';
import type { ServiceContext } from '../../electron/ledger/context';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { listProjects } from '../../electron/projects/projects';
import { xlsx } from '../fixtures/workbooks';
import { setupRound } from '../ledger/monitoringFixture';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { cellTexts, MonitoringPage, RememberedMatchesDialog } from './pages/MonitoringPage';

const MEALS = '农村义务教育学生营养改善计划';
const WRITTEN = '农村义务教育学生营养改善计划（2023年度）';
const FILE = '2023年1-5月项目支出执行情况.xlsx';

/** The platform's export: row 6 names the meals project differently and has no code. */
const EXPORT = xlsx([
  ['轮台县2023年1-5月项目支出预算执行情况表'],
  ['单位：万元'],
  ['序号', '预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数', '全年预计执行数'],
  [1, '县特殊教育学校', 'XM2023001', '2023年特殊教育资源教室采购项目', 86.4, 86.4, 18.4, 86.4],
  [2, '县第一中学', '', '县第一中学教学楼维修改造项目', 1250, 1300, '520.00', 1300],
  [3, '县教育局', '', WRITTEN, 932.56, 932.56, 400, 932.56],
  [4, '县人民医院', 'XM2023005', '县人民医院医疗设备购置项目', 480, 480, 120, 480],
  ['合计', '', '', '', 2748.96, 2798.96, 1058.4, 2798.96],
]);

const mayRound = (ctx: ServiceContext) => listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.asOfMonth === 5)!;

/** The bureau's 2023 ledger with its rounds, and the May export imported with row 6 matched by hand. */
function fill(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  setupRound(ctx);
  const meals = listProjects(ctx, { year: 2023 }).find((p) => p.name === MEALS)!;
  const input = { roundId: mayRound(ctx).id, fileName: FILE, bytes: EXPORT, manualMatches: [{ row: 6, projectId: meals.id }] };
  expect(previewExecutionImport(ctx, input).matched.find((m) => m.row === 6)?.by).toBe('manual');
  expect(commitExecutionImport(ctx, input).rememberedMatches).toBe(1);
}

describeInChromium('记住的手工对应', () => {
  let session: Session;
  let monitoring: MonitoringPage;
  let remembered: RememberedMatchesDialog;

  beforeAll(async () => {
    session = await startSession(fill);
    monitoring = new MonitoringPage(session.page);
    remembered = new RememberedMatchesDialog(session.page);
    await monitoring.shell.chooseYear(2023);
    await monitoring.open();
    await monitoring.execution.waitFor();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it("lists the year's remembered match as the export wrote it and the project it stands for", async () => {
    await expect.poll(() => remembered.button().innerText()).toBe('记住的手工对应（1）');
    await remembered.open();
    expect(await cellTexts(remembered.table)).toEqual([
      [
        '县教育局',
        WRITTEN,
        `XM2023003 ${MEALS}`,
        '县教育局',
        expect.stringMatching(new RegExp(`^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}\\s*导入 ${FILE} 时$`)),
        '忘记',
      ],
    ]);
    const headers = await remembered.table.locator('thead th').allInnerTexts();
    expect(headers).toEqual(['执行数据中的预算单位', '执行数据中的项目名称', '对应的台账项目', '项目所属单位', '记住于', '操作']);
    await session.screenshot('77-记住的手工对应', { fullPage: false });
  });

  it('forgets it after a confirmation that the next import asks again', async () => {
    const confirm = await remembered.askToForget(WRITTEN);
    const text = await confirm.innerText();
    expect(text).toContain(`“${WRITTEN}”，现在自动对应到台账项目“${MEALS}”（县教育局）`);
    expect(text).toContain('下次导入执行数据时会重新询问');

    // 取消 leaves it remembered.
    await confirm.getByRole('button', { name: '取消' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(listRememberedMatches(session.ctx, { year: 2023 })).toHaveLength(1);

    await remembered.askToForget(WRITTEN);
    await remembered.confirmForget();
    await session.page.getByText('已忘记手工对应').waitFor();
    expect(await session.page.getByText(`不再自动对应到“${MEALS}”，下次导入时会请你重新选择`).count()).toBe(1);
    await remembered.dialog.getByText('尚无记住的手工对应。导入执行数据时手工指定的对应会记在这里，下次导入自动沿用。').waitFor();
    expect(await remembered.row(WRITTEN).count()).toBe(0);
    expect(listRememberedMatches(session.ctx, { year: 2023 })).toEqual([]);

    await remembered.close();
    await expect.poll(() => remembered.button().innerText()).toBe('记住的手工对应（0）');
    // The import already made stays; the next preview of the same file lists the row as unmatched.
    expect(await monitoring.executionRow(MEALS).count()).toBe(1);
    const again = previewExecutionImport(session.ctx, { roundId: mayRound(session.ctx).id, fileName: FILE, bytes: EXPORT });
    expect(again.unmatched.map((u) => u.name)).toEqual([WRITTEN]);
  });
});
