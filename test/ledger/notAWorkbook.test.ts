/**
 * A file that is not a workbook, picked in any import: a photo, a PDF, a Word document, text renamed
 * .xlsx, an .xlsx cut short. Every importer's preview answers with one message naming the file and what
 * it looks like — never a list of "找不到表头" lines — and a real workbook still opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch, type FileAccess } from '../../electron/bridge/dispatcher';
import { StagedFiles, type PickedFile } from '../../electron/bridge/fileExchange';
import { body, documentBytes, title } from '../../electron/formats/officialDocument';
import { readWorkbook } from '../../electron/formats/readWorkbook';
import { selectForEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { utf8Bytes, workbookBytes, xlsx } from '../fixtures/workbooks';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

const realWorkbook = xlsx([
  ['预算单位', '项目名称', '年初预算数（万元）'],
  ['县水利局', '农田水利设施维护', 12.5],
]);

/** A minimal but complete PDF, as a scanner or "print to PDF" writes one. */
const pdf = utf8Bytes(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  false,
);

async function notWorkbooks(): Promise<[PickedFile, string][]> {
  const docx = await documentBytes({ title: '评价报告', creator: '测试' }, [title('评价报告'), ...body('正文。')]);
  return [
    [{ name: '截图.xlsx', bytes: fs.readFileSync(path.join(__dirname, '../../assets/icon.png')) }, 'PNG 图片'],
    [{ name: '扫描件.xlsx', bytes: pdf }, 'PDF 文件'],
    [{ name: '报告.xlsx', bytes: docx }, 'Word 文档'],
    [{ name: '说明.xlsx', bytes: utf8Bytes('请各单位于 6 月底前报送监控表。\n联系人：张三\n', false) }, '文本文件'],
    [{ name: '半截.xlsx', bytes: realWorkbook.subarray(0, Math.floor(realWorkbook.length / 2)) }, '不完整的文件'],
  ];
}

const message = (name: string, kind: string) =>
  new RegExp(`^“${name.replace('.', '\\.')}”不是 Excel 工作簿（看起来是${kind}[^）]*）。请选择单位报送的 \\.xlsx 或 \\.xls 文件。$`);

describe('reading a file that is not a workbook', () => {
  it('names the file and what it appears to be', async () => {
    for (const [file, kind] of await notWorkbooks()) {
      expect(() => readWorkbook(file.bytes, file.name)).toThrow(message(file.name, kind));
    }
  });

  it('still opens real workbooks, old .xls, CSV and text under its own name', () => {
    expect(readWorkbook(realWorkbook, '项目.xlsx').sheets[0]!.rows[1]).toEqual(['县水利局', '农田水利设施维护', 12.5]);
    expect(readWorkbook(workbookBytes([{ name: '项目', rows: [['预算单位'], ['县水利局']] }], 'biff8'), '项目.xls').format).toBe('xls');
    expect(readWorkbook(utf8Bytes('预算单位,项目名称\n县水利局,维护\n', true), '项目.csv').sheets[0]!.rows[1]).toEqual([
      '县水利局',
      '维护',
    ]);
  });
});

describe('every importer, through the bridge', () => {
  it('answers each kind of non-workbook with the one message', async () => {
    // A year with a monitoring round and a key evaluation, so every importer has what it imports into.
    const ctx = freshContext({ year: 2023 });
    const { may, p1 } = setupRound(ctx);
    const round = may;
    const evaluation = selectForEvaluation(ctx, {
      year: 2023,
      subject: 'project',
      projectId: p1.id,
      selectionReason: '资金量大',
      evaluator: 'bureau',
      evaluatorName: null,
    });
    const previews: [string, Record<string, unknown>][] = [
      ['projects.importPreview', { year: 2023 }],
      ['indicators.importPreview', {}],
      ['targets.importPreview', { year: 2023 }],
      ['review.sheetImportPreview', { party: null }],
      ['review.table', { year: 2023 }],
      ['execution.importPreview', { roundId: round.id }],
      ['monitoring.importPreview', { roundId: round.id }],
      ['selfEvaluations.importPreview', { year: 2023 }],
      ['keyEvaluations.frameworkImportPreview', { id: evaluation.id }],
      ['keyEvaluations.templateImportPreview', {}],
      ['keyEvaluations.scoreSheetImportPreview', { id: evaluation.id }],
    ];
    for (const [file, kind] of await notWorkbooks()) {
      const access: FileAccess = {
        staged: new StagedFiles(),
        files: { openFile: async () => file, saveFile: async () => null, chooseFolder: async () => null },
      };
      for (const [call, input] of previews) {
        const answer = await dispatch(ctx, call, input, access);
        expect({ call, answer }).toEqual({
          call,
          answer: { ok: false, error: expect.objectContaining({ message: expect.stringMatching(message(file.name, kind)) }) },
        });
      }
    }
  });
});
