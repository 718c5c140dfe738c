/**
 * 项目类型 as the bureau's own list, on real ledger files: seeded for new and upgraded ledgers, added,
 * renamed (the projects follow, audited, in one transaction) and retired (not offered for new projects,
 * kept by those that have it); the project form's type is checked against the list, in Chinese.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { closeLedger, defaultMigrationsFolder, openLedger } from '../../db/open';
import { auditLog } from '../../db/schema';
import { dispatch } from '../../electron/bridge/dispatcher';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { verifyAuditChain } from '../../electron/ledger/audit';
import { createProject, listProjects, updateProject, type ProjectInput } from '../../electron/projects/projects';
import {
  createProjectType,
  listProjectTypes,
  renameProjectType,
  setProjectTypeRetired,
  type ProjectTypeRow,
} from '../../electron/projects/projectTypes';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { cliRunner } from '../fixtures/cli';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { freshContext, tempFolder, tempLedgerFile, track } from './tempLedger';

const SEED = ['重点建设项目', '政府购买服务', '政府债务', '政府采购', '补助补贴', '其他运转类', '特定目标类'];

const names = (ctx: ServiceContext) => listProjectTypes(ctx).map((t) => t.name);
const typeNamed = (ctx: ServiceContext, name: string): ProjectTypeRow => listProjectTypes(ctx).find((t) => t.name === name)!;

function withProjects() {
  const ctx = freshContext({ year: 2023 });
  createYear(ctx, { year: 2024 });
  const unit = createUnit(ctx, { name: '县人社局', code: null, parentId: null, classified: false });
  const project = (over: Partial<ProjectInput>): ProjectInput => ({
    year: 2023,
    unitId: unit.id,
    code: null,
    name: '职业技能培训',
    projectType: '补助补贴',
    budgetKind: 'general',
    initialBudgetFen: 1_000_000,
    continuity: 'new',
    majorPolicy: false,
    ...over,
  });
  const training = createProjectType(ctx, { name: '培训' });
  createProject(ctx, project({ projectType: '培训' }));
  createProject(ctx, project({ year: 2024, projectType: '培训' }));
  createProject(ctx, project({ name: '创业担保贷款贴息' }));
  return { ctx, unit, project, training };
}

describe('the list every ledger starts with', () => {
  it('a new ledger has the seven common types, in order, all in use', () => {
    const ctx = freshContext();
    expect(listProjectTypes(ctx).map((t) => [t.name, t.retired, t.projectCount])).toEqual(SEED.map((n) => [n, false, 0]));
  });

  it('an upgraded ledger gets them too, plus any other type its projects already carry', () => {
    const file = tempLedgerFile();
    // "An older app": the shipped migrations before project_types.
    const older = path.join(tempFolder(), 'migrations');
    fs.cpSync(defaultMigrationsFolder(), older, { recursive: true });
    const journalFile = path.join(older, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.filter((e) => e.tag < '0011');
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    closeLedger(openLedger(file, { migrationsFolder: older }));
    const raw = new Database(file);
    raw.exec(`
      insert into fiscal_years (year, rule_set) values (2023, '{}');
      insert into budget_units (id, name) values (1, '县民政局');
      insert into projects (year, unit_id, name, project_type, budget_kind, continuity) values
        (2023, 1, '低保金', '补助补贴', 'general', 'new'), (2023, 1, '养老服务', '民生保障', 'general', 'new');
    `);
    raw.close();

    const ctx = serviceContext(track(openLedger(file)), '测试员');
    expect(listProjectTypes(ctx).map((t) => [t.name, t.projectCount])).toEqual([
      ...SEED.map((n) => [n, n === '补助补贴' ? 1 : 0]),
      ['民生保障', 1],
    ]);
  });
});

describe('adding a type', () => {
  it('appends it, audited, and refuses a blank, an overlong or an existing name (spaces and full width ignored)', () => {
    const ctx = freshContext();
    const added = createProjectType(ctx, { name: ' 基础设施建设 ' });
    expect(added).toMatchObject({ name: '基础设施建设', retired: false, projectCount: 0 });
    expect(names(ctx).at(-1)).toBe('基础设施建设');
    expect(ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'projectType.create')).all()).toHaveLength(1);

    const refusal = (name: string) => {
      try {
        createProjectType(ctx, { name });
        return null;
      } catch (err) {
        return (err as { fields?: Record<string, string> }).fields?.name;
      }
    };
    expect(refusal('　 ')).toBe('项目类型不能为空，请填写类型名称');
    expect(refusal('政府 采购')).toBe('已有项目类型“政府采购”，不能重复');
    expect(refusal('基础设施建设')).toBe('已有项目类型“基础设施建设”，不能重复');
    expect(refusal('一二三四五六七八九十一二三四五六七八九十一')).toMatch(/超过 20 个字/);
    setProjectTypeRetired(ctx, { id: typeNamed(ctx, '政府债务').id, retired: true });
    expect(refusal('政府债务')).toBe('已有项目类型“政府债务”（已停用）。如要再用，请在列表中点“恢复使用”');
    expect(names(ctx)).toHaveLength(SEED.length + 1);
  });
});

describe('renaming a type', () => {
  it('renames every project of the type in every open year, with one audit entry naming them', () => {
    const { ctx, training } = withProjects();
    const renamed = renameProjectType(ctx, { id: training.id, name: '培训类' });
    expect(renamed).toMatchObject({ name: '培训类', projectCount: 2 });
    const typesOf = (year: number) => listProjects(ctx, { year }).map((p) => p.projectType);
    expect(typesOf(2023).sort()).toEqual(['培训类', '补助补贴']);
    expect(typesOf(2024)).toEqual(['培训类']);
    const entry = ctx.ledger.db.select().from(auditLog).where(eq(auditLog.action, 'projectType.rename')).get()!;
    expect(JSON.parse(entry.before!)).toEqual({ name: '培训' });
    expect(JSON.parse(entry.after!).projectIds).toHaveLength(2);
    expect(verifyAuditChain(ctx).brokenAt).toBeNull();
  });

  it('refuses a name another type has, and changes nothing', () => {
    const { ctx, training } = withProjects();
    expect(() => renameProjectType(ctx, { id: training.id, name: '补助补贴' })).toThrow('已有项目类型“补助补贴”，不能重复。');
    expect(listProjects(ctx, { year: 2023 }).filter((p) => p.projectType === '培训')).toHaveLength(1);
    expect(typeNamed(ctx, '培训').projectCount).toBe(2);
  });

  it('refuses while a closed year has projects of the type, saying what to do instead', () => {
    const { ctx, training } = withProjects();
    ctx.ledger.sqlite.prepare(`update fiscal_years set status = 'closed' where year = 2024`).run();
    expect(() => renameProjectType(ctx, { id: training.id, name: '培训类' })).toThrow(
      '2024 年度已关账，其中有“培训”类型的项目，改名会改动已关账的数据。可以新增“培训类”类型，再停用“培训”。',
    );
    expect(names(ctx)).toContain('培训');
    expect(listProjects(ctx, { year: 2023 }).map((p) => p.projectType)).toContain('培训');
  });
});

describe('retiring a type', () => {
  it('is not offered for new projects, while a project that has it keeps it through an edit', () => {
    const { ctx, project, training } = withProjects();
    setProjectTypeRetired(ctx, { id: training.id, retired: true });
    expect(typeNamed(ctx, '培训')).toMatchObject({ retired: true, projectCount: 2 });

    expect(() => createProject(ctx, project({ name: '新培训项目', projectType: '培训' }))).toThrow(
      expect.objectContaining({
        fields: { projectType: '项目类型“培训”已停用，不能用于新的项目。请选择其他类型，或在“设置 → 项目类型”中恢复使用' },
      }),
    );
    const kept = listProjects(ctx, { year: 2023 }).find((p) => p.projectType === '培训')!;
    const edited = updateProject(ctx, { ...kept, initialBudgetFen: 2_000_000 });
    expect(edited).toMatchObject({ projectType: '培训', initialBudgetFen: 2_000_000 });
    const other = listProjects(ctx, { year: 2023 }).find((p) => p.projectType === '补助补贴')!;
    expect(() => updateProject(ctx, { ...other, projectType: '培训' })).toThrow(
      expect.objectContaining({ fields: { projectType: expect.stringMatching(/^项目类型“培训”已停用，不能用于新的项目/) } }),
    );

    setProjectTypeRetired(ctx, { id: training.id, retired: false });
    expect(createProject(ctx, project({ name: '新培训项目', projectType: '培训' })).projectType).toBe('培训');
    expect(
      ctx.ledger.db
        .select({ action: auditLog.action })
        .from(auditLog)
        .where(eq(auditLog.entity, 'project_type'))
        .all()
        .map((e) => e.action),
    ).toEqual(['projectType.create', 'projectType.retire', 'projectType.reinstate']);
  });

  it('keeps at least one type in use', () => {
    const ctx = freshContext();
    for (const name of SEED.slice(1)) setProjectTypeRetired(ctx, { id: typeNamed(ctx, name).id, retired: true });
    expect(() => setProjectTypeRetired(ctx, { id: typeNamed(ctx, SEED[0]!).id, retired: true })).toThrow(/是唯一在用的项目类型/);
  });
});

describe('the project form through the bridge', () => {
  it('accepts a type the bureau added and refuses one it has not, at the field, in Chinese', async () => {
    const ctx = freshContext({ year: 2023 });
    const unit = createUnit(ctx, { name: '县交通运输局', code: null, parentId: null, classified: false });
    const input = (projectType: string) => ({
      year: 2023,
      unitId: unit.id,
      code: null,
      name: `农村公路${projectType}`,
      projectType,
      budgetKind: 'general',
      initialBudget: '100',
      continuity: 'new',
      majorPolicy: false,
    });
    expect(await dispatch(ctx, 'projects.create', input('基础设施建设'))).toMatchObject({
      ok: false,
      error: { fields: { projectType: '项目类型“基础设施建设”不在本局的项目类型中。请从列表中选择，或先在“设置 → 项目类型”中新增' } },
    });
    expect(await dispatch(ctx, 'projectTypes.create', { name: '基础设施建设' })).toMatchObject({ ok: true });
    expect(await dispatch(ctx, 'projects.create', input('基础设施建设'))).toMatchObject({
      ok: true,
      value: { projectType: '基础设施建设' },
    });
    expect(await dispatch(ctx, 'projects.create', input(''))).toMatchObject({
      ok: false,
      error: { fields: { projectType: '请选择项目类型' } },
    });
  });
});

describe('the command line', () => {
  it('import projects names the new types in its check and in its summary', async () => {
    const run = cliRunner();
    const dir = tempFolder();
    const file = path.join(dir, '台账.db');
    await run('init', file, '--year', '2025');
    const workbook = path.join(dir, '项目库.xlsx');
    fs.writeFileSync(
      workbook,
      xlsx([
        PROJECT_HEADER,
        projectRow(1, { type: '基础设施建设' }),
        projectRow(2, { type: '培训' }),
        projectRow(3, { type: '基础设施建设' }),
      ]),
    );
    const dry = await run('import', 'projects', workbook, '--ledger', file, '--year', '2025', '--dry-run');
    expect(dry.out).toContain('将新增项目类型 2 个：基础设施建设（第 2、4 行）；培训（第 3 行）');
    const done = await run('import', 'projects', workbook, '--ledger', file, '--year', '2025');
    expect(done.code).toBe(0);
    expect(done.out).toContain('已新增项目类型 2 个：基础设施建设（第 2、4 行）；培训（第 3 行）');
    const again = await run('import', 'projects', workbook, '--ledger', file, '--year', '2025');
    expect(again.out).not.toContain('新增项目类型');
  });
});
