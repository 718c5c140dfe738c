/**
 * 专家评分表 round trip on a real ledger file and real workbooks: exported one sheet per expert, filled
 * with exceljs as an expert would, previewed, committed through recordScores; bad cells reported at
 * sheet, row and column with nothing written; an unchanged workbook writes nothing; a sheet of another
 * evaluation is refused; 小计/合计 rows and weighted labels an expert adds are checked, never recorded.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import {
  commitExpertScoreSheetImport,
  EXPERT_SHEET_CODE_CELL,
  exportExpertScoreSheet,
  previewExpertScoreSheetImport,
} from '../../electron/keyEvaluations/expertScoreSheet';
import { getKeyEvaluation, selectForEvaluation, type KeyEvaluationView } from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { finalizeKeyEvaluation, recordScores, setExperts } from '../../electron/keyEvaluations/keyEvaluationScoring';
import { ImportRejected } from '../../electron/formats/importIssue';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { formatScore } from '../../electron/rules/numberFormat';
import { freshContext } from '../ledger/tempLedger';

function setup() {
  const ctx = freshContext({ year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县农业技术推广站', code: '101', parentId: null, classified: false });
  const make = (code: string, name: string) =>
    createProject(ctx, {
      year: 2023,
      unitId: unit.id,
      code,
      name,
      projectType: '补助补贴',
      budgetKind: 'general',
      initialBudgetFen: 1_000_000_000,
      continuity: 'continuing',
      majorPolicy: false,
    });
  const evaluate = (projectId: number, experts: string[]) => {
    const v = selectForEvaluation(ctx, { year: 2023, subject: 'project', projectId, selectionReason: '资金量大', evaluator: 'bureau' });
    applyFrameworkTemplate(ctx, { id: v.id, templateId: 'national10', weights: [20, 20, 30, 30] });
    return setExperts(ctx, { id: v.id, names: experts });
  };
  const main = evaluate(make('P-1', '2023年耕地轮作补助项目').id, ['张专家', '李专家']);
  const other = evaluate(make('P-2', '农机购置补贴').id, ['王专家']);
  return { ctx, main, other };
}

const indicatorsOf = (v: KeyEvaluationView) => v.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators));

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The Excel row of an indicator on a sheet (三级指标 is column C). */
function rowOf(sheet: ExcelJS.Worksheet, name: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 3).value === name) return r;
  throw new Error(`no row for ${name}`);
}

/** Each expert gives `share` of every indicator's points (rounded to 0.1), with a basis. */
function fillSheet(sheet: ExcelJS.Worksheet, view: KeyEvaluationView, share: number): void {
  for (const i of indicatorsOf(view)) {
    const r = rowOf(sheet, i.name);
    sheet.getCell(r, 6).value = Math.round(i.points * share * 10) / 10;
    sheet.getCell(r, 7).value = '查阅资料、现场核查';
  }
}

function auditCount(ctx: ServiceContext): number {
  return ctx.ledger.db.select().from(auditLog).all().length;
}

describe('专家评分表', () => {
  it('exports one protected sheet per expert with the code, the table and unlocked input cells', async () => {
    const { ctx, main } = setup();
    recordScores(ctx, {
      id: main.id,
      expertId: main.experts[0]!.id,
      scores: [{ indicatorCode: indicatorsOf(main)[0]!.code, score: 1.5, basis: '已有评分' }],
    });
    const out = await exportExpertScoreSheet(ctx, { id: main.id });
    expect(out).toMatchObject({
      expertCount: 2,
      indicatorCount: indicatorsOf(main).length,
      fileName: '2023年耕地轮作补助项目专家评分表.xlsx',
    });
    const book = await load(out.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['张专家', '李专家']);
    const sheet = book.getWorksheet('张专家')!;
    expect(sheet.getCell(1, 1).value).toBe('重点绩效评价专家评分表');
    expect(sheet.getCell(EXPERT_SHEET_CODE_CELL.row, EXPERT_SHEET_CODE_CELL.col).value).toBe(
      `JXTZ-评分-E${main.id}-X${main.experts[0]!.id}`,
    );
    expect(sheet.getCell(3, 3).value).toBe('2023年耕地轮作补助项目');
    expect(sheet.getCell(3, 7).value).toBe('张专家');
    const first = indicatorsOf(main)[0]!;
    const r = rowOf(sheet, first.name);
    expect(sheet.getCell(r, 4).value).toBe(first.points);
    expect(sheet.getCell(r, 6).value).toBe(1.5);
    expect(sheet.getCell(r, 7).value).toBe('已有评分');
    expect(sheet.getCell(r, 6).protection?.locked).toBe(false);
    expect(sheet.getCell(r, 7).protection?.locked).toBe(false);
    expect(sheet.getCell(r, 3).protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);
    // The header row: 一级, 二级, 三级指标, 分值, 评分标准, 得分, 得分依据.
    let header = 0;
    for (let k = 1; k < r; k++) if (sheet.getCell(k, 6).value === '得分') header = k;
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => sheet.getCell(header, c).value)).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '分值',
      '评分标准',
      '得分',
      '得分依据',
    ]);
  });

  it('fills, previews per sheet, commits both experts in one go, and the evaluation scores; re-import writes nothing', async () => {
    const { ctx, main } = setup();
    const book = await load((await exportExpertScoreSheet(ctx, { id: main.id })).bytes);
    fillSheet(book.getWorksheet('张专家')!, main, 0.9);
    fillSheet(book.getWorksheet('李专家')!, main, 0.8);
    const filled = await bytesOf(book);

    const preview = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: filled });
    expect(preview.errors).toEqual([]);
    expect(preview.canCommit).toBe(true);
    const n = indicatorsOf(main).length;
    expect(preview.sheets).toEqual([
      { sheet: '张专家', action: 'record', expertId: main.experts[0]!.id, expert: '张专家', rows: n, scored: n, toRecord: n },
      { sheet: '李专家', action: 'record', expertId: main.experts[1]!.id, expert: '李专家', rows: n, scored: n, toRecord: n },
    ]);
    expect(getKeyEvaluation(ctx, { id: main.id }).scores).toEqual([]);

    const result = commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: filled });
    expect(result).toMatchObject({ recorded: 2, scores: 2 * n, unchanged: 0 });
    const after = getKeyEvaluation(ctx, { id: main.id });
    expect(after.status).toBe('scoring');
    expect(after.scores).toHaveLength(2 * n);
    expect(after.score.complete).toBe(true);
    expect(after.score.grade).not.toBeNull();
    expect(result.view.score.total).toBe(after.score.total);
    const first = indicatorsOf(main)[0]!;
    expect(after.scores.find((s) => s.expert === '张专家' && s.indicatorCode === first.code)).toMatchObject({
      score: Math.round(first.points * 0.9 * 10) / 10,
      basis: '查阅资料、现场核查',
    });

    // The same workbook again, and a fresh export of what is now recorded: nothing to write.
    const audits = auditCount(ctx);
    const again = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: filled });
    expect(again.sheets.map((s) => s.action)).toEqual(['unchanged', 'unchanged']);
    expect(commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: filled })).toMatchObject({
      recorded: 0,
      scores: 0,
      unchanged: 2,
    });
    const reexport = (await exportExpertScoreSheet(ctx, { id: main.id })).bytes;
    expect(commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '再导出.xlsx', bytes: reexport })).toMatchObject({
      recorded: 0,
      unchanged: 2,
    });
    expect(auditCount(ctx)).toBe(audits);
  });

  it('"/" and blank are not scored; a retyped name is matched by row order with a warning', async () => {
    const { ctx, main } = setup();
    const book = await load((await exportExpertScoreSheet(ctx, { id: main.id })).bytes);
    const sheet = book.getWorksheet('张专家')!;
    const [a, b, c] = indicatorsOf(main);
    sheet.getCell(rowOf(sheet, a!.name), 6).value = 1;
    sheet.getCell(rowOf(sheet, b!.name), 6).value = '/';
    const rc = rowOf(sheet, c!.name);
    sheet.getCell(rc, 3).value = `${c!.name}（改）`;
    sheet.getCell(rc, 6).value = '1.25';
    const preview = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: 'f.xlsx', bytes: await bytesOf(book) });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets[0]).toMatchObject({ action: 'record', scored: 2, toRecord: 2 });
    expect(preview.sheets[1]).toMatchObject({ action: 'unchanged' });
    expect(preview.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining(`按行序对应为“${c!.name}”`));
    commitExpertScoreSheetImport(ctx, { id: main.id, fileName: 'f.xlsx', bytes: await bytesOf(book) });
    const scores = getKeyEvaluation(ctx, { id: main.id }).scores;
    expect(scores.map((s) => [s.indicatorCode, s.score])).toEqual([
      [a!.code, 1],
      [c!.code, 1.25],
    ]);
  });

  it('reports a score above 分值 and a text score at sheet, row and column, and writes nothing', async () => {
    const { ctx, main } = setup();
    const book = await load((await exportExpertScoreSheet(ctx, { id: main.id })).bytes);
    fillSheet(book.getWorksheet('张专家')!, main, 1);
    const li = book.getWorksheet('李专家')!;
    fillSheet(li, main, 0.5);
    const [a, b] = indicatorsOf(main);
    const ra = rowOf(li, a!.name);
    const rb = rowOf(li, b!.name);
    li.getCell(ra, 6).value = a!.points + 1;
    li.getCell(rb, 6).value = '良好';
    const bytes = await bytesOf(book);
    const audits = auditCount(ctx);

    const preview = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes });
    expect(preview.canCommit).toBe(false);
    expect(preview.sheets.map((s) => s.action)).toEqual(['record', 'error']);
    expect(preview.errors.map((e) => ({ sheet: e.sheet, row: e.row, column: e.column, header: e.header, value: e.value }))).toEqual([
      { sheet: '李专家', row: ra, column: 'F', header: '得分', value: String(a!.points + 1) },
      { sheet: '李专家', row: rb, column: 'F', header: '得分', value: '良好' },
    ]);
    expect(preview.errors[0]!.message).toBe(
      `评分表.xlsx 工作表“李专家”第 ${ra} 行 F 列（得分）：“${a!.name}”：该指标满分 ${formatScore(a!.points)} 分，得分应在 0–${formatScore(a!.points)} 分之间。`,
    );
    expect(preview.errors[1]!.message).toContain('“良好”不是数字');

    expect(() => commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes })).toThrow(ImportRejected);
    expect(getKeyEvaluation(ctx, { id: main.id }).scores).toEqual([]);
    expect(auditCount(ctx)).toBe(audits);
  });

  it("refuses a sheet of another evaluation's code, and a final evaluation", async () => {
    const { ctx, main, other } = setup();
    const book = await load((await exportExpertScoreSheet(ctx, { id: other.id })).bytes);
    fillSheet(book.getWorksheet('王专家')!, other, 0.9);
    const bytes = await bytesOf(book);
    const preview = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '王.xlsx', bytes });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({
      sheet: '王专家',
      row: EXPERT_SHEET_CODE_CELL.row,
      column: 'C',
      value: `JXTZ-评分-E${other.id}-X${other.experts[0]!.id}`,
    });
    expect(preview.errors[0]!.message).toContain('不是“2023年耕地轮作补助项目”');
    expect(() => commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '王.xlsx', bytes })).toThrow(ImportRejected);
    expect(getKeyEvaluation(ctx, { id: main.id }).scores).toEqual([]);

    // Into its own evaluation it goes; once final, nothing more is taken.
    expect(commitExpertScoreSheetImport(ctx, { id: other.id, fileName: '王.xlsx', bytes })).toMatchObject({ recorded: 1 });
    finalizeKeyEvaluation(ctx, { id: other.id });
    const refused = previewExpertScoreSheetImport(ctx, { id: other.id, fileName: '王.xlsx', bytes });
    expect(refused.canCommit).toBe(false);
    expect(refused.errors[0]).toMatchObject({ sheet: null });
    expect(refused.errors[0]!.message).toContain('已定稿');
  });

  it('checks the 小计 and 合计 an expert adds and a 一级 retyped with its weight, and records only the indicators’ scores', async () => {
    const { ctx, main } = setup();
    const level1 = (name: string) =>
      indicatorsOf(main).filter((i) => main.framework.find((l) => l.name === name)!.level2.some((l2) => l2.indicators.includes(i)));
    const given = (points: number) => Math.round(points * 0.9 * 10) / 10;
    const sum = (list: { points: number }[]) => Math.round(list.reduce((a, i) => a + given(i.points) * 100, 0)) / 100;
    const decision = level1('决策');
    /** 张专家's sheet with a 小计 under 决策, a 合计 at the end and 决策 labelled with its weight; `total` as printed. */
    const build = async (printed: { total?: number; label?: string } = {}) => {
      const book = await load((await exportExpertScoreSheet(ctx, { id: main.id })).bytes);
      fillSheet(book.getWorksheet('张专家')!, main, 0.9);
      fillSheet(book.getWorksheet('李专家')!, main, 0.8);
      const sheet = book.getWorksheet('张专家')!;
      const lastDecision = rowOf(sheet, decision[decision.length - 1]!.name);
      sheet.insertRow(lastDecision + 1, [
        '小计',
        null,
        null,
        20,
        null,
        { formula: `SUM(F${lastDecision - decision.length + 1}:F${lastDecision})`, result: sum(decision) },
      ]);
      const last = rowOf(sheet, indicatorsOf(main)[indicatorsOf(main).length - 1]!.name);
      sheet.getRow(last + 1).values = ['合计', null, null, 100, null, printed.total ?? sum(indicatorsOf(main))];
      sheet.getCell(rowOf(sheet, decision[0]!.name), 1).value = printed.label ?? '一、决策（20分）';
      return { bytes: await bytesOf(book), totalRow: last + 1, labelRow: rowOf(sheet, decision[0]!.name) };
    };

    const clean = await build();
    const preview = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: clean.bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([]);
    const n = indicatorsOf(main).length;
    expect(preview.sheets.map((p) => [p.sheet, p.rows, p.scored])).toEqual([
      ['张专家', n, n],
      ['李专家', n, n],
    ]);

    const slipped = await build({ total: sum(indicatorsOf(main)) + 1 });
    const warned = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: slipped.bytes });
    expect(warned.canCommit).toBe(true);
    expect(warned.warnings.map((w) => ({ sheet: w.sheet, row: w.row, column: w.column, header: w.header }))).toEqual([
      { sheet: '张专家', row: slipped.totalRow, column: 'F', header: '得分' },
    ]);
    expect(warned.warnings[0]!.message).toContain(
      `合计行的得分为 ${formatScore(sum(indicatorsOf(main)) + 1)}，按各行计算为 ${formatScore(sum(indicatorsOf(main)))}，两者不一致`,
    );

    const labelled = await build({ label: '一、决策（25分）' });
    const label = previewExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: labelled.bytes });
    expect(label.warnings.map((w) => [w.row, w.column, w.value])).toEqual([[labelled.labelRow, 'A', '一、决策（25分）']]);
    expect(label.warnings[0]!.message).toContain('一级指标“决策”标注的权重为 25.00，评价指标体系中其三级指标分值合计为 20.00');

    // What is recorded is each indicator's own score; the printed totals are not.
    commitExpertScoreSheetImport(ctx, { id: main.id, fileName: '评分表.xlsx', bytes: slipped.bytes });
    const recorded = getKeyEvaluation(ctx, { id: main.id }).scores.filter((x) => x.expert === '张专家');
    expect(recorded).toHaveLength(n);
    expect(recorded.map((x) => x.score)).toEqual(indicatorsOf(main).map((i) => given(i.points)));
  });
});
