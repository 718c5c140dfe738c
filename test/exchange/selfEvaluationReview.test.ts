/**
 * 表格审核 of a unit's 项目支出绩效自评表 in the official layout (issue #13): recognised by its title and
 * table, every score recomputed with the year's rules, and each slip a clerk plants listed at its cell
 * with both figures — nothing else. Also through the command line, as the bureau runs it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { readSelfEvaluationSheet } from '../../electron/review/selfEvaluationSheet';
import { reviewTable, reviewTableWithDefaults } from '../../electron/review/tableReview';
import { DEFAULT_RULE_SET, type RuleSet } from '../../electron/rules/ruleSet';
import { cliJson, cliRunner } from '../fixtures/cli';
import { FORM, selfEvaluationForm, type FormSlips } from '../fixtures/selfEvaluationForms';
import { tempFolder } from '../ledger/tempLedger';

const FILE = '培训项目自评表.xlsx';

function review(slips: FormSlips = {}, rules: RuleSet = DEFAULT_RULE_SET) {
  const { bytes, rows } = selfEvaluationForm(slips);
  const r =
    rules === DEFAULT_RULE_SET
      ? reviewTableWithDefaults({ fileName: FILE, bytes })
      : reviewTable({ fileName: FILE, bytes, rules, rulesLabel: '某省规则' });
  return { r, rows, slips: r.findings.map((f) => [f.cell, f.printed, f.computed]) };
}

describe('reviewing a 项目支出绩效自评表', () => {
  it('reads the official layout: header block, funds, goals, indicators with their cells', () => {
    const book = readWorkbook(selfEvaluationForm().bytes, FILE);
    const form = readSelfEvaluationSheet(book.sheets[0]!)!;
    expect(form).toMatchObject({
      sheet: FORM.sheet,
      title: FORM.title,
      projectName: FORM.projectName,
      department: FORM.department,
      implementingUnit: FORM.implementingUnit,
      moneyUnit: '万元',
    });
    expect(form.funds.total).toMatchObject({ initial: { fen: 100_000_000 }, budget: { fen: 120_000_000 }, executed: { fen: 114_000_000 } });
    expect(form.funds.carryOver?.executed).toMatchObject({ fen: 9_500_000, place: { row: 8, letter: 'E', header: '全年执行数' } });
    expect(form.execution.rate).toMatchObject({ text: '95%', value: 95, place: { row: 6, letter: 'G' } });
    expect(form.goals.actual).toContain('培训520人');
    expect(form.indicators.map((i) => [i.level1, i.level2, i.name, i.nature])).toEqual([
      ['产出指标', '数量指标', '培训人数', '≥'],
      ['产出指标', '数量指标', '培训期数', '≥'],
      ['产出指标', '质量指标', '培训合格率', '≥'],
      ['产出指标', '时效指标', '培训按期完成率', '＝'],
      ['产出指标', '成本指标', '人均培训成本', '≤'],
      ['效益指标', '社会效益指标', '培训后就业率', '≥'],
      ['效益指标', '社会效益指标', '劳动者技能水平', '定性'],
      ['效益指标', '可持续影响指标', '长效培训机制', '定性'],
      ['满意度指标', '服务对象满意度指标', '受训人员满意度', '≥'],
    ]);
    expect(form.indicators[0]!.level1Weight).toEqual({ value: 50, place: { row: 13, letter: 'B', header: '一级指标' } });
    expect(form.subtotals.map((s) => [s.level1, s.points.value, s.score.value])).toEqual([
      ['产出指标', 50, 48.6],
      ['效益指标', 30, 27],
      ['满意度指标', 10, 10],
    ]);
    expect(form.grade).toMatchObject({ grade: '优', place: { letter: 'B' } });
  });

  it.each([
    ['as filled in', {}],
    ['in the official layout without 小计 rows', { noSubtotals: true }],
    ['with 执行率 in a %-formatted cell (0.95)', { executionRate: 0.95 }],
    [
      'with a 定性 score picked inside its band (部分达成 8 of 10)',
      { score: { 劳动者技能水平: 8 }, subtotal: { 效益指标: 28 }, total: 96.1 },
    ],
    ['with a far-above actual explained', { actual: { 培训人数: '650人' }, explanation: { 培训人数: '承接了邻乡的培训任务' } }],
  ] as const)('finds nothing in a consistent form %s', (_, slips) => {
    const { r } = review(slips);
    expect(r).toMatchObject({ kind: 'selfEvaluation', kindLabel: '项目支出绩效自评表', title: FORM.title, grade: '优' });
    expect(r.findings).toEqual([]);
  });

  it('recomputes the total, grade and 一级 scores', () => {
    const { r } = review();
    expect(r.read).toBe(`工作表“${FORM.sheet}”：项目“${FORM.projectName}”，预算执行率和 9 项三级指标`);
    expect(r.total).toBe(FORM.total);
    expect(r.subtotals.map((s) => [s.level1, s.points, s.score])).toEqual(FORM.level1);
  });

  it('lists exactly the slips planted in the 执行率 得分, one 小计 and the 总分, with their cells', () => {
    const { r, rows, slips } = review({ executionScore: 10, subtotal: { 效益指标: 28 }, total: 96.1 });
    expect(slips).toEqual([
      [`H${FORM.executionRow}`, '10', '9.50'],
      [`H${rows.subtotal['效益指标']}`, '28', '27.00'],
      [`H${rows.total}`, '96.1', '95.10'],
    ]);
    expect(r.findings.map((f) => f.problem)).toEqual([
      '预算执行率得分写为 10，按分值 10.00 × min(执行率 95.00%, 100%) 应为 9.50。请核对后改正。',
      '效益指标小计的得分写为 28，按其三级指标得分之和应为 27.00。请核对后改正。',
      '总分写为 96.1，按预算执行率得分与各三级指标得分之和（按未舍入的得分相加，最后舍入一次）应为 95.10。请核对后改正。',
    ]);
    expect(r.findings[0]!.message).toBe(
      `${FILE} 工作表“${FORM.sheet}”第 6 行 H 列（得分）：预算执行率得分写为 10，按分值 10.00 × min(执行率 95.00%, 100%) 应为 9.50。请核对后改正。`,
    );
    expect(r.total).toBe(FORM.total);
  });

  it.each([
    ['an 执行率 that is not 全年执行数 ÷ 全年预算数', { executionRate: '96%' }, (_: Rows): string => 'G6', '96%', '95.00%'],
    [
      'a partly met indicator given full points',
      { score: { 培训期数: 10 } },
      (r: Rows): string => `H${r.indicator['培训期数']}`,
      '10',
      '9.00',
    ],
    [
      'a lower-is-better score given full points over its cap',
      { score: { 人均培训成本: 10 } },
      (r: Rows): string => `H${r.indicator['人均培训成本']}`,
      '10',
      '9.60',
    ],
    ['the 自评等级', { grade: '良' }, (r: Rows): string => `B${r.grade}`, '良', '优'],
    ['funds lines that do not add up', { fiscalBudget: 112 }, (_: Rows): string => 'D6', '120.00', '122.00'],
  ] as const)('names %s at its cell, and nothing else', (_, slips, cell, printed, computed) => {
    const { rows, slips: found } = review(slips);
    expect(found).toEqual([[cell(rows), printed, computed]]);
  });

  it('names each figure a wrong score was carried into: the score, its 小计 and the 总分', () => {
    const { rows, slips } = review({ score: { 培训期数: 10 }, subtotal: { 产出指标: 49.6 }, total: 96.1 });
    expect(slips).toEqual([
      [`H${rows.indicator['培训期数']}`, '10', '9.00'],
      [`H${rows.subtotal['产出指标']}`, '49.6', '48.60'],
      [`H${rows.total}`, '96.1', '95.10'],
    ]);
  });

  it('names a score above its 分值 once, not again in the 小计 and 总分 it went into', () => {
    const { r, rows, slips } = review({ score: { 培训人数: 16 }, subtotal: { 产出指标: 49.6 }, total: 96.1 });
    expect(slips).toEqual([[`H${rows.indicator['培训人数']}`, '16', '15.00']]);
    expect(r.findings[0]!.problem).toBe('“培训人数”的得分 16 超过其分值 15.00。请核对后改正。');
  });

  it('refuses a 定性 score outside its band, at its cell', () => {
    const { r, rows, slips } = review({ score: { 劳动者技能水平: 9 }, subtotal: { 效益指标: 29 }, total: 97.1 });
    expect(slips).toEqual([[`H${rows.indicator['劳动者技能水平']}`, '9', null]]);
    expect(r.findings[0]!.problem).toBe('“劳动者技能水平”部分达成，得分应在 6.00–8.00 分之间，现为 9.00 分，请改正');
    expect(r.grade).toBeNull();
  });

  it('asks for an explanation where the actual is far above target, at the 偏差原因 cell', () => {
    const { r, rows, slips } = review({ actual: { 培训人数: '650人' } });
    expect(slips).toEqual([[`I${rows.indicator['培训人数']}`, null, null]]);
    expect(r.findings[0]!.problem).toBe('“培训人数”实际完成值 650人 远超指标值 ≥500人（达 120% 以上），请在偏差原因分析中说明。');
    expect(r.grade).toBe('优');
  });

  it('asks for the 偏差原因 of an indicator not met', () => {
    const { r, rows, slips } = review({ explanation: { 培训期数: '' } });
    expect(slips).toEqual([[`I${rows.indicator['培训期数']}`, null, null]]);
    expect(r.findings[0]!.problem).toBe('“培训期数”未达到指标值 ≥10期（实际 9期），请填写偏差原因分析及改进措施。');
  });

  it('reviews each 自评表 of a workbook holding several, naming the sheet of each slip', () => {
    const book = XLSX.utils.book_new();
    for (const [name, slips] of [
      ['甲项目', {}],
      ['乙项目', { total: 90 }],
    ] as const) {
      const one = XLSX.read(selfEvaluationForm(slips).bytes);
      XLSX.utils.book_append_sheet(book, one.Sheets[FORM.sheet]!, name);
    }
    const r = reviewTableWithDefaults({ fileName: FILE, bytes: XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer });
    expect(r).toMatchObject({ kind: 'selfEvaluation', total: null, grade: null });
    expect(r.read).toMatch(/^2 张自评表/);
    expect(r.findings.map((f) => [f.sheet, f.cell, f.printed, f.computed])).toEqual([['乙项目', 'H25', '90', '95.10']]);
  });

  it('accepts a reviewer’s 执行率 score where the 全年预算数 is 0 and the rate is "—"', () => {
    const zero = { total: [0, 0, 0], fiscal: [0, 0, 0], carryOver: [0, 0, 0], other: [0, 0, 0] };
    const { r } = review({ funds: zero, executionRate: '—', executionScore: 10, total: 95.6 });
    expect(r.findings).toEqual([]);
    expect(r.total).toBe(95.6);
    const unscored = review({ funds: zero, executionRate: '—', executionScore: '—', total: 95.6 });
    expect(unscored.slips).toEqual([['H6', '—', null]]);
    expect(unscored.r.findings[0]!.problem).toBe('全年预算数为 0，执行率为“—”，请人工核定预算执行率得分（0–10.00 分）');
  });

  it('checks the 一级 weights against the year’s rules (20/40/40)', () => {
    const rules: RuleSet = {
      ...DEFAULT_RULE_SET,
      selfEvaluation: { ...DEFAULT_RULE_SET.selfEvaluation, weights: { execution: 20, output: 40, benefit: 40, satisfaction: 0 } },
    };
    const { r } = review({}, rules);
    expect(r.findings.map((f) => [f.cell, f.problem])).toEqual([
      ['F6', '预算执行率的分值写为 10，本年度规则为 20.00 分。请改正。'],
      ['H6', '预算执行率得分写为 9.5，按分值 20.00 × min(执行率 95.00%, 100%) 应为 19.00。请核对后改正。'],
      ['B13', '产出指标的三级指标分值合计 50.00 分，本年度规则中该一级指标为 40.00 分，请调整各指标分值'],
      ['B19', '效益指标的三级指标分值合计 30.00 分，本年度规则中该一级指标为 40.00 分，请调整各指标分值'],
      ['B23', '满意度指标的三级指标分值合计 10.00 分，本年度规则中该一级指标为 0.00 分，请调整各指标分值'],
      ['G25', '总分行的分值写为 100，按预算执行率与各三级指标分值之和应为 110.00。请核对后改正。'],
      ['H25', '总分写为 95.1，按预算执行率得分与各三级指标得分之和（按未舍入的得分相加，最后舍入一次）应为 104.60。请核对后改正。'],
    ]);
    expect(r.grade).toBeNull();
  });
});

type Rows = ReturnType<typeof selfEvaluationForm>['rows'];

describe('npm run ledger -- review on a 自评表', () => {
  const run = cliRunner();

  it('prints the kind, recomputed total and grade, and each slip with its cell', async () => {
    const file = path.join(tempFolder(), FILE);
    fs.writeFileSync(file, selfEvaluationForm({ executionScore: 10, subtotal: { 效益指标: 28 }, total: 96.1 }).bytes);
    const json = await run('review', file, '--json');
    expect(json.code).toBe(0);
    const out = cliJson(json);
    expect(out).toMatchObject({ kind: 'selfEvaluation', total: 95.1, grade: '优' });
    expect(out.findings.map((f: any) => [f.sheet, f.row, f.column, f.printed, f.computed])).toEqual([
      [FORM.sheet, 6, 'H', '10', '9.50'],
      [FORM.sheet, 22, 'H', '28', '27.00'],
      [FORM.sheet, 25, 'H', '96.1', '95.10'],
    ]);

    const text = await run('review', file);
    expect(text.code).toBe(0);
    expect(text.out).toContain('表格类型：项目支出绩效自评表（项目支出绩效自评表）');
    expect(text.out).toContain('复算总分：95.10');
    expect(text.out).toContain('复算等级：优');
    expect(text.out).toContain('发现 3 处问题：');
  });
});
