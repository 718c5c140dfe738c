/**
 * 部门整体自评 in the browser: a 主管部门's evaluation is created on the shipped 部门整体 framework, the
 * unit scores each indicator, a score above its 分值 is refused by name, the subtotals, total and grade
 * follow live from the year's rules, and what is saved is what the list and the reopened page show
 * after a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listDepartmentSelfEvaluations } from '../../electron/selfEvaluations/departmentSelfEvaluations';
import { templateById } from '../../electron/rules/keyEvaluationFrameworks';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { DepartmentSelfEvaluationsPage, SelfEvaluationsPage } from './pages/SelfEvaluationsPage';

const SHOTS = '/tmp/shots-s7';
const UNIT = '县教育局';
/** Points the unit gives below 分值; every other indicator gets its full 分值. */
const BELOW: Record<string, string> = { 预算完成率: '3', 结转结余率: '2.5', 重点工作完成率: '8', 服务对象满意度: '9' };

describeInChromium('部门整体自评', () => {
  let session: Session;
  let se: SelfEvaluationsPage;
  let dept: DepartmentSelfEvaluationsPage;

  async function shot(name: string): Promise<void> {
    await expect.poll(() => session.page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await session.page.evaluate(() => window.scrollTo(0, 0));
    const file = await session.screenshot(name);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SHOTS, path.basename(file)));
  }

  beforeAll(async () => {
    session = await startSession(fillBureauLedger);
    se = new SelfEvaluationsPage(session.page);
    dept = new DepartmentSelfEvaluationsPage(session.page);
    await se.shell.chooseYear(2023);
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
  });

  it('creates, scores live, refuses a score above its 分值, saves, and shows the same after a reload', async () => {
    await se.shell.openArea('自评与评价');
    await dept.openTab();
    expect(await dept.listRows()).toEqual([]);
    await dept.create(UNIT);
    expect(await se.total()).toBe('0.00 分');
    expect(await se.grade()).toBe('未评定');

    const indicators = templateById('department')!.framework.flatMap((l1) => l1.level2.flatMap((l2) => l2.indicators));
    for (const ind of indicators) await dept.score(ind.name).fill(BELOW[ind.name] ?? String(ind.points));
    await dept.actual('预算完成率').fill('年度预算完成 96.5%');
    // 100 − 1 − 0.5 − 2 − 1 = 95.50 → 优; 预算执行 3 + 2.5 + 3 + 3 of 13.
    expect(await se.total()).toBe('95.50 分');
    expect(await se.grade()).toBe('优');
    expect(await dept.subtotal('预算执行')).toBe('小计 11.50 / 13.00');

    await dept.score('预算完成率').fill('5');
    expect(await se.grade()).toBe('未评定');
    await session.page.getByRole('button', { name: '保存', exact: true }).click();
    await session.page.getByText('“预算完成率”的得分 5.00 超出 0–4.00 分').first().waitFor();
    expect(listDepartmentSelfEvaluations(session.ctx, { year: 2023 })).toMatchObject([{ total: 0, grade: null }]);

    await dept.score('预算完成率').fill('3');
    await shot('部门整体自评-填写');
    await dept.save();
    expect(listDepartmentSelfEvaluations(session.ctx, { year: 2023 })).toMatchObject([
      { unitName: UNIT, total: 95.5, grade: '优', complete: true, status: 'draft' },
    ]);

    await session.page.reload();
    await se.shell.chooseYear(2023);
    await se.shell.openArea('自评与评价');
    await dept.openTab();
    expect(await dept.listRows()).toEqual([[UNIT, '部门整体支出绩效评价指标体系', '95.50', '优', '填报中']]);
    await shot('部门整体自评-列表');
    await dept.openRow(UNIT);
    expect(await dept.score('结转结余率').inputValue()).toBe('2.5');
    expect(await dept.actual('预算完成率').inputValue()).toBe('年度预算完成 96.5%');
    expect(await se.total()).toBe('95.50 分');
    expect(await se.grade()).toBe('优');
  });
});
