/**
 * 重点评价结果公开表 for the portal, from the demo year's ten final evaluations: the workbook a clerk
 * uploads (title, unit note, one row per evaluation with 万元, score and grade, 合计), through the
 * service and the admin command line.
 */
import ExcelJS from 'exceljs';
import path from 'node:path';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportKeyEvaluationPublication, publicationRows } from '../../electron/keyEvaluations/keyEvaluationResults';
import { cliJson, cliRunner } from '../fixtures/cli';
import { demoContext, demoLedgerFile } from '../fixtures/demoLedger';
import { freshContext, tempFolder } from '../ledger/tempLedger';

describe('the key-evaluation publication workbook', () => {
  it('lists the demo year’s ten evaluations with 万元, score and grade, and a 合计 of 13170.99', async () => {
    const ctx = demoContext();
    const out = await exportKeyEvaluationPublication(ctx, { year: 2023 });
    expect(out).toMatchObject({
      fileName: '2023年度财政重点绩效评价结果公开表.xlsx',
      evaluationCount: 10,
      coveredFen: 13_170_990_000,
      excludedClassified: 0,
    });

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(out.bytes as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('2023年度财政重点绩效评价结果公开表');
    expect(sheet.getCell('A2').value).toBe('单位：万元；共 10 项');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([
      '序号',
      '评价对象',
      '类型',
      '预算单位',
      '评价主体',
      '涉及资金（万元）',
      '评价得分',
      '评价等级',
    ]);
    const rows = publicationRows(ctx, { year: 2023 });
    rows.forEach((r, k) => {
      const line = sheet.getRow(4 + k);
      expect([line.getCell(2).value, line.getCell(6).value, line.getCell(7).value, line.getCell(8).value]).toEqual([
        r.name,
        r.coveredFen / 1_000_000,
        r.total,
        r.grade,
      ]);
    });
    const total = sheet.getRow(4 + rows.length);
    expect([total.getCell(1).value, total.getCell(6).value]).toEqual(['合计', 13_170.99]);
    expect(sheet.getCell('F4').numFmt).toBe('#,##0.00');
  });

  it('refuses a year with nothing final, and the command line writes the file with the figures', async () => {
    const empty = freshContext({ year: 2024 });
    await expect(exportKeyEvaluationPublication(empty, { year: 2024 })).rejects.toThrow('2024 年度尚无定稿的重点绩效评价可公开。');

    const run = cliRunner();
    const file = path.join(tempFolder(), '公开表.xlsx');
    const r = await run('export', 'key-evaluation-publication', '--ledger', demoLedgerFile(), '--year', '2023', '--out', file, '--json');
    expect(r.code).toBe(0);
    expect(cliJson(r)).toMatchObject({ evaluationCount: 10, coveredFen: 13_170_990_000 });
    expect(fs.statSync(file).size).toBeGreaterThan(4000);
  });
});
