/**
 * 指标体系 edited indicator by indicator, in Chromium against a real ledger: one evaluation's framework
 * changed on screen (the sums guard the save), saved as the bureau's template, that template edited in
 * 指标体系模板, applied to another evaluation on its own weights, then 停用 and no longer offered; a
 * third party's printed table imported as a template, and a template's workbook as a framework.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listFrameworkTemplates } from '../../electron/keyEvaluations/frameworkTemplates';
import { getKeyEvaluation, listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { xlsx, type Cell } from '../fixtures/workbooks';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { pickOption } from './pages/AppShellPage';
import { KeyEvaluationsPage } from './pages/KeyEvaluationsPage';

const SCHOOL = '县第一中学教学楼维修改造项目';
const HEALTH = '基本公共卫生服务项目';
const TEMPLATE = '房屋维修改造项目评价指标体系';
/** A third party's framework as printed: title, weights in the 一级 names, grouped cells, "5分". */
const PRINTED: Cell[][] = [
  ['道路养护项目绩效评价指标体系'],
  ['一级指标', '二级指标', '三级指标', '分值', '评分标准'],
  ['一、决策（20分）', '项目立项', '立项依据充分性', '10分', '依据充分得满分'],
  [null, null, '绩效目标合理性', '10分', '目标明确合理得满分'],
  ['二、过程（20分）', '资金管理', '预算执行率', 20, '得分 = 分值 × 预算执行率'],
  ['三、产出（30分）', '产出数量', '养护里程完成率', 30, '完成率 100% 得满分'],
  ['四、效益（30分）', '满意度', '群众满意度', 30, '满意度 ≥ 90% 得满分'],
  ['合计', null, null, 100, null],
];

describeInChromium('指标体系逐项编辑与本局模板', () => {
  let session: Session;
  let ke: KeyEvaluationsPage;
  const evaluation = (name: string) =>
    getKeyEvaluation(session.ctx, { id: listKeyEvaluations(session.ctx, { year: 2023 }).find((e) => e.name === name)!.id });
  const button = (name: string) => session.page.getByRole('button', { name, exact: true });
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-framework-'));

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    ke = new KeyEvaluationsPage(session.page);
    await ke.shell.chooseYear(2023);
  });

  afterEach(async () => {
    if (await ke.dialog.isVisible()) await session.page.keyboard.press('Escape');
    await ke.dismissNotices();
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('edits one evaluation’s framework indicator by indicator; a 一级 not adding up to its weight cannot be saved', async () => {
    await ke.open();
    await ke.select({ project: SCHOOL, reason: '资金量大，涉及师生安全', evaluator: '财政部门' });
    await ke.tab('指标体系');
    await ke.applyTemplate([20, 20, 30, 30]);
    await ke.framework.waitFor();

    await button('逐项编辑指标体系').click();
    await ke.editor().waitFor();
    // 实际完成率 8 → 6: 产出 adds up to 28 against its 30, said at the 一级 and in the alert; 保存 is off.
    await ke.editIndicator('3.1.1', { points: '6' });
    await expect.poll(() => session.page.getByLabel('产出分值合计').innerText()).toBe('分值合计 28.00 / 30.00');
    expect(await session.page.getByRole('alert').filter({ hasText: '指标体系尚不能保存' }).innerText()).toContain(
      '“产出”下三级指标分值合计为 28，应等于其权重 30',
    );
    expect(await button('保存指标体系').isDisabled()).toBe(true);

    // A new 三级 under 产出数量 takes the next code, 3.1.2, and the missing 2 points.
    await session.page.getByRole('button', { name: '增加三级指标 3.1' }).click();
    expect(await ke.editor().getByLabel('三级指标编号 3.1.2').inputValue()).toBe('3.1.2');
    await ke.editIndicator('3.1.2', {
      name: '工程验收合格率',
      points: '2',
      rule: '单项工程竣工验收一次合格得满分，否则按合格比例得分。',
      formula: '验收合格率 = 验收合格单项工程数 / 单项工程总数 × 100%',
    });
    await expect.poll(() => session.page.getByLabel('产出分值合计').innerText()).toBe('分值合计 30.00 / 30.00');
    expect(await session.page.getByRole('tab', { name: /^指标体系/ }).innerText()).toBe('指标体系 •');
    await ke.readyForScreenshot();
    await session.screenshot('85-逐项编辑指标体系');

    await ke.clickAndWait(button('保存指标体系'));
    await ke.framework.waitFor();
    const rows = await ke.frameworkRows();
    expect(rows).toHaveLength(21);
    expect(rows.slice(11, 13)).toEqual([
      ['实际完成率', '6.00'],
      ['工程验收合格率', '2.00'],
    ]);
    const saved = evaluation(SCHOOL);
    expect(saved.frameworkProblems).toEqual([]);
    expect(saved.framework[2]!.level2[0]!.indicators.map((i) => [i.code, i.name, i.points])).toEqual([
      ['3.1.1', '实际完成率', 6],
      ['3.1.2', '工程验收合格率', 2],
    ]);
  });

  it('saves that framework as the bureau’s template and edits the template in 指标体系模板', async () => {
    await button('存为本局模板').click();
    await ke.dialog.getByLabel('模板名称').fill(TEMPLATE);
    await ke.dialog.getByLabel(/^说明/).fill('适用于校舍、医院等房屋维修改造项目，产出数量含工程验收');
    await ke.clickAndWait(ke.dialog.getByRole('button', { name: '存为模板' }));
    await ke.dialog.waitFor({ state: 'detached' });
    const created = listFrameworkTemplates(session.ctx).find((t) => t.name === TEMPLATE)!;
    expect(created).toMatchObject({ builtIn: false, origin: `取自 2023 年度评价：${SCHOOL}` });
    expect(created.framework).toEqual(evaluation(SCHOOL).framework);

    await ke.backToList();
    await session.page.getByRole('tab', { name: '指标体系模板' }).click();
    const list = await ke.templateRows();
    expect(list.map((r) => r[0])).toEqual([
      expect.stringContaining('财预〔2020〕10号框架'),
      expect.stringContaining('部门整体支出'),
      TEMPLATE,
    ]);
    expect(list[2]!.slice(1)).toEqual([`取自 2023 年度评价：${SCHOOL}`, '20.00/20.00/30.00/30.00', '21', '0 项']);
    await ke.readyForScreenshot();
    await session.screenshot('86-指标体系模板');

    // 效益: 生态效益 (4.1.3) goes, its 5 points to 社会效益 (6 → 11).
    await session.page.getByRole('table', { name: '指标体系模板' }).getByRole('button', { name: TEMPLATE, exact: true }).click();
    await ke.editor().waitFor();
    await ke.editor().getByRole('button', { name: '删除 4.1.3' }).click();
    await expect.poll(() => session.page.getByLabel('效益分值合计').innerText()).toBe('分值合计 25.00 / 30.00');
    await ke.editIndicator('4.1.1', { points: '11' });
    await ke.readyForScreenshot();
    await session.screenshot('87-编辑本局模板');
    await ke.clickAndWait(button('保存模板'));
    await expect
      .poll(() =>
        listFrameworkTemplates(session.ctx)
          .find((t) => t.name === TEMPLATE)!
          .framework[3]!.level2[0]!.indicators.map((i) => `${i.name} ${i.points}`),
      )
      .toEqual(['社会效益 11', '经济效益 6', '可持续影响 5']);
    // The evaluation it was taken from keeps its own copy.
    expect(evaluation(SCHOOL).framework[3]!.level2[0]!.indicators).toHaveLength(4);
    await button('← 返回模板列表').click();
    expect((await ke.templateRows())[2]!.slice(3)).toEqual(['20', '0 项']);
  });

  it('builds another evaluation from the bureau’s template; once 停用 it is no longer offered', async () => {
    await session.page.getByRole('tab', { name: /^评价项目/ }).click();
    await ke.select({ project: HEALTH, reason: '覆盖全县居民，社会关注度高', evaluator: '财政部门' });
    await ke.tab('指标体系');
    await pickOption(session.page, session.page.getByRole('combobox', { name: '指标体系模板' }), TEMPLATE);
    await ke.clickAndWait(button('应用模板'));
    await ke.framework.waitFor();
    const built = evaluation(HEALTH);
    expect(built.templateId).toBe(listFrameworkTemplates(session.ctx).find((t) => t.name === TEMPLATE)!.id);
    expect(built.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators))).toHaveLength(20);

    await ke.backToList();
    await session.page.getByRole('tab', { name: '指标体系模板' }).click();
    expect((await ke.templateRows())[2]![4]).toBe('1 项');
    await ke.clickAndWait(session.page.getByRole('button', { name: `停用“${TEMPLATE}”` }));
    await expect.poll(async () => (await ke.templateRows()).length).toBe(2);
    expect(listFrameworkTemplates(session.ctx, { includeRetired: true }).find((t) => t.name === TEMPLATE)!.retired).toBe(true);

    await session.page.getByRole('tab', { name: /^评价项目/ }).click();
    await ke.table.getByRole('row').filter({ hasText: SCHOOL }).getByRole('button', { name: '继续评价' }).click();
    await ke.tab('指标体系');
    await session.page.getByRole('combobox', { name: '指标体系模板' }).click();
    await session.page.getByRole('option', { name: /10号框架/ }).waitFor();
    expect(await session.page.getByRole('option').allInnerTexts()).not.toContain(TEMPLATE);
    await session.page.keyboard.press('Escape');
  });

  it('takes a third party’s printed table in as a template, and a template’s workbook in as an evaluation’s framework', async () => {
    await ke.backToList();
    await session.page.getByRole('tab', { name: '指标体系模板' }).click();
    const printed = path.join(downloads, '第三方评价指标体系.xlsx');
    fs.writeFileSync(printed, xlsx(PRINTED));
    const chooser = session.page.waitForEvent('filechooser');
    await button('从 Excel 导入模板').click();
    await (await chooser).setFiles(printed);
    const preview = session.page.getByRole('dialog', { name: /^导入评价指标体系预览/ });
    await preview.waitFor();
    expect(await preview.getByRole('table', { name: '读到的一级指标' }).locator('tbody tr').allInnerTexts()).toEqual([
      '决策\t20.00\t1\t2\t20.00',
      '过程\t20.00\t1\t1\t20.00',
      '产出\t30.00\t1\t1\t30.00',
      '效益\t30.00\t1\t1\t30.00',
    ]);
    expect(await preview.getByLabel('模板名称').inputValue()).toBe('道路养护项目绩效评价指标体系');
    await ke.readyForScreenshot();
    await session.screenshot('88-导入指标体系预览', { fullPage: false });
    await ke.clickAndWait(preview.getByRole('button', { name: '确认导入' }));
    await preview.waitFor({ state: 'detached' });
    const imported = listFrameworkTemplates(session.ctx).find((t) => t.name === '道路养护项目绩效评价指标体系')!;
    expect(imported).toMatchObject({ origin: '导入自：第三方评价指标体系.xlsx' });
    await session.page.getByRole('heading', { name: '指标体系模板：道路养护项目绩效评价指标体系' }).waitFor();

    // The template's own workbook, out and into the health evaluation.
    const saved = path.join(downloads, 'template.xlsx');
    const download = session.page.waitForEvent('download');
    await button('导出 Excel').click();
    await (await download).saveAs(saved);
    await button('← 返回模板列表').click();
    await session.page.getByRole('tab', { name: /^评价项目/ }).click();
    await ke.table.getByRole('row').filter({ hasText: HEALTH }).getByRole('button', { name: '继续评价' }).click();
    await ke.tab('指标体系');
    const chooser2 = session.page.waitForEvent('filechooser');
    await button('从 Excel 导入指标体系').click();
    await (await chooser2).setFiles(saved);
    await preview.waitFor();
    await ke.clickAndWait(preview.getByRole('button', { name: '确认导入' }));
    await preview.waitFor({ state: 'detached' });
    const health = evaluation(HEALTH);
    expect(health.templateId).toBeNull();
    expect(health.framework).toEqual(imported.framework);
    expect(await ke.frameworkRows()).toHaveLength(5);
  });
});
