/**
 * The publication workbook (绩效目标公开): approved targets per unit in one uniform format, 涉密单位 left
 * out and counted, headers styled, and every text — however it starts — a plain string, never a formula.
 */
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { approveTargets, publishTargets } from '../../electron/targets/jointReview';
import { createProject } from '../../electron/projects/projects';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import { exportTargetPublication } from '../../electron/targets/targetPublication';
import { completeContent, county, decide, loadBook, targetInReview, YEAR } from '../fixtures/targetForms';

function approved(ctx: Parameters<typeof targetInReview>[0], projectId: number, className = '培训', overrides = {}): number {
  const id = targetInReview(ctx, projectId, className, overrides);
  decide(ctx, id, '优');
  approveTargets(ctx, { targetIds: [id] });
  return id;
}

/** Every cell's text on a sheet, row by row (merged areas once). */
function texts(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row) => {
    const line: string[] = [];
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      if (cell.value != null && cell.value !== '') line.push(String(cell.value));
    });
    rows.push(line);
  });
  return rows;
}

describe('the publication workbook', () => {
  it('has a 目录 and one sheet per unit with its 部门整体 and project tables; classified units are left out and counted', async () => {
    const { ctx, education, training, repair, aid, secretProject } = county();
    approved(ctx, training.id);
    const published = approved(ctx, aid.id, '补助补贴');
    publishTargets(ctx, { targetIds: [published] });
    approved(ctx, secretProject.id, '购置');
    targetInReview(ctx, repair.id, '基础设施建设'); // not approved: not published
    const dept = createTarget(ctx, { year: YEAR, projectId: null, unitId: education.id });
    saveTarget(ctx, {
      ...completeContent(ctx, '部门整体运转', { mainTasks: '保障全县中小学教育教学正常运转。', annualGoal: '完成年度教育工作任务。' }),
      id: dept.id,
    });
    const { submitForReview } = await import('../../electron/targets/jointReview');
    submitForReview(ctx, { targetId: dept.id });
    decide(ctx, dept.id, '优');
    approveTargets(ctx, { targetIds: [dept.id] });

    const result = await exportTargetPublication(ctx, { year: YEAR });
    expect(result).toMatchObject({
      fileName: '2023年度绩效目标公开表.xlsx',
      unitCount: 2,
      projectTargets: 2,
      departmentTargets: 1,
      excludedClassifiedUnits: 1,
      excludedClassifiedTargets: 1,
    });
    const book = await loadBook(result.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['目录', '轮台县教育局', '轮台县第一中学']);
    const all = book.worksheets.flatMap((w) => texts(w).flat()).join('\n');
    expect(all).not.toMatch(/保密/);

    const index = texts(book.getWorksheet('目录')!);
    expect(index[0]).toEqual(['2023年度绩效目标公开表目录']);
    expect(index[2]).toEqual(['序号', '主管部门', '单位', '工作表', '部门整体绩效目标', '项目支出绩效目标（个）', '项目资金（万元）']);
    expect(index.slice(3)).toEqual([
      ['1', '轮台县教育局', '轮台县教育局', '轮台县教育局', '有', '1', '10'],
      ['2', '轮台县教育局', '轮台县第一中学', '轮台县第一中学', '—', '1', '10'],
      ['合计', '2', '20'],
    ]);

    const edu = texts(book.getWorksheet('轮台县教育局')!);
    expect(edu[0]).toEqual(['部门整体支出绩效目标表（2023年度）']);
    expect(edu).toContainEqual(['年度主要任务', '保障全县中小学教育教学正常运转。']);
    const projectStart = edu.findIndex((r) => r[0] === '项目支出绩效目标表（2023年度）');
    expect(projectStart).toBeGreaterThan(0);
    const block = edu.slice(projectStart);
    expect(block[2]).toEqual(['项目名称', '2023年教师培训项目']);
    expect(block[3]).toEqual(['主管部门', '轮台县教育局', '实施单位', '轮台县教育局']);
    expect(block[4]).toEqual(['资金（万元）', '年度资金总额', '其中：财政拨款', '其他资金']);
    expect(block[5]).toEqual(['10', '10', '0']);
    expect(block[6]).toEqual(['年度目标', '按计划完成项目建设内容，服务对象满意。']);
    expect(block.slice(7)).toEqual([
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '培训人次', '≥500人次'],
      ['产出指标', '质量指标', '培训合格率', '≥95%'],
      ['效益指标', '社会效益指标', '参训人员业务能力提升情况', '有效提升'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%'],
    ]);
  });

  it('is styled: bold filled headers with borders, money with two decimals, page breaks between tables, printed one page wide', async () => {
    const { ctx, training, repair } = county();
    approved(ctx, training.id);
    approved(ctx, repair.id, '基础设施建设');
    const { bytes } = await exportTargetPublication(ctx, { year: YEAR });
    const book = await loadBook(bytes);
    const sheet = book.getWorksheet('轮台县教育局')!;
    const title = sheet.getCell('A1');
    expect(title.font.bold).toBe(true);
    expect(title.font.size).toBe(16);
    const label = sheet.getCell('A3');
    expect(label.value).toBe('项目名称');
    expect(label.font.bold).toBe(true);
    expect((label.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDCE6F1');
    expect(label.border.left?.style).toBe('thin');
    const money = sheet.getCell('B6');
    expect(money.value).toBe(10);
    expect(money.numFmt).toBe('#,##0.00');
    const header = sheet.getCell('A8');
    expect(header.value).toBe('一级指标');
    expect(header.font.bold).toBe(true);
    expect((header.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDCE6F1');
    expect(sheet.pageSetup).toMatchObject({ fitToWidth: 1, orientation: 'portrait' });

    // The second project starts on a new printed page: the break is in the sheet's XML.
    expect(texts(sheet).filter((r) => r[0] === '项目支出绩效目标表（2023年度）')).toHaveLength(2);
    const zip = XLSX.CFB.read(bytes, { type: 'buffer' });
    const entry = zip.FileIndex[zip.FullPaths.findIndex((p: string) => p.endsWith('xl/worksheets/sheet2.xml'))]!;
    const xml = Buffer.from(entry.content as Uint8Array).toString('utf8');
    expect(xml).toMatch(/<rowBreaks count="1"[^>]*><brk id="\d+"/);
  });

  it('writes names beginning with = + - @ as plain text, never as formulas', async () => {
    const { ctx, education } = county();
    const hostile = ['=HYPERLINK("http://x")', '+1', '@SUM(A1)', '-2-3'];
    for (const [i, name] of hostile.entries()) {
      const p = createProject(ctx, {
        year: YEAR,
        unitId: education.id,
        code: `H-${i}`,
        name,
        projectType: '特定目标类',
        budgetKind: 'general',
        initialBudgetFen: 10_000_000,
        continuity: 'new',
        majorPolicy: false,
      });
      approved(ctx, p.id, '培训', { annualGoal: `=SUM(1,${i})` });
    }
    const { bytes } = await exportTargetPublication(ctx, { year: YEAR });

    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, dense: true });
    const cells = book.SheetNames.flatMap((n) =>
      ((book.Sheets[n] as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []).flat(),
    ).filter(Boolean) as XLSX.CellObject[];
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    for (const text of [...hostile, '=SUM(1,0)']) expect(cells.filter((c) => c.v === text).map((c) => c.t)).toEqual(['s']);

    const workbook = await loadBook(bytes);
    const all: ExcelJS.Cell[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => all.push(cell))));
    expect(all.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    const masters = all.filter((c) => c.type !== ExcelJS.ValueType.Merge);
    for (const text of hostile) expect(masters.filter((c) => c.value === text).map((c) => c.type)).toEqual([ExcelJS.ValueType.String]);
  });

  it('says so when nothing is approved yet', async () => {
    const { ctx, secretProject } = county();
    approved(ctx, secretProject.id, '购置');
    await expect(exportTargetPublication(ctx, { year: YEAR })).rejects.toThrow(
      '2023 年度还没有可公开的绩效目标（已批复或已公开）；涉密单位的 1 个目标不公开。请先完成会审和批复。',
    );
  });
});
