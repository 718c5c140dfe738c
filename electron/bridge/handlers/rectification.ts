/** Which service answers each of the area's bridge calls (calls/rectification.ts). */
import {
  createNotice,
  draftNoticesFromWarnings,
  issueNotices,
  recordFeedback,
  reviewNotice,
  updateNotice,
} from '../../rectification/rectification';
import { listNotices, noticeDetail } from '../../rectification/noticeList';
import { exportNoticeDocuments, exportNoticeList } from '../../rectification/rectificationDocuments';
import { DOCX_FILTERS } from '../fileExchange';
import { type AreaHandlers, saveFile } from './fileSteps';
import type { rectificationCalls } from '../calls/rectification';

export const rectificationHandlers: AreaHandlers<typeof rectificationCalls> = {
  'notices.list': listNotices,
  'notices.get': noticeDetail,
  'notices.draftFromWarnings': draftNoticesFromWarnings,
  'notices.create': createNotice,
  'notices.update': updateNotice,
  'notices.issue': issueNotices,
  'notices.feedback': recordFeedback,
  'notices.review': reviewNotice,
  'notices.exportDocuments': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportNoticeDocuments(ctx, input);
    return saveFile(ctx, '导出整改通知', fileName, bytes, summary, DOCX_FILTERS);
  },
  'notices.exportList': async (ctx, input) => {
    const { fileName, bytes, ...summary } = await exportNoticeList(ctx, input);
    return saveFile(ctx, '导出整改通知台账', fileName, bytes, summary);
  },
};
