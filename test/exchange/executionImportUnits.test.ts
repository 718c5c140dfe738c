/**
 * Issue #12 on real ledger files and platform-style workbooks (title rows, a two-row merged header, a
 * 合计 row, amounts as text "1,234.56"): a money unit is never guessed — an export that names none is
 * read in the unit the ledger's figures for the same projects agree with, and asked for when they
 * cannot tell; a unit the ledger contradicts by 10,000× is not committed unless confirmed; a column the
 * file lacks keeps the figures recorded earlier; every 合计/小计 that disagrees is named with its cell.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, executionRecords } from '../../db/schema';
import { ImportRejected } from '../../electron/formats/importIssue';
import type { ServiceContext } from '../../electron/ledger/context';
import { commitExecutionImport, listExecution, previewExecutionImport } from '../../electron/monitoring/executionImport';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { fenToWanYuanInput, formatYuan } from '../../electron/rules/money';
import { xlsx, type Cell } from '../fixtures/workbooks';
import { freshContext } from '../ledger/tempLedger';

const YEAR = 2023;

interface Funds {
  code: string;
  unit: string;
  name: string;
  initial: number;
  adjusted: number;
  executed: number;
  expected: number;
}

/** Each project's funds in 分: 年初预算 (the ledger's), 调整后预算数, 1-5月执行数, 全年预计执行数. */
const FUNDS: readonly Funds[] = [
  {
    code: '652822-23-0101',
    unit: '轮台县农业农村局',
    name: '耕地地力保护补贴',
    initial: 320_000_000,
    adjusted: 320_000_000,
    executed: 96_000_000,
    expected: 320_000_000,
  },
  {
    code: '652822-23-0102',
    unit: '轮台县农业农村局',
    name: '高素质农民培训',
    initial: 45_500_000,
    adjusted: 50_000_000,
    executed: 12_345_600,
    expected: 50_000_000,
  },
  {
    code: '652822-23-0103',
    unit: '轮台县第一中学',
    name: '教学楼维修改造',
    initial: 1_250_000_000,
    adjusted: 1_300_000_000,
    executed: 520_000_000,
    expected: 1_300_000_000,
  },
  {
    code: '652822-23-0104',
    unit: '轮台县人民医院',
    name: '医疗设备购置',
    initial: 480_123_400,
    adjusted: 480_123_400,
    executed: 120_500_000,
    expected: 480_123_400,
  },
  {
    code: '652822-23-0105',
    unit: '轮台县第一中学',
    name: '校园安全建设',
    initial: 0,
    adjusted: 80_000_000,
    executed: 0,
    expected: 60_000_000,
  },
];

/** A 2023 ledger with its default rounds and the five projects (their 年初预算 as given, or as FUNDS). */
function ledger(initial: (f: Funds) => number = (f) => f.initial): { ctx: ServiceContext; may: number; august: number; ids: number[] } {
  const ctx = freshContext({ year: YEAR });
  const units = new Map<string, number>();
  const ids = FUNDS.map((f) => {
    if (!units.has(f.unit)) units.set(f.unit, createUnit(ctx, { name: f.unit, code: null, parentId: null, classified: false }).id);
    return createProject(ctx, {
      year: YEAR,
      unitId: units.get(f.unit)!,
      code: f.code,
      name: f.name,
      projectType: '补助补贴',
      budgetKind: 'general',
      initialBudgetFen: initial(f),
      continuity: 'new',
      majorPolicy: false,
    }).id;
  });
  return { ctx, may: findRound(ctx, YEAR, '5月项目监控').id, august: findRound(ctx, YEAR, '8月项目监控').id, ids };
}

interface ExportOptions {
  /** How amounts are written: 元 as text with thousands separators, 万元 as plain numbers. */
  in: '元' | '万元';
  /** Where a unit is written: nowhere, on the 填报单位 line, or in the title only. */
  unitNote?: '单位：元' | '单位：万元' | '（单位：万元）' | null;
  adjusted?: boolean;
  expected?: boolean;
  rows?: readonly Funds[];
  /** Override the 执行数 of a project (分). */
  executed?: Partial<Record<string, number>>;
  /** The 合计 row as printed, in 分 per column (else the true sums). */
  total?: Partial<Record<'initial' | 'adjusted' | 'executed' | 'expected', number>>;
}

/** The platform's export: a title, a 填报单位 line, a two-row merged header, the rows and a 合计 row. */
function platformExport(o: ExportOptions): Buffer {
  const rows = o.rows ?? FUNDS;
  const adjusted = o.adjusted ?? true;
  const expected = o.expected ?? true;
  const amount = (fen: number): Cell => (o.in === '元' ? formatYuan(fen) : Number(fenToWanYuanInput(fen)));
  const title = `轮台县${YEAR}年1-5月项目支出预算执行情况表${o.unitNote === '（单位：万元）' ? o.unitNote : ''}`;
  const money = [
    ['年初预算数', (f: Funds) => f.initial, 'initial'],
    ...(adjusted ? [['调整后预算数', (f: Funds) => f.adjusted, 'adjusted'] as const] : []),
    ['1-5月执行数', (f: Funds) => o.executed?.[f.code] ?? f.executed, 'executed'],
    ...(expected ? [['全年预计执行数', (f: Funds) => f.expected, 'expected'] as const] : []),
  ] as const;
  const width = 4 + money.length;
  const pad = (cells: Cell[]) => [...cells, ...Array<Cell>(width - cells.length).fill(null)];
  return xlsx(
    [
      pad([title]),
      pad(['填报单位：轮台县财政局', null, null, null, o.unitNote && o.unitNote !== '（单位：万元）' ? o.unitNote : null]),
      pad(['序号', '预算单位', '项目代码', '项目名称', '预算及执行情况']),
      pad([null, null, null, null, ...money.map(([label]) => label)]),
      ...rows.map((f, k) => pad([k + 1, f.unit, f.code, f.name, ...money.map(([, fen]) => amount(fen(f)))])),
      pad(['合计', null, null, null, ...money.map(([, fen, key]) => amount(o.total?.[key] ?? rows.reduce((s, f) => s + fen(f), 0)))]),
    ],
    ['A1:' + String.fromCharCode(64 + width) + '1', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', `E3:${String.fromCharCode(64 + width)}3`],
  );
}

const fields = (r: {
  projectId: number;
  initialBudgetFen: number | null;
  adjustedBudgetFen: number;
  executedFen: number;
  expectedFullYearFen: number | null;
}) => ({
  projectId: r.projectId,
  initialBudgetFen: r.initialBudgetFen,
  adjustedBudgetFen: r.adjustedBudgetFen,
  executedFen: r.executedFen,
  expectedFullYearFen: r.expectedFullYearFen,
});
const stored = (ctx: ServiceContext, roundId: number) =>
  listExecution(ctx, { roundId })
    .map(fields)
    .sort((a, b) => a.projectId - b.projectId);
const expectedRecords = (ids: number[]) =>
  FUNDS.map((f, k) => ({
    projectId: ids[k]!,
    initialBudgetFen: f.initial,
    adjustedBudgetFen: f.adjusted,
    executedFen: f.executed,
    expectedFullYearFen: f.expected,
  }));
const count = (ctx: ServiceContext, table: typeof executionRecords | typeof auditLog) =>
  ctx.ledger.db
    .select({ n: sql<number>`count(*)` })
    .from(table)
    .get()!.n;

describe('a file that names no money unit is read in the unit the ledger agrees with', () => {
  it('imports an export in 元 with no unit written to exactly what the same export with 单位：元 gives', () => {
    const bare = ledger();
    const input = { roundId: bare.may, fileName: '执行情况（元）.xlsx', bytes: platformExport({ in: '元' }) };
    const preview = previewExecutionImport(bare.ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview).toMatchObject({ moneyUnit: '元', moneyUnitSource: 'ledger', unitMismatch: null, canCommit: true });
    expect(preview.unitEvidence!.count).toEqual({ 元: 4, 万元: 0, neither: 0 });
    expect(preview.moneyUnitNote).toMatch(/文件没有写明金额单位.*与台账中 4 个项目的年初预算相比，本文件金额为元.*按元导入。/);
    // The reported failure: every amount 10,000× and 异常大. Now not one warning about amounts.
    expect(preview.warnings.map((w) => w.message)).toEqual([]);
    commitExecutionImport(bare.ctx, input);

    const written = ledger();
    const withUnit = commitExecutionImport(written.ctx, {
      roundId: written.may,
      fileName: '执行情况（元）.xlsx',
      bytes: platformExport({ in: '元', unitNote: '单位：元' }),
    });
    expect(withUnit.preview).toMatchObject({ moneyUnit: '元', moneyUnitSource: 'note' });
    expect(stored(bare.ctx, bare.may)).toEqual(expectedRecords(bare.ids));
    expect(stored(bare.ctx, bare.may)).toEqual(stored(written.ctx, written.may));
    // The audit entry says where the unit came from.
    const audit = bare.ctx.ledger.db
      .select()
      .from(auditLog)
      .all()
      .find((a) => a.action === 'import.execution')!;
    expect(JSON.parse(audit.after!)).toMatchObject({ moneyUnit: '元', moneyUnitSource: 'ledger' });
  });

  it('imports the same export in 万元 without a unit as 万元, like the one with 单位：万元 only in its title', () => {
    const bare = ledger();
    const preview = commitExecutionImport(bare.ctx, {
      roundId: bare.may,
      fileName: '执行情况.xlsx',
      bytes: platformExport({ in: '万元' }),
    }).preview;
    expect(preview).toMatchObject({ moneyUnit: '万元', moneyUnitSource: 'ledger' });
    expect(preview.moneyUnitNote).toMatch(/本文件金额为万元/);

    const titled = ledger();
    const inTitle = commitExecutionImport(titled.ctx, {
      roundId: titled.may,
      fileName: '执行情况.xlsx',
      bytes: platformExport({ in: '万元', unitNote: '（单位：万元）' }),
    }).preview;
    expect(inTitle).toMatchObject({ moneyUnit: '万元', moneyUnitSource: 'note' });
    expect(stored(bare.ctx, bare.may)).toEqual(expectedRecords(bare.ids));
    expect(stored(titled.ctx, titled.may)).toEqual(stored(bare.ctx, bare.may));
  });
});

describe('without evidence, or with mixed evidence, the preview asks and nothing is committed', () => {
  it('asks when no project has a budget to compare, refuses the commit, and imports once 元 is chosen', () => {
    const { ctx, may, ids } = ledger(() => 0);
    const input = { roundId: may, fileName: '新项目执行.xlsx', bytes: platformExport({ in: '元' }) };
    const preview = previewExecutionImport(ctx, input);
    expect(preview).toMatchObject({ moneyUnit: null, moneyUnitSource: 'ask', canCommit: false, errors: [] });
    expect(preview.counts.matched).toBe(5);
    expect(preview.moneyUnitNote).toMatch(/文件没有写明金额单位.*也没有可与台账比对的金额.*无法判断是元还是万元。请选择文件金额单位。/);
    // Nothing is said about amounts read in a unit nobody knows.
    expect(preview.warnings).toEqual([]);
    expect(preview.columns.filter((c) => c.moneyUnit)).toEqual([]);

    const records = count(ctx, executionRecords);
    const audit = count(ctx, auditLog);
    expect(() => commitExecutionImport(ctx, input)).toThrow(ImportRejected);
    expect(() => commitExecutionImport(ctx, input)).toThrow(/新项目执行\.xlsx：文件没有写明金额单位.*请选择文件金额单位。未导入。/);
    expect([count(ctx, executionRecords), count(ctx, auditLog)]).toEqual([records, audit]);

    const chosen = previewExecutionImport(ctx, { ...input, moneyUnit: '元' });
    expect(chosen).toMatchObject({ moneyUnit: '元', moneyUnitSource: 'user', canCommit: true, unitMismatch: null });
    expect(chosen.columns.filter((c) => c.moneyUnit).map((c) => c.moneyUnit)).toEqual(['元', '元', '元', '元']);
    commitExecutionImport(ctx, { ...input, moneyUnit: '元' });
    expect(stored(ctx, may)).toEqual(expectedRecords(ids));
  });

  it('asks when no row matches a project of the ledger', () => {
    const { ctx, may } = ledger();
    const strangers = FUNDS.map((f) => ({ ...f, code: `X-${f.code}`, name: `${f.name}（二期）`, unit: '轮台县某单位' }));
    const preview = previewExecutionImport(ctx, { roundId: may, fileName: 'x.xlsx', bytes: platformExport({ in: '元', rows: strangers }) });
    expect(preview).toMatchObject({ moneyUnitSource: 'ask', canCommit: false });
    expect(preview.counts).toMatchObject({ matched: 0, unmatched: 5 });
    expect(preview.moneyUnitNote).toMatch(/也没有可与台账比对的金额（没有一行对应到台账中的项目）/);
  });

  it('asks when some rows agree with the ledger as 元 and others as 万元, showing each comparison', () => {
    // The ledger's budgets for two projects were keyed in 元 into 万元: they agree only as 万元.
    const { ctx, may } = ledger((f) => (f.code.endsWith('0101') || f.code.endsWith('0103') ? f.initial * 10_000 : f.initial));
    const preview = previewExecutionImport(ctx, { roundId: may, fileName: 'x.xlsx', bytes: platformExport({ in: '元' }) });
    expect(preview).toMatchObject({ moneyUnit: null, moneyUnitSource: 'ask', canCommit: false });
    expect(preview.unitEvidence!.count).toEqual({ 元: 2, 万元: 2, neither: 0 });
    expect(preview.moneyUnitNote).toMatch(
      /与台账比对也无法判断：与台账中 4 个项目的年初预算相比，2 个项目按元读与台账一致，2 个项目按万元读与台账一致。请选择文件金额单位。/,
    );
    expect(preview.unitEvidence!.comparisons.find((c) => c.projectName === '教学楼维修改造')).toMatchObject({
      row: 7,
      label: '年初预算数',
      against: '台账中项目的年初预算',
      written: '12,500,000.00',
      ledgerFen: 12_500_000_000_000,
      agreesAs: '万元',
    });
  });
});

describe('a unit the ledger contradicts by 10,000× is not committed without a confirmation', () => {
  it('refuses 万元 written in the title over amounts in 元, until 元 is chosen or 万元 confirmed', () => {
    const { ctx, may, ids } = ledger();
    const input = { roundId: may, fileName: '执行情况.xlsx', bytes: platformExport({ in: '元', unitNote: '单位：万元' }) };
    const preview = previewExecutionImport(ctx, input);
    expect(preview).toMatchObject({ moneyUnit: '万元', moneyUnitSource: 'note', canCommit: false });
    expect(preview.unitMismatch).toMatchObject({ unit: '万元', likely: '元', rows: 4, compared: 4, confirmed: false });
    expect(preview.unitMismatch!.message).toBe(
      '文件写明的金额单位是万元，但与台账比对，4 个项目中有 4 个按万元读是台账的 10,000 倍（按元读才与台账一致）。如果文件中的金额实际是元，请选择元；确认是万元的，请确认按万元导入。',
    );
    expect(() => commitExecutionImport(ctx, input)).toThrow(/执行情况\.xlsx：文件写明的金额单位是万元.*10,000 倍.*未导入。/);
    expect(count(ctx, executionRecords)).toBe(0);

    // Choosing 元 agrees with the ledger: no confirmation needed.
    expect(previewExecutionImport(ctx, { ...input, moneyUnit: '元' })).toMatchObject({
      moneyUnitSource: 'user',
      unitMismatch: null,
      canCommit: true,
    });
    // Confirmed, 万元 it is: the clerk's explicit choice, recorded as such.
    const confirmed = commitExecutionImport(ctx, { ...input, confirmUnit: true });
    expect(confirmed.preview.unitMismatch).toMatchObject({ confirmed: true });
    expect(stored(ctx, may)[0]).toMatchObject({ projectId: ids[0], initialBudgetFen: 320_000_000 * 10_000 });
    const audit = ctx.ledger.db
      .select()
      .from(auditLog)
      .all()
      .find((a) => a.action === 'import.execution')!;
    expect(JSON.parse(audit.after!)).toMatchObject({ moneyUnit: '万元', unitConfirmed: true });
  });

  it('asks for a confirmation when the clerk chooses the unit the ledger contradicts', () => {
    const { ctx, may } = ledger(() => 0);
    // No evidence in this ledger; in the ordinary one, 万元 chosen for a 元 file is contradicted.
    expect(
      previewExecutionImport(ctx, { roundId: may, fileName: 'x.xlsx', bytes: platformExport({ in: '元' }), moneyUnit: '万元' })
        .unitMismatch,
    ).toBeNull();
    const other = ledger();
    const chosen = previewExecutionImport(other.ctx, {
      roundId: other.may,
      fileName: 'x.xlsx',
      bytes: platformExport({ in: '元' }),
      moneyUnit: '万元',
    });
    expect(chosen).toMatchObject({ moneyUnitSource: 'user', canCommit: false });
    expect(chosen.unitMismatch!.message).toMatch(/^选择的金额单位是万元/);
  });
});

describe('a column the file lacks never overwrites what the ledger has', () => {
  it('keeps the adjusted budgets and forecasts of the first import when a second one lacks those columns', () => {
    const { ctx, may, ids } = ledger();
    commitExecutionImport(ctx, { roundId: may, fileName: '5月执行.xlsx', bytes: platformExport({ in: '万元' }) });
    const later = {
      roundId: may,
      fileName: '5月执行（更正）.xlsx',
      bytes: platformExport({ in: '万元', adjusted: false, expected: false, executed: { '652822-23-0101': 100_000_000 } }),
    };
    const preview = previewExecutionImport(ctx, later);
    expect(preview.moneyUnit).toBe('万元');
    // Said at the header (the merged cells make its second row the header by itself).
    expect(preview.warnings.map((w) => w.message)).toEqual([
      '5月执行（更正）.xlsx 工作表“Sheet1”第 4 行：文件没有“调整后预算数”（或“全年预算数”）列：已有执行记录的 5 个项目保留已记录的调整后预算数。如预算已调整，请导出含调整后预算数的执行表。',
      '5月执行（更正）.xlsx 工作表“Sheet1”第 4 行：文件没有“全年预计执行数”列：已有执行记录的 5 个项目保留已记录的全年预计执行数。',
    ]);
    expect(preview.counts).toMatchObject({ changed: 1, unchanged: 4 });
    expect(preview.matched[0]!.changes.map((c) => c.field)).toEqual(['executed']);
    commitExecutionImport(ctx, later);
    expect(stored(ctx, may)).toEqual(expectedRecords(ids).map((r, k) => (k === 0 ? { ...r, executedFen: 100_000_000 } : r)));
  });

  it("carries an earlier round's adjusted budget into a later round, and falls back to 年初预算数 only where none is recorded", () => {
    const { ctx, may, august, ids } = ledger();
    commitExecutionImport(ctx, { roundId: may, fileName: '5月执行.xlsx', bytes: platformExport({ in: '万元', rows: FUNDS.slice(0, 3) }) });
    const preview = commitExecutionImport(ctx, {
      roundId: august,
      fileName: '8月执行.xlsx',
      bytes: platformExport({ in: '万元', adjusted: false }),
    }).preview;
    expect(preview.warnings.map((w) => w.message)).toContainEqual(
      expect.stringContaining(
        '文件没有“调整后预算数”（或“全年预算数”）列：已有执行记录的 3 个项目保留已记录的调整后预算数，其余 2 个项目按年初预算数计。',
      ),
    );
    expect(stored(ctx, august).map((r) => r.adjustedBudgetFen)).toEqual([
      ...FUNDS.slice(0, 3).map((f) => f.adjusted),
      FUNDS[3]!.initial,
      FUNDS[4]!.initial,
    ]);
    expect(stored(ctx, august).map((r) => r.projectId)).toEqual(ids);
  });
});

describe('printed totals', () => {
  it('names each 合计 and 小计 cell that disagrees with its rows, with both figures; one rounded as printed agrees', () => {
    const { ctx, may } = ledger();
    const bytes = xlsx([
      ['轮台县2023年1-5月项目支出预算执行情况表', null, null, null, null],
      ['序号', '预算单位', '项目名称', '调整后预算数（万元）', '1-5月执行数（万元）'],
      [1, '轮台县农业农村局', '耕地地力保护补贴', '320.00', '96.00'],
      [2, '轮台县农业农村局', '高素质农民培训', '50.00', '12.3456'],
      [null, '轮台县农业农村局小计', null, '370.00', '108.53'], // 108.35 with two digits swapped
      [3, '轮台县第一中学', '教学楼维修改造', '1,300.00', '520.00'],
      [null, '轮台县第一中学小计', null, '1,300.00', '520.00'],
      ['合计', null, null, '1,760.00', '628.35'], // 1,670.00 mistyped; 628.3456 printed to two decimals
    ]);
    const preview = previewExecutionImport(ctx, { roundId: may, fileName: '执行.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toEqual([
      {
        row: 5,
        column: 'E',
        header: '1-5月执行数（万元）',
        value: '108.53',
        printed: '108.53',
        computed: '108.35',
        message:
          '执行.xlsx 工作表“Sheet1”第 5 行 E 列（1-5月执行数（万元））：小计行的执行数 108.53 万元与其上各项目之和 108.35 万元不一致。小计行不导入，以各项目为准，请核对。',
      },
      {
        row: 8,
        column: 'D',
        header: '调整后预算数（万元）',
        value: '1,760.00',
        printed: '1,760.00',
        computed: '1,670.00',
        message:
          '执行.xlsx 工作表“Sheet1”第 8 行 D 列（调整后预算数（万元））：合计行的调整后预算数 1,760.00 万元与各项目之和 1,670.00 万元不一致。合计行不导入，以各项目为准，请核对。',
      },
    ]);
  });
});
