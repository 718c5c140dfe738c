/** `report warnings` and `report monitoring` through main() with captured output, on a real ledger file. */
import { describe, expect, it } from 'vitest';
import { auditLog, warnings } from '../../db/schema';
import { cliRunner } from '../fixtures/cli';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

const run = cliRunner(new Date('2023-06-20T08:00:00Z'));

function ledgerWithRound() {
  const ctx = freshContext({ year: 2023 });
  const s = setupRound(ctx);
  return { ctx, s, file: ctx.ledger.file };
}

describe('report warnings', () => {
  it("computes, then lists each project's 执行率, 序时进度, 目标完成率, 偏离率 and colours as JSON", async () => {
    const { ctx, file } = ledgerWithRound();
    const r = await run('report', 'warnings', '--ledger', file, '--year', '2023', '--round', '5月项目监控', '--json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      year: 2023,
      round: { name: '5月项目监控', asOfMonth: 5, scope: 'project' },
      timeProgress: 41.67,
      ruleVersion: '2023.1',
      computed: { projects: 4, written: 12 },
    });
    expect(doc.projects).toHaveLength(4);
    expect(doc.projects[1]).toEqual({
      projectId: expect.any(Number),
      projectCode: 'P2',
      projectName: '党员远程教育项目',
      unitName: '轮台县党员电化教育中心',
      departmentName: '中共轮台县委组织部',
      executionRate: 21.3,
      timeProgress: 41.67,
      executionRatio: 51.12,
      completionRate: 100,
      deviation: 64.12,
      colours: { execution: 'red', completion: 'green', deviation: 'red' },
      noticeDue: true,
      texts: {
        execution: '执行率 21.30%，序时进度 41.67%，比值 51.12%',
        completion: '目标完成率 100.00%',
        deviation: '执行率 21.30%，目标总体完成率 85.42%，偏离率 64.12%，超过 20%，应下发整改通知',
      },
    });
    expect(doc.projects[3]).toMatchObject({
      projectCode: 'P4',
      executionRate: null,
      executionRatio: null,
      deviation: null,
      colours: { execution: 'none', completion: 'none', deviation: 'none' },
    });
    // Stored, audited under the command line's actor; a second run changes nothing.
    expect(ctx.ledger.db.select().from(warnings).all()).toHaveLength(12);
    const audits = ctx.ledger.db.select().from(auditLog).all();
    expect(audits.at(-1)).toMatchObject({ action: 'warnings.compute', actor: '命令行:测试员' });
    const again = JSON.parse((await run('report', 'warnings', '--ledger', file, '--year', '2023', '--round', '5', '--json')).out);
    expect(again.computed).toMatchObject({ written: 0, unchanged: 12 });
    expect(ctx.ledger.db.select().from(auditLog).all()).toHaveLength(audits.length);
  });

  it('prints one line per project', async () => {
    const { file } = ledgerWithRound();
    const r = await run('report', 'warnings', '--ledger', file, '--year', '2023', '--round', '5月项目监控');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toMatch(/^2023 年度“5月项目监控”（截至 5 月，序时进度 41\.67%）预警：4 个项目，规则版本 2023\.1/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toBe(
      '  轮台县党员电化教育中心·党员远程教育项目：执行率 21.30%，序时进度 41.67%〔红灯〕；目标完成率 100.00%〔绿灯〕；偏离率 64.12%〔红灯，应下发整改通知〕',
    );
    expect(lines[4]).toContain('执行率 —');
  });

  it('needs --round, and names the rounds there are when it is wrong', async () => {
    const { file } = ledgerWithRound();
    const missing = await run('report', 'warnings', '--ledger', file, '--year', '2023');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/需要 --round/);
    const wrong = await run('report', 'monitoring', '--ledger', file, '--year', '2023', '--round', '9月', '--json');
    expect(wrong.code).toBe(1);
    expect(JSON.parse(wrong.out)).toMatchObject({ ok: false, error: { code: 'round_missing' } });
    expect(wrong.err).toMatch(/现有轮次：5月项目监控（截至 5 月）/);
  });
});

describe('report monitoring', () => {
  it('gives the round summary and the sentence the annual summary cites', async () => {
    const { file } = ledgerWithRound();
    const r = await run('report', 'monitoring', '--ledger', file, '--year', '2023', '--round', '5月项目监控', '--json');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc).toMatchObject({
      round: { name: '5月项目监控' },
      unitsCovered: 3,
      projectsCovered: 4,
      noticeDue: 2,
      notices: { total: 0, issued: 0, closed: 0 },
      byLine: { execution: { red: 1, green: 2, none: 1 } },
      computed: { written: 12 },
    });
    expect(doc.sentence).toMatch(/^2023 年度“5月项目监控”（截至 5 月）对 3 个部门单位、4 个项目开展绩效监控。/);
    const text = await run('report', 'monitoring', '--ledger', file, '--year', '2023', '--round', '5月项目监控');
    expect(text.out.split('\n')[0]).toBe(doc.sentence);
    expect(text.out).toMatch(/预算执行进度：红灯 1，黄灯 0，绿灯 2，蓝灯 0，无数据 1/);
  });
});
