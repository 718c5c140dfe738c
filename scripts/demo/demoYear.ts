/**
 * 演示台账: a realistic county year (轮台县, db/demo/luntai2023.ts) for trying the app, training clerks
 * and testing at the real scale. Everything is written through the services (createYear, createUnit,
 * createProject, …) in one transaction, so the audit log holds every record like any other entry; the
 * project-library status, which only the ex-ante gate moves in real use, is set here directly with its
 * own audit entry. The year's targets, their review and the May monitoring round are built by
 * demoTargetsAndMonitoring.ts; the year before, with its self-evaluations, on request by demoPreviousYear.ts
 * (the CLI's `demo` asks for it). Deterministic: the same seed always gives the same amounts, flags and
 * figures (no Math.random).
 */
import { and, eq, inArray } from 'drizzle-orm';
import { budgetUnits, fiscalYears, projects } from '../../db/schema';
import {
  DEMO_COUNTY,
  DEMO_DEPARTMENTS,
  KEY_EVALUATION_DEPARTMENT_UNIT,
  KEY_EVALUATION_PROJECTS,
  type DemoProject,
  type KindCode,
} from './luntai2023';
import { presetPoints, type ItemScore } from '../../electron/rules/exAnteScore';
import { appendAudit } from '../../electron/ledger/audit';
import { inTransaction, type ServiceContext } from '../../electron/ledger/context';
import { buildDemoTargetsAndMonitoring, type DemoMonitoringFigures, type DemoTargetFigures } from './demoTargetsAndMonitoring';
import { buildDemoPreviousYear, type DemoPreviousYearFigures } from './demoPreviousYear';
import { onDay } from './demoClock';
import { createAssessment, finalizeAssessment, saveAssessment } from '../../electron/exAnte/exAnte';
import { listIndicatorClasses, loadDefaultLibrary } from '../../electron/indicators/indicators';
import { saveEvaluationTexts, selectForEvaluation } from '../../electron/keyEvaluations/keyEvaluations';
import { applyFrameworkTemplate } from '../../electron/keyEvaluations/keyEvaluationFramework';
import { finalizeKeyEvaluation, recordScores, setExperts } from '../../electron/keyEvaluations/keyEvaluationScoring';
import { LedgerError } from '../../db/ledgerError';
import { createProject } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { ruleSetOf } from '../../electron/ledger/years';
import { createYear } from '../../electron/settings/yearSetup';
import { saveLedgerSettings } from '../../electron/ledger/settings';
import type { BudgetKind, Grade, LibraryStatus } from '../../db/vocabulary';

export interface DemoOptions {
  year?: number;
  /** PRNG seed; the default gives the documented demo. */
  seed?: number;
  /** Also the year before, with its self-evaluations (demoPreviousYear.ts); the demo year is the same either way. */
  previousYear?: boolean;
}

export interface DemoSummary {
  year: number;
  units: number;
  departments: number;
  classifiedUnits: number;
  projects: number;
  totalFen: number;
  projectsByKind: Record<BudgetKind, number>;
  majorPolicy: number;
  libraryStatus: Record<LibraryStatus, number>;
  /** 财政重点绩效评价, all final. */
  keyEvaluations: number;
  /** 绩效目标 through 三方联合会审, 批复 and 公开. */
  targets: DemoTargetFigures;
  /** The 5月项目监控 round, from its summary. */
  monitoring: DemoMonitoringFigures;
  /** The year before, when asked for. */
  previousYear: DemoPreviousYearFigures | null;
}

const KIND: Record<KindCode, BudgetKind> = { g: 'general', f: 'fund', s: 'stateCapital', i: 'socialInsurance' };

/**
 * The days the demo year's own steps are recorded on, whenever it is built (the targets, monitoring and
 * the year before keep their own calendars): the year, units and projects set up in the autumn before,
 * the major projects assessed before the targets are assigned, the key evaluations through the spring.
 */
const DEMO_DAYS = {
  setup: [-1, '09-20'],
  exAnte: [-1, '10-12'],
  select: [0, '03-15'],
  framework: [0, '03-22'],
  experts: [0, '04-10'],
  scores: [0, '05-22'],
  texts: [0, '06-05'],
  finalize: [0, '06-20'],
  built: [0, '07-10'],
} as const satisfies Record<string, readonly [number, string]>;
type DemoDay = keyof typeof DEMO_DAYS;

export function buildDemoLedger(base: ServiceContext, options: DemoOptions = {}): DemoSummary {
  const year = options.year ?? 2023;
  const seed = options.seed ?? 20230101;
  const random = mulberry32(seed);
  const on = (day: DemoDay): ServiceContext => onDay(base, `${year + DEMO_DAYS[day][0]}-${DEMO_DAYS[day][1]}`);
  const ctx = on('setup');
  return inTransaction(ctx, () => {
    const anyUnit = ctx.ledger.db.select({ id: budgetUnits.id }).from(budgetUnits).limit(1).get();
    const yearRow = ctx.ledger.db.select().from(fiscalYears).where(eq(fiscalYears.year, year)).get();
    if (anyUnit) throw new LedgerError('demo_not_empty', '台账中已有预算单位，演示数据只能写入空台账。请新建一个台账文件再生成演示数据。');
    if (!yearRow) createYear(ctx, { year });
    // The demo county's own 本局信息, which its notices are signed and numbered with.
    saveLedgerSettings(ctx, { bureauName: `${DEMO_COUNTY.name}财政局`, noticePrefix: '轮财绩整' });
    // The targets take their common indicators from the library.
    if (listIndicatorClasses(ctx).length === 0) loadDefaultLibrary(ctx);

    const summary: Omit<DemoSummary, 'targets' | 'monitoring' | 'previousYear'> = {
      year,
      units: 0,
      departments: 0,
      classifiedUnits: 0,
      projects: 0,
      totalFen: 0,
      projectsByKind: { general: 0, fund: 0, stateCapital: 0, socialInsurance: 0 },
      majorPolicy: 0,
      libraryStatus: { reserve: 0, admitted: 0, withdrawn: 0 },
      keyEvaluations: 0,
    };
    const status = new Map<LibraryStatus, number[]>([
      ['reserve', []],
      ['withdrawn', []],
    ]);
    let sequence = 0;
    const yy = String(year % 100).padStart(2, '0');

    const addProjects = (unitId: number, list: readonly DemoProject[]) => {
      for (const [name, projectType, kindCode, minWan, maxWan, flags = ''] of list) {
        sequence++;
        const initialBudgetFen = flags.includes('Z') ? 0 : drawAmount(random, minWan, maxWan);
        const newProject =
          flags.includes('N') ||
          (!flags.includes('C') && random() < (projectType === '重点建设项目' || projectType === '政府采购' ? 0.55 : 0.25));
        const row = createProject(ctx, {
          year,
          unitId,
          code: `${DEMO_COUNTY.divisionCode}-${yy}-${String(sequence).padStart(4, '0')}`,
          name,
          projectType,
          budgetKind: KIND[kindCode],
          initialBudgetFen,
          continuity: newProject ? 'new' : 'continuing',
          majorPolicy: flags.includes('M'),
        });
        // Most projects are 入库; a few new ones wait in 储备, and one in a hundred was withdrawn.
        const draw = random();
        const library: LibraryStatus =
          flags.includes('R') || (newProject && !flags.includes('M') && draw < 0.12) ? 'reserve' : draw > 0.993 ? 'withdrawn' : 'admitted';
        if (library !== 'admitted') status.get(library)!.push(row.id);
        summary.libraryStatus[library]++;
        summary.projects++;
        summary.totalFen += initialBudgetFen;
        summary.projectsByKind[row.budgetKind]++;
        if (row.majorPolicy) summary.majorPolicy++;
      }
    };

    DEMO_DEPARTMENTS.forEach((department, d) => {
      const departmentCode = String(101 + d);
      const dept = createUnit(ctx, {
        name: department.name,
        code: departmentCode,
        parentId: null,
        classified: department.classified ?? false,
      });
      summary.units++;
      summary.departments++;
      if (department.classified) summary.classifiedUnits++;
      addProjects(dept.id, department.projects);
      department.units.forEach((unit, u) => {
        const row = createUnit(ctx, {
          name: unit.name,
          code: `${departmentCode}${String(u + 1).padStart(3, '0')}`,
          parentId: dept.id,
          classified: unit.classified ?? false,
        });
        summary.units++;
        if (unit.classified) summary.classifiedUnits++;
        addProjects(row.id, unit.projects);
      });
    });

    // The year's 事前评估: every major project was assessed (the seed: five, all 支持) before it entered the library.
    assessMajorProjects(on('exAnte'), year, random);

    // Library status: every project starts as 储备; the demo stands where the year's ex-ante gate has been passed.
    const notAdmitted = [...status.values()].flat();
    ctx.ledger.db.update(projects).set({ libraryStatus: 'admitted' }).where(eq(projects.year, year)).run();
    for (const [library, ids] of status) {
      if (ids.length) ctx.ledger.db.update(projects).set({ libraryStatus: library }).where(inArray(projects.id, ids)).run();
    }
    // The year's 财政重点绩效评价: the seed's ten subjects, scored by their experts and finalised.
    summary.keyEvaluations = evaluateKeySubjects(on, year);
    // Drawn after everything above, so the units, projects and amounts stay as they were.
    const { targets, monitoring } = buildDemoTargetsAndMonitoring(ctx, year, random);

    appendAudit(on('built'), {
      action: 'demo.build',
      entity: 'fiscal_year',
      entityId: year,
      after: {
        county: DEMO_COUNTY.name,
        seed,
        units: summary.units,
        projects: summary.projects,
        admitted: summary.projects - notAdmitted.length,
        reserve: status.get('reserve'),
        withdrawn: status.get('withdrawn'),
        targets: targets.approved,
        monitored: monitoring.projects,
        notices: monitoring.notices.issued,
      },
    });
    // Its own generator, so the demo year reads the same with or without it.
    const previousYear = options.previousYear ? buildDemoPreviousYear(ctx, year, mulberry32(seed - 10_000)) : null;
    return { ...summary, targets, monitoring, previousYear };
  });
}

/** A supporting assessment for each major project, scored item by item through the year's framework. */
function assessMajorProjects(ctx: ServiceContext, year: number, random: () => number): void {
  const rules = ruleSetOf(ctx, year).exAnte;
  const majors = ctx.ledger.db
    .select()
    .from(projects)
    .where(and(eq(projects.year, year), eq(projects.majorPolicy, true)))
    .all();
  for (const project of majors) {
    const assessment = createAssessment(ctx, {
      year,
      projectId: project.id,
      subjectName: null,
      assessor: random() < 0.6 ? 'thirdParty' : 'bureau',
    });
    const scores: ItemScore[] = rules.framework.flatMap((d) =>
      d.items.map((item) => {
        const rating: Grade = random() < 0.65 ? '优' : '良';
        return {
          dimension: d.dimension,
          item: item.name,
          rating,
          points: presetPoints(rating, item.points, rules),
          basis: `${item.hint}：经查阅立项依据、实施方案和测算资料，${rating === '优' ? '充分' : '基本充分'}。`,
        };
      }),
    );
    saveAssessment(ctx, {
      id: assessment.id,
      assessor: assessment.assessor,
      assessorName: assessment.assessor === 'thirdParty' ? '新疆某会计师事务所' : '县财政局绩效股',
      recommendedBudgetFen: Math.round((project.initialBudgetFen * (90 + Math.floor(random() * 11))) / 100 / 1_000_000) * 1_000_000,
      workSummary: '采取资料审核、现场调研和专家论证相结合的方式开展评估。',
      findings: '项目立项依据充分，实施方案基本可行，绩效目标与资金量基本匹配。',
      suggestions: '进一步细化量化绩效指标，加强资金使用过程监管。',
      otherNotes: null,
      scores,
    });
    finalizeAssessment(ctx, { id: assessment.id });
  }
}

/**
 * The seed's ten key evaluations (13170.99 万元; 7 优, 3 良). Each target is a share of the points the
 * experts give around it; the grade then comes out of scoreEvaluation like any other evaluation, and
 * the demo refuses to build if it did not come out as the seed has it. Which three are 良 the seed
 * does not say: the 煤改电 works (the 15/25/25/35 table of test/unit/keyEvaluationScore.test.ts,
 * 84.99), the 白杏 advertising and the machinery rental are taken here. No random draws, so the rest
 * of the demo is unchanged by them.
 */
const KEY_EVALUATION_PLAN: readonly { name: string; target: number; grade: '优' | '良'; thirdParty: boolean; weights?: number[] }[] = [
  { name: KEY_EVALUATION_PROJECTS[0], target: 94, grade: '优', thirdParty: true },
  { name: KEY_EVALUATION_PROJECTS[1], target: 95, grade: '优', thirdParty: false },
  { name: KEY_EVALUATION_PROJECTS[2], target: 85.5, grade: '良', thirdParty: true, weights: [15, 25, 25, 35] },
  { name: KEY_EVALUATION_PROJECTS[3], target: 93, grade: '优', thirdParty: false },
  { name: KEY_EVALUATION_PROJECTS[4], target: 84, grade: '良', thirdParty: false },
  { name: KEY_EVALUATION_PROJECTS[5], target: 92.5, grade: '优', thirdParty: true },
  { name: KEY_EVALUATION_PROJECTS[6], target: 95.5, grade: '优', thirdParty: false },
  { name: KEY_EVALUATION_PROJECTS[7], target: 93.5, grade: '优', thirdParty: true },
  { name: KEY_EVALUATION_PROJECTS[8], target: 85, grade: '良', thirdParty: false },
  { name: KEY_EVALUATION_DEPARTMENT_UNIT, target: 92, grade: '优', thirdParty: false },
];

function evaluateKeySubjects(on: (day: DemoDay) => ServiceContext, year: number): number {
  const ctx = on('select');
  for (const plan of KEY_EVALUATION_PLAN) {
    const department = plan.name === KEY_EVALUATION_DEPARTMENT_UNIT;
    const subject = department
      ? {
          subject: 'department' as const,
          unitId: ctx.ledger.db.select().from(budgetUnits).where(eq(budgetUnits.name, plan.name)).get()!.id,
        }
      : {
          subject: 'project' as const,
          projectId: ctx.ledger.db
            .select()
            .from(projects)
            .where(and(eq(projects.year, year), eq(projects.name, plan.name)))
            .get()!.id,
        };
    const evaluation = selectForEvaluation(ctx, {
      year,
      ...subject,
      selectionReason: department ? '部门整体支出规模较大，履职效能和资源配置是评价核心。' : '资金预算相对较大、社会关注度高、影响面广。',
      evaluator: plan.thirdParty ? 'thirdParty' : 'bureau',
      evaluatorName: plan.thirdParty ? '新疆某会计师事务所' : '县财政局绩效股',
    });
    const framed = applyFrameworkTemplate(on('framework'), {
      id: evaluation.id,
      templateId: department ? 'department' : 'national10',
      weights: plan.weights ?? null,
    });
    const withExperts = setExperts(on('experts'), {
      id: evaluation.id,
      names: plan.thirdParty ? ['评价专家甲', '评价专家乙', '评价专家丙'] : ['评价专家甲', '评价专家乙'],
    });
    const indicators = framed.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators));
    withExperts.experts.forEach((expert, k) => {
      recordScores(on('scores'), {
        id: evaluation.id,
        expertId: expert.id,
        scores: indicators.map((ind, i) => {
          const share = plan.target / 100 + (((i * 7 + k * 3) % 5) - 2) * 0.015;
          const score = Math.min(ind.points, Math.max(0, Math.round(ind.points * share * 10) / 10));
          return {
            indicatorCode: ind.code,
            score,
            basis: `${ind.name}：查阅资料、现场核查和问卷调查，${share >= 0.9 ? '完成较好' : '基本完成，仍有差距'}。`,
          };
        }),
      });
    });
    saveEvaluationTexts(on('texts'), {
      id: evaluation.id,
      findings:
        plan.grade === '优'
          ? '个别绩效指标细化量化不够，项目档案资料归集不及时。'
          : '绩效目标设置不够明确，预算执行进度偏慢，部分产出未按期完成，后续管护机制不健全。',
      recommendations: '进一步细化量化绩效指标，加快预算执行进度，健全项目后续管护和资料归档制度。',
      experience: '部门高度重视，实施方案完整，资金管理较为规范。',
      otherNotes: null,
    });
    const final = finalizeKeyEvaluation(on('finalize'), { id: evaluation.id });
    if (final.grade !== plan.grade)
      throw new Error(`演示数据：“${plan.name}”评分 ${final.total}，等级“${final.grade}”，应为“${plan.grade}”`);
  }
  return KEY_EVALUATION_PLAN.length;
}

/**
 * An amount between min and max 万元, in exact 分, rounded the way budgets are written: most to whole
 * 万元 or 千元, some to the 元. A fixed amount (min = max) is taken as given.
 */
function drawAmount(random: () => number, minWan: number, maxWan: number): number {
  const minFen = Math.round(minWan * 1_000_000);
  const maxFen = Math.round(maxWan * 1_000_000);
  if (minFen === maxFen) return minFen;
  const raw = minFen + Math.floor(random() * (maxFen - minFen));
  const r = random();
  const step = r < 0.4 ? 1_000_000 : r < 0.75 ? 100_000 : 100;
  return Math.max(step, Math.round(raw / step) * step);
}

/** Small, fast, well-distributed 32-bit PRNG; enough for demo data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
