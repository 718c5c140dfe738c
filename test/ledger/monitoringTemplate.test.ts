/** The per-unit monitoring form template out and back in, on real ledgers and real workbooks. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema';
import { ImportRejected } from '../../electron/formats/importIssue';
import { monitoringForm } from '../../electron/monitoring/monitoringEntries';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { exportMonitoringTemplate } from '../../electron/monitoring/monitoringTemplateExport';
import { commitMonitoringImport, previewMonitoringImport } from '../../electron/monitoring/monitoringTemplateImport';
import { monitoringIdCode } from '../../electron/monitoring/monitoringSheetLayout';
import { buildForm, FORM_ENTRIES, formExcelJs, formXlsx, type FormVariant } from '../fixtures/monitoringForms';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

async function save(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The row of an indicator in a sheet (column B holds the 三级指标). */
function rowOf(sheet: ExcelJS.Worksheet, name: string): number {
  for (let r = 1; r <= sheet.rowCount; r++) if (sheet.getCell(r, 2).value === name) return r;
  throw new Error(`no row for ${name}`);
}

/** Fills an indicator's row: 当前完成值 … 纠偏措施 are columns E–J. */
function fill(sheet: ExcelJS.Worksheet, name: string, values: (string | null)[]) {
  const r = rowOf(sheet, name);
  values.forEach((v, i) => {
    sheet.getCell(r, 5 + i).value = v;
  });
}

describe('the monitoring form template', () => {
  it('has one sheet per target of the unit, with the round, identification, funds and pre-filled entries', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const exported = await exportMonitoringTemplate(ctx, { roundId: s.may.id, unitId: s.deptB.id });
    expect(exported).toMatchObject({
      formCount: 2,
      unitCount: 1,
      prefilled: 1,
      fileName: '2023年度5月项目监控绩效监控表（轮台县农业农村局）.xlsx',
    });
    const book = await load(exported.bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(['P3', 'P4']);
    const p3 = book.getWorksheet('P3')!;
    expect(p3.getCell('A1').value).toBe('项目支出绩效监控表（2023年度 5月项目监控，截至 5 月）');
    expect(p3.getCell('C2').value).toBe(`JXTZ-监控-R${s.may.id}-T${s.t3.id}`);
    expect(p3.getCell('B3').value).toBe('高素质农民培训项目');
    expect(p3.getCell('B5').value).toBe('10.00');
    expect(p3.getCell('B6').value).toBe('99.00%');
    const r = rowOf(p3, '培训人次');
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => p3.getCell(r, c).value)).toEqual(
      ['数量指标', '培训人次', '≥', '1200人次', '250', '', '有可能', '人员保障', '师资不足，两期培训推迟'].map((v) => v || null),
    );
    expect(p3.getCell(r, 7).dataValidation).toMatchObject({ type: 'list', formulae: ['"确定能,有可能,完全不可能"'] });
    expect(p3.getCell(rowOf(p3, '业务能力提升情况'), 5).dataValidation.formulae).toEqual(['"达成,部分达成,未达成"']);
    expect(p3.getCell(r, 5).protection?.locked).toBe(false);
    // The 中期 indicator is not on the form.
    expect(() => rowOf(p3, '三年培训人次')).toThrow();
    expect(book.getWorksheet('P4')!.getCell('B5').value).toBe('0.00');
  });

  it('reads a filled template back: previews, saves all sheets in one go, and a re-import changes nothing', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const book = await load((await exportMonitoringTemplate(ctx, { roundId: s.may.id, unitId: s.deptB.id })).bytes);
    const p4 = book.getWorksheet('P4')!;
    fill(p4, '培训人次', ['520', '1250', '确定能', null, null, null]);
    fill(p4, '培训合格率', ['98%', '98%', '确定能', null, null, null]);
    fill(p4, '业务能力提升情况', ['部分达成', '达成', '可能', '经费', '资金下半年到位', '加快拨付']);
    fill(p4, '参训人员满意度', ['93', '93', '确定能', null, null, null]);
    const bytes = await save(book);
    const input = { roundId: s.may.id, fileName: '农业农村局监控表.xlsx', bytes };

    const preview = previewMonitoringImport(ctx, input);
    expect(preview.errors).toEqual([]);
    // The template's own funds are label and value pairs from the ledger: nothing to check, nothing noted.
    expect(preview.warnings).toEqual([]);
    expect(preview.sheets.map((x) => [x.sheet, x.action, x.rows, x.toSave])).toEqual([
      ['P3', 'unchanged', 4, 0],
      ['P4', 'save', 4, 4],
    ]);
    expect(preview).toMatchObject({ toSave: 1, unchanged: 1, canCommit: true });

    const audits = ctx.ledger.db.select().from(auditLog).all().length;
    expect(commitMonitoringImport(ctx, input)).toMatchObject({ saved: 1, unchanged: 1 });
    const form = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t4.id });
    expect(form.rows.map((r) => [r.currentValue, r.likelihood, r.deviationReason])).toEqual([
      ['520', 'certain', null],
      ['98%', 'certain', null],
      ['部分达成', 'possible', 'funding'],
      ['93', 'certain', null],
    ]);
    expect(form.rows[2]).toMatchObject({ explanation: '资金下半年到位', correctiveAction: '加快拨付', colour: 'yellow' });
    const actions = ctx.ledger.db
      .select()
      .from(auditLog)
      .all()
      .slice(audits)
      .map((a) => a.action);
    expect(actions).toEqual(['monitoring.saveForm', 'import.monitoringForms']);

    const again = commitMonitoringImport(ctx, input);
    expect(again).toMatchObject({ saved: 0, unchanged: 2 });
    expect(ctx.ledger.db.select().from(auditLog).all()).toHaveLength(audits + 2);
  });

  it('names every bad cell and writes nothing when one sheet is wrong', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const book = await load((await exportMonitoringTemplate(ctx, { roundId: s.may.id, unitId: s.deptB.id })).bytes);
    const p4 = book.getWorksheet('P4')!;
    fill(p4, '培训人次', ['200', null, '确定能', null, null, null]);
    fill(p4, '培训合格率', ['98', null, '也许', null, null, null]);
    fill(p4, '参训人员满意度', ['93', null, null, null, null, null]);
    const row = (name: string) => rowOf(p4, name);
    const input = { roundId: s.may.id, fileName: '监控表.xlsx', bytes: await save(book) };
    const preview = previewMonitoringImport(ctx, input);
    expect(preview.canCommit).toBe(false);
    expect(preview.errors.map((e) => e.message)).toEqual([
      `监控表.xlsx 工作表“P4”第 ${row('培训合格率')} 行 G 列（完成可能性）：“也许”不是有效的完成可能性，请填写 确定能、有可能、完全不可能 之一。`,
    ]);
    const fixedLikelihood = await load(input.bytes);
    fill(fixedLikelihood.getWorksheet('P4')!, '培训合格率', ['98', null, '确定能', null, null, null]);
    const second = { ...input, bytes: await save(fixedLikelihood) };
    const errors = previewMonitoringImport(ctx, second).errors.map((e) => e.message);
    expect(errors).toEqual([
      `监控表.xlsx 工作表“P4”第 ${row('培训人次')} 行 H 列（偏差原因）：“培训人次”当前为红灯，请填写偏差原因。`,
      `监控表.xlsx 工作表“P4”第 ${row('培训人次')} 行 I 列（原因说明）：“培训人次”当前为红灯，请填写原因说明。`,
      `监控表.xlsx 工作表“P4”第 ${row('参训人员满意度')} 行 G 列（完成可能性）：“参训人员满意度”已填写当前完成值，请填写完成可能性。`,
    ]);
    expect(() => commitMonitoringImport(ctx, second)).toThrow(ImportRejected);
    expect(monitoringForm(ctx, { roundId: s.may.id, targetId: s.t4.id }).filled).toBe(0);
  });

  it('refuses a sheet of another round, and ignores sheets that are not monitoring forms', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const book = await load((await exportMonitoringTemplate(ctx, { roundId: s.may.id, unitId: s.deptA.id })).bytes);
    book.addWorksheet('说明').getCell('A1').value = '本表由组织部填报';
    const bytes = await save(book);
    const august = listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.asOfMonth === 8)!;
    const preview = previewMonitoringImport(ctx, { roundId: august.id, fileName: '组织部.xlsx', bytes });
    expect(preview.errors[0]!.message).toBe(
      `组织部.xlsx 工作表“P1”第 2 行 C 列（台账识别码）：这张监控表属于 2023 年度“5月项目监控”，不是“8月项目监控”。请导入到对应的轮次，或导出“8月项目监控”的监控表重新填写。`,
    );
    expect(preview.ignoredSheets).toEqual([{ sheet: '说明', reason: expect.stringMatching(/不是绩效监控表/) }]);
    expect(previewMonitoringImport(ctx, { roundId: s.may.id, fileName: '组织部.xlsx', bytes })).toMatchObject({
      canCommit: true,
      unchanged: 2,
    });
  });
});

const BUREAU_FORMS: [string, FormVariant][] = [
  [
    '附件 and title rows, “单位：万元” under the title, a 合计 below the funds, 一级 merged',
    { unitWritten: 'title', amountsIn: '万元', fundsTotal: 'below', merged: true, points: false },
  ],
  [
    'no unit written anywhere and amounts in 元, 年度资金总额 above its sources, 一级 blank below',
    { unitWritten: 'none', amountsIn: '元', fundsTotal: 'above', merged: false, points: false },
  ],
  [
    'no unit written anywhere and amounts in 万元, 分值 under labels carrying theirs and a 合计',
    { unitWritten: 'none', amountsIn: '万元', fundsTotal: 'below', merged: true, points: true },
  ],
  [
    'the unit in the headers (元), the header repeated at a page break inside a merged 一级',
    { unitWritten: 'header', amountsIn: '元', fundsTotal: 'below', merged: true, points: true, pageBreakBefore: 1 },
  ],
  [
    '“单位：元” under the title, blank-below labels with 分值, a page break between 一级',
    { unitWritten: 'title', amountsIn: '元', fundsTotal: 'above', merged: false, points: true, pageBreakBefore: 2 },
  ],
  [
    'a 分值 小计 under each 一级, blank below, and a 合计',
    { unitWritten: 'title', amountsIn: '万元', fundsTotal: 'below', merged: false, points: true, subtotals: true },
  ],
];

describe('a form returned on the bureau’s own layout', () => {
  const writers = [
    ['SheetJS', async (v: FormVariant, code: string) => formXlsx(v, code)],
    ['exceljs', formExcelJs],
  ] as const;
  for (const [variant, layout] of BUREAU_FORMS) {
    for (const [writer, write] of writers) {
      it(`${variant} (${writer}): imports every entry exactly, noting nothing`, async () => {
        const ctx = freshContext({ year: 2023 });
        const s = setupRound(ctx);
        const input = {
          roundId: s.may.id,
          fileName: '农业农村局监控表.xlsx',
          bytes: await write(layout, monitoringIdCode(s.may.id, s.t3.id)),
        };
        const preview = previewMonitoringImport(ctx, input);
        expect(preview.errors).toEqual([]);
        expect(preview.warnings).toEqual([]);
        expect(preview.sheets.map((x) => [x.sheet, x.action, x.rows])).toEqual([['P3', 'save', 4]]);
        commitMonitoringImport(ctx, input);
        const form = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t3.id });
        expect(form.rows.map((r) => [r.currentValue, r.likelihood])).toEqual(FORM_ENTRIES);
        expect(form.rows[0]!.expectedValue).toBe('1200');
      });
    }
  }

  const SLIPS: [string, FormVariant, string, string, string][] = [
    [
      'the funds 合计’s 执行数 (万元 under the title)',
      { unitWritten: 'title', amountsIn: '万元', fundsTotal: 'below', merged: true, points: true, slip: { fundsExecutedFen: 9_800_000 } },
      'fundsTotal:执行数',
      '9.80',
      '9.90',
    ],
    [
      'the 年度资金总额’s 执行数 in 元 with no unit written',
      { unitWritten: 'none', amountsIn: '元', fundsTotal: 'above', merged: false, points: false, slip: { fundsExecutedFen: 9_800_000 } },
      'fundsTotal:执行数',
      '9.80',
      '9.90',
    ],
    [
      'the 分值 合计',
      {
        unitWritten: 'none',
        amountsIn: '万元',
        fundsTotal: 'below',
        merged: true,
        points: true,
        pageBreakBefore: 2,
        slip: { pointsTotal: 99 },
      },
      'pointsTotal',
      '99.00',
      '100.00',
    ],
    [
      'a merged 一级 label’s 分值',
      { unitWritten: 'header', amountsIn: '元', fundsTotal: 'below', merged: true, points: true, slip: { level1Points: { 产出指标: 40 } } },
      'label:产出指标',
      '40.00',
      '50.00',
    ],
    [
      'a blank-below 一级 label’s 分值',
      {
        unitWritten: 'title',
        amountsIn: '万元',
        fundsTotal: 'above',
        merged: false,
        points: true,
        slip: { level1Points: { 效益指标: 35 } },
      },
      'label:效益指标',
      '35.00',
      '30.00',
    ],
    [
      'a 一级’s 分值 小计',
      {
        unitWritten: 'none',
        amountsIn: '元',
        fundsTotal: 'below',
        merged: true,
        points: true,
        subtotals: true,
        slip: { subtotal: { 效益指标: 25 } },
      },
      'subtotal:效益指标',
      '25.00',
      '30.00',
    ],
  ];
  for (const [slip, layout, place, printed, computed] of SLIPS) {
    it(`reports a slip in ${slip} at its cell, and nothing else; the entries still import exactly`, async () => {
      const ctx = freshContext({ year: 2023 });
      const s = setupRound(ctx);
      const code = monitoringIdCode(s.may.id, s.t3.id);
      const input = { roundId: s.may.id, fileName: '监控表.xlsx', bytes: formXlsx(layout, code) };
      const at = buildForm(layout, code).places.get(place)!;
      const preview = previewMonitoringImport(ctx, input);
      expect(preview.errors).toEqual([]);
      expect(preview.warnings).toEqual([expect.objectContaining({ sheet: 'P3', row: at.row, column: at.column, printed, computed })]);
      expect(preview.warnings[0]!.message).toMatch(
        new RegExp(`^监控表\\.xlsx 工作表“P3”第 ${at.row} 行 ${at.column} 列（.+）：.*${printed}.*${computed}`),
      );
      commitMonitoringImport(ctx, input);
      const form = monitoringForm(ctx, { roundId: s.may.id, targetId: s.t3.id });
      expect(form.rows.map((r) => [r.currentValue, r.likelihood])).toEqual(FORM_ENTRIES);
    });
  }

  it('never reads 元 as the 万元 the title claims: the ledger’s figures contradict it, so the funds are not checked', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const layout: FormVariant = {
      unitWritten: 'title',
      amountsIn: '元',
      writtenUnit: '万元',
      fundsTotal: 'below',
      merged: true,
      points: false,
    };
    const input = { roundId: s.may.id, fileName: '监控表.xlsx', bytes: formXlsx(layout, monitoringIdCode(s.may.id, s.t3.id)) };
    const preview = previewMonitoringImport(ctx, input);
    expect(preview.errors).toEqual([]);
    expect(preview.warnings).toHaveLength(1);
    expect(preview.warnings[0]!.message).toMatch(
      /第 7 行 E 列（1-5月执行数）：文件写明的金额单位是万元，.*按元读才与台账一致.*资金合计未核对/,
    );
  });
});
