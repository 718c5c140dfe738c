/**
 * The warning list: a round's stored warnings, one row per project with its three lines, filtered by
 * unit, line and colour and sorted as the screen asks. Reads only what computeWarnings stored.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { budgetUnits, projects, rectificationNotices, warnings } from '../../db/schema';
import { WARNING_LINES } from '../rules/monitoringLabels';
import { COLOUR_LABELS, colourSeverity, timeProgress, worstColour } from '../rules/warningLines';
import type { ServiceContext } from '../ledger/context';
import { requireRound } from './monitoringRounds';
import { storedNoticeDecision } from './warningComputation';
import { WARNING_LINE_CODES, type WarningColour, type WarningLine } from '../../db/vocabulary';

export interface WarningLineView {
  line: WarningLine;
  lineLabel: string;
  colour: WarningColour;
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
  line?: WarningLine | null;
  /** Alone: any line has that colour. */
  colour?: WarningColour | null;
  /**
   * 'deviation': largest 偏离率 first, "—" last. 'attention': what needs action first — the row's worst
   * colour (red, yellow, blue, green), then the larger 偏离率. Default: by 主管部门, unit and project code.
   */
  sort?: 'deviation' | 'attention' | null;
}

const FLAGGED: ReadonlySet<WarningColour> = new Set(['red', 'yellow', 'blue']);

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
    .select({
      id: rectificationNotices.id,
      projectId: rectificationNotices.projectId,
      number: rectificationNotices.number,
      status: rectificationNotices.status,
    })
    .from(rectificationNotices)
    .where(eq(rectificationNotices.roundId, round.id))
    .orderBy(asc(rectificationNotices.id))
    .all()) {
    if (n.projectId != null) notices.set(n.projectId, { id: n.id, number: n.number, status: n.status });
  }

  const byProject = new Map<
    number,
    { head: (typeof rows)[number]; lines: Partial<Record<WarningLine, WarningLineView>>; ruleVersion: string; computedAt: string }
  >();
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
  const blank = (line: WarningLine): WarningLineView => ({
    line,
    lineLabel: WARNING_LINES[line],
    colour: 'none',
    colourLabel: COLOUR_LABELS.none,
    value: null,
    text: '—',
    inputs: {},
  });
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
      noticeDue: storedNoticeDecision(deviation.inputs)?.noticeDue ?? false,
      notice: notices.get(projectId) ?? null,
      ruleVersion: p.ruleVersion,
      computedAt: p.computedAt,
    };
  });

  if (input.unitId != null) list = list.filter((r) => r.unitId === input.unitId || r.departmentId === input.unitId);
  const lineOf = (r: WarningRow, line: WarningLine) =>
    line === 'execution' ? r.execution : line === 'completion' ? r.completion : r.deviationLine;
  if (input.line && input.colour) list = list.filter((r) => lineOf(r, input.line!).colour === input.colour);
  else if (input.line) list = list.filter((r) => FLAGGED.has(lineOf(r, input.line!).colour));
  else if (input.colour) list = list.filter((r) => WARNING_LINE_CODES.some((l) => lineOf(r, l).colour === input.colour));
  if (input.sort) {
    const rank = (r: WarningRow) =>
      input.sort === 'attention' ? colourSeverity(worstColour([r.execution.colour, r.completion.colour, r.deviationLine.colour])) : 0;
    // Stable: rows alike keep the unit order.
    list = list
      .map((r, i) => ({ r, i }))
      .sort((a, b) => rank(b.r) - rank(a.r) || (b.r.deviation ?? -1) - (a.r.deviation ?? -1) || a.i - b.i)
      .map(({ r }) => r);
  }
  return list;
}
