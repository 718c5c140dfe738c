/**
 * 整改通知: drafts made from a monitoring round's warnings (偏离率 above the year's threshold) or written
 * by hand (evaluations, other findings), edited while drafts, issued with the year's next 文号, then the
 * unit's feedback and the bureau's review — closed, or returned for new feedback. Every step is one
 * transaction with its audit entry, and after issue each step is kept in notice_events. The path and
 * the overdue rule live in rules/rectificationRules.ts; reading is noticeList.ts.
 */
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { budgetUnits, monitoringRounds, noticeEvents, projects, rectificationNotices, warnings } from '../../db/schema';
import {
  addDays,
  DEFAULT_FEEDBACK_DAYS,
  DEFAULT_REQUIREMENTS,
  findingsFromWarnings,
  isCalendarDate,
  nextSerial,
  noticeNumber,
  refusalOf,
  type NoticeAction,
  type NoticeEventKind,
  type NoticeSource,
  type NoticeStatus,
} from '../rules/rectificationRules';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { requireRound } from '../monitoring/monitoringRounds';
import { storedNoticeDecision } from '../monitoring/warnings';
import { requireOpenYear } from '../ledger/years';
import { requireNoticePrefix } from '../ledger/settings';
import { noticeDetail, selectNotices, todayOf, type NoticeDetail, type NoticeRow } from './noticeList';

export interface NoticeContent {
  findings: string;
  requirements: string;
  deadline: string;
}

export interface CreateNoticeInput extends NoticeContent {
  year: number;
  source: NoticeSource;
  roundId?: number | null;
  projectId?: number | null;
  unitId: number;
}

// ---------------------------------------------------------------------------------------------------
// Drafting

/**
 * For each project of the round whose stored 第三条线 says a notice is due — the decision computeWarnings
 * stored with its threshold, which the warning list shows; a changed threshold counts once the warnings
 * are recomputed — and which has no notice for this round yet, a draft: findings from the project's
 * warnings, the default requirements, and today + 15 days to answer. A second call makes none.
 */
export function draftNoticesFromWarnings(ctx: ServiceContext, input: { roundId: number }): NoticeRow[] {
  return inTransaction(ctx, () => {
    const round = requireRound(ctx, input.roundId);
    requireOpenYear(ctx, round.year);
    const roundWarnings = ctx.ledger.db
      .select({
        projectId: warnings.projectId,
        line: warnings.line,
        colour: warnings.colour,
        value: warnings.value,
        text: warnings.text,
        inputs: warnings.inputs,
        unitId: projects.unitId,
      })
      .from(warnings)
      .innerJoin(projects, eq(projects.id, warnings.projectId))
      .where(eq(warnings.roundId, round.id))
      .orderBy(asc(projects.unitId), asc(projects.code), asc(projects.id))
      .all();
    const noticed = new Set(
      ctx.ledger.db
        .select({ projectId: rectificationNotices.projectId })
        .from(rectificationNotices)
        .where(and(eq(rectificationNotices.roundId, round.id), isNotNull(rectificationNotices.projectId)))
        .all()
        .map((r) => r.projectId),
    );
    const deadline = addDays(todayOf(ctx), DEFAULT_FEEDBACK_DAYS);
    const created: number[] = [];
    for (const dev of roundWarnings) {
      if (dev.line !== 'deviation' || noticed.has(dev.projectId)) continue;
      const decision = storedNoticeDecision(JSON.parse(dev.inputs) as Record<string, unknown>);
      if (!decision?.noticeDue) continue;
      const line = (l: 'execution' | 'completion') => roundWarnings.find((w) => w.projectId === dev.projectId && w.line === l) ?? null;
      const findings = findingsFromWarnings({
        month: round.asOfMonth,
        threshold: decision.threshold,
        deviation: dev,
        execution: line('execution'),
        completion: line('completion'),
      });
      const values = {
        year: round.year,
        source: 'monitoring' as const,
        roundId: round.id,
        projectId: dev.projectId,
        unitId: dev.unitId,
        findings,
        requirements: DEFAULT_REQUIREMENTS,
        deadline,
        status: 'draft' as const,
      };
      const row = ctx.ledger.db.insert(rectificationNotices).values(values).returning({ id: rectificationNotices.id }).get();
      appendAudit(ctx, {
        action: 'notice.draftFromWarnings',
        entity: 'rectification_notice',
        entityId: row.id,
        after: { ...values, deviation: dev.value, threshold: decision.threshold },
      });
      noticed.add(dev.projectId);
      created.push(row.id);
    }
    return created.length ? selectNotices(ctx, inArray(rectificationNotices.id, created)) : [];
  });
}

/** A draft written by hand: from an evaluation (§7), or a monitoring finding outside the warnings. */
export function createNotice(ctx: ServiceContext, input: CreateNoticeInput): NoticeRow {
  return inTransaction(ctx, () => {
    requireOpenYear(ctx, input.year);
    const fields: Record<string, string> = {};
    const unit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, input.unitId)).get();
    if (!unit) fields.unitId = '请选择预算单位';
    if (input.projectId != null) {
      const project = ctx.ledger.db.select().from(projects).where(eq(projects.id, input.projectId)).get();
      if (!project) fields.projectId = '该项目不存在';
      else if (project.year !== input.year) fields.projectId = `该项目属于 ${project.year} 年度，不是 ${input.year} 年度`;
      else if (unit && project.unitId !== unit.id) {
        // The notice may go to the project's unit or to its 主管部门.
        const projectUnit = ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.id, project.unitId)).get();
        if (projectUnit?.parentId !== unit.id)
          fields.unitId = `该项目由“${projectUnit?.name ?? '其他单位'}”实施，通知应发给实施单位或其主管部门`;
      }
    }
    if (input.roundId != null) {
      const round = ctx.ledger.db.select().from(monitoringRounds).where(eq(monitoringRounds.id, input.roundId)).get();
      if (!round) fields.roundId = '该监控轮次不存在';
      else if (round.year !== input.year) fields.roundId = `该监控轮次属于 ${round.year} 年度`;
    }
    const content = validateContent(ctx, input, fields);
    const values = {
      year: input.year,
      source: input.source,
      roundId: input.roundId ?? null,
      projectId: input.projectId ?? null,
      unitId: input.unitId,
      ...content,
      status: 'draft' as const,
    };
    const row = ctx.ledger.db.insert(rectificationNotices).values(values).returning({ id: rectificationNotices.id }).get();
    appendAudit(ctx, { action: 'notice.create', entity: 'rectification_notice', entityId: row.id, after: values });
    return selectNotices(ctx, eq(rectificationNotices.id, row.id))[0]!;
  });
}

/** Edits a draft's findings, requirements and deadline. After issue a notice's content is fixed. */
export function updateNotice(ctx: ServiceContext, input: NoticeContent & { id: number }): NoticeRow {
  return inTransaction(ctx, () => {
    const before = requireNoticeFor(ctx, input.id, 'edit');
    const content = validateContent(ctx, input, {});
    ctx.ledger.db
      .update(rectificationNotices)
      .set({ ...content, updatedAt: ctx.now().toISOString() })
      .where(eq(rectificationNotices.id, input.id))
      .run();
    appendAudit(ctx, {
      action: 'notice.update',
      entity: 'rectification_notice',
      entityId: input.id,
      before: { findings: before.findings, requirements: before.requirements, deadline: before.deadline },
      after: content,
    });
    return selectNotices(ctx, eq(rectificationNotices.id, input.id))[0]!;
  });
}

// ---------------------------------------------------------------------------------------------------
// The path after drafting

/**
 * Issues drafts in the order given, each taking its year's next 文号 (轮财绩整〔2023〕n号). All or
 * nothing: one notice that is not a draft, or whose deadline has passed, refuses the whole call.
 */
export function issueNotices(ctx: ServiceContext, input: { ids: number[] }): NoticeRow[] {
  return inTransaction(ctx, () => {
    const ids = [...new Set(input.ids)];
    if (ids.length === 0) throw new LedgerError('invalid_input', '请选择要下发的整改通知。');
    const prefix = requireNoticePrefix(ctx);
    const today = todayOf(ctx);
    const at = ctx.now().toISOString();
    const nextOfYear = new Map<number, number>();
    for (const id of ids) {
      const notice = requireNoticeFor(ctx, id, 'issue');
      if (notice.deadline < today) {
        throw new LedgerError(
          'notice_deadline_past',
          `整改通知“${notice.label}”的反馈期限 ${notice.deadline} 已过，请先修改反馈期限再下发。`,
        );
      }
      if (!nextOfYear.has(notice.year)) {
        const used = ctx.ledger.db
          .select({ number: rectificationNotices.number })
          .from(rectificationNotices)
          .where(and(eq(rectificationNotices.year, notice.year), isNotNull(rectificationNotices.number)))
          .all()
          .map((r) => r.number!);
        nextOfYear.set(notice.year, nextSerial(used, notice.year));
      }
      const serial = nextOfYear.get(notice.year)!;
      nextOfYear.set(notice.year, serial + 1);
      const number = noticeNumber(notice.year, serial, prefix);
      ctx.ledger.db
        .update(rectificationNotices)
        .set({ number, status: 'issued', issuedAt: at, updatedAt: at })
        .where(eq(rectificationNotices.id, id))
        .run();
      addEvent(ctx, id, 'issued', `文号 ${number}，反馈期限 ${notice.deadline}`);
      appendAudit(ctx, {
        action: 'notice.issue',
        entity: 'rectification_notice',
        entityId: id,
        before: { status: notice.status },
        after: { status: 'issued', number, issuedAt: at },
      });
    }
    const rows = selectNotices(ctx, inArray(rectificationNotices.id, ids));
    return ids.map((id) => rows.find((r) => r.id === id)!);
  });
}

/** The unit's written feedback (issued or returned → answered). */
export function recordFeedback(ctx: ServiceContext, input: { id: number; text: string }): NoticeDetail {
  return inTransaction(ctx, () => {
    const notice = requireNoticeFor(ctx, input.id, 'feedback');
    const text = input.text.trim();
    if (!text) throw new LedgerError('invalid_input', '请填写单位的整改反馈情况。', { text: '请填写反馈情况' });
    moveTo(ctx, notice, 'answered', {});
    addEvent(ctx, notice.id, 'feedback', text);
    appendAudit(ctx, {
      action: 'notice.feedback',
      entity: 'rectification_notice',
      entityId: notice.id,
      before: { status: notice.status },
      after: { status: 'answered', text },
    });
    return noticeDetail(ctx, { id: notice.id });
  });
}

/**
 * The bureau's review of the feedback: close it, or return it (with the reason) for new feedback,
 * optionally with a new deadline.
 */
export function reviewNotice(
  ctx: ServiceContext,
  input: { id: number; decision: 'close' | 'return'; text: string; deadline?: string | null },
): NoticeDetail {
  return inTransaction(ctx, () => {
    const notice = requireNoticeFor(ctx, input.id, input.decision);
    const text = input.text.trim();
    const at = ctx.now().toISOString();
    if (input.decision === 'close') {
      moveTo(ctx, notice, 'closed', { closedAt: at });
      addEvent(ctx, notice.id, 'closed', text);
      appendAudit(ctx, {
        action: 'notice.close',
        entity: 'rectification_notice',
        entityId: notice.id,
        before: { status: notice.status },
        after: { status: 'closed', closedAt: at, text },
      });
    } else {
      if (!text) throw new LedgerError('invalid_input', '退回时请写明退回原因和需补充的整改内容。', { text: '请写明退回原因' });
      const fields: Record<string, string> = {};
      let deadline = notice.deadline;
      if (input.deadline) {
        if (!isCalendarDate(input.deadline)) fields.deadline = '反馈期限格式应为 2023-06-30';
        else if (input.deadline < todayOf(ctx)) fields.deadline = '新的反馈期限不能早于今天';
        else deadline = input.deadline;
      }
      if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再退回。', fields);
      moveTo(ctx, notice, 'returned', { deadline });
      addEvent(ctx, notice.id, 'returned', deadline !== notice.deadline ? `${text}（反馈期限延至 ${deadline}）` : text);
      appendAudit(ctx, {
        action: 'notice.return',
        entity: 'rectification_notice',
        entityId: notice.id,
        before: { status: notice.status, deadline: notice.deadline },
        after: { status: 'returned', deadline, text },
      });
    }
    return noticeDetail(ctx, { id: notice.id });
  });
}

// ---------------------------------------------------------------------------------------------------
// Helpers

/** Loads a notice for an action, refusing (with its number and status) when the action is not allowed or the year is closed. */
function requireNoticeFor(ctx: ServiceContext, id: number, action: NoticeAction): NoticeRow {
  const notice = selectNotices(ctx, eq(rectificationNotices.id, id))[0];
  if (!notice) throw new LedgerError('notice_missing', '该整改通知不存在，请刷新后重试。');
  requireOpenYear(ctx, notice.year);
  const refusal = refusalOf(notice.label, notice.status, action);
  if (refusal) throw new LedgerError('notice_state', refusal);
  return notice;
}

function moveTo(ctx: ServiceContext, notice: NoticeRow, status: NoticeStatus, extra: { closedAt?: string; deadline?: string }): void {
  ctx.ledger.db
    .update(rectificationNotices)
    .set({ status, ...extra, updatedAt: ctx.now().toISOString() })
    .where(eq(rectificationNotices.id, notice.id))
    .run();
}

function addEvent(ctx: ServiceContext, noticeId: number, kind: NoticeEventKind, text: string): void {
  ctx.ledger.db.insert(noticeEvents).values({ noticeId, kind, at: ctx.now().toISOString(), actor: ctx.actor, text }).run();
}

function validateContent(ctx: ServiceContext, input: NoticeContent, fields: Record<string, string>): NoticeContent {
  const findings = input.findings.trim();
  const requirements = input.requirements.trim();
  const deadline = input.deadline.trim();
  if (!findings) fields.findings = '请填写发现的问题';
  else if (findings.length > 4000) fields.findings = '发现的问题不超过 4000 个字';
  if (!requirements) fields.requirements = '请填写整改要求';
  else if (requirements.length > 4000) fields.requirements = '整改要求不超过 4000 个字';
  if (!isCalendarDate(deadline)) fields.deadline = '反馈期限格式应为 2023-06-30';
  else if (deadline < todayOf(ctx)) fields.deadline = '反馈期限不能早于今天';
  if (Object.keys(fields).length) throw new LedgerError('invalid_input', '请修改标出的字段后再保存。', fields);
  return { findings, requirements, deadline };
}
