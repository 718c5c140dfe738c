/**
 * 评价指标体系 by Excel on real workbooks and a real ledger: a template out and back in unchanged, a
 * third party's printed table (title, "一、决策（20分）", blank grouped cells, "3分", no 编号, 合计 row)
 * read into an evaluation, a printed 28-indicator 评分表 ("A决策15分", merged cells, 小计 rows, the
 * header repeated at a page break) read to exactly its framework with each slip in a printed total
 * reported once at its cell, weights told from points by where they stand, and a broken table refused
 * cell by cell with nothing written.
 */
import { describe, expect, it } from 'vitest';
import { respreadWeights, templateById } from '../../electron/rules/keyEvaluationFrameworks';
import { ImportRejected } from '../../electron/formats/importIssue';
import { recentAudit } from '../../electron/ledger/audit';
import {
  commitEvaluationFrameworkImport,
  commitTemplateImport,
  exportFramework,
  previewEvaluationFrameworkImport,
  readFrameworkWorkbook,
} from '../../electron/keyEvaluations/frameworkExchange';
import { listFrameworkTemplates } from '../../electron/keyEvaluations/frameworkTemplates';
import { getKeyEvaluation, selectForEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { recordScores, setExperts } from '../../electron/keyEvaluations/keyEvaluationScoring';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { freshContext } from '../ledger/tempLedger';
import { LEVELS, printedEvaluation, type PrintedLayout, type Slips } from '../fixtures/printedEvaluation';
import { xlsx, type Cell } from '../fixtures/workbooks';

function setup() {
  const ctx = freshContext({ year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县交通运输局', code: '301', parentId: null, classified: false });
  const project = createProject(ctx, {
    year: 2023,
    unitId: unit.id,
    code: 'JT-1',
    name: '农村公路养护项目',
    projectType: '重点建设项目',
    budgetKind: 'general',
    initialBudgetFen: 300_000_000,
    continuity: 'continuing',
    majorPolicy: false,
  });
  const evaluation = selectForEvaluation(ctx, {
    year: 2023,
    subject: 'project',
    projectId: project.id,
    selectionReason: '资金量大',
    evaluator: 'thirdParty',
    evaluatorName: '某会计师事务所',
  });
  return { ctx, evaluation };
}

/** A third party's table as printed: title, unit line, grouped 一级/二级, weights in the names, 合计. */
const PRINTED: Cell[][] = [
  ['农村公路养护项目绩效评价指标体系'],
  [],
  ['一级指标', '二级指标', '三级指标', '分值', '评分标准', '指标解释', '得分'],
  ['一、决策（20分）', '（一）项目立项', '立项依据充分性', '5分', '依据充分得满分，每有一项不符扣 1 分', null, null],
  [null, null, '立项程序规范性', 5, '程序规范得满分，否则酌情扣分', null, null],
  [null, '（二）绩效目标', '绩效目标合理性', '10', '目标明确合理得满分', null, null],
  ['二、过程（20分）', '资金管理', '预算执行率', '10分', '得分 = 分值 × 预算执行率', '预算执行率 = 实际支出 / 到位资金', null],
  [null, '组织实施', '制度执行有效性', '１０分', '制度执行到位得满分', null, null],
  ['三、产出（30分）', '产出数量', '养护里程完成率', 15, '完成率 100% 得满分，否则按比例得分', null, null],
  [null, '产出质量', '优良路率', 15, '优良路率达到 80% 得满分，每低 1 个百分点扣 1 分', null, null],
  ['四、效益（30分）', '社会效益', '群众出行条件改善', 15, '达到预期得满分，部分达到酌情扣分', null, null],
  [null, '满意度', '群众满意度', 15, '满意度 ≥ 90% 得满分', null, null],
  ['合计', null, null, 100, null, null, null],
];

describe('评价指标体系 workbooks', () => {
  it('exports a template in the columns the import reads, and the workbook comes back unchanged', async () => {
    const { ctx } = setup();
    const out = await exportFramework(ctx, { templateId: 'national10' });
    expect(out.fileName).toBe('项目支出绩效评价指标体系（财预〔2020〕10号框架）.xlsx');
    expect(out.indicatorCount).toBe(20);
    const back = readFrameworkWorkbook(out.fileName, out.bytes);
    expect(back.preview.errors).toEqual([]);
    expect(back.preview.warnings).toEqual([]);
    expect(back.framework).toEqual(
      templateById('national10')!.framework.map((l1) => ({
        ...l1,
        level2: l1.level2.map((l2) => ({ ...l2, indicators: l2.indicators.map((i) => ({ ...i, formula: i.formula ?? null })) })),
      })),
    );
  });

  it('reads a printed table into an evaluation: weights from the names, grouped cells, "5分", codes by position', () => {
    const { ctx, evaluation } = setup();
    const bytes = xlsx(PRINTED);
    const preview = previewEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '评价指标体系.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({
      title: '农村公路养护项目绩效评价指标体系',
      headerRow: 3,
      indicatorCount: 9,
      droppedScores: 0,
      canCommit: true,
    });
    expect(preview.level1.map((l) => [l.name, l.weight, l.level2Count, l.indicatorCount, l.points])).toEqual([
      ['决策', 20, 2, 3, 20],
      ['过程', 20, 2, 2, 20],
      ['产出', 30, 2, 2, 30],
      ['效益', 30, 2, 2, 30],
    ]);
    const view = commitEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '评价指标体系.xlsx', bytes });
    expect(view.templateId).toBeNull();
    expect(view.frameworkProblems).toEqual([]);
    const audit = recentAudit(ctx, 1)[0]!;
    expect(audit).toMatchObject({ action: 'keyEvaluation.importFramework', entityId: String(evaluation.id) });
    expect(JSON.parse(audit.after!)).toMatchObject({ fileName: '评价指标体系.xlsx', templateId: null });
    expect(view.framework[0]!.level2.map((l2) => [l2.name, l2.indicators.map((i) => `${i.code} ${i.name} ${i.points}`)])).toEqual([
      ['项目立项', ['1.1.1 立项依据充分性 5', '1.1.2 立项程序规范性 5']],
      ['绩效目标', ['1.2.1 绩效目标合理性 10']],
    ]);
    expect(view.framework[1]!.level2[1]!.indicators[0]).toMatchObject({ name: '制度执行有效性', points: 10 });
  });

  it('says how many experts’ scores a replacement drops, and takes a table without weights as a template', () => {
    const { ctx, evaluation } = setup();
    applyFrameworkTemplate(ctx, { id: evaluation.id, templateId: 'national10' });
    const experts = setExperts(ctx, { id: evaluation.id, names: ['王专家'] }).experts;
    recordScores(ctx, {
      id: evaluation.id,
      expertId: experts[0]!.id,
      scores: [
        { indicatorCode: '1.1.1', score: 3, basis: '' },
        { indicatorCode: '2.1.3', score: 3, basis: '' },
      ],
    });
    // The printed table has 1.1.1 but no 2.1.3.
    expect(previewEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: 'a.xlsx', bytes: xlsx(PRINTED) }).droppedScores).toBe(1);

    const national = respreadWeights(templateById('national10')!.framework, [20, 20, 30, 30]);
    const rows: Cell[][] = [['一级指标', '二级指标', '三级指标', '分值', '评分细则']];
    for (const l1 of national)
      for (const l2 of l1.level2) for (const i of l2.indicators) rows.push([l1.name, l2.name, i.name, i.points, i.rule]);
    const read = readFrameworkWorkbook('十号框架.xlsx', xlsx(rows));
    expect(read.preview.errors).toEqual([]);
    expect(read.preview.warnings.map((w) => w.message)).toEqual([
      '十号框架.xlsx 工作表“Sheet1”第 2 行 A 列（一级指标）：未写一级指标“决策”的权重，按其三级指标分值合计 20 计。',
      '十号框架.xlsx 工作表“Sheet1”第 8 行 A 列（一级指标）：未写一级指标“过程”的权重，按其三级指标分值合计 20 计。',
      '十号框架.xlsx 工作表“Sheet1”第 13 行 A 列（一级指标）：未写一级指标“产出”的权重，按其三级指标分值合计 30 计。',
      '十号框架.xlsx 工作表“Sheet1”第 17 行 A 列（一级指标）：未写一级指标“效益”的权重，按其三级指标分值合计 30 计。',
    ]);
    const t = commitTemplateImport(ctx, { fileName: '十号框架.xlsx', bytes: xlsx(rows), name: '十号框架（导入）', description: '' });
    expect(t).toMatchObject({ origin: '导入自：十号框架.xlsx', builtIn: false });
    expect(listFrameworkTemplates(ctx).map((x) => x.name)).toContain('十号框架（导入）');
  });

  it('refuses a broken table cell by cell and writes nothing', () => {
    const { ctx, evaluation } = setup();
    applyFrameworkTemplate(ctx, { id: evaluation.id, templateId: 'national10' });
    const before = getKeyEvaluation(ctx, { id: evaluation.id }).framework;
    const broken = PRINTED.map((r) => [...r]);
    broken[4]![3] = '五分'; // row 5: not a number
    broken[5]![4] = null; // row 6: no 评分标准
    broken[8]![3] = 20; // row 9: 产出 now 35 against 30 — but cell errors come first
    const preview = previewEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '坏表.xlsx', bytes: xlsx(broken) });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => e.message)).toEqual([
      '坏表.xlsx 工作表“Sheet1”第 5 行 D 列（分值）：“五分”不是数字。分值请填写数字（如 3 或 2.5），可带“分”字。',
      '坏表.xlsx 工作表“Sheet1”第 6 行 E 列（评分标准）：缺少“绩效目标合理性”的评分标准。专家按评分标准打分，请补上。',
    ]);
    expect(() => commitEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '坏表.xlsx', bytes: xlsx(broken) })).toThrow(
      ImportRejected,
    );
    expect(getKeyEvaluation(ctx, { id: evaluation.id }).framework).toEqual(before);

    // Cells fixed, the sums are checked: 产出's points add up to 35, against its label and the 合计.
    broken[4]![3] = 5;
    broken[5]![4] = '目标明确合理得满分';
    const sums = readFrameworkWorkbook('坏表.xlsx', xlsx(broken));
    expect(sums.preview.errors.map((e) => e.message)).toEqual([
      '坏表.xlsx 工作表“Sheet1”：一级指标权重合计为 105，应为 100。请改正后重新导入。',
    ]);
    expect(sums.preview.warnings.map((w) => [w.row, w.column, w.value])).toEqual([
      [9, 'A', '三、产出（30分）'],
      [13, 'D', '100'],
    ]);
    expect(sums.preview.warnings[0]!.message).toBe(
      '坏表.xlsx 工作表“Sheet1”第 9 行 A 列（一级指标）：一级指标“产出”标注的权重为 30.00，其三级指标分值合计为 35.00，两者不一致。请核对后改正。',
    );
    expect(sums.framework).toBeNull();
  });

  it('applies the ledger’s framework check once the cells are read, at the cell each problem came from', () => {
    const { ctx, evaluation } = setup();
    const rows = PRINTED.map((r) => [...r]);
    // 4.996 + 5.004 add up to 10 in hundredths, so only the third decimal is wrong — once silently rounded.
    rows[3]![3] = '4.996';
    rows[4]![3] = 5.004;
    const preview = previewEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '三位小数.xlsx', bytes: xlsx(rows) });
    expect(preview.errors.map((e) => e.message)).toEqual([
      '三位小数.xlsx 工作表“Sheet1”第 4 行 D 列（分值）：三级指标“立项依据充分性”：分值最多两位小数。请改正后重新导入。',
      '三位小数.xlsx 工作表“Sheet1”第 5 行 D 列（分值）：三级指标“立项程序规范性”：分值最多两位小数。请改正后重新导入。',
    ]);
    expect(() => commitEvaluationFrameworkImport(ctx, { id: evaluation.id, fileName: '三位小数.xlsx', bytes: xlsx(rows) })).toThrow(
      ImportRejected,
    );
    expect(getKeyEvaluation(ctx, { id: evaluation.id }).framework).toEqual([]);
  });

  it('reads a printed 28-indicator 评分表 to exactly its framework, with or without scores, with nothing to report', () => {
    const expected = LEVELS.map((l1) => ({
      name: l1.name,
      weight: l1.weight,
      level2: l1.level2.map((l2) => ({ name: l2.name, indicators: l2.indicators.map(([name, points]) => [name, points]) })),
    }));
    for (const layout of [printedEvaluation(), printedEvaluation({ withScores: false }), printedEvaluation({ level2Subtotals: true })]) {
      const { preview, framework } = readFrameworkWorkbook('评分表.xlsx', layout.bytes);
      expect(preview.errors).toEqual([]);
      expect(preview.warnings).toEqual([]);
      expect(preview).toMatchObject({ sheet: '评分表', headerRow: 3, indicatorCount: 28, canCommit: true });
      expect(
        framework!.map((l1) => ({
          name: l1.name,
          weight: l1.weight,
          level2: l1.level2.map((l2) => ({ name: l2.name, indicators: l2.indicators.map((i) => [i.name, i.points]) })),
        })),
      ).toEqual(expected);
      expect(framework![3]!.level2.map((l2) => l2.indicators[0]!.code)).toEqual(['4.1.1', '4.2.1', '4.3.1', '4.4.1', '4.5.1']);
    }
  });

  // A slip in one printed figure: one warning at its cell, and the framework still what the points say.
  const slips: [string, Slips, (t: PrintedLayout) => [number, string, string]][] = [
    ['a 一级 小计', { subtotalPoints: { l1: 2, value: 24 } }, (t) => [t.subtotalRows[2]!, 'D', '24']],
    ['the 合计', { totalPoints: 95 }, (t) => [t.totalRow, 'D', '95']],
    ['a 一级 label weight', { level1Label: { l1: 1, text: 'B过程26分' } }, (t) => [t.level1Rows[1]!, 'A', 'B过程26分']],
    [
      'a 二级 label’s points',
      { level2Label: { l1: 0, l2: 2, text: '资金投入（7分）' } },
      (t) => [t.level2Rows.get('资金投入')!, 'B', '资金投入（7分）'],
    ],
  ];
  it.each(slips)('warns of a slip in %s at its cell, and imports the framework its points make', (_, slip, where) => {
    const layout = printedEvaluation({ slips: slip });
    const { preview, framework } = readFrameworkWorkbook('评分表.xlsx', layout.bytes);
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w) => [w.row, w.column, w.value])).toEqual([where(layout)]);
    expect(preview.warnings[0]!.message).toContain('两者不一致。请核对后改正。');
    expect(framework!.map((l) => l.weight)).toEqual([15, 25, 25, 35]);
  });

  it('tells a 权重 column’s level by where its values stand', () => {
    const header = ['一级指标', '权重', '二级指标', '三级指标', '分值', '评分标准及评分规则'];
    const level1Weights: Cell[][] = [
      header,
      ['决策', 40, '项目立项', '立项依据充分性', 20, '依据充分得满分'],
      [null, null, '绩效目标', '绩效目标合理性', 20, '目标合理得满分'],
      ['过程', 60, '资金管理', '预算执行率', 60, '按执行率得分'],
    ];
    // Merged over its 一级 (B2:B3), 权重 is the 一级 weight; a slip in it is reported there.
    const merged = readFrameworkWorkbook('权重.xlsx', xlsx(level1Weights, ['A2:A3', 'B2:B3']));
    expect(merged.preview.errors).toEqual([]);
    expect(merged.preview.warnings).toEqual([]);
    expect(merged.framework!.map((l) => [l.name, l.weight, l.level2.flatMap((l2) => l2.indicators.map((i) => i.points))])).toEqual([
      ['决策', 40, [20, 20]],
      ['过程', 60, [60]],
    ]);
    const slipped = level1Weights.map((r) => [...r]);
    slipped[1]![1] = 45;
    const warned = readFrameworkWorkbook('权重.xlsx', xlsx(slipped, ['A2:A3', 'B2:B3']));
    expect(warned.preview.warnings.map((w) => [w.row, w.column, w.header, w.value])).toEqual([[2, 'B', '权重', '45']]);
    expect(warned.preview.warnings[0]!.message).toContain('一级指标“决策”标注的权重为 45.00，其三级指标分值合计为 40.00');

    // A 权重 written as a percentage (0.4 shown as 40%) is the same weight.
    const fractions = level1Weights.map((r, k) => (k === 1 ? [r[0]!, 0.4, ...r.slice(2)] : k === 3 ? [r[0]!, 0.6, ...r.slice(2)] : r));
    expect(readFrameworkWorkbook('权重.xlsx', xlsx(fractions)).preview.warnings).toEqual([]);

    // Only 权重, on every 三级 row: the points.
    const points = readFrameworkWorkbook(
      '权重.xlsx',
      xlsx(level1Weights.map((r) => [r[0]!, r[4]!, r[2]!, r[3]!, r[5]!].map((c, i) => (i === 1 && c === '分值' ? '权重' : c)))),
    );
    expect(points.preview.errors).toEqual([]);
    expect(points.framework!.map((l) => l.weight)).toEqual([40, 60]);

    // Only 权重, on the 一级 rows: no 三级 points at all, and the message says why.
    const onlyWeights = readFrameworkWorkbook('权重.xlsx', xlsx(level1Weights.map((r) => [r[0]!, r[1]!, r[2]!, r[3]!, r[5]!])));
    expect(onlyWeights.framework).toBeNull();
    expect(onlyWeights.preview.errors.map((e) => e.message)).toEqual([
      '权重.xlsx 工作表“Sheet1”第 1 行：表头中找不到“分值”列（表中“权重”列只填在一级或二级指标的行上，是一级或二级的权重，不是三级指标的分值）。可用的列名：“分值”、“标准分值”、“指标分值”、“三级指标分值”、“满分”、“分数”、“标准分”、“权重分值”、“分值权重”、“权重”。请补上三级指标的分值列后重新导入。',
    ]);
  });

  it('reads a 二级 权重 beside the 一级’s, 指标解释 into the rule, and "1.1 立项依据充分性(3分)" names', () => {
    const rows: Cell[][] = [
      ['一级指标', '权重', '二级指标', '权重', '三级指标', '指标解释', '评分依据和标准'],
      ['决策', 40, '项目立项', 25, '1.1 立项依据充分性(15分)', '项目立项是否符合规划', '依据充分得满分'],
      [null, null, null, null, '1.2 立项程序规范性(10分)', null, '程序规范得满分'],
      [null, null, '绩效目标', 15, '2.1 绩效目标合理性(15分)', null, '目标合理得满分'],
      ['过程', 60, '资金管理', 61, '3.1 预算执行率(60分)', '预算执行率 = 实际支出 / 到位资金', '按执行率得分'],
    ];
    const { preview, framework } = readFrameworkWorkbook('二级权重.xlsx', xlsx(rows));
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.map((w) => [w.row, w.column, w.value])).toEqual([[5, 'D', '61']]);
    expect(preview.warnings[0]!.message).toContain('二级指标“资金管理”标注的分值为 61.00，其三级指标分值合计为 60.00');
    expect(framework![0]!.level2.map((l2) => [l2.name, l2.indicators.map((i) => [i.name, i.points])])).toEqual([
      [
        '项目立项',
        [
          ['立项依据充分性', 15],
          ['立项程序规范性', 10],
        ],
      ],
      ['绩效目标', [['绩效目标合理性', 15]]],
    ]);
    expect(framework![0]!.level2[0]!.indicators[0]!.rule).toBe('指标解释：项目立项是否符合规划\n依据充分得满分');
  });
});
