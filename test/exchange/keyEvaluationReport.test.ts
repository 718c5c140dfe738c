import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { exportKeyEvaluationReport } from '../../electron/keyEvaluations/keyEvaluationReport';
import { getKeyEvaluation, listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { formatScore } from '../../electron/rules/numberFormat';
import { describeWithLibreOffice, docxToPdf, pdfFirstPagePng, pdfText } from '../fixtures/documents';
import { demoContext } from '../fixtures/demoLedger';

describeWithLibreOffice('the key-evaluation report as a reader sees it', () => {
  it('follows the outline and carries the scoring table, subtotals, total and grade as recorded', async () => {
    const ctx = demoContext();
    const row = listKeyEvaluations(ctx, { year: 2023 }).find((e) => e.name.includes('煤改电'))!;
    const evaluation = getKeyEvaluation(ctx, { id: row.id });
    const report = await exportKeyEvaluationReport(ctx, { id: row.id });
    const pdf = docxToPdf(report.bytes, 'key-evaluation');
    const text = pdfText(pdf).replace(/\s+/g, '');
    for (const part of [
      '一、基本情况',
      '二、评价工作开展情况',
      '三、综合评价情况及评价结论',
      '四、绩效评价指标分析',
      '（一）决策指标',
      '五、主要经验及做法、存在的问题及原因分析',
      '六、有关建议',
      '七、其他需要说明的问题',
    ]) {
      expect(text).toContain(part);
    }
    expect(text).toContain(`综合得分${formatScore(evaluation.total)}分，评价等级为“${evaluation.grade}”`);
    // Table cells wrap in the PDF's text, so each printed figure is looked for on its own.
    for (const l1 of evaluation.score.level1) {
      expect(text).toContain(`${l1.name}小计`);
      expect(text).toContain(`${l1.name}指标得分${formatScore(l1.score)}分（权重${formatScore(l1.weight)}分）`);
    }
    expect(text).toContain(formatScore(evaluation.total));
    const out = path.join(process.cwd(), 'test-output', 'documents');
    fs.mkdirSync(out, { recursive: true });
    pdfFirstPagePng(pdf, path.join(out, '重点评价报告-第1页.png'));
  }, 120_000);
});
