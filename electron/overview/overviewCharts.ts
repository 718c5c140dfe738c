/**
 * 概览's charts, each with the records behind every bar: the monitoring charts (overviewMonitoring.ts),
 * the grades the evaluations stored, the ex-ante conclusions as exAnteOverview counts them, and the
 * 年初预算 by 预算类型 as the 年度概况 (reports/yearSummary.ts) sums it — the same figures as their areas.
 */
import type { ServiceContext } from '../ledger/context';
import { requireYear, ruleSetOf } from '../ledger/years';
import { exAnteOverview, listAssessments } from '../exAnte/exAnte';
import { listKeyEvaluations } from '../keyEvaluations/keyEvaluations';
import { listProjects } from '../projects/projects';
import { yearSummary } from '../reports/yearSummary';
import { listSelfEvaluations } from '../selfEvaluations/selfEvaluations';
import { formatWanYuan } from '../rules/money';
import { formatScore } from '../rules/numberFormat';
import { OVERVIEW_CHART_IDS, OVERVIEW_CHART_TITLES, type OverviewChartId } from '../rules/overviewCharts';
import type { RecordRef } from '../reports/recordRef';
import type { ChartRow, OverviewChart } from './overviewChart';
import { executionChart, warningsChart } from './overviewMonitoring';

const BUILDERS: Record<OverviewChartId, (ctx: ServiceContext, year: number) => OverviewChart> = {
  execution: executionChart,
  warnings: warningsChart,
  grades: gradesChart,
  exAnte: exAnteChart,
  budget: budgetChart,
};

/** Every chart of the year, in the screen's order. Refuses a year the ledger does not hold. */
export function overviewCharts(ctx: ServiceContext, input: { year: number }): OverviewChart[] {
  requireYear(ctx, input.year);
  return OVERVIEW_CHART_IDS.map((id) => BUILDERS[id](ctx, input.year));
}

/** One chart of the year (for its export). */
export function overviewChart(ctx: ServiceContext, input: { year: number; chart: OverviewChartId }): OverviewChart {
  requireYear(ctx, input.year);
  return BUILDERS[input.chart](ctx, input.year);
}

const GRADE_SERIES = [
  { key: 'self', label: '单位自评' },
  { key: 'department', label: '部门评价' },
  { key: 'key', label: '重点评价' },
] as const;

/** Grades as stored with each evaluation (自评 and 部门评价 as last scored, 重点评价 as finalised), on the year's grade bands. */
function gradesChart(ctx: ServiceContext, year: number): OverviewChart {
  const graded: { series: (typeof GRADE_SERIES)[number]['key']; grade: string; record: RecordRef }[] = [];
  for (const s of listSelfEvaluations(ctx, { year })) {
    if (s.grade === null) continue;
    graded.push({
      series: s.kind,
      grade: s.grade,
      record: {
        projectId: s.projectId,
        label: s.projectName,
        unitName: s.unitName,
        detail: `${s.kindLabel} ${formatScore(s.total)} 分，等级 ${s.grade}`,
      },
    });
  }
  for (const e of listKeyEvaluations(ctx, { year })) {
    if (e.status !== 'final' || e.grade === null) continue;
    graded.push({
      series: 'key',
      grade: e.grade,
      record: {
        projectId: e.projectId,
        label: e.name,
        unitName: e.unitName,
        detail: `重点评价 ${formatScore(e.total)} 分，等级 ${e.grade}`,
      },
    });
  }
  const rows: ChartRow[] = ruleSetOf(ctx, year).gradeBands.map(({ grade }) => {
    const mine = graded.filter((g) => g.grade === grade);
    const bySeries = Object.fromEntries(GRADE_SERIES.map((s) => [s.key, mine.filter((g) => g.series === s.key).map((g) => g.record)]));
    return {
      key: grade,
      label: grade,
      values: Object.fromEntries(GRADE_SERIES.map((s) => [s.key, bySeries[s.key]!.length])),
      records: mine.map((g) => g.record),
      bySeries,
    };
  });
  return {
    id: 'grades',
    title: OVERVIEW_CHART_TITLES.grades,
    categoryLabel: '等级',
    note: '个数；自评与部门评价按最近一次评分，重点评价按定稿结果',
    stacked: false,
    columns: GRADE_SERIES.map((s) => ({ key: s.key, label: s.label, kind: 'count' as const, bar: true })),
    rows: graded.length ? rows : [],
    reference: null,
    empty: '本年度还没有评出等级的自评或定稿的重点评价。',
  };
}

function exAnteChart(ctx: ServiceContext, year: number): OverviewChart {
  const overview = exAnteOverview(ctx, { year });
  const finals = listAssessments(ctx, { year }).filter((a) => a.status === 'final');
  const rows: ChartRow[] = overview.byConclusion.map((c) => ({
    key: c.conclusion,
    label: c.conclusion,
    values: { count: c.count, budgetFen: c.budgetFen, recommendedFen: c.recommendedFen },
    records: finals
      .filter((a) => a.conclusion === c.conclusion)
      .map((a) => ({
        projectId: a.projectId,
        label: a.subjectName,
        unitName: a.unitName ?? '',
        detail: `${formatScore(a.score.total)} 分，${c.conclusion}${a.recommendedBudgetFen === null ? '' : `，建议预算 ${formatWanYuan(a.recommendedBudgetFen)} 万元`}`,
      })),
  }));
  return {
    id: 'exAnte',
    title: OVERVIEW_CHART_TITLES.exAnte,
    categoryLabel: '评估结论',
    note: `已定稿的评估 ${overview.assessed} 个${overview.drafts ? `，另有草稿 ${overview.drafts} 个未计入` : ''}`,
    stacked: false,
    columns: [
      { key: 'count', label: '项目数', kind: 'count', bar: true },
      { key: 'budgetFen', label: '年初预算', kind: 'money', bar: false },
      { key: 'recommendedFen', label: '建议预算', kind: 'money', bar: false },
    ],
    rows: overview.assessed ? rows : [],
    reference: null,
    empty: '本年度还没有定稿的事前绩效评估。',
  };
}

function budgetChart(ctx: ServiceContext, year: number): OverviewChart {
  const summary = yearSummary(ctx, { year });
  const projects = listProjects(ctx, { year });
  const rows: ChartRow[] = summary.byBudgetKind.map((k) => ({
    key: k.kind,
    label: k.label,
    values: { fen: k.fen, projects: k.projects },
    records: projects
      .filter((p) => p.budgetKind === k.kind)
      .sort((a, b) => b.initialBudgetFen - a.initialBudgetFen)
      .map((p) => ({ projectId: p.id, label: p.name, unitName: p.unitName, detail: `年初预算 ${formatWanYuan(p.initialBudgetFen)} 万元` })),
  }));
  return {
    id: 'budget',
    title: OVERVIEW_CHART_TITLES.budget,
    categoryLabel: '预算类型',
    note: `${summary.projects} 个项目，年初预算合计 ${formatWanYuan(summary.totalFen)} 万元`,
    stacked: false,
    columns: [
      { key: 'fen', label: '年初预算', kind: 'money', bar: true },
      { key: 'projects', label: '项目数', kind: 'count', bar: false },
    ],
    rows: summary.projects ? rows : [],
    reference: null,
    empty: '本年度还没有项目。可在“项目与目标”中录入或导入项目。',
  };
}
