/**
 * 年度绩效工作情况, the figures of budget preparation and the year's course: the indicator library,
 * targets through 三方联合会审, 五个同步, 事前绩效评估 and 绩效监控 — each computed by the area's own
 * services from the records, and each carrying the records it counts (RecordRef), so a clerk can check
 * every number the draft states. The evaluations' figures are in annualSummaryEvaluations.ts.
 */
import type { ServiceContext } from '../ledger/context';
import { ruleSetOf } from '../ledger/years';
import { listIndicatorClasses, listIndicators } from '../indicators/indicators';
import { listTargets, type TargetListRow } from '../targets/targetList';
import { listUnits } from '../projects/units';
import { listAssessments } from '../exAnte/exAnte';
import { listMonitoringRounds } from '../monitoring/monitoringRounds';
import { listExecution } from '../monitoring/executionRecords';
import { listWarnings, roundSummary } from '../monitoring/warnings';
import { listNotices } from '../rectification/noticeList';
import { syncLags, SYNC_STEPS, TARGET_STATUS } from '../rules/jointReview';
import { formatWanYuan } from '../rules/money';
import { formatScore } from '../rules/numberFormat';
import { GRADES, SYNC_STEP_CODES, type SyncStep } from '../../db/vocabulary';
import type { RecordRef } from './recordRef';

/** A count the draft states and the records it counts (one record each, so the two always agree). */
export interface CountedRecords {
  count: number;
  records: RecordRef[];
}

export interface IndicatorFigures {
  /** Classes with at least one indicator in use, and the indicators in use (retired ones left out). */
  classes: number;
  indicators: CountedRecords;
}

export interface TargetFigures {
  /** Targets that went through at least one round of 三方联合会审. */
  reviewed: CountedRecords;
  reviewedProjects: number;
  reviewedDepartments: number;
  /** 年初预算 of the reviewed projects (a 部门整体 target restates its projects' money, so it is left out). */
  reviewedProjectFen: number;
  /** Returned (中) and reviewed again. */
  reReviewed: CountedRecords;
  /** By the latest round's combined result, in grade order; grades without targets left out. */
  byResult: { grade: string; count: number }[];
  approved: CountedRecords;
}

export interface SyncFigures {
  /** Targets with any 五个同步 date recorded. */
  tracked: number;
  /** Budget and targets dated at every step (公开 aside, which 涉密单位 skip). */
  together: CountedRecords;
  /** The target's date of some step is missing or later than the budget's. */
  lagging: CountedRecords;
  published: CountedRecords;
  /** Approved but not published because the unit is 涉密. */
  classifiedUnpublished: number;
}

export interface ExAnteFigures {
  assessed: CountedRecords;
  drafts: number;
  /** Final assessments by conclusion, in the year's band order; conclusions without one left out. */
  byConclusion: { conclusion: string; count: number }[];
}

export interface MonitoringRoundFigures {
  name: string;
  asOfMonth: number;
  /** Project rounds: projects covered; 部门整体 rounds: 部门整体 targets with entries. */
  scopeLabel: string;
  held: boolean;
  units: number;
  projects: number;
  departmentTargets: number;
  /** Projects red on any of the three lines. */
  red: CountedRecords;
  /** 偏离率 above the threshold: a 整改通知 is due. */
  noticeDue: CountedRecords;
}

export interface MonitoringFigures {
  /** The year's rule: 偏离率 above this many points calls for a 整改通知. */
  threshold: number;
  rounds: MonitoringRoundFigures[];
  /** Over the rounds held: the projects covered and their units. */
  projects: CountedRecords;
  units: number;
  /** Notices from monitoring rounds that went out (not drafts), and those closed. */
  noticesIssued: CountedRecords;
  noticesClosed: number;
}

const yuan = (fen: number) => `${formatWanYuan(fen)} 万元`;

/** The library as it stands: classes and indicators in use. */
export function indicatorFigures(ctx: ServiceContext): IndicatorFigures {
  const classes = listIndicatorClasses(ctx).filter((c) => c.activeCount > 0);
  const active = listIndicators(ctx).filter((i) => i.retiredAt === null);
  return {
    classes: classes.length,
    indicators: counted(
      active.map((i) => ({ projectId: null, label: i.name, unitName: '', detail: `${i.className} · ${i.level1}/${i.level2}` })),
    ),
  };
}

/** Targets through 三方联合会审 and approval. */
export function targetFigures(ctx: ServiceContext, year: number): TargetFigures {
  const rows = listTargets(ctx, { year }).filter((t) => t.targetId !== null);
  const reviewed = rows.filter((t) => t.rounds > 0);
  const byResult = GRADES.map((grade) => ({ grade, count: reviewed.filter((t) => t.lastResult === grade).length })).filter(
    (g) => g.count > 0,
  );
  return {
    reviewed: counted(reviewed.map((t) => targetRef(t, `会审 ${t.rounds} 轮，结果 ${t.lastResult ?? '未定'}`))),
    reviewedProjects: reviewed.filter((t) => t.subject === 'project').length,
    reviewedDepartments: reviewed.filter((t) => t.subject === 'department').length,
    reviewedProjectFen: reviewed.filter((t) => t.subject === 'project').reduce((s, t) => s + t.budgetFen, 0),
    reReviewed: counted(
      reviewed.filter((t) => t.rounds > 1).map((t) => targetRef(t, `会审 ${t.rounds} 轮，结果 ${t.lastResult ?? '未定'}`)),
    ),
    byResult,
    approved: counted(
      rows
        .filter((t) => t.status === 'approved' || t.status === 'published')
        .map((t) => targetRef(t, TARGET_STATUS[t.status as 'approved'])),
    ),
  };
}

/** 五个同步: budget and targets dated step by step. */
export function syncFigures(ctx: ServiceContext, year: number): SyncFigures {
  const rows = listTargets(ctx, { year }).filter((t) => t.sync !== null);
  const tracked = rows.filter((t) => Object.keys(t.sync!.budget).length + Object.keys(t.sync!.target).length > 0);
  const steps: SyncStep[] = SYNC_STEP_CODES.filter((s) => s !== 'publish');
  const classified = new Set(
    listUnits(ctx, { year })
      .filter((u) => u.classified)
      .map((u) => u.id),
  );
  const lagging = tracked
    .map((t) => ({ t, lags: syncLags(t.sync!) }))
    .filter((x) => x.lags.length > 0)
    .map(({ t, lags }) =>
      targetRef(t, lags.map((l) => `${SYNC_STEPS[l.step]}：预算 ${l.budget}，目标 ${l.target ?? '未录入'}`).join('；')),
    );
  return {
    tracked: tracked.length,
    together: counted(
      tracked
        .filter((t) => steps.every((s) => t.sync!.budget[s] && t.sync!.target[s]))
        .map((t) => targetRef(t, steps.map((s) => `${SYNC_STEPS[s]} ${t.sync!.target[s]}`).join('，'))),
    ),
    lagging: counted(lagging),
    published: counted(
      tracked.filter((t) => t.status === 'published').map((t) => targetRef(t, `公开 ${t.sync!.target.publish ?? ''}`.trim())),
    ),
    classifiedUnpublished: tracked.filter((t) => t.status === 'approved' && classified.has(t.unitId)).length,
  };
}

/** 事前绩效评估: final assessments by conclusion. */
export function exAnteFigures(ctx: ServiceContext, year: number): ExAnteFigures {
  const all = listAssessments(ctx, { year });
  const finals = all.filter((a) => a.status === 'final');
  const byConclusion = ruleSetOf(ctx, year)
    .exAnte.conclusionBands.map((b) => ({ conclusion: b.conclusion, count: finals.filter((a) => a.conclusion === b.conclusion).length }))
    .filter((c) => c.count > 0);
  return {
    assessed: counted(
      finals.map((a) => ({
        projectId: a.projectId,
        label: a.subjectName,
        unitName: a.unitName ?? '',
        detail: `得分 ${formatScore(a.score.total)}，${a.conclusion ?? '未定结论'}${a.projectBudgetFen === null ? '' : `，年初预算 ${yuan(a.projectBudgetFen)}`}`,
      })),
    ),
    drafts: all.length - finals.length,
    byConclusion,
  };
}

/** 绩效监控: the rounds held, their coverage, red warnings and the 整改通知 they called for. */
export function monitoringFigures(ctx: ServiceContext, year: number): MonitoringFigures {
  const threshold = ruleSetOf(ctx, year).monitoring.deviationNoticeThreshold;
  const covered = new Map<number, RecordRef & { unitId: number }>();
  const rounds = listMonitoringRounds(ctx, { year }).map((round): MonitoringRoundFigures => {
    const summary = roundSummary(ctx, { roundId: round.id });
    const warned = listWarnings(ctx, { roundId: round.id });
    const mine = new Map<number, RecordRef & { unitId: number }>();
    for (const e of listExecution(ctx, { roundId: round.id }))
      mine.set(e.projectId, { projectId: e.projectId, label: e.projectName, unitName: e.unitName, unitId: e.unitId, detail: '' });
    for (const w of warned)
      mine.set(w.projectId, { projectId: w.projectId, label: w.projectName, unitName: w.unitName, unitId: w.unitId, detail: '' });
    for (const [id, ref] of mine) covered.set(id, { ...ref, detail: [covered.get(id)?.detail, round.name].filter(Boolean).join('、') });
    const projectRef = (w: (typeof warned)[number], detail: string): RecordRef => ({
      projectId: w.projectId,
      label: w.projectName,
      unitName: w.unitName,
      detail,
    });
    return {
      name: round.name,
      asOfMonth: round.asOfMonth,
      scopeLabel: round.scope === 'department' ? '部门整体' : '项目',
      held: mine.size + summary.departmentTargetsCovered > 0,
      units: new Set([...mine.values()].map((r) => r.unitId)).size,
      projects: mine.size,
      departmentTargets: summary.departmentTargetsCovered,
      red: counted(
        warned
          .filter((w) => [w.execution, w.completion, w.deviationLine].some((l) => l.colour === 'red'))
          .map((w) =>
            projectRef(
              w,
              [w.execution, w.completion, w.deviationLine]
                .filter((l) => l.colour === 'red')
                .map((l) => `${l.lineLabel}：${l.text}`)
                .join('；'),
            ),
          ),
      ),
      noticeDue: counted(
        warned.filter((w) => w.noticeDue).map((w) => projectRef(w, `${w.deviationLine.lineLabel}：${w.deviationLine.text}`)),
      ),
    };
  });
  const notices = listNotices(ctx, { year }).filter((n) => n.source === 'monitoring' && n.status !== 'draft');
  return {
    threshold,
    rounds,
    projects: counted([...covered.values()].map(({ unitId: _unit, ...ref }) => ({ ...ref, detail: `监控轮次：${ref.detail}` }))),
    units: new Set([...covered.values()].map((r) => r.unitId)).size,
    noticesIssued: counted(
      notices.map((n) => ({
        projectId: n.projectId,
        label: n.projectName ?? n.label,
        unitName: n.unitName,
        detail: `${n.label}（${n.roundName ?? ''}），${n.statusLabel}`,
      })),
    ),
    noticesClosed: notices.filter((n) => n.status === 'closed').length,
  };
}

function targetRef(t: TargetListRow, detail: string): RecordRef {
  return { projectId: t.projectId, label: t.name, unitName: t.unitName, detail };
}

export function counted(records: RecordRef[]): CountedRecords {
  return { count: records.length, records };
}
