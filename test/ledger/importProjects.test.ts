/**
 * What a project import does to the ledger: units and 主管部门 created as named, existing projects
 * matched by code or by unit + name, changes written with their audit entries, and nothing at all
 * written when anything is wrong.
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { auditLog, budgetUnits, projects, projectTypes } from '../../db/schema';
import type { ServiceContext } from '../../electron/ledger/context';
import { ImportRejected } from '../../electron/formats/importIssue';
import { commitProjectImport, previewProjectImport } from '../../electron/projects/projectImport';
import { createProject, listProjects } from '../../electron/projects/projects';
import { listProjectTypes, renameProjectType } from '../../electron/projects/projectTypes';
import { createUnit, listUnits } from '../../electron/projects/units';
import { verifyAuditChain } from '../../electron/ledger/audit';
import { createYear } from '../../electron/settings/yearSetup';
import { PROJECT_HEADER, projectRow, xlsx, type Cell } from '../fixtures/workbooks';
import { freshContext } from './tempLedger';

const YEAR = 2023;
const count = (ctx: ServiceContext, t: typeof projects | typeof budgetUnits | typeof auditLog | typeof projectTypes) =>
  ctx.ledger.db
    .select({ n: sql<number>`count(*)` })
    .from(t)
    .get()!.n;
const importFile = (ctx: ServiceContext, bytes: Uint8Array, fileName = '项目.xlsx') =>
  commitProjectImport(ctx, { year: YEAR, fileName, bytes });

describe('creating units and projects', () => {
  it('creates 主管部门 and their 所属单位 as the file names them, with an audit entry per record', () => {
    const ctx = freshContext({ year: YEAR });
    const auditBefore = count(ctx, auditLog);
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1, { department: '轮台县教育局', unit: '轮台县第一中学' }),
      projectRow(2, { department: '轮台县教育局', unit: '轮台县第二中学' }),
      projectRow(3, { department: '轮台县教育局', unit: '轮台县教育局', major: '是', continuity: '延续' }),
      projectRow(4, { department: '', unit: '轮台县审计局', kind: '政府性基金预算' }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'p.xlsx', bytes });
    expect(preview.unitsToCreate.map((u) => [u.name, u.departmentName])).toEqual([
      ['轮台县教育局', null],
      ['轮台县第一中学', '轮台县教育局'],
      ['轮台县第二中学', '轮台县教育局'],
      ['轮台县审计局', null],
    ]);
    expect(count(ctx, budgetUnits)).toBe(0); // the preview wrote nothing

    const result = importFile(ctx, bytes);
    expect(result).toMatchObject({ createdUnits: 4, createdProjects: 4, updatedProjects: 0 });
    const units = listUnits(ctx, { year: YEAR });
    expect(units.find((u) => u.name === '轮台县第一中学')!.parentName).toBe('轮台县教育局');
    expect(units.find((u) => u.name === '轮台县审计局')!.parentId).toBeNull();
    const third = listProjects(ctx, { year: YEAR }).find((p) => p.name === '测试项目3')!;
    expect(third).toMatchObject({ majorPolicy: true, continuity: 'continuing', departmentName: '轮台县教育局' });
    // 4 units + 4 projects + 1 summary of the file.
    expect(count(ctx, auditLog) - auditBefore).toBe(9);
    const summary = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'import.projects')).get()!;
    expect(JSON.parse(summary.after!)).toMatchObject({ fileName: '项目.xlsx', createdUnits: 4, createdProjects: 4 });
    expect(verifyAuditChain(ctx).brokenAt).toBeNull();
  });

  it('refuses a year that does not exist, saying to create it first', () => {
    const ctx = freshContext({ year: YEAR });
    expect(() => previewProjectImport(ctx, { year: 2030, fileName: 'p.xlsx', bytes: xlsx([PROJECT_HEADER, projectRow(1)]) })).toThrow(
      /没有 2030 年度。请先/,
    );
  });
});

describe('matching what the ledger already has', () => {
  function seeded() {
    const ctx = freshContext({ year: YEAR });
    const dept = createUnit(ctx, { name: '轮台县教育局', code: '113', parentId: null, classified: false });
    const school = createUnit(ctx, { name: '轮台县第一中学', code: '113001', parentId: dept.id, classified: false });
    createProject(ctx, {
      year: YEAR,
      unitId: school.id,
      code: '652822-23-0001',
      name: '测试项目1',
      projectType: '政府采购',
      budgetKind: 'general',
      initialBudgetFen: 11_000_000,
      continuity: 'new',
      majorPolicy: false,
    });
    createProject(ctx, {
      year: YEAR,
      unitId: school.id,
      code: null,
      name: '无代码项目',
      projectType: '政府采购',
      budgetKind: 'general',
      initialBudgetFen: 5_000_000,
      continuity: 'new',
      majorPolicy: false,
    });
    return ctx;
  }

  it('the same rows again are unchanged and write nothing, not even an audit entry', () => {
    const ctx = seeded();
    const bytes = xlsx([PROJECT_HEADER, projectRow(1), projectRow(2, { name: '无代码项目', code: null, amount: 5 })]);
    const before = count(ctx, auditLog);
    const result = importFile(ctx, bytes);
    expect(result).toMatchObject({ createdUnits: 0, createdProjects: 0, updatedProjects: 0, unchangedProjects: 2 });
    expect(count(ctx, auditLog)).toBe(before);
  });

  it('a changed amount or type is an update, shown field by field and audited', () => {
    const ctx = seeded();
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(1, { amount: 12.34, type: '政府购买服务' }),
      projectRow(2, { name: '无代码项目', code: '652822-23-0099', amount: 5 }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'p.xlsx', bytes });
    expect(preview.projectsToUpdate.map((u) => [u.row, u.changes.map((c) => `${c.label}:${c.before}→${c.after}`)])).toEqual([
      [2, ['项目类型:政府采购→政府购买服务', '年初预算数（万元）:11.00→12.34']],
      [3, ['项目代码:→652822-23-0099']],
    ]);
    importFile(ctx, bytes);
    const rows = listProjects(ctx, { year: YEAR });
    expect(rows.find((p) => p.name === '测试项目1')).toMatchObject({ projectType: '政府购买服务', initialBudgetFen: 12_340_000 });
    expect(rows.find((p) => p.name === '无代码项目')!.code).toBe('652822-23-0099');
    expect(ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'project.update')).all()).toHaveLength(2);
  });

  it('a unit the file puts under another 主管部门 is an error, not a silent move', () => {
    const ctx = seeded();
    const bytes = xlsx([PROJECT_HEADER, projectRow(1, { department: '轮台县卫生健康委员会' })]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'p.xlsx', bytes });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ row: 2, column: 'B' });
    expect(preview.errors[0]!.message).toMatch(/在台账中属于“轮台县教育局”/);
  });

  it('a 主管部门 that is itself a 所属单位 in the ledger is an error', () => {
    const ctx = seeded();
    const bytes = xlsx([PROJECT_HEADER, projectRow(5, { department: '轮台县第一中学', unit: '轮台县第一中学附属幼儿园' })]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'p.xlsx', bytes });
    expect(preview.errors[0]!.message).toMatch(/是“轮台县教育局”的所属单位，不能作为主管部门/);
  });

  it('errors the services raise (a code taken by another project) are placed at their cell, and nothing is written', () => {
    const ctx = seeded();
    const before = { projects: count(ctx, projects), units: count(ctx, budgetUnits), audit: count(ctx, auditLog) };
    // 测试项目1 (matched by its code) renamed to the name of the ledger's other project of that unit:
    // only the ledger's unique rule sees this.
    const bytes = xlsx([
      PROJECT_HEADER,
      projectRow(7, { name: '新项目', unit: '新单位', department: '新部门' }),
      projectRow(1, { name: '无代码项目' }),
    ]);
    const preview = previewProjectImport(ctx, { year: YEAR, fileName: 'p.xlsx', bytes });
    expect(preview.errors).toHaveLength(1);
    expect(preview.errors[0]).toMatchObject({ row: 3, column: 'E', header: '项目名称' });
    expect(preview.errors[0]!.message).toBe('p.xlsx 工作表“Sheet1”第 3 行 E 列（项目名称）：该单位 2023 年度已有同名项目“无代码项目”。');
    expect(() => importFile(ctx, bytes)).toThrow(ImportRejected);
    expect({ projects: count(ctx, projects), units: count(ctx, budgetUnits), audit: count(ctx, auditLog) }).toEqual(before);
  });

  it('a closed year refuses the import', () => {
    const ctx = seeded();
    createYear(ctx, { year: 2024 });
    ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2024`).run();
    expect(() => commitProjectImport(ctx, { year: 2024, fileName: 'p.xlsx', bytes: xlsx([PROJECT_HEADER, projectRow(1)]) })).toThrow(
      /已关账/,
    );
  });
});

describe("a region's own 项目类型", () => {
  const SEED = ['重点建设项目', '政府购买服务', '政府债务', '政府采购', '补助补贴', '其他运转类', '特定目标类'];
  // As a county's 项目库 exports it: a title, the unit only in a note above the header, 主管部门 and a
  // unit merged down over their projects (blank below), a 合计 row, and the region's own types.
  const regionRows: Cell[][] = [
    ['××县2025年项目库清单'],
    ['单位：万元'],
    ['序号', '主管部门', '预算单位', '项目编码', '项目名称', '项目类别', '资金性质', '新增/延续', '年初预算数', '是否重大项目'],
    [1, '县交通运输局', '县交通运输局', 'XM2025001', '农村公路安全生命防护工程', '基础设施建设', '一般公共预算', '新增', 1280.5, '是'],
    [2, null, '县公路养护站', 'XM2025002', '国省道日常养护', '运转类', '一般公共预算', '延续', 356.2, '否'],
    [3, '县人力资源和社会保障局', '县就业服务中心', 'XM2025003', '职业技能提升培训', '培训', '一般公共预算资金', '新增', 88, '否'],
    [4, null, null, 'XM2025004', '公益性岗位购买服务', '政府购买服务 ', '一般预算', '延续', 215.36, '否'],
    [5, '县卫生健康委员会', '县疾病预防控制中心', 'XM2025005', '重大传染病防控', '特定目标类', '一般公共预算', '延续', 142.8, '否'],
    [6, null, '县人民医院', 'XM2025006', '医共体信息化建设', '基础设施建设', '政府性基金', '新增', 500, '否'],
    [7, '县教育局', '县第一小学', 'XM2025007', '教师业务培训', '培训', '公共财政预算', '延续', 12.6, '否'],
    ['合计', null, null, null, null, null, null, null, 2595.46, null],
  ];
  const regionBytes = () => xlsx(regionRows, ['A1:J1', 'A2:J2', 'B4:B5', 'B6:B7', 'C6:C7', 'B8:B9']);
  const seenTypes = (ctx: ServiceContext) => listProjectTypes(ctx).map((t) => t.name);

  it('imports every row, lists the new types in the preview without writing, and adds them on commit', () => {
    const ctx = freshContext({ year: 2025 });
    const bytes = regionBytes();
    const before = {
      projects: count(ctx, projects),
      types: count(ctx, projectTypes),
      units: count(ctx, budgetUnits),
      audit: count(ctx, auditLog),
    };

    const preview = previewProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes });
    expect(preview.errors).toEqual([]);
    expect(preview.projectTypesToCreate).toEqual([
      { name: '基础设施建设', rows: [4, 9] },
      { name: '运转类', rows: [5] },
      { name: '培训', rows: [6, 10] },
    ]);
    expect(preview.projectsToCreate).toHaveLength(7);
    expect(preview.totalFen).toBe(2_595_460_000);
    expect(preview.warnings.filter((w) => /合计/.test(w.message))).toEqual([]); // the printed 合计 agrees
    expect({
      projects: count(ctx, projects),
      types: count(ctx, projectTypes),
      units: count(ctx, budgetUnits),
      audit: count(ctx, auditLog),
    }).toEqual(before);

    const result = commitProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes });
    expect(result).toMatchObject({ createdProjectTypes: 3, createdProjects: 7 });
    expect(seenTypes(ctx)).toEqual([...SEED, '基础设施建设', '运转类', '培训']);
    const byName = Object.fromEntries(listProjects(ctx, { year: 2025 }).map((p) => [p.name, p]));
    expect(Object.fromEntries(Object.values(byName).map((p) => [p.name, p.projectType]))).toEqual({
      农村公路安全生命防护工程: '基础设施建设',
      国省道日常养护: '运转类',
      职业技能提升培训: '培训',
      公益性岗位购买服务: '政府购买服务',
      重大传染病防控: '特定目标类',
      医共体信息化建设: '基础设施建设',
      教师业务培训: '培训',
    });
    expect(byName['公益性岗位购买服务']).toMatchObject({
      unitName: '县就业服务中心',
      departmentName: '县人力资源和社会保障局',
      budgetKind: 'general',
    });
    expect(byName['医共体信息化建设']).toMatchObject({
      departmentName: '县卫生健康委员会',
      budgetKind: 'fund',
      initialBudgetFen: 500_000_000,
    });
    expect(listProjectTypes(ctx).find((t) => t.name === '基础设施建设')!.projectCount).toBe(2);
    const typeEntries = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'projectType.create')).all();
    expect(typeEntries.map((e) => JSON.parse(e.after!).name)).toEqual(['基础设施建设', '运转类', '培训']);
    const summary = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'import.projects')).get()!;
    expect(JSON.parse(summary.after!).createdProjectTypes).toEqual(['基础设施建设', '运转类', '培训']);
    expect(verifyAuditChain(ctx).brokenAt).toBeNull();
  });

  it('imports the same file again without a change: no type added twice, nothing written', () => {
    const ctx = freshContext({ year: 2025 });
    commitProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes: regionBytes() });
    const types = seenTypes(ctx);
    const audit = count(ctx, auditLog);
    const again = commitProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes: regionBytes() });
    expect(again).toMatchObject({ createdProjectTypes: 0, createdProjects: 0, updatedProjects: 0, unchangedProjects: 7 });
    expect(again.preview.projectTypesToCreate).toEqual([]);
    expect(seenTypes(ctx)).toEqual(types);
    expect(count(ctx, auditLog)).toBe(audit);
  });

  it("after a rename the projects carry the new name, and the old file's type comes back as a 新增类型", () => {
    const ctx = freshContext({ year: 2025 });
    commitProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes: regionBytes() });
    const training = listProjectTypes(ctx).find((t) => t.name === '培训')!;
    renameProjectType(ctx, { id: training.id, name: '培训类' });
    const rows = listProjects(ctx, { year: 2025 });
    expect(rows.filter((p) => p.projectType === '培训类').map((p) => p.name)).toEqual(['职业技能提升培训', '教师业务培训']);
    expect(rows.some((p) => p.projectType === '培训')).toBe(false);
    const preview = previewProjectImport(ctx, { year: 2025, fileName: '项目库.xlsx', bytes: regionBytes() });
    expect(preview.projectTypesToCreate).toEqual([{ name: '培训', rows: [6, 10] }]);
    expect(preview.projectsToUpdate.map((u) => u.row)).toEqual([6, 10]);
  });
});
