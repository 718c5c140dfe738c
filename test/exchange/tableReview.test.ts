/**
 * 表格审核 on workbooks laid out like the ones units send: a printed 重点评价评分表 re-scored with the
 * rules (its total, grade and 小计, and each slip planted in it found at its cell, nothing else), the
 * same table without scores, a retyped 申报表 read on its own, the province's printed 申报表 with its
 * 中期 and 年度 sets side by side (read as the importer reads it, on its own and against a ledger), a
 * 成本 indicator above the library's 预算支出标准, a workbook of no known kind, and the findings as the
 * workbook sent back to the unit, read again with the xlsx library.
 */
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { LedgerError } from '../../db/ledgerError';
import { reviewFindingsWorkbook } from '../../electron/review/reviewFindingsWorkbook';
import { reviewTable, reviewTableInYear, reviewTableWithDefaults, type TableReview } from '../../electron/review/tableReview';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import { previewTargetImport } from '../../electron/targets/targetImport';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';
import { DECLARATION, printedScoreTable, retypedDeclaration, SCORE_TABLE } from '../fixtures/reviewTables';
import {
  ANNUAL,
  county,
  filled,
  FUNDS,
  GOALS,
  indicatorHeaderRow,
  loadBook,
  MID_BLANK,
  printedForm,
  SET_HEADER,
  sideBySide,
  TRAINING_ROWS,
  YEAR,
  type PrintedForm,
} from '../fixtures/targetForms';
import { workbookBytes, xlsx } from '../fixtures/workbooks';

const FILE = '耕地轮作补助项目评分表.xlsx';
const SLIPS = { processSubtotal: 23.7, total: 90.4, grade: '优' };

/** The findings as a clerk reads them: where, printed, recomputed. */
const places = (
  findings: { sheet: string | null; row: number | null; column: string | null; printed: string | null; computed: string | null }[],
) => findings.map((f) => ({ sheet: f.sheet, row: f.row, column: f.column, printed: f.printed, computed: f.computed }));

describe('a printed 重点评价评分表', () => {
  it('is re-scored with the rules: total, grade and every 一级 小计 as its rows give them, nothing found when it adds up', () => {
    const review = reviewTableWithDefaults({ fileName: FILE, bytes: printedScoreTable() });
    expect(review).toMatchObject({
      kind: 'keyEvaluationScores',
      kindLabel: '重点评价评分表（含得分）',
      total: SCORE_TABLE.total,
      grade: '良',
    });
    expect(review.rules).toMatch(/^默认规则/);
    expect(review.subtotals.filter((s) => s.level2 === null).map((s) => [s.level1, s.points, s.score])).toEqual(SCORE_TABLE.level1);
    expect(review.subtotals.find((s) => s.level2 === '资金管理')).toMatchObject({ level1: '过程', points: 15, score: 14.2 });
    expect(review.findings).toEqual([]);
  });

  it('lists each slip planted in it — a 小计, the 合计, the 评价等级 — at its cell with both figures, and nothing else', () => {
    const review = reviewTableWithDefaults({ fileName: FILE, bytes: printedScoreTable(SLIPS) });
    // The figures are recomputed from the rows, never taken from the printed 小计 or 合计.
    expect(review).toMatchObject({ total: SCORE_TABLE.total, grade: '良' });
    const found = places(review.findings);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatchObject({ sheet: SCORE_TABLE.sheet, row: SCORE_TABLE.processSubtotalRow, column: 'F' });
    expect(Number(found[0]!.printed)).toBe(23.7);
    expect(Number(found[0]!.computed)).toBe(22.7);
    expect(found[1]).toMatchObject({ sheet: SCORE_TABLE.sheet, row: SCORE_TABLE.totalRow, column: 'F' });
    expect(Number(found[1]!.printed)).toBe(90.4);
    expect(Number(found[1]!.computed)).toBe(89.4);
    expect(found[2]).toMatchObject({ sheet: SCORE_TABLE.sheet, row: SCORE_TABLE.gradeRow, printed: '优', computed: '良' });
    expect(review.findings.map((f) => f.cell)).toEqual([
      `F${SCORE_TABLE.processSubtotalRow}`,
      `F${SCORE_TABLE.totalRow}`,
      expect.stringContaining(String(SCORE_TABLE.gradeRow)),
    ]);
    for (const f of review.findings) expect(f.problem).not.toMatch(/^耕地轮作/);
  });

  it('is graded by the rules it is given: with 优 from 85, the same rows are 优 and the printed 良 is the finding', () => {
    const rules = { ...DEFAULT_RULE_SET, gradeBands: [{ grade: '优', min: 85 }, ...DEFAULT_RULE_SET.gradeBands.slice(1)] };
    const review = reviewTable({ fileName: FILE, bytes: printedScoreTable(), rules, rulesLabel: '某省规则' });
    expect(review).toMatchObject({ total: SCORE_TABLE.total, grade: '优', rules: '某省规则' });
    expect(places(review.findings)).toEqual([expect.objectContaining({ row: SCORE_TABLE.gradeRow, printed: '良', computed: '优' })]);
  });

  it('without a 得分 column is a 指标体系表: 分值 checked, no total or grade', () => {
    const review = reviewTableWithDefaults({ fileName: '指标体系.xlsx', bytes: printedScoreTable({}, false) });
    expect(review).toMatchObject({
      kind: 'keyEvaluationFramework',
      kindLabel: '重点评价指标体系表',
      total: null,
      grade: null,
      findings: [],
    });
    expect(review.subtotals.filter((s) => s.level2 === null).map((s) => [s.level1, s.points])).toEqual(
      SCORE_TABLE.level1.map(([name, points]) => [name, points]),
    );
  });
});

describe('other tables', () => {
  it('reads a retyped 申报表 on its own: each failed 机审 check, at the indicator it names', () => {
    const review = reviewTableWithDefaults({ fileName: '资助项目.xlsx', bytes: retypedDeclaration() });
    expect(review).toMatchObject({ kind: 'targetDeclaration', kindLabel: '绩效目标申报表', total: null, grade: null, subtotals: [] });
    expect(review.read).toBe('1 张申报表（工作表“资助项目”），未对照台账');
    expect(review.findings.map((f) => [f.sheet, f.cell, f.problem])).toEqual([
      [DECLARATION.sheet, null, '机审未通过——至少一个质量或时效指标：缺少质量指标或时效指标。请按申报要求修改后重新报送。'],
      [
        DECLARATION.sheet,
        `C${DECLARATION.satisfactionRow}`,
        '机审未通过——满意度指标值不低于 80%：“受助学生满意度”为 75%。请按申报要求修改后重新报送。',
      ],
    ]);
  });

  it('says which kinds it knows when the workbook is none of them, and refuses a file that is no workbook in Chinese', () => {
    const review = reviewTableWithDefaults({
      fileName: '通讯录.xlsx',
      bytes: xlsx([
        ['姓名', '电话'],
        ['张三', '0996-1234567'],
      ]),
    });
    expect(review.kind).toBe('unknown');
    expect(review.findings).toHaveLength(1);
    expect(review.findings[0]!.message).toMatch(
      /^通讯录\.xlsx：没有认出可审核的表格。可审核的有：重点评价评分表（含得分）.*重点评价指标体系表.*绩效目标申报表.*请确认/,
    );

    const broken = () => reviewTableWithDefaults({ fileName: '坏文件.xlsx', bytes: Buffer.from('PK\u0003\u0004 这不是工作簿') });
    expect(broken).toThrow(LedgerError);
    expect(broken).toThrow(/坏文件\.xlsx/);
  });
});

describe('the printed 申报表 with 中期 and 年度 indicator sets side by side', () => {
  /** YZ-01 on the province's form, the 中期 set left blank, reviewed on its own or against the county's ledger. */
  const review = (mode: 'alone' | 'ledger', form: Pick<PrintedForm, 'funds'> & { annual: typeof ANNUAL }): TableReview => {
    const bytes = workbookBytes([
      printedForm({ funds: form.funds, goals: GOALS, ...sideBySide(['中期目标', '年度目标'], SET_HEADER, MID_BLANK, form.annual) }),
    ]);
    const input = { fileName: '资助项目.xlsx', bytes };
    return mode === 'alone' ? reviewTableWithDefaults(input) : reviewTableInYear(county().ctx, { ...input, year: YEAR });
  };

  it.each(['alone', 'ledger'] as const)(
    'reviews the 年度 set (%s): a 满意度 below the floor there is the one finding, at its cell',
    (mode) => {
      // The 年度 set's last row (H21) gives 75% where the floor is 80%; the blank 中期 set is passed over.
      const annual = ANNUAL.map((r) => (r[2] === '受助学生满意度' ? [...r.slice(0, 3), '≥75%'] : r));
      const reviewed = review(mode, { funds: FUNDS, annual });
      expect(reviewed.kind).toBe('targetDeclaration');
      expect(reviewed.findings.map((f) => [f.sheet, f.cell, f.problem])).toEqual([
        ['资助项目', 'H21', '机审未通过——满意度指标值不低于 80%：“受助学生满意度”为 75%。请按申报要求修改后重新报送。'],
      ]);
      expect(review(mode, { funds: FUNDS, annual: ANNUAL }).findings).toEqual([]);
    },
  );

  it.each(['alone', 'ledger'] as const)('lists a 年度资金总额 slip once (%s), at its cell with both figures', (mode) => {
    const reviewed = review(mode, { funds: { mid: FUNDS.mid, annual: [8, 7.5, 0] }, annual: ANNUAL });
    expect(reviewed.findings.map((f) => [f.cell, f.printed, f.computed, f.problem])).toEqual([
      [
        'H6',
        '8.00 万元',
        '7.50 万元',
        '年度资金总额填的是 8.00 万元，财政拨款 7.50 万元加其他资金 0.00 万元共 7.50 万元，相差 0.50 万元。资金总额应等于财政拨款与其他资金之和，请核对后改正。',
      ],
    ]);
  });
});

describe('a 成本 indicator above the library’s 预算支出标准', () => {
  it('fails the 机审 in the import preview and in the review against the ledger, at its cell; with no ledger there is no standard to hold it to', async () => {
    const { ctx, education } = county();
    // 人均培训成本 is a 培训 library indicator whose 绩效标准 is 预算支出标准, 参考值 ≤1000元/人.
    const bytes = await filled((await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id })).bytes, {
      'JY-01': {
        className: '培训',
        annualGoal: '全年培训中小学教师 500 人次，培训合格率不低于 95%。',
        funds: { total: 1000, fiscal: 1000, other: 0 },
        indicators: [...TRAINING_ROWS, ['产出指标', '成本指标', '人均培训成本', '≤', '1200', '元/人']],
      },
    });
    const failure = '成本指标不高于预算支出标准：“人均培训成本”为 1200元/人，高于预算支出标准“≤1000元/人”，请调低到标准以内';

    const preview = previewTargetImport(ctx, { year: YEAR, fileName: '申报表.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.find((s) => s.sheet === 'JY-01')).toMatchObject({ commonCount: 7, failedChecks: [failure] });
    expect(preview.warnings.map((w) => w.message)).toEqual([expect.stringContaining(`导入后机审仍未通过：${failure}。`)]);

    const costRow = indicatorHeaderRow((await loadBook(bytes)).getWorksheet('JY-01')!) + TRAINING_ROWS.length + 1;
    const reviewed = reviewTableInYear(ctx, { year: YEAR, fileName: '申报表.xlsx', bytes });
    expect(reviewed.findings.map((f) => [f.sheet, f.cell, f.problem])).toEqual([
      ['JY-01', `C${costRow}`, `机审未通过——${failure}。请按申报要求修改后重新报送。`],
    ]);
    const alone = reviewTableWithDefaults({ fileName: '申报表.xlsx', bytes });
    expect(alone.findings.filter((f) => f.message.includes('预算支出标准'))).toEqual([]);
  });
});

describe('the findings workbook', () => {
  /** The sheet's rows as text, as the unit will see them. */
  const rowsOf = (bytes: Uint8Array, sheet: string) =>
    XLSX.utils.sheet_to_json<string[]>(XLSX.read(bytes).Sheets[sheet]!, { header: 1, raw: false, defval: '' });

  it('names the file, the kind, the recomputed total and grade, then one row per finding with its cell and both figures', async () => {
    const review = reviewTableWithDefaults({ fileName: FILE, bytes: printedScoreTable(SLIPS) });
    const out = await reviewFindingsWorkbook(review, new Date(2024, 2, 15));
    expect(out.fileName).toBe('耕地轮作补助项目评分表审核意见.xlsx');
    const book = XLSX.read(out.bytes);
    expect(book.SheetNames).toEqual(['审核意见', '复算小计']);
    const rows = rowsOf(out.bytes, '审核意见');
    expect(rows[0]![0]).toBe(`${SCORE_TABLE.title}审核意见`);
    const info = Object.fromEntries(rows.slice(1, 8).map((r) => [r[0], r[2]]));
    expect(info).toEqual({
      审核文件: FILE,
      表格类型: '重点评价评分表（含得分）',
      复算总分: '89.40',
      复算等级: '良',
      审核规则: review.rules,
      审核日期: '2024年3月15日',
      审核结论: '发现 3 处问题，请按下表逐项核对修改，改好后重新报送。',
    });
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows[header]).toEqual(['序号', '工作表', '单元格', '表上数', '复算数', '问题及修改意见']);
    const body = rows.slice(header + 1);
    expect(body).toHaveLength(3);
    expect(body.map((r) => r.slice(0, 3))).toEqual([
      ['1', SCORE_TABLE.sheet, `F${SCORE_TABLE.processSubtotalRow}`],
      ['2', SCORE_TABLE.sheet, `F${SCORE_TABLE.totalRow}`],
      ['3', SCORE_TABLE.sheet, review.findings[2]!.cell],
    ]);
    expect(body.map((r) => [r[3], r[4], r[5]])).toEqual(review.findings.map((f) => [f.printed, f.computed, f.problem]));

    const subtotals = rowsOf(out.bytes, '复算小计');
    expect(subtotals[2]).toEqual(['一级指标', '二级指标', '分值', '复算得分']);
    expect(
      subtotals
        .slice(3)
        .filter((r) => r[1] === '（一级小计）')
        .map((r) => [r[0], r[2], r[3]]),
    ).toEqual([
      ['决策', '15.00', '14.00'],
      ['过程', '25.00', '22.70'],
      ['产出', '25.00', '23.00'],
      ['效益', '35.00', '29.70'],
    ]);
  });

  it('says so when nothing was found', async () => {
    const review = reviewTableWithDefaults({ fileName: FILE, bytes: printedScoreTable() });
    const rows = rowsOf((await reviewFindingsWorkbook(review, new Date(2024, 2, 15))).bytes, '审核意见');
    expect(rows.find((r) => r[0] === '审核结论')![2]).toBe('未发现问题。');
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows.slice(header + 1).map((r) => r[0])).toEqual(['未发现问题。']);
  });
});
