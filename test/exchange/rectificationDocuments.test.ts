/**
 * 整改通知 as files: the notices (.docx) read back through LibreOffice the way a unit would see them,
 * and the year's list workbook opened with SheetJS (rows) and exceljs (the overdue fill).
 */
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { HIGHLIGHT_FILL } from '../../electron/formats/styledWorkbook';
import {
  createNotice,
  draftNoticesFromWarnings,
  issueNotices,
  recordFeedback,
  reviewNotice,
} from '../../electron/rectification/rectification';
import { exportNoticeDocuments, exportNoticeList } from '../../electron/rectification/rectificationDocuments';
import { describeWithLibreOffice, docxToPdf, pdfFirstPagePng, pdfPageCount, pdfText } from '../fixtures/documents';
import { monitoredYear } from '../fixtures/notices';

/** Three issued notices: two to 教育局 (monitoring, evaluation), one to 农业农村局; one draft left. */
function issuedYear() {
  const year = monitoredYear();
  const { ctx, roundId, units } = year;
  const [classroom, rotation] = draftNoticesFromWarnings(ctx, { roundId });
  const evaluation = createNotice(ctx, {
    year: 2023,
    source: 'evaluation',
    projectId: year.projects.meals.id,
    unitId: units.education,
    findings: '部分学校食堂台账不完整。\n资金拨付滞后。',
    requirements: '完善食堂管理台账，按季度拨付资金。',
    deadline: '2023-07-31',
  });
  const draft = createNotice(ctx, {
    year: 2023,
    source: 'evaluation',
    unitId: units.agriculture,
    findings: '草稿问题',
    requirements: '草稿要求',
    deadline: '2023-08-31',
  });
  const issued = issueNotices(ctx, { ids: [classroom!.id, rotation!.id, evaluation.id] });
  return { ...year, classroom: issued[0]!, rotation: issued[1]!, evaluation: issued[2]!, draft };
}

it('refuses drafts and empty selections', async () => {
  const { ctx, draft, classroom } = issuedYear();
  await expect(exportNoticeDocuments(ctx, { ids: [classroom.id, draft.id], per: 'project' })).rejects.toThrow(
    '整改通知“草稿（轮台县农业农村局）”尚未下发，还没有文号，不能导出。请先下发。',
  );
  await expect(exportNoticeDocuments(ctx, { ids: [], per: 'unit' })).rejects.toThrow('请选择要导出的整改通知。');
});

it('the list workbook has every issued notice, overdue ones marked in a column and on a red fill', async () => {
  const { ctx, setClock, classroom, rotation } = issuedYear();
  setClock('2023-07-05T02:00:00Z');
  recordFeedback(ctx, { id: rotation.id, text: '已加快轮作补助发放。' });
  reviewNotice(ctx, { id: rotation.id, decision: 'close', text: '整改到位。' });
  setClock('2023-07-13T02:00:00Z');

  const file = await exportNoticeList(ctx, { year: 2023 });
  expect(file).toMatchObject({ fileName: '2023年度整改通知台账.xlsx', noticeCount: 3, overdueCount: 1 });
  const book = XLSX.read(file.bytes);
  expect(book.SheetNames).toEqual(['整改通知']);
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['整改通知']!, { header: 1, defval: '' });
  expect(rows[0]![0]).toBe('2023年度整改通知台账');
  expect(rows[1]![0]).toBe('编制单位：轮台县财政局　　统计日期：2023年7月13日　　已下发 3 件，其中逾期未反馈 1 件（红色底纹）');
  expect(rows[2]).toEqual([
    '文号',
    '预算单位',
    '项目',
    '来源',
    '发现问题',
    '整改要求',
    '整改期限',
    '状态',
    '是否逾期',
    '反馈情况',
    '办结日期',
  ]);
  const data = rows.slice(3);
  expect(data.map((r) => [r[0], r[1], r[2], r[3], r[6], r[7], r[8], r[9], r[10]])).toEqual([
    [
      '轮财绩整〔2023〕1号',
      '轮台县教育局',
      '2022年特殊教育资源教室采购项目',
      '绩效监控（5月项目监控）',
      '2023-07-01',
      '已下发',
      '逾期 12 天',
      '未反馈',
      '',
    ],
    [
      '轮财绩整〔2023〕2号',
      '轮台县农业农村局',
      '2022年耕地轮作补助项目',
      '绩效监控（5月项目监控）',
      '2023-07-01',
      '已办结',
      '逾期反馈（迟 4 天）',
      '2023-07-05：已加快轮作补助发放。',
      '2023-07-05',
    ],
    ['轮财绩整〔2023〕3号', '轮台县教育局', '农村义务教育学生营养改善计划', '绩效评价', '2023-07-31', '已下发', '否', '未反馈', ''],
  ]);
  expect(data[0]![4]).toBe(classroom.findings);
  expect(data[2]![5]).toBe('完善食堂管理台账，按季度拨付资金。');

  const excel = new ExcelJS.Workbook();
  await excel.xlsx.load(file.bytes as unknown as ExcelJS.Buffer);
  const sheet = excel.getWorksheet('整改通知')!;
  const fillOf = (row: number) => JSON.stringify(sheet.getCell(row, 2).fill ?? null);
  expect(fillOf(4)).toBe(JSON.stringify(HIGHLIGHT_FILL));
  expect(fillOf(5)).not.toBe(JSON.stringify(HIGHLIGHT_FILL));
  expect(sheet.getCell(4, 5).alignment?.wrapText).toBe(true);
});

describeWithLibreOffice('the notices as a unit reads them', () => {
  it('per project: one notice to a page with its 文号, unit, findings, requirements, deadline and the bureau', async () => {
    const { ctx, classroom, rotation } = issuedYear();
    const file = await exportNoticeDocuments(ctx, { ids: [rotation.id, classroom.id], per: 'project' });
    expect(file).toMatchObject({ fileName: '2023年度整改通知（2份）.docx', noticeCount: 2, letterCount: 2 });
    const pdf = docxToPdf(file.bytes, 'notices-per-project');
    const pages = pdfText(pdf)
      .split('\f')
      .map((p) => p.replace(/\s+/g, ''));
    // Each notice starts on a page of its own (a notice in 三号 仿宋 may run onto a second page).
    const second = pages.findIndex((p) => p.startsWith('关于2022年耕地轮作补助项目绩效监控发现问题的整改通知'));
    expect(second).toBeGreaterThan(0);
    expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2);
    const first = pages.slice(0, second).join('');
    expect(first).toContain('关于2022年特殊教育资源教室采购项目绩效监控发现问题的整改通知');
    expect(first).toContain('轮财绩整〔2023〕1号');
    expect(first).toContain('轮台县教育局：');
    expect(first).toContain('根据2023年5月项目监控结果，你单位实施的“2022年特殊教育资源教室采购项目”存在以下问题');
    for (const part of [
      '一、发现的问题',
      '截至5月底，执行率21.30%，目标完成率75.00%，偏离率53.70%，超过20%。',
      '“设备验收合格率”当前50，目标100，完成比50.00%',
      '二、整改要求',
      '纠偏措施',
      '三、反馈期限',
      '请于2023年7月1日前将整改情况书面反馈我局。',
      '轮台县财政局',
      '2023年6月16日',
    ]) {
      expect(first).toContain(part);
    }
    const rest = pages.slice(second).join('');
    expect(rest).toContain('轮财绩整〔2023〕2号');
    expect(rest).toContain('轮台县农业农村局：');
    expect(rest).not.toContain('轮财绩整〔2023〕1号');
    const out = path.join(process.cwd(), 'test-output', 'documents');
    fs.mkdirSync(out, { recursive: true });
    pdfFirstPagePng(pdf, path.join(out, '整改通知-按项目-第1页.png'));
  }, 120_000);

  it('per unit: one letter per unit listing its projects, their findings and deadlines', async () => {
    const { ctx, classroom, rotation, evaluation } = issuedYear();
    const file = await exportNoticeDocuments(ctx, { ids: [classroom.id, rotation.id, evaluation.id], per: 'unit' });
    expect(file).toMatchObject({ noticeCount: 3, letterCount: 2 });
    const pdf = docxToPdf(file.bytes, 'notices-per-unit');
    const text = pdfText(pdf).replace(/\s+/g, '');
    const education = text.slice(0, text.indexOf('轮台县农业农村局：'));
    expect(education).toContain('关于轮台县教育局项目绩效监控和绩效评价发现问题的整改通知');
    expect(education).toContain('轮财绩整〔2023〕1号、轮财绩整〔2023〕3号');
    expect(education).toContain('你单位以下2个项目存在问题');
    for (const part of [
      '（一）2022年特殊教育资源教室采购项目（轮财绩整〔2023〕1号）',
      '（二）农村义务教育学生营养改善计划（轮财绩整〔2023〕3号）',
      '部分学校食堂台账不完整。',
      '资金拨付滞后。',
      '完善食堂管理台账',
      '2022年特殊教育资源教室采购项目：2023年7月1日前',
      '农村义务教育学生营养改善计划：2023年7月31日前',
    ]) {
      expect(education).toContain(part);
    }
    expect(text).toContain('关于2022年耕地轮作补助项目绩效监控发现问题的整改通知');
    const out = path.join(process.cwd(), 'test-output', 'documents');
    pdfFirstPagePng(pdf, path.join(out, '整改通知-按单位-第1页.png'));
  }, 120_000);
});
