/**
 * Units' filled 自评表 imported into a real ledger (issue #13): the check lists exactly the slips planted
 * in a unit's workbook, with their cells; commit stores the actuals and hands the form in; the bureau
 * returns it with the findings and the corrected workbook replaces it. Real-variant values parse to the
 * right actuals; a preview or a refused commit writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { getSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluations';
import { commitSelfEvaluationImport, previewSelfEvaluationImport } from '../../electron/selfEvaluations/selfEvaluationImport';
import { returnSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluationWrites';
import { selfEvaluationForm, type FormSlips } from '../fixtures/selfEvaluationForms';
import { cliJson, cliRunner } from '../fixtures/cli';
import { fillExportedForm, formLedger } from './selfEvaluationFormLedger';
import { tempFolder } from './tempLedger';

const FILE = '县就业服务中心自评表.xlsx';
const input = (slips: FormSlips = {}) => ({ year: 2022, fileName: FILE, bytes: selfEvaluationForm(slips).bytes });
const auditCount = (ctx: ReturnType<typeof formLedger>['ctx']) => ctx.ledger.db.select().from(auditLog).all().length;

describe('importing units’ self-evaluation workbooks', () => {
  it('lists exactly the slips planted in the 执行率 score, a 小计 and the 总分, at their cells; the preview writes nothing', () => {
    const { ctx, evaluation } = formLedger();
    const { rows } = selfEvaluationForm();
    const before = auditCount(ctx);
    const preview = previewSelfEvaluationImport(ctx, input({ executionScore: 9, subtotal: { 产出指标: 48 }, total: 96 }));

    expect(preview.errors).toEqual([]);
    expect(preview.canCommit).toBe(true);
    const [sheet] = preview.sheets;
    expect(sheet).toMatchObject({ evaluationId: evaluation.id, matchedBy: 'name', statusLabel: '填报中', afterStatusLabel: '已报送' });
    expect(sheet!.findings.map((f) => [`${f.column}${f.row}`, f.printed, f.computed])).toEqual([
      ['H6', '9', '9.50'],
      [`H${rows.subtotal['产出指标']}`, '48', '48.60'],
      [`H${rows.total}`, '96', '95.10'],
    ]);
    expect(sheet!.findings[0]!.message).toContain('工作表“自评表”第 6 行 H 列');
    expect(sheet!.returnText).toMatch(/^审核发现 3 处问题/);
    expect(sheet!.changes).toContainEqual({ what: '“培训期数”实际完成值', before: '（空）', after: '9期' });

    expect(auditCount(ctx)).toBe(before);
    expect(getSelfEvaluation(ctx, { id: evaluation.id })).toMatchObject({ status: 'draft', goalActual: '' });
  });

  it('names the 全年执行数 that differs from the ledger’s execution data, with both figures', () => {
    const { ctx } = formLedger({ executedFen: 110_000_000 });
    const [sheet] = previewSelfEvaluationImport(ctx, input()).sheets;
    expect(sheet!.findings).toHaveLength(1);
    expect(sheet!.findings[0]).toMatchObject({ row: 6, column: 'E', printed: '114.00', computed: '110.00' });
    expect(sheet!.findings[0]!.message).toMatch(
      /全年执行数写为 114\.00 万元，执行率 95\.00%；台账执行数据（“.+”，截至 \d+ 月）为 110\.00 万元/,
    );
  });

  it('commits the actuals and hands the form in; the bureau returns it with the findings and the corrected workbook replaces it', () => {
    const { ctx, evaluation } = formLedger();
    const first = commitSelfEvaluationImport(ctx, input({ executionScore: 9, subtotal: { 产出指标: 48 }, total: 96 }));
    expect(first).toMatchObject({ saved: 1, submitted: 1 });
    const stored = getSelfEvaluation(ctx, { id: evaluation.id });
    // The ledger's own score: printed scores are evidence only, the 定性 pick (7 within 6–8) is kept.
    expect(stored).toMatchObject({ status: 'submitted', total: 95.1, grade: '优', executedFen: 114_000_000, fiscalBudgetFen: 110_000_000 });
    expect(stored.indicators.map((i) => [i.name, i.actual, i.chosenScore])).toContainEqual(['劳动者技能水平', '部分达成', 7]);
    expect(stored.indicators.find((i) => i.name === '培训期数')).toMatchObject({
      actual: '9期',
      explanation: '一期培训因场地改造推迟至次年',
    });
    const audit = ctx.ledger.db.select().from(auditLog).all().at(-1)!;
    expect(audit.action).toBe('import.selfEvaluations');

    // Handed in: a second workbook is refused, naming the status, and nothing changes.
    const before = auditCount(ctx);
    expect(() => commitSelfEvaluationImport(ctx, input({ actual: { 培训人数: '400人' } }))).toThrow(
      /自评表已报送，不能用导入替换。需要改正时请先退回单位/,
    );
    expect(auditCount(ctx)).toBe(before);
    expect(getSelfEvaluation(ctx, { id: evaluation.id }).indicators[0]!.actual).toBe('520人');

    const returned = returnSelfEvaluation(ctx, { id: evaluation.id, findings: first.preview.sheets[0]!.returnText });
    expect(returned).toMatchObject({ status: 'returned' });
    expect(returned.findings).toContain('第 6 行 H 列');

    const corrected = commitSelfEvaluationImport(
      ctx,
      input({ actual: { 培训期数: '10期' }, score: { 培训期数: 10 }, subtotal: { 产出指标: 49.6 }, total: 96.1 }),
    );
    expect(corrected.preview.sheets[0]).toMatchObject({ statusLabel: '已退回', afterStatusLabel: '已报送', findings: [] });
    expect(getSelfEvaluation(ctx, { id: evaluation.id })).toMatchObject({ status: 'submitted', total: 96.1 });
  });

  it('reads the values real units write: operators fused in, fractions for %, "/" and blanks', () => {
    const { ctx, evaluation } = formLedger();
    commitSelfEvaluationImport(ctx, input({ actual: { 培训人数: '≥520人', 培训合格率: '0.96', 培训按期完成率: '/', 长效培训机制: '' } }));
    const actuals = Object.fromEntries(getSelfEvaluation(ctx, { id: evaluation.id }).indicators.map((i) => [i.name, i.actual]));
    expect(actuals).toMatchObject({ 培训人数: '520人', 培训合格率: '96%', 培训按期完成率: '', 长效培训机制: '' });
    // Not every indicator has a value: the form stays with the unit (填报中), not handed in.
    expect(getSelfEvaluation(ctx, { id: evaluation.id })).toMatchObject({ status: 'draft', complete: false });
  });

  it('refuses the whole file when a sheet cannot be stored, and writes nothing', () => {
    const { ctx, evaluation } = formLedger();
    const before = auditCount(ctx);
    const bad = input({ fiscalBudget: 100 });
    const preview = previewSelfEvaluationImport(ctx, bad);
    expect(preview.canCommit).toBe(false);
    expect(preview.errors[0]!.message).toMatch(
      /工作表“自评表”第 6 行 D 列（全年预算数）：全年预算数：当年财政拨款、上年结转资金、其他资金合计 110\.00 万元/,
    );
    expect(() => commitSelfEvaluationImport(ctx, bad)).toThrow(/未导入任何数据/);
    expect(auditCount(ctx)).toBe(before);
    expect(getSelfEvaluation(ctx, { id: evaluation.id })).toMatchObject({ status: 'draft', goalActual: '', fiscalBudgetFen: null });
  });

  it('runs through the command line: export a unit’s template, check the filled one with --dry-run, then import it', async () => {
    const { ctx, evaluation } = formLedger();
    const run = cliRunner(new Date('2023-02-25T08:00:00Z'));
    const dir = tempFolder();
    const template = path.join(dir, '模板.xlsx');
    const ledger = ['--ledger', ctx.ledger.file, '--year', '2022'];
    const exported = await run('export', 'self-evaluation-template', ...ledger, '--unit', '县就业服务中心', '--out', template, '--json');
    expect(exported.err).toBe('');
    expect(cliJson(exported)).toMatchObject({ formCount: 1, created: 0 });

    const filled = path.join(dir, '填好的自评表.xlsx');
    fs.writeFileSync(filled, await fillExportedForm(fs.readFileSync(template), { total: 96 }));
    const dry = await run('import', 'self-evaluations', filled, ...ledger, '--dry-run', '--json');
    expect(dry.code).toBe(0);
    expect(cliJson(dry).preview.sheets[0].findings.map((f: { column: string; row: number }) => `${f.column}${f.row}`)).toEqual(['H22']);
    expect(getSelfEvaluation(ctx, { id: evaluation.id }).status).toBe('draft');

    const done = await run('import', 'self-evaluations', filled, ...ledger);
    expect(done.code).toBe(0);
    expect(done.out).toContain('审核发现问题 1 处');
    expect(done.out).toMatch(/总分写为 96，.*应为 95\.1/);
    expect(getSelfEvaluation(ctx, { id: evaluation.id })).toMatchObject({ status: 'submitted', total: 95.1 });
  });
});
