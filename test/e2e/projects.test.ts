import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { recentAudit } from '../../electron/ledger/audit';
import { listProjects } from '../../electron/projects/projects';
import { listProjectTypes } from '../../electron/projects/projectTypes';
import { formatWanYuan } from '../../electron/rules/money';
import { fen, fillBureauLedger, projectsOf, UNITS, unitCount } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { ProjectsPage } from './pages/ProjectsPage';
import { SettingsPage } from './pages/SettingsPage';
import { UnitsPage } from './pages/UnitsPage';

describeInChromium('项目与目标', () => {
  let session: Session;
  let projects: ProjectsPage;

  const ledgerProjects = () => listProjects(session.ctx, { year: 2023 });
  const ledgerTotal = () => formatWanYuan(ledgerProjects().reduce((s, p) => s + p.initialBudgetFen, 0));

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    projects = new ProjectsPage(session.page);
    await projects.shell.chooseYear(2023);
  });

  afterEach(async () => {
    // Each test leaves the list as it found it, and the browser must have stayed quiet throughout.
    if (await projects.dialog.isVisible()) await session.page.keyboard.press('Escape');
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('lists the year’s projects with 年初预算数 in 万元 to 2 decimals, and their total', async () => {
    await projects.open();
    const seeds = projectsOf(2023);
    await expect.poll(() => projects.projectNames()).toHaveLength(seeds.length);
    expect(await projects.amountOf('煤改电二期居民供暖设施入户改造工程')).toBe('3,480.20');
    expect(await projects.amountOf('2023年特殊教育资源教室采购项目')).toBe('86.40');
    expect(await projects.amountOf('城乡居民基本养老保险待遇发放')).toBe('5,620.00');
    const total = formatWanYuan(seeds.reduce((s, p) => s + fen(p.wanYuan), 0));
    expect(await projects.summaryText()).toBe(`共 ${seeds.length} 个项目，年初预算合计 ${total} 万元`);
    const row = (await projects.rowOf('城镇老旧小区改造专项债券付息').locator('td').allInnerTexts()).map((t) => t.trim());
    expect(row.slice(0, 9)).toEqual([
      'XM2023010',
      '城镇老旧小区改造专项债券付息',
      '县住房和城乡建设局',
      '县住房和城乡建设局',
      '政府债务',
      '政府性基金预算',
      '延续',
      '215.60',
      '储备',
    ]);
    await session.screenshot('01-项目列表');
  });

  it('narrows the list by search and by filters, and sorts by a column', async () => {
    await projects.open();
    await projects.search('耕地');
    await expect.poll(() => projects.projectNames()).toEqual(['2023年耕地轮作补助项目']);
    await projects.search('县住房和城乡建设局');
    await expect.poll(() => projects.projectNames()).toHaveLength(2);
    await projects.search('XM2023013');
    await expect.poll(() => projects.projectNames()).toEqual(['县属国有企业资本金注入项目']);
    await projects.search('');

    await projects.filterBy('预算类型', '政府性基金预算');
    await expect.poll(() => projects.column('kind')).toEqual(['政府性基金预算', '政府性基金预算', '政府性基金预算']);
    expect(await projects.summaryText()).toMatch(/^共 3 个项目（本年度共 14 个），年初预算合计 5,795.80 万元$/);
    await projects.filterBy('项目类型', '重点建设项目');
    await expect.poll(() => projects.projectNames()).toHaveLength(2);
    await projects.filterBy('主管部门', '县住房和城乡建设局');
    await expect.poll(() => projects.projectNames()).toEqual(['煤改电二期居民供暖设施入户改造工程']);
    await session.screenshot('02-项目筛选');
    for (const f of ['预算类型', '项目类型', '主管部门'] as const) await projects.clearFilter(f);
    await expect.poll(() => projects.projectNames()).toHaveLength(14);

    await projects.sortBy('年初预算数（万元）');
    await expect.poll(async () => (await projects.column('amount'))[0]).toBe('45.00');
    await projects.sortBy('年初预算数（万元）');
    await expect.poll(async () => (await projects.column('amount'))[0]).toBe('5,620.00');
  });

  it('shows 请填写项目名称 at 项目名称 when the name is left empty, and writes nothing', async () => {
    const countBefore = ledgerProjects().length;
    const auditBefore = recentAudit(session.ctx, 1)[0]!.id;
    await projects.open();
    await projects.startAddingProject();
    await projects.fillProject({ unit: '县第一中学', name: '', amount: '12.5', type: '政府采购' });
    await projects.save();
    await expect.poll(() => projects.errorAt('项目名称')).toBe('请填写项目名称');
    expect(await projects.dialog.isVisible()).toBe(true);
    await session.screenshot('03-项目名称未填', { fullPage: false });
    expect(ledgerProjects()).toHaveLength(countBefore);
    expect(recentAudit(session.ctx, 1)[0]!.id).toBe(auditBefore);
  });

  it('shows the bridge’s message for an amount it cannot read, at 年初预算数', async () => {
    await projects.open();
    await projects.startAddingProject();
    await projects.fillProject({ unit: '县第一中学', name: '校园安全设施项目', amount: '十二万', type: '政府采购' });
    await projects.save();
    await expect.poll(() => projects.errorAt('年初预算数（万元）')).toMatch(/^“十二万”不是金额，请填写数字（单位万元）/);
  });

  it('adds a project, which then appears in the list and the ledger', async () => {
    await projects.open();
    await projects.addProject({
      unit: '县疾病预防控制中心',
      name: '2023年重大传染病防控项目',
      code: 'XM2023015',
      type: '特定目标类',
      kind: '一般公共预算',
      continuity: '新增',
      amount: '1,234.5',
    });
    await expect.poll(() => projects.projectNames()).toContain('2023年重大传染病防控项目');
    expect(await projects.amountOf('2023年重大传染病防控项目')).toBe('1,234.50');
    const stored = ledgerProjects().find((p) => p.name === '2023年重大传染病防控项目');
    expect(stored).toMatchObject({
      code: 'XM2023015',
      unitName: '县疾病预防控制中心',
      departmentName: '县卫生健康委员会',
      initialBudgetFen: 1_234_500_000,
      continuity: 'new',
    });
    expect(await projects.summaryText()).toContain(`年初预算合计 ${ledgerTotal()} 万元`);
    await expect.poll(() => session.page.getByText('项目已新增').isVisible()).toBe(true);
    await session.screenshot('04-新增项目后');
  });

  it('changing a project’s 年初预算数 updates its row and the total', async () => {
    await projects.open();
    const before = ledgerProjects().reduce((s, p) => s + p.initialBudgetFen, 0);
    await projects.editProject('县人民医院医疗设备购置项目', { amount: '512.5' });
    await expect.poll(() => projects.amountOf('县人民医院医疗设备购置项目')).toBe('512.50');
    expect(ledgerProjects().reduce((s, p) => s + p.initialBudgetFen, 0) - before).toBe(fen('32.5'));
    expect(await projects.summaryText()).toContain(`年初预算合计 ${ledgerTotal()} 万元`);
  });

  it('lists the budget units with the year’s project counts and budget', async () => {
    const units = new UnitsPage(session.page);
    await units.open();
    await expect.poll(() => units.unitNames()).toHaveLength(unitCount());
    expect((await units.unitNames()).slice(0, 3)).toEqual(['县教育局', '县第一中学', '县特殊教育学校']);
    expect(await units.rowOf('县社会保险事业管理中心')).toEqual([
      '县社会保险事业管理中心',
      '105001',
      '县人力资源和社会保障局',
      '',
      '2',
      '5,748.88',
    ]);
    expect(await units.rowOf('县委机要保密局')).toEqual(['县委机要保密局', '109', '（本身为主管部门）', '涉密', '0', '0.00']);
    await session.screenshot('05-预算单位');
    await units.search('卫生健康');
    await expect.poll(() => units.unitNames()).toEqual(['县卫生健康委员会', '县人民医院', '县疾病预防控制中心']);
    await units.search('102001');
    await expect.poll(() => units.unitNames()).toEqual(['县人民医院']);
    await units.search('');
  });

  it('moves a unit under another 主管部门, and its projects follow', async () => {
    const units = new UnitsPage(session.page);
    await units.open();
    await units.moveUnder('县疾病预防控制中心', '县民政局');
    await expect.poll(async () => (await units.rowOf('县疾病预防控制中心'))[2]).toBe('县民政局');
    await projects.open();
    await projects.search('基本公共卫生服务');
    await expect.poll(() => projects.column('department')).toEqual(['县民政局']);
    await projects.search('');
  });

  it('refuses a second unit with the same name, at 单位名称', async () => {
    const units = new UnitsPage(session.page);
    await units.open();
    await units.addUnit({ name: UNITS[0]!.name });
    await expect.poll(() => units.errorAt('单位名称')).toBe(`已有名为“${UNITS[0]!.name}”的单位`);
    await session.screenshot('06-单位重名', { fullPage: false });
  });

  it('设置 → 项目类型: a type added there is offered in the project form, a retired one only to the projects that have it', async () => {
    const settings = new SettingsPage(session.page);
    await settings.open();
    const ledgerTypes = () => listProjectTypes(session.ctx).map((t) => [t.name, t.retired ? '已停用' : '在用', String(t.projectCount)]);
    await expect.poll(() => settings.projectTypeRows()).toEqual(ledgerTypes());
    expect((await settings.projectTypeRows()).find((r) => r[0] === '政府债务')).toEqual(['政府债务', '在用', '1']);

    await settings.addProjectType('基础设施建设');
    await expect.poll(() => settings.projectTypeRows()).toContainEqual(['基础设施建设', '在用', '0']);
    await settings.addProjectType('政府 采购');
    await expect.poll(() => settings.projectTypeError()).toBe('已有项目类型“政府采购”，不能重复');
    await settings.setProjectTypeRetired('政府债务', true);
    await expect.poll(() => settings.projectTypeRows()).toEqual(ledgerTypes());
    expect(listProjectTypes(session.ctx).find((t) => t.name === '政府债务')!.retired).toBe(true);
    await session.page.getByRole('region', { name: '项目类型' }).evaluate((section) => section.scrollIntoView({ block: 'center' }));
    await session.screenshot('09-设置-项目类型', { fullPage: false });

    await projects.open();
    await projects.startAddingProject();
    const offered = await projects.typeOptions();
    expect(offered).toContain('基础设施建设');
    expect(offered).not.toContain('政府债务');
    await projects.fillProject({ unit: '县住房和城乡建设局', name: '城区雨污分流管网改造', type: '基础设施建设', amount: '860' });
    await projects.save();
    await projects.dialog.waitFor({ state: 'detached' });
    expect(ledgerProjects().find((p) => p.name === '城区雨污分流管网改造')!.projectType).toBe('基础设施建设');

    await projects.startEditing('城镇老旧小区改造专项债券付息');
    expect(await projects.typeOptions()).toContain('政府债务（已停用）');
    await projects.fillProject({ amount: '215.6' });
    await projects.save();
    await projects.dialog.waitFor({ state: 'detached' });
    expect(ledgerProjects().find((p) => p.name === '城镇老旧小区改造专项债券付息')!.projectType).toBe('政府债务');
  });
});
