/**
 * The budget platform's execution export into a monitoring round: a messy workbook (title rows, a
 * two-row merged header, 单位：万元, 合计/小计 and blank rows, text numbers) and the same table as a
 * GB18030 CSV read into exact 分; a missing column named and nothing written; unmatched rows with
 * candidates, matched by hand and remembered; re-imports that change nothing; changes listed by field.
 * Real ledger files and real workbooks, generated here.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, executionMatches, executionRecords } from '../../db/schema';
import { ImportRejected } from '../../electron/formats/importIssue';
import type { ServiceContext } from '../../electron/ledger/context';
import {
  commitExecutionImport,
  listExecution,
  previewExecutionImport,
  type ExecutionImportInput,
} from '../../electron/monitoring/executionImport';
import { forgetRememberedMatch, listRememberedMatches } from '../../electron/monitoring/rememberedMatches';
import { LedgerError } from '../../db/ledgerError';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { csvText, gbkBytes, utf8Bytes, xlsx, type Cell } from '../fixtures/workbooks';
import { freshContext } from '../ledger/tempLedger';

const YEAR = 2023;

interface Ledger {
  ctx: ServiceContext;
  roundId: number;
  ids: { training: number; lab: number; safety: number; rotation: number; heating: number };
}

/** A year with its default rounds, three units and five projects. */
function ledger(): Ledger {
  const ctx = freshContext({ year: YEAR });
  const dept = createUnit(ctx, { name: '轮台县教育局', code: null, parentId: null, classified: false });
  const school1 = createUnit(ctx, { name: '轮台县第一中学', code: null, parentId: dept.id, classified: false });
  const school2 = createUnit(ctx, { name: '轮台县第二中学', code: null, parentId: dept.id, classified: false });
  const agri = createUnit(ctx, { name: '轮台县农业农村局', code: null, parentId: null, classified: false });
  const project = (unitId: number, code: string | null, name: string, initialBudgetFen: number) =>
    createProject(ctx, {
      year: YEAR,
      unitId,
      code,
      name,
      projectType: '政府采购',
      budgetKind: 'general',
      initialBudgetFen,
      continuity: 'new',
      majorPolicy: false,
    }).id;
  const ids = {
    training: project(school1.id, '652822-23-0001', '教师培训项目', 100_000_000),
    lab: project(school1.id, '652822-23-0002', '实验室设备购置', 50_000_000),
    safety: project(school2.id, '652822-23-0003', '校园安全建设', 0),
    rotation: project(agri.id, '652822-23-0004', '2023年耕地轮作补助项目', 300_000_000),
    heating: project(agri.id, '652822-23-0005', '设施农业大棚供暖补助', 20_000_000),
  };
  return { ctx, roundId: findRound(ctx, YEAR, '5月项目监控').id, ids };
}

function counts(ctx: ServiceContext) {
  const n = (t: typeof executionRecords | typeof executionMatches | typeof auditLog) =>
    ctx.ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .get()!.n;
  return { records: n(executionRecords), matches: n(executionMatches), audit: n(auditLog) };
}

/** The platform's export as it arrives: title, 单位 line, two-row merged header, 小计, blank and 合计 rows. */
const MESSY_ROWS: Cell[][] = [
  ['2023年1-5月项目支出预算执行情况表', null, null, null, null, null, null, null, null],
  ['填报单位：轮台县财政局', null, null, null, null, null, null, '单位：万元', null],
  ['序号', '预算单位', '项目代码', '项目名称', '预算数（万元）', null, '执行数', null, '全年预计执行数'],
  [null, null, null, null, '年初预算数', '调整后预算数', '1-5月执行数', '执行率', null],
  [1, '轮台县第一中学', '652822-23-0001', '2023年教师培训', 100, '1,234.56', '617.28', '50.00%', '1,200'],
  [2, '轮台县第一中学', null, '实验室设备购置', '50', '50.00', 12.3456, '24.69%', null],
  [null, '轮台县第一中学小计', null, null, 150, '1,284.56', '629.6256', null, null],
  [null, null, null, null, null, null, null, null, null],
  [3, '轮台县第二中学', '652822-23-0003', '校园安全建设', 0, 80, '0', '0.00%', '60'],
  ['合计', null, null, null, 150, '1,364.56', '629.6256', null, null],
];
const MESSY_MERGES = ['A1:I1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:H3', 'I3:I4'];

const EXPECTED = (ids: Ledger['ids']) => [
  {
    row: 5,
    projectId: ids.training,
    by: 'code',
    initialBudgetFen: 100_000_000,
    adjustedBudgetFen: 1_234_560_000,
    executedFen: 617_280_000,
    expectedFullYearFen: 1_200_000_000,
  },
  {
    row: 6,
    projectId: ids.lab,
    by: 'unitName',
    initialBudgetFen: 50_000_000,
    adjustedBudgetFen: 50_000_000,
    executedFen: 12_345_600,
    expectedFullYearFen: null,
  },
  {
    row: 9,
    projectId: ids.safety,
    by: 'code',
    initialBudgetFen: 0,
    adjustedBudgetFen: 80_000_000,
    executedFen: 0,
    expectedFullYearFen: 60_000_000,
  },
];

const amountsOf = (
  rows: {
    projectId: number;
    initialBudgetFen: number | null;
    adjustedBudgetFen: number;
    executedFen: number;
    expectedFullYearFen: number | null;
  }[],
) =>
  rows
    .map(({ projectId, initialBudgetFen, adjustedBudgetFen, executedFen, expectedFullYearFen }) => ({
      projectId,
      initialBudgetFen,
      adjustedBudgetFen,
      executedFen,
      expectedFullYearFen,
    }))
    .sort((a, b) => a.projectId - b.projectId);

describe('a messy platform export', () => {
  it('finds the table under the titles, skips 小计/合计/blank rows and reads every amount exactly in 分', () => {
    const { ctx, roundId, ids } = ledger();
    const input: ExecutionImportInput = { roundId, fileName: '执行情况.xlsx', bytes: xlsx(MESSY_ROWS, MESSY_MERGES) };
    const preview = previewExecutionImport(ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ sheet: 'Sheet1', moneyUnit: '万元', dataRows: 3, blankRows: 1, canCommit: true });
    // The names merged down make row 4 a whole header by itself; either way the header ends at row 4.
    expect(preview.headerRow! + preview.headerRowCount! - 1).toBe(4);
    expect(preview.columns.map((c) => `${c.letter}=${c.key}`)).toEqual([
      'B=unit',
      'C=code',
      'D=name',
      'E=initialBudget',
      'F=adjustedBudget',
      'G=executed',
      'I=expectedFullYear',
    ]);
    expect(preview.columns.every((c) => c.key === 'unit' || c.key === 'code' || c.key === 'name' || c.moneyUnit === '万元')).toBe(true);
    expect(preview.skipped.map((s) => [s.rowNumber, s.kind])).toEqual([
      [7, 'subtotal'],
      [10, 'total'],
    ]);
    expect(
      preview.matched.map(({ row, projectId, by, initialBudgetFen, adjustedBudgetFen, executedFen, expectedFullYearFen }) => ({
        row,
        projectId,
        by,
        initialBudgetFen,
        adjustedBudgetFen,
        executedFen,
        expectedFullYearFen,
      })),
    ).toEqual(EXPECTED(ids));
    expect(preview.matched.every((r) => r.status === 'new')).toBe(true);
    expect(preview.totals).toEqual({ adjustedBudgetFen: 1_364_560_000, executedFen: 629_625_600 });
    expect(preview.counts).toEqual({ matched: 3, new: 3, changed: 0, unchanged: 0, unmatched: 0, rejected: 0, skipped: 2 });
    // Matched by code although the platform names it differently: worth a look, not an error.
    expect(preview.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/第 5 行 D 列（项目名称）：按项目代码 652822-23-0001 对应到台账中的“教师培训项目”/),
    ]);

    const result = commitExecutionImport(ctx, input);
    expect(result).toMatchObject({ created: 3, updated: 0, unchanged: 0, rememberedMatches: 0 });
    const records = listExecution(ctx, { roundId });
    expect(amountsOf(records)).toEqual(amountsOf(EXPECTED(ids)));
    expect(records.find((r) => r.projectId === ids.lab)).toMatchObject({
      projectName: '实验室设备购置',
      unitName: '轮台县第一中学',
      sourceFile: '执行情况.xlsx',
      sourceRow: 6,
    });
  });

  it('reads the same table saved as a GB18030 CSV (no merges) to the same 分', () => {
    const { ctx, roundId, ids } = ledger();
    const bytes = gbkBytes(csvText(MESSY_ROWS));
    expect(bytes.includes(Buffer.from('执行数', 'utf8'))).toBe(false); // really GBK, not UTF-8
    const input = { roundId, fileName: '执行情况.csv', bytes };
    const preview = previewExecutionImport(ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ sheet: null, headerRow: 3, headerRowCount: 2, moneyUnit: '万元' });
    commitExecutionImport(ctx, input);
    expect(amountsOf(listExecution(ctx, { roundId }))).toEqual(amountsOf(EXPECTED(ids)));
  });

  it('reads 元 named in the header, and a column without a unit follows the others', () => {
    const { ctx, roundId, ids } = ledger();
    const bytes = xlsx([
      ['单位名称', '项目名称', '调整后预算数（元）', '累计支出'],
      ['轮台县第一中学', '实验室设备购置', '500,000.00', '123,456.78'],
    ]);
    const preview = commitExecutionImport(ctx, { roundId, fileName: '元.xlsx', bytes }).preview;
    expect(preview.moneyUnit).toBe('元');
    expect(preview.moneyUnitSource).toBe('otherColumn');
    expect(amountsOf(listExecution(ctx, { roundId }))).toEqual([
      { projectId: ids.lab, initialBudgetFen: null, adjustedBudgetFen: 50_000_000, executedFen: 12_345_678, expectedFullYearFen: null },
    ]);
  });
});

describe('a file that cannot be imported', () => {
  it('names the missing 执行数 column and writes nothing', () => {
    const { ctx, roundId } = ledger();
    const before = counts(ctx);
    const bytes = xlsx([
      ['2023年项目预算执行表'],
      ['预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '执行率'],
      ['轮台县第一中学', '652822-23-0001', '教师培训项目', 100, 120, '50%'],
    ]);
    const preview = previewExecutionImport(ctx, { roundId, fileName: '缺列.xlsx', bytes });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]!.message).toMatch(
      /^缺列\.xlsx 工作表“Sheet1”第 2 行：表头中找不到“执行数”列。可用的列名：“执行数”、“累计执行数”/,
    );
    expect(preview.matched).toEqual([]);
    expect(preview.canCommit).toBe(false);
    expect(() => commitExecutionImport(ctx, { roundId, fileName: '缺列.xlsx', bytes })).toThrow(ImportRejected);
    expect(counts(ctx)).toEqual(before);
  });

  it('needs 调整后预算数 or at least 年初预算数', () => {
    const { ctx, roundId } = ledger();
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: 'x.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '1-5月执行数'],
        ['轮台县第一中学', '教师培训项目', 10],
      ]),
    });
    expect(preview.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/表头中找不到“调整后预算数”列.*全年预算数.*只有“年初预算数”列的表也可导入/),
    ]);
  });

  it('uses 年初预算数 as 调整后预算数 when that is all the file has, with a warning', () => {
    const { ctx, roundId, ids } = ledger();
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: 'x.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '年初预算数（万元）', '1-5月执行数（万元）'],
        ['轮台县第一中学', '教师培训项目', 100, 40],
      ]),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.matched[0]).toMatchObject({
      projectId: ids.training,
      initialBudgetFen: 100_000_000,
      adjustedBudgetFen: 100_000_000,
      executedFen: 40_000_000,
    });
    expect(preview.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/第 1 行：文件没有“调整后预算数”（或“全年预算数”）列：1 个项目按年初预算数计。/),
    );
  });

  it('lists each bad cell by row and column; execution far above budget is only a warning', () => {
    const { ctx, roundId } = ledger();
    const before = counts(ctx);
    const bytes = xlsx([
      ['预算单位', '项目代码', '项目名称', '调整后预算数（万元）', '1-5月执行数（万元）'],
      ['轮台县第一中学', '652822-23-0001', '教师培训项目', '一百万', 10],
      ['轮台县第一中学', '652822-23-0002', '实验室设备购置', 50, '-3'],
      ['轮台县第二中学', '652822-23-0003', '校园安全建设', 10, 45],
      ['轮台县第二中学', '652822-23-0003', '校园安全建设（重复）', 10, 1],
    ]);
    const input = { roundId, fileName: '错误.xlsx', bytes };
    const preview = previewExecutionImport(ctx, input);
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'D'],
      [3, 'E'],
      [5, 'C'],
    ]);
    expect(preview.errors[0]!.message).toBe(
      '错误.xlsx 工作表“Sheet1”第 2 行 D 列（调整后预算数（万元））：“一百万”不是金额。请填写以万元为单位的金额，如 12.50（不要写公式、文字或负数）。',
    );
    // The amount's field is named once, the text quoted once (never "金额金额…").
    expect(preview.errors[1]!.message).toMatch(/：执行数不能为负数（表中为“-3”）。请填写以万元为单位的金额/);
    expect(preview.errors[1]!.message).not.toMatch(/金额金额|“-3”金额/);
    expect(preview.errors[2]!.message).toMatch(/与第 4 行对应的是同一个项目“校园安全建设”/);
    expect(preview.rejected.map((r) => r.row)).toEqual([2, 3, 5]);
    expect(preview.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/第 4 行 E 列.*执行数 45\.00 万元超过调整后预算数 10\.00 万元的 3 倍/),
    );
    expect(preview.matched.map((r) => r.row)).toEqual([4]);
    expect(() => commitExecutionImport(ctx, input)).toThrow(ImportRejected);
    expect(counts(ctx)).toEqual(before);
  });

  it('warns when the header names another month than the round', () => {
    const { ctx, roundId } = ledger();
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: 'x.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '调整后预算数', '1-4月执行数'],
        ['轮台县第一中学', '教师培训项目', 100, 40],
      ]),
    });
    expect(preview.warnings.map((w) => w.message)).toContainEqual(
      expect.stringMatching(/执行数列是截至 4 月的数据，而“5月项目监控”截至 5 月/),
    );
  });

  it('warns when a 合计 row disagrees with the rows', () => {
    const { ctx, roundId } = ledger();
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: 'x.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '调整后预算数', '1-5月执行数'],
        ['轮台县第一中学', '教师培训项目', 100, 40],
        ['轮台县第一中学', '实验室设备购置', 50, 10],
        ['合计', null, 150, 60],
      ]),
    });
    // No unit written: the two projects' 调整后预算数 equal their 年初预算 read as 万元.
    expect(preview).toMatchObject({ moneyUnit: '万元', moneyUnitSource: 'ledger' });
    expect(preview.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/第 4 行 D 列（1-5月执行数）：合计行的执行数 60\.00 万元与各项目之和 50\.00 万元不一致/),
    ]);
  });
});

describe('matching rows to projects', () => {
  const UNMATCHED = (): Cell[][] => [
    ['单位名称', '项目名称', '调整后预算数', '1-5月执行数'],
    ['轮台县第一中学', '实验室设备购置', 50, 10],
    ['轮台县农业农村局', '耕地轮作补助', 300, 120.5],
  ];

  it('lists an unmatched row with candidates, refuses to commit, then remembers a hand match for the next import', () => {
    const { ctx, roundId, ids } = ledger();
    const input: ExecutionImportInput = { roundId, fileName: '执行.xlsx', bytes: xlsx(UNMATCHED()) };
    const preview = previewExecutionImport(ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview.canCommit).toBe(false);
    expect(preview.unmatched).toHaveLength(1);
    const row = preview.unmatched[0]!;
    expect(row).toMatchObject({
      row: 3,
      unitName: '轮台县农业农村局',
      name: '耕地轮作补助',
      code: null,
      adjustedBudgetFen: 300_000_000,
      executedFen: 120_500_000,
    });
    // Same unit, the contained name first; the project already matched by row 2 is not offered.
    expect(row.candidates.map((c) => [c.projectId, c.sameUnit])).toEqual([
      [ids.rotation, true],
      [ids.heating, true],
    ]);
    expect(row.candidates[0]!.similarity).toBeGreaterThanOrEqual(0.8);

    const before = counts(ctx);
    let refusal: unknown;
    try {
      commitExecutionImport(ctx, input);
    } catch (err) {
      refusal = err;
    }
    expect(refusal).toBeInstanceOf(ImportRejected);
    expect((refusal as Error).message).toMatch(
      /有 1 行未对应到台账中的项目：第 3 行（轮台县农业农村局·耕地轮作补助）。这些行必须在预览中逐行手动选择对应的项目/,
    );
    expect(counts(ctx)).toEqual(before);

    // A hand match previews as such, and the commit remembers it.
    const withHand = { ...input, manualMatches: [{ row: 3, projectId: ids.rotation }] };
    expect(previewExecutionImport(ctx, withHand)).toMatchObject({ canCommit: true, unmatched: [] });
    const result = commitExecutionImport(ctx, withHand);
    expect(result).toMatchObject({ created: 2, rememberedMatches: 1 });
    expect(result.preview.matched.map((r) => [r.row, r.by])).toEqual([
      [2, 'unitName'],
      [3, 'manual'],
    ]);
    expect(listRememberedMatches(ctx, { year: YEAR })).toEqual([
      expect.objectContaining({
        unitName: '轮台县农业农村局',
        projectName: '耕地轮作补助',
        projectId: ids.rotation,
        matchedProjectName: '2023年耕地轮作补助项目',
        rememberedAt: ctx.now().toISOString(),
        rememberedFrom: input.fileName,
      }),
    ]);

    // The next round's export (another file, new amounts) matches the row by itself.
    const august = findRound(ctx, YEAR, '8').id;
    const rows = UNMATCHED();
    rows[0]![3] = '1-8月执行数';
    rows[2]![3] = 250;
    const next = commitExecutionImport(ctx, { roundId: august, fileName: '8月执行.xlsx', bytes: xlsx(rows) });
    expect(next.preview.matched.find((r) => r.row === 3)).toMatchObject({
      projectId: ids.rotation,
      by: 'remembered',
      executedFen: 250_000_000,
    });
    expect(next.rememberedMatches).toBe(0);

    // Forgotten, the row is unmatched again.
    forgetRememberedMatch(ctx, { id: listRememberedMatches(ctx, { year: YEAR })[0]!.id });
    expect(
      previewExecutionImport(ctx, { roundId: august, fileName: '8月执行.xlsx', bytes: xlsx(rows) }).unmatched.map((r) => r.row),
    ).toEqual([3]);
  });

  it('refuses a hand match for a row the file already matches, or for a row that is not there', () => {
    const { ctx, roundId, ids } = ledger();
    const input = { roundId, fileName: '执行.xlsx', bytes: xlsx(UNMATCHED()) };
    expect(() => previewExecutionImport(ctx, { ...input, manualMatches: [{ row: 2, projectId: ids.training }] })).toThrow(
      /第 2 行已按单位和项目名称对应到“实验室设备购置”/,
    );
    expect(() => previewExecutionImport(ctx, { ...input, manualMatches: [{ row: 9, projectId: ids.rotation }] })).toThrow(LedgerError);
    expect(() => previewExecutionImport(ctx, { ...input, manualMatches: [{ row: 3, projectId: 9999 }] })).toThrow(/不是 2023 年度的项目/);
  });

  it('matches unit and name written with spaces or full-width brackets, and a unit with its code in front', () => {
    const { ctx, roundId, ids } = ledger();
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: 'x.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '调整后预算数', '执行数'],
        ['101001 轮台县第一中学', '实验室 设备购置', 50, 10],
        ['[102001]轮台县农业农村局', '2023年耕地轮作补助项目', 300, 10],
      ]),
    });
    expect(preview.matched.map((r) => [r.projectId, r.by])).toEqual([
      [ids.lab, 'unitName'],
      [ids.rotation, 'unitName'],
    ]);
  });
});

describe('importing again', () => {
  it('re-importing the same file changes nothing and writes no audit entry', () => {
    const { ctx, roundId } = ledger();
    const input = { roundId, fileName: '执行情况.xlsx', bytes: xlsx(MESSY_ROWS, MESSY_MERGES) };
    commitExecutionImport(ctx, input);
    const after = counts(ctx);
    const stored = listExecution(ctx, { roundId });
    const again = commitExecutionImport(ctx, input);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, rememberedMatches: 0 });
    expect(again.preview.counts).toMatchObject({ new: 0, changed: 0, unchanged: 3 });
    expect(counts(ctx)).toEqual(after);
    expect(listExecution(ctx, { roundId })).toEqual(stored);
    // The same table as CSV is the same data.
    expect(commitExecutionImport(ctx, { roundId, fileName: '执行情况.csv', bytes: utf8Bytes(csvText(MESSY_ROWS), true) }).updated).toBe(0);
    expect(counts(ctx)).toEqual(after);
  });

  it('lists the amounts that changed since the last import, field by field, and updates only those records', () => {
    const { ctx, roundId, ids } = ledger();
    commitExecutionImport(ctx, { roundId, fileName: '执行情况.xlsx', bytes: xlsx(MESSY_ROWS, MESSY_MERGES) });
    const audit = counts(ctx).audit;
    const rows = MESSY_ROWS.map((r) => [...r]);
    rows[4]![6] = '700.01'; // 执行数 617.28 → 700.01
    rows[4]![8] = null; // 全年预计 1200 → blank
    rows[5]![5] = '55'; // 调整后 50 → 55
    const preview = previewExecutionImport(ctx, { roundId, fileName: '执行情况（更正）.xlsx', bytes: xlsx(rows, MESSY_MERGES) });
    expect(preview.counts).toMatchObject({ new: 0, changed: 2, unchanged: 1 });
    expect(preview.matched.find((r) => r.projectId === ids.training)!.changes).toEqual([
      { field: 'executed', label: '执行数（万元）', beforeFen: 617_280_000, afterFen: 700_010_000, before: '617.28', after: '700.01' },
      {
        field: 'expectedFullYear',
        label: '全年预计执行数（万元）',
        beforeFen: 1_200_000_000,
        afterFen: null,
        before: '1,200.00',
        after: '（空）',
      },
    ]);
    expect(preview.matched.find((r) => r.projectId === ids.lab)!.changes).toEqual([
      {
        field: 'adjustedBudget',
        label: '调整后预算数（万元）',
        beforeFen: 50_000_000,
        afterFen: 55_000_000,
        before: '50.00',
        after: '55.00',
      },
    ]);
    const result = commitExecutionImport(ctx, { roundId, fileName: '执行情况（更正）.xlsx', bytes: xlsx(rows, MESSY_MERGES) });
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 1 });
    expect(counts(ctx).audit).toBe(audit + 3); // two records and the file
    expect(listExecution(ctx, { roundId }).find((r) => r.projectId === ids.training)).toMatchObject({
      executedFen: 700_010_000,
      expectedFullYearFen: null,
      sourceFile: '执行情况（更正）.xlsx',
    });
  });

  it('keeps the records of projects a later file leaves out, and says so', () => {
    const { ctx, roundId, ids } = ledger();
    commitExecutionImport(ctx, { roundId, fileName: '执行情况.xlsx', bytes: xlsx(MESSY_ROWS, MESSY_MERGES) });
    const preview = previewExecutionImport(ctx, {
      roundId,
      fileName: '部分.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '调整后预算数', '执行数'],
        ['轮台县第一中学', '实验室设备购置', 50, 12.3456],
      ]),
    });
    expect(preview.notInFile.map((n) => n.projectId).sort()).toEqual([ids.training, ids.safety].sort());
    commitExecutionImport(ctx, {
      roundId,
      fileName: '部分.xlsx',
      bytes: xlsx([
        ['预算单位', '项目名称', '调整后预算数', '执行数'],
        ['轮台县第一中学', '实验室设备购置', 50, 12.3456],
      ]),
    });
    expect(listExecution(ctx, { roundId })).toHaveLength(3);
  });
});
