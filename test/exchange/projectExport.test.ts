/**
 * The exported project list: styled as the bureau prints it, amounts as exact 万元 numbers, hostile text
 * kept as text, and a round trip (export → import) that reproduces the ledger and changes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import { exportProjects } from '../../electron/projects/projectExport';
import { commitProjectImport, previewProjectImport } from '../../electron/projects/projectImport';
import { createProject, listProjects, type ProjectRow } from '../../electron/projects/projects';
import { createUnit, listUnits } from '../../electron/projects/units';
import { freshContext } from '../ledger/tempLedger';
import { demoContext } from '../fixtures/demoLedger';

const YEAR = 2023;
const auditCount = (ctx: ServiceContext) =>
  ctx.ledger.db
    .select({ n: sql<number>`count(*)` })
    .from(auditLog)
    .get()!.n;

/** What a project list means, without ids, timestamps or the ex-ante gate's library status. */
const content = (rows: ProjectRow[]) =>
  rows
    .map(({ code, name, unitName, departmentName, projectType, budgetKind, initialBudgetFen, continuity, majorPolicy }) => ({
      code,
      name,
      unitName,
      departmentName,
      projectType,
      budgetKind,
      initialBudgetFen,
      continuity,
      majorPolicy,
    }))
    .sort((a, b) => (a.code ?? '').localeCompare(b.code ?? '') || a.name.localeCompare(b.name));

describe('formula injection', () => {
  const hostile = ['=HYPERLINK("http://example.invalid","点我")', '+1+2', '-3-4', '@SUM(A1:A2)', "=cmd|' /C calc'!A0"];

  it('text that starts with = + - @ is written and re-read as plain text, never as a formula', async () => {
    const ctx = freshContext({ year: YEAR });
    const unit = createUnit(ctx, { name: '=1+1单位', code: '+007', parentId: null, classified: false });
    hostile.forEach((name, i) =>
      createProject(ctx, {
        year: YEAR,
        unitId: unit.id,
        code: `-${i}`,
        name,
        projectType: '政府采购',
        budgetKind: 'general',
        initialBudgetFen: 1_000_000,
        continuity: 'new',
        majorPolicy: false,
      }),
    );
    const { bytes } = await exportProjects(ctx, { year: YEAR });

    // SheetJS keeps a cell's formula in .f when there is one.
    const book = XLSX.read(bytes, { type: 'buffer', cellFormula: true, dense: true });
    const cells = ((book.Sheets[book.SheetNames[0]!] as { '!data': (XLSX.CellObject | undefined)[][] })['!data'] ?? [])
      .flat()
      .filter(Boolean) as XLSX.CellObject[];
    expect(cells.filter((c) => c.f !== undefined)).toEqual([]);
    for (const name of hostile) expect(cells.some((c) => c.t === 's' && c.v === name)).toBe(true);

    // exceljs sees them as strings too.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const nameCells: ExcelJS.Cell[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => nameCells.push(cell)));
    expect(nameCells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);

    // And they come back unchanged.
    const other = freshContext({ year: YEAR });
    commitProjectImport(other, { year: YEAR, fileName: '导出.xlsx', bytes });
    expect(
      listProjects(other, { year: YEAR })
        .map((p) => p.name)
        .sort(),
    ).toEqual([...hostile].sort());
    expect(listUnits(other, { year: YEAR }).map((u) => [u.name, u.code])).toEqual([['=1+1单位', '+007']]);
  });
});

describe('the demo year exported and imported back', () => {
  let source: ServiceContext;
  let exported: Awaited<ReturnType<typeof exportProjects>>;

  beforeAll(async () => {
    source = demoContext();
    exported = await exportProjects(source, { year: YEAR });
  });

  it('is styled: title, note, bold filled header frozen below, borders, widths, 万元 numbers with two decimals', async () => {
    expect(exported.fileName).toBe('2023年度项目清单.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(exported.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('2023年度项目清单');
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(String(sheet.getCell('A2').value)).toMatch(/单位：万元/);
    const header = sheet.getRow(3);
    expect(header.getCell(1).value).toBe('序号');
    expect(header.getCell(10).value).toBe('年初预算数（万元）');
    expect(header.getCell(5).font?.bold).toBe(true);
    expect(header.getCell(5).fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(header.getCell(5).border?.bottom?.style).toBe('thin');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(sheet.getColumn(6).width).toBeGreaterThan(30);

    const rows = listProjects(source, { year: YEAR });
    const amount = sheet.getRow(4).getCell(10);
    expect(amount.numFmt).toBe('#,##0.00');
    expect(amount.value).toBe(rows[0]!.initialBudgetFen / 1_000_000);
    // The 合计 row sums the exact 分.
    const total = sheet.getRow(4 + rows.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(10).value).toBe(rows.reduce((s, p) => s + p.initialBudgetFen, 0) / 1_000_000);
  });

  it('re-importing into the ledger it came from changes nothing', () => {
    const before = auditCount(source);
    const started = performance.now();
    const result = commitProjectImport(source, { year: YEAR, fileName: exported.fileName, bytes: exported.bytes });
    const ms = performance.now() - started;
    expect(result).toMatchObject({ createdUnits: 0, createdProjects: 0, updatedProjects: 0, unchangedProjects: 292 });
    expect(result.preview.skipped.map((s) => s.kind)).toEqual(['total']);
    expect(result.preview.warnings).toEqual([]);
    expect(auditCount(source)).toBe(before);
    console.log(`re-import of the demo export (292 rows, unchanged): ${ms.toFixed(0)} ms`);
  });

  it('importing into an empty ledger reproduces the same units and projects', () => {
    const target = freshContext({ year: YEAR });
    const started = performance.now();
    const preview = previewProjectImport(target, { year: YEAR, fileName: exported.fileName, bytes: exported.bytes });
    const previewMs = performance.now() - started;
    expect(preview.errors).toEqual([]);
    const result = commitProjectImport(target, { year: YEAR, fileName: exported.fileName, bytes: exported.bytes });
    const totalMs = performance.now() - started;
    console.log(`demo export into an empty ledger: preview ${previewMs.toFixed(0)} ms, preview + commit ${totalMs.toFixed(0)} ms`);
    expect(result.createdProjects).toBe(292);
    expect(content(listProjects(target, { year: YEAR }))).toEqual(content(listProjects(source, { year: YEAR })));

    // Units that have projects keep their code, department and 涉密 flag.
    const unitsOf = (ctx: ServiceContext) =>
      listUnits(ctx, { year: YEAR })
        .filter((u) => u.projectCount > 0)
        .map((u) => ({ name: u.name, code: u.code, parentName: u.parentName, classified: u.classified }))
        .sort((a, b) => a.name.localeCompare(b.name));
    expect(unitsOf(target)).toEqual(unitsOf(source));

    // A second import of the same file is a no-op.
    const again = commitProjectImport(target, { year: YEAR, fileName: exported.fileName, bytes: exported.bytes });
    expect(again.unchangedProjects).toBe(292);
  });
});
