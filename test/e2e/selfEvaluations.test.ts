/**
 * 自评与评价 in the browser: a self-evaluation is created for a project whose target is approved (its
 * indicators and 年度指标值 from the target, its funds from May's execution data), the unit's actuals
 * are filled, the score and grade follow live from the year's rules, a far-above actual is flagged,
 * and what is saved is what the list and the reopened form show after a reload.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { listSelfEvaluations } from '../../electron/selfEvaluations/selfEvaluations';
import { approveTarget } from '../fixtures/approvedTarget';
import { setupRound } from '../ledger/monitoringFixture';
import { fillBureauLedger } from './support/bureauLedger';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { SelfEvaluationsPage } from './pages/SelfEvaluationsPage';

const TRAINING = '基层干部培训项目';
const SHOTS = '/tmp/shots-s2';

/** The bureau's projects, plus the monitored training projects; the first one's target approved. */
function fill(ctx: ServiceContext): void {
  fillBureauLedger(ctx);
  const s = setupRound(ctx);
  approveTarget(ctx, s.t1.id);
}

describeInChromium('自评与评价', () => {
  let session: Session;
  let se: SelfEvaluationsPage;

  async function shot(name: string): Promise<void> {
    // Notifications close on their own; the picture is of the screen, not of them.
    await expect.poll(() => session.page.locator('.mantine-Notification-root').count(), { timeout: 10_000 }).toBe(0);
    await session.page.evaluate(() => window.scrollTo(0, 0));
    const file = await session.screenshot(name);
    fs.mkdirSync(SHOTS, { recursive: true });
    fs.copyFileSync(file, path.join(SHOTS, path.basename(file)));
  }

  beforeAll(async () => {
    session = await startSession(fill);
    se = new SelfEvaluationsPage(session.page);
    await se.shell.chooseYear(2023);
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
  });

  it('creates a project’s self-evaluation pre-filled from its approved target and the execution data', async () => {
    await se.open();
    expect(await se.listRows()).toEqual([]);
    expect(await se.sentence()).toBe('2023 年度还没有绩效自评。');

    await se.create(TRAINING);
    expect(await se.fund('年度资金总额', '年初预算数').inputValue()).toBe('10.00');
    expect(await se.fund('年度资金总额', '全年预算数').inputValue()).toBe('10.00');
    expect(await se.fund('年度资金总额', '全年执行数').inputValue()).toBe('8.00');
    expect(await se.executionRate()).toBe('80.00%');
    expect(await se.indicators.locator('tbody tr').count()).toBe(4);
    expect(await se.total()).toBe('8.00 分');
    expect(await se.grade()).toBe('未评定');
    await session.page.getByText('尚不能评定等级').waitFor();
  });

  it('scores the actuals live, flags one far above its target, saves, and shows the same after a reload', async () => {
    await se.fund('年度资金总额', '全年执行数').fill('9.5');
    expect(await se.executionRate()).toBe('95.00%');

    await se.actual('培训人次').fill('3000');
    expect(await se.flags('培训人次')).toEqual(['远超指标值', '请说明偏差原因']);
    expect(await se.score('培训人次')).toBe('25.00');
    await se.actual('培训人次').fill('1100');
    expect(await se.flags('培训人次')).toEqual(['未达到指标值', '请说明偏差原因']);
    expect(await se.score('培训人次')).toBe('22.92');
    await se.explanation('培训人次').fill('两期培训因师资不足推迟');
    expect(await se.flags('培训人次')).toEqual(['未达到指标值']);

    await se.actual('培训合格率').fill('96');
    await se.pickLevel('业务能力提升情况', '部分达成');
    expect(await se.score('业务能力提升情况')).toBe('24.00');
    await se.chosenScore('业务能力提升情况').fill('20');
    await se.explanation('业务能力提升情况').fill('部分课程尚未开设');
    await se.actual('参训人员满意度').fill('92');
    await session.page.getByLabel('实际完成情况').fill('全年完成培训 1100 人次，合格率 96%。');

    // 9.5 + 22.92 (25 × 1100/1200) + 25 + 20 + 10 = 87.42 → 良.
    expect(await se.total()).toBe('87.42 分');
    expect(await se.grade()).toBe('良');
    await shot('自评-填写自评表');

    await se.save();
    expect(listSelfEvaluations(session.ctx, { year: 2023 })).toMatchObject([
      { projectName: TRAINING, total: 87.42, grade: '良', complete: true, status: 'draft' },
    ]);

    await session.page.reload();
    await se.shell.chooseYear(2023);
    await se.open();
    expect(await se.listRows()).toEqual([['中共轮台县委组织部', `${TRAINING}P1`, '单位自评', '87.42', '良', '填报中']]);
    expect(await se.sentence()).toBe('2023 年度 1 个单位对 1 个项目开展绩效自评，部门评价 0 个项目。');
    await shot('自评-年度列表');

    await se.openRow(TRAINING);
    expect(await se.fund('年度资金总额', '全年执行数').inputValue()).toBe('9.50');
    expect(await se.actual('培训人次').inputValue()).toBe('1100');
    expect(await se.chosenScore('业务能力提升情况').inputValue()).toBe('20');
    expect(await se.total()).toBe('87.42 分');
    expect(await se.grade()).toBe('良');
  });

  it('is submitted, returned with findings, corrected and accepted by the bureau', async () => {
    await se.decide('报送', '已报送自评表');
    expect(await se.status()).toBe('已报送');
    expect(await se.actual('培训人次').getAttribute('readonly')).not.toBeNull();

    await se.sendBack('培训人次未达标，偏差原因过于笼统，请写明推迟的期数和补训安排');
    await session.page.getByRole('alert', { name: '退回意见' }).getByText('偏差原因过于笼统').waitFor();
    expect(await se.status()).toBe('已退回');
    await shot('自评-退回单位');
    await se.explanation('培训人次').fill('师资不足，两期培训推迟至次年一季度补训');
    await se.save();
    await se.decide('报送', '已报送自评表');
    await se.decide('审核通过', '自评表审核通过');
    expect(await se.status()).toBe('已审核通过');
    expect(listSelfEvaluations(session.ctx, { year: 2023 })).toMatchObject([{ status: 'accepted', total: 87.42, grade: '良' }]);

    await se.backToList();
    expect(await se.listRows()).toEqual([['中共轮台县委组织部', `${TRAINING}P1`, '单位自评', '87.42', '良', '已审核通过']]);
  });
});
