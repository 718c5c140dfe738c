/**
 * 整改通知 (domain.md §5, §7): the notice's path, its 文号, and when it is overdue. Pure: the service
 * (services/rectification.ts) loads and saves, this file decides.
 *
 *   draft ──issue──▶ issued ──feedback──▶ answered ──close──▶ closed
 *                                          ▲   │
 *                               feedback   │   └──return──▶ returned
 *                                          └───────────────────┘
 *
 * Drafts are edited freely and carry no number; a number is assigned when the notice is issued and
 * never changes. After issue the content is fixed: what happens next is recorded as events.
 *
 * Overdue (decided here, shown by every list and export): a notice is overdue while the unit owes its
 * written feedback — status issued or returned — and the day it is judged on (today, or for a past
 * year the day its work ended: overdueAsOf) is after the deadline (the deadline day itself is on time). Once feedback is recorded the notice waits on the bureau, not the unit,
 * so it is no longer overdue; feedback that came after the deadline is reported separately as
 * "late feedback" (逾期反馈) so the record of lateness is not lost when the notice is answered or closed.
 */
import { COLOUR_LABELS } from './warningLines';
import type { WarningColour } from '../../db/vocabulary';

export const NOTICE_STATUS = {
  draft: '草稿',
  issued: '已下发',
  answered: '已反馈',
  closed: '已办结',
  returned: '已退回',
} as const;
export type NoticeStatus = keyof typeof NOTICE_STATUS;

export const NOTICE_SOURCE = { monitoring: '绩效监控', evaluation: '绩效评价' } as const;
export type NoticeSource = keyof typeof NOTICE_SOURCE;

export const NOTICE_EVENT = { issued: '下发', feedback: '单位反馈', closed: '审核办结', returned: '审核退回', edited: '修改' } as const;
export type NoticeEventKind = keyof typeof NOTICE_EVENT;

/** What a person can do to a notice. */
export const NOTICE_ACTION = { edit: '修改', issue: '下发', feedback: '登记反馈', close: '审核办结', return: '审核退回' } as const;
export type NoticeAction = keyof typeof NOTICE_ACTION;

/** Each action: the statuses it may start from and the status it leads to. */
const MOVES: Record<NoticeAction, { from: readonly NoticeStatus[]; to: NoticeStatus }> = {
  edit: { from: ['draft'], to: 'draft' },
  issue: { from: ['draft'], to: 'issued' },
  feedback: { from: ['issued', 'returned'], to: 'answered' },
  close: { from: ['answered'], to: 'closed' },
  return: { from: ['answered'], to: 'returned' },
};

/** The status an action leads to from `status`, or null when the action is not allowed there. */
export function nextStatus(status: NoticeStatus, action: NoticeAction): NoticeStatus | null {
  const move = MOVES[action];
  return move.from.includes(status) ? move.to : null;
}

export function canMove(from: NoticeStatus, to: NoticeStatus): boolean {
  return (Object.keys(MOVES) as NoticeAction[]).some((a) => a !== 'edit' && MOVES[a].to === to && MOVES[a].from.includes(from));
}

/** The actions open to a notice in `status`, in the order a screen shows them. */
export function allowedActions(status: NoticeStatus): NoticeAction[] {
  return (Object.keys(MOVES) as NoticeAction[]).filter((a) => MOVES[a].from.includes(status));
}

/**
 * Why an action is refused, for a clerk: `整改通知“轮财绩整〔2023〕3号”当前为“已办结”，不能登记反馈：
 * 只有“已下发”或“已退回”的通知可以登记反馈。` Null when the action is allowed.
 */
export function refusalOf(label: string, status: NoticeStatus, action: NoticeAction): string | null {
  if (nextStatus(status, action)) return null;
  const from = MOVES[action].from.map((s) => `“${NOTICE_STATUS[s]}”`).join('或');
  return `整改通知“${label}”当前为“${NOTICE_STATUS[status]}”，不能${NOTICE_ACTION[action]}：只有${from}的通知可以${NOTICE_ACTION[action]}。`;
}

// ---------------------------------------------------------------------------------------------------
// 文号

/**
 * 轮财绩整〔2023〕5号: the bureau's 发文字号前缀 (本局信息, rules/ledgerSettingsRules.ts), the year in 六角括号
 * 〔〕, the serial without leading zeros (GB/T 9704). When the bureau changes its prefix, numbers already
 * issued keep theirs, and `noticeSerial` reads the serial whatever the prefix was.
 */
export function noticeNumber(year: number, serial: number, prefix: string): string {
  return `${prefix}〔${year}〕${serial}号`;
}

/** The serial of a number of `year` ("轮财绩整〔2023〕12号" → 12), or null when it is not one. */
export function noticeSerial(number: string, year: number): number | null {
  const m = /〔(\d{4})〕(\d+)号$/.exec(number.trim());
  if (!m || Number(m[1]) !== year) return null;
  return Number(m[2]);
}

/** The next serial after the year's numbers already used (1 for the first notice of the year). */
export function nextSerial(usedNumbers: readonly string[], year: number): number {
  return usedNumbers.reduce((max, n) => Math.max(max, noticeSerial(n, year) ?? 0), 0) + 1;
}

// ---------------------------------------------------------------------------------------------------
// Deadlines and lateness. Dates are calendar days "YYYY-MM-DD".

/** Days given for written feedback when a draft is made from the warnings (today + 15). */
export const DEFAULT_FEEDBACK_DAYS = 15;

/** What a monitoring notice asks of the unit, before the bureau edits it. */
export const DEFAULT_REQUIREMENTS = [
  '1. 认真分析预算执行与绩效目标完成情况偏离的原因；',
  '2. 针对问题制定切实可行的纠偏措施，加快预算执行，确保年度绩效目标如期实现；',
  '3. 于反馈期限内将偏离原因、纠偏措施及落实情况书面反馈县财政局。',
].join('\n');

/** The bureau's calendar day at an instant: China Standard Time (UTC+8, no daylight saving). */
export function chinaDate(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** 2023-06-30 → 2023年6月30日, as notices write dates. */
export function writtenDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export interface NoticeTiming {
  status: NoticeStatus;
  /** 反馈期限, YYYY-MM-DD. */
  deadline: string;
  /** The day the latest feedback was recorded, if any. */
  lastFeedbackOn: string | null;
}

/**
 * The day a year's notices are judged overdue on. While the year runs, today. Once it has passed, the
 * later of its last day and the last thing recorded on its notices (feedback in the January after, say),
 * never after today: a 2023 notice read in 2026 shows how late it stood when the year's work ended,
 * not "逾期 1248 天". `lastRecordOn` is that latest record's day, null when there is none.
 */
export function overdueAsOf(year: number, today: string, lastRecordOn: string | null): string {
  const yearEnd = `${year}-12-31`;
  if (today <= yearEnd) return today;
  const judged = lastRecordOn && lastRecordOn > yearEnd ? lastRecordOn : yearEnd;
  return judged < today ? judged : today;
}

/** Days past the deadline while the unit still owes feedback; 0 when not overdue. */
export function overdueDays(notice: NoticeTiming, asOf: string): number {
  if (notice.status !== 'issued' && notice.status !== 'returned') return 0;
  return Math.max(0, daysBetween(notice.deadline, asOf));
}

/** Overdue: issued or returned, and the day judged on (overdueAsOf) is after the deadline with no feedback since. */
export function isOverdue(notice: NoticeTiming, asOf: string): boolean {
  return overdueDays(notice, asOf) > 0;
}

/** For an answered or closed notice: how many days after the deadline its latest feedback came; null when on time or none. */
export function feedbackLateDays(notice: NoticeTiming): number | null {
  if ((notice.status !== 'answered' && notice.status !== 'closed') || !notice.lastFeedbackOn) return null;
  const late = daysBetween(notice.deadline, notice.lastFeedbackOn);
  return late > 0 ? late : null;
}

/** The 是否逾期 cell of lists and screens: "逾期 12 天", "逾期反馈（迟 3 天）", or "否". */
export function overdueWords(daysOverdue: number, feedbackLate: number | null): string {
  if (daysOverdue > 0) return `逾期 ${daysOverdue} 天`;
  if (feedbackLate) return `逾期反馈（迟 ${feedbackLate} 天）`;
  return '否';
}

export function overdueText(notice: NoticeTiming, asOf: string): string {
  return overdueWords(overdueDays(notice, asOf), feedbackLateDays(notice));
}

// ---------------------------------------------------------------------------------------------------
// Findings drafted from the round's warnings

export interface WarningFact {
  colour: WarningColour;
  /** The line's headline figure (the deviation in points for line 3). */
  value: number | null;
  /** The sentence the warning list shows (rules/warningLines.ts). */
  text: string;
}

/**
 * 发现的问题 of a monitoring notice, one finding a line: the deviation against the year's threshold
 * ("截至5月底，执行率 21.3%，目标完成率 75%，偏离率 53.7%，超过 20%。"), then the execution line and
 * the indicators behind a red or yellow completion line, each as its warning explains itself.
 */
export function findingsFromWarnings(input: {
  month: number;
  threshold: number;
  deviation: WarningFact;
  execution?: WarningFact | null;
  completion?: WarningFact | null;
}): string {
  const clean = (t: string) => t.trim().replace(/[。；;，,\s]+$/u, '');
  // The stored sentence may carry the threshold of the day it was computed; say the year's threshold now.
  const deviation = clean(input.deviation.text.replace(/，超过[^，]*(，应下发整改通知)?$/u, ''));
  const lines = [`截至${input.month}月底，${deviation}，超过 ${input.threshold}%。`];
  const flagged = (f: WarningFact | null | undefined) => !!f && (f.colour === 'red' || f.colour === 'yellow');
  if (flagged(input.execution)) lines.push(`预算执行进度为${COLOUR_LABELS[input.execution!.colour]}：${clean(input.execution!.text)}。`);
  if (flagged(input.completion)) {
    const text = clean(input.completion!.text);
    const cut = text.indexOf('；');
    // "目标完成率 75%；“A”…；“B”…": the rate is already said above, the indicators are the finding.
    lines.push(`绩效目标完成情况为${COLOUR_LABELS[input.completion!.colour]}：${cut >= 0 ? text.slice(cut + 1) : text}。`);
  }
  return lines.join('\n');
}
