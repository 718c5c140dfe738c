/**
 * 年度绩效工作情况 on the demo county (轮台县 2023, with 2022 self-evaluated): the draft states what the
 * records hold — 26 类 310 条, five ex-ante assessments all 支持, the monitoring round held, 10 key
 * evaluations of 13170.99 万元 (优 7, 良 3), 2022's self-evaluations and their results applied — each
 * figure with the records it counts; a changed record changes its sentence; a sentence without records
 * says so; the bureau's paragraphs are saved per year and audited; the Word document reads back with its
 * headings and figures; `report summary` prints the same figures.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { recentAudit } from '../../electron/ledger/audit';
import { listIndicators, retireIndicator } from '../../electron/indicators/indicators';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { roundSummary } from '../../electron/monitoring/warnings';
import { listNotices } from '../../electron/rectification/noticeList';
import {
  annualSummaryDraft,
  figuresWithoutRecords,
  paragraphText,
  type AnnualSummaryDraft,
} from '../../electron/reports/annualSummaryDraft';
import { exportAnnualSummary } from '../../electron/reports/annualSummaryDocument';
import { saveSummaryText } from '../../electron/reports/annualSummaryTexts';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { KEY_EVALUATION_PROJECTS } from '../../scripts/demo/luntai2023';
import { cliJson, cliRunner } from '../fixtures/cli';
import { describeWithLibreOffice, docxToPdf, pdfText } from '../fixtures/documents';
import { freshContext, tempFolder } from './tempLedger';

const run = cliRunner();

/** The section's paragraphs as one text each. */
function sectionText(draft: AnnualSummaryDraft, heading: string): string {
  const section = draft.parts.flatMap((p) => p.sections).find((s) => s.heading?.startsWith(heading));
  if (!section) throw new Error(`草稿中没有“${heading}”一节`);
  return section.paragraphs.map(paragraphText).join('\n');
}

/** A figure of the draft by its title's beginning. */
function figure(draft: AnnualSummaryDraft, title: string) {
  const found = draft.parts
    .flatMap((p) => p.sections.flatMap((s) => s.paragraphs.flat()))
    .find((piece) => piece.kind === 'figure' && piece.title.startsWith(title));
  if (!found || found.kind !== 'figure') throw new Error(`草稿中没有“${title}”这个数字`);
  return found;
}

describe('年度绩效工作情况 on the demo county', () => {
  const ctx = freshContext();
  buildDemoLedger(ctx, { year: 2023, previousYear: true });
  const draft = annualSummaryDraft(ctx, { year: 2023 });

  it('follows the bureau’s outline: 一、完成情况 with （一）…（六）, 二、下一年度工作安排, signed by the bureau', () => {
    expect(draft.parts.map((p) => p.heading)).toEqual(['一、2023 年预算绩效完成情况', '二、2024 年预算绩效工作安排']);
    expect(draft.parts[0]!.sections.map((s) => s.heading!.slice(0, 3))).toEqual([
      '（一）',
      '（二）',
      '（三）',
      '（四）',
      '（五）',
      '（六）',
    ]);
    expect(draft.signature.bureauName).toBe('轮台县财政局');
    expect(draft.signature.date.text).toBe('2024年1月　日');
  });

  it('states the indicator library as the bureau does, 26 类 310 条, with the 310 indicators behind it', () => {
    expect(sectionText(draft, '（二）')).toContain('目前共收录 26 类 310 条共性指标。');
    const f = figure(draft, '共性指标库');
    expect(f.text).toBe('26 类 310 条');
    expect(f.records).toHaveLength(310);
    expect(new Set(f.records.map((r) => r.detail.split(' · ')[0])).size).toBe(26);
  });

  it('states the targets through 三方联合会审 and the 五个同步, from the targets', () => {
    const text = sectionText(draft, '（二）');
    expect(text).toContain('2023 年对 322 个绩效目标（项目 272 个、部门整体 50 个）开展三方联合会审');
    expect(text).toContain('会审结果为“优”227 个、“良”95 个，其中 12 个经退回修改后重新会审；已批复 322 个。');
    expect(figure(draft, '三方联合会审的绩效目标').records).toHaveLength(322);
    expect(sectionText(draft, '（三）')).toContain('已随预算公开 315 个（涉密单位 7 个不公开）。');
  });

  it('states five ex-ante assessments, all 予以支持, each linked to its project', () => {
    expect(sectionText(draft, '（三）')).toContain('2023 年我县共开展 5 个项目事前绩效评估工作，审核结果均为“予以支持”。');
    const f = figure(draft, '事前绩效评估');
    expect(f.records).toHaveLength(5);
    for (const r of f.records) {
      expect(r.projectId).not.toBeNull();
      expect(r.detail).toContain('予以支持');
    }
  });

  it('states the coverage of the monitoring round held, its red warnings and the notices above the year’s 20% threshold', () => {
    const may = roundSummary(ctx, { roundId: findRound(ctx, 2023, '5月项目监控').id });
    const issued = listNotices(ctx, { year: 2023 }).filter((n) => n.source === 'monitoring' && n.status !== 'draft');
    const text = sectionText(draft, '（四）');
    expect(text).toContain(`2023 年对全县 ${may.unitsCovered} 个部门单位、${may.projectsCovered} 个项目开展绩效监控工作`);
    expect(`${may.unitsCovered}/${may.projectsCovered}`).toBe('110/272');
    expect(text).toContain('“6月部门整体监控”“8月项目监控”尚未录入监控数据');
    expect(text).toContain(`偏离率大于 20% 的项目 ${may.noticeDue} 个`);
    expect(text).toContain(`对偏离度大于 20% 的项目单位及时下发整改通知 ${issued.length} 份（已办结 ${may.notices.closed} 份）`);
    expect(figure(draft, '绩效监控覆盖的项目').records).toHaveLength(272);
    expect(figure(draft, '已下发的监控整改通知').records).toHaveLength(issued.length);
  });

  it('states 2022’s self-evaluations and 部门评价 and the results applied to 2023, from those records', () => {
    const text = sectionText(draft, '（五）');
    expect(text).toContain('已按照绩效管理要求对全县 109 个部门单位、292 个项目开展 2022 年度绩效自评及部门评价工作（部门评价 12 个）');
    expect(text).toContain('评价等级为“优”213 个、“良”47 个、“中”32 个、“差”12 个');
    expect(text).toMatch(
      /评价结果应用至 2023 年度预算编制中，共 89 项，收回资金 [\d.]+ 万元、清理结转结余资金 [\d.]+ 万元、调减预算 [\d.]+ 万元/,
    );
    expect(figure(draft, '2022 年度绩效自评').records).toHaveLength(292);
    expect(figure(draft, '2022 年度评价结果应用').records).toHaveLength(89);
  });

  it('states the ten key evaluations: 13170.99 万元, their names, 优 7 and 良 3', () => {
    const text = sectionText(draft, '（六）');
    expect(text).toContain('对 10 个项目开展重点项目绩效评价，涉及资金 13170.99 万元，分别为');
    expect(text).toContain('评价结果等级为“优”的项目 7 个，等级为“良”的项目 3 个。');
    for (const name of KEY_EVALUATION_PROJECTS) expect(text).toContain(name);
    expect(figure(draft, '重点绩效评价等级“优”').records).toHaveLength(7);
    expect(figure(draft, '重点绩效评价涉及资金').records).toHaveLength(10);
  });

  it('says plainly what the ledger lacks instead of stating a figure', () => {
    const before = annualSummaryDraft(ctx, { year: 2022 });
    expect(sectionText(before, '（五）')).toContain('台账中尚未录入 2021 年度的绩效自评和部门评价，自评情况待录入后生成。');
    expect(sectionText(before, '（六）')).toContain('2022 年度尚未录入定稿的财政重点绩效评价。');
    expect(sectionText(before, '（三）')).toContain('2022 年度尚未录入定稿的事前绩效评估。');

    const empty = annualSummaryDraft(freshContext({ year: 2024 }), { year: 2024 });
    expect(sectionText(empty, '（二）')).toContain('台账中尚未录入共性指标库');
    expect(sectionText(empty, '（二）')).toContain('2024 年度尚未录入三方联合会审记录');
    expect(sectionText(empty, '（四）')).toContain('2024 年度尚未录入绩效监控数据（执行数据或监控表）');
    expect(empty.signature.bureauLine).toBe('（财政局名称未填写，请在“设置 → 本局信息”中填写）');
    const figures = empty.parts.flatMap((p) => p.sections.flatMap((s) => s.paragraphs.flat())).filter((x) => x.kind === 'figure');
    expect(figures).toEqual([]);
  });

  it('is the same draft through the bridge’s read-only call', async () => {
    const answer = await dispatch(ctx, 'reports.annualSummary', { year: 2023 });
    expect(answer).toEqual({ ok: true, value: annualSummaryDraft(ctx, { year: 2023 }) });
  });

  it('prints the draft’s figures in `report summary`, beside the year at a glance', async () => {
    const json = await run('report', 'summary', '--ledger', ctx.ledger.file, '--year', '2023', '--json');
    expect(json.code).toBe(0);
    expect(cliJson(json).annualSummary).toEqual(figuresWithoutRecords(annualSummaryDraft(ctx, { year: 2023 }).figures));
    expect(cliJson(json).annualSummary.keyEvaluations).toMatchObject({ evaluations: { count: 10 }, coveredFen: 13_170_990_000 });

    const text = (await run('report', 'summary', '--ledger', ctx.ledger.file, '--year', '2023')).out.split('\n');
    expect(text).toContain('2023 年度绩效工作情况（由台账计算的句子）：');
    expect(text).toContain('  目前共收录 26 类 310 条共性指标。');
    expect(text).toContain('  2023 年我县共开展 5 个项目事前绩效评估工作，审核结果均为“予以支持”。');
  });

  describeWithLibreOffice('the Word document', () => {
    it('reads back through LibreOffice with the bureau’s headings, the figures and the signature', async () => {
      const file = await exportAnnualSummary(ctx, { year: 2023 });
      expect(file.fileName).toBe('2023年度预算绩效工作情况.docx');
      const text = pdfText(docxToPdf(file.bytes, 'annual-summary')).replace(/\s+/g, '');
      for (const expected of [
        '本级汇总的预算绩效情况说明',
        '一、2023年预算绩效完成情况',
        '（一）建章立制，夯实绩效管理工作基础',
        '（四）全面实施绩效监控，充分发挥“事中”纠偏作用',
        '（六）突出重点项目管理，做好决策指南针',
        '二、2024年预算绩效工作安排',
        '目前共收录26类310条共性指标',
        '共开展5个项目事前绩效评估工作，审核结果均为“予以支持”',
        '对全县110个部门单位、272个项目开展绩效监控工作',
        '对10个项目开展重点项目绩效评价，涉及资金13170.99万元',
        '评价结果等级为“优”的项目7个，等级为“良”的项目3个',
        '轮台县财政局2024年1月日',
      ])
        expect(text).toContain(expected);
    });

    it('is written by `export annual-summary` on the command line', async () => {
      const out = path.join(tempFolder(), '情况说明.docx');
      const result = await run('export', 'annual-summary', '--ledger', ctx.ledger.file, '--year', '2023', '--out', out);
      expect(result.code).toBe(0);
      expect(pdfText(docxToPdf(fs.readFileSync(out), 'cli')).replace(/\s+/g, '')).toContain('涉及资金13170.99万元');
    });
  });

  // The tests below change the ledger: they run last.

  it('changes its sentence when a record changes: a retired indicator leaves the count', () => {
    const one = listIndicators(ctx).find((i) => i.retiredAt === null)!;
    retireIndicator(ctx, { id: one.id });
    const after = annualSummaryDraft(ctx, { year: 2023 });
    expect(sectionText(after, '（二）')).toContain('目前共收录 26 类 309 条共性指标。');
    expect(figure(after, '共性指标库').records.map((r) => r.label)).not.toContain(one.name);
  });

  it('keeps the bureau’s own wording per year, audited, and puts the default back on request', async () => {
    const wording = '一是县政府成立预算绩效管理工作领导小组，统筹推进全面实施预算绩效管理。';
    saveSummaryText(ctx, { year: 2023, slot: 'foundation', text: `  ${wording}  ` });
    const edited = annualSummaryDraft(ctx, { year: 2023 });
    expect(sectionText(edited, '（一）')).toBe(wording);
    expect(sectionText(annualSummaryDraft(ctx, { year: 2022 }), '（一）')).not.toBe(wording);
    expect(recentAudit(ctx, 1)[0]).toMatchObject({
      action: 'summaryText.save',
      entity: 'summary_text',
      entityId: '2023:foundation',
      actor: '测试员',
    });
    expect(JSON.parse(recentAudit(ctx, 1)[0]!.after!)).toEqual({ text: wording, edited: true });

    const refused = await dispatch(ctx, 'reports.saveSummaryText', { year: 2023, slot: 'foundation', text: '   ' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { text: '段落不能为空；如要用回默认文字，请点“恢复默认”' } },
    });

    const reset = saveSummaryText(ctx, { year: 2023, slot: 'foundation', text: null });
    expect(reset.edited).toBe(false);
    expect(sectionText(annualSummaryDraft(ctx, { year: 2023 }), '（一）')).toContain('一是为推动预算绩效形成“全县一盘棋');
    expect(recentAudit(ctx, 1)[0]).toMatchObject({ action: 'summaryText.reset', entityId: '2023:foundation' });
  });
});
