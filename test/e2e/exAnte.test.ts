import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { formatWanYuan } from '../../electron/rules/money';
import { exAnteOverview, gateFor, listAssessments } from '../../electron/exAnte/exAnte';
import { listProjects } from '../../electron/projects/projects';
import { fen, fillBureauLedger, PROJECTS } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { ExAntePage } from './pages/ExAntePage';

const HEATING = '煤改电二期居民供暖设施入户改造工程';
const SCHOOL = '县第一中学教学楼维修改造项目';
const ORCHARD = '铁热克巴扎乡羊养殖及特色林果种植基地项目';
const ITEMS = [
  '政策相关性',
  '需求迫切性',
  '投入成本合理性',
  '测算依据充分性',
  '目标明确性',
  '指标科学性',
  '方案完备性',
  '实施条件保障',
  '资金来源合规性',
  '财政承受能力',
];

describeInChromium('事前评估', () => {
  let session: Session;
  let exAnte: ExAntePage;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-exante-'));

  const project = (name: string) => listProjects(session.ctx, { year: 2023 }).find((p) => p.name === name)!;
  const assessmentsOf = (name: string) => listAssessments(session.ctx, { year: 2023 }).filter((a) => a.subjectName === name);

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    exAnte = new ExAntePage(session.page);
    await exAnte.shell.chooseYear(2023);
  });

  afterEach(async () => {
    // The browser must have stayed quiet throughout.
    if (await exAnte.dialog.isVisible()) await session.page.keyboard.press('Escape');
    await exAnte.dismissNotices();
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('starts with nothing assessed and the three major projects owed an assessment; the picker puts them first', async () => {
    await exAnte.open();
    expect(await exAnte.figure('已评估')).toBe('0 个');
    expect(await exAnte.figure('建议预算合计')).toBe('0.00 万元');
    expect(await exAnte.majorsOwed()).toEqual([SCHOOL, ORCHARD, HEATING]);
    expect(await exAnte.reasonOwed(HEATING)).toBe(gateFor(session.ctx, project(HEATING).id).reason);
    expect(await exAnte.listRows()).toEqual([]);

    const entries = await exAnte.pickerEntries();
    const majors = PROJECTS.filter((p) => p.year === 2023 && p.major).map((p) => `${p.name}（${p.code}）`);
    expect(entries.slice(0, 4)).toEqual(['重大政策和项目（须事前评估）', ...majors]);
    expect(entries[4]).toBe('其他项目');
    expect(entries).toHaveLength(2 + PROJECTS.filter((p) => p.year === 2023).length);
  });

  it('scores live while rating, refuses to finalise out-of-band points, and a 不予支持 final keeps the project out of the library', async () => {
    await exAnte.open();
    await exAnte.startFromOverview(HEATING, '第三方机构');
    expect(await exAnte.itemNames()).toEqual(ITEMS);
    expect(await exAnte.status()).toBe('草稿');
    expect(await exAnte.total()).toBe('0.00');
    expect(await exAnte.conclusion()).toBe('评分完成后确定');
    expect(await exAnte.problems()).toHaveLength(10);

    // Picking a rating fills its starting points and shows the band; the totals follow at once.
    await exAnte.rate('政策相关性', '优');
    expect(await exAnte.points('政策相关性')).toBe('10.00');
    expect(await exAnte.bandOf('政策相关性')).toBe('9.00–10.00 分');
    await exAnte.rate('政策相关性', '良');
    expect(await exAnte.points('政策相关性')).toBe('8.50');
    expect(await exAnte.bandOf('政策相关性')).toBe('8.00–9.00 分');
    await exAnte.rateAll('差');
    expect(await exAnte.points('财政承受能力')).toBe('4.00');
    expect(await exAnte.bandOf('财政承受能力')).toBe('0.00–6.00 分');
    expect(await exAnte.subtotal('立项必要性')).toBe('8.00 / 20.00 分');
    expect(await exAnte.total()).toBe('40.00');
    expect(await exAnte.conclusion()).toBe('不予支持');
    expect(await exAnte.problems()).toEqual([]);

    // Points outside the rating's band: listed, marked at the field, and 定稿 refused by the ledger.
    await exAnte.setPoints('需求迫切性', '7');
    await expect.poll(() => exAnte.total()).toBe('43.00');
    expect(await exAnte.problems()).toEqual(['“立项必要性·需求迫切性”评为“差”，得分应在 0.00–6.00 分之间，现为 7.00 分']);
    expect(await exAnte.pointsError('需求迫切性')).toBe('不在该评级的分值范围内');
    expect(await exAnte.conclusion()).toBe('评分完成后确定');
    expect(await exAnte.tryFinalize()).toContain(
      '评分尚未完成，不能定稿：“立项必要性·需求迫切性”评为“差”，得分应在 0.00–6.00 分之间，现为 7.00 分',
    );
    // 定稿 saved what was on screen first, so the ledger judged exactly that.
    expect(assessmentsOf(HEATING)[0]).toMatchObject({ status: 'draft', score: { total: 43, conclusion: null } });
    await exAnte.setPoints('需求迫切性', '3.5');
    await expect.poll(() => exAnte.total()).toBe('39.50');

    // A recommended budget that is not money is refused at its field, and nothing is kept.
    await exAnte.fillReport({ recommendedBudget: '三千万' });
    await exAnte.save();
    await expect.poll(() => exAnte.reportErrorAt('建议预算数（万元）')).toMatch(/不是金额/);
    expect(assessmentsOf(HEATING)[0]!.score.total).toBe(43);

    await exAnte.setBasis('需求迫切性', '入户摸底数据不全，受益户数缺乏事实依据。');
    await exAnte.fillReport({
      assessorName: '新疆天正会计师事务所',
      recommendedBudget: '',
      workSummary: '查阅立项申请、实施方案和测算表，实地查看两个片区，访谈住建局和供电公司。',
      findings: '需求依据不足，测算标准偏高，资金来源未落实。',
      suggestions: '暂缓实施，补充入户摸底后重新申报。',
    });
    await exAnte.save();
    const saved = assessmentsOf(HEATING)[0]!;
    expect(saved).toMatchObject({
      assessorName: '新疆天正会计师事务所',
      recommendedBudgetFen: null,
      findings: '需求依据不足，测算标准偏高，资金来源未落实。',
      score: { total: 39.5, conclusion: '不予支持' },
    });
    expect(saved.scores.find((s) => s.item === '需求迫切性')).toMatchObject({
      rating: '差',
      points: 3.5,
      basis: '入户摸底数据不全，受益户数缺乏事实依据。',
    });

    await exAnte.page.getByRole('button', { name: '定稿', exact: true }).click();
    expect(await exAnte.confirmDialog().innerText()).toContain('以总分 39.50 分、结论“不予支持”定稿');
    await exAnte.confirmDialog().getByRole('button', { name: '确认定稿' }).click();
    await exAnte.page.getByLabel('定稿结论').waitFor();
    expect(await exAnte.finalConclusion()).toBe('不予支持');
    expect(await exAnte.status()).toBe('定稿');
    expect(await exAnte.sheetEditable('政策相关性')).toBe(false);
    await expect
      .poll(() => exAnte.gateCondition())
      .toBe(`“${HEATING}”属于新增重大政策和项目，事前评估结论为“不予支持”（39.50 分），不能入库或批复预算。`);

    await exAnte.admit();
    expect(await exAnte.admitRefusal()).toContain(
      `“${HEATING}”属于新增重大政策和项目，事前评估结论为“不予支持”（39.50 分），不能入库或批复预算。`,
    );
    expect(await exAnte.libraryStatus()).toBe('储备');
    expect(project(HEATING).libraryStatus).toBe('reserve');
    await exAnte.readyForScreenshot();
    await session.screenshot('52-不予支持-入库被拒');
  });

  it('a new assessment of the same project rated 优/良 supports it, and 入库 then succeeds', async () => {
    await exAnte.open();
    expect(await exAnte.majorsOwed()).toContain(HEATING);
    await exAnte.startNew(HEATING, '财政局');
    await exAnte.rateAll((item) => (ITEMS.indexOf(item) < 6 ? '优' : '良'));
    expect(await exAnte.total()).toBe('94.00');
    await exAnte.setPoints('资金来源合规性', '8');
    await exAnte.setPoints('指标科学性', '9.5');
    await expect.poll(() => exAnte.total()).toBe('93.00');
    expect(await exAnte.subtotal('筹资合规性')).toBe('16.50 / 20.00 分');
    expect(await exAnte.conclusion()).toBe('予以支持');
    for (const item of ITEMS) await exAnte.setBasis(item, `已核：${item}相关资料齐全。`);
    await exAnte.fillReport({
      assessorName: '县财政局绩效股 王芳、李强',
      recommendedBudget: '3,200',
      workSummary: '补充入户摸底 1,860 户，重新测算改造单价。',
      findings: '需求有事实依据，测算标准合理，资金来源已落实为专项债券。',
      suggestions: '按 3200 万元安排预算，分两期实施。',
      otherNotes: '无。',
    });
    await exAnte.readyForScreenshot();
    await session.screenshot('51-评分表');
    await exAnte.save();
    const draft = assessmentsOf(HEATING)[1]!;
    expect(draft).toMatchObject({ status: 'draft', recommendedBudgetFen: fen('3200'), score: { total: 93, conclusion: '予以支持' } });

    // Both files of the recorded assessment can be exported.
    expect(await exAnte.export('导出评分表', path.join(downloads, 'sheet.xlsx'))).toBe(`${HEATING}事前绩效评估评分表.xlsx`);
    expect(fs.statSync(path.join(downloads, 'sheet.xlsx')).size).toBeGreaterThan(1000);
    expect(await exAnte.export('导出评估报告', path.join(downloads, 'report.docx'))).toBe(`${HEATING}事前绩效评估报告.docx`);
    expect(fs.statSync(path.join(downloads, 'report.docx')).size).toBeGreaterThan(1000);

    await exAnte.finalize();
    expect(await exAnte.finalConclusion()).toBe('予以支持');
    expect(await exAnte.page.getByRole('region', { name: '评估报告' }).getByLabel('建议预算数（万元）').inputValue()).toBe('3,200.00');
    await exAnte.gate.getByText('已通过事前评估关口').waitFor();
    await exAnte.admit();
    await expect.poll(() => exAnte.libraryStatus()).toBe('已入库');
    expect(project(HEATING).libraryStatus).toBe('admitted');
    await exAnte.gate.getByText(`“${HEATING}”已入库。`).waitFor();
    await exAnte.readyForScreenshot();
    await session.screenshot('53-予以支持-已入库');

    await exAnte.backToList();
    const rows = await exAnte.listRows();
    expect(rows).toEqual([
      [HEATING, '县住房和城乡建设局', '第三方机构', '39.50', '不予支持', '定稿', '—', '已入库'],
      [HEATING, '县住房和城乡建设局', '财政局', '93.00', '予以支持', '定稿', '3,200.00', '已入库'],
    ]);
    expect(await exAnte.majorsOwed()).not.toContain(HEATING);
  });

  it('调整完善后予以支持 is refused 入库 until the revised plan is re-checked', async () => {
    await exAnte.open();
    await exAnte.startFromOverview(SCHOOL, '第三方机构');
    await exAnte.rateAll('中');
    expect(await exAnte.total()).toBe('70.00');
    expect(await exAnte.conclusion()).toBe('调整完善后予以支持');
    await exAnte.fillReport({
      assessorName: '新疆天正会计师事务所',
      recommendedBudget: '1080.5',
      suggestions: '压减外立面改造内容，补充结构安全鉴定。',
    });
    await exAnte.finalize();
    expect(await exAnte.finalConclusion()).toBe('调整完善后予以支持');

    await exAnte.admit();
    expect(await exAnte.admitRefusal()).toContain('事前评估结论为“调整完善后予以支持”，调整完善后的方案尚未复核，不能入库或批复预算。');
    expect(project(SCHOOL).libraryStatus).toBe('reserve');

    await exAnte.recheck('  ');
    await expect.poll(() => exAnte.recheckError()).toBe('请写明调整完善后的方案要点');
    await exAnte.recheck('取消外立面改造，预算压减至 1080.50 万元；已补充结构安全鉴定报告。');
    await exAnte.recheckPanel.getByText('调整后方案已复核').waitFor();
    await exAnte.gate.getByText('已通过事前评估关口').waitFor();
    expect(assessmentsOf(SCHOOL)[0]).toMatchObject({
      revisedPlan: '取消外立面改造，预算压减至 1080.50 万元；已补充结构安全鉴定报告。',
      recheckedBy: '浏览器用户',
    });
    await exAnte.readyForScreenshot();
    await session.screenshot('54-调整完善后复核');

    await exAnte.admit();
    await expect.poll(() => exAnte.libraryStatus()).toBe('已入库');
    expect(project(SCHOOL).libraryStatus).toBe('admitted');
  });

  it('the overview sums the year’s conclusions and money in 万元 as the ledger does', async () => {
    await exAnte.open();
    await exAnte.startPolicy('县城乡居民医疗救助政策', '财政局');
    expect(await exAnte.gate.count()).toBe(0);
    await exAnte.rate('政策相关性', '优');
    await exAnte.save();
    await exAnte.open();

    const o = exAnteOverview(session.ctx, { year: 2023 });
    expect(o).toMatchObject({ assessed: 3, drafts: 1 });
    expect(await exAnte.figure('已评估')).toBe('3 个');
    expect(await exAnte.figure('草稿')).toBe('1 个');
    expect(await exAnte.figure('涉及年初预算')).toBe(`${formatWanYuan(o.budgetFen)} 万元`);
    expect(await exAnte.figure('建议预算合计')).toBe('4,280.50 万元');
    expect(await exAnte.byConclusion()).toEqual([
      ['予以支持', '1', '3,480.20', '3,200.00'],
      ['调整完善后予以支持', '1', '1,250.00', '1,080.50'],
      ['不予支持', '1', '3,480.20', '0.00'],
    ]);
    expect(await exAnte.majorsOwed()).toEqual([ORCHARD]);
    const rows = await exAnte.listRows();
    expect(rows.at(-1)).toEqual(['县城乡居民医疗救助政策', '—', '财政局', '10.00', '未定稿', '草稿', '—', '—']);
    await exAnte.readyForScreenshot();
    await session.screenshot('50-事前评估概况');
  });
});
