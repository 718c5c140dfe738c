/**
 * 绩效目标申报表 as the province prints them and units type them in (domain.md §3, §8): the 中期 and 年度
 * indicator sets side by side (under 中期目标 | 年度目标, 长期目标 | 年度目标, or no heading at all) with the
 * 中期 set often left blank, or 长期 and 年度 tables stacked on one sheet; merged 一级/二级 cells blank
 * below, "当年预期实现值" for 指标值, the 二级 wordings of real forms, operators fused into values, "/"
 * and placeholder rows. Each imports to exactly its indicators, and a printed 资金总额 that is not the sum
 * of its sources is listed at its cell with both figures, and nothing else is.
 */
import { describe, expect, it } from 'vitest';
import { commitTargetImport, previewTargetImport, type TargetImportPreview } from '../../electron/targets/targetImport';
import { placeLevels } from '../../electron/targets/indicatorCells';
import { targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { workbookBytes } from '../fixtures/workbooks';
import {
  ANNUAL,
  county,
  FUNDS,
  GOALS,
  MID_BLANK,
  printedForm,
  SET_HEADER,
  sideBySide,
  YEAR,
  type Cell,
  type County,
} from '../fixtures/targetForms';

const MID_FILLED: Cell[][] = [
  ['产出指标', '数量指标', '资助学生人数', '≥600人'],
  [null, null, '指标2：', null],
  [null, '质量指标', '资助资金足额发放率', '＝100%'],
  [null, null, null, null],
  [null, '时效指标', '指标1：', null],
  [null, '成本指标', '……', null],
  ['效益指标', '社会效益指标', '资助政策知晓率', '≥95%'],
  [null, '可持续影响指标', '……', null],
  ['满意度指标', '服务对象满意度指标', '受助学生满意度', '≧95%'],
];

/** Indicators as the ledger keeps them: period, 二级, name, 性质, value, unit. */
const ANNUAL_SAVED = [
  ['annual', '数量指标', '资助学生人数', '≥', '200', '人'],
  ['annual', '质量指标', '资助资金足额发放率', '＝', '100', '%'],
  ['annual', '质量指标', '资助对象认定准确率', '≥', '95', '%'],
  ['annual', '时效指标', '资金发放及时率', '≥', '90', '%'],
  ['annual', '成本指标', '生均资助成本', '≤', '1000', '元/人'],
  ['annual', '社会效益指标', '资助政策知晓率', '≥', '90', '%'],
  ['annual', '服务对象满意度指标', '受助学生满意度', '≥', '90', '%'],
];
const MID_SAVED = [
  ['midTerm', '数量指标', '资助学生人数', '≥', '600', '人'],
  ['midTerm', '质量指标', '资助资金足额发放率', '＝', '100', '%'],
  ['midTerm', '社会效益指标', '资助政策知晓率', '≥', '95', '%'],
  ['midTerm', '服务对象满意度指标', '受助学生满意度', '≥', '95', '%'],
];

function importSheet(c: County, sheet: ReturnType<typeof printedForm>): { preview: TargetImportPreview; saved: unknown[][] } {
  const input = { year: YEAR, fileName: '资助项目.xlsx', bytes: workbookBytes([sheet]) };
  const preview = previewTargetImport(c.ctx, input);
  if (preview.errors.length) return { preview, saved: [] };
  commitTargetImport(c.ctx, input);
  const t = targetDetail(c.ctx, listTargets(c.ctx, { year: YEAR }).find((r) => r.projectId === c.aid.id)!.targetId!);
  return { preview, saved: t.indicators.map((i) => [i.period, i.level2, i.name, i.nature, i.value, i.unit]) };
}

describe('the printed 申报表 with 中期 and 年度 indicator sets side by side', () => {
  it('reads the 年度 set under 中期目标 | 年度目标 when the 中期 set is left blank, with the goals and funds of the header block', () => {
    const c = county();
    const { preview, saved } = importSheet(
      c,
      printedForm({ funds: FUNDS, goals: GOALS, ...sideBySide(['中期目标', '年度目标'], SET_HEADER, MID_BLANK, ANNUAL) }),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    expect(preview.sheets.map((s) => [s.sheet, s.action, s.indicatorCount, s.failedChecks])).toEqual([['资助项目', 'create', 7, []]]);
    // The placeholders of the 年度 set are listed; the blank 中期 set is passed over without a word.
    expect(preview.skippedRows.map((s) => s.row)).toEqual([14, 20]);
    expect(saved).toEqual(ANNUAL_SAVED);
    const t = targetDetail(c.ctx, listTargets(c.ctx, { year: YEAR }).find((r) => r.projectId === c.aid.id)!.targetId!);
    expect(t).toMatchObject({
      period: '3年',
      midTermGoal: GOALS.mid,
      annualGoal: GOALS.annual,
      midTotalFen: 24_000_000,
      midFiscalFen: 24_000_000,
      midOtherFen: 0,
      annualTotalFen: 8_000_000,
      annualFiscalFen: 8_000_000,
      annualOtherFen: 0,
    });
    expect(t.checks.filter((x) => !x.ok)).toEqual([]);
  });

  it('reads both sets under 长期目标 | 年度目标, each with its period; a planted 中期 funds slip is listed at its cell and nothing else', () => {
    const c = county();
    const form = printedForm({
      funds: { mid: [24, 20, 3], annual: [8, 8, 0] },
      goals: GOALS,
      ...sideBySide(['长期目标', '年度目标'], SET_HEADER, MID_FILLED, ANNUAL),
    });
    const { preview, saved } = importSheet(c, form);
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([
      expect.objectContaining({
        sheet: '资助项目',
        row: 6,
        column: 'D',
        value: '24',
        printed: '24.00 万元',
        computed: '23.00 万元',
        message:
          '资助项目.xlsx 工作表“资助项目”第 6 行 D 列（中期资金总额）：中期资金总额填的是 24.00 万元，财政拨款 20.00 万元加其他资金 3.00 万元共 23.00 万元，相差 1.00 万元。资金总额应等于财政拨款与其他资金之和，请核对后改正。',
      }),
    ]);
    expect(saved).toEqual([...MID_SAVED, ...ANNUAL_SAVED]);
  });

  it("reads two sets with no heading in the form's order, 中期 left and 年度 right, a shared 一级 column, and says how it read them", () => {
    const c = county();
    // The 88号 form: one 一级 column (B) for both sets, then 二级/三级/指标值 twice.
    const header: Cell[] = ['一级指标', '二级指标', '三级指标', '指标值', '二级指标', '三级指标', '指标值'];
    const level1 = ['产出指标', null, null, null, null, null, '效益指标', null, '满意度指标'];
    const rows = MID_FILLED.map((m, i) => [level1[i]!, m[1]!, m[2]!, m[3]!, ...ANNUAL[i]!.slice(1)]);
    const area: Cell[][] = [['绩效指标', ...header], ...rows.map((r) => [null, ...r])];
    const { preview, saved } = importSheet(
      c,
      // The goals as label–value rows: nothing above the sets names their periods.
      printedForm({
        funds: FUNDS,
        goals: GOALS,
        goalsLayout: 'rows',
        indicatorArea: area,
        merges: ['B12:B17', 'B18:B19', 'C12:C13', 'F12:F13'],
      }),
    );
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w) => [w.row, w.message])).toEqual([
      [
        11,
        expect.stringMatching(
          /第 11 行：指标表有左右两组指标列，表头没有写明哪组是中期、哪组是年度，已按申报表式样把左边一组读作中期指标、右边一组读作年度指标/,
        ),
      ],
    ]);
    expect(saved).toEqual([...MID_SAVED, ...ANNUAL_SAVED]);
  });

  it('reads two sets with no heading of their own by the 总体目标 | 中期目标 | 年度目标 columns above them; a blank 中期 set is passed over quietly', () => {
    const c = county();
    const { preview, saved } = importSheet(
      c,
      printedForm({ funds: FUNDS, goals: GOALS, ...sideBySide(null, SET_HEADER, MID_BLANK, ANNUAL) }),
    );
    expect([preview.errors, preview.warnings]).toEqual([[], []]);
    expect(saved).toEqual(ANNUAL_SAVED);
  });
});

describe('the printed 申报表 with 长期 and 年度 tables stacked on one sheet', () => {
  it('reads each table with its period, 0.9 as 90%, "/" as no unit; a planted 年度 funds slip is listed at its cell and nothing else', () => {
    const c = county();
    const header: Cell[] = ['一级指标', '二级指标', '指标内容', '指标性质', '指标值', '度量单位', '备注'];
    const area: Cell[][] = [
      ['长期绩效指标'],
      [null, ...header],
      [null, '产出指标', '数量指标', '资助学生人数', '≥', '600', '人'],
      [null, null, '质量指标', '资助资金足额发放率', '＝', '100', '%'],
      [null, '效益指标', '社会效益指标', '资助政策知晓率', '≥', '95%', null],
      [null, '满意度指标', '社会公众或服务对象满意度指标', '受助学生满意度', '≧', '95', '%'],
      ['年度绩效指标'],
      [null, ...header.map((h) => (h === '指标值' ? '当年预期实现值' : h))],
      [null, '产出指标', '数量指标', '资助学生人数', '≥', '200', '人'],
      [null, null, '质量指标', '资助资金足额发放率', '＝', '100', '%'],
      [null, null, null, '资助对象认定准确率', '≥', '95', '%'],
      [null, null, '时效指标', '资金发放及时率', '≥', '90', '%'],
      [null, null, '经济成本指标', '生均资助成本', '≤', '1000', '元/人'],
      [null, '效益指标', '社会效益指标', '家庭经济困难学生就学保障情况', '定性', '有效保障', '/'],
      [null, null, null, '资助政策知晓率', '≥', 0.9, '%'],
      [null, '满意度指标', '群众满意度指标', '受助学生满意度', '≥', '90', '%'],
      [null, null, null, '……', null, null, null],
    ];
    const form = printedForm({
      funds: { mid: [24, 24, '/'], annual: [8, 7.5, null] },
      goals: GOALS,
      indicatorArea: area,
      merges: ['B13:B14', 'B19:B23'],
    });
    // Column A holds the titles, not one merged 绩效指标.
    form.merges = form.merges.filter((m) => !m.startsWith('A11:'));
    const { preview, saved } = importSheet(c, form);
    expect(preview.errors).toEqual([]);
    expect(
      preview.warnings.map((w) => [w.row, w.column, w.printed ?? null, w.computed ?? null, w.message.replace(/^.*?列（[^）]*）：/, '')]),
    ).toEqual([
      [
        6,
        'H',
        '8.00 万元',
        '7.50 万元',
        '年度资金总额填的是 8.00 万元，财政拨款 7.50 万元加其他资金 0.00 万元共 7.50 万元，相差 0.50 万元。资金总额应等于财政拨款与其他资金之和，请核对后改正。',
      ],
      [25, 'F', null, null, expect.stringMatching(/^指标值 0\.9 按百分数 90% 导入/)],
    ]);
    // The 机审 finds the same slip; the preview does not list it twice.
    expect(preview.sheets[0]!.failedChecks).toEqual(['资金来源合计等于资金总额：财政拨款与其他资金之和不等于资金总额']);
    expect(saved).toEqual([
      ...MID_SAVED,
      ['annual', '数量指标', '资助学生人数', '≥', '200', '人'],
      ['annual', '质量指标', '资助资金足额发放率', '＝', '100', '%'],
      ['annual', '质量指标', '资助对象认定准确率', '≥', '95', '%'],
      ['annual', '时效指标', '资金发放及时率', '≥', '90', '%'],
      ['annual', '成本指标', '生均资助成本', '≤', '1000', '元/人'],
      ['annual', '社会效益指标', '家庭经济困难学生就学保障情况', '定性', '有效保障', null],
      ['annual', '社会效益指标', '资助政策知晓率', '≥', '90', '%'],
      ['annual', '服务对象满意度指标', '受助学生满意度', '≥', '90', '%'],
    ]);
  });
});

describe('二级 as real forms word them', () => {
  it.each([
    ['', '数量', { level1: '产出指标', level2: '数量指标' }],
    ['产出', '经济成本指标', { level1: '产出指标', level2: '成本指标' }],
    ['成本指标', '社会成本指标', { level1: '产出指标', level2: '成本指标' }],
    ['', '生态环境成本指标', { level1: '产出指标', level2: '成本指标' }],
    ['满意度', '社会公众或服务对象满意度指标', { level1: '满意度指标', level2: '服务对象满意度指标' }],
    ['满意度指标', '群众满意度指标', { level1: '满意度指标', level2: '服务对象满意度指标' }],
    ['效益指标', '可持续影响', { level1: '效益指标', level2: '可持续影响指标' }],
    ['产出指标', '满意度指标', null],
    ['效益指标', '规模指标', null],
  ] as const)('一级 %j, 二级 %j', (level1, level2, expected) => {
    expect(placeLevels(level1, level2)).toEqual(expected);
  });
});
