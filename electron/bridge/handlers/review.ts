/** Which service answers each of the area's bridge calls (calls/review.ts). */
import { reviewFindingsWorkbook } from '../../review/reviewFindingsWorkbook';
import { reviewTableInYear } from '../../review/tableReview';
import { type AreaHandlers, previewPickedFile, saveFile } from './fileSteps';
import type { reviewCalls } from '../calls/review';

export const reviewHandlers: AreaHandlers<typeof reviewCalls> = {
  'review.table': (ctx, input) =>
    previewPickedFile(ctx, '选择要审核的表格', (file) =>
      reviewTableInYear(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }),
    ),
  // The staged file is reviewed again (not the screen's copy of the findings) and kept, so it can be exported twice.
  'review.exportFindings': async (ctx, input) => {
    const file = ctx.staged.get(input.fileId);
    const review = reviewTableInYear(ctx, { year: input.year, fileName: file.name, bytes: file.bytes });
    const out = await reviewFindingsWorkbook(review, ctx.now());
    return saveFile(ctx, '导出审核意见', out.fileName, out.bytes, { findingCount: review.findings.length });
  },
};
