/**
 * 绩效监控预警: the three warning lines per project and round, computed by the rule functions of
 * rules/warningLines.ts with the year's thresholds, stored with every input and the rule version; the
 * warning list; and the round's summary (the figures the annual summary cites).
 *
 * A project is covered by a round when it has an execution record in the round, or monitoring entries
 * on its targets. Each covered project gets one row per line; a line without data is stored as "—"
 * (colour none), so the list always shows why. Recomputing unchanged data writes nothing.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, executionRecords, fiscalYears, monitoringEntries, performanceTargets, projects, rectificationNotices, warnings } from '../../db/schema';
import { WARNING_LINES, type WarningLineKind } from '../rules/monitoringLabels';
import { COLOUR_LABELS, completionLine, executionLine, percentText, projectDeviation, timeProgress, type Colour, type CompletionLine, type ExecutionLine, type MonitoringRules } from '../rules/warningLines';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { LedgerError } from '../../db/ledgerError';
import { findRound, requireRound } from './monitoringRounds';
import { roundIndicators, type RoundRef } from './monitoringEntries';
import { ruleSetOf } from '../ledger/years';

export const LINE_ORDER: readonly WarningLineKind[] = ['execution', 'completion', 'deviation'];
const COLOURS: readonly Colour[] = ['red', 'yellow', 'green', 'blue', 'none'];

export interface ComputeResult {
  roundId: number;
  ruleVersion: string;
  /** Projects covered by the round (execution record or monitoring entries). */
  projects: number;
  /** Warning rows written (new or changed), removed (project no longer covered), and left as they were. */
  written: number;
  removed: number;
  unchanged: number;
  /** A closed year is not recomputed; the stored warnings stand. */
  yearClosed: boolean;
}

interface ComputedLine {
  line: WarningLineKind;
  colour: Colour;
  value: number | null;
  text: string;
  inputs: string;
}

/** Computes and stores the round's warnings; one transaction; idempotent. */
export function computeWarnings(ctx: ServiceContext, input: { roundId: number }): ComputeResult {
  return inTransaction(ctx, () => {
    const round = requireRound(ctx, input.roundId);
    const ruleSet = ruleSetOf(ctx, round.year);
    const closed = isClosed(ctx, round.year);
    const computed = computeLines(ctx, round, ruleSet.monitoring);
    const result: ComputeResult = { roundId: round.id, ruleVersion: ruleSet.version, projects: computed.size, written: 0, removed: 0, unchanged: 0, yearClosed: closed };
    if (closed) return result;

    const existing = ctx.ledger.db.select().from(warnings).where(eq(warnings.roundId, round.id)).all();
    const stored = new Map(existing.map((w) => [`${w.projectId}:${w.line}`, w]));
    const now = ctx.now().toISOString();
    const changes: { projectId: number; line: WarningLineKind; before: string | null; after: string | null }[] = [];
    for (const [projectId, lines] of computed) {
      for (const l of lines) {
        const key = `${projectId}:${l.line}`;
        const old = stored.get(key);
        stored.delete(key);
        if (old && old.colour === l.colour && old.value === l.value && old.text === l.text && old.inputs === l.inputs && old.ruleVersion === ruleSet.version) {
          result.unchanged++;
          continue;
        }
        const values = { colour: l.colour, value: l.value, text: l.text, inputs: l.inputs, ruleVersion: ruleSet.version, computedAt: now };
        if (old) ctx.ledger.db.update(warnings).set(values).where(eq(warnings.id, old.id)).run();
        else ctx.ledger.db.insert(warnings).values({ roundId: round.id, projectId, line: l.line, ...values }).run();
        changes.push({ projectId, line: l.line, before: old ? `${old.colour} ${old.text}` : null, after: `${l.colour} ${l.text}` });
        result.written++;
      }
    }
    for (const old of stored.values()) {
      ctx.ledger.db.delete(warnings).where(eq(warnings.id, old.id)).run();
      changes.push({ projectId: old.projectId, line: old.line, before: `${old.colour} ${old.text}`, after: null });
      result.removed++;
    }
    if (changes.length) {
      appendAudit(ctx, {
        action: 'warnings.compute',
        entity: 'monitoring_round',
        entityId: round.id,
        after: { ruleVersion: ruleSet.version, projects: result.projects, written: result.written, removed: result.removed, changes },
      });
    }
    return result;
  });
}

function isClosed(ctx: ServiceContext, year: number): boolean {
  return ctx.ledger.db.select({ status: fiscalYears.status }).from(fiscalYears).where(eq(fiscalYears.year, year)).get()?.status === 'closed';
}

/** The three lines of every covered project, keyed by project id (in id order). */
function computeLines(ctx: ServiceContext, round: RoundRef, rules: MonitoringRules): Map<number, ComputedLine[]> {
  const month = round.asOfMonth;
  const records = new Map(
    ctx.ledger.db
      .select()
      .from(executionRecords)
      .where(eq(executionRecords.roundId, round.id))
      .all()
      .map((r) => [r.projectId, r]),
  );
  // Project targets with entries in this round (a 部门整体 target has no project and no warning row).
  const withEntries = ctx.ledger.db
    .selectDistinct({ projectId: performanceTargets.projectId })
    .from(monitoringEntries)
    .innerJoin(performanceTargets, eq(performanceTargets.id, monitoringEntries.targetId))
    .where(and(eq(monitoringEntries.roundId, round.id), eq(performanceTargets.subject, 'project')))
    .all()
    .map((r) => r.projectId!)
    .filter((id) => id != null);
  const projectIds = [...new Set([...records.keys(), ...withEntries])].sort((a, b) => a - b);
  const targetByProject = new Map<number, number>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const chunk = projectIds.slice(i, i + 500);
    for (const t of ctx.ledger.db
      .select({ id: performanceTargets.id, projectId: performanceTargets.projectId })
      .from(performanceTargets)
      .where(inArray(performanceTargets.projectId, chunk))
      .all()) {
      targetByProject.set(t.projectId!, t.id);
    }
  }
  const indicators = roundIndicators(ctx, round.id, [...targetByProject.values()]);

  const out = new Map<number, ComputedLine[]>();
  for (const projectId of projectIds) {
    const rec = records.get(projectId);
    let executionResult: ExecutionLine | null = null;
    let execution: ComputedLine;
    if (rec) {
      const l = executionLine({ executedFen: rec.executedFen, budgetFen: rec.adjustedBudgetFen, month }, rules);
      executionResult = l;
      execution = {
        line: 'execution',
        colour: l.colour,
        value: l.ratio,
        text: l.text,
        inputs: JSON.stringify({
          month,
          initialBudgetFen: rec.initialBudgetFen,
          adjustedBudgetFen: rec.adjustedBudgetFen,
          executedFen: rec.executedFen,
          expectedFullYearFen: rec.expectedFullYearFen,
          executionRate: l.executionRate,
          timeProgress: l.timeProgress,
          ratio: l.ratio,
          bands: rules.executionBands,
        }),
      };
    } else {
      execution = {
        line: 'execution',
        colour: 'none',
        value: null,
        text: `本轮未导入执行数据，执行率 —，序时进度 ${percentText(timeProgress(month))}`,
        inputs: JSON.stringify({ month, executionRecord: null, timeProgress: timeProgress(month), bands: rules.executionBands }),
      };
    }

    const targetId = targetByProject.get(projectId) ?? null;
    const list = targetId === null ? [] : (indicators.get(targetId) ?? []);
    let completionResult: CompletionLine | null = null;
    let completion: ComputedLine;
    if (targetId === null || list.length === 0) {
      completion = {
        line: 'completion',
        colour: 'none',
        value: null,
        text: targetId === null ? '项目没有绩效目标，目标完成率 —' : '绩效目标没有年度指标，目标完成率 —',
        inputs: JSON.stringify({ month, targetId, indicators: [], bands: rules.completionBands }),
      };
    } else if (!list.some((ri) => ri.entry && ri.entry.currentValue.trim() !== '')) {
      completion = {
        line: 'completion',
        colour: 'none',
        value: null,
        text: '本轮未填报指标完成情况，目标完成率 —',
        inputs: JSON.stringify({ month, targetId, indicators: [], bands: rules.completionBands }),
      };
    } else {
      const progress = list.map((ri) => ({ name: ri.indicator.name, level2: ri.indicator.level2, nature: ri.indicator.nature, target: ri.indicator.value, current: ri.entry?.currentValue ?? '' }));
      const l = completionLine(progress, month, rules);
      completionResult = l;
      completion = {
        line: 'completion',
        colour: l.colour,
        value: l.completionRate,
        text: l.text,
        inputs: JSON.stringify({
          month,
          targetId,
          completionRate: l.completionRate,
          annualCompletionRate: l.annualCompletionRate,
          indicators: list.map((ri, i) => ({
            key: ri.key,
            name: ri.indicator.name,
            level2: ri.indicator.level2,
            nature: ri.indicator.nature,
            target: ri.indicator.value,
            unit: ri.indicator.unit,
            current: progress[i]!.current,
            ratio: l.indicators[i]!.ratio,
            completion: l.indicators[i]!.completion,
            annualCompletion: l.indicators[i]!.annualCompletion,
            colour: l.indicators[i]!.colour,
          })),
          bands: rules.completionBands,
        }),
      };
    }

    const d = projectDeviation(executionResult, completionResult, rules);
    const deviation: ComputedLine = {
      line: 'deviation',
      colour: d.colour,
      value: d.deviation,
      text: d.text,
      inputs: JSON.stringify({
        basis: rules.deviationBasis,
        executionRate: executionResult?.executionRate ?? null,
        executionRatio: executionResult?.ratio ?? null,
        completionRate: completionResult?.completionRate ?? null,
        annualCompletionRate: completionResult?.annualCompletionRate ?? null,
        deviation: d.deviation,
        threshold: rules.deviationNoticeThreshold,
        noticeDue: d.noticeDue,
      }),
    };
    out.set(projectId, [execution, completion, deviation]);
  }
  return out;
}

export interface WarningLineView {
  line: WarningLineKind;
  lineLabel: string;
  colour: Colour;
  colourLabel: string;
  /** Line 1: 执行率/序时进度 %; line 2: 目标完成率 %; line 3: 偏离率 in points. Null shows as "—". */
  value: number | null;
  text: string;
  inputs: Record<string, unknown>;
}

export interface WarningRow {
  projectId: number;
  projectCode: string | null;
  projectName: string;
  unitId: number;
  unitName: string;
  departmentId: number;
  departmentName: string;
  /** 执行率, 序时进度, 目标完成率, 偏离率, %; null where there is no figure. */
  executionRate: number | null;
  timeProgress: number;
  completionRate: number | null;
  deviation: number | null;
  execution: WarningLineView;
  completion: WarningLineView;
  deviationLine: WarningLineView;
  /** 偏离率 above the year's threshold: a 整改通知 is due. */
  noticeDue: boolean;
  /** The latest rectification notice for this project in this round, if any. */
  notice: { id: number; number: string | null; status: string } | null;
  ruleVersion: string;
  computedAt: string;
}

export interface WarningFilter {
  roundId: number;
  /** A unit, or a 主管部门 (its own projects and those of the units under it). */
  unitId?: number | null;
  /** With colour: that line has that colour. Alone: that line is flagged (red, yellow or blue). */
  line?: WarningLineKind | null;
  /** Alone: any line has that colour. */
  colour?: Colour | null;
  /** 'deviation': largest 偏离率 first, "—" last. Default: by 主管部门, unit and project code. */
  sort?: 'deviation' | null;
}

const FLAGGED: ReadonlySet<Colour> = new Set(['red', 'yellow', 'blue']);

/** The stored warnings of a round, one row per project with its three lines. */
export function listWarnings(ctx: ServiceContext, input: WarningFilter): WarningRow[] {
  const round = requireRound(ctx, input.roundId);
  const department = alias(budgetUnits, 'department');
  const rows = ctx.ledger.db
    .select({
      w: warnings,
      projectCode: projects.code,
      projectName: projects.name,
      unitId: budgetUnits.id,
      unitName: budgetUnits.name,
      departmentId: sql<number>`coalesce(${department.id}, ${budgetUnits.id})`,
      departmentName: sql<string>`coalesce(${department.name}, ${budgetUnits.name})`,
    })
    .from(warnings)
    .innerJoin(projects, eq(projects.id, warnings.projectId))
    .innerJoin(budgetUnits, eq(budgetUnits.id, projects.unitId))
    .leftJoin(department, eq(department.id, budgetUnits.parentId))
    .where(eq(warnings.roundId, round.id))
    .orderBy(sql`coalesce(${budgetUnits.parentId}, ${budgetUnits.id})`, asc(budgetUnits.id), asc(projects.code), asc(projects.id))
    .all();
  const notices = new Map<number, WarningRow['notice']>();
  for (const n of ctx.ledger.db
    .select({ id: rectificationNotices.id, projectId: rectificationNotices.projectId, number: rectificationNotices.number, status: rectificationNotices.status })
    .from(rectificationNotices)
    .where(eq(rectificationNotices.roundId, round.id))
    .orderBy(asc(rectificationNotices.id))
    .all()) {
    if (n.projectId != null) notices.set(n.projectId, { id: n.id, number: n.number, status: n.status });
  }

  const byProject = new Map<number, { head: (typeof rows)[number]; lines: Partial<Record<WarningLineKind, WarningLineView>>; ruleVersion: string; computedAt: string }>();
  for (const r of rows) {
    const p = byProject.get(r.w.projectId) ?? { head: r, lines: {}, ruleVersion: r.w.ruleVersion, computedAt: r.w.computedAt };
    p.lines[r.w.line] = {
      line: r.w.line,
      lineLabel: WARNING_LINES[r.w.line],
      colour: r.w.colour,
      colourLabel: COLOUR_LABELS[r.w.colour],
      value: r.w.value,
      text: r.w.text,
      inputs: JSON.parse(r.w.inputs) as Record<string, unknown>,
    };
    if (r.w.computedAt > p.computedAt) p.computedAt = r.w.computedAt;
    byProject.set(r.w.projectId, p);
  }
  const month = round.asOfMonth;
  const blank = (line: WarningLineKind): WarningLineView => ({ line, lineLabel: WARNING_LINES[line], colour: 'none', colourLabel: COLOUR_LABELS.none, value: null, text: '—', inputs: {} });
  let list: WarningRow[] = [...byProject.entries()].map(([projectId, p]) => {
    const execution = p.lines.execution ?? blank('execution');
    const completion = p.lines.completion ?? blank('completion');
    const deviation = p.lines.deviation ?? blank('deviation');
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    return {
      projectId,
      projectCode: p.head.projectCode,
      projectName: p.head.projectName,
      unitId: p.head.unitId,
      unitName: p.head.unitName,
      departmentId: p.head.departmentId,
      departmentName: p.head.departmentName,
      executionRate: num(execution.inputs.executionRate),
      timeProgress: num(execution.inputs.timeProgress) ?? timeProgress(month),
      completionRate: completion.value,
      deviation: deviation.value,
      execution,
      completion,
      deviationLine: deviation,
      noticeDue: deviation.inputs.noticeDue === true,
      notice: notices.get(projectId) ?? null,
      ruleVersion: p.ruleVersion,
      computedAt: p.computedAt,
    };
  });

  if (input.unitId != null) list = list.filter((r) => r.unitId === input.unitId || r.departmentId === input.unitId);
  const lineOf = (r: WarningRow, line: WarningLineKind) => (line === 'execution' ? r.execution : line === 'completion' ? r.completion : r.deviationLine);
  if (input.line && input.colour) list = list.filter((r) => lineOf(r, input.line!).colour === input.colour);
  else if (input.line) list = list.filter((r) => FLAGGED.has(lineOf(r, input.line!).colour));
  else if (input.colour) list = list.filter((r) => LINE_ORDER.some((l) => lineOf(r, l).colour === input.colour));
  if (input.sort === 'deviation') {
    // Stable: equal deviations keep the unit order.
    list = list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => (b.r.deviation ?? -1) - (a.r.deviation ?? -1) || a.i - b.i)
      .map(({ r }) => r);
  }
  return list;
}

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
  byLine: Record<WarningLineKind, Record<Colour, number>>;
  noticeDue: number;
  notices: { total: number; drafts: number; issued: number; closed: number; byStatus: Record<string, number> };
  /** When the warnings were last computed; null when never. */
  computedAt: string | null;
  sentence: string;
}

/** The round at a glance, from the stored warnings (compute first for fresh figures). */
export function roundSummary(ctx: ServiceContext, input: { roundId: number }): RoundSummary {
  const r = requireRound(ctx, input.roundId);
  const round: RoundRef = { id: r.id, year: r.year, name: r.name, asOfMonth: r.asOfMonth, scope: r.scope, dueDate: r.dueDate };
  const execProjects = ctx.ledger.db
    .select({ projectId: executionRecords.projectId, unitId: projects.unitId })
    .from(executionRecords)
    .innerJoin(projects, eq(projects.id, executionRecords.projectId))
    .where(eq(executionRecords.roundId, round.id))
    .all();
  const entryTargets = ctx.ledger.db
    .selectDistinct({ targetId: performanceTargets.id, subject: performanceTargets.subject, projectId: performanceTargets.projectId, unitId: performanceTargets.unitId })
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

  const byLine = Object.fromEntries(LINE_ORDER.map((l) => [l, Object.fromEntries(COLOURS.map((c) => [c, 0]))])) as RoundSummary['byLine'];
  const stored = ctx.ledger.db.select({ line: warnings.line, colour: warnings.colour, n: sql<number>`count(*)` }).from(warnings).where(eq(warnings.roundId, round.id)).groupBy(warnings.line, warnings.colour).all();
  for (const s of stored) byLine[s.line][s.colour] = s.n;
  const meta = ctx.ledger.db.select({ version: sql<string | null>`max(${warnings.ruleVersion})`, at: sql<string | null>`max(${warnings.computedAt})` }).from(warnings).where(eq(warnings.roundId, round.id)).get();
  const noticeDue = ctx.ledger.db
    .select({ n: sql<number>`count(*)` })
    .from(warnings)
    .where(and(eq(warnings.roundId, round.id), eq(warnings.line, 'deviation'), sql`json_extract(${warnings.inputs}, '$.noticeDue') = 1`))
    .get()?.n ?? 0;

  const byStatus: Record<string, number> = {};
  for (const n of ctx.ledger.db.select({ status: rectificationNotices.status, n: sql<number>`count(*)` }).from(rectificationNotices).where(eq(rectificationNotices.roundId, round.id)).groupBy(rectificationNotices.status).all()) {
    byStatus[n.status] = n.n;
  }
  const total = Object.values(byStatus).reduce((s, n) => s + n, 0);
  const notices = { total, drafts: byStatus.draft ?? 0, issued: total - (byStatus.draft ?? 0), closed: byStatus.closed ?? 0, byStatus };

  const projectsCovered = projectUnits.size;
  const threshold = ruleSetOf(ctx, round.year).monitoring.deviationNoticeThreshold;
  const colourList = (counts: Record<Colour, number>) =>
    (['red', 'yellow', 'blue'] as const).filter((c) => counts[c] > 0).map((c) => `${COLOUR_LABELS[c]} ${counts[c]} 个`).join('、') || '无红灯、黄灯';
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

export function requireWarningLine(line: string): WarningLineKind {
  if (!(LINE_ORDER as readonly string[]).includes(line)) throw new LedgerError('invalid_input', `没有“${line}”这条预警线。可用：${LINE_ORDER.map((l) => `${l}（${WARNING_LINES[l]}）`).join('、')}。`);
  return line as WarningLineKind;
}

// ---------------------------------------------------------------------------------------------------
// Reports for the command line (`report warnings`, `report monitoring`): compute, then list.

/** Half-up to 2 decimals, for the report's figures; null stays null. */
const round2 = (v: number | null) => (v === null ? null : Math.round((v + Math.sign(v) * Number.EPSILON * Math.abs(v)) * 100) / 100);

export function warningsReport(ctx: ServiceContext, input: { year: number; round: string }): { text: string[]; json: unknown } {
  const round = findRound(ctx, input.year, input.round);
  const computed = computeWarnings(ctx, { roundId: round.id });
  const rows = listWarnings(ctx, { roundId: round.id });
  const progress = timeProgress(round.asOfMonth);
  const colourTag = (v: WarningLineView, extra = '') => `〔${v.colourLabel}${extra}〕`;
  const text = [
    `${round.year} 年度“${round.name}”（截至 ${round.asOfMonth} 月，序时进度 ${percentText(progress)}）预警：${rows.length} 个项目，规则版本 ${computed.ruleVersion}${computed.yearClosed ? '（年度已关账，未重新计算）' : `（本次更新 ${computed.written + computed.removed} 条）`}。`,
    ...rows.map(
      (r) =>
        `  ${r.unitName}·${r.projectName}：执行率 ${percentText(r.executionRate)}，序时进度 ${percentText(r.timeProgress)}${colourTag(r.execution)}；` +
        `目标完成率 ${percentText(r.completionRate)}${colourTag(r.completion)}；偏离率 ${percentText(r.deviation)}${colourTag(r.deviationLine, r.noticeDue ? '，应下发整改通知' : '')}`,
    ),
  ];
  const json = {
    year: round.year,
    round: { id: round.id, name: round.name, asOfMonth: round.asOfMonth, scope: round.scope, dueDate: round.dueDate },
    timeProgress: round2(progress),
    ruleVersion: computed.ruleVersion,
    computed,
    projects: rows.map((r) => ({
      projectId: r.projectId,
      projectCode: r.projectCode,
      projectName: r.projectName,
      unitName: r.unitName,
      departmentName: r.departmentName,
      executionRate: round2(r.executionRate),
      timeProgress: round2(r.timeProgress),
      executionRatio: round2(r.execution.value),
      completionRate: round2(r.completionRate),
      deviation: round2(r.deviation),
      colours: { execution: r.execution.colour, completion: r.completion.colour, deviation: r.deviationLine.colour },
      noticeDue: r.noticeDue,
      texts: { execution: r.execution.text, completion: r.completion.text, deviation: r.deviationLine.text },
    })),
  };
  return { text, json };
}

export function monitoringReport(ctx: ServiceContext, input: { year: number; round: string }): { text: string[]; json: unknown } {
  const round = findRound(ctx, input.year, input.round);
  const computed = computeWarnings(ctx, { roundId: round.id });
  const summary = roundSummary(ctx, { roundId: round.id });
  const table = (line: WarningLineKind) => `  ${WARNING_LINES[line]}：${COLOURS.map((c) => `${COLOUR_LABELS[c] === '—' ? '无数据' : COLOUR_LABELS[c]} ${summary.byLine[line][c]}`).join('，')}`;
  const text = [
    summary.sentence,
    `监控单位 ${summary.unitsCovered} 个；项目 ${summary.projectsCovered} 个（有执行数据 ${summary.projectsWithExecution} 个，已填报监控表 ${summary.projectsWithEntries} 个）${summary.departmentTargetsCovered ? `；部门整体绩效目标 ${summary.departmentTargetsCovered} 个` : ''}。`,
    ...(summary.projectsCovered ? LINE_ORDER.map(table) : []),
    `应下发整改通知 ${summary.noticeDue} 个项目；整改通知共 ${summary.notices.total} 份（草稿 ${summary.notices.drafts}，已下发 ${summary.notices.issued}，已办结 ${summary.notices.closed}）。`,
  ];
  return { text, json: { ...summary, computed } };
}
