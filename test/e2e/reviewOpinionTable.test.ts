/**
 * A review party's own 会审意见表 in the browser: finance sends back one table for all the projects it
 * reviewed (主管部门 merged down, 小计 per department, a 合计, no 会审方 written). The preview asks for the
 * party, is read again once the clerk picks 财政局, shows the 小计 that does not add up at its cell, and
 * records each project's conclusion as finance's opinion in its open round.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { listRounds } from '../../electron/targets/jointReview';
import { createYear } from '../../electron/settings/yearSetup';
import { COUNTY_OPINIONS as ROWS, opinionTableBytes } from '../fixtures/reviewOpinionTables';
import { county, targetInReview, YEAR } from '../fixtures/targetForms';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { pickOption } from './pages/AppShellPage';
import { TargetsPage } from './pages/TargetsPage';

describeInChromium('会审方自己的会审意见汇总表', () => {
  let session: Session;
  let targets: TargetsPage;
  let training = 0;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-review-table-'));

  beforeAll(async () => {
    session = await startSession((ctx) => {
      createYear(ctx, { year: YEAR });
      const c = county(ctx);
      training = targetInReview(ctx, c.training.id);
      targetInReview(ctx, c.repair.id, '基础设施建设');
      targetInReview(ctx, c.aid.id);
      targetInReview(ctx, c.secretProject.id);
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

  it('asks for the party, shows the 小计 that does not add up, and records every project’s conclusion', async () => {
    const { bytes, at } = opinionTableBytes(ROWS, {
      unitAt: 'line',
      money: '万元',
      department: 'merged',
      count: 'nameColumn',
      grades: 'conclusion',
      slip: { at: '轮台县教育局', figure: 'amount' },
    });
    const file = path.join(folder, '2023年度项目绩效目标三方联合会审意见表（财政局）.xlsx');
    fs.writeFileSync(file, bytes);
    await targets.open();
    const preview = await targets.importReviewSheet(file);
    expect(await preview.getByLabel('导入摘要').innerText()).toMatch(/错误 1/);
    expect(await preview.innerText()).toContain(
      '请填写会审方（预算单位（主管部门）、财政局（业务股室、绩效股）、第三方机构），或在导入时选择会审方。',
    );

    await pickOption(
      session.page,
      preview.getByRole('combobox', { name: '会审方（表中没有写明时按此录入）' }),
      '财政局（业务股室、绩效股）',
    );
    await preview.getByLabel('导入摘要').getByText('错误 0').waitFor();
    expect(await preview.getByLabel('导入摘要').innerText()).toMatch(/录入意见 4[\s\S]*无变化 0[\s\S]*错误 0[\s\S]*提示 1/);
    expect(await targets.planRows(preview, '各会审意见表的导入结果')).toEqual(
      ROWS.map((r, i) => {
        const grade = { 通过: '优', 修改后通过: '良', 退回修改: '中', 不通过: '差' }[r.conclusion]!;
        return [
          `会审意见 第 ${at.projectRows[i]} 行`,
          r.name,
          '第 1 轮',
          '财政局（业务股室、绩效股）',
          '—',
          r.conclusion,
          grade,
          grade,
          grade,
          grade,
          r.opinion,
          '录入意见',
        ];
      }),
    );
    expect(await preview.innerText()).toContain('金额单位取自表格上方的说明：万元。');
    const warnings = preview.getByRole('region', { name: '工作表“会审意见”的提示', exact: true });
    expect(await warnings.innerText()).toContain('小计行的预算金额 70.45 万元与其上各项目之和 70.35 万元不一致');
    await session.screenshot('63-会审意见汇总表导入预览', { fullPage: false });

    await targets.confirmImport(preview);
    expect(await targets.notification('会审意见已导入')).toContain('录入 4 份会审意见');
    expect(listRounds(session.ctx, { targetId: training })[0]!.opinions).toEqual([
      expect.objectContaining({ party: 'finance', completeness: '优', feasibility: '优', opinion: '目标明确，指标合理。' }),
    ]);
  });
});
