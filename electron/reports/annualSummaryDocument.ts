/**
 * 年度绩效工作情况 as a Word document in the official layout (formats/officialDocument.ts): the title, the
 * parts under 一、二、, the sections under （一）（二）, each paragraph as the draft words it (the bureau's
 * prose and the computed sentences run together), then 发文机关 and 成文日期.
 */
import { body, documentBytes, heading1, heading2, signature, subtitle, title, type Block } from '../formats/officialDocument';
import type { ServiceContext } from '../ledger/context';
import type { GeneratedFile } from '../exAnte/exAnteReport';
import { annualSummaryDraft, paragraphText } from './annualSummaryDraft';

export async function exportAnnualSummary(ctx: ServiceContext, input: { year: number }): Promise<GeneratedFile> {
  const draft = annualSummaryDraft(ctx, input);
  const blocks: Block[] = [
    title(draft.title),
    subtitle(draft.subtitle),
    ...draft.parts.flatMap((part) => [
      heading1(part.heading),
      ...part.sections.flatMap((section) => [
        ...(section.heading ? [heading2(section.heading)] : []),
        ...section.paragraphs.flatMap((p) => body(paragraphText(p))),
      ]),
    ]),
    ...signature([draft.signature.bureauLine, draft.signature.date.text]),
  ];
  return {
    fileName: `${draft.year}年度预算绩效工作情况.docx`,
    bytes: await documentBytes({ title: `${draft.year}年度${draft.title}`, creator: draft.signature.bureauLine }, blocks),
  };
}
