/**
 * Units' 自评表 by Excel (issue #13): the bureau exports a unit's template, the unit fills it with slips in
 * its 执行率 score and 总分, the import preview lists exactly those slips at their cells, the bureau
 * returns the form with them, and the unit's corrected workbook replaces it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { ServiceContext } from '../../electron/ledger/context';
import { getSelfEvaluation } from '../../electron/selfEvaluations/selfEvaluations';
import { createYear } from '../../electron/settings/yearSetup';
import { fillExportedForm, fillFormLedger } from '../ledger/selfEvaluationFormLedger';
import { FORM } from '../fixtures/selfEvaluationForms';
import { describeInChromium } from './support/chromium';
import { SCREENSHOT_DIR, startSession, type Session } from './support/session';
import { SelfEvaluationExchangePage, SelfEvaluationsPage } from './pages/SelfEvaluationsPage';

let evaluationId = 0;
function fill(ctx: ServiceContext): void {
  createYear(ctx, { year: 2022 });
  evaluationId = fillFormLedger(ctx).evaluation.id;
}

describeInChromium('单位自评表的导出、导入、审核与退回', () => {
  let session: Session;
  let page: SelfEvaluationsPage;
  let exchange: SelfEvaluationExchangePage;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-self-evaluation-exchange-'));

  beforeAll(async () => {
    session = await startSession(fill);
    page = new SelfEvaluationsPage(session.page);
    exchange = new SelfEvaluationExchangePage(session.page);
    await page.shell.chooseYear(2022);
    await page.open();
  });

  afterEach(() => expect(session.takeProblems()).toEqual([]));

  afterAll(async () => {
    await session?.close();
    fs.rmSync(folder, { recursive: true, force: true });
    console.log(`截图已保存到 ${SCREENSHOT_DIR}`);
  });

  const shot = (name: string) => session.screenshot(name, { fullPage: false });

  it('exports the unit’s template, imports it filled, lists the slips, returns it and takes the correction', async () => {
    const template = await exchange.exportTemplate(FORM.implementingUnit, folder);
    expect(path.basename(template)).toBe(`2022年度项目支出绩效自评表（${FORM.implementingUnit}）.xlsx`);

    const slipped = path.join(folder, '自评表（有误）.xlsx');
    fs.writeFileSync(slipped, await fillExportedForm(fs.readFileSync(template), { executionScore: 9, total: 96 }));
    const dialog = await exchange.importFile(slipped);
    expect(await dialog.getByLabel('导入摘要').innerText()).toMatch(/自评表 1[\s\S]*审核发现问题 2[\s\S]*错误 0/);
    expect(await exchange.findings(dialog, 'P2022-01')).toEqual([
      ['H6', '9', '9.50'],
      ['H22', '96', '95.10'],
    ]);
    await shot('91-自评表导入预览（审核发现的问题）');
    await exchange.commit(dialog);

    // The findings, ready to go back as the 退回意见.
    const back = session.page.getByRole('dialog', { name: '导入的自评表有问题：退回单位' });
    await back.waitFor();
    await shot('92-自评表导入后按审核意见退回');
    await back.getByRole('button', { name: `按审核意见退回“${FORM.projectName}”` }).click();
    await back.getByText(`“${FORM.projectName}”已退回单位`).waitFor();
    await back.getByRole('button', { name: '关闭' }).click();
    const returned = getSelfEvaluation(session.ctx, { id: evaluationId });
    expect(returned.status).toBe('returned');
    expect(returned.findings).toMatch(/审核发现 2 处问题[\s\S]*第 6 行 H 列/);

    const corrected = path.join(folder, '自评表（改正后）.xlsx');
    fs.writeFileSync(corrected, await fillExportedForm(fs.readFileSync(template)));
    const again = await exchange.importFile(corrected);
    expect(await again.getByLabel('导入摘要').innerText()).toMatch(/审核发现问题 0/);
    expect(await again.getByText('已退回 → 已报送').isVisible()).toBe(true);
    await shot('93-改正后的自评表导入预览');
    await exchange.commit(again);
    expect(getSelfEvaluation(session.ctx, { id: evaluationId })).toMatchObject({ status: 'submitted', total: 95.1, grade: '优' });
    expect((await page.listRows())[0]).toEqual(expect.arrayContaining(['95.10', '优', '已报送']));
  });
});
