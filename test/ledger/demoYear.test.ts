/**
 * The demo county at the seed's scale: about 110 units and 290 projects over the four budgets, the
 * 2023 key evaluations present under their names, every record audited, and the same every time.
 */
import { describe, expect, it } from 'vitest';
import { KEY_EVALUATION_DEPARTMENT_UNIT, KEY_EVALUATION_PROJECTS } from '../../db/demo/luntai2023';
import { buildDemoLedger } from '../../electron/services/demoYear';
import { exAnteOverview } from '../../electron/services/exAnte';
import { checkLedger } from '../../electron/services/integrity';
import { listProjects } from '../../electron/services/projects';
import { listUnits } from '../../electron/services/units';
import { PROJECT_TYPES } from '../../electron/rules/labels';
import { freshContext } from './tempLedger';

describe('the demo year', () => {
  const ctx = freshContext();
  const started = performance.now();
  const summary = buildDemoLedger(ctx, { year: 2023 });
  const ms = performance.now() - started;

  it('has the scale of the bureau’s 2023 summary', () => {
    console.log(`demo build: ${ms.toFixed(0)} ms`);
    expect(ms).toBeLessThan(10_000);
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
    for (const p of projects) {
      expect(PROJECT_TYPES).toContain(p.projectType);
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
    const kindsOfKey = new Set(projects.filter((p) => (KEY_EVALUATION_PROJECTS as readonly string[]).includes(p.name)).map((p) => p.budgetKind));
    expect([...kindsOfKey].sort()).toEqual(['fund', 'general', 'stateCapital']);
  });

  it('passes the ledger check with every record in the audit chain', () => {
    const check = checkLedger(ctx);
    expect(check.ok).toBe(true);
    expect(check.counts).toMatchObject({ budget_units: summary.units, projects: summary.projects, fiscal_years: 1 });
    // year and its 3 default monitoring rounds + units + projects + each major project's assessment
    // (created, scored, finalised) + each key evaluation (selected, framework from a template, experts
    // set, texts saved, finalised: 5, plus one scoring entry per expert) + the demo's own entry
    expect(summary.keyEvaluations).toBe(10);
    expect(check.counts).toMatchObject({ key_evaluations: 10 });
    const keyEvaluationEntries = 5 * summary.keyEvaluations + check.counts.evaluation_experts!;
    expect(check.audit.entries).toBe(1 + 3 + summary.units + summary.projects + 3 * summary.majorPolicy + keyEvaluationEntries + 1);
  });

  it('assessed each major project before it entered the library, as the seed did (five, all 支持)', () => {
    const overview = exAnteOverview(ctx, { year: 2023 });
    expect(summary.majorPolicy).toBe(5);
    expect(overview.assessed).toBe(5);
    expect(overview.byConclusion.map((c) => [c.conclusion, c.count])).toEqual([['予以支持', 5], ['调整完善后予以支持', 0], ['不予支持', 0]]);
    expect(overview.majorWithoutSupport).toEqual([]);
  });

  it('is the same every time (seeded, no Math.random)', () => {
    const again = freshContext();
    buildDemoLedger(again, { year: 2023 });
    const strip = (c: typeof ctx) => listProjects(c, { year: 2023 }).map(({ id: _i, unitId: _u, updatedAt: _t, ...rest }) => rest);
    expect(strip(again)).toEqual(strip(ctx));
  });

  it('refuses a ledger that already has units', () => {
    expect(() => buildDemoLedger(ctx, { year: 2024 })).toThrow(/只能写入空台账/);
  });
});
