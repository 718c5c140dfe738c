/**
 * A declaration workbook is checked with the year's own target rules, as the screen checks it: a
 * province whose 满意度 floor is 95% sees a 90% target flagged in the import preview, and the template's
 * 填报说明 states that floor.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fiscalYears } from '../../db/schema';
import { ruleSetOf } from '../../electron/ledger/years';
import { serialiseRuleSet } from '../../electron/rules/ruleSet';
import { previewTargetImport } from '../../electron/targets/targetImport';
import { exportTargetTemplate } from '../../electron/targets/targetTemplate';
import { county, filled, loadBook, TRAINING_ROWS, YEAR } from '../fixtures/targetForms';

describe("a year's own 满意度 floor", () => {
  it('flags a 90% 满意度 target in the preview where the year asks for 95%, and says 95% in the instructions', async () => {
    const { ctx, education } = county();
    const rules = ruleSetOf(ctx, YEAR);
    ctx.ledger.db
      .update(fiscalYears)
      .set({ ruleSet: serialiseRuleSet({ ...rules, targets: { ...rules.targets, minSatisfactionPercent: 95 } }) })
      .where(eq(fiscalYears.year, YEAR))
      .run();

    const template = await exportTargetTemplate(ctx, { year: YEAR, unitId: education.id });
    const instructions = (await loadBook(template.bytes)).getWorksheet('填报说明')!;
    const texts: string[] = [];
    instructions.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? ''))));
    expect(texts.some((t) => t.includes('满意度指标值不低于 95%'))).toBe(true);

    const file = await filled(template.bytes, {
      'JY-01': {
        className: '培训',
        annualGoal: '全年培训中小学教师 500 人次。',
        funds: { total: 100, fiscal: 100, other: 0 },
        indicators: TRAINING_ROWS,
      },
    });
    const preview = previewTargetImport(ctx, { year: YEAR, fileName: '申报表.xlsx', bytes: file });
    const sheet = preview.sheets.find((s) => s.sheet === 'JY-01')!;
    expect(sheet.failedChecks).toEqual([expect.stringMatching(/满意度指标值不低于 95%.*参训人员满意度/)]);
  });
});
