/**
 * 演示台账 (demoYear.ts), carried through budget preparation and the May checkpoint with the services
 * a clerk uses: 绩效目标 declared, 三方联合会审, 批复 and 公开 (五个同步 dates of the targets and of the
 * budget); then the 5月项目监控 round — the budget platform's execution export as a real workbook, each
 * unit's monitoring form, the three warning lines, and 整改通知 for 偏离率 above the year's threshold.
 *
 * The rules the demo follows:
 * - Targets for every project that entered the budget: 入库 with a 年初预算 above 0 (储备, 撤回 and the
 *   mid-year projects at 0 have none), plus each 主管部门's 部门整体. Class by the project's name or type
 *   (db/demo/luntai2023.ts); common indicators from the library as the recommendation ranks them,
 *   the class's mandatory ones first, one or two for each group the target checks require.
 * - Review: about 7 in 10 come out 优, the rest 良 (completed by the bureau) or 中 (returned, revised,
 *   passed in a second round); the combined result is the service's suggestion from the opinions.
 *   Everything is approved; all but the 涉密单位's targets are published.
 * - May: every project with targets is in the platform's export and has its form filled; 时效 and 满意度
 *   are measured at year end and left to the full-year estimate. Most projects are on schedule, with
 *   spending in step with the share of their targets reached; some spend slowly, some lag in output,
 *   a few both, a few run ahead.
 *
 * Dates: each step runs on its day of the demo year (the autumn before for budget preparation), so
 * 五个同步, review rounds and notice deadlines read as that year's, whenever the demo is built.
 */
import * as XLSX from 'xlsx';
import {
  ANNUAL_GOAL_BY_CLASS,
  DEPARTMENT_TARGET_CLASS,
  departmentTargetText,
  DEVIATIONS,
  NOTICE_CLOSING,
  NOTICE_FEEDBACK,
  REVIEW_OPINIONS,
  REVIEW_RESULT_NOTES,
  REVIEWERS,
  TARGET_CLASS_BY_TYPE,
  TARGET_CLASS_BY_WORD,
} from './luntai2023';
import { recommendIndicators, type LibraryIndicator } from '../../electron/rules/indicatorRecommendation';
import { isLowerBetter } from '../../electron/rules/indicatorRules';
import { REVIEW_PARTIES } from '../../electron/rules/jointReview';
import { requiredEntryFields } from '../../electron/rules/monitoringLabels';
import { numberIn } from '../../electron/rules/targetChecks';
import { completionLine, indicatorLine } from '../../electron/rules/warningLines';
import type { ServiceContext } from '../../electron/ledger/context';
import { commitExecutionImport } from '../../electron/monitoring/executionImport';
import { listIndicatorClasses, listIndicators, type IndicatorRow } from '../../electron/indicators/indicators';
import {
  approveTargets,
  completeByFinance,
  decideRound,
  publishTargets,
  recordOpinion,
  submitForReview,
} from '../../electron/targets/jointReview';
import { indicatorKey, saveMonitoringForm, type MonitoringEntryInput } from '../../electron/monitoring/monitoringEntries';
import { createDefaultRounds } from '../../electron/monitoring/monitoringRounds';
import { listProjects, type ProjectRow } from '../../electron/projects/projects';
import { draftNoticesFromWarnings, issueNotices, recordFeedback, reviewNotice } from '../../electron/rectification/rectification';
import { createTarget, saveTarget } from '../../electron/targets/targets';
import type { TargetDetail, TargetIndicatorInput } from '../../electron/targets/targetDetail';
import { setSyncDateInside } from '../../electron/targets/targetSync';
import { listUnits } from '../../electron/projects/units';
import { computeWarnings, roundSummary } from '../../electron/monitoring/warnings';
import { ruleSetOf } from '../../electron/ledger/years';
import type { Grade, ReviewParty, SyncStep, WarningColour, WarningLine } from '../../db/vocabulary';
import { onDay } from './demoClock';

export interface DemoTargetFigures {
  /** Project targets: one per project that entered the budget. */
  projects: number;
  /** 部门整体 targets of the 主管部门. */
  departments: number;
  /** First-round results of 三方联合会审; each 中 was revised and passed in a second round. */
  firstRound: Record<Grade, number>;
  approved: number;
  published: number;
  /** Approved but not published: the 涉密单位's. */
  classifiedUnpublished: number;
}

export interface DemoMonitoringFigures {
  round: string;
  units: number;
  projects: number;
  byLine: Record<WarningLine, Record<WarningColour, number>>;
  noticeDue: number;
  notices: { issued: number; answered: number; closed: number };
  /** The round's summary sentence, as the 本轮概况 screen and `report monitoring` give it. */
  sentence: string;
}

/** The day each step happens: [years after the demo year, MM-DD]. */
const CALENDAR = {
  assign: [-1, '10-20'],
  declare: [-1, '11-10'],
  review: [-1, '12-06'],
  complete: [-1, '12-13'],
  resubmit: [-1, '12-15'],
  secondReview: [-1, '12-22'],
  approve: [0, '01-16'],
  publish: [0, '02-03'],
  execution: [0, '06-05'],
  forms: [0, '06-12'],
  warnings: [0, '06-16'],
  notices: [0, '06-19'],
  feedback: [0, '06-30'],
  close: [0, '07-10'],
} as const satisfies Record<string, readonly [number, string]>;
type Step = keyof typeof CALENDAR;

/** How a project stands in May, and how often: on schedule, slow spending, lagging output, both, ahead. */
const MAY_PACES = [
  { pace: 'onTrack', share: 0.74, output: [0.37, 0.48] },
  { pace: 'slowSpending', share: 0.1, output: [0.37, 0.48] },
  { pace: 'behind', share: 0.08, output: [0.12, 0.28] },
  { pace: 'bothBehind', share: 0.04, output: [0.12, 0.28] },
  { pace: 'ahead', share: 0.04, output: [0.55, 0.7] },
] as const;
type Pace = (typeof MAY_PACES)[number]['pace'];

const BENEFIT = ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'];
const ORDER = ['数量指标', '质量指标', '时效指标', '成本指标', ...BENEFIT, '服务对象满意度指标'];

export function buildDemoTargetsAndMonitoring(
  ctx: ServiceContext,
  year: number,
  random: () => number,
): { targets: DemoTargetFigures; monitoring: DemoMonitoringFigures } {
  const on = (step: Step): ServiceContext => onDay(ctx, `${year + CALENDAR[step][0]}-${CALENDAR[step][1]}`);
  const indicators = listIndicators(ctx);
  const library: Library = {
    byId: new Map(indicators.map((i) => [i.id, i])),
    byClass: new Map(),
    classIds: new Map(listIndicatorClasses(ctx).map((c) => [c.name, c.id])),
  };
  for (const i of indicators)
    library.byClass.set(i.className, [...(library.byClass.get(i.className) ?? []), { ...i, retired: i.retiredAt !== null }]);

  const budgeted = listProjects(ctx, { year }).filter((p) => p.libraryStatus === 'admitted' && p.initialBudgetFen > 0);
  const departments = listUnits(ctx, { year }).filter((u) => u.parentId === null);
  const projectTargets = budgeted.map((p) => declare(on, year, library, random, { project: p }));
  const departmentTargets = departments.map((u) =>
    declare(on, year, library, random, { department: u, projects: budgeted.filter((p) => p.unitId === u.id).length }),
  );
  const targets = [...projectTargets, ...departmentTargets];

  const firstRound: Record<Grade, number> = { 优: 0, 良: 0, 中: 0, 差: 0 };
  for (const t of targets) firstRound[review(on, t, random)]++;
  const ids = targets.map((t) => t.id);
  approveTargets(on('approve'), { targetIds: ids });
  for (const id of ids) budgetStep(on, year, id, 'approve');
  const publishable = targets.filter((t) => !t.classified).map((t) => t.id);
  publishTargets(on('publish'), { targetIds: publishable });
  for (const id of publishable) budgetStep(on, year, id, 'publish');

  const monitoring = monitorMay(ctx, on, year, projectTargets, budgeted, random);
  return {
    targets: {
      projects: projectTargets.length,
      departments: departmentTargets.length,
      firstRound,
      approved: ids.length,
      published: publishable.length,
      classifiedUnpublished: ids.length - publishable.length,
    },
    monitoring,
  };
}

// ---------------------------------------------------------------------------------------------------
// 绩效目标 and 三方联合会审

/**
 * The budget's side of 五个同步: each step recorded with the target's own step of the same day, so a
 * target's record reads in date order (公开 except for the 涉密单位). A target returned with 中 was
 * reviewed again a fortnight later, so the board shows it lagging its budget at 审核 — as it would have.
 */
function budgetStep(on: (s: Step) => ServiceContext, year: number, targetId: number, step: SyncStep): void {
  setSyncDateInside(on(step), targetId, 'budget', step, `${year + CALENDAR[step][0]}-${CALENDAR[step][1]}`, true);
}

type Subject = { project: ProjectRow } | { department: { id: number; name: string }; projects: number };

/** The common indicator library, read once for the whole demo. */
interface Library {
  byId: Map<number, IndicatorRow>;
  byClass: Map<string, LibraryIndicator[]>;
  classIds: Map<string, number>;
}

/** A target created and written: class, goal, funds as created, and the chosen indicators with values. */
function declare(on: (s: Step) => ServiceContext, year: number, library: Library, random: () => number, subject: Subject): TargetDetail {
  const created =
    'project' in subject
      ? createTarget(on('assign'), { year, projectId: subject.project.id, unitId: null })
      : createTarget(on('assign'), { year, projectId: null, unitId: subject.department.id });
  budgetStep(on, year, created.id, 'assign');
  const name = 'project' in subject ? subject.project.name : subject.department.name;
  const className = 'project' in subject ? classOf(subject.project) : DEPARTMENT_TARGET_CLASS;
  const classId = library.classIds.get(className);
  if (classId === undefined) throw new Error(`演示数据：指标库中没有“${className}”类`);
  const text =
    'project' in subject
      ? { mainTasks: null, annualGoal: `${year}年，${ANNUAL_GOAL_BY_CLASS[className]}。` }
      : departmentTargetText(year, subject.projects);
  const ctx = on('declare');
  const chosen = chooseIndicators(library, className, name);
  const budgetWan = created.annualTotalFen / 1_000_000;
  const saved = saveTarget(ctx, {
    id: created.id,
    indicatorClassId: classId,
    period: created.period,
    midTermGoal: null,
    ...text,
    annualTotalFen: created.annualTotalFen,
    annualFiscalFen: created.annualFiscalFen,
    annualOtherFen: created.annualOtherFen,
    midTotalFen: null,
    midFiscalFen: null,
    midOtherFen: null,
    indicators: chosen.map((i): TargetIndicatorInput => ({
      libraryIndicatorId: i.id,
      period: 'annual',
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      nature: i.nature,
      unit: i.unit,
      value: targetValue(i, budgetWan, random),
    })),
  });
  budgetStep(on, year, saved.id, 'declare');
  return saved;
}

function classOf(project: ProjectRow): string {
  return (
    TARGET_CLASS_BY_WORD.find(([words]) => words.some((w) => project.name.includes(w)))?.[1] ??
    TARGET_CLASS_BY_TYPE[project.projectType] ??
    '其他'
  );
}

/** How many indicators each group gets, and which library indicators fit it (lower preference first; null: not at all). */
const GROUPS: { level2: readonly string[]; count: number; preference: (i: IndicatorRow) => number | null }[] = [
  { level2: ['数量指标'], count: 2, preference: (i) => (measurable(i) ? 0 : null) },
  { level2: ['质量指标'], count: 1, preference: (i) => (measurable(i) ? 0 : null) },
  { level2: ['时效指标'], count: 1, preference: (i) => (i.nature === '定性' ? null : 0) },
  // A count or an amount first: a rate prorated to May reads oddly; then a qualitative one.
  { level2: BENEFIT, count: 1, preference: (i) => (i.nature === '定性' ? 1 : !measurable(i) ? null : i.unit === '%' ? 2 : 0) },
  { level2: ['服务对象满意度指标'], count: 1, preference: (i) => (i.nature === '定性' ? null : 0) },
];

/** Higher-is-better with a target above zero, so progress toward it can be reported. */
const measurable = (i: IndicatorRow) => i.nature !== '定性' && !isLowerBetter(i.nature) && (numberIn(i.referenceHint ?? '') ?? 0) > 0;

/**
 * The class's mandatory indicators, then the best-ranked fit of the class for each group still short,
 * in the form's order. Ranked as recommendForProject ranks them: the project's words count.
 */
function chooseIndicators(library: Library, className: string, text: string): IndicatorRow[] {
  const ofClass = library.byClass.get(className) ?? [];
  const ranked = recommendIndicators(ofClass, { className, text }, ofClass.length)
    .map((r) => library.byId.get(r.indicator.id)!)
    .filter((i) => i.scope === 'annual');
  const chosen = ranked.filter((i) => i.mandatory);
  for (const group of GROUPS) {
    while (chosen.filter((i) => group.level2.includes(i.level2)).length < group.count) {
      const fits = ranked
        .filter((i) => group.level2.includes(i.level2) && !chosen.some((c) => c.name === i.name))
        .map((i) => ({ i, p: group.preference(i) }))
        .filter((x): x is { i: IndicatorRow; p: number } => x.p !== null);
      if (!fits.length) break;
      chosen.push(fits.reduce((best, x) => (x.p < best.p ? x : best)).i);
    }
  }
  return chosen.sort((a, b) => ORDER.indexOf(a.level2) - ORDER.indexOf(b.level2));
}

/** 指标值 as a unit would set it: counts scaled to the money, amounts equal to it, rates and words from the library's reference. */
function targetValue(i: IndicatorRow, budgetWan: number, random: () => number): string {
  if (i.nature === '定性') return i.referenceHint ?? '有效提升';
  const reference = numberIn(i.referenceHint ?? '') ?? 0;
  if (i.level2 === '服务对象满意度指标') return String([90, 90, 92, 95][Math.floor(random() * 4)]);
  if (i.level2 !== '数量指标' || i.unit === '%') return String(reference);
  if (i.unit?.startsWith('万元')) return String(Math.max(1, Math.round(budgetWan)));
  return String(roundNicely(reference * Math.min(6, Math.max(0.3, budgetWan / 100)) * (0.8 + random() * 0.45)));
}

/** To two significant figures above 100, whole numbers below; at least 1. */
function roundNicely(x: number): number {
  if (x < 100) return Math.max(1, Math.round(x));
  const step = 10 ** (Math.floor(Math.log10(x)) - 1);
  return Math.round(x / step) * step;
}

/** Submitted, the three parties' opinions, the bureau's result; a 良 completed by the bureau, a 中 revised and passed next round. */
function review(on: (s: Step) => ServiceContext, target: TargetDetail, random: () => number): Grade {
  const draw = random();
  const first = roundOf(on, target, 'declare', 'review', draw < 0.7 ? '优' : draw < 0.94 ? '良' : '中', random);
  budgetStep(on, target.year, target.id, 'review');
  if (first === '中') {
    saveTarget(on('resubmit'), { ...target, annualGoal: `${target.annualGoal}（按会审意见细化）`, indicators: target.indicators });
    const second = roundOf(on, target, 'resubmit', 'secondReview', random() < 0.6 ? '优' : '良', random);
    if (second === '良') completeByFinance(on('secondReview'), { targetId: target.id });
  } else if (first === '良') completeByFinance(on('complete'), { targetId: target.id });
  return first;
}

/** One round: each party grades the four dimensions around the target's quality; the bureau takes the suggested result. */
function roundOf(
  on: (s: Step) => ServiceContext,
  target: TargetDetail,
  submit: Step,
  decide: Step,
  quality: '优' | '良' | '中',
  random: () => number,
): Grade {
  submitForReview(on(submit), { targetId: target.id });
  const grade = (): Grade => {
    const r = random();
    if (quality === '优') return r < 0.85 ? '优' : '良';
    if (quality === '良') return r < 0.15 ? '优' : r < 0.85 ? '良' : '中';
    return r < 0.65 ? '中' : '良';
  };
  let suggestion: Grade | null = null;
  for (const party of Object.keys(REVIEW_PARTIES) as ReviewParty[]) {
    const rounds = recordOpinion(on(decide), {
      targetId: target.id,
      party,
      reviewer: party === 'unit' ? target.departmentName : REVIEWERS[party],
      completeness: grade(),
      relevance: grade(),
      appropriateness: grade(),
      feasibility: grade(),
      opinion: REVIEW_OPINIONS[party][quality],
    });
    suggestion = rounds.at(-1)!.suggestion;
  }
  const result = suggestion!;
  decideRound(on(decide), { targetId: target.id, result, note: result === '良' || result === '中' ? REVIEW_RESULT_NOTES[result] : null });
  return result;
}

// ---------------------------------------------------------------------------------------------------
// 5月项目监控

interface MayPlan {
  target: TargetDetail;
  project: ProjectRow;
  entries: MonitoringEntryInput[];
  adjustedFen: number;
  executedFen: number;
  expectedFullYearFen: number;
}

function monitorMay(
  ctx: ServiceContext,
  on: (s: Step) => ServiceContext,
  year: number,
  targets: TargetDetail[],
  projects: ProjectRow[],
  random: () => number,
): DemoMonitoringFigures {
  const between = (low: number, high: number) => low + random() * (high - low);
  const round = createDefaultRounds(on('execution'), { year }).find((r) => r.scope === 'project' && r.asOfMonth === 5)!;
  const rules = ruleSetOf(ctx, year).monitoring;
  const byId = new Map(projects.map((p) => [p.id, p]));

  const plans: MayPlan[] = targets.map((target) => {
    const project = byId.get(target.projectId!)!;
    let r = random();
    const { pace, output } = MAY_PACES.find((p) => (r -= p.share) < 0) ?? MAY_PACES[0];
    const lagging = pace === 'behind' || pace === 'bothBehind';
    const share = between(output[0], output[1]);
    const deviation = DEVIATIONS[Math.floor(random() * DEVIATIONS.length)]!;
    const rows = target.indicators.map((i) => {
      const row = mayEntry(i, share, lagging, random);
      const progress = { name: i.name, level2: i.level2, nature: i.nature, target: i.value, current: row.currentValue };
      // The reason, its explanation and the correction wherever the form requires them (red, yellow, or not 确定能).
      const colour = indicatorLine(progress, round.asOfMonth, rules).colour;
      const entry = requiredEntryFields(row, colour).includes('deviationReason')
        ? { ...row, deviationReason: deviation.reason, explanation: deviation.explanation, correctiveAction: deviation.correctiveAction }
        : row;
      return { entry, progress };
    });
    const entries = rows.map((r): MonitoringEntryInput => r.entry);
    const completion =
      completionLine(
        rows.map((r) => r.progress),
        round.asOfMonth,
        rules,
      ).annualCompletionRate ?? share * 100;
    const rate = executionRate(pace, completion, between);
    const adjustedFen = adjusted(project.initialBudgetFen, random);
    const executedFen = Math.round((adjustedFen * rate) / 100);
    const expectedFullYearFen =
      pace === 'slowSpending' || pace === 'bothBehind'
        ? Math.max(executedFen, Math.round((adjustedFen * between(0.85, 0.98)) / 100) * 100)
        : adjustedFen;
    return { target, project, entries, adjustedFen, executedFen, expectedFullYearFen };
  });

  commitExecutionImport(on('execution'), {
    roundId: round.id,
    fileName: `轮台县${year}年1-5月项目支出预算执行情况表.xlsx`,
    bytes: platformExport(year, plans),
  });
  for (const p of plans) saveMonitoringForm(on('forms'), { roundId: round.id, targetId: p.target.id, entries: p.entries });

  computeWarnings(on('warnings'), { roundId: round.id });
  const drafts = draftNoticesFromWarnings(on('notices'), { roundId: round.id });
  const issued = drafts.length ? issueNotices(on('notices'), { ids: drafts.map((n) => n.id) }) : [];
  const answered = issued.filter(() => random() < 0.2);
  answered.forEach((n, k) => recordFeedback(on('feedback'), { id: n.id, text: NOTICE_FEEDBACK[k % NOTICE_FEEDBACK.length]! }));
  if (answered[0]) reviewNotice(on('close'), { id: answered[0].id, decision: 'close', text: NOTICE_CLOSING });

  const summary = roundSummary(ctx, { roundId: round.id });
  return {
    round: round.name,
    units: summary.unitsCovered,
    projects: summary.projectsCovered,
    byLine: summary.byLine,
    noticeDue: summary.noticeDue,
    notices: { issued: summary.notices.issued, answered: summary.notices.byStatus.answered ?? 0, closed: summary.notices.closed },
    sentence: summary.sentence,
  };
}

/**
 * One indicator's May row. Counts and benefits are reported at the share of the year done (a
 * handful of items is delivered whole, so it waits); rates of quality at or a little above target;
 * 时效 and 满意度 are measured at year end, so only the full-year estimate is given.
 */
function mayEntry(i: TargetDetail['indicators'][number], share: number, lagging: boolean, random: () => number): MonitoringEntryInput {
  const likelihood = lagging ? 'possible' : 'certain';
  const row = {
    key: indicatorKey(i.name),
    currentValue: '',
    expectedValue: '',
    likelihood,
    deviationReason: null,
    explanation: null,
    correctiveAction: null,
  } as const;
  if (i.nature === '定性') return { ...row, currentValue: lagging ? '部分达成' : '达成' };
  const target = numberIn(i.value)!;
  if (i.level2 === '时效指标' || i.level2 === '服务对象满意度指标') return { ...row, expectedValue: i.value, likelihood: 'certain' };
  if (i.level2 === '数量指标' || BENEFIT.includes(i.level2)) {
    if (target < 6) return { ...row, expectedValue: i.value };
    const current = target * share * (0.95 + random() * 0.1);
    return {
      ...row,
      currentValue: String(Number.isInteger(target) ? Math.round(current) : Number(current.toFixed(2))),
      expectedValue: i.value,
    };
  }
  return { ...row, currentValue: String(Math.min(100, target + Math.floor(random() * 4))), expectedValue: i.value };
}

/** 执行率 (%) by the project's pace: on schedule it follows the share of targets reached. */
function executionRate(pace: Pace, completion: number, between: (low: number, high: number) => number): number {
  switch (pace) {
    case 'onTrack':
    case 'ahead':
      return Math.min(98, Math.max(34, completion + between(-12, 10)));
    case 'behind':
      return between(30, 48);
    case 'slowSpending':
      return between(6, 22);
    case 'bothBehind':
      return between(8, 20);
  }
}

/** 调整后预算数: most as budgeted; some topped up, a few cut, to the 元. */
function adjusted(initialFen: number, random: () => number): number {
  const r = random();
  const factor = r < 0.06 ? 1.1 + random() * 0.2 : r < 0.1 ? 0.85 + random() * 0.1 : 1;
  return factor === 1 ? initialFen : Math.round((initialFen * factor) / 100) * 100;
}

/** The platform's export as it arrives: title, 单位 line, header, one row per project, 合计. Amounts in 元. */
function platformExport(year: number, plans: MayPlan[]): Buffer {
  const yuan = (fen: number) => fen / 100;
  const rows: (string | number)[][] = [
    [`轮台县${year}年1-5月项目支出预算执行情况表`],
    ['单位：元'],
    ['序号', '主管部门', '预算单位', '项目代码', '项目名称', '年初预算数', '调整后预算数', '1-5月执行数', '执行率', '全年预计执行数'],
    ...plans.map((p, k) => [
      k + 1,
      p.project.departmentName,
      p.project.unitName,
      p.project.code ?? '',
      p.project.name,
      yuan(p.project.initialBudgetFen),
      yuan(p.adjustedFen),
      yuan(p.executedFen),
      `${((p.executedFen * 100) / p.adjustedFen).toFixed(2)}%`,
      yuan(p.expectedFullYearFen),
    ]),
  ];
  const sum = (f: (p: MayPlan) => number) => yuan(plans.reduce((s, p) => s + f(p), 0));
  rows.push([
    '合计',
    '',
    '',
    '',
    '',
    sum((p) => p.project.initialBudgetFen),
    sum((p) => p.adjustedFen),
    sum((p) => p.executedFen),
    '',
    sum((p) => p.expectedFullYearFen),
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '执行情况');
  return XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;
}
