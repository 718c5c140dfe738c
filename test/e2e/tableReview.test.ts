/**
 * 表格审核 in the browser: a unit's printed 评分表 picked, its kind, recomputed 总分 and 等级, the 小计
 * by 一级/二级 and each planted slip at its cell shown; the findings exported as the workbook for the
 * unit; a table that adds up says so; a workbook of no known kind is answered in plain words.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { createYear } from '../../electron/settings/yearSetup';
import { printedScoreTable, SCORE_TABLE } from '../fixtures/reviewTables';
import { xlsx } from '../fixtures/workbooks';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { TableReviewPage } from './pages/TableReviewPage';

describeInChromium('表格审核', () => {
  let session: Session;
  let review: TableReviewPage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-review-'));
  const file = (name: string, bytes: Uint8Array) => {
    fs.writeFileSync(path.join(folder, name), bytes);
    return path.join(folder, name);
  };

  beforeAll(async () => {
    session = await startSession((ctx) => createYear(ctx, { year: 2023 }));
    review = new TableReviewPage(session.page);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('shows a printed 评分表’s kind, recomputed 总分 and 等级, its 小计 and each slip at its cell, and exports them', async () => {
    await review.open(2023);
    await review.review(file('耕地轮作评分表.xlsx', printedScoreTable({ processSubtotal: 23.7, total: 90.4, grade: '优' })));
    expect(await review.kind()).toBe('重点评价评分表（含得分）');
    expect(await review.figure('复算总分')).toBe('89.40');
    expect(await review.figure('复算等级')).toBe('良');
    expect(await review.figure('问题')).toBe('3');

    const subtotals = await review.subtotals();
    expect(subtotals.filter((r) => r[1] === '小计').map((r) => [r[0], r[2], r[3]])).toEqual([
      ['决策', '15.00', '14.00'],
      ['过程', '25.00', '22.70'],
      ['产出', '25.00', '23.00'],
      ['效益', '35.00', '29.70'],
    ]);
    expect(subtotals).toContainEqual(['过程', '资金管理', '15.00', '14.20']);

    const findings = await review.findings();
    expect(findings.map((r) => r.slice(0, 3))).toEqual([
      ['1', SCORE_TABLE.sheet, `F${SCORE_TABLE.processSubtotalRow}`],
      ['2', SCORE_TABLE.sheet, `F${SCORE_TABLE.totalRow}`],
      ['3', SCORE_TABLE.sheet, expect.stringContaining(String(SCORE_TABLE.gradeRow))],
    ]);
    expect(findings.map((r) => [Number(r[3]) || r[3], Number(r[4]) || r[4]])).toEqual([
      [23.7, 22.7],
      [90.4, 89.4],
      ['优', '良'],
    ]);
    await session.page.waitForTimeout(300);
    await session.screenshot('97-表格审核');

    const saved = path.join(folder, 'findings.xlsx');
    expect(await review.exportFindings(saved)).toBe('耕地轮作评分表审核意见.xlsx');
    const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(fs.readFileSync(saved)).Sheets['审核意见']!, {
      header: 1,
      raw: false,
      defval: '',
    });
    expect(rows[0]![0]).toBe(`${SCORE_TABLE.title}审核意见`);
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows.slice(header + 1).map((r) => r.slice(0, 3))).toEqual(findings.map((r) => r.slice(0, 3)));
  });

  it('says so when a table adds up, and answers a workbook of no known kind in plain words', async () => {
    await review.review(file('评分表（已改）.xlsx', printedScoreTable()));
    await review.result.getByText('没有发现问题').waitFor();
    expect(await review.figure('问题')).toBe('0');

    await review.review(
      file(
        '通讯录.xlsx',
        xlsx([
          ['姓名', '电话'],
          ['张三', '0996-1234567'],
        ]),
      ),
    );
    expect(await review.kind()).toBe('无法识别的表格');
    expect(await review.result.getByRole('alert').innerText()).toMatch(/没有认出可审核的表格。可审核的有：重点评价评分表（含得分）/);
    expect(await session.page.getByRole('button', { name: '导出审核意见' }).count()).toBe(0);
  });
});
