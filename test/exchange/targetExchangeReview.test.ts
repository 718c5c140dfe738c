/**
 * 会审意见表 out and in: the third party gets the targets read-only with an opinion block to fill,
 * and the filled sheets become opinions in the open round — never in another round, never with a grade
 * that is not 优/良/中/差.
 */
import { describe, expect, it } from 'vitest';
import { ImportRejected } from '../../electron/formats/importIssue';
import { listRounds, recordOpinion, submitForReview } from '../../electron/targets/jointReview';
import { commitReviewSheetImport, previewReviewSheetImport } from '../../electron/targets/reviewSheet';
import { exportReviewSheet } from '../../electron/targets/reviewSheetExport';
import {
  auditCount,
  county,
  decide,
  indicatorHeaderRow,
  loadBook,
  resubmit,
  saveBook,
  targetInReview,
  valueCell,
} from '../fixtures/targetForms';
import { fillTwoYears, project, targetWith } from '../ledger/lastYearFixture';
import { freshContext } from '../ledger/tempLedger';

async function fillOpinion(
  bytes: Uint8Array,
  sheetName: string,
  values: Partial<Record<'会审方' | '审核人' | '完整性' | '相关性' | '适当性' | '可行性' | '修改意见', string | null>>,
): Promise<Buffer> {
  const book = await loadBook(bytes);
  const sheet = book.getWorksheet(sheetName)!;
  for (const [label, value] of Object.entries(values)) valueCell(sheet, label).value = value ?? null;
  return saveBook(book);
}

describe('the review sheet', () => {
  it("shows the target read-only with an opinion block, and the filled sheet becomes the third party's opinion", async () => {
    const { ctx, training, repair } = county();
    const a = targetInReview(ctx, training.id);
    const b = targetInReview(ctx, repair.id, '基础设施建设');
    const exported = await exportReviewSheet(ctx, { targetIds: [a, b] });
    expect(exported).toMatchObject({ targetCount: 2, fileName: '2023年度绩效目标会审意见表.xlsx' });

    const book = await loadBook(exported.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['JY-01', 'JY-02']);
    const sheet = book.getWorksheet('JY-01')!;
    expect(sheet.getCell('A1').value).toBe('项目支出绩效目标会审意见表（2023年度 第 1 轮）');
    expect(sheet.getCell('C2').value).toBe(`JXTZ-会审-T${a}-R1`);
    expect(valueCell(sheet, '年度总体目标').value).toBe('按计划完成项目建设内容，服务对象满意。');
    expect(valueCell(sheet, '会审方').value).toBe('第三方机构');
    const grade = valueCell(sheet, '完整性');
    expect(grade.dataValidation).toMatchObject({ type: 'list', formulae: ['"优,良,中,差"'], errorStyle: 'stop' });
    expect(grade.protection?.locked).toBe(false);
    expect(valueCell(sheet, '年度总体目标').protection?.locked).not.toBe(false);
    expect((sheet as unknown as { sheetProtection: { sheet: boolean } }).sheetProtection.sheet).toBe(true);

    let file = await fillOpinion(exported.bytes, 'JY-01', {
      审核人: '王会计师',
      完整性: '优',
      相关性: '良',
      适当性: '良好',
      可行性: '优',
      修改意见: '建议补充培训效果跟踪指标。',
    });
    file = await fillOpinion(file, 'JY-02', { 完整性: '中', 相关性: '中', 适当性: '差', 可行性: '中', 修改意见: '资金与目标不匹配。' });
    const preview = previewReviewSheetImport(ctx, { fileName: '会审意见.xlsx', bytes: file });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets.map((s) => [s.sheet, s.action, s.party, s.roundNo])).toEqual([
      ['JY-01', 'record', 'thirdParty', 1],
      ['JY-02', 'record', 'thirdParty', 1],
    ]);

    const result = commitReviewSheetImport(ctx, { fileName: '会审意见.xlsx', bytes: file });
    expect(result).toMatchObject({ recorded: 2, unchanged: 0 });
    expect(listRounds(ctx, { targetId: a })[0]!.opinions).toEqual([
      expect.objectContaining({
        party: 'thirdParty',
        reviewer: '王会计师',
        completeness: '优',
        relevance: '良',
        appropriateness: '良',
        feasibility: '优',
        opinion: '建议补充培训效果跟踪指标。',
      }),
    ]);
    expect(listRounds(ctx, { targetId: b })[0]!.opinions[0]).toMatchObject({ party: 'thirdParty', appropriateness: '差' });

    // The same file again records nothing; a re-export shows the opinion already given.
    const audit = auditCount(ctx);
    expect(commitReviewSheetImport(ctx, { fileName: '会审意见.xlsx', bytes: file })).toMatchObject({ recorded: 0, unchanged: 2 });
    expect(auditCount(ctx)).toBe(audit);
    const again = await loadBook((await exportReviewSheet(ctx, { targetIds: [a] })).bytes);
    expect(valueCell(again.getWorksheet('JY-01')!, '修改意见').value).toBe('建议补充培训效果跟踪指标。');
  });

  it('refuses a sheet of an earlier round, naming both rounds', async () => {
    const { ctx, training } = county();
    const id = targetInReview(ctx, training.id);
    const round1 = await exportReviewSheet(ctx, { targetIds: [id] });
    decide(ctx, id, '中');
    resubmit(ctx, id);
    const file = await fillOpinion(round1.bytes, 'JY-01', { 完整性: '优', 相关性: '优', 适当性: '优', 可行性: '优' });
    const preview = previewReviewSheetImport(ctx, { fileName: '第一轮.xlsx', bytes: file });
    expect(preview.errors.map((e) => e.message)).toEqual([
      `第一轮.xlsx 工作表“JY-01”第 2 行 C 列（台账识别码）：该会审意见表是第 1 轮的，当前为第 2 轮。请导出第 2 轮的会审意见表重新填写。`,
    ]);
    expect(() => commitReviewSheetImport(ctx, { fileName: '第一轮.xlsx', bytes: file })).toThrow(ImportRejected);
    expect(listRounds(ctx, { targetId: id })[1]!.opinions).toEqual([]);
  });

  it('names each bad grade cell, and records nothing from the file', async () => {
    const { ctx, training, repair } = county();
    const a = targetInReview(ctx, training.id);
    const b = targetInReview(ctx, repair.id, '基础设施建设');
    const exported = await exportReviewSheet(ctx, { targetIds: [a, b], party: 'finance' });
    let file = await fillOpinion(exported.bytes, 'JY-01', { 完整性: '优', 相关性: 'A', 适当性: '', 可行性: '优' });
    file = await fillOpinion(file, 'JY-02', { 会审方: '审计局', 完整性: '良', 相关性: '良', 适当性: '良', 可行性: '很好' });
    const preview = previewReviewSheetImport(ctx, { fileName: '意见.xlsx', bytes: file });
    expect(preview.errors.map((e) => [e.sheet, e.row, e.column])).toEqual([
      ['JY-01', 21, 'F'],
      ['JY-01', 22, 'B'],
      ['JY-02', 20, 'B'],
      ['JY-02', 22, 'F'],
    ]);
    expect(preview.errors[0]!.message).toMatch(/第 21 行 F 列（相关性）：“A”不是有效的评价，相关性请填写 优、良、中 或 差/);
    expect(preview.errors[1]!.message).toMatch(/第 22 行 B 列（适当性）：请填写适当性的评价/);
    expect(preview.errors[2]!.message).toMatch(/第 20 行 B 列（会审方）：“审计局”不是会审方/);
    const audit = auditCount(ctx);
    expect(() => commitReviewSheetImport(ctx, { fileName: '意见.xlsx', bytes: file })).toThrow(/意见\.xlsx 有 4 处问题/);
    expect(auditCount(ctx)).toBe(audit);
    expect(listRounds(ctx, { targetId: a })[0]!.opinions).toEqual([]);
  });

  it('exports only targets under review', async () => {
    const { ctx, training, repair } = county();
    const a = targetInReview(ctx, training.id);
    decide(ctx, a, '优');
    const b = targetInReview(ctx, repair.id, '基础设施建设');
    await expect(exportReviewSheet(ctx, { targetIds: [a, b] })).rejects.toThrow(/“2023年教师培训项目”当前为“待批复”，没有进行中的会审/);
    recordOpinion(ctx, {
      targetId: b,
      party: 'unit',
      reviewer: null,
      completeness: '优',
      relevance: '优',
      appropriateness: '优',
      feasibility: '优',
      opinion: '',
    });
    const book = await loadBook((await exportReviewSheet(ctx, { targetIds: [b], party: 'unit' })).bytes);
    expect(valueCell(book.getWorksheet('JY-02')!, '完整性').value).toBe('优');
    expect(book.worksheets[0]!.getCell('A1').value).toMatch(/第 1 轮/);
  });
});

describe('the review sheet beside last year', () => {
  it('shows a continuing project’s 上年实际完成值 beside each annual indicator, and no such column for a new project', async () => {
    const { ctx, dept } = fillTwoYears(freshContext());
    const continuing = targetWith(ctx, project(ctx, 2023, dept.id, 'P1', '基层干部培训项目', 'continuing').id, '1000');
    const fresh = targetWith(ctx, project(ctx, 2023, dept.id, 'P2', '村干部培训项目', 'new').id, '1000');
    for (const t of [continuing, fresh]) submitForReview(ctx, { targetId: t.id });
    const book = await loadBook((await exportReviewSheet(ctx, { targetIds: [continuing.id, fresh.id] })).bytes);

    const sheet = book.getWorksheet('P1')!;
    const header = indicatorHeaderRow(sheet);
    expect(sheet.getCell(header, 9).value).toBe('上年实际完成值');
    const rows = continuing.indicators.map((_, i) => [sheet.getCell(header + 1 + i, 3).value, sheet.getCell(header + 1 + i, 9).value]);
    expect(rows).toEqual([
      ['培训人次', '1200人次'],
      ['培训合格率', '95%'],
      ['业务能力提升情况', '达成'],
      ['参训人员满意度', '90%'],
      ['三年培训人次', null],
    ]);
    expect(book.getWorksheet('P2')!.getCell(indicatorHeaderRow(book.getWorksheet('P2')!), 9).value).toBeNull();
  });
});
