/**
 * 演示台账's previous year (2022 for the 2023 demo), as the bureau's 2023 summary tells it: "对全县 109
 * 个部门单位、292 个项目开展 2022 年度绩效自评及部门评价". Built after the demo year, with its own seeded
 * generator, so the demo year's figures do not move:
 * - The same units; 轮台县应急救援中心 was set up in the demo year, so its one project was its 主管部门's
 *   the year before (109 units with projects). Each demo-year project has its predecessor: same unit
 *   and name, the year's 项目代码 (652822-22-NNNN), a 年初预算 around the next year's, all 入库.
 * - Targets, their review, 批复, 公开 and the May round by demoTargetsAndMonitoring, as for the demo year.
 * - After year end every project's 单位自评: 全年执行数 and 实际完成值 drawn around the target by a quality
 *   (mostly 优/良, some 中, a few 差; the grade is the scorer's), 报送 and 审核通过. A 实际完成值 never
 *   exceeds the next year's 指标值 for the same indicator — the units set their new targets at least at
 *   what they achieved — except for one continuing project, so the target checklist's "指标值低于上年实际
 *   完成值" has its case on the demo. A few 主管部门 evaluate their largest projects (部门评价).
 * - 评价结果应用 on the next year's projects for the 中, 差 and underspent 良 (applyResults).
 * Dates: the self-evaluations and the actions run in the spring after the year (ctx.now per step).
 * The year stays open: the ledger has no year closing, and its evaluations feed next year's actions.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { performanceTargets, projects, targetIndicators } from '../../db/schema';
import { appendAudit } from '../../electron/ledger/audit';
import type { ServiceContext } from '../../electron/ledger/context';
import { isLowerBetter } from '../../electron/rules/indicatorRules';
import { formatWanYuan } from '../../electron/rules/money';
import { numberIn } from '../../electron/rules/targetChecks';
import { createProject, listProjects, type ProjectRow } from '../../electron/projects/projects';
import { listUnits } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import {
  selfEvaluationYearFigures,
  type SelfEvaluationIndicatorRow,
  type SelfEvaluationView,
} from '../../electron/selfEvaluations/selfEvaluations';
import {
  acceptSelfEvaluation,
  createSelfEvaluation,
  saveSelfEvaluation,
  submitSelfEvaluation,
} from '../../electron/selfEvaluations/selfEvaluationWrites';
import { recordEvaluationAction } from '../../electron/resultApplication/evaluationActions';
import { buildDemoTargetsAndMonitoring, type DemoMonitoringFigures, type DemoTargetFigures } from './demoTargetsAndMonitoring';
import { onDay } from './demoClock';
import { DEMO_COUNTY, DEVIATIONS } from './luntai2023';

export interface DemoPreviousYearFigures {
  year: number;
  /** Units with projects in the year. */
  units: number;
  projects: number;
  totalFen: number;
  targets: DemoTargetFigures;
  monitoring: DemoMonitoringFigures;
  /** 单位自评 and 部门评价 records, all 审核通过. */
  selfEvaluations: number;
  departmentEvaluations: number;
  byGrade: Record<string, number>;
  /** 评价结果应用 recorded on the next year's projects: each with its amount. */
  resultActions: number;
  /** The one continuing project whose next-year 指标值 is below this year's 实际完成值. */
  belowLastYear: { projectCode: string; projectName: string; indicator: string; actual: string; nextTarget: string };
}

/** Set up in the demo year; the year before, its project was its 主管部门's. */
const NEW_UNIT = '轮台县应急救援中心';
/** 主管部门 that evaluate their largest projects themselves (部门评价), and how many each. */
const EVALUATING_DEPARTMENTS = 4;
const DEPARTMENT_EVALUATED_PROJECTS = 3;

/** The day each step happens in the spring after the year (MM-DD). */
const CALENDAR = { create: '02-20', save: '03-10', submit: '03-15', accept: '04-12', department: '04-26', apply: '05-10' } as const;

type Quality = '优' | '良' | '中' | '差';

/** How a project went, how often, and what that means for its figures. */
const QUALITIES: readonly { quality: Quality; share: number; execution: [number, number]; miss: number; reached: [number, number] }[] = [
  { quality: '优', share: 0.6, execution: [96, 100], miss: 0.04, reached: [0.9, 0.98] },
  { quality: '良', share: 0.27, execution: [86, 98], miss: 0.45, reached: [0.6, 0.85] },
  { quality: '中', share: 0.1, execution: [70, 90], miss: 0.8, reached: [0.4, 0.7] },
  { quality: '差', share: 0.03, execution: [35, 60], miss: 1, reached: [0.1, 0.35] },
];

const GOAL_ACTUAL: Record<Quality, string> = {
  优: '全面完成年度绩效目标，资金使用规范，各项产出和效益按期实现。',
  良: '基本完成年度绩效目标，个别指标未达到预期，已分析原因并落实改进措施。',
  中: '部分完成年度绩效目标，部分产出和效益未按期实现，资金执行偏慢。',
  差: '年度绩效目标大部分未完成，资金执行进度严重滞后，需整改后重新安排。',
};

export function buildDemoPreviousYear(ctx: ServiceContext, nextYear: number, random: () => number): DemoPreviousYearFigures {
  const year = nextYear - 1;
  const between = (low: number, high: number) => low + random() * (high - low);
  const on = (day: string): ServiceContext => onDay(ctx, day);
  const spring = (step: keyof typeof CALENDAR) => on(`${year + 1}-${CALENDAR[step]}`);

  createYear(on(`${year - 1}-09-30`), { year });
  const later = listProjects(ctx, { year: nextYear }).sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  const newUnit = listUnits(ctx, { year: nextYear }).find((u) => u.name === NEW_UNIT);
  if (!newUnit?.parentId) throw new Error(`演示数据：没有“${NEW_UNIT}”或它没有主管部门`);
  const [yy, nextYy] = [year, nextYear].map((y) => `-${String(y % 100).padStart(2, '0')}-`) as [string, string];
  let totalFen = 0;
  for (const p of later) {
    // Around the next year's budget, to the 千元; a project added mid-year then was budgeted from the start now.
    const initialBudgetFen =
      p.initialBudgetFen > 0
        ? Math.max(100_000, Math.round((p.initialBudgetFen * between(0.8, 1.1)) / 100_000) * 100_000)
        : Math.round(between(5, 50)) * 1_000_000;
    totalFen += initialBudgetFen;
    createProject(on(`${year - 1}-10-15`), {
      year,
      unitId: p.unitId === newUnit.id ? newUnit.parentId : p.unitId,
      code: p.code?.replace(nextYy, yy) ?? null,
      name: p.name,
      projectType: p.projectType,
      budgetKind: p.budgetKind,
      initialBudgetFen,
      continuity: random() < 0.6 ? 'continuing' : 'new',
      majorPolicy: false,
    });
  }
  // As in the demo year: the library status only the ex-ante gate moves is set directly, with its audit entry.
  ctx.ledger.db.update(projects).set({ libraryStatus: 'admitted' }).where(eq(projects.year, year)).run();
  appendAudit(on(`${year - 1}-10-15`), {
    action: 'demo.build',
    entity: 'fiscal_year',
    entityId: year,
    after: { county: DEMO_COUNTY.name, projects: later.length, libraryStatus: 'admitted' },
  });

  const { targets, monitoring } = buildDemoTargetsAndMonitoring(ctx, year, random);
  const next = nextTargetValues(ctx, nextYear);
  const own = listProjects(ctx, { year }).sort((a, b) => (a.code ?? '').localeCompare(b.code ?? ''));
  let belowLastYear: DemoPreviousYearFigures['belowLastYear'] | null = null;
  const accepted = new Map<number, SelfEvaluationView>();

  for (const project of own) {
    let r = random();
    const plan = QUALITIES.find((q) => (r -= q.share) < 0) ?? QUALITIES[0]!;
    const form = createSelfEvaluation(spring('create'), { projectId: project.id, kind: 'self' });
    const successor = next.get(`${project.unitId}|${project.name}`);
    const indicators = form.indicators.map((ind) => {
      const nextValue = successor?.values.get(ind.name);
      const shown = !belowLastYear && successor?.continuing === true && showsBelow(ind, nextValue);
      const drawn = fill(ind, plan, nextValue, random, between);
      // The case: met this year, above what the next year's target asks.
      const filled = shown ? { ...drawn, actual: ind.target, explanation: '' } : drawn;
      if (shown)
        belowLastYear = {
          projectCode: project.code!,
          projectName: project.name,
          indicator: ind.name,
          actual: filled.actual,
          nextTarget: nextValue!,
        };
      return filled;
    });
    const budgetFen = form.budgetFen ?? project.initialBudgetFen;
    const executedFen = Math.round((budgetFen * between(...plan.execution)) / 100 / 100) * 100;
    saveSelfEvaluation(spring('save'), {
      id: form.id,
      graded: true,
      funds: { ...fundsOf(form), budgetFen, executedFen },
      executionChosenScore: null,
      goalExpected: form.goalExpected,
      goalActual: GOAL_ACTUAL[plan.quality],
      indicators,
    });
    submitSelfEvaluation(spring('submit'), { id: form.id });
    accepted.set(project.id, acceptSelfEvaluation(spring('accept'), { id: form.id }));
  }
  if (!belowLastYear) throw new Error('演示数据：没有可用来演示“指标值低于上年实际完成值”的延续项目');

  // 部门评价: the 主管部门 with the most projects evaluate their largest ones on the unit's figures.
  const byDepartment = new Map<string, ProjectRow[]>();
  for (const p of own) byDepartment.set(p.departmentName, [...(byDepartment.get(p.departmentName) ?? []), p]);
  const departments = [...byDepartment.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, EVALUATING_DEPARTMENTS);
  let departmentEvaluations = 0;
  for (const [, list] of departments) {
    const largest = [...list].sort((a, b) => b.initialBudgetFen - a.initialBudgetFen).slice(0, DEPARTMENT_EVALUATED_PROJECTS);
    for (const project of largest) {
      evaluate(spring('department'), project, accepted.get(project.id)!);
      departmentEvaluations++;
    }
  }

  const resultActions = applyResults(spring('apply'), own, accepted, [nextYy, yy], between);
  const figures = selfEvaluationYearFigures(ctx, { year });
  return {
    year,
    units: new Set(own.map((p) => p.unitId)).size,
    projects: own.length,
    totalFen,
    targets,
    monitoring,
    selfEvaluations: figures.selfCount,
    departmentEvaluations,
    byGrade: Object.fromEntries(figures.byGrade.map((g) => [g.grade, g.count])),
    resultActions,
    belowLastYear: belowLastYear as DemoPreviousYearFigures['belowLastYear'],
  };
}

/** The year in one sentence, as `demo` prints it. */
export function describePreviousYear(f: DemoPreviousYearFigures): string {
  const grades = Object.entries(f.byGrade)
    .filter(([, n]) => n > 0)
    .map(([grade, n]) => `${grade} ${n}`)
    .join('、');
  return `${f.year} 年度：${f.units} 个部门单位、${f.projects} 个项目，年初预算合计 ${formatWanYuan(f.totalFen)} 万元，绩效目标全部批复；绩效自评 ${f.selfEvaluations} 个、部门评价 ${f.departmentEvaluations} 个，均已审核通过（${grades}）；评价结果应用至 ${f.year + 1} 年度预算 ${f.resultActions} 项。`;
}

/**
 * 评价结果应用 on the next year's budget, as the summary has it ("清理结转结余资金、收回部分资金、编制预算时
 * 适当调减项目资金额度"), all 已落实: 差 — the unspent money recovered and next year's budget cut by a
 * quarter to two fifths; 中 — next year's budget cut by a tenth to a fifth (or, with none, the unspent
 * money cleared); 良 that spent under 95% — the balance cleared. The next year's project is the one of
 * the same 项目代码 sequence.
 */
function applyResults(
  ctx: ServiceContext,
  own: readonly ProjectRow[],
  accepted: ReadonlyMap<number, SelfEvaluationView>,
  [nextYy, yy]: [string, string],
  between: (low: number, high: number) => number,
): number {
  const later = new Map(listProjects(ctx, { year: own[0]!.year + 1 }).map((p) => [p.code, p]));
  let count = 0;
  for (const project of own) {
    const form = accepted.get(project.id)!;
    const next = later.get(project.code?.replace(yy, nextYy) ?? null) ?? null;
    const unspentFen = (form.budgetFen ?? 0) - (form.executedFen ?? 0);
    const cutFen = (low: number, high: number) =>
      next && next.initialBudgetFen > 0
        ? Math.max(100_000, Math.round((next.initialBudgetFen * between(low, high)) / 100_000) * 100_000)
        : null;
    const record = (actionType: string, amountFen: number, note: string) => {
      recordEvaluationAction(ctx, {
        selfEvaluationId: form.id,
        actionType,
        amountFen,
        nextYearProjectId: next?.id ?? null,
        status: 'applied',
        note: `自评等级为${form.grade}（${form.total} 分），${note}`,
      });
      count++;
    };
    if (form.grade === '差') {
      if (unspentFen > 0) record('收回部分资金', unspentFen, '收回当年未执行资金。');
      const cut = cutFen(0.25, 0.4);
      if (cut) record('调减下年度预算', cut, '编制下年度预算时调减项目资金额度。');
    } else if (form.grade === '中') {
      const cut = cutFen(0.1, 0.2);
      if (cut) record('调减下年度预算', cut, '编制下年度预算时适当调减项目资金额度。');
      else if (unspentFen > 0) record('清理结转结余资金', unspentFen, '清理结转结余资金。');
    } else if (form.grade === '良' && unspentFen > 0 && unspentFen * 20 > (form.budgetFen ?? 0)) {
      record('清理结转结余资金', unspentFen, '执行率不足 95%，清理结转结余资金。');
    }
  }
  return count;
}

/** A 部门评价 on the figures of the unit's accepted self-evaluation, 报送 and 审核通过 the same day. */
function evaluate(ctx: ServiceContext, project: ProjectRow, unitForm: SelfEvaluationView): void {
  const form = createSelfEvaluation(ctx, { projectId: project.id, kind: 'department' });
  const byName = new Map(unitForm.indicators.map((i) => [i.name, i]));
  saveSelfEvaluation(ctx, {
    id: form.id,
    graded: true,
    funds: fundsOf(unitForm),
    executionChosenScore: null,
    goalExpected: unitForm.goalExpected,
    goalActual: unitForm.goalActual,
    indicators: form.indicators.map((i) => {
      const unit = byName.get(i.name)!;
      return { id: i.id, actual: unit.actual, points: unit.points, chosenScore: unit.chosenScore, explanation: unit.explanation };
    }),
  });
  submitSelfEvaluation(ctx, { id: form.id });
  acceptSelfEvaluation(ctx, { id: form.id });
}

function fundsOf(v: SelfEvaluationView) {
  const { initialFen, budgetFen, executedFen, fiscalInitialFen, fiscalBudgetFen, fiscalExecutedFen } = v;
  const { carryoverInitialFen, carryoverBudgetFen, carryoverExecutedFen, otherInitialFen, otherBudgetFen, otherExecutedFen } = v;
  return {
    ...{ initialFen, budgetFen, executedFen, fiscalInitialFen, fiscalBudgetFen, fiscalExecutedFen },
    ...{ carryoverInitialFen, carryoverBudgetFen, carryoverExecutedFen, otherInitialFen, otherBudgetFen, otherExecutedFen },
  };
}

/** Whether this indicator shows the case: a count, met this year, whose next-year 指标值 is set lower. */
function showsBelow(ind: SelfEvaluationIndicatorRow, nextValue: string | undefined): boolean {
  const [target, later] = [numberIn(ind.target), numberIn(nextValue ?? '')];
  return (
    ind.level2 === '数量指标' &&
    ind.nature !== '定性' &&
    !isLowerBetter(ind.nature, target ?? 0) &&
    target !== null &&
    later !== null &&
    later < target
  );
}

/**
 * The unit's 实际完成值 for one indicator: met, or short by the plan's share (with its 偏差原因), and never
 * past the next year's 指标值 when one is given (cap); the 分值 as created.
 */
function fill(
  ind: SelfEvaluationIndicatorRow,
  plan: (typeof QUALITIES)[number],
  cap: string | null | undefined,
  random: () => number,
  between: (low: number, high: number) => number,
) {
  const miss = random() < plan.miss;
  const deviation = DEVIATIONS[Math.floor(random() * DEVIATIONS.length)]!;
  const because = `${deviation.explanation}${deviation.correctiveAction}`;
  const row = { id: ind.id, points: ind.points, chosenScore: null, explanation: '' };
  if (ind.nature === '定性') {
    const actual = !miss ? '达成' : plan.quality === '差' && random() < 0.6 ? '未达成' : '部分达成';
    return { ...row, actual, explanation: actual === '达成' ? '' : because };
  }
  const target = numberIn(ind.target) ?? 0;
  const lower = isLowerBetter(ind.nature, target);
  const whole = Number.isInteger(target);
  const share = between(...plan.reached);
  let value = !miss ? target : lower ? (target === 0 ? 1 : target / share) : target * share;
  if (miss && whole) value = lower ? Math.max(target + 1, Math.ceil(value)) : Math.max(0, Math.min(target - 1, Math.floor(value)));
  const capped = numberIn(cap ?? '');
  if (capped !== null && value > capped) value = capped;
  const actual = whole && Number.isInteger(value) ? String(value) : String(Number(value.toFixed(2)));
  const met = lower ? value <= target : value >= target;
  return { ...row, actual, explanation: met ? '' : because };
}

/**
 * The next year's projects with an approved target, by unit and name: whether each continues, and its
 * annual 指标值 by indicator name.
 */
function nextTargetValues(ctx: ServiceContext, nextYear: number): Map<string, { continuing: boolean; values: Map<string, string> }> {
  const rows = ctx.ledger.db
    .select({
      unitId: projects.unitId,
      project: projects.name,
      continuity: projects.continuity,
      indicator: targetIndicators.name,
      value: targetIndicators.value,
    })
    .from(targetIndicators)
    .innerJoin(performanceTargets, eq(performanceTargets.id, targetIndicators.targetId))
    .innerJoin(projects, eq(projects.id, performanceTargets.projectId))
    .where(
      and(
        eq(performanceTargets.year, nextYear),
        inArray(performanceTargets.status, ['approved', 'published']),
        eq(targetIndicators.period, 'annual'),
      ),
    )
    .all();
  const byProject = new Map<string, { continuing: boolean; values: Map<string, string> }>();
  for (const r of rows) {
    const key = `${r.unitId}|${r.project}`;
    if (!byProject.has(key)) byProject.set(key, { continuing: r.continuity === 'continuing', values: new Map() });
    byProject.get(key)!.values.set(r.indicator, r.value);
  }
  return byProject;
}
