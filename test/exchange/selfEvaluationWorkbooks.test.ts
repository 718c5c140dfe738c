/**
 * A unit's 项目支出绩效自评表 template (issue #13): exported from a real ledger with exceljs, read back by
 * the reviewer's reader exactly as the ledger holds the form, and — filled in by the unit with exceljs —
 * imported by its 台账识别码 with the ledger's own score.
 */
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { readSelfEvaluationSheet } from '../../electron/review/selfEvaluationSheet';
import { getSelfEvaluation, listSelfEvaluations } from '../../electron/selfEvaluations/selfEvaluations';
import { commitSelfEvaluationImport, previewSelfEvaluationImport } from '../../electron/selfEvaluations/selfEvaluationImport';
import { exportSelfEvaluationTemplate } from '../../electron/selfEvaluations/selfEvaluationTemplate';
import { FORM } from '../fixtures/selfEvaluationForms';
import { fillExportedForm, formLedger } from '../ledger/selfEvaluationFormLedger';

describe('a unit’s self-evaluation template', () => {
  it('is the official layout, pre-filled from the ledger, and the reviewer’s reader reads it back exactly', async () => {
    const { ctx, unit, evaluation } = formLedger();
    const out = await exportSelfEvaluationTemplate(ctx, { year: 2022, unitId: unit.id });
    expect(out).toMatchObject({ fileName: `2022年度项目支出绩效自评表（${FORM.implementingUnit}）.xlsx`, formCount: 1, created: 0 });

    const book = readWorkbook(out.bytes, out.fileName);
    expect(book.sheets.map((s) => s.name)).toEqual(['P2022-01']);
    const form = readSelfEvaluationSheet(book.sheets[0]!)!;
    const view = getSelfEvaluation(ctx, { id: evaluation.id });
    expect(form).toMatchObject({
      title: '项目支出绩效自评表',
      projectName: FORM.projectName,
      department: FORM.department,
      implementingUnit: FORM.implementingUnit,
      moneyUnit: '万元',
      goals: { expected: view.goalExpected, actual: '' },
    });
    expect(book.sheets[0]!.rows[1]!.join('')).toContain(`JXTZ-自评-2022-E${evaluation.id}`);
    // Funds in 万元 from the ledger (年初 100, 全年预算 120, 执行 114 from the execution data), 分值 10, 执行率 and 得分 open.
    const total = form.funds.total!;
    expect([total.initial.fen, total.budget.fen, total.executed.fen]).toEqual([100_000_000, 120_000_000, 114_000_000]);
    expect(total.budget).toMatchObject({ text: '120', place: { row: 6, letter: 'D', header: '全年预算数' } });
    expect(form.execution).toMatchObject({ points: { value: 10 }, rate: { value: null }, score: { value: null } });
    // Each indicator as the ledger holds it: 一级 with its points, 二级 merged down, 年度指标值 with operator and unit.
    expect(
      form.indicators.map((i) => [
        i.level1,
        i.level1Weight?.value ?? null,
        i.level2,
        i.name,
        i.target,
        i.actual,
        i.points.value,
        i.score.value,
      ]),
    ).toEqual(
      view.indicators.map((i, k) => {
        const first = k === 0 || view.indicators[k - 1]!.level1 !== i.level1;
        const weight = view.indicators.filter((x) => x.level1 === i.level1).reduce((s, x) => s + x.points, 0);
        const unit = i.nature !== '定性' && i.unit ? i.unit : '';
        const operator = i.nature === '定性' || i.nature === '＝' ? '' : i.nature;
        return [i.level1, first ? weight : null, i.level2, i.name, `${operator}${i.target}${unit}`, '', i.points, null];
      }),
    );
    expect(form.indicators[0]!.target).toBe('≥500人');
    expect(form.total).toMatchObject({ points: { value: 100 }, score: { value: null } });
    expect(form.grade).toBeNull();
  });

  it('creates the drafts a unit lacks, and refuses a unit with no approved target', async () => {
    const { ctx, dept, unit, evaluation } = formLedger();
    await expect(exportSelfEvaluationTemplate(ctx, { year: 2022, unitId: dept.id })).rejects.toThrow(
      /“县人力资源和社会保障局”2022 年度没有绩效目标已批复的项目，无法生成自评表/,
    );
    expect(listSelfEvaluations(ctx, { year: 2022 }).map((r) => r.id)).toEqual([evaluation.id]);
    expect((await exportSelfEvaluationTemplate(ctx, { year: 2022, unitId: unit.id })).created).toBe(0);
  });

  it('filled in by the unit, imports by its 台账识别码 and the ledger scores it', async () => {
    const { ctx, unit, evaluation } = formLedger();
    const out = await exportSelfEvaluationTemplate(ctx, { year: 2022, unitId: unit.id });
    // Retitled as units do, every open cell filled; the 执行率 as a %-formatted fraction.
    const bytes = await fillExportedForm(out.bytes, { sheetName: '职业技能培训' });

    const preview = previewSelfEvaluationImport(ctx, { year: 2022, fileName: '填好的自评表.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.sheets[0]).toMatchObject({ sheet: '职业技能培训', evaluationId: evaluation.id, matchedBy: 'code', findings: [] });
    commitSelfEvaluationImport(ctx, { year: 2022, fileName: '填好的自评表.xlsx', bytes });
    const stored = getSelfEvaluation(ctx, { id: evaluation.id });
    expect(stored).toMatchObject({ status: 'submitted', total: 95.1, grade: '优', goalActual: '全年培训520人，合格率96%。' });
    expect(stored.indicators.find((i) => i.name === '培训合格率')!.actual).toBe('96%');
  });
});
