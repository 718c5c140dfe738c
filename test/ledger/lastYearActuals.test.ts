/**
 * Last year against this year on a real ledger with two years: a 2022 project whose accepted
 * self-evaluation records 1200 人次 trained, and its 2023 continuing project whose target is checked
 * (and shown) against that figure. Everything is written through the services, as the app does it.
 */
import { describe, expect, it } from 'vitest';
import { lastYearActuals, previousYearProject } from '../../electron/targets/lastYearActuals';
import { targetDetail } from '../../electron/targets/targetDetail';
import { previewTargetImport } from '../../electron/targets/targetImport';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';
import { indicatorHeaderRow, loadBook, saveBook } from '../fixtures/targetForms';
import { fillTwoYears, project, targetWith } from './lastYearFixture';
import { freshContext } from './tempLedger';

const twoYears = (status?: 'draft' | 'submitted' | 'accepted') => fillTwoYears(freshContext(), status);

const lastYearCheck = (detail: ReturnType<typeof targetDetail>) => detail.checks.find((c) => c.id === 'lastYear');

describe('last year against this year', () => {
  it('flags a continuing project’s target set below last year’s 实际完成值, and shows last year beside each indicator', () => {
    const { ctx, dept } = twoYears();
    const p2023 = project(ctx, 2023, dept.id, 'P1', '基层干部培训项目', 'continuing');
    const detail = targetWith(ctx, p2023.id, '1000');

    expect(lastYearCheck(detail)).toEqual({
      id: 'lastYear',
      label: '指标值不低于上年实际完成值',
      ok: false,
      severity: 'warning',
      detail: '“培训人次”指标值低于上年实际完成值：本年 ≥1000人次，上年实际 1200人次。请核实后调高，确需低于上年的请说明原因',
    });
    // 三方联合会审 sees each annual indicator with last year's figure; the 中期 one has none (no 中期 actuals).
    expect(detail.indicators.map((i) => [i.name, i.lastYearActual])).toEqual([
      ['培训人次', { actual: '1200', unit: '人次' }],
      ['培训合格率', { actual: '95', unit: '%' }],
      ['业务能力提升情况', { actual: '达成', unit: null }],
      ['参训人员满意度', { actual: '90', unit: '%' }],
      ['三年培训人次', null],
    ]);
    // A warning: the target can still go to 会审.
    expect(detail.checks.filter((c) => !c.ok && c.severity === 'error')).toEqual([]);
  });

  it('does not flag a target at or above last year’s actual', () => {
    const { ctx, dept } = twoYears();
    const p2023 = project(ctx, 2023, dept.id, 'P1', '基层干部培训项目', 'continuing');
    const above = targetWith(ctx, p2023.id, '1300');
    expect(lastYearCheck(above)).toMatchObject({ ok: true, detail: '' });
    // Read back the way the screen opens it, not only as the save returned it.
    expect(lastYearCheck(targetDetail(ctx, above.id))).toMatchObject({ ok: true, detail: '' });
  });

  it('has no last-year check for a new project, even with the same name', () => {
    const { ctx, dept } = twoYears();
    const fresh = project(ctx, 2023, dept.id, 'P9', '基层干部培训项目', 'new');
    const detail = targetWith(ctx, fresh.id, '1000');
    expect(lastYearCheck(detail)).toBeUndefined();
    expect(detail.indicators.every((i) => i.lastYearActual === null)).toBe(true);
  });

  it('holds figures the bureau has not yet accepted against nobody', () => {
    const { ctx, dept } = twoYears('submitted');
    const p2023 = project(ctx, 2023, dept.id, 'P1', '基层干部培训项目', 'continuing');
    expect(lastYearCheck(targetWith(ctx, p2023.id, '1000'))).toBeUndefined();
  });

  it('finds last year’s project by 项目代码, else by the same unit and name, never another unit’s', () => {
    const { ctx, dept, other, p2022 } = twoYears();
    const byCode = project(ctx, 2023, dept.id, 'P1', '基层干部培训项目（2023年）', 'continuing');
    const byName = project(ctx, 2023, dept.id, 'P1-2023', '基层干部 培训项目', 'continuing');
    const otherUnit = project(ctx, 2023, other.id, null, '基层干部培训项目', 'continuing');
    expect(previousYearProject(ctx, byCode)).toBe(p2022.id);
    expect(previousYearProject(ctx, byName)).toBe(p2022.id);
    expect(previousYearProject(ctx, otherUnit)).toBeNull();
    expect(lastYearActuals(ctx, otherUnit.id).size).toBe(0);
    expect(lastYearActuals(ctx, byName.id).get('培训人次')).toEqual({ actual: '1200', unit: '人次' });
  });

  it('flags the same in an imported 申报表 whose 培训人次 was typed below last year', async () => {
    const { ctx, dept } = twoYears();
    const p2023 = project(ctx, 2023, dept.id, 'P1', '基层干部培训项目', 'continuing');
    targetWith(ctx, p2023.id, '1300');
    const book = await loadBook((await exportTargetTemplate(ctx, { year: 2023, unitId: dept.id })).bytes);
    const sheet = book.getWorksheet('P1')!;
    let row = indicatorHeaderRow(sheet) + 1;
    while (sheet.getCell(row, 3).value !== '培训人次') row++;
    sheet.getCell(row, 5).value = 1000;
    const preview = previewTargetImport(ctx, { year: 2023, fileName: '申报表.xlsx', bytes: await saveBook(book) });

    const plan = preview.sheets.find((p) => p.sheet === 'P1')!;
    expect(plan).toMatchObject({ action: 'update', changes: ['修改指标：“培训人次”≥1300人次 → ≥1000人次'] });
    expect(plan.failedChecks).toEqual([
      '（提示）指标值不低于上年实际完成值：“培训人次”指标值低于上年实际完成值：本年 ≥1000人次，上年实际 1200人次。请核实后调高，确需低于上年的请说明原因',
    ]);
    expect(preview.canCommit).toBe(true);
  });
});
