/** Bridge calls for 报表: the year's figures and the annual summary, computed by the same services as the command line's reports. */
import { z } from 'zod';
import type { YearSummaryReport } from '../../reports/yearSummary';
import type { AnnualSummaryDraft } from '../../reports/annualSummaryDraft';
import type { SummaryText } from '../../reports/annualSummaryTexts';
import { summaryTextProblem } from '../../rules/summaryTextRules';
import { read, write, SAVE_DOCX, type SaveOutcome } from '../callSpec';
import { year } from './fields';
import { SUMMARY_TEXT_SLOTS } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { YearSummaryReport } from '../../reports/yearSummary';
export type { RecordRef } from '../../reports/recordRef';
export type { AnnualSummaryDraft, SummaryPart, SummaryPiece, SummarySection } from '../../reports/annualSummaryDraft';
export type { SummaryText } from '../../reports/annualSummaryTexts';

/** One of the bureau's paragraphs as the form sends it; null puts the default wording back. */
const summaryTextInput = z
  .object({
    year,
    slot: z.enum(SUMMARY_TEXT_SLOTS, { error: '没有这个段落，请刷新后重试' }),
    text: z.string({ error: '段落须为文字' }).nullable(),
  })
  .superRefine((value, ctx) => {
    const problem = value.text === null ? null : summaryTextProblem(value.text);
    if (problem) ctx.addIssue({ code: 'custom', path: ['text'], message: problem });
  });

export const reportsCalls = {
  'reports.yearSummary': read<YearSummaryReport>()(z.object({ year }), '年度概况：单位数、项目数，按预算类型和主管部门汇总的年初预算'),
  'reports.annualSummary': read<AnnualSummaryDraft>()(
    z.object({ year }),
    '年度绩效工作情况：按本局的写法逐节起草，每个数字由台账记录计算并附构成记录',
  ),
  'reports.saveSummaryText': write<SummaryText>()(summaryTextInput, '保存年度绩效工作情况中本局自己撰写的段落（或恢复默认文字）'),
  'reports.exportAnnualSummary': read<SaveOutcome<null>>()(z.object({ year }), '导出年度绩效工作情况（docx，公文格式）', SAVE_DOCX),
} as const;
