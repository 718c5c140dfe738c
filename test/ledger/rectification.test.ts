/**
 * 整改通知 on real ledger files: the path draft → issued → answered → closed | returned, drafting from
 * a round's warnings against the year's threshold, 文号 in order, and overdue by a fixed clock.
 */
import { and, eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, fiscalYears, noticeEvents, rectificationNotices } from '../../db/schema';
import {
  allowedActions,
  canMove,
  chinaDate,
  feedbackLateDays,
  isOverdue,
  nextSerial,
  nextStatus,
  noticeNumber,
  noticeSerial,
  overdueAsOf,
  overdueDays,
  overdueText,
  refusalOf,
  writtenDate,
  type NoticeStatus,
} from '../../electron/rules/rectificationRules';
import { verifyAuditChain } from '../../electron/ledger/audit';
import {
  createNotice,
  draftNoticesFromWarnings,
  issueNotices,
  recordFeedback,
  reviewNotice,
  updateNotice,
} from '../../electron/rectification/rectification';
import { listNotices, noticeDetail } from '../../electron/rectification/noticeList';
import { monitoredYear } from '../fixtures/notices';
import { serialiseRuleSet } from '../../electron/rules/ruleSet';
import { ruleSetOf } from '../../electron/ledger/years';
import { computeWarnings, listWarnings } from '../../electron/monitoring/warnings';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';
import { refusal } from '../fixtures/refusal';

describe('the notice rules', () => {
  it('moves draft → issued → answered → closed, and answered → returned → answered', () => {
    expect(nextStatus('draft', 'issue')).toBe('issued');
    expect(nextStatus('issued', 'feedback')).toBe('answered');
    expect(nextStatus('returned', 'feedback')).toBe('answered');
    expect(nextStatus('answered', 'close')).toBe('closed');
    expect(nextStatus('answered', 'return')).toBe('returned');
    const all: NoticeStatus[] = ['draft', 'issued', 'answered', 'closed', 'returned'];
    const moves = all.flatMap((from) => all.filter((to) => canMove(from, to)).map((to) => `${from}→${to}`));
    expect(moves).toEqual(['draft→issued', 'issued→answered', 'answered→closed', 'answered→returned', 'returned→answered']);
    expect(allowedActions('draft')).toEqual(['edit', 'issue']);
    expect(allowedActions('closed')).toEqual([]);
  });

  it('refuses other moves in words naming the notice and its status', () => {
    expect(refusalOf('轮财绩整〔2023〕3号', 'closed', 'feedback')).toBe(
      '整改通知“轮财绩整〔2023〕3号”当前为“已办结”，不能登记反馈：只有“已下发”或“已退回”的通知可以登记反馈。',
    );
    expect(refusalOf('轮财绩整〔2023〕3号', 'issued', 'edit')).toContain('只有“草稿”的通知可以修改');
    expect(refusalOf('x', 'issued', 'close')).toContain('只有“已反馈”的通知可以审核办结');
    expect(refusalOf('x', 'issued', 'feedback')).toBeNull();
  });

  it('numbers notices 轮财绩整〔年〕n号 and continues after the year’s highest serial', () => {
    expect(noticeNumber(2023, 5, '轮财绩整')).toBe('轮财绩整〔2023〕5号');
    expect(noticeSerial('轮财绩整〔2023〕12号', 2023)).toBe(12);
    expect(noticeSerial('轮财绩整〔2022〕12号', 2023)).toBeNull();
    expect(nextSerial([], 2023)).toBe(1);
    expect(nextSerial(['轮财绩整〔2023〕2号', '轮财绩整〔2023〕10号', '旧前缀〔2023〕4号', '轮财绩整〔2022〕30号'], 2023)).toBe(11);
  });

  it.each([
    ['issued', '2023-06-30', null, '2023-06-30', 0, '否'],
    ['issued', '2023-06-30', null, '2023-07-12', 12, '逾期 12 天'],
    ['returned', '2023-06-30', '2023-06-20', '2023-07-01', 1, '逾期 1 天'],
    ['draft', '2023-06-30', null, '2023-08-01', 0, '否'],
    ['answered', '2023-06-30', '2023-07-03', '2023-08-01', 0, '逾期反馈（迟 3 天）'],
    ['closed', '2023-06-30', '2023-06-30', '2023-08-01', 0, '否'],
  ] as const)('%s, deadline %s, feedback %s, on %s: %d days overdue (%s)', (status, deadline, lastFeedbackOn, today, days, text) => {
    const n = { status, deadline, lastFeedbackOn };
    expect(overdueDays(n, today)).toBe(days);
    expect(isOverdue(n, today)).toBe(days > 0);
    expect(overdueText(n, today)).toBe(text);
  });

  it.each([
    ['while the year runs, today', 2023, '2023-08-01', null, '2023-08-01'],
    ['before the year starts, today', 2024, '2023-11-20', null, '2023-11-20'],
    ['once it has passed, its last day', 2023, '2026-12-03', '2023-07-10', '2023-12-31'],
    ['or the last record after it (feedback in January)', 2023, '2026-12-03', '2024-01-18', '2024-01-18'],
    ['never after today', 2023, '2024-01-10', '2024-01-10', '2024-01-10'],
  ] as const)('judges a year’s notices overdue %s', (_label, year, today, lastRecordOn, asOf) => {
    expect(overdueAsOf(year, today, lastRecordOn)).toBe(asOf);
  });

  it('counts late feedback only for answered and closed notices', () => {
    expect(feedbackLateDays({ status: 'closed', deadline: '2023-06-30', lastFeedbackOn: '2023-07-05' })).toBe(5);
    expect(feedbackLateDays({ status: 'issued', deadline: '2023-06-30', lastFeedbackOn: null })).toBeNull();
  });

  it('writes dates as notices do, by Beijing time', () => {
    expect(writtenDate('2023-06-30')).toBe('2023年6月30日');
    expect(chinaDate(new Date('2023-06-15T16:30:00Z'))).toBe('2023-06-16');
    expect(chinaDate(new Date('2023-06-15T15:59:00Z'))).toBe('2023-06-15');
  });
});

describe('drafting from the round’s warnings', () => {
  it('drafts a notice for each project above the year’s threshold, with findings from its warnings', () => {
    const { ctx, roundId, projects, units } = monitoredYear();
    const drafts = draftNoticesFromWarnings(ctx, { roundId });
    expect(drafts.map((d) => d.projectName)).toEqual(['2022年特殊教育资源教室采购项目', '2022年耕地轮作补助项目']);
    const [classroom, rotation] = drafts;
    expect(classroom).toMatchObject({
      status: 'draft',
      statusLabel: '草稿',
      number: null,
      label: '草稿（2022年特殊教育资源教室采购项目）',
      source: 'monitoring',
      sourceLabel: '绩效监控',
      roundId,
      roundName: '5月项目监控',
      projectId: projects.classroom.id,
      unitId: units.education,
      unitName: '轮台县教育局',
      deadline: '2023-07-01',
      overdue: false,
      lastEvent: null,
    });
    expect(classroom!.findings).toBe(
      [
        '截至5月底，执行率 21.30%，目标完成率 75.00%，偏离率 53.70%，超过 20%。',
        '预算执行进度为红灯：执行率 21.30%，序时进度 41.67%，比值 51.12%。',
        '绩效目标完成情况为红灯：“设备验收合格率”当前 50，目标 100，完成比 50.00%。',
      ].join('\n'),
    );
    expect(classroom!.requirements).toMatch(/分析.*偏离的原因[\s\S]*纠偏措施[\s\S]*书面反馈/);
    expect(rotation).toMatchObject({ unitId: units.agriculture, unitName: '轮台县农业农村局' });
    expect(rotation!.findings.split('\n')[0]).toBe('截至5月底，执行率 50.00%，目标完成率 75.00%，偏离率 25.00%，超过 20%。');
    const audits = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'notice.draftFromWarnings')).all();
    expect(audits).toHaveLength(2);
  });

  it('is idempotent: a second call drafts nothing, even after a draft was issued', () => {
    const { ctx, roundId } = monitoredYear();
    const [first] = draftNoticesFromWarnings(ctx, { roundId });
    issueNotices(ctx, { ids: [first!.id] });
    expect(draftNoticesFromWarnings(ctx, { roundId })).toEqual([]);
    expect(listNotices(ctx, { year: 2023 })).toHaveLength(2);
  });

  it('reads the threshold from the year’s rule set', () => {
    const { ctx, roundId } = monitoredYear({ threshold: 30 });
    const drafts = draftNoticesFromWarnings(ctx, { roundId });
    expect(drafts.map((d) => d.projectName)).toEqual(['2022年特殊教育资源教室采购项目']);
    expect(drafts[0]!.findings.split('\n')[0]).toBe('截至5月底，执行率 21.30%，目标完成率 75.00%，偏离率 53.70%，超过 30%。');
    const lower = monitoredYear({ threshold: 10 });
    expect(draftNoticesFromWarnings(lower.ctx, { roundId: lower.roundId })).toHaveLength(4);
  });

  it('skips a project that already has a notice for the round, written by hand', () => {
    const { ctx, roundId, projects, units } = monitoredYear();
    createNotice(ctx, {
      year: 2023,
      source: 'monitoring',
      roundId,
      projectId: projects.rotation.id,
      unitId: units.agriculture,
      findings: '执行缓慢。',
      requirements: '加快执行。',
      deadline: '2023-07-10',
    });
    expect(draftNoticesFromWarnings(ctx, { roundId }).map((d) => d.projectId)).toEqual([projects.classroom.id]);
  });

  it('refuses in a closed year', () => {
    const { ctx, roundId } = monitoredYear();
    ctx.ledger.db.update(fiscalYears).set({ status: 'closed' }).where(eq(fiscalYears.year, 2023)).run();
    expect(() => draftNoticesFromWarnings(ctx, { roundId })).toThrow(/2023 年度已关账/);
  });

  // Drafting reads the decision computeWarnings stored, so it agrees with the warning list the bureau
  // looked at; a threshold changed afterwards counts once the warnings are recomputed.
  it('follows the decision stored with the warnings, not a threshold changed after they were computed', () => {
    const raisedAfterCompute = (recompute: boolean) => {
      const ctx = freshContext({ year: 2023 });
      const { may } = setupRound(ctx); // 偏离率: P2 64.1, P3 28.8, P1 5.4
      computeWarnings(ctx, { roundId: may.id });
      const ruleSet = ruleSetOf(ctx, 2023);
      ctx.ledger.db
        .update(fiscalYears)
        .set({ ruleSet: serialiseRuleSet({ ...ruleSet, monitoring: { ...ruleSet.monitoring, deviationNoticeThreshold: 30 } }) })
        .where(eq(fiscalYears.year, 2023))
        .run();
      if (recompute) computeWarnings(ctx, { roundId: may.id });
      const shownDue = listWarnings(ctx, { roundId: may.id })
        .filter((r) => r.noticeDue)
        .map((r) => r.projectCode);
      const drafts = draftNoticesFromWarnings(ctx, { roundId: may.id });
      return { shownDue, drafted: drafts.map((d) => d.projectCode), firstFinding: drafts.map((d) => d.findings.split('\n')[0]) };
    };
    const stale = raisedAfterCompute(false);
    expect(stale.drafted).toEqual(['P2', 'P3']);
    expect(stale.drafted).toEqual(stale.shownDue);
    expect(stale.firstFinding[1]).toBe('截至5月底，执行率 99.00%，目标总体完成率 70.21%，偏离率 28.79%，超过 20%。');

    const recomputed = raisedAfterCompute(true);
    expect(recomputed.drafted).toEqual(['P2']);
    expect(recomputed.drafted).toEqual(recomputed.shownDue);
    expect(recomputed.firstFinding[0]).toMatch(/偏离率 64\.12%，超过 30%。$/);
  });
});

describe('notices written by hand and edited as drafts', () => {
  it('creates an evaluation notice and checks every field', () => {
    const { ctx, projects, units } = monitoredYear();
    const n = createNotice(ctx, {
      year: 2023,
      source: 'evaluation',
      projectId: projects.sheep.id,
      unitId: units.agriculture,
      findings: ' 资金到位率偏低。 ',
      requirements: '健全资金管理制度。',
      deadline: '2023-08-31',
    });
    expect(n).toMatchObject({
      source: 'evaluation',
      sourceLabel: '绩效评价',
      roundId: null,
      findings: '资金到位率偏低。',
      status: 'draft',
      projectName: '铁热克巴扎乡羊养殖及特色林果种植基地项目',
    });

    const bad = refusal(() =>
      createNotice(ctx, {
        year: 2023,
        source: 'evaluation',
        projectId: projects.sheep.id,
        unitId: units.education,
        findings: '',
        requirements: ' ',
        deadline: '2023-02-30',
      }),
    );
    expect(bad.code).toBe('invalid_input');
    expect(bad.fields).toEqual({
      unitId: '该项目由“轮台县农业农村局”实施，通知应发给实施单位或其主管部门',
      findings: '请填写发现的问题',
      requirements: '请填写整改要求',
      deadline: '反馈期限格式应为 2023-06-30',
    });
    expect(
      refusal(() =>
        createNotice(ctx, {
          year: 2023,
          source: 'evaluation',
          unitId: units.education,
          findings: 'a',
          requirements: 'b',
          deadline: '2023-06-01',
        }),
      ).fields,
    ).toEqual({ deadline: '反馈期限不能早于今天' });
  });

  it('edits drafts only; after issue the content is fixed, said with the number and status', () => {
    const { ctx, roundId } = monitoredYear();
    const [d] = draftNoticesFromWarnings(ctx, { roundId });
    const edited = updateNotice(ctx, {
      id: d!.id,
      findings: '执行率偏低，偏离率 53.7%。',
      requirements: '加快采购进度。',
      deadline: '2023-07-15',
    });
    expect(edited).toMatchObject({
      findings: '执行率偏低，偏离率 53.7%。',
      requirements: '加快采购进度。',
      deadline: '2023-07-15',
      status: 'draft',
    });
    const audit = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'notice.update')).get()!;
    expect(JSON.parse(audit.before!).deadline).toBe('2023-07-01');
    issueNotices(ctx, { ids: [d!.id] });
    const e = refusal(() => updateNotice(ctx, { id: d!.id, findings: 'x', requirements: 'y', deadline: '2023-07-20' }));
    expect(e.code).toBe('notice_state');
    expect(e.message).toBe('整改通知“轮财绩整〔2023〕1号”当前为“已下发”，不能修改：只有“草稿”的通知可以修改。');
  });
});

describe('issuing', () => {
  it('assigns the year’s next numbers in the order given, with the event and the time', () => {
    const { ctx, roundId, projects, units } = monitoredYear();
    const [classroom, rotation] = draftNoticesFromWarnings(ctx, { roundId });
    const issued = issueNotices(ctx, { ids: [rotation!.id, classroom!.id] });
    expect(issued.map((n) => [n.projectName, n.number, n.status])).toEqual([
      ['2022年耕地轮作补助项目', '轮财绩整〔2023〕1号', 'issued'],
      ['2022年特殊教育资源教室采购项目', '轮财绩整〔2023〕2号', 'issued'],
    ]);
    expect(issued[0]).toMatchObject({
      issuedAt: '2023-06-16T02:00:00.000Z',
      statusLabel: '已下发',
      lastEvent: { kind: 'issued', kindLabel: '下发', actor: '绩效股', text: '文号 轮财绩整〔2023〕1号，反馈期限 2023-07-01' },
    });

    const later = createNotice(ctx, {
      year: 2023,
      source: 'evaluation',
      projectId: projects.sheep.id,
      unitId: units.agriculture,
      findings: '资金到位率偏低。',
      requirements: '整改。',
      deadline: '2023-08-31',
    });
    expect(issueNotices(ctx, { ids: [later.id] })[0]!.number).toBe('轮财绩整〔2023〕3号');
    expect(listNotices(ctx, { year: 2023 }).map((n) => n.number)).toEqual([
      '轮财绩整〔2023〕1号',
      '轮财绩整〔2023〕2号',
      '轮财绩整〔2023〕3号',
    ]);
  });

  it('is all or nothing: one notice that cannot be issued leaves every other a draft', () => {
    const { ctx, roundId, units } = monitoredYear();
    const [classroom, rotation] = draftNoticesFromWarnings(ctx, { roundId });
    issueNotices(ctx, { ids: [classroom!.id] });
    const e = refusal(() => issueNotices(ctx, { ids: [rotation!.id, classroom!.id] }));
    expect(e.message).toBe('整改通知“轮财绩整〔2023〕1号”当前为“已下发”，不能下发：只有“草稿”的通知可以下发。');
    expect(noticeDetail(ctx, { id: rotation!.id })).toMatchObject({ status: 'draft', number: null, issuedAt: null, events: [] });

    const stale = createNotice(ctx, {
      year: 2023,
      source: 'evaluation',
      unitId: units.education,
      findings: 'a',
      requirements: 'b',
      deadline: '2023-06-20',
    });
    ctx.ledger.db.update(rectificationNotices).set({ deadline: '2023-06-10' }).where(eq(rectificationNotices.id, stale.id)).run();
    expect(() => issueNotices(ctx, { ids: [rotation!.id, stale.id] })).toThrow(
      '整改通知“草稿（轮台县教育局）”的反馈期限 2023-06-10 已过，请先修改反馈期限再下发。',
    );
    expect(noticeDetail(ctx, { id: rotation!.id }).status).toBe('draft');
    expect(ctx.ledger.db.select().from(noticeEvents).all()).toHaveLength(1);
    expect(() => issueNotices(ctx, { ids: [] })).toThrow('请选择要下发的整改通知。');
  });
});

describe('feedback and review', () => {
  function issuedNotice() {
    const year = monitoredYear();
    const [d] = draftNoticesFromWarnings(year.ctx, { roundId: year.roundId });
    issueNotices(year.ctx, { ids: [d!.id] });
    return { ...year, id: d!.id };
  }

  it('feedback, then closed', () => {
    const { ctx, setClock, id } = issuedNotice();
    setClock('2023-06-28T03:00:00Z');
    const answered = recordFeedback(ctx, { id, text: '已分析原因，采购合同已签订，6月底前完成支付。' });
    expect(answered).toMatchObject({
      status: 'answered',
      statusLabel: '已反馈',
      actions: ['close', 'return'],
      lastFeedback: { at: '2023-06-28T03:00:00.000Z', text: '已分析原因，采购合同已签订，6月底前完成支付。' },
    });
    setClock('2023-07-03T03:00:00Z');
    const closed = reviewNotice(ctx, { id, decision: 'close', text: '整改到位。' });
    expect(closed).toMatchObject({
      status: 'closed',
      closedAt: '2023-07-03T03:00:00.000Z',
      actions: [],
      overdue: false,
      feedbackLateDays: null,
    });
    expect(closed.events.map((e) => [e.kind, e.text])).toEqual([
      ['issued', '文号 轮财绩整〔2023〕1号，反馈期限 2023-07-01'],
      ['feedback', '已分析原因，采购合同已签订，6月底前完成支付。'],
      ['closed', '整改到位。'],
    ]);
    const actions = ctx.ledger.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(like(auditLog.action, 'notice.%'))
      .all()
      .map((a) => a.action);
    expect(actions).toEqual(['notice.draftFromWarnings', 'notice.draftFromWarnings', 'notice.issue', 'notice.feedback', 'notice.close']);
    expect(verifyAuditChain(ctx).brokenAt).toBeNull();
  });

  it('returned with a new deadline, new feedback, then closed', () => {
    const { ctx, setClock, id } = issuedNotice();
    setClock('2023-06-25T03:00:00Z');
    recordFeedback(ctx, { id, text: '正在整改。' });
    expect(() => reviewNotice(ctx, { id, decision: 'return', text: '  ' })).toThrow('退回时请写明退回原因和需补充的整改内容。');
    const returned = reviewNotice(ctx, { id, decision: 'return', text: '未说明纠偏措施，请补充。', deadline: '2023-07-10' });
    expect(returned).toMatchObject({
      status: 'returned',
      statusLabel: '已退回',
      deadline: '2023-07-10',
      actions: ['feedback'],
      lastEvent: { kind: 'returned', text: '未说明纠偏措施，请补充。（反馈期限延至 2023-07-10）' },
    });
    const again = recordFeedback(ctx, { id, text: '已调整采购计划，7月5日前完成支付。' });
    expect(again.status).toBe('answered');
    const closed = reviewNotice(ctx, { id, decision: 'close', text: '' });
    expect(closed.events.map((e) => e.kind)).toEqual(['issued', 'feedback', 'returned', 'feedback', 'closed']);
    expect(closed.lastFeedback?.text).toBe('已调整采购计划，7月5日前完成支付。');
  });

  it('refuses steps out of order, naming the number and the status', () => {
    const { ctx, id, roundId } = issuedNotice();
    expect(() => reviewNotice(ctx, { id, decision: 'close', text: '' })).toThrow(
      '整改通知“轮财绩整〔2023〕1号”当前为“已下发”，不能审核办结：只有“已反馈”的通知可以审核办结。',
    );
    expect(() => recordFeedback(ctx, { id, text: ' ' })).toThrow('请填写单位的整改反馈情况。');
    recordFeedback(ctx, { id, text: '已整改。' });
    reviewNotice(ctx, { id, decision: 'close', text: '' });
    expect(() => recordFeedback(ctx, { id, text: '补充' })).toThrow(
      '整改通知“轮财绩整〔2023〕1号”当前为“已办结”，不能登记反馈：只有“已下发”或“已退回”的通知可以登记反馈。',
    );
    expect(() => reviewNotice(ctx, { id, decision: 'return', text: '重新整改' })).toThrow(/当前为“已办结”，不能审核退回/);
    const draft = listNotices(ctx, { year: 2023, status: 'draft' })[0]!;
    expect(draft.roundId).toBe(roundId);
    expect(() => recordFeedback(ctx, { id: draft.id, text: '已整改' })).toThrow(
      '整改通知“草稿（2022年耕地轮作补助项目）”当前为“草稿”，不能登记反馈：只有“已下发”或“已退回”的通知可以登记反馈。',
    );
    expect(() => noticeDetail(ctx, { id: 9999 })).toThrow('该整改通知不存在，请刷新后重试。');
  });
});

describe('overdue notices', () => {
  it('stand out in the list by a fixed clock, and stop being overdue once answered (late feedback kept)', () => {
    const { ctx, setClock, roundId, units } = monitoredYear();
    const [classroom, rotation] = draftNoticesFromWarnings(ctx, { roundId });
    updateNotice(ctx, { id: rotation!.id, findings: rotation!.findings, requirements: rotation!.requirements, deadline: '2023-07-20' });
    issueNotices(ctx, { ids: [classroom!.id, rotation!.id] });

    setClock('2023-07-01T15:00:00Z'); // 23:00 on 1 July in Beijing: the deadline day itself is on time
    expect(listNotices(ctx, { year: 2023, overdueOnly: true })).toEqual([]);

    setClock('2023-07-13T02:00:00Z');
    const overdue = listNotices(ctx, { year: 2023, overdueOnly: true });
    expect(overdue.map((n) => [n.number, n.unitName, n.daysOverdue])).toEqual([['轮财绩整〔2023〕1号', '轮台县教育局', 12]]);
    expect(listNotices(ctx, { year: 2023, unitId: units.agriculture }).map((n) => [n.number, n.overdue])).toEqual([
      ['轮财绩整〔2023〕2号', false],
    ]);

    const answered = recordFeedback(ctx, { id: classroom!.id, text: '已整改。' });
    expect(answered).toMatchObject({ overdue: false, daysOverdue: 0, feedbackLateDays: 12 });

    setClock('2023-07-14T02:00:00Z');
    reviewNotice(ctx, { id: classroom!.id, decision: 'return', text: '请补充佐证材料。' });
    expect(listNotices(ctx, { year: 2023, overdueOnly: true }).map((n) => [n.number, n.daysOverdue])).toEqual([
      ['轮财绩整〔2023〕1号', 13],
    ]);
    expect(listNotices(ctx, { year: 2023, status: 'returned' })).toHaveLength(1);
    expect(
      ctx.ledger.db
        .select()
        .from(rectificationNotices)
        .where(and(eq(rectificationNotices.status, 'issued')))
        .all(),
    ).toHaveLength(1);
  });
});
