import { chinaDate, overdueWords, writtenDate, type NoticeStatus } from '../../electron/rules/rectificationRules';

export const STATUS_COLOR: Record<NoticeStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  answered: 'grape',
  closed: 'green',
  returned: 'orange',
};

/** The 逾期 cell, in the same words as the exported list (rules: overdueWords). */
export function overdueLabel(n: { daysOverdue: number; feedbackLateDays: number | null }): string {
  return overdueWords(n.daysOverdue, n.feedbackLateDays);
}

/**
 * For a past year, the day its notices are judged overdue on ("逾期按 2023年12月31日 计算"); empty while
 * the year runs, when that day is today.
 */
export function overdueAsOfNote(asOf: string | undefined): string {
  return asOf && asOf < chinaDate(new Date()) ? `逾期天数按 ${writtenDate(asOf)} 计算（本年度整改工作已结束）` : '';
}

/** "2023-06-16T02:00:00.000Z" → "2023-06-16 10:00" (Beijing time). */
export function atText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
}
