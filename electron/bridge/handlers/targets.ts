/** Which service answers each of the area's bridge calls (calls/targets.ts). */
import {
  approveTargets,
  completeByFinance,
  decideRound,
  listRounds,
  publishTargets,
  recordOpinion,
  submitForReview,
} from '../../targets/jointReview';
import { commitReviewSheetImport, previewReviewSheetImport } from '../../targets/reviewSheet';
import { exportReviewSheet } from '../../targets/reviewSheetExport';
import { commitTargetImport, previewTargetImport } from '../../targets/targetImport';
import { exportTargetPublication } from '../../targets/targetPublication';
import { exportTargetTemplate } from '../../targets/targetTemplate';
import { adjustTarget, createTarget, promoteIndicator, saveTarget } from '../../targets/targets';
import { targetDetail } from '../../targets/targetDetail';
import { listTargets } from '../../targets/targetList';
import { setSyncDate } from '../../targets/targetSync';
import { type AreaHandlers, previewPickedFile, commitStagedFile, saveFile } from './fileSteps';
import type { targetsCalls } from '../calls/targets';

export const targetsHandlers: AreaHandlers<typeof targetsCalls> = {
  'targets.list': listTargets,
  'targets.get': (ctx, input) => targetDetail(ctx, input.id),
  'targets.create': createTarget,
  'targets.save': saveTarget,
  'targets.adjust': adjustTarget,
  'targets.promoteIndicator': promoteIndicator,
  'targets.setSyncDate': setSyncDate,
  'targets.templateExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportTargetTemplate(ctx, input);
    return saveFile(ctx, '导出绩效目标申报模板', fileName, bytes, summary);
  },
  'targets.importPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择填好的绩效目标申报表', (file) =>
      previewTargetImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }),
    ),
  'targets.importCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) => commitTargetImport(ctx, { year: input.year, fileName: file.name, bytes: file.bytes })),
  'targets.publicationExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportTargetPublication(ctx, input);
    return saveFile(ctx, '导出绩效目标公开表', fileName, bytes, summary);
  },
  'review.sheetExport': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportReviewSheet(ctx, input);
    return saveFile(ctx, '导出会审意见表', fileName, bytes, summary);
  },
  'review.sheetImportPreview': (ctx, input) =>
    previewPickedFile(ctx, '选择填好的会审意见表', (file) =>
      previewReviewSheetImport(ctx, { fileName: file.name, bytes: file.bytes, party: input.party }),
    ),
  'review.sheetImportRepreview': (ctx, input) => {
    const file = ctx.staged.get(input.fileId);
    return previewReviewSheetImport(ctx, { fileName: file.name, bytes: file.bytes, party: input.party });
  },
  'review.sheetImportCommit': (ctx, input) =>
    commitStagedFile(ctx, input.fileId, (file) =>
      commitReviewSheetImport(ctx, { fileName: file.name, bytes: file.bytes, party: input.party }),
    ),
  'review.submit': submitForReview,
  'review.rounds': listRounds,
  'review.recordOpinion': recordOpinion,
  'review.decide': decideRound,
  'review.completeByFinance': completeByFinance,
  'review.approve': approveTargets,
  'review.publish': publishTargets,
};
