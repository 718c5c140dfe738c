/**
 * The demo county at the seed's scale: about 110 units and 290 projects over the four budgets, the
 * 2023 key evaluations present under their names, the year's targets reviewed, approved and published,
 * the May monitoring round with its warnings and notices, every record audited, and the same every time;
 * and the year before (2022: 109 units, 292 projects self-evaluated and accepted, 部门评价, the results
 * applied to 2023), built on the same ledger without changing 2023.
 */
import { describe, expect, it } from 'vitest';
import { syncLags } from '../../electron/rules/jointReview';
import { KEY_EVALUATION_DEPARTMENT_UNIT, KEY_EVALUATION_PROJECTS } from '../../scripts/demo/luntai2023';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { exAnteOverview } from '../../electron/exAnte/exAnte';
import { listExecution } from '../../electron/monitoring/executionImport';
import { checkLedger } from '../../electron/ledger/integrity';
import { getLedgerSettings } from '../../electron/ledger/settings';
import { listRounds } from '../../electron/targets/jointReview';
import { findRound } from '../../electron/monitoring/monitoringRounds';
import { listProjects } from '../../electron/projects/projects';
import { listNotices } from '../../electron/rectification/noticeList';
import { exportTargetPublication } from '../../electron/targets/targetPublication';
import { targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { listUnits } from '../../electron/projects/units';
import { monitoringReport, warningsReport, type RoundSummary } from '../../electron/monitoring/warnings';
import { listProjectTypes } from '../../electron/projects/projectTypes';
import { listSelfEvaluations } from '../../electron/selfEvaluations/selfEvaluations';
import { listYearResultActions } from '../../electron/resultApplication/yearActions';
import { numberIn } from '../../electron/rules/targetChecks';
import { cliJson, cliRunner } from '../fixtures/cli';
import { freshContext } from './tempLedger';

const MAY = '5月项目监控';
const run = cliRunner();

describe('the demo year', () => {
  const ctx = freshContext();
  const started = performance.now();
  // With the year before (2022, its self-evaluations): the figures of 2023 are the same without it (see "is the same every time").
  const summary = buildDemoLedger(ctx, { year: 2023, previousYear: true });
  const previous = summary.previousYear!;
  const ms = performance.now() - started;

  it('has the scale of the bureau’s 2023 summary', () => {
    console.log(`demo build: ${ms.toFixed(0)} ms`);
    const units = listUnits(ctx, { year: 2023 });
    const projects = listProjects(ctx, { year: 2023 });
    expect(units.length).toBeGreaterThanOrEqual(105);
    expect(units.length).toBeLessThanOrEqual(115);
    expect(projects.length).toBeGreaterThanOrEqual(280);
    expect(projects.length).toBeLessThanOrEqual(300);
    expect(summary).toMatchObject({ units: units.length, projects: projects.length });
    expect(units.filter((u) => u.classified).length).toBeGreaterThanOrEqual(2);
    for (const name of ['中共轮台县委办公室', '轮台县财政局', '轮台县教育局', '轮台县卫生健康委员会', '轮台镇', '阿克萨来乡']) {
      expect(units.find((u) => u.name === name)?.parentId).toBeNull();
    }
  });

  it('spans all four budgets, mostly 一般公共预算, with realistic amounts and flags', () => {
    const projects = listProjects(ctx, { year: 2023 });
    const kinds = summary.projectsByKind;
    expect(kinds.general).toBeGreaterThan(projects.length * 0.8);
    expect(kinds.fund).toBeGreaterThan(5);
    expect(kinds.stateCapital).toBeGreaterThan(0);
    expect(kinds.socialInsurance).toBeGreaterThan(0);
    const types = listProjectTypes(ctx).map((t) => t.name);
    for (const p of projects) {
      expect(types).toContain(p.projectType);
      expect(p.code).toMatch(/^652822-23-\d{4}$/);
      expect(Number.isSafeInteger(p.initialBudgetFen)).toBe(true);
      expect(p.initialBudgetFen).toBeLessThanOrEqual(20_000 * 1_000_000); // at most 2 亿
    }
    expect(projects.filter((p) => p.initialBudgetFen === 0).length).toBeGreaterThan(0); // mid-year projects
    expect(projects.filter((p) => p.initialBudgetFen > 0 && p.initialBudgetFen < 30 * 1_000_000).length).toBeGreaterThan(20);
    expect(projects.filter((p) => p.continuity === 'new').length).toBeGreaterThan(20);
    expect(projects.filter((p) => p.majorPolicy).length).toBe(5);
    expect(projects.filter((p) => p.libraryStatus === 'admitted').length).toBeGreaterThan(projects.length * 0.85);
    expect(projects.some((p) => p.libraryStatus === 'reserve')).toBe(true);
  });

  it('holds the 2023 key evaluations under their own names, 13170.99 万元 with the 党校', () => {
    const projects = listProjects(ctx, { year: 2023 });
    const keyFen = KEY_EVALUATION_PROJECTS.map((name) => {
      const found = projects.filter((p) => p.name === name);
      expect(found, name).toHaveLength(1);
      return found[0]!.initialBudgetFen;
    });
    const partySchool = projects.filter((p) => p.unitName === KEY_EVALUATION_DEPARTMENT_UNIT);
    const total = [...keyFen, ...partySchool.map((p) => p.initialBudgetFen)].reduce((a, b) => a + b, 0);
    expect(total).toBe(13_170_990_000);
    const kindsOfKey = new Set(
      projects.filter((p) => (KEY_EVALUATION_PROJECTS as readonly string[]).includes(p.name)).map((p) => p.budgetKind),
    );
    expect([...kindsOfKey].sort()).toEqual(['fund', 'general', 'stateCapital']);
  });

  it('passes the ledger check with every record in the audit chain, and nothing else', () => {
    const check = checkLedger(ctx);
    expect(check.ok).toBe(true);
    expect(check.counts).toMatchObject({ budget_units: summary.units, projects: summary.projects + previous.projects, fiscal_years: 2 });
    expect(summary.keyEvaluations).toBe(10);
    expect(check.counts).toMatchObject({ key_evaluations: 10 });
    const n = check.counts as Record<string, number>;
    const targets = n.performance_targets!;
    const secondRounds = n.review_rounds! - targets;
    const decidedGood = ctx.ledger.sqlite.prepare(`select count(*) as n from review_rounds where result = '良'`).get() as { n: number };
    // Both years' notices and rounds: 2023's, and 2022's built the same way.
    const notices = [...listNotices(ctx, { year: 2023 }), ...listNotices(ctx, { year: 2022 })];
    const answered = summary.monitoring.notices.answered + previous.monitoring.notices.answered;
    const closed = summary.monitoring.notices.closed + previous.monitoring.notices.closed;
    const evaluations = previous.selfEvaluations + previous.departmentEvaluations;
    const actions = Object.fromEntries(
      (
        ctx.ledger.sqlite.prepare('select action, count(*) as n from audit_log group by action').all() as { action: string; n: number }[]
      ).map((a) => [a.action, a.n]),
    );
    expect(actions).toEqual({
      'year.create': 2,
      'settings.save': 1,
      'monitoringRound.create': 6,
      'indicatorLibrary.merge': 1,
      'unit.create': summary.units,
      'project.create': summary.projects + previous.projects,
      // each major project's assessment: created, scored, finalised
      'exAnte.create': summary.majorPolicy,
      'exAnte.save': summary.majorPolicy,
      'exAnte.finalize': summary.majorPolicy,
      // each key evaluation: selected, framework from a template, experts set, scored by each expert, texts saved, finalised
      'keyEvaluation.select': 10,
      'keyEvaluation.applyTemplate': 10,
      'keyEvaluation.setExperts': 10,
      'keyEvaluation.recordScores': n.evaluation_experts,
      'keyEvaluation.saveTexts': 10,
      'keyEvaluation.finalize': 10,
      // targets: created, written (again after a 中), each round started, three opinions, decided; a 良 completed by the bureau
      'target.create': targets,
      'target.save': targets + secondRounds,
      'review.start': n.review_rounds,
      'review.opinion': n.review_opinions,
      'review.decide': n.review_rounds,
      'target.completeByFinance': decidedGood.n,
      // 五个同步 dates as reached; a second round's 审核 replaces the first's
      'target.syncDate': n.sync_dates! + secondRounds,
      'target.approve': targets,
      'target.publish': summary.targets.published + previous.targets.published,
      // the May round: the platform's export, each unit's form, the warnings, the notices and their path
      'import.execution': 2,
      'execution.create': n.execution_records,
      'monitoring.saveForm': summary.monitoring.projects + previous.monitoring.projects,
      'warnings.compute': 2,
      'notice.draftFromWarnings': notices.length,
      'notice.issue': notices.length,
      'notice.feedback': answered + closed,
      'notice.close': closed,
      // 2022 after year end: each 单位自评 and 部门评价 created, filled, submitted, accepted; the results applied to 2023
      'selfEvaluation.create': evaluations,
      'selfEvaluation.save': evaluations,
      'selfEvaluation.submit': evaluations,
      'selfEvaluation.accept': evaluations,
      'resultApplication.record': previous.resultActions,
      'demo.build': 2,
    });
    expect(n.review_opinions).toBe(3 * n.review_rounds!);
  });

  it('assessed each major project before it entered the library, as the seed did (five, all 支持)', () => {
    const overview = exAnteOverview(ctx, { year: 2023 });
    expect(summary.majorPolicy).toBe(5);
    expect(overview.assessed).toBe(5);
    expect(overview.byConclusion.map((c) => [c.conclusion, c.count])).toEqual([
      ['予以支持', 5],
      ['调整完善后予以支持', 0],
      ['不予支持', 0],
    ]);
    expect(overview.majorWithoutSupport).toEqual([]);
  });

  it('declares targets for every project that entered the budget, complete by the target checks', () => {
    const projects = listProjects(ctx, { year: 2023 });
    const rows = listTargets(ctx, { year: 2023 });
    const entered = projects.filter((p) => p.libraryStatus === 'admitted' && p.initialBudgetFen > 0);
    // 储备, 撤回 and the mid-year projects at 0 have none.
    expect(
      rows
        .filter((r) => r.subject === 'project' && r.targetId !== null)
        .map((r) => r.projectId)
        .sort(),
    ).toEqual(entered.map((p) => p.id).sort());
    expect(entered.length).toBeLessThan(projects.length);
    const departments = listUnits(ctx, { year: 2023 }).filter((u) => u.parentId === null);
    expect(
      rows
        .filter((r) => r.subject === 'department')
        .map((r) => r.unitId)
        .sort(),
    ).toEqual(departments.map((u) => u.id).sort());
    expect(summary.targets).toMatchObject({
      projects: entered.length,
      departments: departments.length,
      approved: entered.length + departments.length,
    });

    const shown = previous.belowLastYear;
    for (const row of rows.filter((r) => r.targetId !== null)) {
      const t = targetDetail(ctx, row.targetId!);
      // Every item of the checklist, warnings included (mandatory indicators, measurable values); the one
      // target the demo sets below its 2022 actual is flagged for it, and for nothing else.
      const failed = t.checks.filter((c) => !c.ok);
      if (t.projectName === shown.projectName) {
        expect(failed.map((c) => c.id)).toEqual(['lastYear']);
        expect(failed[0]!.detail).toContain(`“${shown.indicator}”指标值低于上年实际完成值`);
        expect(failed[0]!.detail).toContain(`上年实际 ${shown.actual}`);
      } else expect(failed, t.projectName ?? t.unitName).toEqual([]);
      expect(t.indicators.every((i) => i.libraryIndicatorId !== null && i.period === 'annual')).toBe(true);
      expect(t.indicatorClassId).not.toBeNull();
      if (t.subject === 'project') expect(t.annualTotalFen).toBe(t.projectBudgetFen);
      else expect(t.mainTasks).toBeTruthy();
    }
  });

  it('reviewed every target with all three parties, approved them all, and published all but the 涉密单位’s', async () => {
    const rows = listTargets(ctx, { year: 2023 }).filter((r) => r.targetId !== null);
    const classified = new Set(
      listUnits(ctx, { year: 2023 })
        .filter((u) => u.classified)
        .map((u) => u.id),
    );
    for (const r of rows) expect(r.status, r.name).toBe(classified.has(r.unitId) ? 'approved' : 'published');
    expect(rows.filter((r) => r.status === 'published')).toHaveLength(summary.targets.published);
    expect(summary.targets.classifiedUnpublished).toBeGreaterThan(0);

    const first = { 优: 0, 良: 0, 中: 0, 差: 0 };
    for (const r of rows) {
      const rounds = listRounds(ctx, { targetId: r.targetId! });
      first[rounds[0]!.result!]++;
      for (const round of rounds) expect(round.opinions.map((o) => o.party).sort()).toEqual(['finance', 'thirdParty', 'unit']);
      // A 中 is returned and passes in the next round; the last round passed.
      expect(rounds.slice(0, -1).every((round) => round.result === '中')).toBe(true);
      expect(['优', '良']).toContain(rounds.at(-1)!.result);
    }
    expect(first).toEqual(summary.targets.firstRound);
    expect(first.优).toBeGreaterThan(rows.length / 2);
    expect(first.中).toBeGreaterThan(0);

    const publication = await exportTargetPublication(ctx, { year: 2023 });
    expect(publication.projectTargets + publication.departmentTargets).toBe(summary.targets.published);
    expect(publication.excludedClassifiedTargets).toBe(summary.targets.classifiedUnpublished);
  }, 60_000);

  it('dates both sides of 五个同步; a target returned with 中 lags its budget at 审核, and only those', () => {
    const rows = listTargets(ctx, { year: 2023 }).filter((r) => r.targetId !== null);
    const classified = new Set(
      listUnits(ctx, { year: 2023 })
        .filter((u) => u.classified)
        .map((u) => u.id),
    );
    for (const r of rows)
      expect(Object.keys(r.sync!.budget).sort(), r.name).toEqual(
        classified.has(r.unitId) ? ['approve', 'assign', 'declare', 'review'] : ['approve', 'assign', 'declare', 'publish', 'review'],
      );
    const lagging = rows.filter((r) => syncLags(r.sync!).length > 0);
    expect(lagging.map((r) => syncLags(r.sync!).map((l) => l.step))).toEqual(lagging.map(() => ['review']));
    expect(lagging).toHaveLength(summary.targets.firstRound.中);
  });

  it('monitored every project with targets in May, 110 units, with the figures the reports compute from the records', () => {
    const report = monitoringReport(ctx, { year: 2023, round: MAY }).json as RoundSummary;
    const targets = summary.targets.projects;
    expect(report).toMatchObject({
      unitsCovered: 110,
      projectsCovered: targets,
      projectsWithExecution: targets,
      projectsWithEntries: targets,
    });
    expect(summary.monitoring).toMatchObject({
      round: MAY,
      units: report.unitsCovered,
      projects: report.projectsCovered,
      byLine: report.byLine,
      noticeDue: report.noticeDue,
      sentence: report.sentence,
    });

    const warnings = warningsReport(ctx, { year: 2023, round: MAY }).json as {
      projects: { colours: Record<string, string>; deviation: number | null; noticeDue: boolean }[];
    };
    expect(warnings.projects).toHaveLength(targets);
    const count = (line: string, colour: string) => warnings.projects.filter((p) => p.colours[line] === colour).length;
    for (const line of ['execution', 'completion', 'deviation'] as const) {
      for (const colour of ['red', 'yellow', 'green', 'blue', 'none'] as const)
        expect(count(line, colour), `${line} ${colour}`).toBe(report.byLine[line][colour]);
    }
    // Most on schedule; some behind on spending or output; a few far ahead; every line has data.
    expect(report.byLine.execution.green).toBeGreaterThan(targets * 0.7);
    expect(report.byLine.execution.red).toBeGreaterThan(0);
    expect(report.byLine.completion.red + report.byLine.completion.yellow).toBeGreaterThan(0);
    expect(report.byLine.completion.blue).toBeGreaterThan(0);
    expect(report.byLine.execution.none + report.byLine.completion.none + report.byLine.deviation.none).toBe(0);
    expect(warnings.projects.filter((p) => p.noticeDue).every((p) => p.deviation! > 20)).toBe(true);
    expect(warnings.projects.filter((p) => !p.noticeDue).every((p) => p.deviation! <= 20)).toBe(true);

    // The platform's export, in 元, matched by code: one record per project, spent within its budget.
    const execution = listExecution(ctx, { roundId: findRound(ctx, 2023, MAY).id });
    expect(execution).toHaveLength(targets);
    expect(new Set(execution.map((e) => e.sourceFile))).toEqual(new Set(['轮台县2023年1-5月项目支出预算执行情况表.xlsx']));
    expect(execution.every((e) => e.executedFen > 0 && e.executedFen <= e.adjustedBudgetFen)).toBe(true);
  });

  it('issued a 整改通知 for each project whose 偏离率 is above 20%; some answered, one closed', () => {
    const warnings = warningsReport(ctx, { year: 2023, round: MAY }).json as { projects: { projectId: number; noticeDue: boolean }[] };
    const notices = listNotices(ctx, { year: 2023 });
    expect(notices.map((n) => n.projectId).sort()).toEqual(
      warnings.projects
        .filter((p) => p.noticeDue)
        .map((p) => p.projectId)
        .sort(),
    );
    expect(notices.length).toBe(summary.monitoring.noticeDue);
    // Numbered with the demo county's own 本局信息, which its notices are also signed with.
    expect(getLedgerSettings(ctx)).toMatchObject({ bureauName: '轮台县财政局', noticePrefix: '轮财绩整' });
    expect(notices.every((n) => n.source === 'monitoring' && n.roundName === MAY && /^轮财绩整〔2023〕\d+号$/.test(n.number ?? ''))).toBe(
      true,
    );
    expect(notices.every((n) => n.issuedAt?.startsWith('2023-06') && n.deadline === '2023-07-04')).toBe(true);
    const status = (s: string) => notices.filter((n) => n.status === s).length;
    expect(status('closed')).toBe(1);
    expect(status('answered')).toBe(summary.monitoring.notices.answered);
    expect(status('answered')).toBeGreaterThan(0);
    expect(status('issued')).toBeGreaterThan(status('answered'));
    expect(summary.monitoring.notices.issued).toBe(notices.length);
  });

  it('has the year before as the bureau’s summary tells it: `report self-evaluations` gives 109 units and 292 projects', async () => {
    const text = await run('report', 'self-evaluations', '--ledger', ctx.ledger.file, '--year', '2022');
    expect(text.code).toBe(0);
    expect(text.out.split('\n')[0]).toBe(
      `2022 年度 109 个单位对 292 个项目开展绩效自评，部门评价 ${previous.departmentEvaluations} 个项目。`,
    );
    const r = await run('report', 'self-evaluations', '--ledger', ctx.ledger.file, '--year', '2022', '--json');
    expect(r.code).toBe(0);
    const report = cliJson(r);
    expect(report).toMatchObject({ year: 2022, units: 109, projects: 292, selfCount: 292, ungraded: 0 });
    const grades = Object.fromEntries((report.byGrade as { grade: string; count: number }[]).map((g) => [g.grade, g.count])) as Record<
      '优' | '良' | '中' | '差',
      number
    >;
    const evaluations = 292 + report.departmentCount;
    expect(report.departmentCount).toBeGreaterThanOrEqual(6);
    expect(grades.优 + grades.良 + grades.中 + grades.差).toBe(evaluations);
    // Mostly 优 and 良, some 中, a few 差 — as the scorer gave them.
    expect(grades.优).toBeGreaterThan(evaluations / 2);
    expect(grades.良).toBeGreaterThan(grades.差);
    expect(grades.中).toBeGreaterThan(0);
    expect(grades.差).toBeGreaterThan(0);
    expect(grades.差).toBeLessThan(evaluations / 20);
    expect(grades).toEqual(previous.byGrade);
    const statuses = Object.fromEntries((report.byStatus as { status: string; count: number }[]).map((x) => [x.status, x.count]));
    expect(statuses).toEqual({ draft: 0, submitted: 0, returned: 0, accepted: evaluations });
    // Money of the 单位自评 only: the 年初预算 is the year's, the 全年执行数 below the 全年预算数.
    expect(report.money.initialFen).toBe(previous.totalFen);
    expect(report.money.executedFen).toBeLessThan(report.money.budgetFen);
    expect(report.money.executedFen).toBeGreaterThan(report.money.budgetFen * 0.85);
    // Filled in the spring after the year.
    for (const e of listSelfEvaluations(ctx, { year: 2022 })) expect(e.updatedAt.slice(0, 7), e.projectName).toMatch(/^2023-0[2-4]$/);
  });

  it('gives every 2023 project its 2022 predecessor: same unit and name, the 2022 code; the unit new in 2023 had it under its 主管部门', () => {
    const later = listProjects(ctx, { year: 2023 });
    const before = listProjects(ctx, { year: 2022 });
    expect(before).toHaveLength(later.length);
    const units = listUnits(ctx, { year: 2023 });
    const newUnit = units.find((u) => u.name === '轮台县应急救援中心')!;
    expect(units.find((u) => u.id === newUnit.id)?.projectCount).toBe(1);
    expect(listUnits(ctx, { year: 2022 }).find((u) => u.id === newUnit.id)?.projectCount).toBe(0);
    for (const p of later) {
      const predecessor = before.find((b) => b.code === p.code!.replace('-23-', '-22-'))!;
      expect(predecessor, p.name).toBeDefined();
      expect(predecessor.name).toBe(p.name);
      expect(predecessor.unitId).toBe(p.unitId === newUnit.id ? newUnit.parentId : p.unitId);
      expect(predecessor.libraryStatus).toBe('admitted');
      expect(predecessor.initialBudgetFen).toBeGreaterThan(0);
    }
    expect(new Set(before.map((p) => p.unitId)).size).toBe(109);
  });

  it('sets exactly one 2023 target below what the project achieved in 2022', () => {
    const rows = ctx.ledger.sqlite
      .prepare(
        `select p.name as project, ti.name as indicator, ti.value as target, sei.actual as actual
         from target_indicators ti
         join performance_targets t on t.id = ti.target_id and t.year = 2023
         join projects p on p.id = t.project_id
         join projects last on last.year = 2022 and last.unit_id = p.unit_id and last.name = p.name
         join self_evaluations se on se.project_id = last.id and se.kind = 'self'
         join self_evaluation_indicators sei on sei.self_evaluation_id = se.id and sei.name = ti.name
         where ti.nature <> '定性'`,
      )
      .all() as { project: string; indicator: string; target: string; actual: string }[];
    expect(rows.length).toBeGreaterThan(500);
    const below = rows.filter((r) => numberIn(r.actual)! > numberIn(r.target)!);
    const shown = previous.belowLastYear;
    expect(below).toEqual([{ project: shown.projectName, indicator: shown.indicator, target: shown.nextTarget, actual: shown.actual }]);
  });

  it('applied the 2022 results to 2023 budgets: recovered, cleared or cut, each with its amount and 2023 project', () => {
    const actions = listYearResultActions(ctx, { year: 2022 });
    expect(actions).toHaveLength(previous.resultActions);
    expect(new Set(actions.map((a) => a.actionType))).toEqual(new Set(['收回部分资金', '清理结转结余资金', '调减下年度预算']));
    const projects2023 = new Map(listProjects(ctx, { year: 2023 }).map((p) => [p.id, p]));
    for (const a of actions) {
      expect(a.amountFen, a.evaluationName).toBeGreaterThan(0);
      expect(a.status).toBe('applied');
      expect(a.grade === '中' || a.grade === '差' || (a.grade === '良' && a.actionType === '清理结转结余资金')).toBe(true);
      expect(projects2023.get(a.nextYearProjectId!)?.name).toBe(a.evaluationName);
    }
    // Every 差 had its unspent money recovered.
    const poor = listSelfEvaluations(ctx, { year: 2022, kind: 'self' }).filter((e) => e.grade === '差');
    const recovered = new Set(actions.filter((a) => a.actionType === '收回部分资金').map((a) => a.evaluationId));
    expect(poor.every((e) => recovered.has(e.id))).toBe(true);
  });

  it('is the same every time (seeded, no Math.random), and its 2023 the same without the year before', () => {
    const again = freshContext();
    const second = buildDemoLedger(again, { year: 2023 });
    const strip = (c: typeof ctx) => listProjects(c, { year: 2023 }).map(({ id: _i, unitId: _u, updatedAt: _t, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(ctx));
    expect(second).toEqual({ ...summary, previousYear: null });
    const targets = (c: typeof ctx) => listTargets(c, { year: 2023 }).map(({ targetId: _t, projectId: _p, unitId: _u, ...rest }) => rest);
    expect(targets(again)).toEqual(targets(ctx));
  }, 60_000);

  it('refuses a ledger that already has units', () => {
    expect(() => buildDemoLedger(ctx, { year: 2024 })).toThrow(/只能写入空台账/);
  });
});
