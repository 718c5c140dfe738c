/**
 * The 部门整体支出绩效目标申报表 in the declaration workbook: one sheet per unit next to its projects'
 * sheets, pre-filled from the unit's department target or its projects' budgets, read back into that
 * target through the same checks and services as the project sheets, all or nothing, and a re-import
 * of an exported target that changes nothing. Real files, real ledgers.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { ImportRejected } from '../../electron/formats/importIssue';
import { passesChecks } from '../../electron/rules/targetChecks';
import type { ServiceContext } from '../../electron/ledger/context';
import { approveTargets, submitForReview } from '../../electron/targets/jointReview';
import { createProject } from '../../electron/projects/projects';
import { commitTargetImport, previewTargetImport } from '../../electron/targets/targetImport';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';
import { parseTemplateId, TEMPLATE_ID } from '../../electron/targets/declarationId';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import { snapshotOf, targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { createUnit } from '../../electron/projects/units';
import { setIndicatorLayout } from '../../electron/ledger/years';
import { workbookBytes } from '../fixtures/workbooks';
import {
  auditCount,
  completeContent,
  county,
  decide,
  DEPARTMENT_ROWS,
  DEPARTMENT_TASKS,
  filled,
  indicatorHeaderRow,
  loadBook,
  rowCount,
  saveBook,
  TRAINING_ROWS,
  valueCell,
  YEAR,
} from '../fixtures/targetForms';

const importOf = (bytes: Uint8Array, fileName = '申报表.xlsx') => ({ year: YEAR, fileName, bytes });

const departmentTarget = (ctx: ServiceContext, unitId: number) =>
  listTargets(ctx, { year: YEAR }).find((t) => t.subject === 'department' && t.unitId === unitId);

/** A written 部门整体 target: the 部门整体运转 class, tasks, funds unlike the projects', a 中期 part the sheet does not show. */
function writtenDepartmentTarget(ctx: ServiceContext, unitId: number): number {
  const t = createTarget(ctx, { year: YEAR, projectId: null, unitId });
  const content = completeContent(ctx, '部门整体运转', {
    mainTasks: DEPARTMENT_TASKS,
    annualGoal: '保障全校教育教学正常运转，校园安全设施全部达标。',
    period: '2023—2025年',
    midTermGoal: '三年内建成平安校园。',
    annualTotalFen: 98_765_432,
    annualFiscalFen: 90_000_000,
    annualOtherFen: 8_765_432,
    midTotalFen: 300_000_000,
    midFiscalFen: 300_000_000,
    midOtherFen: 0,
  });
  content.indicators.push({
    libraryIndicatorId: null,
    period: 'midTerm',
    level1: '效益指标',
    level2: '可持续影响指标',
    name: '平安校园建成率',
    nature: '≥',
    value: '100',
    unit: '%',
  });
  saveTarget(ctx, { ...content, id: t.id });
  return t.id;
}

/** The pre-filled indicator rows of a sheet: 一级, 二级, 三级, 性质, 指标值, 计量单位, 指标类型, 指标期限. */
function indicatorRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const h = indicatorHeaderRow(sheet);
  const out: unknown[][] = [];
  for (let r = h + 1; sheet.getCell(r, 1).value || sheet.getCell(r, 2).value; r++)
    out.push([1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getCell(r, c).value ?? ''));
  return out;
}

describe('the 部门整体 sheet of the declaration template', () => {
  it("comes before each unit's projects, in the official layout, with the unit's project budgets as funds to the 分", async () => {
    const { ctx, school } = county();
    // 80,000.00 元 + 12,345.67 元: 9.234567 万元, shown with two decimals, kept exactly.
    createProject(ctx, {
      year: YEAR,
      unitId: school.id,
      code: 'YZ-02',
      name: '2023年校园安全建设项目',
      projectType: '特定目标类',
      budgetKind: 'general',
      initialBudgetFen: 1_234_567,
      continuity: 'new',
      majorPolicy: false,
    });
    const exported = await exportTargetTemplate(ctx, { year: YEAR });
    expect(exported).toMatchObject({ projectCount: 5, unitCount: 3, prefilledTargets: 0, prefilledDepartments: 0 });

    const book = await loadBook(exported.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '部门整体-轮台县教育局',
      'JY-01',
      'JY-02',
      '部门整体-轮台县第一中学',
      'YZ-01',
      'YZ-02',
      '部门整体-轮台县保密局',
      'BM-01',
    ]);
    const sheet = book.getWorksheet('部门整体-轮台县第一中学')!;
    expect(sheet.getCell('A1').value).toBe('部门整体支出绩效目标申报表（2023年度）');
    expect(sheet.getCell('C2').value).toBe(`JXTZ-申报-2023-U${school.id}-T0`);
    // The label–value block, top to bottom, down column A (a merged label counted once).
    const block = Array.from({ length: indicatorHeaderRow(sheet) - 1 }, (_, i) => sheet.getCell(i + 1, 1)).filter(
      (c) => c.value && c.master.address === c.address,
    );
    expect(block.map((c) => [c.address, c.value])).toEqual([
      ['A1', '部门整体支出绩效目标申报表（2023年度）'],
      ['A2', '台账识别码（请勿修改）'],
      ['A3', '部门（单位）名称'],
      ['A4', '资金情况（万元）'],
      ['A7', '年度主要任务'],
      ['A8', '年度总体目标'],
      ['A9', expect.stringMatching(/^绩效指标：每个二级指标下至少填写一个三级指标/)],
    ]);
    expect(sheet.getCell('A6').master.address).toBe('A4');
    expect(['B4', 'B5', 'B6'].map((a) => sheet.getCell(a).value)).toEqual(['年度资金总额', '其中：财政拨款', '其他资金']);
    expect(sheet.getCell('H4').master.address).toBe('C4');
    expect(valueCell(sheet, '部门（单位）名称').value).toBe('轮台县第一中学');
    expect(valueCell(sheet, '年度').value).toBe('2023');
    for (const label of ['年度资金总额', '其中：财政拨款']) {
      expect(valueCell(sheet, label).value).toBe(9.234567);
      expect(valueCell(sheet, label).numFmt).toBe('#,##0.00');
    }
    expect(valueCell(sheet, '其他资金').value).toBe(0);
    expect(sheet.getCell('B3').value).toBe('轮台县第一中学');
    expect(valueCell(sheet, '年度主要任务').value).toBeNull();
    expect((valueCell(sheet, '年度主要任务').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF9E5');
    expect(valueCell(sheet, '年度主要任务').dataValidation.prompt).toMatch(/任务名称：主要内容/);
    expect(valueCell(sheet, '年度总体目标').value).toBeNull();
    expect(() => valueCell(sheet, '项目名称')).toThrow();
    expect(() => valueCell(sheet, '中期目标')).toThrow();
    expect(sheet.getRow(indicatorHeaderRow(sheet)).values).toEqual([
      undefined,
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '指标值',
      '计量单位',
      '指标类型',
      '指标期限',
    ]);
    expect(indicatorRows(sheet).map((r) => r.slice(0, 2))).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    expect(valueCell(book.getWorksheet('部门整体-轮台县教育局')!, '年度资金总额').value).toBe(62.3456);

    // The untouched template reads back as nothing to do: every 部门整体 sheet is skipped, not created.
    const preview = previewTargetImport(ctx, importOf(exported.bytes));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.filter((s) => s.subject === 'department').map((s) => [s.sheet, s.action, s.note])).toEqual([
      ['部门整体-轮台县教育局', 'skip', '未填写年度主要任务、年度总体目标和绩效指标，已跳过'],
      ['部门整体-轮台县第一中学', 'skip', expect.any(String)],
      ['部门整体-轮台县保密局', 'skip', expect.any(String)],
    ]);
  });

  it("names long unit names within Excel's 31 characters, each tab unique, and still finds each unit by its code", async () => {
    const { ctx, education } = county();
    const long = (suffix: string) => `轮台县教育局所属某某某某某某某某某某某某某某某某某某${suffix}`;
    for (const [i, name] of [long('一中心'), long('二中心')].entries()) {
      const unit = createUnit(ctx, { name, code: `001-L${i}`, parentId: education.id, classified: false });
      createProject(ctx, {
        year: YEAR,
        unitId: unit.id,
        code: `L-0${i}`,
        name: `${name}运转项目`,
        projectType: '特定目标类',
        budgetKind: 'general',
        initialBudgetFen: 1_000_000,
        continuity: 'new',
        majorPolicy: false,
      });
    }
    const exported = await exportTargetTemplate(ctx, { year: YEAR });
    const book = await loadBook(exported.bytes);
    const tabs = book.worksheets.map((w) => w.name).filter((n) => n.startsWith('部门整体-轮台县教育局所属'));
    expect(tabs).toHaveLength(2);
    expect(tabs.every((n) => n.length <= 31)).toBe(true);
    expect(new Set(tabs).size).toBe(2);
    expect(tabs[1]).toMatch(/\(2\)$/);

    for (const tab of tabs) {
      const sheet = book.getWorksheet(tab)!;
      valueCell(sheet, '年度主要任务').value = DEPARTMENT_TASKS;
      valueCell(sheet, '年度总体目标').value = '完成年度工作任务。';
      DEPARTMENT_ROWS.forEach((row, r) => row.forEach((v, c) => (sheet.getCell(indicatorHeaderRow(sheet) + 1 + r, c + 1).value = v)));
    }
    const preview = previewTargetImport(ctx, importOf(await saveBook(book)));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.filter((s) => s.action === 'create').map((s) => [s.sheet, s.unitName])).toEqual([
      [tabs[0], long('一中心')],
      [tabs[1], long('二中心')],
    ]);
  });

  it('keeps the 台账识别码 of project sheets as it was: old markers still read', () => {
    const read = (code: string) => parseTemplateId(TEMPLATE_ID.exec(code)!);
    expect(read('JXTZ-申报-2023-P12-T0')).toEqual({ year: 2023, subject: 'project', subjectId: 12, targetId: null });
    expect(read('JXTZ-申报-2023-P12-T34')).toEqual({ year: 2023, subject: 'project', subjectId: 12, targetId: 34 });
    expect(read('JXTZ-申报-2024-U7-T9')).toEqual({ year: 2024, subject: 'department', subjectId: 7, targetId: 9 });
  });
});

describe('importing 部门整体 sheets', () => {
  it("saves a filled sheet as the unit's department target — tasks, goal, funds, indicators — and a re-import changes nothing", async () => {
    const { ctx, school } = county();
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: school.id });
    const file = await filled(template.bytes, {
      '部门整体-轮台县第一中学': {
        mainTasks: DEPARTMENT_TASKS,
        annualGoal: '保障全校教育教学正常运转。',
        funds: { total: '98.765432', fiscal: 90, other: '8.765432' },
        indicators: DEPARTMENT_ROWS,
      },
    });
    const preview = previewTargetImport(ctx, importOf(file, '第一中学.xlsx'));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => [s.sheet, s.subject, s.action])).toEqual([
      ['部门整体-轮台县第一中学', 'department', 'create'],
      ['YZ-01', 'project', 'skip'],
    ]);
    expect(preview.sheets[0]).toMatchObject({
      unitName: '轮台县第一中学',
      projectId: null,
      projectName: null,
      annualTotalFen: 98_765_432,
      indicatorCount: 6,
      commonCount: 5,
      failedChecks: [],
    });
    expect(departmentTarget(ctx, school.id)).toBeUndefined(); // the preview wrote nothing

    const audit = auditCount(ctx);
    expect(commitTargetImport(ctx, importOf(file, '第一中学.xlsx'))).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const detail = targetDetail(ctx, departmentTarget(ctx, school.id)!.targetId!);
    expect(detail).toMatchObject({
      subject: 'department',
      unitId: school.id,
      projectId: null,
      status: 'draft',
      period: '2023年',
      mainTasks: DEPARTMENT_TASKS,
      annualGoal: '保障全校教育教学正常运转。',
      annualTotalFen: 98_765_432,
      annualFiscalFen: 90_000_000,
      annualOtherFen: 8_765_432,
      midTotalFen: null,
    });
    expect(detail.indicators.map((i) => [i.level2, i.name, `${i.nature}${i.value}${i.unit ?? ''}`, i.libraryIndicatorId !== null])).toEqual(
      [
        ['数量指标', '重点工作完成率', '≥95%', true],
        ['质量指标', '预决算信息公开率', '＝100%', true],
        ['时效指标', '预算执行率', '≥90%', true],
        ['社会效益指标', '履职效能', '定性有效提升', true],
        ['社会效益指标', '学生巩固率', '≥99%', false],
        ['服务对象满意度指标', '服务对象满意度', '≥90%', true],
      ],
    );
    expect(passesChecks(detail.checks)).toBe(true);
    // The services' own entries (create, its 布置 date, save) and the import's.
    expect(auditCount(ctx) - audit).toBe(4);

    const after = { audit: auditCount(ctx), indicators: rowCount(ctx, 'target_indicators').n, snapshot: snapshotOf(ctx, detail.id) };
    expect(commitTargetImport(ctx, importOf(file, '第一中学.xlsx'))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const again = await exportTargetTemplate(ctx, { year: YEAR, unitId: school.id });
    expect(again.prefilledDepartments).toBe(1);
    const reimport = previewTargetImport(ctx, importOf(again.bytes, '再导出.xlsx'));
    expect(reimport.sheets[0]).toMatchObject({
      subject: 'department',
      action: 'unchanged',
      changes: [],
      note: '与台账中的绩效目标相同，不作修改',
    });
    expect(commitTargetImport(ctx, importOf(again.bytes, '再导出.xlsx'))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect({ audit: auditCount(ctx), indicators: rowCount(ctx, 'target_indicators').n, snapshot: snapshotOf(ctx, detail.id) }).toEqual(
      after,
    );

    // A change is an update, listed field by field.
    const changed = await filled(again.bytes, {
      '部门整体-轮台县第一中学': {
        mainTasks: `${DEPARTMENT_TASKS}\n教师培训：完成全员培训。`,
        funds: { total: 100, fiscal: 100, other: 0 },
      },
    });
    expect(previewTargetImport(ctx, importOf(changed)).sheets[0]!.changes).toEqual([
      '年度主要任务：已修改',
      '年度资金总额：98.77 → 100.00 万元',
      '年度财政拨款：90.00 → 100.00 万元',
      '年度其他资金：8.77 → 0.00 万元',
    ]);
    commitTargetImport(ctx, importOf(changed));
    expect(targetDetail(ctx, detail.id).mainTasks).toBe(`${DEPARTMENT_TASKS}\n教师培训：完成全员培训。`);
  });

  it('reads back an exported department target unchanged, 中期 part, class and 四分法 placement included', async () => {
    const { ctx, education } = county();
    setIndicatorLayout(ctx, { year: YEAR, layout: 'four' });
    const id = writtenDepartmentTarget(ctx, education.id);
    const before = {
      audit: auditCount(ctx),
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      snapshot: snapshotOf(ctx, id),
    };

    const exported = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    expect(exported.prefilledDepartments).toBe(1);
    const sheet = (await loadBook(exported.bytes)).getWorksheet('部门整体-轮台县教育局')!;
    expect(sheet.getCell('C2').value).toBe(`JXTZ-申报-2023-U${education.id}-T${id}`);
    expect(valueCell(sheet, '年度主要任务').value).toBe(DEPARTMENT_TASKS);
    expect(valueCell(sheet, '年度资金总额').value).toBe(98.765432);
    expect(indicatorRows(sheet)).toContainEqual(['效益指标', '可持续影响指标', '平安校园建成率', '≥', '100', '%', '个性', '中期']);

    const preview = previewTargetImport(ctx, importOf(exported.bytes));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => [s.sheet, s.action])).toEqual([
      ['部门整体-轮台县教育局', 'unchanged'],
      ['JY-01', 'skip'],
      ['JY-02', 'skip'],
    ]);
    expect(preview).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 1 });
    expect(commitTargetImport(ctx, importOf(exported.bytes))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect({
      audit: auditCount(ctx),
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      snapshot: snapshotOf(ctx, id),
    }).toEqual(before);
  });

  it('names every bad cell of a 部门整体 sheet, and writes nothing of the file — not even its valid project sheets', async () => {
    const { ctx, education } = county();
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const header = indicatorHeaderRow((await loadBook(template.bytes)).getWorksheet('部门整体-轮台县教育局')!);
    const file = await filled(template.bytes, {
      '部门整体-轮台县教育局': {
        mainTasks: DEPARTMENT_TASKS,
        annualGoal: '完成年度教育工作任务。',
        clearRows: 5,
        indicators: [
          ['产出指标', '数量指标', '重点工作完成率', '约等于', '95', '%'],
          ['产出指标', '质量指标', '督导检查覆盖率', '≥', '', '%'],
          ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥', '90', '%'],
        ],
      },
      'JY-01': { className: '培训', annualGoal: '全年培训教师 500 人次。', indicators: TRAINING_ROWS },
    });
    const before = {
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      audit: auditCount(ctx),
    };
    const preview = previewTargetImport(ctx, importOf(file, '教育局.xlsx'));
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['部门整体-轮台县教育局', header + 1, 'D'],
      ['部门整体-轮台县教育局', header + 2, 'E'],
    ]);
    expect(preview.errors[0]!.message).toBe(
      `教育局.xlsx 工作表“部门整体-轮台县教育局”第 ${header + 1} 行 D 列（指标性质）：“约等于”不是可识别的指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性。`,
    );
    expect(preview.errors[1]!.message).toMatch(new RegExp(`第 ${header + 2} 行 E 列（指标值）：没有填写指标值`));
    expect(preview.sheets.map((s) => [s.sheet, s.action])).toEqual([
      ['部门整体-轮台县教育局', 'error'],
      ['JY-01', 'create'],
      ['JY-02', 'skip'],
    ]);

    expect(() => commitTargetImport(ctx, importOf(file, '教育局.xlsx'))).toThrow(ImportRejected);
    expect(() => commitTargetImport(ctx, importOf(file, '教育局.xlsx'))).toThrow(/教育局\.xlsx 有 2 处问题，未导入任何数据/);
    expect({
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      audit: auditCount(ctx),
    }).toEqual(before);
  });

  it("refuses a sheet for a unit the ledger does not have, and one copied from another unit's sheet; a retyped sheet for a known unit reads", async () => {
    const { ctx, school, education } = county();
    const retyped = (unitName: string, nameLabel = '部门（单位）名称') =>
      workbookBytes([
        {
          name: '部门整体',
          rows: [
            ['2023年度部门整体支出绩效目标申报表'],
            [nameLabel, unitName, null, '年度', '2023'],
            ['年度主要任务', '教育教学：保障正常教学秩序。'],
            ['资金情况（万元）', '年度资金总额', '80'],
            [null, '其中：财政拨款', '80'],
            [null, '其他资金', '0'],
            ['年度总体目标', '完成年度教育教学任务。'],
            ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位'],
            ...DEPARTMENT_ROWS,
          ],
          merges: ['A4:A6'],
        },
      ]);
    const unknown = previewTargetImport(ctx, importOf(retyped('轮台县不存在局'), '外来.xlsx'));
    expect(unknown.errors.map((e) => e.message)).toEqual([
      '外来.xlsx 工作表“部门整体”第 2 行 B 列（部门（单位）名称）：台账中没有名为“轮台县不存在局”的预算单位。请按台账中的单位名称填写部门（单位）名称；如是新单位，请先在“项目与目标”的“预算单位”页新建后再导入。',
    ]);
    expect(unknown.sheets).toMatchObject([{ sheet: '部门整体', subject: 'department', action: 'error' }]);
    expect(() => commitTargetImport(ctx, importOf(retyped('轮台县不存在局'), '外来.xlsx'))).toThrow(/外来\.xlsx 有 1 处问题/);
    expect(rowCount(ctx, 'performance_targets').n).toBe(0);

    // Without a 台账识别码 the labels (or, with a plain 单位名称, the title) make it a 部门整体 sheet.
    for (const label of ['部门（单位）名称', '单位名称']) {
      const known = previewTargetImport(ctx, importOf(retyped('轮台县第一中学', label)));
      expect(known.errors).toEqual([]);
      expect(known.sheets).toMatchObject([
        { subject: 'department', action: 'create', unitName: '轮台县第一中学', annualTotalFen: 80_000_000 },
      ]);
    }
    commitTargetImport(ctx, importOf(retyped('轮台县第一中学')));
    expect(targetDetail(ctx, departmentTarget(ctx, school.id)!.targetId!).mainTasks).toBe('教育教学：保障正常教学秩序。');

    // The education bureau's sheet retitled for the school: the code and the name disagree.
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const copied = await loadBook(template.bytes);
    const sheet = copied.getWorksheet('部门整体-轮台县教育局')!;
    valueCell(sheet, '部门（单位）名称').value = '轮台县第一中学';
    valueCell(sheet, '年度总体目标').value = '目标';
    const refused = previewTargetImport(ctx, importOf(await saveBook(copied)));
    expect(refused.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /第 3 行 B 列（部门（单位）名称）：台账识别码对应的是“轮台县教育局”，表中部门（单位）名称却是“轮台县第一中学”。请使用台账为“轮台县第一中学”导出的申报表/,
      ),
    ]);
  });

  it('refuses to change a department target under review or approved, but accepts the same content back', async () => {
    const { ctx, education } = county();
    const id = writtenDepartmentTarget(ctx, education.id);
    submitForReview(ctx, { targetId: id });
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    expect(commitTargetImport(ctx, importOf(template.bytes))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const changed = await filled(template.bytes, { '部门整体-轮台县教育局': { annualGoal: '改写后的年度目标。' } });
    expect(previewTargetImport(ctx, importOf(changed)).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /工作表“部门整体-轮台县教育局”第 3 行 B 列（部门（单位）名称）：“轮台县教育局部门整体”的绩效目标当前为“会审中”，不能修改（本表改动了：年度总体目标：已修改）/,
      ),
    ]);
    decide(ctx, id, '优');
    approveTargets(ctx, { targetIds: [id] });
    expect(previewTargetImport(ctx, importOf(changed)).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/“轮台县教育局部门整体”的绩效目标已批复，不能通过导入修改.*请在台账中走“目标调整”/),
    ]);
    expect(commitTargetImport(ctx, importOf(template.bytes))).toMatchObject({ unchanged: 1 });
    expect(targetDetail(ctx, id).annualGoal).toBe('保障全校教育教学正常运转，校园安全设施全部达标。');
  });
});
