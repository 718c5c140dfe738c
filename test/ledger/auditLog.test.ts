/**
 * 操作记录 as a reader needs it, on a real ledger: paged in SQL, found by record, operator and date,
 * records named rather than numbered, and before and after laid side by side with the changes marked.
 */
import { describe, expect, it } from 'vitest';
import { searchAudit } from '../../electron/ledger/auditQuery';
import type { ServiceContext } from '../../electron/ledger/context';
import { createProject, updateProject, type ProjectRow } from '../../electron/projects/projects';
import { createUnit } from '../../electron/projects/units';
import { createTarget } from '../../electron/targets/targets';
import { freshContext } from './tempLedger';

/** A unit and three projects, written on 1, 2 and 3 March by 测试员, then one edit by 李四 on 10 April. */
function ledgerWithHistory() {
  const base = freshContext({ year: 2023 });
  const on = (day: string, actor = '测试员'): ServiceContext => ({ ...base, actor, now: () => new Date(`${day}T10:00:00+08:00`) });
  const unit = createUnit(on('2023-03-01'), { name: '轮台县交通运输局', code: '031', parentId: null, classified: false });
  const project = (day: string, name: string): ProjectRow =>
    createProject(on(day), {
      year: 2023,
      unitId: unit.id,
      code: null,
      name,
      projectType: '特定目标类',
      budgetKind: 'general',
      initialBudgetFen: 100_000_000,
      continuity: 'new',
      majorPolicy: false,
    });
  const roads = project('2023-03-01', '农村道路养护');
  const bridges = project('2023-03-02', '危桥改造');
  const buses = project('2023-03-03', '城乡公交运营补贴');
  createTarget(on('2023-03-03'), { year: 2023, projectId: roads.id, unitId: null });
  updateProject(on('2023-04-10', '李四（lisi）'), { ...roads, initialBudgetFen: 120_000_000 });
  return { ctx: base, unit, roads, bridges, buses };
}

describe('the audit log', () => {
  it('is read a page at a time, newest first, with the total for the pager', () => {
    const { ctx } = ledgerWithHistory();
    const all = searchAudit(ctx, { page: 1, pageSize: 100 });
    const first = searchAudit(ctx, { page: 1, pageSize: 3 });
    const second = searchAudit(ctx, { page: 2, pageSize: 3 });
    expect(first.total).toBe(all.total);
    expect(first.entries).toHaveLength(3);
    expect(first.entries[0]!.actionLabel).toBe('修改项目');
    expect([...first.entries, ...second.entries].map((e) => e.id)).toEqual(all.entries.slice(0, 6).map((e) => e.id));
    // A page past the end shows the last page rather than nothing.
    const last = searchAudit(ctx, { page: 99, pageSize: 3 });
    expect(last.page).toBe(Math.ceil(all.total / 3));
    expect(last.entries.at(-1)!.actionLabel).toBe('新建预算年度');
  });

  it('names each record instead of numbering it, for old entries too', () => {
    const { ctx } = ledgerWithHistory();
    const texts = searchAudit(ctx, { page: 1, pageSize: 100 }).entries.map((e) => e.objectText);
    expect(texts).toContain('项目“农村道路养护”');
    expect(texts).toContain('绩效目标“农村道路养护”');
    expect(texts).toContain('预算单位“轮台县交通运输局”');
    expect(texts).toContain('预算年度“2023 年度”');
    expect(texts.some((t) => /#\d|编号/.test(t))).toBe(false);
  });

  it('finds entries by record, operator and date range, and by project with its target', () => {
    const { ctx, roads } = ledgerWithHistory();
    const byRecord = searchAudit(ctx, { page: 1, pageSize: 100, object: '道路' });
    expect(byRecord.entries.map((e) => e.actionLabel)).toEqual(['修改项目', '开始填报绩效目标', '记录五个同步日期', '新增项目']);

    const byActor = searchAudit(ctx, { page: 1, pageSize: 100, actor: '李四' });
    expect(byActor.entries.map((e) => [e.actor, e.objectText])).toEqual([['李四（lisi）', '项目“农村道路养护”']]);

    const onTheSecond = searchAudit(ctx, { page: 1, pageSize: 100, from: '2023-03-02', to: '2023-03-02' });
    expect(onTheSecond.entries.map((e) => e.objectText)).toEqual(['项目“危桥改造”']);
    const fromMarchThird = searchAudit(ctx, { page: 1, pageSize: 100, from: '2023-03-03' });
    expect(fromMarchThird.total).toBe(4);

    const project = searchAudit(ctx, { page: 1, pageSize: 100, projectId: roads.id });
    expect(project.project).toEqual({ id: roads.id, name: '农村道路养护', year: 2023 });
    expect(new Set(project.entries.map((e) => e.projectId))).toEqual(new Set([roads.id]));
    expect(project.entries.map((e) => e.objectText)).toContain('绩效目标“农村道路养护”');
    expect(project.entries.map((e) => e.objectText)).not.toContain('项目“危桥改造”');
  });

  it('lays before and after side by side, field by field, and marks what changed', () => {
    const { ctx } = ledgerWithHistory();
    const [edit] = searchAudit(ctx, { page: 1, pageSize: 1 }).entries;
    const budget = edit!.fields.find((f) => f.field === 'initialBudgetFen')!;
    expect(budget).toEqual({ field: 'initialBudgetFen', label: '年初预算', before: '100.00 万元', after: '120.00 万元', changed: true });
    const name = edit!.fields.find((f) => f.field === 'name')!;
    expect(name).toMatchObject({ label: '名称', before: '农村道路养护', after: '农村道路养护', changed: false });
    expect(edit!.fields.filter((f) => f.changed).map((f) => f.label)).toEqual(['年初预算']);

    // A creation has an after only: its values are listed, nothing is marked changed.
    const created = searchAudit(ctx, { page: 1, pageSize: 100, object: '危桥' }).entries[0]!;
    expect(created.fields.find((f) => f.field === 'majorPolicy')).toMatchObject({ before: '—', after: '否', changed: false });
  });

  it('refuses a malformed date in Chinese', () => {
    const { ctx } = ledgerWithHistory();
    expect(() => searchAudit(ctx, { page: 1, pageSize: 10, from: '3/1/2023' })).toThrow(/日期“3\/1\/2023”无效/);
  });
});
