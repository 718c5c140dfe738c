/**
 * The year's declarations as workbooks, in the browser: a unit's 申报模板 downloads, comes back filled
 * (as a unit fills it, with exceljs) and imports after a preview sheet by sheet; a damaged one is
 * refused cell by cell and writes nothing; the 公开表 leaves the 涉密单位 out; the third party's
 * 会审意见表 goes out for a target in review and comes back as its opinion.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { passesChecks } from '../../electron/rules/targetChecks';
import { approveTargets, listRounds, submitForReview } from '../../electron/targets/jointReview';
import { targetDetail } from '../../electron/targets/targetDetail';
import { listTargets } from '../../electron/targets/targetList';
import { createYear } from '../../electron/settings/yearSetup';
import {
  auditCount,
  county,
  decide,
  filled,
  indicatorHeaderRow,
  loadBook,
  saveBook,
  targetInReview,
  TRAINING_ROWS,
  valueCell,
  YEAR,
  type County,
} from '../fixtures/targetForms';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { TargetsPage } from './pages/TargetsPage';

const TRAINING_GOAL = '全年培训中小学教师 500 人次，培训合格率不低于 95%，参训人员满意度达到 90% 以上。';

describeInChromium('绩效目标的申报表、公开表和会审意见表', () => {
  let session: Session;
  let targets: TargetsPage;
  let c: County;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-targets-'));
  const template = path.join(folder, '申报模板（教育局）.xlsx');
  const rowOf = (projectId: number) => listTargets(session.ctx, { year: YEAR }).find((r) => r.projectId === projectId)!;

  /** Closes the notices of earlier steps so they do not cover a dialog in its screenshot. */
  const clearNotices = async () => {
    const page = session.page;
    await page.mouse.move(1, 1);
    const close = page.locator('.mantine-Notification-closeButton');
    for (let i = 0; i < 10 && (await close.count()) > 0; i++)
      await close
        .first()
        .click({ timeout: 1_000 })
        .catch(() => undefined);
    await page.locator('.mantine-Notification-root').first().waitFor({ state: 'detached', timeout: 3_000 });
  };

  beforeAll(async () => {
    session = await startSession((ctx) => {
      createYear(ctx, { year: YEAR });
      c = county(ctx);
    });
    targets = new TargetsPage(session.page);
    await targets.shell.chooseYear(YEAR);
  });

  afterEach(async () => {
    for (let i = 0; i < 3 && (await session.page.getByRole('dialog').count()) > 0; i++) await session.page.keyboard.press('Escape');
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('exports a unit’s declaration template, imports it filled in: the preview names the project, and the target then passes the checks', async () => {
    await targets.open();
    const name = await targets.exportTemplate('轮台县教育局', template);
    expect(name).toBe('2023年度绩效目标申报表（轮台县教育局）.xlsx');
    expect(await targets.notification('已导出申报模板')).toContain('1 个单位的部门整体申报表和 2 个项目的项目支出申报表');
    const book = await loadBook(fs.readFileSync(template));
    expect(book.worksheets.map((w) => w.name)).toEqual(['填报说明', '部门整体-轮台县教育局', 'JY-01', 'JY-02']);

    const file = path.join(folder, '教育局申报表（已填）.xlsx');
    fs.writeFileSync(
      file,
      await filled(fs.readFileSync(template), {
        'JY-01': {
          className: '培训',
          annualGoal: TRAINING_GOAL,
          funds: { total: 15, fiscal: '12', other: '3万元' },
          indicators: TRAINING_ROWS,
        },
      }),
    );
    const preview = await targets.importDeclarations(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toMatch(/新建目标 1[\s\S]*更新目标 0[\s\S]*跳过 2[\s\S]*错误 0/);
    const plans = await targets.planRows(preview, '各申报表的导入结果');
    expect(plans[0]).toEqual([
      '部门整体-轮台县教育局',
      '轮台县教育局部门整体\n轮台县教育局',
      '跳过',
      '—',
      '—',
      '未填写年度主要任务、年度总体目标和绩效指标，已跳过',
    ]);
    expect(plans[1]).toEqual([
      'JY-01',
      '2023年教师培训项目\nJY-01 · 轮台县教育局',
      '新建目标',
      '15.00',
      '7 个（共性 6）',
      '该项目尚无绩效目标，将按表新建（填报中）',
    ]);
    expect(plans[2]!.slice(0, 3)).toEqual(['JY-02', '2023年校舍维修改造项目\nJY-02', '跳过']);
    expect(plans[2]![5]).toBe('未填写年度总体目标和绩效指标，已跳过');
    expect(await preview.getByRole('button', { name: '确认导入' }).isEnabled()).toBe(true);
    await clearNotices();
    await session.screenshot('60-申报表导入预览', { fullPage: false });

    await targets.confirmImport(preview);
    expect(await targets.notification('申报表已导入')).toContain('新建 1 个绩效目标，更新 0 个，0 个无变化，2 张未填写的表已跳过');
    await expect.poll(() => targets.cell('2023年教师培训项目', 'status')).toBe('填报中');
    expect(await targets.cell('2023年教师培训项目', 'indicators')).toBe('7');
    expect(await targets.cell('2023年校舍维修改造项目', 'status')).toBe('未填报');

    await targets.openTarget('2023年教师培训项目');
    await expect.poll(() => targets.checkResult()).toBe('全部通过');
    expect(await targets.valueOf('年度总体目标')).toBe(TRAINING_GOAL);
    const rows = await targets.indicatorRows();
    expect(rows).toContainEqual(['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥', '90', '%', '共性']);
    expect(rows).toContainEqual(['效益指标', '社会效益指标', '乡村教师骨干培养人数', '≥', '30', '人', '个性']);
    expect(rows).toHaveLength(7);
    const detail = targetDetail(session.ctx, rowOf(c.training.id).targetId!);
    expect(detail).toMatchObject({
      status: 'draft',
      className: '培训',
      annualTotalFen: 15_000_000,
      annualFiscalFen: 12_000_000,
      annualOtherFen: 3_000_000,
    });
    expect(passesChecks(detail.checks)).toBe(true);

    // The same file again: nothing to write; a changed goal shows as an update with the change.
    await targets.backToList();
    const again = await targets.importDeclarations(file);
    expect(await again.getByLabel('导入摘要').innerText()).toMatch(/新建目标 0[\s\S]*更新目标 0[\s\S]*无变化 1/);
    expect(await again.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await again.getByRole('button', { name: '取消' }).click();
  });

  it('lists every bad cell of a damaged declaration with its sheet, row and column; 确认导入 stays off and nothing is written', async () => {
    await targets.open();
    const sheet = (await loadBook(fs.readFileSync(template))).getWorksheet('JY-02')!;
    const header = indicatorHeaderRow(sheet);
    const funds = valueCell(sheet, '年度资金总额');
    const fundsColumn = funds.address.replace(/\d+$/, '');

    const file = path.join(folder, '教育局申报表（有错）.xlsx');
    fs.writeFileSync(
      file,
      await filled(fs.readFileSync(template), {
        // A valid change to the imported project, to show that one bad sheet keeps the whole file out.
        'JY-01': {
          className: '培训',
          annualGoal: '全年培训中小学教师 600 人次。',
          funds: { total: 15, fiscal: 12, other: 3 },
          indicators: TRAINING_ROWS,
        },
        'JY-02': {
          className: '基础设施建设',
          annualGoal: '完成校舍维修改造 2000 平方米，师生满意。',
          funds: { total: '五十万元', fiscal: 50, other: 0 },
          indicators: [
            ['产出指标', '数量指标', '校舍维修改造面积', '约等于', '2000', '平方米', '个性'],
            ['满意度指标', '服务对象满意度指标', '师生满意度', '≥', '90', '%', '个性'],
          ],
        },
      }),
    );
    const audit = auditCount(session.ctx);
    const before = targetDetail(session.ctx, rowOf(c.training.id).targetId!);

    const preview = await targets.importDeclarations(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toMatch(/错误 2/);
    const errors = await targets.sheetErrors(preview, 'JY-02');
    expect(errors).toHaveLength(2);
    const fundsError = errors.find((e) => e[0] === String(funds.row))!;
    expect(fundsError[1]).toMatch(new RegExp(`^${fundsColumn}（`));
    expect(fundsError[2]).toBe('五十万元');
    expect(fundsError[3]).toMatch(/金额/);
    expect(errors).toContainEqual([
      String(header + 1),
      'D（指标性质）',
      '约等于',
      '“约等于”不是可识别的指标性质，请填写 ≥、＞、＝、＜、≤ 或 定性。',
    ]);
    expect(await preview.getByRole('region', { name: '工作表“JY-02”的错误' }).innerText()).toContain(
      '工作表“JY-02”（2023年校舍维修改造项目）：2 处错误',
    );
    const plans = await targets.planRows(preview, '各申报表的导入结果');
    expect(plans.map((p) => [p[0], p[2]])).toEqual([
      ['部门整体-轮台县教育局', '跳过'],
      ['JY-01', '更新目标'],
      ['JY-02', '有错误'],
    ]);
    expect(plans[1]![5]).toContain('年度总体目标：已修改');
    expect(await preview.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await clearNotices();
    await session.screenshot('61-申报表导入错误', { fullPage: false });
    await preview.getByRole('button', { name: '取消' }).click();
    await preview.waitFor({ state: 'detached' });

    expect(auditCount(session.ctx)).toBe(audit);
    expect(rowOf(c.repair.id).targetId).toBeNull();
    expect(targetDetail(session.ctx, before.id)).toMatchObject({ annualGoal: TRAINING_GOAL, updatedAt: before.updatedAt });
  });

  it('exports the 公开表 of approved targets without the 涉密单位, and says how many it left out', async () => {
    const training = rowOf(c.training.id).targetId!;
    submitForReview(session.ctx, { targetId: training });
    decide(session.ctx, training, '优');
    const secret = targetInReview(session.ctx, c.secretProject.id);
    decide(session.ctx, secret, '优');
    approveTargets(session.ctx, { targetIds: [training, secret] });

    await targets.open();
    expect(await targets.cell('2023年教师培训项目', 'status')).toBe('已批复');
    const saved = path.join(folder, '公开表.xlsx');
    expect(await targets.exportPublication(saved)).toBe('2023年度绩效目标公开表.xlsx');
    expect(await targets.notification('已导出绩效目标公开表')).toMatch(
      /1 个单位，项目支出目标 1 个、部门整体目标 0 个；涉密单位 1 个（1 个目标）不公开，未列入/,
    );
    const book = XLSX.read(fs.readFileSync(saved));
    const text = book.SheetNames.map((n) => `${n}\n${XLSX.utils.sheet_to_csv(book.Sheets[n]!)}`).join('\n');
    expect(text).toContain('2023年教师培训项目');
    expect(text).toContain('参训人员满意度');
    expect(text).not.toContain('保密');
  });

  it('sends a target in review out as a 会审意见表 and reads the third party’s filled sheet back as its opinion', async () => {
    const aid = targetInReview(session.ctx, c.aid.id);
    const AID = '2023年家庭经济困难学生资助项目';
    await targets.open();
    expect(await session.page.getByRole('button', { name: '导出会审意见表' }).isDisabled()).toBe(true);
    await targets.choose(AID);
    const exported = path.join(folder, '会审意见表.xlsx');
    expect(await targets.exportReviewSheet(exported)).toBe('2023年度绩效目标会审意见表.xlsx');
    expect(await targets.notification('已导出会审意见表')).toContain('1 个会审中的绩效目标');

    const book = await loadBook(fs.readFileSync(exported));
    expect(book.worksheets.map((w) => w.name)).toEqual(['YZ-01']);
    const sheet = book.getWorksheet('YZ-01')!;
    expect(valueCell(sheet, '会审方').value).toBe('第三方机构');
    const opinion = '建议补充资助对象精准识别指标，资金测算依据再细化。';
    for (const [label, value] of [
      ['审核人', '新疆某咨询公司 张工'],
      ['完整性', '优'],
      ['相关性', '良'],
      ['适当性', '良'],
      ['可行性', '优'],
      ['修改意见', opinion],
    ] as const) {
      valueCell(sheet, label).value = value;
    }
    const file = path.join(folder, '会审意见表（第三方已填）.xlsx');
    fs.writeFileSync(file, await saveBook(book));

    const preview = await targets.importReviewSheet(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toMatch(/录入意见 1[\s\S]*无变化 0[\s\S]*错误 0/);
    expect(await targets.planRows(preview, '各会审意见表的导入结果')).toEqual([
      ['YZ-01', AID, '第 1 轮', '第三方机构', '新疆某咨询公司 张工', '优', '良', '良', '优', opinion, '录入意见'],
    ]);
    await clearNotices();
    await session.screenshot('62-会审意见表导入预览', { fullPage: false });
    await targets.confirmImport(preview);
    expect(await targets.notification('会审意见已导入')).toContain('录入 1 份会审意见');

    await targets.openTarget(AID);
    const card = targets.party('第三方机构');
    await card.getByText('已提出意见').waitFor();
    expect(await card.getByLabel('审核人', { exact: true }).inputValue()).toBe('新疆某咨询公司 张工');
    expect(await card.getByLabel('修改意见', { exact: true }).inputValue()).toBe(opinion);
    expect(await session.page.getByText('已有 1 / 3 方提出意见').isVisible()).toBe(true);
    expect(listRounds(session.ctx, { targetId: aid })[0]!.opinions).toEqual([
      expect.objectContaining({
        party: 'thirdParty',
        reviewer: '新疆某咨询公司 张工',
        completeness: '优',
        relevance: '良',
        appropriateness: '良',
        feasibility: '优',
        opinion,
      }),
    ]);

    // The target's own panel exports its sheet, the recorded opinion already in it.
    const own = path.join(folder, '会审意见表（单个）.xlsx');
    await targets.exportReviewSheet(own);
    const ownSheet = (await loadBook(fs.readFileSync(own))).getWorksheet('YZ-01')!;
    expect(valueCell(ownSheet, '修改意见').value).toBe(opinion);
  });
});
