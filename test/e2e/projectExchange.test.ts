/**
 * A clerk brings a unit's workbook into the year and takes the year's list out again, in the browser:
 * a file with a bad row is refused row by row and writes nothing; the corrected file imports; the
 * export downloads as a styled workbook that imports back without a change.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listProjects } from '../../electron/projects/projects';
import { listProjectTypes } from '../../electron/projects/projectTypes';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { ProjectsPage } from './pages/ProjectsPage';

describeInChromium('项目的 Excel 导入导出', () => {
  let session: Session;
  let projects: ProjectsPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-files-'));
  const count = () => listProjects(session.ctx, { year: 2023 }).length;

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    projects = new ProjectsPage(session.page);
    await projects.shell.chooseYear(2023);
    await projects.open();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('lists every bad row of a damaged workbook and writes nothing', async () => {
    const file = path.join(folder, '水利局项目（有错）.xlsx');
    const rows = [
      ['轮台县水利局2023年项目申报表'],
      ['单位：万元'],
      PROJECT_HEADER,
      projectRow(1, { department: '县水利局', unit: '县水利局', name: '农田灌溉渠道防渗改造' }),
      projectRow(2, { department: '县水利局', unit: '县水利局', name: '水库除险加固', kind: '专项资金' }),
      projectRow(3, { department: '县水利局', unit: '县水利局', name: '防汛物资储备', amount: '约50' }),
    ];
    fs.writeFileSync(file, xlsx(rows));
    const before = count();
    const preview = await projects.importWorkbook(file);
    await expect.poll(() => preview.getByRole('table', { name: '导入错误' }).locator('tbody tr').count()).toBe(2);
    const errors = await preview.getByRole('table', { name: '导入错误' }).innerText();
    expect(errors).toContain('专项资金');
    expect(errors).toContain('约50');
    expect(await preview.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await session.screenshot('07-导入预览-有错误', { fullPage: false });
    await session.page.getByRole('button', { name: '取消' }).click();
    expect(count()).toBe(before);
  });

  it('imports the corrected workbook, all rows at once', async () => {
    const file = path.join(folder, '水利局项目.xlsx');
    fs.writeFileSync(
      file,
      xlsx([
        PROJECT_HEADER,
        projectRow(11, { department: '县水利局', unit: '县水利局', name: '农田灌溉渠道防渗改造', amount: '1,250.5' }),
        projectRow(12, { department: '县水利局', unit: '县水利局', name: '水库除险加固' }),
      ]),
    );
    const before = count();
    const preview = await projects.importWorkbook(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toContain('新增项目 2');
    await session.screenshot('08-导入预览', { fullPage: false });
    await projects.confirmImport();
    expect(count()).toBe(before + 2);
    await projects.search('渠道防渗');
    await expect.poll(() => projects.amountOf('农田灌溉渠道防渗改造')).toBe('1,250.50');
    await projects.search('');
  });

  it('shows the types the bureau has not listed yet as 新增类型, and adds them with the projects', async () => {
    const file = path.join(folder, '交通局项目库.xlsx');
    fs.writeFileSync(
      file,
      xlsx(
        [
          ['××县2023年项目库清单'],
          ['单位：万元'],
          PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数' : h)),
          projectRow(21, {
            department: '县交通运输局',
            unit: '县交通运输局',
            name: '农村公路安全生命防护工程',
            type: '基础设施建设',
            amount: 1280.5,
          }),
          projectRow(22, { department: null, unit: '县交通运输局', name: '交通执法人员业务培训', type: '培训', amount: 12.6 }),
          projectRow(23, { department: null, unit: '县交通运输局', name: '客运站安检服务外包', type: '政府购买服务 ', amount: 36 }),
          projectRow(24, { department: null, unit: '县交通运输局', name: '乡道桥梁加固', type: '基础设施建设', amount: 420 }),
          ['合计', null, null, null, null, null, null, null, 1749.1, null],
        ],
        ['A1:J1', 'A2:J2', 'B4:B7'],
      ),
    );
    const preview = await projects.importWorkbook(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toContain('新增类型 2');
    const newTypes = await preview.getByRole('alert', { name: '新增类型' }).innerText();
    expect(newTypes).toContain('基础设施建设（第 4、7 行）；培训（第 5 行）');
    const planned = preview.getByRole('table', { name: '将写入的项目' });
    await expect.poll(() => planned.locator('tbody tr').filter({ hasText: '新增类型' }).count()).toBe(3);
    expect(await planned.locator('tbody tr').filter({ hasText: '客运站安检服务外包' }).innerText()).not.toContain('新增类型');
    await session.screenshot('10-导入预览-新增类型', { fullPage: false });
    expect(listProjectTypes(session.ctx).map((t) => t.name)).not.toContain('培训');
    await projects.confirmImport();
    expect(
      listProjectTypes(session.ctx)
        .slice(-2)
        .map((t) => t.name),
    ).toEqual(['基础设施建设', '培训']);
    expect(listProjects(session.ctx, { year: 2023 }).find((p) => p.name === '客运站安检服务外包')!.projectType).toBe('政府购买服务');
  });

  it('exports the year as a workbook that re-imports without a change', async () => {
    const saved = path.join(folder, 'export.xlsx');
    const name = await projects.exportWorkbook(saved);
    expect(name).toMatch(/2023.*\.xlsx$/);
    const book = XLSX.read(fs.readFileSync(saved));
    const text = JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1 }));
    expect(text).toContain('农田灌溉渠道防渗改造');

    const before = count();
    const preview = await projects.importWorkbook(saved);
    expect(await preview.getByText('文件中的单位和项目与台账完全一致，无需导入。').isVisible()).toBe(true);
    await session.page.getByRole('button', { name: '取消' }).click();
    expect(count()).toBe(before);
  });
});
