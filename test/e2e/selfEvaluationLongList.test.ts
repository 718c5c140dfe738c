/**
 * The demo county's 2022 自评与评价 (292 单位自评 and 12 部门评价, all accepted) at 1440×900: the list
 * keeps its header in view when scrolled, as the other long lists do.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { buildDemoLedger } from '../../scripts/demo/demoYear';
import { describeInChromium } from './support/chromium';
import { headerStaysAfterScrolling } from './support/longList';
import { startSession, type Session } from './support/session';
import { SelfEvaluationsPage } from './pages/SelfEvaluationsPage';

describeInChromium('自评列表：长列表', () => {
  let session: Session;
  let se: SelfEvaluationsPage;

  beforeAll(async () => {
    session = await startSession((ctx) => void buildDemoLedger(ctx, { previousYear: true }));
    se = new SelfEvaluationsPage(session.page);
    await se.shell.chooseYear(2022);
    // The demo with its year before: ~25 s alone, minutes on a busy machine.
  }, 300_000);

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
  });

  it('keeps the header of the 304 self-evaluations (292 单位自评, 12 部门评价) in view when scrolled to the end', async () => {
    await se.open();
    await expect.poll(() => se.table.locator('tbody tr').count()).toBe(304);
    expect(await headerStaysAfterScrolling(se.table)).toBe(true);
    const header = se.table.locator('thead th').first();
    expect(await header.innerText()).toBe('单位');
    const shot = await session.screenshot('自评列表滚动后表头仍在', { fullPage: false });
    expect(shot).toMatch(/自评列表滚动后表头仍在\.png$/);
  });
});
