/**
 * `npm run ledger -- import execution FILE --ledger L --year Y --round R [--dry-run] [--json]` through
 * main() with captured output, on real ledger files: matched, unmatched and rejected rows reported,
 * exit 1 and nothing written when it cannot commit, a second import that changes nothing; a money unit
 * that cannot be told refused until --unit 元|万元, one the ledger contradicts until --confirm-unit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { listExecution } from '../../electron/monitoring/executionImport';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { cliJson, cliRunner } from '../fixtures/cli';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { tempFolder } from './tempLedger';

const run = cliRunner(new Date('2023-06-10T08:00:00Z'));

const json = cliJson;

/** A ledger with 2023 (and its default rounds) and three projects (年初预算 11, 12, 13 万元 unless given). */
async function ledgerWithProjects(dir: string, amount?: number): Promise<string> {
  const file = path.join(dir, '台账.db');
  expect((await run('init', file, '--year', '2023')).code).toBe(0);
  const projects = path.join(dir, '项目.xlsx');
  fs.writeFileSync(
    projects,
    xlsx([
      PROJECT_HEADER,
      projectRow(1, { name: '教师培训项目', ...(amount === undefined ? {} : { amount }) }),
      projectRow(2, { name: '实验室设备购置', ...(amount === undefined ? {} : { amount }) }),
      projectRow(3, { unit: '轮台县第二中学', name: '校园安全建设', ...(amount === undefined ? {} : { amount }) }),
    ]),
  );
  expect((await run('import', 'projects', projects, '--ledger', file, '--year', '2023')).code).toBe(0);
  return file;
}

function records(file: string, round: string) {
  const ledger = openLedger(file, { mustExist: true });
  try {
    const ctx = serviceContext(ledger, '测试员');
    return listExecution(ctx, { roundId: findRound(ctx, 2023, round).id });
  } finally {
    closeLedger(ledger);
  }
}

const HEADER = ['预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数'];

describe('ledger import execution', () => {
  it('reports matched, unmatched and rejected rows in JSON and writes nothing when it cannot commit', async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const export1 = path.join(dir, '执行情况.xlsx');
    fs.writeFileSync(
      export1,
      xlsx([
        ['2023年1-5月项目执行情况', null, null, null, null, null],
        ['单位：万元', null, null, null, null, null],
        HEADER,
        ['轮台县第一中学', '652822-23-0001', '教师培训项目', 11, '20', '8.5'],
        ['轮台县第一中学', null, '实验设备购置', 12, 12, 3],
        ['轮台县第二中学', '652822-23-0003', '校园安全建设', 13, 13, '三万'],
        ['合计', null, null, 36, 45, null],
      ]),
    );
    const r = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5月项目监控', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/执行情况\.xlsx 有错误，未导入任何数据/);
    const doc = json(r);
    expect(doc).toMatchObject({
      ok: false,
      dryRun: false,
      kind: 'execution',
      roundName: '5月项目监控',
      year: 2023,
      asOfMonth: 5,
      moneyUnit: '万元',
      counts: { matched: 1, new: 1, changed: 0, unchanged: 0, unmatched: 1, rejected: 1, skipped: 1 },
      written: null,
      yearCreated: false,
    });
    expect(doc.matched).toEqual([
      expect.objectContaining({
        row: 4,
        projectName: '教师培训项目',
        by: 'code',
        status: 'new',
        adjustedBudgetFen: 20_000_000,
        executedFen: 8_500_000,
      }),
    ]);
    expect(doc.unmatched).toEqual([
      expect.objectContaining({
        row: 5,
        unitName: '轮台县第一中学',
        name: '实验设备购置',
        candidates: [expect.objectContaining({ name: '实验室设备购置', sameUnit: true })],
      }),
    ]);
    expect(doc.rejected).toEqual([
      expect.objectContaining({
        row: 6,
        name: '校园安全建设',
        reasons: [expect.stringMatching(/第 6 行 F 列（1-5月执行数）：“三万”不是金额/)],
      }),
    ]);
    expect(records(file, '5月项目监控')).toEqual([]);
  });

  it('--dry-run checks a clean file without writing; the import then writes once, and again changes nothing', async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const export1 = path.join(dir, '执行.csv');
    fs.writeFileSync(
      export1,
      [HEADER.join(','), '轮台县第一中学,652822-23-0001,教师培训项目,11,20,"1,234.5"', '轮台县第二中学,,校园安全建设,13,13,0'].join('\r\n'),
    );

    const dry = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5', '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(json(dry)).toMatchObject({ ok: true, dryRun: true, counts: { matched: 2, unmatched: 0, rejected: 0 }, written: null });
    expect(records(file, '5月项目监控')).toEqual([]);

    const real = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5', '--json');
    expect(real.code).toBe(0);
    expect(json(real)).toMatchObject({ ok: true, dryRun: false, written: { created: 2, updated: 0, unchanged: 0, rememberedMatches: 0 } });
    expect(records(file, '5月项目监控').map((x) => [x.projectName, x.executedFen])).toEqual([
      ['教师培训项目', 1_234_500_000],
      ['校园安全建设', 0],
    ]);

    const again = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5');
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/导入完成：执行\.csv → 2023 年度“5月项目监控”（截至 5 月）/);
    expect(again.out).toMatch(/对应到项目 2 行（新增 0、有变化 0、未变化 2）/);
    expect(again.out).toMatch(/已写入：新增 0 条、更新 0 条执行记录/);
  });

  it('needs --round, names the rounds there are, and refuses a year the ledger does not have', async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const export1 = path.join(dir, '执行.xlsx');
    fs.writeFileSync(export1, xlsx([HEADER, ['轮台县第一中学', '652822-23-0001', '教师培训项目', 11, 20, 1]]));

    const noRound = await run('import', 'execution', export1, '--ledger', file, '--year', '2023');
    expect(noRound.code).toBe(2);
    expect(noRound.err).toMatch(/需要 --round 指定监控轮次/);

    const unknown = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '7月项目监控', '--json');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/2023 年度没有监控轮次“7月项目监控”。现有轮次：5月项目监控（截至 5 月）/);
    expect(json(unknown)).toMatchObject({ ok: false, error: { code: 'round_missing' } });

    const noYear = await run('import', 'execution', export1, '--ledger', file, '--year', '2024', '--round', '5');
    expect(noYear.code).toBe(1);
    expect(noYear.err).toMatch(/台账中没有 2024 年度/);
    expect(json(await run('check', '--ledger', file, '--json')).counts.fiscal_years).toBe(1);

    expect((await run('import', 'projects', export1, '--ledger', file, '--year', '2023', '--round', '5')).code).toBe(2);
  });

  it('prints unmatched rows with their candidates in text', async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const export1 = path.join(dir, '执行.xlsx');
    fs.writeFileSync(export1, xlsx([HEADER, ['轮台县第一中学', null, '实验设备购置', 12, 12, 3]]));
    const r = await run('import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5月项目监控');
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /未对应到项目的行 1 行（须在程序的导入预览中手动对应，或更正文件后重新导入）：\n {2}第 2 行 轮台县第一中学·实验设备购置，可能是：轮台县第一中学·实验室设备购置（652822-23-0002）/,
    );
  });

  it('refuses a file whose money unit cannot be told, says to pass --unit, and imports with it', async () => {
    const dir = tempFolder();
    // New projects without a 年初预算 yet: nothing in the ledger to compare the amounts with.
    const file = await ledgerWithProjects(dir, 0);
    const export1 = path.join(dir, '执行（元）.xlsx');
    fs.writeFileSync(
      export1,
      xlsx([
        ['2023年1-5月项目执行情况', null, null, null, null, null],
        HEADER,
        ['轮台县第一中学', '652822-23-0001', '教师培训项目', '0.00', '200,000.00', '85,000.50'],
        ['轮台县第二中学', '652822-23-0003', '校园安全建设', '0.00', '130,000.00', '0.00'],
      ]),
    );
    const args = ['import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5月项目监控'];

    const refused = await run(...args);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/文件没有写明金额单位.*无法判断是元还是万元/);
    expect(refused.out).toMatch(/对应到项目 2 行.*（金额单位待定，不列金额）/);
    expect(refused.out).toMatch(/文件的金额单位待定：请加 --unit 元 或 --unit 万元 指明后重新运行。/);
    expect(records(file, '5月项目监控')).toEqual([]);
    expect(json(await run(...args, '--json'))).toMatchObject({ ok: false, moneyUnit: null, moneyUnitSource: 'ask', written: null });

    expect((await run(...args, '--unit', '千元')).err).toMatch(/--unit 千元 不是金额单位。导入执行数据时 --unit 只能是 元 或 万元/);
    const done = await run(...args, '--unit', '元', '--json');
    expect(done.code).toBe(0);
    expect(json(done)).toMatchObject({ ok: true, moneyUnit: '元', moneyUnitSource: 'user', written: { created: 2 } });
    expect(records(file, '5月项目监控').map((x) => [x.projectName, x.adjustedBudgetFen, x.executedFen])).toEqual([
      ['教师培训项目', 20_000_000, 8_500_050],
      ['校园安全建设', 13_000_000, 0],
    ]);
    // --unit belongs to the execution import only.
    expect((await run('import', 'projects', export1, '--ledger', file, '--year', '2023', '--unit', '元')).code).toBe(2);
  });

  it('refuses a written unit the ledger contradicts by 10,000× until --confirm-unit or the right --unit', async () => {
    const dir = tempFolder();
    const file = await ledgerWithProjects(dir);
    const export1 = path.join(dir, '执行.xlsx');
    fs.writeFileSync(
      export1,
      xlsx([
        ['单位：万元', null, null, null, null, null],
        HEADER,
        ['轮台县第一中学', '652822-23-0001', '教师培训项目', '110,000.00', '110,000.00', '50,000.00'],
        ['轮台县第二中学', '652822-23-0003', '校园安全建设', '130,000.00', '130,000.00', '0'],
      ]),
    );
    const args = ['import', 'execution', export1, '--ledger', file, '--year', '2023', '--round', '5'];
    const refused = await run(...args);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(
      /文件写明的金额单位是万元，但与台账比对，2 个项目中有 2 个按万元读是台账的 10,000 倍（按元读才与台账一致）。如果文件中的金额实际是元，请加 --unit 元；确认是万元的，请加 --unit 万元 --confirm-unit 后重新运行。/,
    );
    expect(records(file, '5月项目监控')).toEqual([]);

    expect((await run(...args, '--unit', '元')).code).toBe(0);
    expect(records(file, '5月项目监控').map((x) => [x.projectName, x.adjustedBudgetFen, x.executedFen])).toEqual([
      ['教师培训项目', 11_000_000, 5_000_000],
      ['校园安全建设', 13_000_000, 0],
    ]);
  });
});
