/**
 * The declaration template (项目支出绩效目标申报表) out and back in: styled one sheet per project, filled
 * the way units fill it, imported all-or-nothing with every bad cell named, and a re-import that changes
 * nothing. Real files in temp folders, real ledgers.
 */
import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { listIndicators } from '../../electron/indicators/indicators';
import { ImportRejected } from '../../electron/formats/importIssue';
import { commitTargetImport, previewTargetImport } from '../../electron/targets/targetImport';
import { parseIndicatorValue } from '../../electron/targets/indicatorCells';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import { targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { setIndicatorLayout } from '../../electron/ledger/years';
import { passesChecks } from '../../electron/rules/targetChecks';
import { demoContext } from '../fixtures/demoLedger';
import { workbookBytes } from '../fixtures/workbooks';
import { approveTargets } from '../../electron/targets/jointReview';
import {
  auditCount,
  completeContent,
  county,
  decide,
  filled,
  indicatorHeaderRow,
  loadBook,
  rowCount,
  targetInReview,
  TRAINING_ROWS,
  valueCell,
  YEAR,
} from '../fixtures/targetForms';

const importOf = (bytes: Uint8Array, fileName = '申报表.xlsx') => ({ year: YEAR, fileName, bytes });

describe('the declaration template', () => {
  it('has one styled sheet per project of the unit, with the title, identification, funds and the required 二级 rows', async () => {
    const { ctx, education, training } = county();
    const exported = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    expect(exported).toMatchObject({ projectCount: 2, unitCount: 1, fileName: '2023年度绩效目标申报表（轮台县教育局）.xlsx' });

    const book = await loadBook(exported.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['填报说明', '部门整体-轮台县教育局', 'JY-01', 'JY-02']);
    const sheet = book.getWorksheet('JY-01')!;
    expect(sheet.getCell('A1').value).toBe('项目支出绩效目标申报表（2023年度）');
    expect(sheet.getCell('A1').font.bold).toBe(true);
    expect(sheet.getCell('C2').value).toBe(`JXTZ-申报-2023-P${training.id}-T0`);
    expect(valueCell(sheet, '项目名称').value).toBe('2023年教师培训项目');
    expect(valueCell(sheet, '项目代码').value).toBe('JY-01');
    expect(valueCell(sheet, '主管部门').value).toBe('轮台县教育局');
    expect(valueCell(sheet, '项目属性').value).toBe('新增');
    expect(valueCell(sheet, '年度资金总额').value).toBe(12.3456);
    expect(valueCell(sheet, '年度资金总额').numFmt).toBe('#,##0.00');
    expect(valueCell(sheet, '其中：财政拨款').value).toBe(12.3456);
    expect(valueCell(sheet, '其他资金').value).toBe(0);

    // Labels: bold on the header fill, bordered; cells to fill on a pale fill.
    const label = sheet.getCell('A3');
    expect(label.value).toBe('项目名称');
    expect(label.font.bold).toBe(true);
    expect((label.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFDCE6F1');
    expect(label.border.top?.style).toBe('thin');
    expect((valueCell(sheet, '年度总体目标').fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF9E5');
    expect(valueCell(sheet, '年度总体目标').alignment.wrapText).toBe(true);
    expect(sheet.pageSetup.fitToWidth).toBe(1);

    const header = indicatorHeaderRow(sheet);
    expect(sheet.getRow(header).values).toEqual([
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
    const prefilled = [1, 2, 3, 4, 5].map((i) => [sheet.getCell(header + i, 1).value, sheet.getCell(header + i, 2).value]);
    expect(prefilled).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['效益指标', '社会效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    expect(sheet.getCell(header + 1, 4).dataValidation).toMatchObject({ type: 'list' });
    expect(sheet.getCell(header + 1, 4).dataValidation.formulae).toEqual(['"≥,＞,＝,＜,≤,定性"']);
  });

  it("pre-fills the class's mandatory indicators, or the target's own indicators when it has them, in the year's layout", async () => {
    const { ctx, training, repair, trainingClassId } = county();
    const draft = createTarget(ctx, { year: YEAR, projectId: training.id, unitId: null });
    saveTarget(ctx, { ...completeContent(ctx, '培训'), indicators: [], annualGoal: '', id: draft.id });
    const written = createTarget(ctx, { year: YEAR, projectId: repair.id, unitId: null });
    const content = completeContent(ctx, '基础设施建设');
    const cost = listIndicators(ctx).find((i) => i.name === '单位面积建设成本')!;
    content.indicators.push({
      libraryIndicatorId: cost.id,
      period: 'annual',
      level1: cost.level1,
      level2: cost.level2,
      name: cost.name,
      nature: cost.nature,
      value: '3000',
      unit: cost.unit,
    });
    saveTarget(ctx, { ...content, id: written.id });
    setIndicatorLayout(ctx, { year: YEAR, layout: 'four' });

    const book = await loadBook((await exportTargetTemplate(ctx, { year: YEAR })).bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '填报说明',
      '部门整体-轮台县教育局',
      'JY-01',
      'JY-02',
      '部门整体-轮台县第一中学',
      'YZ-01',
      '部门整体-轮台县保密局',
      'BM-01',
    ]);
    const rows = (name: string) => {
      const sheet = book.getWorksheet(name)!;
      const h = indicatorHeaderRow(sheet);
      const out: unknown[][] = [];
      for (let r = h + 1; sheet.getCell(r, 1).value || sheet.getCell(r, 2).value; r++)
        out.push([1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getCell(r, c).value ?? ''));
      return out;
    };
    expect(valueCell(book.getWorksheet('JY-01')!, '指标类别').value).toBe('培训');
    expect(rows('JY-01')).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥', '', '人次', '共性'],
      ['产出指标', '质量指标', '', '', '', '', ''],
      ['产出指标', '时效指标', '', '', '', '', ''],
      ['效益指标', '社会效益指标', '', '', '', '', ''],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '', '%', '共性'],
    ]);
    expect(trainingClassId).toBeGreaterThan(0);
    expect(rows('JY-02')).toContainEqual(['成本指标', '经济成本指标', '单位面积建设成本', '≤', '3000', '元/平方米', '共性']);
    expect(rows('JY-02')[0]).toEqual(['产出指标', '数量指标', '新建建筑面积', '≥', '500', '平方米', '共性']);

    // The 四分法 placement comes back to the ledger's own placement: nothing changes. JY-01 has names
    // but no goal and no 指标值 yet: not filled in, skipped.
    const auditBefore = auditCount(ctx);
    const again = commitTargetImport(ctx, importOf((await exportTargetTemplate(ctx, { year: YEAR })).bytes));
    expect(again.preview.sheets.filter((s) => s.subject === 'project').map((s) => [s.sheet, s.action])).toEqual([
      ['JY-01', 'skip'],
      ['JY-02', 'unchanged'],
      ['YZ-01', 'skip'],
      ['BM-01', 'skip'],
    ]);
    expect(auditCount(ctx)).toBe(auditBefore);
  });
});

describe('importing filled declarations', () => {
  it("saves each filled sheet as the project's targets, linking library names as 共性, and they pass the machine checks", async () => {
    const { ctx, education, training, repair } = county();
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const file = await filled(template.bytes, {
      'JY-01': {
        className: '培训',
        annualGoal: '全年培训中小学教师 500 人次，培训合格率不低于 95%，教师教学能力有效提升。',
        funds: { total: '1,234.56', fiscal: 1000, other: '234.56万' },
        indicators: TRAINING_ROWS,
      },
    });
    const preview = previewTargetImport(ctx, importOf(file));
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => [s.sheet, s.action])).toEqual([
      ['部门整体-轮台县教育局', 'skip'],
      ['JY-01', 'create'],
      ['JY-02', 'skip'],
    ]);
    expect(preview.ignoredSheets.map((s) => s.sheet)).toEqual(['填报说明']);
    expect(preview.sheets[1]).toMatchObject({ indicatorCount: 7, commonCount: 6, failedChecks: [] });
    expect(listTargets(ctx, { year: YEAR }).every((t) => t.targetId === null)).toBe(true); // the preview wrote nothing

    const result = commitTargetImport(ctx, importOf(file));
    expect(result).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const row = listTargets(ctx, { year: YEAR }).find((t) => t.projectId === training.id)!;
    const detail = targetDetail(ctx, row.targetId!);
    expect(detail).toMatchObject({
      status: 'draft',
      className: '培训',
      annualTotalFen: 1_234_560_000,
      annualFiscalFen: 1_000_000_000,
      annualOtherFen: 234_560_000,
      period: '2023年',
    });
    expect(passesChecks(detail.checks)).toBe(true);
    expect(detail.checks.every((c) => c.ok)).toBe(true);
    expect(detail.indicators.map((i) => [i.level2, i.name, i.nature, i.value, i.unit, i.libraryIndicatorId !== null])).toEqual([
      ['数量指标', '培训人次', '≥', '500', '人次', true],
      ['数量指标', '培训期数', '≥', '5', '期', true],
      ['质量指标', '培训合格率', '≥', '95', '%', true],
      ['时效指标', '培训完成时间', '≤', '10', '月', true],
      ['社会效益指标', '参训人员业务能力提升情况', '定性', '有效提升', null, true],
      ['社会效益指标', '乡村教师骨干培养人数', '≥', '30', '人', false],
      ['服务对象满意度指标', '参训人员满意度', '≥', '90', '%', true],
    ]);
    expect(listTargets(ctx, { year: YEAR }).find((t) => t.projectId === repair.id)!.targetId).toBeNull(); // the blank sheet was skipped

    // Re-importing the same file, or a fresh export of what is now in the ledger, changes nothing at all.
    const audit = auditCount(ctx);
    const indicators = rowCount(ctx, 'target_indicators').n;
    expect(commitTargetImport(ctx, importOf(file))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const reexported = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    expect(commitTargetImport(ctx, importOf(reexported.bytes, '再导出.xlsx'))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(auditCount(ctx)).toBe(audit);
    expect(rowCount(ctx, 'target_indicators').n).toBe(indicators);

    // A change is an update, described field by field, with one save and one import entry in the audit log.
    const changed = await filled(reexported.bytes, {
      'JY-01': { annualGoal: '全年培训中小学教师 600 人次。', indicators: [['产出指标', '数量指标', '培训人次', '≥', '600', '人次']] },
    });
    const update = previewTargetImport(ctx, importOf(changed));
    expect(update.sheets[1]!.changes).toEqual(['年度总体目标：已修改', '修改指标：“培训人次”≥500人次 → ≥600人次']);
    commitTargetImport(ctx, importOf(changed));
    expect(auditCount(ctx)).toBe(audit + 2);
  });

  it('lists every bad cell of a damaged file with its sheet, row and column, and writes nothing', async () => {
    const { ctx, education } = county();
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const file = await filled(template.bytes, {
      'JY-01': {
        annualGoal: '全年培训教师 500 人次。',
        funds: { total: '十二万元' },
        clearRows: 5,
        indicators: [
          ['产出指标', '规模指标', '培训覆盖面', '≥', '80', '%'],
          ['产出指标', '数量指标', '培训人次', '约等于', '500', '人次'],
          ['产出指标', '数量指标', '送教下乡次数', '≥', '12', ''],
          ['产出指标', '质量指标', '指标2', '', '', ''],
          ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '', '%'],
        ],
      },
      'JY-02': {
        annualGoal: '完成校舍维修 3000 平方米。',
        funds: { other: 'abc' },
        indicators: [['产出指标', '数量指标', '维修面积', '≥', '3000', '平方米']],
      },
    });
    const before = {
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      audit: auditCount(ctx),
    };
    const preview = previewTargetImport(ctx, importOf(file, '教育局.xlsx'));
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['JY-01', 7, 'C'],
      ['JY-01', 14, 'B'],
      ['JY-01', 15, 'D'],
      ['JY-01', 16, 'F'],
      ['JY-01', 18, 'E'],
      ['JY-02', 9, 'C'],
    ]);
    const messages = preview.errors.map((e) => e.message);
    expect(messages[0]).toMatch(/^教育局\.xlsx 工作表“JY-01”第 7 行 C 列（年度资金总额）：“十二万元”不是金额/);
    expect(messages[1]).toMatch(/第 14 行 B 列（二级指标）：一级指标“产出指标”下没有二级指标“规模指标”/);
    expect(messages[2]).toMatch(/第 15 行 D 列（指标性质）：“约等于”不是可识别的指标性质/);
    expect(messages[3]).toMatch(/第 16 行 F 列（计量单位）：定量指标须填写计量单位/);
    expect(messages[4]).toMatch(/第 18 行 E 列（指标值）：没有填写指标值/);
    expect(messages[5]).toMatch(/工作表“JY-02”第 9 行 C 列（其他资金）：“abc”不是金额/);
    expect(preview.skippedRows).toContainEqual(
      expect.objectContaining({ sheet: 'JY-01', row: 17, reason: expect.stringMatching(/占位行/) }),
    );

    expect(() => commitTargetImport(ctx, importOf(file, '教育局.xlsx'))).toThrow(ImportRejected);
    expect(() => commitTargetImport(ctx, importOf(file, '教育局.xlsx'))).toThrow(/教育局\.xlsx 有 6 处问题，未导入任何数据/);
    expect({
      targets: rowCount(ctx, 'performance_targets').n,
      indicators: rowCount(ctx, 'target_indicators').n,
      audit: auditCount(ctx),
    }).toEqual(before);
  });

  it('reads one workbook per project built elsewhere: labels with colons, amounts in 元, the official 中期/年度 layout', () => {
    const { ctx, aid } = county();
    const file = workbookBytes([
      {
        name: '资助项目',
        rows: [
          ['2023年度项目支出绩效目标申报表'],
          ['项目名称：', '2023年家庭经济困难学生资助项目', null, '项目代码：', 'YZ-01'],
          ['主管部门及代码', '轮台县教育局 001', null, '实施单位', '轮台县第一中学'],
          ['项目资金（元）', '年度资金总额：', '80,000.00', '中期资金总额：', null],
          [null, '其中：财政拨款', '80000', '其中：财政拨款', null],
          [null, '其他资金', '/', '其他资金', null],
          ['总体目标', '中期目标', '年度目标'],
          [null, null, '资助家庭经济困难学生 200 人，资助资金足额发放。'],
          [],
          ['一级指标', '二级指标', '三级指标', '指标值', '度量单位'],
          ['产出', '数量', '资助学生人数', '≥200', '人'],
          ['产出', '质量', '资助资金足额发放率', '=100%', null],
          ['产出', '时效', '资金发放及时率', '≥95', '%'],
          ['效益', '社会效益', '家庭经济困难学生就学保障情况', '保障', null],
          ['满意度', '服务对象满意度', '受助学生满意度', 0.92, '%'],
          ['……', null, null, null, null],
          ['填报人：张三', null, '联系电话：0996-1234567'],
        ],
        merges: ['A4:A6', 'A7:A8'],
      },
    ]);
    const preview = previewTargetImport(ctx, importOf(file, '资助项目.xlsx'));
    // Without a 性质 column the operator must be in the 指标值; "保障" and a bare 0.92 have none.
    expect(preview.errors.map((e) => e.message)).toEqual([
      '资助项目.xlsx 工作表“资助项目”第 14 行 D 列（指标值）：没有填写指标性质。请填写 ≥、＞、＝、＜、≤ 或 定性（也可写在指标值前，如“≥95”）。',
      expect.stringMatching(/第 15 行 D 列（指标值）：没有填写指标性质/),
    ]);

    const fixed = workbookBytes([
      {
        name: '资助项目',
        rows: [
          ['2023年度项目支出绩效目标申报表'],
          ['项目名称：', '2023年家庭经济困难学生资助项目', null, '项目代码：', 'YZ-01'],
          ['主管部门及代码', '轮台县教育局 001', null, '实施单位', '轮台县第一中学'],
          ['项目资金（元）', '年度资金总额：', '80,000.00', '中期资金总额：', null],
          [null, '其中：财政拨款', '80000', '其中：财政拨款', null],
          [null, '其他资金', '/', '其他资金', null],
          ['总体目标', '中期目标', '年度目标'],
          [null, null, '资助家庭经济困难学生 200 人，资助资金足额发放。'],
          [],
          ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
          ['产出', '数量', '资助学生人数', null, '≥200', '人'],
          ['产出', '质量', '资助资金足额发放率', null, '=100%', null],
          ['产出', '时效', '资金发放及时率', null, '≥95', '%'],
          ['效益', '社会效益', '家庭经济困难学生就学保障情况', '定性', '有效保障', null],
          ['满意度', '服务对象满意度', '受助学生满意度', '≥', 0.92, '%'],
          ['……', null, null, null, null],
          ['填报人：张三', null, '联系电话：0996-1234567'],
        ],
        merges: ['A4:A6', 'A7:A8'],
      },
    ]);
    const ok = previewTargetImport(ctx, importOf(fixed, '资助项目.xlsx'));
    expect(ok.errors).toEqual([]);
    expect(ok.warnings.map((w) => w.message)).toEqual([expect.stringMatching(/第 15 行 E 列（指标值）：指标值 0\.92 按百分数 92% 导入/)]);
    commitTargetImport(ctx, importOf(fixed, '资助项目.xlsx'));
    const t = targetDetail(ctx, listTargets(ctx, { year: YEAR }).find((r) => r.projectId === aid.id)!.targetId!);
    expect(t).toMatchObject({
      annualTotalFen: 8_000_000,
      annualFiscalFen: 8_000_000,
      annualOtherFen: 0,
      annualGoal: '资助家庭经济困难学生 200 人，资助资金足额发放。',
      midTotalFen: null,
    });
    expect(t.indicators.map((i) => `${i.level2}|${i.name}|${i.nature}${i.value}${i.unit ?? ''}`)).toEqual([
      '数量指标|资助学生人数|≥200人',
      '质量指标|资助资金足额发放率|＝100%',
      '时效指标|资金发放及时率|≥95%',
      '社会效益指标|家庭经济困难学生就学保障情况|定性有效保障',
      '服务对象满意度指标|受助学生满意度|≥92%',
    ]);
    expect(passesChecks(t.checks)).toBe(true);
  });

  it('reads one workbook for a whole unit the same way as per-project files, matching by code then by unit and name', async () => {
    const { ctx } = county();
    const all = await exportTargetTemplate(ctx, { year: YEAR });
    const book = await loadBook(all.bytes);
    // A clerk retyped one sheet's code wrongly: the unit and name still find the project, with a warning.
    valueCell(book.getWorksheet('YZ-01')!, '项目代码').value = 'YZ-001';
    const fill = (name: string, className: string, rows: (string | number | null)[][]) => {
      const sheet = book.getWorksheet(name)!;
      valueCell(sheet, '指标类别').value = className;
      valueCell(sheet, '年度总体目标').value = `${name} 年度目标`;
      const h = indicatorHeaderRow(sheet);
      rows.forEach((row, r) => row.forEach((v, c) => (sheet.getCell(h + 1 + r, c + 1).value = v)));
    };
    fill('JY-01', '培训', TRAINING_ROWS);
    fill('JY-02', '基础设施建设', [
      ['产出指标', '数量指标', '改扩建建筑面积', '≥', '3000', '平方米'],
      ['产出指标', '质量指标', '工程验收合格率', '＝', '100', '%'],
      ['产出指标', '时效指标', '项目完工及时率', '≥', '100', '%'],
      ['效益指标', '社会效益指标', '公共服务保障能力', '定性', '明显改善', ''],
      ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥', '90', '%'],
    ]);
    fill('YZ-01', '补助补贴', [
      ['产出指标', '数量指标', '补贴发放对象人数', '≥', '200', '人'],
      ['产出指标', '质量指标', '补贴资金足额发放率', '＝', '100', '%'],
      ['产出指标', '时效指标', '补贴资金发放及时率', '≥', '100', '%'],
      ['效益指标', '社会效益指标', '政策知晓率', '≥', '95', '%'],
      ['满意度指标', '服务对象满意度指标', '补贴对象满意度', '≥', '90', '%'],
    ]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const preview = previewTargetImport(ctx, importOf(bytes, '全县.xlsx'));
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/工作表“YZ-01”第 4 行 B 列（项目代码）：台账中“2023年家庭经济困难学生资助项目”的项目代码是 YZ-01/),
    ]);
    expect(commitTargetImport(ctx, importOf(bytes, '全县.xlsx'))).toMatchObject({ created: 3, unchanged: 0 });
    expect(
      listTargets(ctx, { year: YEAR })
        .filter((t) => t.targetId !== null)
        .every((t) => t.indicatorCount >= 5),
    ).toBe(true);
  });

  it('refuses to change targets under review or approved, but accepts the same content back', async () => {
    const { ctx, education, training } = county();
    const id = targetInReview(ctx, training.id);
    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    expect(commitTargetImport(ctx, importOf(template.bytes))).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    const changed = await filled(template.bytes, { 'JY-01': { annualGoal: '改写后的年度目标。' } });
    const preview = previewTargetImport(ctx, importOf(changed));
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(
        /工作表“JY-01”第 3 行 B 列（项目名称）：“2023年教师培训项目”的绩效目标当前为“会审中”，不能修改（本表改动了：年度总体目标：已修改）/,
      ),
    ]);
    expect(targetDetail(ctx, id).annualGoal).toBe('按计划完成项目建设内容，服务对象满意。');

    decide(ctx, id, '优');
    approveTargets(ctx, { targetIds: [id] });
    expect(previewTargetImport(ctx, importOf(changed)).errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/“2023年教师培训项目”的绩效目标已批复，不能通过导入修改.*请在台账中走“目标调整”/),
    ]);
    expect(commitTargetImport(ctx, importOf(template.bytes))).toMatchObject({ unchanged: 1 });
  });

  it('names a project the ledger does not have, and refuses a template of another year', async () => {
    const { ctx, education } = county();
    const foreign = workbookBytes([
      {
        name: 'X',
        rows: [
          ['项目名称', '不存在的项目', '项目代码', 'NOPE-9'],
          ['年度总体目标', '目标'],
          ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位'],
          ['产出指标', '数量指标', '某数量', '≥', '1', '个'],
        ],
      },
    ]);
    expect(previewTargetImport(ctx, importOf(foreign, '外来.xlsx')).errors.map((e) => e.message)).toEqual([
      '外来.xlsx 工作表“X”第 1 行 D 列（项目代码）：台账 2023 年度中没有项目代码为“NOPE-9”的项目，也没有项目“不存在的项目”。请核对项目代码和项目名称，或先导入2023年度项目清单。',
    ]);

    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const filledIn = await filled(template.bytes, { 'JY-01': { annualGoal: '目标', indicators: TRAINING_ROWS } });
    const { createYear } = await import('../../electron/settings/yearSetup');
    createYear(ctx, { year: 2024 });
    const wrongYear = previewTargetImport(ctx, { year: 2024, fileName: '申报表.xlsx', bytes: filledIn });
    expect(wrongYear.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/工作表“JY-01”第 2 行 C 列（台账识别码）：这是 2023 年度的申报表，当前导入的是 2024 年度/),
    );
  });

  it('writes text as text: a hostile project name stays a string in the template', async () => {
    const { ctx, education } = county();
    const { createProject } = await import('../../electron/projects/projects');
    createProject(ctx, {
      year: YEAR,
      unitId: education.id,
      code: '=1+1',
      name: '=HYPERLINK("http://x")',
      projectType: '特定目标类',
      budgetKind: 'general',
      initialBudgetFen: 0,
      continuity: 'new',
      majorPolicy: false,
    });
    const { bytes } = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, dense: true });
    const cells = book.SheetNames.flatMap((n) =>
      ((book.Sheets[n] as { '!data'?: (XLSX.CellObject | undefined)[][] })['!data'] ?? []).flat(),
    ).filter(Boolean) as XLSX.CellObject[];
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    expect(cells.some((c) => c.t === 's' && c.v === '=HYPERLINK("http://x")')).toBe(true);
    expect(book.SheetNames).toContain('=1+1');
  });
});

describe('cells as units write them', () => {
  it.each([
    ['', '≥95%', '', { nature: '≥', value: '95', unit: '%' }],
    ['≧', '90', '%', { nature: '≥', value: '90', unit: '%' }],
    ['大于等于', '500人次', '人次', { nature: '≥', value: '500', unit: '人次' }],
    ['', '≤1000元/人', '', { nature: '≤', value: '1000', unit: '元/人' }],
    ['', '=100%', '', { nature: '＝', value: '100', unit: '%' }],
    ['', '不低于85', '%', { nature: '≥', value: '85', unit: '%' }],
    ['定性', '有效提升', '', { nature: '定性', value: '有效提升', unit: '' }],
    ['≥', 0.95, '%', { nature: '≥', value: '95', unit: '%', fraction: true }],
    ['≥', '95％', '', { nature: '≥', value: '95', unit: '%' }],
    ['≤', '≥5', '天', { conflict: expect.stringMatching(/不一致/) }],
  ] as const)('性质 %j, 指标值 %j, 单位 %j', (nature, value, unit, expected) => {
    expect(parseIndicatorValue(nature, value, unit)).toMatchObject(expected);
  });
});

describe('a whole county', () => {
  it("exports the demo year's template (one sheet per project) and reads the untouched file back as nothing to do (its targets unchanged)", async () => {
    const ctx = demoContext();
    let started = performance.now();
    const exported = await exportTargetTemplate(ctx, { year: YEAR });
    const exportMs = performance.now() - started;
    expect(exported.projectCount).toBeGreaterThan(250);
    started = performance.now();
    const audit = auditCount(ctx);
    const result = commitTargetImport(ctx, importOf(exported.bytes, '全县模板.xlsx'));
    const importMs = performance.now() - started;
    console.log(
      `declaration template, ${exported.projectCount} projects: export ${exportMs.toFixed(0)} ms (${(exported.bytes.length / 1024).toFixed(0)} KB), import of the untouched file ${importMs.toFixed(0)} ms`,
    );
    // The demo's targets come back as they are; sheets of subjects without targets are left unfilled.
    expect(result).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: listTargets(ctx, { year: YEAR }).filter((t) => t.targetId !== null).length,
    });
    expect(result.preview.sheets.every((s) => s.action === 'skip' || s.action === 'unchanged')).toBe(true);
    expect(auditCount(ctx)).toBe(audit);
  }, 120_000);
});
