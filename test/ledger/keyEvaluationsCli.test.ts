/**
 * The demo year's ten 2023 key evaluations through `ledger report key-evaluations` (main() with
 * captured IO): 13170.99 万元, 7 优 and 3 良, every figure computed from the records.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '../fixtures/cli';
import { demoLedgerFile } from '../fixtures/demoLedger';
import { tempFolder } from './tempLedger';

const run = cliRunner();

describe('report key-evaluations on the demo year', () => {
  it('gives the summary’s sentence: 10 evaluations, 13170.99 万元, 7 优 and 3 良', async () => {
    const file = demoLedgerFile();

    const text = await run('report', 'key-evaluations', '--ledger', file, '--year', '2023');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe(
      '对 10 个项目开展重点项目绩效评价，涉及资金 13170.99 万元，评价结果等级为“优”的项目 7 个，“良”的项目 3 个。',
    );

    const r = await run('report', 'key-evaluations', '--ledger', file, '--year', '2023', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({ year: 2023, count: 10, unfinished: 0, coveredFen: 13_170_990_000 });
    expect(report.byGrade.map((g: { grade: string; count: number }) => [g.grade, g.count])).toEqual([
      ['优', 7],
      ['良', 3],
      ['中', 0],
      ['差', 0],
    ]);
    const rows = report.evaluations as { coveredFen: number; total: number; grade: string }[];
    expect(rows).toHaveLength(10);
    expect(rows.reduce((s, e) => s + e.coveredFen, 0)).toBe(13_170_990_000);
    for (const e of rows) expect(e.grade).toBe(e.total >= 90 ? '优' : e.total >= 80 ? '良' : '中');
  });

  it('a year without evaluations says so', async () => {
    const file = path.join(tempFolder(), '空.db');
    expect((await run('init', file, '--year', '2024')).code).toBe(0);
    const r = await run('report', 'key-evaluations', '--ledger', file, '--year', '2024');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2024 年度尚无定稿的重点绩效评价/);
  });
});
