/**
 * One program, many bureaus: a second county's ledger (温宿县, its own 本局信息) numbers, signs and
 * lists its notices with its own name and prefix — nothing of the demo county (轮台县) leaks in. The
 * Word notices are read back through LibreOffice the way the unit would see them.
 */
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { createAssessment } from '../../electron/exAnte/exAnte';
import { exportExAnteScoreSheet } from '../../electron/exAnte/exAnteReport';
import { draftNoticesFromWarnings, issueNotices } from '../../electron/rectification/rectification';
import { exportNoticeDocuments, exportNoticeList } from '../../electron/rectification/rectificationDocuments';
import { describeWithLibreOffice, docxToPdf, pdfText } from '../fixtures/documents';
import { monitoredYear } from '../fixtures/notices';

const WENSU = { county: '温宿县', noticePrefix: '温财绩整' };

function wensuNotices() {
  const year = monitoredYear({ bureau: WENSU });
  const drafts = draftNoticesFromWarnings(year.ctx, { roundId: year.roundId });
  const issued = issueNotices(year.ctx, { ids: drafts.map((d) => d.id) });
  return { ...year, issued };
}

it('numbers its notices with its own prefix and lists them under its own name', async () => {
  const { ctx, issued } = wensuNotices();
  expect(issued.map((n) => n.number)).toEqual(['温财绩整〔2023〕1号', '温财绩整〔2023〕2号']);
  const list = await exportNoticeList(ctx, { year: 2023 });
  const rows = XLSX.utils.sheet_to_json<string[]>(XLSX.read(list.bytes).Sheets['整改通知']!, { header: 1, defval: '' });
  expect(rows[1]![0]).toMatch(/^编制单位：温宿县财政局　　统计日期：2023年6月16日/);
  expect(JSON.stringify(rows)).not.toMatch(/轮台|轮财/);
});

it('an ex-ante assessment by the bureau names it as the assessor', async () => {
  const { ctx, projects } = monitoredYear({ bureau: WENSU });
  const a = createAssessment(ctx, { year: 2023, projectId: projects.classroom.id, subjectName: null, assessor: 'bureau' });
  const sheet = await exportExAnteScoreSheet(ctx, { id: a.id });
  const book = XLSX.read(sheet.bytes);
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, defval: '' });
  expect(rows[1]![0]).toMatch(/^评估方：温宿县财政局/);
});

describeWithLibreOffice('the second bureau’s notices as its units read them', () => {
  it('are signed by 温宿县财政局, never by 轮台县财政局', async () => {
    const { ctx, issued } = wensuNotices();
    const file = await exportNoticeDocuments(ctx, { ids: issued.map((n) => n.id), per: 'unit' });
    expect(file.letterCount).toBe(2);
    const text = pdfText(docxToPdf(file.bytes, 'wensu-notices')).replace(/\s+/g, '');
    expect(text).toContain('温宿县教育局：');
    expect(text).toContain('温财绩整〔2023〕1号');
    // Both letters, each signed (落款) with the ledger's own bureau.
    expect(text.match(/温宿县财政局2023年6月16日/g)).toHaveLength(2);
    expect(text).not.toContain('轮台县财政局');
    expect(text).not.toContain('轮财绩整');
  }, 120_000);
});
