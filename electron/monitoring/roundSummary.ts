/**
 * A monitoring round at a glance, from the stored warnings (compute first for fresh figures): units and
 * projects covered, line × colour, projects due a 整改通知, the notices and their state, and the
 * sentence the annual summary cites.
 */
import { and, eq, sql } from 'drizzle-orm';
import { executionRecords, monitoringEntries, performanceTargets, projects, rectificationNotices, warnings } from '../../db/schema';
import { COLOUR_LABELS } from '../rules/warningLines';
import type { ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { roundFor, type RoundRef } from './monitoringForm';
import { WARNING_COLOURS, WARNING_LINE_CODES, type WarningColour, type WarningLine } from '../../db/vocabulary';

export interface RoundSummary {
  round: RoundRef;
  ruleVersion: string | null;
  /** Units with a covered project, or (部门整体 rounds) with entries on their 部门整体 targets. */
  unitsCovered: number;
  /** Projects with an execution record or monitoring entries in the round. */
  projectsCovered: number;
  projectsWithExecution: number;
  projectsWithEntries: number;
  /** 部门整体 targets with entries in the round. */
  departmentTargetsCovered: number;
  /** Stored warnings, line × colour (projects). */
  byLine: Record<WarningLine, Record<WarningColour, number>>;
  noticeDue: number;
  notices: { total: number; drafts: number; issued: number; closed: number; byStatus: Record<string, number> };
  /** When the warnings were last computed; null when never. */
  computedAt: string | null;
  sentence: string;
}

/** The round at a glance, from the stored warnings (compute first for fresh figures). */
export function roundSummary(ctx: ServiceContext, input: { roundId: number }): RoundSummary {
  const round = roundFor(ctx, input.roundId);
  const execProjects = ctx.ledger.db
    .select({ projectId: executionRecords.projectId, unitId: projects.unitId })
    .from(executionRecords)
    .innerJoin(projects, eq(projects.id, executionRecords.projectId))
    .where(eq(executionRecords.roundId, round.id))
    .all();
  const entryTargets = ctx.ledger.db
    .selectDistinct({
      targetId: performanceTargets.id,
      subject: performanceTargets.subject,
      projectId: performanceTargets.projectId,
      unitId: performanceTargets.unitId,
    })
    .from(monitoringEntries)
    .innerJoin(performanceTargets, eq(performanceTargets.id, monitoringEntries.targetId))
    .where(eq(monitoringEntries.roundId, round.id))
    .all();
  const projectUnits = new Map<number, number>();
  for (const e of execProjects) projectUnits.set(e.projectId, e.unitId);
  const withEntries = new Set<number>();
  const units = new Set<number>();
  let departmentTargetsCovered = 0;
  for (const t of entryTargets) {
    if (t.subject === 'project' && t.projectId != null) {
      withEntries.add(t.projectId);
      projectUnits.set(t.projectId, t.unitId);
    } else {
      departmentTargetsCovered++;
      units.add(t.unitId);
    }
  }
  for (const u of projectUnits.values()) units.add(u);

  const byLine = Object.fromEntries(
    WARNING_LINE_CODES.map((l) => [l, Object.fromEntries(WARNING_COLOURS.map((c) => [c, 0]))]),
  ) as RoundSummary['byLine'];
  const stored = ctx.ledger.db
    .select({ line: warnings.line, colour: warnings.colour, n: sql<number>`count(*)` })
    .from(warnings)
    .where(eq(warnings.roundId, round.id))
    .groupBy(warnings.line, warnings.colour)
    .all();
  for (const s of stored) byLine[s.line][s.colour] = s.n;
  const meta = ctx.ledger.db
    .select({ version: sql<string | null>`max(${warnings.ruleVersion})`, at: sql<string | null>`max(${warnings.computedAt})` })
    .from(warnings)
    .where(eq(warnings.roundId, round.id))
    .get();
  // The stored decisions (storedNoticeDecision's fields), and the threshold they were judged against.
  const decisions = ctx.ledger.db
    .select({
      due: sql<number>`coalesce(sum(json_extract(${warnings.inputs}, '$.noticeDue') = 1), 0)`,
      threshold: sql<number | null>`max(json_extract(${warnings.inputs}, '$.threshold'))`,
    })
    .from(warnings)
    .where(and(eq(warnings.roundId, round.id), eq(warnings.line, 'deviation')))
    .get();
  const noticeDue = decisions?.due ?? 0;

  const byStatus: Record<string, number> = {};
  for (const n of ctx.ledger.db
    .select({ status: rectificationNotices.status, n: sql<number>`count(*)` })
    .from(rectificationNotices)
    .where(eq(rectificationNotices.roundId, round.id))
    .groupBy(rectificationNotices.status)
    .all()) {
    byStatus[n.status] = n.n;
  }
  const total = Object.values(byStatus).reduce((s, n) => s + n, 0);
  const notices = { total, drafts: byStatus.draft ?? 0, issued: total - (byStatus.draft ?? 0), closed: byStatus.closed ?? 0, byStatus };

  const projectsCovered = projectUnits.size;
  const threshold = decisions?.threshold ?? ruleSetOf(ctx, round.year).monitoring.deviationNoticeThreshold;
  const colourList = (counts: Record<WarningColour, number>) =>
    (['red', 'yellow', 'blue'] as const)
      .filter((c) => counts[c] > 0)
      .map((c) => `${COLOUR_LABELS[c]} ${counts[c]} 个`)
      .join('、') || '无红灯、黄灯';
  const scopeText =
    round.scope === 'department'
      ? `对 ${units.size} 个部门单位${departmentTargetsCovered ? `的部门整体绩效目标` : ''}${projectsCovered ? `、${projectsCovered} 个项目` : ''}开展绩效监控`
      : `对 ${units.size} 个部门单位、${projectsCovered} 个项目开展绩效监控`;
  const sentence = [
    `${round.year} 年度“${round.name}”（截至 ${round.asOfMonth} 月）${scopeText}`,
    projectsCovered
      ? `。预算执行进度${colourList(byLine.execution)}；绩效目标完成情况${colourList(byLine.completion)}；偏离率超过 ${threshold}%、应下发整改通知的项目 ${noticeDue} 个`
      : '',
    `；已下发整改通知 ${notices.issued} 份，已办结 ${notices.closed} 份。`,
  ].join('');
  return {
    round,
    ruleVersion: meta?.version ?? null,
    unitsCovered: units.size,
    projectsCovered,
    projectsWithExecution: execProjects.length,
    projectsWithEntries: withEntries.size,
    departmentTargetsCovered,
    byLine,
    noticeDue,
    notices,
    computedAt: meta?.at ?? null,
    sentence,
  };
}
