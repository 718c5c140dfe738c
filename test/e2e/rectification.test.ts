/**
 * 整改 in the browser: the drafts made from a round's warnings are issued (a past deadline is refused at
 * the field first), the unit's feedback is recorded, returned with a reason, answered again and closed,
 * each step kept in the history; an overdue notice stands out; the Word notices and the list download.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { DEFAULT_RULE_SET } from '../../electron/rules/ruleSet';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { listMonitoringRounds } from '../../electron/monitoring/monitoringRounds';
import { createProject, type ProjectRow } from '../../electron/projects/projects';
import { draftNoticesFromWarnings, issueNotices } from '../../electron/rectification/rectification';
import { listNotices } from '../../electron/rectification/noticeList';
import { createUnit } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { saveLedgerSettings } from '../../electron/ledger/settings';
import { storeWarnings } from '../fixtures/notices';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { RectificationPage } from './pages/RectificationPage';

const CLASSROOM = '2023年特殊教育资源教室采购项目';
const ROTATION = '2023年耕地轮作补助项目';

/**
 * 2023 after the May round: two units, three projects with their warnings (as the warning service
 * stores them); drafts made on 2023-06-16 for the two above the threshold; the rotation notice issued
 * that day, so its deadline (2023-07-01) is long past.
 */
function fillNotices(ctx: ServiceContext): void {
  createYear(ctx, { year: 2023 });
  saveLedgerSettings(ctx, { bureauName: '轮台县财政局', noticePrefix: '轮财绩整' });
  const then = serviceContext(ctx.ledger, '绩效股', () => new Date('2023-06-16T02:00:00Z'));
  const education = createUnit(ctx, { name: '轮台县教育局', code: '105', parentId: null, classified: false }).id;
  const agriculture = createUnit(ctx, { name: '轮台县农业农村局', code: '130', parentId: null, classified: false }).id;
  const project = (unitId: number, code: string, name: string) =>
    createProject(ctx, {
      year: 2023,
      unitId,
      code,
      name,
      projectType: '补助补贴',
      budgetKind: 'general',
      initialBudgetFen: 10_000_000,
      continuity: 'continuing',
      majorPolicy: false,
    });
  const round = listMonitoringRounds(ctx, { year: 2023 }).find((r) => r.asOfMonth === 5)!;
  const warn = (p: ProjectRow, executedFen: number) =>
    storeWarnings(ctx, round, p.id, executedFen, 10_000_000, DEFAULT_RULE_SET.monitoring);
  warn(project(education, 'JY-01', CLASSROOM), 2_130_000);
  warn(project(agriculture, 'NY-01', ROTATION), 5_000_000);
  warn(project(agriculture, 'NY-02', '铁热克巴扎乡羊养殖及特色林果种植基地项目'), 6_000_000);
  const drafts = draftNoticesFromWarnings(then, { roundId: round.id });
  issueNotices(then, { ids: drafts.filter((d) => d.projectName === ROTATION).map((d) => d.id) });
}

/** A calendar day `days` from now, as the bureau writes it. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

describeInChromium('整改通知', () => {
  let session: Session;
  let rect: RectificationPage;
  const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-rect-'));
  const notice = (projectName: string) => listNotices(session.ctx, { year: 2023 }).find((n) => n.projectName === projectName)!;

  beforeAll(async () => {
    session = await startSession(fillNotices);
    rect = new RectificationPage(session.page);
    await rect.shell.chooseYear(2023);
    await rect.open();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(downloads, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  it('lists the notices with the overdue one in red', async () => {
    await expect.poll(() => rect.rows.count()).toBe(2);
    const overdue = rect.rowOf(ROTATION);
    expect(await overdue.innerText()).toContain('轮财绩整〔2023〕1号');
    expect(await overdue.innerText()).toMatch(/逾期 \d+ 天/);
    expect(await rect.rowOf(CLASSROOM).innerText()).toContain('草稿');

    await session.page.getByRole('switch', { name: /只看逾期/ }).click({ force: true });
    await expect.poll(() => rect.rows.count()).toBe(1);
    expect(await rect.rows.first().innerText()).toContain(ROTATION);
    await session.page.getByRole('switch', { name: /只看逾期/ }).click({ force: true });
    await expect.poll(() => rect.rows.count()).toBe(2);
    await session.screenshot('74-整改通知列表');
  });

  it('issues the draft once its deadline is moved to a day not yet past', async () => {
    const drawer = await rect.openNotice(CLASSROOM);
    expect(await rect.field('发现的问题').inputValue()).toContain('偏离率');
    await rect.field('反馈期限').fill('2023-07-10');
    await drawer.getByRole('button', { name: '保存草稿' }).click();
    await expect.poll(() => rect.fieldError('反馈期限')).toBe('反馈期限不能早于今天');

    await rect.field('反馈期限').fill(dayFromNow(15));
    await drawer.getByRole('button', { name: '保存并下发' }).click();
    await drawer.getByText('已下发', { exact: true }).waitFor();
    expect(notice(CLASSROOM).number).toBe('轮财绩整〔2023〕2号');
    expect(notice(CLASSROOM).deadline).toBe(dayFromNow(15));
  });

  it('records feedback, returns it with a reason, takes feedback again and closes', async () => {
    const drawer = rect.drawer;
    await rect.field('单位的整改反馈').fill('已分析偏离原因：设备采购招标延后。已完成招标，6月底前完成支付。');
    await drawer.getByRole('button', { name: '登记反馈' }).click();
    await drawer.getByText('已反馈', { exact: true }).waitFor();

    // Returning needs a reason: refused at the field first.
    await drawer.getByRole('button', { name: '退回' }).click();
    await expect.poll(() => rect.fieldError('审核意见')).toBe('请写明退回原因');
    await rect.field('审核意见').fill('未说明设备验收合格率偏低的原因，请补充。');
    await rect.field('新的反馈期限（退回时可选）').fill(dayFromNow(20));
    await drawer.getByRole('button', { name: '退回' }).click();
    await drawer.getByText('已退回', { exact: true }).waitFor();
    expect(await drawer.innerText()).toContain('退回原因：未说明设备验收合格率偏低的原因，请补充。');
    expect(notice(CLASSROOM).deadline).toBe(dayFromNow(20));

    await rect.field('单位的整改反馈').fill('设备验收合格率偏低系首批设备返厂检修，已于6月20日全部复检合格。');
    await drawer.getByRole('button', { name: '登记反馈' }).click();
    await drawer.getByText('已反馈', { exact: true }).waitFor();
    await rect.field('审核意见').fill('整改到位，同意办结。');
    await session.screenshot('75-整改通知办理', { fullPage: false });
    await drawer.getByRole('button', { name: '办结' }).click();
    await drawer.getByText('已办结', { exact: true }).waitFor();

    const history = await drawer.getByLabel('办理记录').innerText();
    for (const step of ['下发', '单位反馈', '审核退回', '审核办结']) expect(history).toContain(step);
    expect(history.match(/单位反馈/g)).toHaveLength(2);
    expect(notice(CLASSROOM).status).toBe('closed');
    await rect.closeDrawer();
    expect(await rect.rowOf(CLASSROOM).innerText()).toContain('已办结');
  });

  it('exports the Word notices of the checked issued ones and the list workbook', async () => {
    await rect.check(CLASSROOM);
    await rect.check(ROTATION);
    const perUnit = await rect.download('导出整改通知', path.join(downloads, 'notices.docx'), '按单位成文（一个单位一份）');
    expect(perUnit).toMatch(/\.docx$/);
    expect(fs.readFileSync(path.join(downloads, 'notices.docx')).subarray(0, 2).toString()).toBe('PK');

    const list = await rect.download('导出整改台账', path.join(downloads, 'list.xlsx'));
    expect(list).toMatch(/\.xlsx$/);
    const book = XLSX.read(fs.readFileSync(path.join(downloads, 'list.xlsx')));
    const text = JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1 }));
    expect(text).toContain('轮财绩整〔2023〕1号');
    expect(text).toContain('逾期');
  });
});
