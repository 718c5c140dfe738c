import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { overviewChart, overviewCharts } from '../../electron/overview/overviewCharts';
import { overviewTodos } from '../../electron/overview/overviewTodos';
import { formatWanYuan } from '../../electron/rules/money';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { OverviewPage } from './pages/OverviewPage';

const BUDGET = '年初预算（按预算类型）';
const WARNINGS = '各轮监控预警（按警戒线）';
const EXECUTION = '预算执行率与序时进度（按主管部门）';

/** 概览 on the demo county's 2023: the landing page, its to-dos and charts, each a click away from its records. */
describeInChromium('概览', () => {
  let session: Session;
  let overview: OverviewPage;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-overview-'));

  beforeAll(async () => {
    session = await startSession((ctx) => {
      buildDemoLedger(ctx);
    });
    overview = new OverviewPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
  });

  it('opens on 概览: the to-dos first, calm where nothing is owed, then the year’s charts', async () => {
    expect((await overview.shell.areaNames())[0]).toBe('概览');
    await overview.shell.heading('概览 · 2023 年度').waitFor();
    await overview.todos.getByRole('group').first().waitFor();

    const todos = overviewTodos(session.ctx, { year: 2023 });
    for (const t of todos) {
      const shown = await overview.todo(t.label);
      expect(shown.count).toBe(String(t.count));
      expect(shown.text).toContain(t.note);
    }
    expect((await overview.todo('申请预算但未填报绩效目标的项目')).count).toBe('17');
    expect((await overview.todo('待会审或退回修改的绩效目标')).text).toContain('没有待会审或退回修改的绩效目标。');

    for (const c of overviewCharts(session.ctx, { year: 2023 })) await overview.chart(c.title).waitFor();
    await overview.chart(EXECUTION).locator('.recharts-reference-line').waitFor({ state: 'attached' });
    expect(await overview.chart(EXECUTION).innerText()).toContain('序时进度 41.67%');
    await session.page.mouse.move(0, 0);
    await session.screenshot('96-概览');
  });

  it('lists the records behind a to-do, each linking to its project’s page', async () => {
    await overview.openTodo('申请预算但未填报绩效目标的项目');
    expect(await overview.drawerTitle()).toBe('申请预算但未填报绩效目标的项目：17 个');
    const rows = await overview.drawerRows();
    const records = overviewTodos(session.ctx, { year: 2023 }).find((t) => t.id === 'projectsWithoutTargets')!.records;
    expect(rows.map((r) => r.cells)).toEqual(records.map((r) => [r.label, r.unitName, r.detail]));
    expect(rows.map((r) => r.href)).toEqual(records.map((r) => `#/project/${r.projectId}`));
    await session.screenshot('96-概览-待办构成记录', { fullPage: false });
    await overview.closeDrawer();
  });

  it('opens the projects behind a bar', async () => {
    const budget = overviewChart(session.ctx, { year: 2023, chart: 'budget' });
    await overview.clickBar(BUDGET, 0);
    expect(await overview.drawerTitle()).toBe(`${BUDGET} · 一般公共预算 · 年初预算 ${formatWanYuan(budget.rows[0]!.values.fen!)} 万元`);
    const rows = await overview.drawerRows();
    expect(rows).toHaveLength(263);
    expect(rows[0]!.cells).toEqual([
      budget.rows[0]!.records[0]!.label,
      budget.rows[0]!.records[0]!.unitName,
      budget.rows[0]!.records[0]!.detail,
    ]);
    await session.screenshot('96-概览-图表构成记录', { fullPage: false });
    await overview.closeDrawer();

    // The tooltip names the colours in Chinese; a segment of a stacked bar opens only that colour's projects.
    await overview.chart(WARNINGS).locator('.recharts-bar-rectangle path').first().hover();
    const tooltip = overview.chart(WARNINGS).locator('.recharts-tooltip-wrapper');
    await expect.poll(() => tooltip.innerText()).toMatch(/5月项目监控 执行[\s\S]*红灯\s*43/);
    await session.screenshot('96-概览-提示', { fullPage: false });
    await overview.clickBar(WARNINGS, 0);
    expect(await overview.drawerTitle()).toBe(`${WARNINGS} · 5月项目监控 执行 · 红灯 43`);
    expect(await overview.drawerRows()).toHaveLength(43);
    await overview.closeDrawer();
  });

  it('shows a chart as a table with the same figures, a row opening its records', async () => {
    await overview.showTable(WARNINGS);
    expect(await overview.tableRows(WARNINGS)).toEqual([
      ['5月项目监控 执行', '43', '7', '222', '0'],
      ['5月项目监控 完成', '30', '8', '211', '23'],
      ['5月项目监控 偏离', '47', '0', '225', '0'],
    ]);
    await overview.showTable(BUDGET);
    expect(await overview.tableRows(BUDGET)).toEqual([
      ['一般公共预算', '61,691.14', '263'],
      ['政府性基金预算', '31,219.74', '20'],
      ['国有资本经营预算', '1,585.10', '3'],
      ['社会保险基金预算', '34,427.31', '6'],
    ]);
    await overview.chart(WARNINGS).scrollIntoViewIfNeeded();
    await session.screenshot('96-概览-表格', { fullPage: false });
    await overview.openTableRow(BUDGET, '国有资本经营预算');
    expect(await overview.drawerTitle()).toBe(`${BUDGET} · 国有资本经营预算`);
    expect(await overview.drawerRows()).toHaveLength(3);
    await overview.closeDrawer();
  });

  it('exports a chart’s table as a workbook', async () => {
    const download = await overview.export(BUDGET);
    expect(download.suggestedFilename()).toBe('2023年度年初预算（按预算类型）.xlsx');
    const file = path.join(downloads, 'budget.xlsx');
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('图表数据')!;
    expect(sheet.getRow(3).values).toEqual([undefined, '预算类型', '年初预算（万元）', '项目数（个）']);
    expect(sheet.getRow(4).values).toEqual([undefined, '一般公共预算', 61_691.142, 263]);
    expect(workbook.getWorksheet('构成记录')!.getCell(2, 1).value).toBe('共 292 条');
    await overview.page.getByText('已导出图表').waitFor();
  });
});
