/** Bridge calls for 整改通知. */
import { z } from 'zod';
import type { NoticeDetail, NoticeRow } from '../../rectification/noticeList';
import { read, write, SAVE_XLSX, SAVE_DOCX, type SaveOutcome } from '../callSpec';
import { year, id, isoDate } from './fields';
import { NOTICE_SOURCES, NOTICE_STATUSES } from '../../../db/vocabulary';

/** Result shapes the renderer reads through the contract. */
export type { NoticeDetail, NoticeRow } from '../../rectification/noticeList';

const noticeText = (label: string) => z.string().trim().min(1, `请填写${label}`).max(4000, `${label}不超过 4000 个字`);

const noticeContent = { findings: noticeText('发现的问题'), requirements: noticeText('整改要求'), deadline: isoDate };

export const rectificationCalls = {
  'notices.list': read<NoticeRow[]>()(
    z.object({
      year,
      status: z.enum(NOTICE_STATUSES).optional(),
      unitId: z.number().int().positive().optional(),
      overdueOnly: z.boolean().optional(),
    }),
    '年度整改通知（可按状态、单位、是否逾期筛选）',
  ),
  'notices.get': read<NoticeDetail>()(z.object({ id: id('整改通知') }), '一份整改通知及其全部办理记录'),
  'notices.draftFromWarnings': write<NoticeRow[]>()(z.object({ roundId: id('监控轮次') }), '为偏离率超过阈值的项目起草整改通知'),
  'notices.create': write<NoticeRow>()(
    z.object({
      year,
      source: z.enum(NOTICE_SOURCES),
      roundId: z.number().int().positive().nullable(),
      projectId: z.number().int().positive().nullable(),
      unitId: id('预算单位'),
      ...noticeContent,
    }),
    '起草整改通知',
  ),
  'notices.update': write<NoticeRow>()(z.object({ id: id('整改通知'), ...noticeContent }), '修改草稿'),
  'notices.issue': write<NoticeRow[]>()(
    z.object({ ids: z.array(id('整改通知')).min(1, '请先勾选要下发的整改通知').max(1000) }),
    '下发整改通知（按顺序编文号，全部成功或全部不变）',
  ),
  'notices.feedback': write<NoticeDetail>()(z.object({ id: id('整改通知'), text: noticeText('整改反馈') }), '登记单位的整改反馈'),
  'notices.review': write<NoticeDetail>()(
    z.object({
      id: id('整改通知'),
      decision: z.enum(['close', 'return']),
      text: z.string().max(4000, '审核意见不超过 4000 个字'),
      deadline: isoDate.nullable().optional(),
    }),
    '审核整改反馈：办结或退回',
  ),
  'notices.exportDocuments': read<SaveOutcome<{ noticeCount: number; letterCount: number }>>()(
    z.object({ ids: z.array(id('整改通知')).min(1, '请先勾选要导出的整改通知').max(1000), per: z.enum(['unit', 'project']) }),
    '导出整改通知（Word，按单位或按项目）',
    SAVE_DOCX,
  ),
  'notices.exportList': read<SaveOutcome<{ noticeCount: number; overdueCount: number }>>()(
    z.object({ year }),
    '导出整改通知台账（xlsx）',
    SAVE_XLSX,
  ),
} as const;
