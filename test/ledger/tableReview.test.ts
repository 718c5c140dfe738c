/**
 * 表格审核 against a real ledger: a unit's 申报表 matched to its project and checked with the year's
 * rules, a printed 评分表 graded by the year's own bands, both through the bridge (the file picked, the
 * findings saved as a workbook) and the command line (`review FILE [--ledger --year] [--json]`) — and
 * the ledger left exactly as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { fiscalYears } from '../../db/schema';
import type { Envelope, ImportPreviewOutcome, SaveOutcome, TableReview } from '../../electron/bridge/contract';
import { dispatch, type FileAccess } from '../../electron/bridge/dispatcher';
import { StagedFiles, type PickedFile } from '../../electron/bridge/fileExchange';
import type { ServiceContext } from '../../electron/ledger/context';
import { ruleSetOf } from '../../electron/ledger/years';
import { reviewTableInYear } from '../../electron/review/tableReview';
import { serialiseRuleSet } from '../../electron/rules/ruleSet';
import { cliJson, cliRunner } from '../fixtures/cli';
import { DECLARATION, printedScoreTable, retypedDeclaration, SCORE_TABLE } from '../fixtures/reviewTables';
import { auditCount, county, rowCount, YEAR } from '../fixtures/targetForms';
import { xlsx } from '../fixtures/workbooks';
import { tempFolder } from './tempLedger';

const SLIPS = { processSubtotal: 23.7, total: 90.4, grade: '优' };

/** What a review could have written, had it written anything: targets, their indicators, the audit log. */
const written = (ctx: ServiceContext) => ({
  targets: rowCount(ctx, 'performance_targets').n,
  indicators: rowCount(ctx, 'target_indicators').n,
  audit: auditCount(ctx),
});

/** The year's grade bands with 优 from 85 (a province's own). */
function gradeFrom85(ctx: ServiceContext): void {
  const rules = ruleSetOf(ctx, YEAR);
  const gradeBands = [{ grade: '优', min: 85 }, ...rules.gradeBands.slice(1)];
  ctx.ledger.db
    .update(fiscalYears)
    .set({ ruleSet: serialiseRuleSet({ ...rules, gradeBands }) })
    .where(eq(fiscalYears.year, YEAR))
    .run();
}

describe('reviewing against a year of the ledger', () => {
  it('matches a unit’s 申报表 to its project and lists each failed 机审 check at its cell; nothing is written', () => {
    const { ctx } = county();
    const before = written(ctx);
    const review = reviewTableInYear(ctx, { year: YEAR, fileName: '资助项目.xlsx', bytes: retypedDeclaration() });
    expect(review).toMatchObject({
      kind: 'targetDeclaration',
      rules: '台账 2023 年度规则（版本 2023.1）',
      read: '1 张申报表（工作表“资助项目”），已对照台账 2023 年度的项目和共性指标库',
    });
    expect(review.findings.map((f) => [f.sheet, f.row, f.column, f.problem])).toEqual([
      [DECLARATION.sheet, null, null, '机审未通过——至少一个质量或时效指标：缺少质量指标或时效指标。请按申报要求修改后重新报送。'],
      [
        DECLARATION.sheet,
        DECLARATION.satisfactionRow,
        'C',
        '机审未通过——满意度指标值不低于 80%：“受助学生满意度”为 75%。请按申报要求修改后重新报送。',
      ],
    ]);
    expect(written(ctx)).toEqual(before);
  });

  it('names a project the year does not have, at the cell of its code', () => {
    const { ctx } = county();
    const review = reviewTableInYear(ctx, {
      year: YEAR,
      fileName: '外来.xlsx',
      bytes: xlsx([
        ['项目名称', '不存在的项目', '项目代码', 'NOPE-9'],
        ['年度总体目标', '目标'],
        ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位'],
        ['产出指标', '数量指标', '某数量', '≥', '1', '个'],
      ]),
    });
    expect(review.findings.map((f) => [f.cell, f.problem])).toEqual([
      ['D1', expect.stringMatching(/^台账 2023 年度中没有项目代码为“NOPE-9”的项目/)],
    ]);
  });

  it('grades a printed 评分表 by the year’s own bands', () => {
    const { ctx } = county();
    gradeFrom85(ctx);
    const review = reviewTableInYear(ctx, { year: YEAR, fileName: '评分表.xlsx', bytes: printedScoreTable() });
    expect(review).toMatchObject({ kind: 'keyEvaluationScores', total: SCORE_TABLE.total, grade: '优' });
    expect(review.findings.map((f) => [f.row, f.printed, f.computed])).toEqual([[SCORE_TABLE.gradeRow, '良', '优']]);
  });
});

describe('through the bridge', () => {
  /** A transport whose open dialog hands over `picked` and whose save dialog keeps the bytes. */
  function files(picked: PickedFile): FileAccess & { saved: PickedFile[] } {
    const saved: PickedFile[] = [];
    return {
      saved,
      staged: new StagedFiles(),
      files: {
        openFile: async () => picked,
        chooseFolder: async () => null,
        saveFile: async (request, bytes) => {
          saved.push({ name: request.defaultName, bytes });
          return { savedAs: request.defaultName };
        },
      },
    };
  }

  it('reviews the picked table, then saves its findings as the workbook for the unit; the ledger is unchanged', async () => {
    const { ctx } = county();
    const before = written(ctx);
    const access = files({ name: '评分表.xlsx', bytes: printedScoreTable(SLIPS) });
    const reviewed = (await dispatch(ctx, 'review.table', { year: YEAR }, access)) as Envelope<ImportPreviewOutcome<TableReview>>;
    if (!reviewed.ok || reviewed.value.cancelled) throw new Error(JSON.stringify(reviewed));
    expect(reviewed.value.preview).toMatchObject({ kind: 'keyEvaluationScores', total: SCORE_TABLE.total, grade: '良' });
    expect(reviewed.value.preview.findings).toHaveLength(3);

    for (let i = 0; i < 2; i++) {
      const saved = (await dispatch(ctx, 'review.exportFindings', { year: YEAR, fileId: reviewed.value.fileId }, access)) as Envelope<
        SaveOutcome<{ findingCount: number }>
      >;
      expect(saved).toEqual({ ok: true, value: { saved: { savedAs: '评分表审核意见.xlsx' }, summary: { findingCount: 3 } } });
    }
    const sheet = XLSX.read(access.saved[0]!.bytes).Sheets['审核意见']!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: false, defval: '' });
    const header = rows.findIndex((r) => r[0] === '序号');
    expect(rows.slice(header + 1).map((r) => r[2])).toEqual(reviewed.value.preview.findings.map((f) => f.cell));
    expect(written(ctx)).toEqual(before);

    const expired = await dispatch(ctx, 'review.exportFindings', { year: YEAR, fileId: '00000000-0000-4000-8000-000000000000' }, access);
    expect(expired).toMatchObject({ ok: false, error: { code: 'file_expired', message: expect.stringMatching(/请重新选择文件/) } });
  });
});

describe('npm run ledger -- review', () => {
  const run = cliRunner();
  const save = (name: string, bytes: Uint8Array) => {
    const file = path.join(tempFolder(), name);
    fs.writeFileSync(file, bytes);
    return file;
  };

  it('prints the kind, rules, total, grade and 小计, then each finding with its place and both figures; exit 0', async () => {
    const file = save('评分表.xlsx', printedScoreTable(SLIPS));
    const r = await run('review', file);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      '审核：评分表.xlsx',
      `表格类型：重点评价评分表（含得分）（${SCORE_TABLE.title}）`,
      expect.stringMatching(/^审核规则：默认规则/),
    ]);
    expect(lines).toContain('复算总分：89.40');
    expect(lines).toContain('复算等级：良');
    expect(lines).toContain('  过程：分值 25.00，得分 22.70');
    expect(lines).toContain('发现 3 处问题：');
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^  1\\. 工作表：评分表  行：${SCORE_TABLE.processSubtotalRow}  列：F  表上数：23\\.70?  复算数：22\\.70?$`),
      ),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(new RegExp(`^  2\\. 工作表：评分表  行：${SCORE_TABLE.totalRow}  列：F  表上数：90\\.40?  复算数：89\\.40?$`)),
    );
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}3\. .*表上数：优 {2}复算数：良$/));
    expect(lines.filter((l) => l.startsWith('     说明：'))).toHaveLength(3);
  });

  it('--json prints {kind, total, grade, subtotals, findings} with each finding’s sheet, row, column, printed, computed and message', async () => {
    const file = save('评分表.xlsx', printedScoreTable(SLIPS));
    const doc = cliJson(await run('review', file, '--json'));
    expect(doc).toMatchObject({ kind: 'keyEvaluationScores', total: 89.4, grade: '良' });
    expect(doc.subtotals.filter((s: any) => s.level2 === null).map((s: any) => [s.level1, s.points, s.score])).toEqual(SCORE_TABLE.level1);
    expect(doc.findings).toHaveLength(3);
    for (const f of doc.findings) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['sheet', 'row', 'column', 'printed', 'computed', 'message']));
      expect(f.message).toMatch(/^评分表\.xlsx/);
    }
    expect(doc.findings.map((f: any) => [f.sheet, f.row, f.column])).toEqual([
      [SCORE_TABLE.sheet, SCORE_TABLE.processSubtotalRow, 'F'],
      [SCORE_TABLE.sheet, SCORE_TABLE.totalRow, 'F'],
      [SCORE_TABLE.sheet, SCORE_TABLE.gradeRow, expect.any(String)],
    ]);
  });

  it('with --ledger and --year uses the year’s rules and projects', async () => {
    const { ctx } = county();
    gradeFrom85(ctx);
    const table = await run(
      'review',
      save('评分表.xlsx', printedScoreTable()),
      '--ledger',
      ctx.ledger.file,
      '--year',
      String(YEAR),
      '--json',
    );
    expect(cliJson(table)).toMatchObject({ grade: '优', rules: '台账 2023 年度规则（版本 2023.1）' });

    const declaration = await run(
      'review',
      save('资助项目.xlsx', retypedDeclaration()),
      '--ledger',
      ctx.ledger.file,
      '--year',
      String(YEAR),
    );
    expect(declaration.code).toBe(0);
    expect(declaration.out).toMatch(/表格类型：绩效目标申报表\n审核规则：台账 2023 年度规则/);
    expect(declaration.out).toContain(`  2. 工作表：资助项目  行：${DECLARATION.satisfactionRow}  列：C  表上数：—  复算数：—`);
  });

  it('refuses what it cannot review, in Chinese: no known table (1), no such file (1), --ledger without --year (2)', async () => {
    const unknown = await run('review', save('通讯录.xlsx', xlsx([['姓名', '电话']])));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/通讯录\.xlsx：没有认出可审核的表格。可审核的有/);
    const missing = await run('review', path.join(tempFolder(), '没有.xlsx'));
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/找不到要审核的文件/) });
    const garbage = await run('review', save('坏.xlsx', Buffer.from('PK\u0003\u0004 这不是工作簿')), '--json');
    expect(garbage.code).toBe(1);
    expect(cliJson(garbage)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/坏\.xlsx/) } });
    const noYear = await run('review', save('评分表.xlsx', printedScoreTable()), '--ledger', 'x.db');
    expect(noYear).toMatchObject({ code: 2, err: expect.stringMatching(/缺少 --year/) });
  });
});
