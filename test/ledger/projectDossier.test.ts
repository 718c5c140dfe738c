/**
 * 项目页 on a real ledger: one project's target, monitoring per round, notices and audit entries
 * gathered through the areas' own services, and the bridge call the page reads.
 */
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/bridge/dispatcher';
import type { ProjectDossier } from '../../electron/bridge/contract';
import { searchAudit } from '../../electron/ledger/auditQuery';
import { computeWarnings } from '../../electron/monitoring/warningComputation';
import { projectDossier } from '../../electron/projects/projectDossier';
import { updateProject } from '../../electron/projects/projects';
import { draftNoticesFromWarnings } from '../../electron/rectification/rectification';
import { setupRound } from './monitoringFixture';
import { freshContext } from './tempLedger';

describe('the project page', () => {
  it('ties a project’s target, monitoring rounds, notices and audit entries together, and nothing of other projects', () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    computeWarnings(ctx, { roundId: s.may.id });
    draftNoticesFromWarnings(ctx, { roundId: s.may.id });
    updateProject(ctx, { ...s.p2, initialBudgetFen: 12_000_000 });

    const d = projectDossier(ctx, { id: s.p2.id });
    expect(d.project).toMatchObject({ name: '党员远程教育项目', unitName: '轮台县党员电化教育中心', initialBudgetFen: 12_000_000 });
    expect(d.target).toMatchObject({ id: s.t2.id, status: 'draft' });
    expect(d.target!.indicators.map((i) => i.name)).toContain('培训人次');
    expect(d.reviewRounds).toEqual([]);

    // Every round of the year is listed; the May round carries the execution and its red line 1.
    const may = d.monitoring.find((m) => m.round.id === s.may.id)!;
    expect(may.execution).toMatchObject({ adjustedBudgetFen: 10_000_000, executedFen: 2_130_000 });
    expect(may.warning).toMatchObject({ projectId: s.p2.id, noticeDue: true });
    expect(may.warning!.execution.colour).toBe('red');
    const june = d.monitoring.find((m) => m.round.id === s.june.id)!;
    expect(june).toMatchObject({ execution: null, warning: null });

    // 偏离率 above 20%: the drafted notice is this project's, and only this project's.
    expect(d.notices.map((n) => n.projectId)).toEqual([s.p2.id]);
    expect(projectDossier(ctx, { id: s.p1.id }).notices).toEqual([]);

    // The project's own entries and those of its target and notice, newest first; none of P1's.
    const audit = searchAudit(ctx, { page: 1, pageSize: 100, projectId: s.p2.id });
    expect(d.auditEntries).toBe(audit.total);
    expect(audit.entries.map((e) => `${e.actionLabel} ${e.objectText}`)).toEqual([
      '修改项目 项目“党员远程教育项目”',
      '按预警起草整改通知 整改通知“党员远程教育项目”',
      '保存监控表 绩效目标“党员远程教育项目”',
      '保存绩效目标 绩效目标“党员远程教育项目”',
      '开始填报绩效目标 绩效目标“党员远程教育项目”',
      '记录五个同步日期 绩效目标“党员远程教育项目”',
      '新增项目 项目“党员远程教育项目”',
    ]);
  });

  it('is one read-only bridge call, and an unknown project is refused in Chinese', async () => {
    const ctx = freshContext({ year: 2023 });
    const s = setupRound(ctx);
    const answer = await dispatch(ctx, 'projects.dossier', { id: s.p4.id });
    expect(answer.ok).toBe(true);
    const d = (answer as { value: ProjectDossier }).value;
    expect(d.project.name).toBe('年中追加的农机补贴项目');
    expect(d.gate).toEqual({ required: false, passed: true, reason: null });

    const missing = await dispatch(ctx, 'projects.dossier', { id: 9999 });
    expect(missing).toEqual({ ok: false, error: { code: 'project_missing', message: expect.stringContaining('没有编号为 9999 的项目') } });
  });
});
