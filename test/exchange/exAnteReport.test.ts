import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { expect, it } from 'vitest';
import { presetPoints, type ItemScore } from '../../electron/rules/exAnteScore';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import { createAssessment, finalizeAssessment, saveAssessment } from '../../electron/exAnte/exAnte';
import { exportExAnteReport, exportExAnteScoreSheet } from '../../electron/exAnte/exAnteReport';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { describeWithLibreOffice, docxToPdf, pdfFirstPagePng, pdfText } from '../fixtures/documents';
import { freshContext } from '../ledger/tempLedger';

const rules = DEFAULT_RULE_SET.exAnte;

function assessed() {
  const ctx = freshContext({ year: 2023 });
  const unit = createUnit(ctx, { name: '轮台县住房和城乡建设局', code: '120', parentId: null, classified: false });
  const project = createProject(ctx, {
    year: 2023,
    unitId: unit.id,
    code: '652822-23-0101',
    name: '2022年煤改电二期居民供暖设施入户改造工程',
    projectType: '重点建设项目',
    budgetKind: 'fund',
    initialBudgetFen: 3_480_200_000,
    continuity: 'new',
    majorPolicy: true,
  });
  const a = createAssessment(ctx, { year: 2023, projectId: project.id, subjectName: null, assessor: 'thirdParty' });
  const scores: ItemScore[] = rules.framework.flatMap((d, i) =>
    d.items.map((item, j) => {
      const rating = (i + j) % 3 === 0 ? '良' : '优';
      return {
        dimension: d.dimension,
        item: item.name,
        rating,
        points: presetPoints(rating, item.points, rules) - (rating === '良' ? 0.5 : 0),
        basis: `${item.name}评分依据：查阅立项批复和实施方案。`,
      };
    }),
  );
  saveAssessment(ctx, {
    id: a.id,
    assessor: 'thirdParty',
    assessorName: '新疆天正会计师事务所',
    recommendedBudgetFen: 3_200_000_000,
    workSummary: '评估组于 2022 年 11 月查阅资料、实地调研 3 个乡镇，并组织专家论证。',
    findings: '入户改造单价测算偏高。',
    suggestions: '按实际入户数核定资金。\n加强施工质量监管。',
    otherNotes: null,
    scores,
  });
  return { ctx, id: finalizeAssessment(ctx, { id: a.id }).id };
}

it('the scoring sheet lists every sub-item, the subtotals and the total with the conclusion', async () => {
  const { ctx, id } = assessed();
  const sheet = await exportExAnteScoreSheet(ctx, { id });
  const book = XLSX.read(sheet.bytes);
  const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1 });
  const total = rows.find((r) => r[0] === '合计')!;
  expect(total[2]).toBe(100);
  expect(total[4]).toBe(94);
  expect(String(total[5])).toContain('予以支持');
  expect(rows.filter((r) => String(r[0]).endsWith('小计'))).toHaveLength(5);
});

describeWithLibreOffice('the assessment report as a reader sees it', () => {
  it('opens in LibreOffice and reads the outline, the scores and the conclusion', async () => {
    const { ctx, id } = assessed();
    const report = await exportExAnteReport(ctx, { id });
    expect(report.fileName).toBe('2022年煤改电二期居民供暖设施入户改造工程事前绩效评估报告.docx');
    const pdf = docxToPdf(report.bytes, 'exante');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of [
      '一、评估对象基本情况',
      '二、评估工作开展情况',
      '三、综合评估情况与评估结论',
      '（一）立项必要性',
      '（五）筹资合规性',
      '四、相关建议',
      '五、其他需要说明的问题',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain('综合得分94.00分（满分100.00分），评估结论为“予以支持”');
    expect(text).toContain('建议安排预算3,200.00万元');
    expect(text).toContain('3,480.20万元');
    const out = path.join(process.cwd(), 'test-output', 'documents');
    fs.mkdirSync(out, { recursive: true });
    pdfFirstPagePng(pdf, path.join(out, '事前评估报告-第1页.png'));
  }, 120_000);
});
