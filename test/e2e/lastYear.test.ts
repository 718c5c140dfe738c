import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { submitForReview } from '../../electron/targets/jointReview';
import { fillTwoYears, project, targetWith } from '../ledger/lastYearFixture';
import { describeInChromium } from './support/chromium';
import { startSession, type Session } from './support/session';
import { TargetsPage } from './pages/TargetsPage';

const NAME = '基层干部培训项目';

/** 2022 self-evaluated at 1200 人次; the 2023 continuing project's target (≥1000 人次) in 三方联合会审. */
function fill(ctx: ServiceContext): void {
  const { dept } = fillTwoYears(ctx);
  const p2023 = project(ctx, 2023, dept.id, 'P1', NAME, 'continuing');
  submitForReview(ctx, { targetId: targetWith(ctx, p2023.id, '1000').id });
}

describeInChromium('上年实际与本年目标', () => {
  let session: Session;
  let targets: TargetsPage;

  beforeAll(async () => {
    session = await startSession(fill);
    targets = new TargetsPage(session.page);
    await targets.shell.chooseYear(2023);
  });

  afterEach(() => {
    expect(session.takeProblems()).toEqual([]);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the reviewers last year’s actual beside each indicator, marking the one set below it', async () => {
    await targets.open();
    await targets.openTarget(NAME);
    await targets.openSection('三方联合会审');
    const table = session.page.getByRole('region', { name: '年度指标与上年实际' });
    await expect.poll(() => table.getByRole('row', { name: '培训人次' }).innerText()).toMatch(/≥1000人次\s+1200人次（比上年放松）/);
    expect(await table.getByRole('row', { name: '参训人员满意度' }).innerText()).toMatch(/≥90%\s+90%$/);
    expect(await table.innerText()).toContain('有 1 个指标比上年实际放松');
    await session.screenshot('98-会审-上年实际');

    // The 申报表 has the column too, and the checklist warns without blocking.
    await targets.openSection('申报表');
    const checks = session.page.getByRole('list', { name: '检查项' });
    await expect
      .poll(() => checks.getByLabel('提醒：指标值不低于上年实际完成值').innerText())
      .toContain('本年 ≥1000人次，上年实际 1200人次');
    expect(await session.page.getByRole('table', { name: '年度绩效指标' }).getByRole('columnheader', { name: '上年实际' }).count()).toBe(1);
    await session.screenshot('99-申报表-上年实际');
  });
});
