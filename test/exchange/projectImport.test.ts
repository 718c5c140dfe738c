/**
 * Project workbooks with the quirks units send, read into exact 分; bad cells named by file, sheet,
 * row, column and header, and nothing written.
 */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { auditLog, budgetUnits, projects } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import { ImportRejected } from '../../electron/formats/importIssue';
import { commitProjectImport, previewProjectImport } from '../../electron/projects/projectImport';
import { createProject, listProjects } from '../../electron/projects/projects';
import { listProjectTypes, setProjectTypeRetired } from '../../electron/projects/projectTypes';
import { createUnit } from '../../electron/projects/units';
import { csvText, gbkBytes, PROJECT_HEADER, projectRow, utf8Bytes, workbookBytes, xlsx, type Cell } from '../fixtures/workbooks';
import { freshContext } from '../ledger/tempLedger';

const YEAR = 2023;

function counts(ctx: ServiceContext) {
  const n = (t: typeof projects | typeof budgetUnits | typeof auditLog) =>
    ctx.ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(t)
      .get()!.n;
  return { projects: n(projects), units: n(budgetUnits), audit: n(auditLog) };
}

const fenOf = (ctx: ServiceContext) => Object.fromEntries(listProjects(ctx, { year: YEAR }).map((p) => [p.name, p.initialBudgetFen]));

describe('amounts as units write them', () => {
  it('reads numbers, thousands separators, "864.2万", full-width digits and 元 cells exactly', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = xlsx([
      ['2023年项目表'],
      ['单位：万元'],
      PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数' : h)),
      projectRow(1, { name: '数字', amount: 12.5 }),
      projectRow(2, { name: '千分位', amount: '1,234.5678' }),
      projectRow(3, { name: '中文逗号', amount: '2，000' }),
      projectRow(4, { name: '带万字', amount: '864.2万' }),
      projectRow(5, { name: '全角', amount: '１２．３４' }),
      projectRow(6, { name: '元', amount: '1200元' }),
      projectRow(7, { name: '四位小数', amount: 0.0001 }),
      projectRow(8, { name: '零', amount: 0 }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '项目.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.moneyUnitSource).toBe('note');
    commitProjectImport(ctx, { year: YEAR, fileName: '项目.xlsx', bytes });
    expect(fenOf(ctx)).toEqual({
      数字: 12_500_000,
      千分位: 1_234_567_800,
      中文逗号: 2_000_000_000,
      带万字: 864_200_000,
      全角: 12_340_000,
      元: 120_000,
      四位小数: 100,
      零: 0,
    });
  });

  it('converts a column headed （元） to 分 without floating-point error', () => {
    const ctx = freshContext({ year: YEAR });
    const header = PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数（元）' : h));
    const bytes = xlsx([header, projectRow(1, { name: 'a', amount: 0.1 + 0.2 }), projectRow(2, { name: 'b', amount: '1,234,567.89' })]);
    const preview = commitProjectImport(ctx, { year: YEAR, fileName: '元.xlsx', bytes }).preview;
    expect(preview.moneyUnit).toBe('元');
    expect(fenOf(ctx)).toEqual({ a: 30, b: 123_456_789 });
  });

  it('says when no unit is named and 万元 is assumed', () => {
    const ctx = freshContext({ year: YEAR });
    const header = PROJECT_HEADER.map((h) => (h === '年初预算数（万元）' ? '年初预算数' : h));
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '无单位.xlsx', bytes: xlsx([header, projectRow(1)]) });
    expect(preview.moneyUnitSource).toBe('default');
    expect(preview.moneyUnitNote).toMatch(/按万元导入/);
    expect(preview.warnings.some((w) => /按万元导入/.test(w.message))).toBe(true);
    expect(preview.canCommit).toBe(true);
  });

  it('imports a blank or "/" 年初预算数 as 0 with a warning (a mid-year project)', () => {
    const ctx = freshContext({ year: YEAR });
    const preview = previewProjectImport(ctx, {
      year: YEAR,
      fileName: 'p.xlsx',
      bytes: xlsx([PROJECT_HEADER, projectRow(1, { amount: null }), projectRow(2, { amount: '/' })]),
    });
    expect(preview.errors).toEqual([]);
    expect(preview.warnings.filter((w) => /按 0 导入/.test(w.message)).map((w) => w.row)).toEqual([2, 3]);
  });
});

describe('合计 rows', () => {
  it('are not imported; one that disagrees with the projects is pointed out', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1, { amount: 10 }),
      projectRow(2, { amount: 20.5 }),
      ['合计', null, null, null, null, null, null, null, 31, null],
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '合计.xlsx', bytes });
    expect(preview.projectsToCreate).toHaveLength(2);
    expect(preview.skipped.map((s) => [s.rowNumber, s.kind])).toEqual([[4, 'total']]);
    expect(preview.warnings.map((w) => [w.row, w.column])).toEqual([[4, 'I']]);
    expect(preview.warnings[0]!.message).toMatch(/合计行的年初预算数 31.00 万元与各项目之和 30.50 万元不一致/);
    expect(preview.canCommit).toBe(true);
  });
});

describe('encodings and formats end to end', () => {
  const rows: Cell[][] = [
    PROJECT_HEADER,
    projectRow(1, {
      name: '城乡居民最低生活保障金',
      unit: '轮台县民政局',
      department: '轮台县民政局',
      type: '补助补贴',
      amount: '2,860.00',
    }),
  ];
  for (const [label, fileName, bytes] of [
    ['GB18030 CSV', '项目.csv', gbkBytes(csvText(rows))],
    ['UTF-8 BOM CSV', '项目.csv', utf8Bytes(csvText(rows), true)],
    ['.xls (BIFF8)', '项目.xls', workbookBytes([{ name: '项目', rows }], 'biff8')],
  ] as const) {
    it(`imports a ${label}`, () => {
      const ctx = freshContext({ year: YEAR });
      const result = commitProjectImport(ctx, { year: YEAR, fileName, bytes });
      expect(result.createdProjects).toBe(1);
      const [p] = listProjects(ctx, { year: YEAR });
      expect(p).toMatchObject({
        name: '城乡居民最低生活保障金',
        unitName: '轮台县民政局',
        departmentName: '轮台县民政局',
        initialBudgetFen: 2_860_000_000,
      });
    });
  }
});

describe('errors name the cell and nothing is written', () => {
  it('a bad 预算类型 is reported at its row and column, in the words of the form', () => {
    const ctx = freshContext({ year: YEAR });
    const before = counts(ctx);
    const bytes = xlsx([
      ['项目表'],
      PROJECT_HEADER,
      projectRow(1),
      projectRow(2),
      projectRow(3),
      projectRow(4),
      projectRow(5, { kind: '专项资金' }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '项目.xlsx', bytes });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ row: 7, column: 'G', header: '预算类型', value: '专项资金' });
    expect(preview.errors[0]!.message).toBe(
      '项目.xlsx 工作表“Sheet1”第 7 行 G 列（预算类型）：“专项资金”不是四本预算之一，请填写 一般公共预算、政府性基金预算、国有资本经营预算 或 社会保险基金预算。',
    );
    expect(() => commitProjectImport(ctx, { year: YEAR, fileName: '项目.xlsx', bytes })).toThrow(ImportRejected);
    expect(counts(ctx)).toEqual(before);
  });

  it('lists every bad row, not just the first', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1, { type: null }),
      projectRow(2, { continuity: '续建' }),
      projectRow(3, { amount: '-5' }),
      projectRow(4, { amount: '约十万' }),
      projectRow(5, { name: null }),
      projectRow(6, { unit: '' }),
      projectRow(7, { major: '也许' }),
      projectRow(8),
    ]);
    try {
      commitProjectImport(ctx, { year: YEAR, fileName: '错.xlsx', bytes });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportRejected);
      const issues = (err as ImportRejected).issues;
      expect(issues.map((i) => [i.row, i.column])).toEqual([
        [2, 'F'],
        [3, 'H'],
        [4, 'I'],
        [5, 'I'],
        [6, 'E'],
        [7, 'C'],
        [8, 'J'],
      ]);
      expect(issues[0]!.message).toMatch(/没有填写项目类型。请填写项目类型/);
      expect(issues[2]!.message).toMatch(/（年初预算数（万元））：年初预算数不能为负数（表中为“-\d/);
      expect(issues[3]!.message).toMatch(/“约十万”不是金额/);
      expect((err as ImportRejected).message).toMatch(/错.xlsx 有 7 处问题，未导入任何数据/);
    }
    expect(counts(ctx).projects).toBe(0);
    expect(counts(ctx).units).toBe(0);
  });

  it('a missing required column is one error naming the column and the accepted names', () => {
    const ctx = freshContext({ year: YEAR });
    const header = PROJECT_HEADER.filter((h) => h !== '预算类型');
    const bytes = xlsx([header, projectRow(1).filter((_, i) => i !== 6)]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '缺列.xlsx', bytes });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]!.message).toMatch(
      /^缺列.xlsx 工作表“Sheet1”第 1 行：表头中找不到“预算类型”列。可用的列名：“预算类型”、“预算类别”/,
    );
  });

  it('a file without any recognisable header says so', () => {
    const ctx = freshContext({ year: YEAR });
    const preview = previewProjectImport(ctx, {
      year: YEAR,
      fileName: '随便.xlsx',
      bytes: xlsx([
        ['姓名', '电话'],
        ['张三', '123'],
      ]),
    });
    expect(preview.canCommit).toBe(false);
    expect(preview.errors[0]!.message).toMatch(/找不到表头/);
  });

  it('duplicate rows within the file are errors pointing at the first one', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1),
      projectRow(2, { code: '652822-23-0001' }),
      projectRow(3, { name: '测试项目1', code: null }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'dup.xlsx', bytes });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'D'],
      [4, 'E'],
    ]);
    expect(preview.errors[0]!.message).toMatch(/与第 2 行重复/);
    expect(preview.errors[1]!.message).toMatch(/与第 2 行是同一单位/);
  });

  it('CSV messages name the file without a sheet', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = gbkBytes(csvText([PROJECT_HEADER, projectRow(1, { type: '' })]));
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '项目.csv', bytes });
    expect(preview.errors[0]!.message).toMatch(/^项目.csv 第 2 行 F 列（项目类型）：没有填写项目类型。/);
  });
});

describe('项目类型 the bureau has not listed yet', () => {
  it('matches a listed type through stray and full-width spaces, and lists only the truly new ones as 新增类型', () => {
    const ctx = freshContext({ year: YEAR });
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1, { type: '政府购买服务 ' }),
      projectRow(2, { type: '\u3000补助补贴' }),
      projectRow(3, { type: '政府 采购' }),
      projectRow(4, { type: 'ＰＰＰ项目' }),
      projectRow(5, { type: 'PPP 项目' }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: '类型.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.projectTypesToCreate).toEqual([{ name: 'PPP项目', rows: [5, 6] }]);
    expect(preview.projectsToCreate.map((p) => [p.projectType, p.projectTypeIsNew])).toEqual([
      ['政府购买服务', false],
      ['补助补贴', false],
      ['政府采购', false],
      ['PPP项目', true],
      ['PPP项目', true],
    ]);
    expect(listProjectTypes(ctx).map((t) => t.name)).not.toContain('PPP项目'); // the preview wrote nothing
  });

  it('re-uses a retired type, saying so once with its rows, instead of adding it again', () => {
    const ctx = freshContext({ year: YEAR });
    const retired = listProjectTypes(ctx).find((t) => t.name === '政府债务')!;
    setProjectTypeRetired(ctx, { id: retired.id, retired: true });
    const bytes = xlsx([PROJECT_HEADER, projectRow(1, { type: '政府债务' }), projectRow(2), projectRow(3, { type: '政府债务' })]);
    const result = commitProjectImport(ctx, { year: YEAR, fileName: '债务.xlsx', bytes });
    expect(result.createdProjectTypes).toBe(0);
    const warnings = result.preview.warnings.filter((w) => /已停用/.test(w.message));
    expect(warnings.map((w) => [w.row, w.column])).toEqual([[2, 'F']]);
    expect(warnings[0]!.message).toMatch(/项目类型“政府债务”已停用，第 2、4 行仍按该类型导入（不会新增同名类型）/);
    expect(listProjectTypes(ctx).filter((t) => t.name === '政府债务')).toMatchObject([{ retired: true, projectCount: 2 }]);
  });

  it('a type longer than the list allows is a row error at its cell', () => {
    const ctx = freshContext({ year: YEAR });
    const preview = previewProjectImport(ctx, {
      year: YEAR,
      fileName: '长.xlsx',
      bytes: xlsx([PROJECT_HEADER, projectRow(1, { type: '乡村振兴衔接资金支持的基础设施建设和产业发展类项目' })]),
    });
    expect(preview.errors.map((e) => [e.row, e.column])).toEqual([[2, 'F']]);
    expect(preview.errors[0]!.message).toMatch(/超过 20 个字，请精简后再填写。$/);
    expect(preview.projectTypesToCreate).toEqual([]);
  });

  it('a project whose type the file changes to a new one is an update that adds the type', () => {
    const ctx = freshContext({ year: YEAR });
    const unit = createUnit(ctx, { name: '轮台县第一中学', code: null, parentId: null, classified: false });
    createProject(ctx, {
      year: YEAR,
      unitId: unit.id,
      code: '652822-23-0001',
      name: '测试项目1',
      projectType: '政府采购',
      budgetKind: 'general',
      initialBudgetFen: 11_000_000,
      continuity: 'new',
      majorPolicy: false,
    });
    const bytes = xlsx([PROJECT_HEADER, projectRow(1, { department: '轮台县第一中学', type: '教学设备购置' })]);
    const result = commitProjectImport(ctx, { year: YEAR, fileName: '改类型.xlsx', bytes });
    expect(result.preview.projectsToUpdate[0]!.changes.map((c) => `${c.label}:${c.before}→${c.after}`)).toEqual([
      '项目类型:政府采购→教学设备购置',
    ]);
    expect(result.createdProjectTypes).toBe(1);
    expect(listProjects(ctx, { year: YEAR })[0]!.projectType).toBe('教学设备购置');
  });
});
