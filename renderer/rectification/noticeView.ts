import type { NoticeStatus } from '../../electron/rules/rectificationRules';

export const STATUS_COLOR: Record<NoticeStatus, string> = {
  draft: 'gray',
  issued: 'blue',
  answered: 'grape',
  closed: 'green',
  returned: 'orange',
};

/** The 逾期 cell: "逾期 12 天", "逾期反馈（迟 3 天）", or "否" — the same words as the exported list. */
export function overdueLabel(n: { overdue: boolean; daysOverdue: number; feedbackLateDays: number | null }): string {
  if (n.overdue) return `逾期 ${n.daysOverdue} 天`;
  if (n.feedbackLateDays) return `逾期反馈（迟 ${n.feedbackLateDays} 天）`;
  return '否';
}

/** "2023-06-16T02:00:00.000Z" → "2023-06-16 10:00" (Beijing time). */
export function atText(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().slice(0, 16).replace('T', ' ');
}
