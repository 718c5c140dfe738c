/**
 * The admin command line on real files: most commands through main() with captured output (fast),
 * and real processes for the exit codes a script sees.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliJson, cliProcess, cliRunner } from '../fixtures/cli';
import { demoLedgerFile } from '../fixtures/demoLedger';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { tempFolder } from './tempLedger';

const run = cliRunner();

const json = cliJson;

describe('usage', () => {
  it('help prints the commands and kinds; no command is a usage error', async () => {
    const help = await run('help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/import <类别> 文件/);
    expect(help.out).toMatch(/导入类别：projects/);
    expect((await run()).code).toBe(2);
  });

  it('an unknown kind lists the kinds there are', async () => {
    const r = await run('import', 'budgets', 'x.xlsx', '--year', '2023');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/没有“budgets”这种导入类别。可用的导入类别：projects、indicators/);
    expect((await run('report', 'whatever', '--year', '2023')).err).toMatch(/可用的报表类别：summary/);
  });

  it('an unknown option or a bad year is a usage error', async () => {
    expect((await run('check', '--ledgr', 'x.db')).code).toBe(2);
    const r = await run('export', 'projects', '--year', '23', '--out', 'x.xlsx');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/2000–2100/);
  });
});

describe('init, demo, check, report', () => {
  it('init creates a ledger with its year and refuses an existing file', async () => {
    const file = path.join(tempFolder(), '新台账.db');
    const r = await run('init', file, '--year', '2024');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/已建立 2024 年度/);
    const again = await run('init', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/已存在且不为空/);
    expect(json(await run('check', '--ledger', file, '--json'))).toMatchObject({ ok: true, counts: { fiscal_years: 1 } });
  });

  it('demo builds the county and check --json reports it sound; demo refuses a non-empty file', async () => {
    const file = path.join(tempFolder(), '演示.db');
    expect((await run('demo', file)).code).toBe(0);
    const check = json(await run('check', '--ledger', file, '--json'));
    expect(check).toMatchObject({ ok: true, integrity: 'ok', foreignKeyViolations: [], audit: { brokenAt: null } });
    expect(check.counts.budget_units).toBeGreaterThanOrEqual(105);
    expect(check.counts.projects).toBeGreaterThanOrEqual(280);
    expect((await run('demo', file)).code).toBe(1);
    // Builds the whole demo county from scratch: ~25 s on a quiet two-core machine, minutes under load.
  }, 240_000);

  it("report ex-ante gives the year's assessments by conclusion with their money, as the records say", async () => {
    const file = demoLedgerFile();
    const r = await run('report', 'ex-ante', '--ledger', file, '--year', '2023', '--json');
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.assessed).toBe(5);
    expect(report.byConclusion[0]).toMatchObject({ conclusion: '予以支持', count: 5 });
    expect(report.byConclusion[0].budgetFen).toBe(report.budgetFen);
    expect(report.majorWithoutSupport).toEqual([]);
    expect((await run('report', 'ex-ante', '--ledger', file, '--year', '2023')).out).toMatch(/已定稿 5 个/);
  });

  it('report summary gives units, projects and money by budget kind and 主管部门', async () => {
    const file = demoLedgerFile();
    const r = await run('report', 'summary', '--ledger', file, '--year', '2023', '--json');
    expect(r.code).toBe(0);
    const report = json(r);
    expect(report.projects).toBeGreaterThanOrEqual(280);
    expect(report.byBudgetKind.map((k: { label: string }) => k.label)).toEqual([
      '一般公共预算',
      '政府性基金预算',
      '国有资本经营预算',
      '社会保险基金预算',
    ]);
    const sum = (list: { fen: number }[]) => list.reduce((s, x) => s + x.fen, 0);
    expect(sum(report.byBudgetKind)).toBe(report.totalFen);
    expect(sum(report.byDepartment)).toBe(report.totalFen);
    const text = await run('report', 'summary', '--ledger', file, '--year', '2023');
    expect(text.out).toMatch(/按主管部门/);
    expect(text.out).toMatch(/轮台县教育局：\d+ 个单位/);
  });
});

describe('import and export', () => {
  it('import --dry-run writes nothing, even into a year that does not exist yet', async () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    await run('init', file, '--year', '2023');
    const workbook = path.join(dir, '项目.xlsx');
    fs.writeFileSync(workbook, xlsx([PROJECT_HEADER, projectRow(1), projectRow(2)]));
    const before = json(await run('check', '--ledger', file, '--json')).counts;

    const dry = await run('import', 'projects', workbook, '--ledger', file, '--year', '2023', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({ ok: true, dryRun: true, preview: { projectsToCreate: [{ row: 2 }, { row: 3 }] } });
    const dryNewYear = await run('import', 'projects', workbook, '--ledger', file, '--year', '2024', '--dry-run');
    expect(dryNewYear.code).toBe(0);
    expect(dryNewYear.out).toMatch(/还没有 2024 年度；正式导入时会自动新建/);
    expect(dryNewYear.out).toMatch(/将新增项目 2 个/);
    expect(json(await run('check', '--ledger', file, '--json')).counts).toEqual(before);
  });

  it('import creates a missing year and says so', async () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    await run('init', file);
    const workbook = path.join(dir, '项目.xlsx');
    fs.writeFileSync(workbook, xlsx([PROJECT_HEADER, projectRow(1)]));
    const r = await run('import', 'projects', workbook, '--ledger', file, '--year', '2023');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/没有 2023 年度，已新建/);
    expect(r.out).toMatch(/已新增项目 1 个/);
  });

  it('export then re-import changes nothing', async () => {
    const file = demoLedgerFile();
    const out = path.join(tempFolder(), '2023年度项目清单.xlsx');
    const exported = await run('export', 'projects', '--ledger', file, '--year', '2023', '--out', out);
    expect(exported.code).toBe(0);
    expect(fs.existsSync(out)).toBe(true);
    expect((await run('export', 'projects', '--ledger', file, '--year', '2023', '--out', out)).code).toBe(1); // never overwrites
    const before = json(await run('check', '--ledger', file, '--json'));
    const started = performance.now();
    const r = await run('import', 'projects', out, '--ledger', file, '--year', '2023', '--json');
    console.log(`CLI import of the demo export: ${(performance.now() - started).toFixed(0)} ms`);
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({
      ok: true,
      createdUnits: 0,
      createdProjects: 0,
      updatedProjects: 0,
      unchangedProjects: before.counts.projects,
    });
    expect(json(await run('check', '--ledger', file, '--json')).counts).toEqual(before.counts);
  });

  it('a bad row exits 1, lists every bad row, and writes nothing (not even the year)', async () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    await run('init', file);
    const workbook = path.join(dir, '项目.xlsx');
    fs.writeFileSync(
      workbook,
      xlsx([PROJECT_HEADER, projectRow(1), projectRow(2, { kind: '专项资金' }), projectRow(3, { amount: 'abc' })]),
    );
    const before = json(await run('check', '--ledger', file, '--json')).counts;
    const r = await run('import', 'projects', workbook, '--ledger', file, '--year', '2023');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/项目.xlsx 工作表“Sheet1”第 3 行 G 列（预算类型）：“专项资金”不是四本预算之一/);
    expect(r.out).toMatch(/第 4 行 I 列（年初预算数（万元））：“abc”不是金额/);
    expect(r.err).toMatch(/未导入任何数据/);
    expect(json(await run('check', '--ledger', file, '--json')).counts).toEqual(before);
  });
});

describe('backup and restore', () => {
  it('backup then restore brings the ledger back and keeps the replaced file', async () => {
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    await run('init', file, '--year', '2023');
    const backup = path.join(dir, '备份.db');
    expect((await run('backup', '--ledger', file, '--out', backup)).code).toBe(0);
    expect((await run('backup', '--ledger', file, '--out', backup)).code).toBe(1);
    const workbook = path.join(dir, '项目.xlsx');
    fs.writeFileSync(workbook, xlsx([PROJECT_HEADER, projectRow(1)]));
    await run('import', 'projects', workbook, '--ledger', file, '--year', '2023');
    expect(json(await run('check', '--ledger', file, '--json')).counts.projects).toBe(1);

    const r = await run('restore', backup, '--ledger', file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/原台账已另存为 .*台账\.db\.替换前-/);
    expect(json(await run('check', '--ledger', file, '--json')).counts.projects).toBe(0);
  });
});

describe('as a real process', () => {
  it('exit codes: 2 for an unknown command, 1 for a refused import, 0 with one JSON document', () => {
    const unknown = cliProcess('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/未知命令“frobnicate”/);

    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    const init = cliProcess('init', file, '--year', '2023', '--json');
    expect(init.code).toBe(0);
    expect(JSON.parse(init.out)).toMatchObject({ ok: true, year: 2023 });

    const workbook = path.join(dir, '坏.xlsx');
    fs.writeFileSync(workbook, xlsx([PROJECT_HEADER, projectRow(1, { type: null })]));
    const bad = cliProcess('import', 'projects', workbook, '--ledger', file, '--year', '2023');
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/第 2 行 F 列（项目类型）：没有填写项目类型/);

    const missing = cliProcess('check', '--ledger', path.join(dir, '没有.db'));
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/台账文件不存在/);
  }, 60_000);
});
