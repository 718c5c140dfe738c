import { describe, expect, it } from 'vitest';
import { recentAudit, verifyAuditChain } from '../../electron/ledger/audit';
import { createProject, listProjects, updateProject, type ProjectInput } from '../../electron/projects/projects';
import { createUnit, listUnits, updateUnit } from '../../electron/projects/units';
import { listYears } from '../../electron/ledger/years';
import { createYear } from '../../electron/settings/yearSetup';
import { freshContext } from './tempLedger';

function education(ctx: ReturnType<typeof freshContext>) {
  const dept = createUnit(ctx, { name: '县教育局', code: '001', parentId: null, classified: false });
  const school = createUnit(ctx, { name: '县第一中学', code: '001001', parentId: dept.id, classified: false });
  return { dept, school };
}

const project = (unitId: number, over: Partial<ProjectInput> = {}): ProjectInput => ({
  year: 2023,
  unitId,
  code: null,
  name: '学生资助项目',
  projectType: '补助补贴',
  budgetKind: 'general',
  initialBudgetFen: 12_345_600,
  continuity: 'continuing',
  majorPolicy: false,
  ...over,
});

describe('units and projects of a year', () => {
  it("lists a unit under its 主管部门 with the year's project count and budget", () => {
    const ctx = freshContext({ year: 2023 });
    createYear(ctx, { year: 2024 });
    const { dept, school } = education(ctx);
    createProject(ctx, project(school.id));
    createProject(ctx, project(school.id, { name: '校舍维修', initialBudgetFen: 100 }));
    createProject(ctx, project(school.id, { year: 2024 }));

    const units = listUnits(ctx, { year: 2023 });
    expect(units.map((u) => u.name)).toEqual(['县教育局', '县第一中学']);
    const row = units.find((u) => u.id === school.id)!;
    expect(row).toMatchObject({ parentName: '县教育局', projectCount: 2, budgetFen: 12_345_700 });
    expect(units.find((u) => u.id === dept.id)!.childCount).toBe(1);
    expect(listYears(ctx).map((y) => [y.year, y.projectCount])).toEqual([
      [2024, 1],
      [2023, 2],
    ]);
  });

  it('shows the department of a project and keeps money exact', () => {
    const ctx = freshContext({ year: 2023 });
    const { school } = education(ctx);
    const created = createProject(ctx, project(school.id, { code: 'XM-1', name: '  学生资助项目  ' }));
    expect(created).toMatchObject({
      name: '学生资助项目',
      unitName: '县第一中学',
      departmentName: '县教育局',
      initialBudgetFen: 12_345_600,
      libraryStatus: 'reserve',
    });
  });

  it('refuses a duplicate name in the same unit and year, naming the field, and writes nothing', () => {
    const ctx = freshContext({ year: 2023 });
    const { school } = education(ctx);
    createProject(ctx, project(school.id));
    const auditBefore = recentAudit(ctx, 500).length;
    expect(() => createProject(ctx, project(school.id))).toThrow(
      expect.objectContaining({ code: 'invalid_input', fields: { name: expect.stringContaining('同名项目') } }),
    );
    expect(listProjects(ctx, { year: 2023 })).toHaveLength(1);
    expect(recentAudit(ctx, 500)).toHaveLength(auditBefore);
  });

  it('refuses a project code used twice in a year but allows it in another year', () => {
    const ctx = freshContext({ year: 2023 });
    createYear(ctx, { year: 2024 });
    const { school } = education(ctx);
    createProject(ctx, project(school.id, { code: 'A1' }));
    expect(() => createProject(ctx, project(school.id, { code: 'A1', name: '其他' }))).toThrow(
      expect.objectContaining({ fields: { code: expect.stringContaining('A1') } }),
    );
    expect(createProject(ctx, project(school.id, { code: 'A1', year: 2024 })).code).toBe('A1');
  });

  it('refuses a project in a year that does not exist or is closed', () => {
    const ctx = freshContext({ year: 2023 });
    const { school } = education(ctx);
    expect(() => createProject(ctx, project(school.id, { year: 2019 }))).toThrow(/没有 2019 年度/);
    ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2023`).run();
    expect(() => createProject(ctx, project(school.id))).toThrow(/已关账/);
  });

  it('records every change in the audit log with before and after, in an unbroken chain', () => {
    const ctx = freshContext({ year: 2023 });
    const { school } = education(ctx);
    const p = createProject(ctx, project(school.id));
    updateProject(ctx, { ...project(school.id), id: p.id, initialBudgetFen: 99 });
    const [last] = recentAudit(ctx, 1);
    expect(last).toMatchObject({ action: 'project.update', actor: '测试员', entityId: String(p.id) });
    expect(JSON.parse(last!.before!).initialBudgetFen).toBe(12_345_600);
    expect(JSON.parse(last!.after!).initialBudgetFen).toBe(99);
    // the year (with its 3 default monitoring rounds), 2 units, a project and its edit
    expect(verifyAuditChain(ctx)).toEqual({ entries: 8, brokenAt: null });
  });

  it('detects an audit entry altered outside the app', () => {
    const ctx = freshContext({ year: 2023 });
    education(ctx);
    const { sqlite } = ctx.ledger;
    expect(() => sqlite.prepare(`update audit_log set actor = '某人' where id = 2`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`delete from audit_log`).run()).toThrow(/append-only/);
    sqlite.exec('drop trigger audit_log_no_update');
    sqlite.prepare(`update audit_log set actor = '某人' where id = 2`).run();
    expect(verifyAuditChain(ctx).brokenAt).toBe(2);
  });

  it('keeps units two levels deep', () => {
    const ctx = freshContext({ year: 2023 });
    const { dept, school } = education(ctx);
    expect(() => createUnit(ctx, { name: '某教研组', code: null, parentId: school.id, classified: false })).toThrow(
      expect.objectContaining({ fields: { parentId: expect.stringContaining('所属单位') } }),
    );
    const other = createUnit(ctx, { name: '县卫生健康委员会', code: null, parentId: null, classified: false });
    expect(() => updateUnit(ctx, { id: dept.id, name: '县教育局', code: '001', parentId: other.id, classified: false })).toThrow(
      expect.objectContaining({ fields: { parentId: expect.stringContaining('所属单位') } }),
    );
    expect(() => createUnit(ctx, { name: ' 县教育局 ', code: null, parentId: null, classified: false })).toThrow(
      expect.objectContaining({ fields: { name: expect.stringContaining('已有') } }),
    );
  });
});
