import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { respreadWeights, templateById } from '../../electron/rules/keyEvaluationFrameworks';
import { listResultActions } from '../../electron/keyEvaluations/keyEvaluationResults';
import { getKeyEvaluation, listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { listNotices } from '../../electron/rectification/noticeList';
import { fen, fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { KeyEvaluationsPage } from './pages/KeyEvaluationsPage';

const ROTATION = '2023年耕地轮作补助项目';
const NEXT_ROTATION = '2024年耕地轮作补助项目';
const WEIGHTS = [15, 25, 25, 35];
const INDICATORS = respreadWeights(templateById('national10')!.framework, WEIGHTS).flatMap((l1) =>
  l1.level2.flatMap((l2) => l2.indicators),
);
const FIRST = INDICATORS[0]!.name;
const DEADLINE = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

describeInChromium('重点评价', () => {
  let session: Session;
  let ke: KeyEvaluationsPage;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-keyeval-'));
  const evaluation = () => listKeyEvaluations(session.ctx, { year: 2023 }).find((e) => e.name === ROTATION)!;

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

  it('selects a project, with its budget as the money covered, and sets up the 10号 framework at 15/25/25/35', async () => {
    await ke.open();
    expect(await ke.listRows()).toEqual([]);
    expect(await ke.sentence()).toBe('2023 年度尚无定稿的重点绩效评价。');

    const covered = await ke.select({
      project: ROTATION,
      reason: '补助资金量大、受益农户多，社会关注度高',
      evaluator: '第三方机构',
      evaluatorName: '新疆天正会计师事务所',
    });
    expect(covered).toBe('356.75');
    expect(evaluation()).toMatchObject({
      coveredFen: fen('356.75'),
      status: 'draft',
      evaluator: 'thirdParty',
      evaluatorName: '新疆天正会计师事务所',
    });

    // Weights not adding up are refused by the ledger, with the reason.
    await ke.tab('指标体系');
    await ke.applyTemplate([20, 20, 30, 35]);
    expect(await ke.frameworkRefusal()).toContain('一级指标权重合计为 105，应为 100');
    expect(getKeyEvaluation(session.ctx, { id: evaluation().id }).framework).toEqual([]);

    await ke.applyTemplate(WEIGHTS);
    await expect.poll(() => ke.framework.isVisible()).toBe(true);
    const rows = await ke.frameworkRows();
    expect(rows).toHaveLength(20);
    expect(rows.slice(0, 2)).toEqual([
      ['立项依据充分性', '2.25'],
      ['立项程序规范性', '2.25'],
    ]);
    expect(getKeyEvaluation(session.ctx, { id: evaluation().id }).framework.map((l) => l.weight)).toEqual(WEIGHTS);
    await ke.readyForScreenshot();
    await session.screenshot('81-指标体系');
  });

  it('two experts score in the grid by keyboard; the live total and grade match the ledger; out-of-range is refused at the field', async () => {
    await ke.tab('专家评分');
    await ke.setExperts(['张专家', '李专家']);

    // Out of range: marked at once, and refused by the ledger at that cell when saved.
    await ke.cell('张专家', FIRST).fill('5');
    expect(await ke.cellError('张专家', FIRST)).toBe('应在 0–2.25 分之间');
    await ke.saveExpert('张专家');
    await expect.poll(() => ke.cellError('张专家', FIRST)).toBe('“立项依据充分性”满分 2.25 分，评分应在 0–2.25 分之间');
    expect(getKeyEvaluation(session.ctx, { id: evaluation().id }).scores).toEqual([]);

    // 张专家 full marks, 李专家 80%, typed down each column with Enter.
    await ke.typeColumn(
      '张专家',
      FIRST,
      INDICATORS.map((i) => String(i.points)),
    );
    expect(await ke.cellError('张专家', FIRST)).toBeNull();
    expect(await ke.total()).toBe('0.00');
    expect(await ke.grade()).toBe('评分完成后确定');
    await ke.typeColumn(
      '李专家',
      FIRST,
      INDICATORS.map((i) => String(Math.round(i.points * 80) / 100)),
    );
    // Each indicator prints its mean half-up (2.25 and 1.8 → 2.03); the total adds the exact means
    // (89.995) and rounds once: 90.00, not the 90.06 the printed figures would add up to.
    await expect.poll(() => ke.total()).toBe('90.00');
    expect(await ke.grade()).toBe('优');
    expect(await ke.aggregate(FIRST)).toBe('2.03');

    await ke.saveExpert('张专家');
    await ke.saveExpert('李专家');
    await expect.poll(() => getKeyEvaluation(session.ctx, { id: evaluation().id }).scores.length).toBe(40);
    const score = getKeyEvaluation(session.ctx, { id: evaluation().id }).score;
    expect(score).toMatchObject({ complete: true, total: 90, grade: '优' });
    expect(await ke.total()).toBe(score.total.toFixed(2));
    for (const l1 of score.level1) expect(await ke.subtotal(l1.name)).toBe(l1.score.toFixed(2));
    await ke.readyForScreenshot();
    await session.screenshot('82-专家评分');
  });

  it('finalises with the grade, records a result action, drafts the findings notice and exports the report', async () => {
    await ke.tab('评价报告内容');
    await ke.fillTexts({
      主要经验及做法: '建立了轮作地块台账，补助资金通过“一卡通”发放到户。',
      存在的问题及原因分析: '部分乡镇轮作面积核实不到位，档案资料不完整。',
      有关建议: '逐户核实轮作面积，完善验收档案。',
    });
    await expect
      .poll(() => getKeyEvaluation(session.ctx, { id: evaluation().id }).findings)
      .toBe('部分乡镇轮作面积核实不到位，档案资料不完整。');

    await session.page.getByRole('button', { name: '定稿', exact: true }).click();
    expect(await ke.confirmDialog().innerText()).toContain('将以总分 90.00 分、等级“优”定稿');
    await ke.confirmDialog().getByRole('button', { name: '确认定稿' }).click();
    await session.page.getByLabel('评价等级').waitFor();
    expect(await ke.finalGrade()).toBe('优');
    expect(await ke.status()).toBe('已定稿');
    expect(evaluation()).toMatchObject({ status: 'final', total: 90, grade: '优' });

    expect(await session.page.getByLabel('建议的结果应用').innerText()).toBe('建议的结果应用：优先保障');
    await ke.recordAction({ amount: '50', nextYearProject: NEXT_ROTATION, status: '已落实', note: '评价结果为优，下年度优先保障' });
    await expect.poll(() => ke.actionRows()).toEqual([['优先保障', '50.00', NEXT_ROTATION, '已落实', '评价结果为优，下年度优先保障']]);
    expect(listResultActions(session.ctx, { evaluationId: evaluation().id })).toMatchObject([
      { actionType: '优先保障', amountFen: fen('50'), nextYearProjectName: NEXT_ROTATION, status: 'applied' },
    ]);

    await ke.issueFindings(DEADLINE);
    const notices = listNotices(session.ctx, { year: 2023 }).filter((n) => n.source === 'evaluation');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ status: 'draft', deadline: DEADLINE, requirements: '逐户核实轮作面积，完善验收档案。' });
    expect(notices[0]!.findings).toContain('部分乡镇轮作面积核实不到位');
    await ke.readyForScreenshot();
    await session.screenshot('83-评价结果');

    const name = await ke.exportReport(path.join(downloads, 'report.docx'));
    expect(name).toMatch(/\.docx$/);
    expect(fs.statSync(path.join(downloads, 'report.docx')).size).toBeGreaterThan(1000);
  });

  it('the list and the year figures show the final grade; 结果公开 lists it', async () => {
    await ke.backToList();
    expect(await ke.listRows()).toEqual([[ROTATION, '县农业技术推广中心', '第三方机构', '356.75', '90.00', '优', '已定稿']]);
    expect(await ke.sentence()).toBe('对 1 个项目开展重点项目绩效评价，涉及资金 356.75 万元，评价结果等级为“优”的项目 1 个。');
    await ke.readyForScreenshot();
    await session.screenshot('80-重点评价列表');
    expect(await ke.publicationRows()).toEqual([
      ['1', ROTATION, '县农业技术推广中心', '第三方机构（新疆天正会计师事务所）', '356.75', '90.00', '优'],
    ]);

    await ke.readyForScreenshot();
    await session.screenshot('89-结果公开', { fullPage: false });

    // The year's result actions in one place, for next year's budget.
    await session.page.getByRole('tab', { name: /^结果应用/ }).click();
    const actions = session.page.getByRole('table', { name: '年度结果应用' });
    await actions.waitFor();
    expect((await actions.locator('tbody tr').first().locator('td').allInnerTexts()).map((t) => t.trim())).toEqual([
      ROTATION,
      '优',
      '优先保障',
      '50.00',
      NEXT_ROTATION,
      '已落实',
      '评价结果为优，下年度优先保障',
    ]);
    expect(await session.page.getByLabel('结果应用概况').innerText()).toContain('1 项（已落实 1 项、拟定 0 项），涉及金额 50.00 万元');
    await session.screenshot('90-结果应用', { fullPage: false });
    await session.page.getByRole('tab', { name: /^结果公开/ }).click();

    // The table for the portal, as a file.
    const download = session.page.waitForEvent('download');
    await session.page.getByRole('button', { name: '导出公开表', exact: true }).click();
    const file = path.join(downloads, 'publication.xlsx');
    await (await download).saveAs(file);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(file);
    const row = book.worksheets[0]!.getRow(4);
    expect([row.getCell(2).value, row.getCell(6).value, row.getCell(7).value, row.getCell(8).value]).toEqual([ROTATION, 356.75, 90, '优']);
  });
});
