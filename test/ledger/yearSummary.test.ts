/**
 * 年度概况 on the demo year (轮台县 2023): the figures a clerk reads on 报表 and in `report summary`,
 * from one service — the command line and the bridge call give the same document.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import { yearSummary } from '../../electron/reports/yearSummary';
import { formatWanYuan } from '../../electron/rules/money';
import { cliJson, cliRunner } from '../fixtures/cli';
import { demoContext } from '../fixtures/demoLedger';
import { freshContext } from './tempLedger';

const run = cliRunner();
const sum = (list: { fen: number }[]) => list.reduce((s, x) => s + x.fen, 0);

describe('年度概况', () => {
  it('counts the demo year: 110 units under 50 主管部门, 292 projects, 128,923.29 万元 over the four budgets', () => {
    const s = yearSummary(demoContext(), { year: 2023 });

    expect(s).toMatchObject({ year: 2023, units: 110, departments: 50, unitsWithProjects: 110, projects: 292, totalFen: 128_923_288_800 });
    expect(formatWanYuan(s.totalFen)).toBe('128,923.29');
    expect(s.byBudgetKind.map((k) => [k.label, k.projects, formatWanYuan(k.fen)])).toEqual([
      ['一般公共预算', 263, '61,691.14'],
      ['政府性基金预算', 20, '31,219.74'],
      ['国有资本经营预算', 3, '1,585.10'],
      ['社会保险基金预算', 6, '34,427.31'],
    ]);
    expect(sum(s.byBudgetKind)).toBe(s.totalFen);

    expect(s.byDepartment).toHaveLength(50);
    expect(s.byDepartment[0]).toEqual({ department: '轮台县人力资源和社会保障局', units: 4, projects: 12, fen: 24_420_858_700 });
    expect(s.byDepartment.find((d) => d.department === '轮台县教育局')).toMatchObject({ units: 10, projects: 26 });
    const fens = s.byDepartment.map((d) => d.fen);
    expect(fens).toEqual([...fens].sort((a, b) => b - a));
    expect(sum(s.byDepartment)).toBe(s.totalFen);
    expect(s.byDepartment.reduce((n, d) => n + d.units, 0)).toBe(s.unitsWithProjects);
    expect(s.byDepartment.reduce((n, d) => n + d.projects, 0)).toBe(s.projects);
  });

  it('gives a year without projects as zeros, every budget kind still listed', () => {
    const s = yearSummary(freshContext({ year: 2024 }), { year: 2024 });
    expect(s).toEqual({
      year: 2024,
      units: 0,
      departments: 0,
      unitsWithProjects: 0,
      projects: 0,
      totalFen: 0,
      byBudgetKind: [
        { kind: 'general', label: '一般公共预算', projects: 0, fen: 0 },
        { kind: 'fund', label: '政府性基金预算', projects: 0, fen: 0 },
        { kind: 'stateCapital', label: '国有资本经营预算', projects: 0, fen: 0 },
        { kind: 'socialInsurance', label: '社会保险基金预算', projects: 0, fen: 0 },
      ],
      byDepartment: [],
    });
  });

  it('refuses a year the ledger does not hold, in Chinese, through the service and the bridge', async () => {
    const ctx = demoContext();
    expect(() => yearSummary(ctx, { year: 2030 })).toThrow('台账中没有 2030 年度。请先在“设置”中新建该年度。');
    expect(await dispatch(ctx, 'reports.yearSummary', { year: 2030 })).toEqual({
      ok: false,
      error: { code: 'year_missing', message: '台账中没有 2030 年度。请先在“设置”中新建该年度。', fields: { year: '没有 2030 年度' } },
    });
  });

  it('is the same document on the command line (--json), in its text, and through the bridge call', async () => {
    const ctx = demoContext();
    const file = ctx.ledger.file;

    const bridge = await dispatch(ctx, 'reports.yearSummary', { year: 2023 });
    expect(bridge.ok).toBe(true);
    const figures = bridge.ok ? bridge.value : null;

    const cli = await run('report', 'summary', '--ledger', file, '--year', '2023', '--json');
    expect(cli.code).toBe(0);
    // Beside the year at a glance, the figures of the annual summary (test/ledger/annualSummary.test.ts).
    const { annualSummary, ...overview } = cliJson(cli);
    expect(overview).toEqual(figures);
    expect(annualSummary).toMatchObject({ exAnte: { assessed: { count: 5 } }, keyEvaluations: { evaluations: { count: 10 } } });
    expect(figures).toEqual(yearSummary(ctx, { year: 2023 }));

    const text = (await run('report', 'summary', '--ledger', file, '--year', '2023')).out.split('\n');
    expect(text[0]).toBe('2023 年度概况');
    expect(text[1]).toBe('预算单位 110 个（主管部门 50 个，有项目的单位 110 个）；项目 292 个；年初预算合计 128,923.29 万元。');
    expect(text).toContain('  一般公共预算　　　  263 个       61,691.14 万元');
    expect(text).toContain('  轮台县人力资源和社会保障局：4 个单位，12 个项目，24,420.86 万元');
  });
});
