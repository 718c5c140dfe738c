import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { recentAudit } from '../../electron/ledger/audit';
import { listIndicators, recommendForProject } from '../../electron/indicators/indicators';
import { listYears } from '../../electron/ledger/years';
import { matchesIndicator } from '../../electron/rules/indicatorRecommendation';
import { fillBureauLedgerWithLibrary, TRAINING_PROJECT } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { IndicatorsPage } from './pages/IndicatorsPage';

describeInChromium('指标库', () => {
  let session: Session;
  let library: IndicatorsPage;

  const stored = () => listIndicators(session.ctx);
  const storedNamed = (className: string, name: string) => stored().find((i) => i.className === className && i.name === name);
  const layoutOf = (year: number) => listYears(session.ctx).find((y) => y.year === year)?.indicatorLayout;

  beforeAll(async () => {
    session = await startSession(fillBureauLedgerWithLibrary);
    library = new IndicatorsPage(session.page);
    await library.shell.chooseYear(2023);
  });

  afterEach(async () => {
    // Each test leaves the screen without dialogs, and the browser must have stayed quiet throughout.
    for (let i = 0; i < 3 && (await session.page.getByRole('dialog').count()) > 0; i++) await session.page.keyboard.press('Escape');
    await library.dismissNotices();
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('lists the 26 classes with their active counts, and 培训 shows its 12 indicators', async () => {
    await library.open();
    await expect.poll(() => library.summaryText()).toBe('共 310 条，启用 310 条');
    const counts = await library.classCounts();
    expect(counts).toHaveLength(27);
    expect(counts[0]).toEqual(['全部', 310]);
    expect(counts.slice(1, 4)).toEqual([
      ['购置', 12],
      ['培训', 12],
      ['会议', 11],
    ]);
    await library.chooseClass('培训');
    const training = stored()
      .filter((i) => i.className === '培训')
      .map((i) => i.name);
    await expect.poll(() => library.indicatorNames()).toEqual(training);
    expect(training).toHaveLength(12);
    expect(await library.summaryText()).toBe('培训类：共 12 条，启用 12 条；全库 310 条');
    expect(await library.marksOf('培训人次')).toBe('必选');
    await session.screenshot('30-指标库');
  });

  it('finds indicators by name, keyword or explanation as the clerk types, and the count follows', async () => {
    await library.open();
    await library.chooseClass('全部');
    for (const query of ['满意度', '合格率', '培训 合格率']) {
      const expected = stored().filter((i) => matchesIndicator({ ...i, retired: false }, query));
      await library.search(query);
      await expect.poll(() => library.indicatorNames(), { interval: 10 }).toEqual(expected.map((i) => i.name));
      expect(await library.summaryText()).toBe(`共 ${expected.length} 条，启用 ${expected.length} 条；全库 310 条`);
      if (query === '合格率') {
        expect(expected).toHaveLength(14);
        await session.screenshot('31-指标搜索');
      }
    }
    // 参训人员业务能力提升情况 mentions 专业知识 only in its explanation.
    await library.search('专业知识');
    await expect.poll(() => library.indicatorNames()).toEqual(['参训人员业务能力提升情况']);
    await library.search('没有这个词');
    await library.table.getByText('没有符合条件的指标').waitFor();
    expect(await library.summaryText()).toBe('共 0 条，启用 0 条；全库 310 条');
    await library.search('');
  });

  it('narrows by 一级 and 二级 in the year’s layout', async () => {
    await library.open();
    await library.chooseClass('培训');
    await library.filterBy('一级指标', '满意度指标');
    await expect.poll(() => library.indicatorNames()).toEqual(['参训人员满意度']);
    await library.filterBy('一级指标', '产出指标');
    await library.filterBy('二级指标', '时效指标');
    await expect
      .poll(() => library.column('level2'))
      .toEqual(
        stored()
          .filter((i) => i.className === '培训' && i.level2 === '时效指标')
          .map(() => '时效指标'),
      );
    await library.shell.main
      .getByRole('combobox', { name: '一级指标', exact: true })
      .locator('xpath=ancestor::*[contains(@class,"mantine-Select-root")]')
      .locator('button')
      .click();
    await library.shell.main
      .getByRole('combobox', { name: '二级指标', exact: true })
      .locator('xpath=ancestor::*[contains(@class,"mantine-Select-root")]')
      .locator('button')
      .click();
    await expect.poll(() => library.indicatorNames()).toHaveLength(12);
  });

  it('shows an indicator’s details, and says honestly that targets do not use it yet', async () => {
    await library.open();
    await library.chooseClass('培训');
    await library.openDetails('培训人次');
    const facts = await library.detailFacts();
    expect(facts).toMatchObject({
      类别: '培训',
      一级指标: '产出指标',
      二级指标: '数量指标',
      指标性质: '≥',
      计量单位: '人次',
      '指标解释/计算方法': '全年实际参加培训的人员累计人次',
      绩效标准: '计划标准',
      参考值: '≥500人次',
      '年度/总体': '年度',
      状态: '启用',
    });
    expect(facts['必选']).toMatch(/^是/);
    expect(facts['关键词']?.split(/\s+/)).toEqual(['培训', '人次', '参训']);
    await library.details.getByText('尚无绩效目标使用该指标。').waitFor();
    await session.screenshot('32-指标详情', { fullPage: false });
    await library.closeDetails();
  });

  it('in 四分法 a cost indicator shows under 成本指标 as its 一级, for the chosen year only', async () => {
    await library.open();
    await library.chooseClass('培训');
    expect(await library.levelsOf('人均培训成本')).toEqual(['产出指标', '成本指标']);
    await library.changeLayout();
    await expect.poll(() => library.levelsOf('人均培训成本')).toEqual(['成本指标', '经济成本指标']);
    expect(layoutOf(2023)).toBe('four');
    expect(layoutOf(2024)).toBe('three');
    await library.filterBy('一级指标', '成本指标');
    await expect.poll(() => library.indicatorNames()).toEqual(['人均培训成本']);
    await session.screenshot('33-四分法');
    await library.openDetails('人均培训成本');
    expect((await library.detailFacts())['二级指标']).toBe('经济成本指标 （四分法；指标库按三分法记为 产出指标 / 成本指标）');
    await library.closeDetails();

    // Looking at the library by 三分法 leaves the year on 四分法; changing it back is the confirmed action.
    await library.showAs('三分法');
    await expect.poll(() => library.indicatorNames()).toHaveLength(12);
    expect(layoutOf(2023)).toBe('four');
    await library.changeLayout();
    expect(await library.levelsOf('人均培训成本')).toEqual(['产出指标', '成本指标']);
    expect(layoutOf(2023)).toBe('three');
  });

  it('refuses a quantitative indicator without a unit at 计量单位 and writes nothing; with a unit it is added', async () => {
    await library.open();
    await library.chooseClass('培训');
    const countBefore = stored().length;
    const auditBefore = recentAudit(session.ctx, 1)[0]!.id;
    await library.startAddingIndicator();
    await library.fillIndicator({ level1: '产出指标', level2: '质量指标', name: '培训考核通过率', nature: '≥ 大于等于', unit: '' });
    await library.save();
    await expect.poll(() => library.errorAt('计量单位')).toBe('定量指标须填写计量单位');
    expect(await library.dialog('新增指标').isVisible()).toBe(true);
    await session.screenshot('34-计量单位未填', { fullPage: false });
    expect(stored()).toHaveLength(countBefore);
    expect(recentAudit(session.ctx, 1)[0]!.id).toBe(auditBefore);

    await library.fillIndicator({
      unit: '%',
      explanation: '结业考核通过人数 / 参训人数 × 100%',
      referenceHint: '≥95%',
      keywords: '培训,考核,通过率',
    });
    await library.save();
    await library.dialog('新增指标').waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(() => library.indicatorNames()).toContain('培训考核通过率');
    expect(storedNamed('培训', '培训考核通过率')).toMatchObject({
      level1: '产出指标',
      level2: '质量指标',
      nature: '≥',
      unit: '%',
      standard: '计划标准',
      referenceHint: '≥95%',
      mandatory: false,
      scope: 'annual',
      retiredAt: null,
    });
    expect(await library.summaryText()).toBe('培训类：共 13 条，启用 13 条；全库 311 条');
    await expect.poll(async () => (await library.classCounts()).find(([n]) => n === '培训')?.[1]).toBe(13);
  });

  it('edits an indicator in place', async () => {
    await library.open();
    await library.chooseClass('培训');
    const title = '修改指标：培训考核通过率';
    await library.rowOf('培训考核通过率').getByRole('button', { name: '修改 培训考核通过率', exact: true }).click();
    await library.dialog(title).waitFor();
    expect(await library.dialog(title).getByLabel('计量单位', { exact: true }).inputValue()).toBe('%');
    await library.fillIndicator({ referenceHint: '≥98%', standard: '历史标准' }, title);
    await library.save(title);
    await library.dialog(title).waitFor({ state: 'detached', timeout: 5_000 });
    await expect.poll(async () => (await library.rowOf('培训考核通过率').locator('td').allInnerTexts())[6]).toBe('≥98%');
    expect(storedNamed('培训', '培训考核通过率')).toMatchObject({ referenceHint: '≥98%', standard: '历史标准', unit: '%' });
  });

  it('a 定性 indicator has no unit: the field is cleared and disabled', async () => {
    await library.open();
    await library.startAddingIndicator();
    const unit = library.dialog('新增指标').getByLabel('计量单位', { exact: true });
    await library.fillIndicator({ unit: '人次' });
    await library.fillIndicator({ nature: '定性' });
    expect(await unit.isDisabled()).toBe(true);
    expect(await unit.inputValue()).toBe('');
    await library.fillIndicator({ nature: '＝ 等于' });
    expect(await unit.isEnabled()).toBe(true);
  });

  it('adds a class, which the list then offers with no indicators; a second one of the same name is refused', async () => {
    await library.open();
    await library.addClass('乡村振兴');
    await expect.poll(async () => (await library.classCounts()).at(-1)).toEqual(['乡村振兴', 0]);
    await expect.poll(() => library.summaryText()).toBe('乡村振兴类：共 0 条，启用 0 条；全库 311 条');
    await library.addClass('培训');
    await expect.poll(() => library.classNameError()).toBe('已有“培训”类别');
  });

  it('retires an indicator after a confirmation: hidden by default, marked with 显示已停用, then reinstated', async () => {
    await library.open();
    await library.chooseClass('培训');
    const confirm = await library.startRetiring('培训期数');
    await confirm.getByText('仍保留该指标').waitFor();
    await session.screenshot('35-停用确认', { fullPage: false });
    await library.confirmRetire(confirm);
    await expect.poll(() => library.indicatorNames()).not.toContain('培训期数');
    expect(await library.summaryText()).toBe('培训类：共 13 条，启用 12 条，停用 1 条（已隐藏）；全库 311 条');
    expect(storedNamed('培训', '培训期数')?.retiredAt).not.toBeNull();
    await expect.poll(async () => (await library.classCounts()).find(([n]) => n === '培训')?.[1]).toBe(12);

    await library.setShowRetired(true);
    await expect.poll(() => library.indicatorNames()).toContain('培训期数');
    expect(await library.marksOf('培训期数')).toContain('已停用');
    expect(await library.summaryText()).toBe('培训类：共 13 条，启用 12 条，停用 1 条；全库 311 条');
    await library.dismissNotices();
    await session.screenshot('36-显示已停用');

    await library.reinstate('培训期数');
    await expect.poll(() => library.marksOf('培训期数')).not.toContain('已停用');
    expect(storedNamed('培训', '培训期数')?.retiredAt).toBeNull();
    await library.setShowRetired(false);
    await expect.poll(() => library.summaryText()).toBe('培训类：共 13 条，启用 13 条；全库 311 条');
  });

  it('marks an indicator mandatory from its details', async () => {
    await library.open();
    await library.chooseClass('培训');
    await library.openDetails('培训天数');
    await library.details.getByRole('button', { name: '设为必选' }).click();
    await expect.poll(() => storedNamed('培训', '培训天数')?.mandatory).toBe(true);
    await library.details.getByRole('button', { name: '取消必选' }).waitFor();
    await library.closeDetails();
    expect(await library.marksOf('培训天数')).toBe('必选');
  });

  it('recommends 培训 indicators for a training project, each with the reason it was suggested', async () => {
    await library.open();
    await library.openRecommendations();
    await library.recommendFor(TRAINING_PROJECT.name);
    const expected = recommendForProject(session.ctx, { className: null, text: TRAINING_PROJECT.name, limit: 30 });
    await expect
      .poll(async () => (await library.recommended()).map((r) => r.name), { timeout: 5_000 })
      .toEqual(expected.map((r) => r.indicator.name));
    const shown = await library.recommended();
    expect(shown[0]).toEqual({ name: '培训人次', className: '培训', reasons: ['本类必选指标', '与项目用词“培训”相符'] });
    expect(shown.slice(0, 12).every((r) => r.className === '培训')).toBe(true);
    expect(shown.every((r) => r.reasons.length > 0)).toBe(true);
    expect(await library.recommendationSummary()).toMatch(
      new RegExp(`^按“${TRAINING_PROJECT.name}”推荐 ${expected.length} 条指标，其中本类必选 \\d+ 条`),
    );
    await session.screenshot('37-项目推荐指标', { fullPage: false });

    // The goal's words count too: 满意度 is not in the project's name.
    await library.recommendations.getByLabel('绩效目标（可选）').fill('全年举办培训班6期，学员满意度达到90%以上');
    const withGoal = recommendForProject(session.ctx, {
      className: null,
      text: `${TRAINING_PROJECT.name}\n全年举办培训班6期，学员满意度达到90%以上`,
      limit: 30,
    });
    // The panel waits for the clerk to stop typing before it asks again.
    await expect
      .poll(async () => (await library.recommended()).map((r) => r.name), { timeout: 5_000 })
      .toEqual(withGoal.map((r) => r.indicator.name));
  });
});
