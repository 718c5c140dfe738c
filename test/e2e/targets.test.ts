import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { listRounds } from '../../electron/targets/jointReview';
import { listProjects } from '../../electron/projects/projects';
import { createTarget } from '../../electron/targets/targets';
import { targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { fillBureauLedgerWithLibrary, projectsOf, TRAINING_PROJECT } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { TargetsPage, type Grade } from './pages/TargetsPage';

const TRAINING = TRAINING_PROJECT.name;
/** Already being declared when the clerk arrives: its budget will run ahead of it on the 五个同步 board. */
const DRAFTED = '2023年特殊教育资源教室采购项目';
const MAJOR = '县第一中学教学楼维修改造项目';

/** The bureau's ledger with the default indicator library, and one target already started. */
function fillTargetsLedger(ctx: ServiceContext): void {
  fillBureauLedgerWithLibrary(ctx);
  const project = listProjects(ctx, { year: 2023 }).find((p) => p.name === DRAFTED)!;
  createTarget(ctx, { year: 2023, projectId: project.id, unitId: null });
}

const all = (g: Grade): [Grade, Grade, Grade, Grade] => [g, g, g, g];

describeInChromium('绩效目标与三方联合会审', () => {
  let session: Session;
  let targets: TargetsPage;

  const stored = (name: string) => listTargets(session.ctx, { year: 2023 }).find((r) => r.name === name)!;
  const today = () => new Date().toISOString().slice(0, 10);
  /**
   * A whole-page screenshot from the top (the app's header is fixed and would land mid-page when
   * scrolled), without the notices of earlier steps covering the screen.
   */
  const shot = async (name: string, options: { fullPage?: boolean } = {}) => {
    const page = session.page;
    await page.mouse.move(1, 1);
    const close = page.locator('.mantine-Notification-closeButton');
    for (let i = 0; i < 10 && (await close.count()) > 0; i++)
      await close
        .first()
        .click({ timeout: 1_000 })
        .catch(() => undefined);
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 3_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await session.screenshot(name, options);
  };

  beforeAll(async () => {
    session = await startSession(fillTargetsLedger);
    targets = new TargetsPage(session.page);
    await targets.shell.chooseYear(2023);
  });

  afterEach(async () => {
    // No dialog left open, and the browser must have stayed quiet throughout.
    for (let i = 0; i < 3 && (await session.page.getByRole('dialog').count()) > 0; i++) await session.page.keyboard.press('Escape');
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('lists every project of the year with its targets’ state; those without targets show 未填报 under 先定项目，再定预算', async () => {
    await targets.open();
    const projectCount = projectsOf(2023).length + 1;
    await expect.poll(() => targets.summaryText()).toBe(`共 ${projectCount} 个项目，未填报 ${projectCount - 1} 个`);
    expect(await targets.cell(DRAFTED, 'status')).toBe('填报中');
    expect(await targets.cell(DRAFTED, 'budget')).toBe('86.40');
    expect(await targets.cell(TRAINING, 'status')).toBe('未填报');
    expect(await targets.cell(TRAINING, 'indicators')).toBe('—');
    await shot('40-绩效目标列表');

    await targets.showOnlyMissing(true);
    await expect.poll(() => targets.names()).toHaveLength(projectCount - 1);
    expect(new Set(await targets.statuses())).toEqual(new Set(['未填报']));
    expect(await targets.names()).not.toContain(DRAFTED);
    // A major project without targets also needs its 事前评估.
    expect(await targets.cell(MAJOR, 'name')).toMatch(/重大[\s\S]*需事前评估/);
    await session.page.getByText('以下项目尚未填报绩效目标').waitFor();
    await shot('40b-先定项目再定预算');
    await targets.showOnlyMissing(false);

    await targets.filterByStatus('填报中');
    await expect.poll(() => targets.names()).toEqual([DRAFTED]);
    expect(await targets.summaryText()).toBe(`共 1 个项目（本年度共 ${projectCount} 个），未填报 0 个`);
    await targets.filterByStatus(null);
  });

  it('declares a project: the checklist first shows what fails, then passes once the goal and library indicators (满意度 too) are in', async () => {
    await targets.open();
    await targets.startDeclaring(TRAINING);
    expect(await targets.status()).toBe('填报中');
    expect(await targets.valueOf('年度资金总额（万元）')).toBe('38.60');
    const failing = (await targets.checks()).filter(([r]) => r === '未通过').map(([, label]) => label);
    expect(failing).toEqual(['填写年度总体目标', '至少一个数量指标', '至少一个质量或时效指标', '至少一个效益指标', '至少一个满意度指标']);
    await targets.submitForReview();
    await expect.poll(() => targets.checklistRefusal()).toMatch(/机审未通过，不能提交会审：填写年度总体目标（年度总体目标为空）/);
    await shot('42-机审清单');

    await targets.chooseClass('培训');
    await targets.fill('年度总体目标', '全年举办基层干部培训班 5 期，培训 500 人次，培训合格率不低于 95%，参训人员满意度达到 90% 以上。');
    await targets.addFromLibrary(['培训人次', '培训合格率', '参训人员业务能力提升情况', '参训人员满意度']);

    // The recommendations read the project's name and goal; what is already in shows as 已添加.
    const drawer = await targets.openPicker();
    await drawer.getByRole('tab', { name: '推荐指标' }).click();
    const recommended = drawer.getByRole('table', { name: '推荐指标' });
    await recommended.waitFor();
    expect(await drawer.getByRole('status', { name: '推荐结果' }).innerText()).toMatch(/^按“2023年基层干部培训项目”推荐 \d+ 条指标/);
    expect(await drawer.getByRole('button', { name: '添加 培训人次', exact: true }).innerText()).toBe('已添加');
    await drawer.getByRole('button', { name: '添加 培训期数', exact: true }).click();
    await shot('41b-从指标库添加', { fullPage: false });
    await targets.closePicker();

    for (const [name, value] of [
      ['培训人次', '500'],
      ['培训期数', '5'],
      ['培训合格率', '95'],
      ['参训人员业务能力提升情况', '有效提升'],
      ['参训人员满意度', '90'],
    ] as const) {
      await targets.setIndicatorValue(name, value);
    }
    await targets.addCustomIndicator({ level1: '产出指标', level2: '数量指标', name: '村级后备干部培训人数', value: '120', unit: '' });
    await targets.fill('其他资金（万元）', '十二万');
    await targets.save();
    // Each refusal at its field: the money at 其他资金, the 个性 indicator's unit in its row.
    await expect.poll(() => targets.errorAt('其他资金（万元）')).toMatch(/^“十二万”不是金额，请填写数字（单位万元）/);
    await targets.fill('其他资金（万元）', '0');
    await targets.save();
    await expect.poll(() => targets.errorAt('计量单位 第 3 行')).toBe('第 3 个指标：定量指标须填写计量单位');
    await targets.fill('计量单位 第 3 行', '人');
    await targets.save();
    await expect.poll(() => targets.checkResult()).toBe('全部通过');
    expect(await targets.indicatorRows()).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥', '500', '人次', '共性'],
      ['产出指标', '数量指标', '培训期数', '≥', '5', '期', '共性'],
      ['产出指标', '数量指标', '村级后备干部培训人数', '≥', '120', '人', '个性'],
      ['产出指标', '质量指标', '培训合格率', '≥', '95', '%', '共性'],
      ['效益指标', '社会效益指标', '参训人员业务能力提升情况', '定性', '有效提升', '—', '共性'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '90', '%', '共性'],
    ]);
    await shot('41-目标填报');
    expect(stored(TRAINING)).toMatchObject({ status: 'draft', indicatorCount: 6 });
  });

  it('三方联合会审: three opinions, the suggested 中 returns the targets to the unit', async () => {
    await targets.submitForReview();
    await expect.poll(() => targets.status()).toBe('会审中');
    await targets.recordOpinion('预算单位（主管部门）', {
      reviewer: '县委党校 李明',
      grades: all('良'),
      opinion: '目标基本完整，培训内容可再具体。',
    });
    await targets.recordOpinion('财政局（业务股室、绩效股）', {
      reviewer: '绩效股 王芳',
      grades: ['中', '良', '中', '中'],
      opinion: '产出数量偏低，与 38.6 万元资金不够匹配。',
    });
    await targets.recordOpinion('第三方机构', {
      reviewer: '新疆某咨询公司',
      grades: all('中'),
      opinion: '建议提高培训人次，细化培训合格标准。',
    });
    await expect.poll(() => targets.suggestedGrade()).toBe('中');
    expect(await targets.outcomeMeaning()).toBe('中 → 退回单位修改后重新会审（转为“退回修改”）');
    await shot('43-会审意见');

    await targets.decide('产出指标偏低，退回单位按意见修改。');
    await expect.poll(() => targets.status()).toBe('退回修改');
    await session.page.getByRole('region', { name: '最近一轮会审结论' }).getByText('中（退回单位修改后重新会审）').waitFor();
    await shot('44-会审结论-退回');
    expect(listRounds(session.ctx, { targetId: stored(TRAINING).targetId! }).map((r) => [r.roundNo, r.result])).toEqual([[1, '中']]);
  });

  it('the revised targets go to a second round and pass with 优; the history shows both rounds side by side with the change', async () => {
    await targets.openSection('申报表');
    await targets.fill('年度总体目标', '全年举办基层干部培训班 6 期，培训 600 人次，培训合格率不低于 95%，参训人员满意度达到 90% 以上。');
    await targets.setIndicatorValue('培训人次', '600');
    await targets.setIndicatorValue('培训期数', '6');
    await targets.save();
    await expect.poll(() => targets.checkResult()).toBe('全部通过');
    await targets.submitForReview();
    await expect.poll(() => targets.status()).toBe('会审中');
    await session.page.getByRole('heading', { name: '第 2 轮会审' }).waitFor();
    for (const party of ['预算单位（主管部门）', '财政局（业务股室、绩效股）', '第三方机构'] as const) {
      await targets.recordOpinion(party, { reviewer: '复审', grades: all('优'), opinion: '已按意见修改，同意。' });
    }
    await expect.poll(() => targets.suggestedGrade()).toBe('优');
    expect(await targets.outcomeMeaning()).toBe('优 → 通过，可批复（转为“待批复”）');
    await targets.decide('');
    await expect.poll(() => targets.status()).toBe('待批复');

    await targets.openSection('会审历史');
    const first = targets.historyColumn('第 1 轮会审');
    const second = targets.historyColumn('第 2 轮会审');
    await second.waitFor();
    expect(await first.innerText()).toContain('结论：中（退回单位修改后重新会审）');
    expect(await first.innerText()).toContain('产出数量偏低，与 38.6 万元资金不够匹配。');
    expect(await first.innerText()).toContain('培训 500 人次');
    const secondText = await second.innerText();
    expect(secondText).toContain('结论：优（通过，可批复）');
    expect(secondText).toContain('较第 1 轮修改：年度总体目标、修改指标 2 个');
    expect(secondText).toContain('培训 600 人次');
    expect(secondText).toMatch(/培训人次：≥ 600 人次\s*（原：≥ 500 人次）/);
    expect(await targets.historyColumn('当前内容').count()).toBe(0);
    await shot('45-会审历史对比');
  });

  it('批复 and 公开 from the list: publishing first is refused with the reason; then approved, then published', async () => {
    await targets.backToList();
    expect(await targets.cell(TRAINING, 'status')).toBe('待批复');
    expect(await targets.cell(TRAINING, 'rounds')).toBe('2');
    expect(await targets.cell(TRAINING, 'lastResult')).toBe('优');

    await targets.choose(TRAINING);
    await targets.moveChosen('登记公开');
    await expect.poll(() => targets.refusal()).toContain(`“${TRAINING}”的绩效目标当前为“待批复”，不能转为“已公开”`);
    await targets.moveChosen('批复所选');
    await expect.poll(() => targets.cell(TRAINING, 'status')).toBe('已批复');
    await shot('46-已批复');

    await targets.choose(TRAINING);
    await targets.moveChosen('登记公开');
    await expect.poll(() => targets.cell(TRAINING, 'status')).toBe('已公开');
    expect(stored(TRAINING)).toMatchObject({ status: 'published', rounds: 2, lastResult: '优' });
  });

  it('published targets are read-only; 目标调整 asks for a reason and keeps before and after', async () => {
    await targets.open();
    await targets.openTarget(TRAINING);
    expect(await targets.form.getByRole('button', { name: /^保存/ }).count()).toBe(0);
    await session.page.getByRole('button', { name: '目标调整' }).click();
    await targets.setIndicatorValue('培训人次', '550');
    await targets.save();
    await expect.poll(() => targets.errorAt('调整原因')).toBe('请写明调整原因');
    await targets.fill('调整原因', '上级调减培训计划');
    await targets.save();
    await expect.poll(() => targets.form.getByRole('button', { name: '保存调整' }).count()).toBe(0);
    await targets.openSection('调整记录');
    const record = session.page.getByRole('region', { name: '第 1 次调整' });
    expect(await record.innerText()).toMatch(/调整原因：上级调减培训计划[\s\S]*调整内容：修改指标 1 个/);
    await shot('48-目标调整记录');
    const detail = targetDetail(session.ctx, stored(TRAINING).targetId!);
    expect(detail.status).toBe('published');
    expect(detail.adjustments).toEqual([expect.objectContaining({ reason: '上级调减培训计划' })]);
    expect(detail.indicators.find((i) => i.name === '培训人次')?.value).toBe('550');
  });

  it('五个同步: the procedure’s target dates beside the budget’s; a target behind its budget stands out', async () => {
    await targets.openSyncBoard();
    for (const step of ['布置', '申报', '审核', '批复', '公开'] as const) {
      await expect.poll(() => targets.syncCell(TRAINING, '目标', step).innerText()).toBe(today());
      expect(await targets.syncCell(TRAINING, '预算', step).innerText()).toBe('—');
    }
    expect(await targets.syncCell(DRAFTED, '目标', '布置').innerText()).toBe(today());
    expect(await targets.laggingBadge(DRAFTED).count()).toBe(0);

    // A date the ledger cannot read is refused at the field.
    await targets.setSyncDate(DRAFTED, '预算', '申报', '2023/1/15');
    await expect.poll(() => session.page.getByText('日期格式应为 2023-01-31').isVisible()).toBe(true);
    await targets.setSyncDate(DRAFTED, '预算', '申报', '2023-01-15');
    await expect.poll(() => targets.laggingBadge(DRAFTED).isVisible()).toBe(true);
    expect(await targets.syncCell(DRAFTED, '目标', '申报').locator('xpath=ancestor::td').getAttribute('data-lagging')).toBe('true');
    expect(await targets.laggingBadge(TRAINING).count()).toBe(0);
    expect(await targets.stepCount('申报')).toMatch(/预算 1 · 目标 1/);
    expect(await session.page.getByRole('status', { name: '滞后数' }).innerText()).toBe('1 个');
    await shot('47-五个同步');
    expect(targetDetail(session.ctx, stored(DRAFTED).targetId!).sync.budget).toEqual({ declare: '2023-01-15' });
  });

  it('starts 部门整体 targets for a unit, whose form asks for 年度主要任务', async () => {
    await targets.open();
    await session.page.getByRole('button', { name: '填报部门整体目标' }).click();
    const dialog = session.page.getByRole('dialog', { name: /填报部门整体绩效目标/ });
    await dialog.getByRole('combobox', { name: '预算单位' }).fill('县民政局');
    await session.page.getByRole('option', { name: '县民政局', exact: true }).click();
    await dialog.getByRole('button', { name: '开始填报' }).click();
    await targets.form.waitFor();
    expect(await targets.form.getByLabel('年度主要任务', { exact: true }).isVisible()).toBe(true);
    expect((await targets.checks()).filter(([r]) => r === '未通过').map(([, l]) => l)).toContain('填写年度主要任务');
    await targets.backToList();
    expect(await targets.cell('县民政局部门整体', 'status')).toBe('填报中');
    expect(await targets.summaryText()).toMatch(/；部门整体目标 1 个$/);
  });
});
