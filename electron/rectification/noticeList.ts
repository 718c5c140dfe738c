/**
 * Reading 整改通知: the list and one notice with its history, each row with its overdue state judged on
 * the day that makes sense for its year (rules: overdueAsOf). The writes are in rectification.ts.
 */
import { and, asc, eq, inArray, max, type SQL } from 'drizzle-orm';
import { budgetUnits, monitoringRounds, noticeEvents, projects, rectificationNotices } from '../../db/schema';
import {
  allowedActions,
  chinaDate,
  feedbackLateDays,
  NOTICE_EVENT,
  NOTICE_SOURCE,
  NOTICE_STATUS,
  noticeSerial,
  overdueAsOf,
  overdueDays,
  type NoticeAction,
  type NoticeEventKind,
  type NoticeSource,
  type NoticeStatus,
} from '../rules/rectificationRules';
import type { ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';

export interface NoticeEventRow {
  id: number;
  kind: NoticeEventKind;
  kindLabel: string;
  at: string;
  actor: string;
  text: string;
}

export interface NoticeRow {
  id: number;
  year: number;
  /** 文号; null while a draft. */
  number: string | null;
  /** How people name the notice: its 文号, or "草稿（项目名）". */
  label: string;
  source: NoticeSource;
  sourceLabel: string;
  roundId: number | null;
  roundName: string | null;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  unitId: number;
  unitName: string;
  findings: string;
  requirements: string;
  /** 反馈期限, YYYY-MM-DD. */
  deadline: string;
  status: NoticeStatus;
  statusLabel: string;
  issuedAt: string | null;
  closedAt: string | null;
  /** The unit owes feedback and the deadline has passed by `overdueAsOf` (rules/rectificationRules.ts). */
  overdue: boolean;
  daysOverdue: number;
  /** The day overdue is judged on: today, or for a past year the day its work ended. */
  overdueAsOf: string;
  /** Answered or closed, but the latest feedback came this many days after the deadline; null when on time. */
  feedbackLateDays: number | null;
  /** The latest feedback's text and when it was recorded. */
  lastFeedback: { at: string; text: string } | null;
  lastEvent: NoticeEventRow | null;
  updatedAt: string;
}

export interface NoticeDetail extends NoticeRow {
  /** Oldest first. */
  events: NoticeEventRow[];
  actions: NoticeAction[];
}

export interface NoticeListInput {
  year: number;
  status?: NoticeStatus;
  unitId?: number;
  overdueOnly?: boolean;
}

export function listNotices(ctx: ServiceContext, input: NoticeListInput): NoticeRow[] {
  const where: SQL[] = [eq(rectificationNotices.year, input.year)];
  if (input.status) where.push(eq(rectificationNotices.status, input.status));
  if (input.unitId != null) where.push(eq(rectificationNotices.unitId, input.unitId));
  const rows = selectNotices(ctx, and(...where)!);
  return input.overdueOnly ? rows.filter((r) => r.overdue) : rows;
}

export function noticeDetail(ctx: ServiceContext, input: { id: number }): NoticeDetail {
  const row = selectNotices(ctx, eq(rectificationNotices.id, input.id))[0];
  if (!row) throw new LedgerError('notice_missing', '该整改通知不存在，请刷新后重试。');
  return { ...row, events: eventsOf(ctx, [row.id]).get(row.id) ?? [], actions: allowedActions(row.status) };
}

/** Today's date for the bureau (China Standard Time) by the context's clock. */
export function todayOf(ctx: ServiceContext): string {
  return chinaDate(ctx.now());
}

/** The day a year's notices are judged overdue on (rules: overdueAsOf), given its last notice record. */
export function noticesOverdueAsOf(ctx: ServiceContext, year: number): string {
  const last = ctx.ledger.db
    .select({ at: max(noticeEvents.at) })
    .from(noticeEvents)
    .innerJoin(rectificationNotices, eq(rectificationNotices.id, noticeEvents.noticeId))
    .where(eq(rectificationNotices.year, year))
    .get();
  return overdueAsOf(year, todayOf(ctx), last?.at ? chinaDate(new Date(last.at)) : null);
}

export function selectNotices(ctx: ServiceContext, where: SQL): NoticeRow[] {
  const rows = ctx.ledger.db
    .select({
      id: rectificationNotices.id,
      year: rectificationNotices.year,
      number: rectificationNotices.number,
      source: rectificationNotices.source,
      roundId: rectificationNotices.roundId,
      roundName: monitoringRounds.name,
      projectId: rectificationNotices.projectId,
      projectCode: projects.code,
      projectName: projects.name,
      unitId: rectificationNotices.unitId,
      unitName: budgetUnits.name,
      findings: rectificationNotices.findings,
      requirements: rectificationNotices.requirements,
      deadline: rectificationNotices.deadline,
      status: rectificationNotices.status,
      issuedAt: rectificationNotices.issuedAt,
      closedAt: rectificationNotices.closedAt,
      updatedAt: rectificationNotices.updatedAt,
    })
    .from(rectificationNotices)
    .innerJoin(budgetUnits, eq(budgetUnits.id, rectificationNotices.unitId))
    .leftJoin(projects, eq(projects.id, rectificationNotices.projectId))
    .leftJoin(monitoringRounds, eq(monitoringRounds.id, rectificationNotices.roundId))
    .where(where)
    .all();
  const events = eventsOf(
    ctx,
    rows.map((r) => r.id),
  );
  const asOfByYear = new Map<number, string>();
  const asOfYear = (year: number) => asOfByYear.get(year) ?? asOfByYear.set(year, noticesOverdueAsOf(ctx, year)).get(year)!;
  return rows
    .map((r) => {
      const history = events.get(r.id) ?? [];
      const feedback = history.filter((e) => e.kind === 'feedback').at(-1) ?? null;
      const timing = { status: r.status, deadline: r.deadline, lastFeedbackOn: feedback ? chinaDate(new Date(feedback.at)) : null };
      const asOf = asOfYear(r.year);
      const daysOverdue = overdueDays(timing, asOf);
      return {
        ...r,
        label: r.number ?? `草稿（${r.projectName ?? r.unitName}）`,
        sourceLabel: NOTICE_SOURCE[r.source],
        statusLabel: NOTICE_STATUS[r.status],
        overdue: daysOverdue > 0,
        daysOverdue,
        overdueAsOf: asOf,
        feedbackLateDays: feedbackLateDays(timing),
        lastFeedback: feedback ? { at: feedback.at, text: feedback.text } : null,
        lastEvent: history.at(-1) ?? null,
      };
    })
    .sort(byNumberThenId);
}

/** Issued notices by 文号 (year, serial), drafts after them in the order they were made. */
function byNumberThenId(a: NoticeRow, b: NoticeRow): number {
  if (a.number && b.number)
    return a.year - b.year || (noticeSerial(a.number, a.year) ?? 0) - (noticeSerial(b.number, b.year) ?? 0) || a.id - b.id;
  if (a.number) return -1;
  if (b.number) return 1;
  return a.id - b.id;
}

function eventsOf(ctx: ServiceContext, ids: number[]): Map<number, NoticeEventRow[]> {
  const byNotice = new Map<number, NoticeEventRow[]>();
  if (ids.length === 0) return byNotice;
  const rows = ctx.ledger.db
    .select()
    .from(noticeEvents)
    .where(ids.length > 500 ? undefined : inArray(noticeEvents.noticeId, ids))
    .orderBy(asc(noticeEvents.id))
    .all();
  const wanted = new Set(ids);
  for (const e of rows) {
    if (!wanted.has(e.noticeId)) continue;
    const list = byNotice.get(e.noticeId) ?? [];
    list.push({ id: e.id, kind: e.kind, kindLabel: NOTICE_EVENT[e.kind], at: e.at, actor: e.actor, text: e.text });
    byNotice.set(e.noticeId, list);
  }
  return byNotice;
}
