/**
 * A printed 重点评价评分表 read back and recomputed with the year's rules, on workbooks built as third
 * parties print them: the clean table re-reads to its printed total and grade with nothing to report;
 * each slip planted in one printed figure is reported once, at its cell, with the printed and the
 * computed figure; the table without scores is read as a framework; other tables are not taken.
 */
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readPrintedScoreTable } from '../../electron/keyEvaluations/printedScoreTable';
import { DEFAULT_RULE_SET, type RuleSet } from '../../electron/rules/ruleSet';
import { LEVELS, PRINTED, printedEvaluation, type PrintedLayout, type Slips } from '../fixtures/printedEvaluation';
import { PROJECT_HEADER, projectRow, xlsx, type Cell } from '../fixtures/workbooks';

const read = (bytes: Uint8Array, rules: RuleSet = DEFAULT_RULE_SET) => readPrintedScoreTable('评分表.xlsx', bytes, rules)!;

/** Each finding as the review shows it: the cell, the printed and the computed figure. */
const cells = (t: {
  findings: { sheet: string | null; row: number | null; column: string | null; printed: string | null; computed: string | null }[];
}) => t.findings.map((f) => ({ sheet: f.sheet, row: f.row, column: f.column, printed: f.printed, computed: f.computed }));

describe('a printed 重点评价评分表', () => {
  it('re-reads a 28-indicator table to its printed total, grade and subtotals with nothing to report', () => {
    const table = read(printedEvaluation().bytes);
    expect(table).toMatchObject({
      kind: 'keyEvaluationScores',
      sheet: '评分表',
      title: PRINTED.title,
      total: PRINTED.total,
      grade: PRINTED.grade,
    });
    expect(table.findings).toEqual([]);
    expect(table.framework!.map((l1) => [l1.name, l1.weight, l1.level2.map((l2) => l2.name)])).toEqual(
      LEVELS.map((l1) => [l1.name, l1.weight, l1.level2.map((l2) => l2.name)]),
    );
    expect(table.framework!.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators)).length).toBe(28);
    expect(table.subtotals.filter((s) => s.level2 === null).map((s) => [s.level1, s.points, s.score])).toEqual(
      LEVELS.map((l1, i) => [l1.name, l1.weight, PRINTED.level1Scores[i]]),
    );
    expect(table.subtotals.find((s) => s.level2 === '资金投入')).toEqual({ level1: '决策', level2: '资金投入', points: 6, score: 5.5 });
  });

  // Each slip in one printed figure: exactly one finding, at its cell. Columns: A 一级, B 二级, D 分值, F 得分.
  const slips: [string, Slips, (t: PrintedLayout) => { row: number; column: string; printed: string; computed: string | null }][] = [
    [
      'a 一级 小计 of the scores',
      { subtotalScore: { l1: 1, value: 22.5 } },
      (t) => ({ row: t.subtotalRows[1]!, column: 'F', printed: '22.50', computed: '22.30' }),
    ],
    [
      'a 一级 小计 of the points',
      { subtotalPoints: { l1: 2, value: 24 } },
      (t) => ({ row: t.subtotalRows[2]!, column: 'D', printed: '24.00', computed: '25.00' }),
    ],
    ['the 合计 of the scores', { totalScore: 88.3 }, (t) => ({ row: t.totalRow, column: 'F', printed: '88.30', computed: '88.80' })],
    ['the 合计 of the points', { totalPoints: 95 }, (t) => ({ row: t.totalRow, column: 'D', printed: '95.00', computed: '100.00' })],
    [
      'a 一级 label weight',
      { level1Label: { l1: 1, text: 'B过程26分' } },
      (t) => ({ row: t.level1Rows[1]!, column: 'A', printed: '26.00', computed: '25.00' }),
    ],
    [
      'a 二级 label’s points',
      { level2Label: { l1: 0, l2: 2, text: '资金投入（7分）' } },
      (t) => ({ row: t.level2Rows.get('资金投入')!, column: 'B', printed: '7.00', computed: '6.00' }),
    ],
    ['the grade', { grade: '优' }, (t) => ({ row: t.gradeRow, column: 'F', printed: '优', computed: '良' })],
    [
      'a score above its 分值',
      { score: { name: '立项依据充分性', value: 3.5 } },
      (t) => ({ row: t.indicatorRows.get('立项依据充分性')!, column: 'F', printed: '3.5', computed: null }),
    ],
  ];
  it.each(slips)('reports %s at its cell and nothing else', (_, slip, where) => {
    const layout = printedEvaluation({ slips: slip });
    const table = read(layout.bytes);
    expect(cells(table)).toEqual([{ sheet: '评分表', ...where(layout) }]);
    const message = table.findings[0]!.message;
    expect(message).toMatch(new RegExp(`^评分表\\.xlsx 工作表“评分表”第 ${where(layout).row} 行 ${where(layout).column} 列`));
    expect(message).toContain('请核对后改正');
  });

  it('says what each slip is, in words a clerk can act on', () => {
    const text = (slip: Slips) => read(printedEvaluation({ slips: slip }).bytes).findings[0]!.message;
    expect(text({ level1Label: { l1: 1, text: 'B过程26分' } })).toContain(
      '一级指标“过程”标注的权重为 26.00，其三级指标分值合计为 25.00，两者不一致',
    );
    expect(text({ subtotalScore: { l1: 1, value: 22.5 } })).toContain('小计行（一级指标“过程”）的得分为 22.50，按该组各行计算为 22.30');
    expect(text({ totalScore: 88.3 })).toContain('合计行的得分为 88.30，按各行计算为 88.80');
    expect(text({ grade: '优' })).toContain('评价等级写为“优”，按总分 88.80 和本年度的等级标准应为“良”');
    expect(text({ score: { name: '立项依据充分性', value: 3.5 } })).toContain('“立项依据充分性”的得分 3.5 超过其分值 3.00');
  });

  it('adds a score above its 分值 up as printed, so the total is the table’s own and the one slip is named once', () => {
    const table = read(printedEvaluation({ slips: { score: { name: '立项依据充分性', value: 3.5 } } }).bytes);
    expect(table).toMatchObject({ total: 89.3, grade: '良' });
  });

  it('grades with the year’s bands: the same table is 优 where 优 starts at 85', () => {
    const rules: RuleSet = { ...DEFAULT_RULE_SET, gradeBands: [{ grade: '优', min: 85 }, ...DEFAULT_RULE_SET.gradeBands.slice(1)] };
    const table = read(printedEvaluation().bytes, rules);
    expect(table.grade).toBe('优');
    expect(cells(table)).toEqual([{ sheet: '评分表', row: printedEvaluation().gradeRow, column: 'F', printed: '良', computed: '优' }]);
  });

  it('reports a score that does not read, and gives no total or grade it cannot know', () => {
    const layout = printedEvaluation();
    const rows = layout.indicatorRows;
    const bytes = withCell(layout.bytes, `F${rows.get('预算执行率')}`, '良好');
    const table = read(bytes);
    expect(cells(table)).toEqual([{ sheet: '评分表', row: rows.get('预算执行率')!, column: 'F', printed: '良好', computed: null }]);
    expect(table.findings[0]!.message).toContain('“良好”不是数字，无法计入得分。得分请填写 0–5 之间的数字。');
    expect(table).toMatchObject({ total: null, grade: null });
    expect(table.subtotals.find((s) => s.level1 === '过程' && s.level2 === null)!.score).toBeNull();
    expect(table.subtotals.find((s) => s.level1 === '决策' && s.level2 === null)!.score).toBe(14);
  });

  it('reads the same table with 一级 and 二级 written once and left blank below, unmerged', () => {
    expect(read(printedEvaluation({ merged: false }).bytes)).toMatchObject({ total: PRINTED.total, grade: PRINTED.grade, findings: [] });
    const layout = printedEvaluation({ merged: false, slips: { subtotalScore: { l1: 3, value: 31.1 } } });
    expect(cells(read(layout.bytes))).toEqual([
      { sheet: '评分表', row: layout.subtotalRows[3]!, column: 'F', printed: '31.10', computed: '30.10' },
    ]);
  });

  it('places a 小计 under each 二级 and the 一级’s after them, and reports a slip in a 二级 小计 at its cell', () => {
    expect(read(printedEvaluation({ level2Subtotals: true }).bytes)).toMatchObject({
      total: PRINTED.total,
      grade: PRINTED.grade,
      findings: [],
    });
    const layout = printedEvaluation({ level2Subtotals: true, slips: { level2SubtotalScore: { name: '组织实施', value: 10.9 } } });
    const table = read(layout.bytes);
    expect(cells(table)).toEqual([
      { sheet: '评分表', row: layout.level2SubtotalRows.get('组织实施')!, column: 'F', printed: '10.90', computed: '10.60' },
    ]);
    expect(table.findings[0]!.message).toContain('小计行（二级指标“组织实施”）的得分为 10.9');
  });

  it('reads per-expert columns under 专家评分, aggregates them and checks the printed 平均得分', () => {
    const experts = ['张立新', '王海燕', '李建华'];
    expect(read(printedEvaluation({ experts }).bytes)).toMatchObject({ total: PRINTED.total, grade: PRINTED.grade, findings: [] });
    const layout = printedEvaluation({ experts, slips: { aggregate: { name: '农民增收', value: 4.2 } } });
    const table = read(layout.bytes);
    // A 专家评分 over three names, then 平均得分 in column I.
    expect(cells(table)).toEqual([
      { sheet: '评分表', row: layout.indicatorRows.get('农民增收')!, column: 'I', printed: '4.20', computed: '4.00' },
    ]);
    expect(table.findings[0]!.message).toContain('“农民增收”的得分为 4.20，按专家评分平均计算为 4.00');
  });

  it('takes 专家1…专家5 in a one-row header and recognises a trimmed mean from the printed 得分', () => {
    const rows: Cell[][] = [
      ['某项目绩效评价专家评分汇总表'],
      ['一级指标', '二级指标', '三级指标', '分值', '专家1', '专家2', '专家3', '专家4', '专家5', '得分'],
      ['决策(40)', '项目立项', '立项依据充分性', 20, 20, 18, 16, 10, 19, 17.67],
      [null, null, '立项程序规范性', 20, 20, 20, 20, 20, 20, 20],
      ['过程(60)', '资金管理', '预算执行率', 60, 50, 55, 60, 30, 52, 52.33],
      ['合计', null, null, 100, null, null, null, null, null, 90],
    ];
    const table = read(xlsx(rows));
    expect(table).toMatchObject({ kind: 'keyEvaluationScores', total: 90, grade: '优', findings: [] });
  });

  it('reads the table without scores as a framework and checks its weights, labels and 合计', () => {
    const clean = read(printedEvaluation({ withScores: false }).bytes);
    expect(clean).toMatchObject({ kind: 'keyEvaluationFramework', total: null, grade: null, findings: [] });
    expect(clean.subtotals.every((s) => s.score === null)).toBe(true);
    expect(clean.framework!.map((l) => l.weight)).toEqual([15, 25, 25, 35]);
    const layout = printedEvaluation({ withScores: false, slips: { totalPoints: 101 } });
    expect(cells(read(layout.bytes))).toEqual([
      { sheet: '评分表', row: layout.totalRow, column: 'D', printed: '101.00', computed: '100.00' },
    ]);
  });

  it('takes no other table: a project list, or a 绩效目标申报表 with 指标值', () => {
    expect(readPrintedScoreTable('项目.xlsx', xlsx([PROJECT_HEADER, projectRow(1)]), DEFAULT_RULE_SET)).toBeNull();
    const declaration = xlsx([
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '数量指标', '资助学生人数', '≥200人', 20],
      ['满意度指标', '服务对象满意度指标', '受助学生满意度', '≥90%', 10],
    ]);
    expect(readPrintedScoreTable('申报表.xlsx', declaration, DEFAULT_RULE_SET)).toBeNull();
  });
});

/** The workbook with one cell rewritten, as a clerk's edit in Excel would leave it. */
function withCell(bytes: Buffer, address: string, value: string | number): Buffer {
  const book = XLSX.read(bytes, { type: 'buffer' });
  const sheet = book.Sheets[book.SheetNames[0]!]!;
  XLSX.utils.sheet_add_aoa(sheet, [[value]], { origin: address });
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
