/**
 * `import review-sheet --party`: a review party's own summary table that names no 会审方 (no line, no
 * column) can be imported from the command line as the screen lets the clerk choose — refused with the
 * flag to add when it is missing, a usage error for a party that is not one, recorded as that party's
 * opinions when given. The exit codes from a real `tsx scripts/ledger.ts` process; the rest in-process.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { listRounds } from '../../electron/targets/jointReview';
import { createYear } from '../../electron/settings/yearSetup';
import { cliProcess, cliRunner } from '../fixtures/cli';
import { COUNTY_OPINIONS, opinionTableBytes } from '../fixtures/reviewOpinionTables';
import { county, targetInReview } from '../fixtures/targetForms';
import { tempFolder } from '../ledger/tempLedger';

/** The county's four project targets in review on a closed ledger file, and a table of their opinions without a 会审方. */
function ledgerAndTable(): { ledger: string; table: string; targetIds: number[] } {
  const dir = tempFolder();
  const ledger = path.join(dir, '台账.db');
  const opened = openLedger(ledger);
  let targetIds: number[];
  try {
    const ctx = serviceContext(opened, '测试员', () => new Date('2023-03-01T08:00:00Z'));
    createYear(ctx, { year: 2023 });
    const c = county(ctx);
    targetIds = [
      targetInReview(ctx, c.training.id),
      targetInReview(ctx, c.repair.id, '基础设施建设'),
      targetInReview(ctx, c.aid.id),
      targetInReview(ctx, c.secretProject.id),
    ];
  } finally {
    closeLedger(opened);
  }
  const table = path.join(dir, '会审意见汇总表.xlsx');
  const { bytes } = opinionTableBytes(COUNTY_OPINIONS, {
    unitAt: 'line',
    money: '万元',
    department: 'merged',
    count: 'nameColumn',
    grades: 'conclusion',
  });
  fs.writeFileSync(table, bytes);
  return { ledger, table, targetIds };
}

function opinionParties(ledger: string, targetIds: number[]): string[][] {
  const opened = openLedger(ledger, { mustExist: true });
  try {
    const ctx = serviceContext(opened, '测试员');
    return targetIds.map((targetId) => listRounds(ctx, { targetId })[0]!.opinions.map((o) => o.party));
  } finally {
    closeLedger(opened);
  }
}

describe('ledger import review-sheet --party', () => {
  it('refuses a table naming no 会审方 with the flag to add, rejects a party that is not one, records the one given', async () => {
    const { ledger, table, targetIds } = ledgerAndTable();

    const missing = cliProcess('import', 'review-sheet', table, '--ledger', ledger);
    expect(missing.code).toBe(1);
    expect(missing.out).toMatch(/请填写会审方/);
    expect(missing.out).toMatch(/请加 --party 指明这些意见是哪一方的.*例如：--party 财政/);
    expect(opinionParties(ledger, targetIds)).toEqual([[], [], [], []]);

    const wrong = cliProcess('import', 'review-sheet', table, '--ledger', ledger, '--party', '专家');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toMatch(/--party 专家 不是会审方。请写 预算单位（主管部门）、财政局（业务股室、绩效股）、第三方机构 之一/);
    expect(opinionParties(ledger, targetIds)).toEqual([[], [], [], []]);

    const run = cliRunner(new Date('2023-03-02T08:00:00Z'));
    const notHere = await run('import', 'indicators', table, '--ledger', ledger, '--party', '财政');
    expect(notHere.code).toBe(2);
    expect(notHere.err).toMatch(/导入 indicators 不需要 --party/);

    const given = cliProcess('import', 'review-sheet', table, '--ledger', ledger, '--party', '财政');
    expect(given.err).toBe('');
    expect(given.code).toBe(0);
    expect(given.out).toMatch(/已录入意见 4 份/);
    expect(given.out).toMatch(/财政局（业务股室、绩效股）/);
    expect(given.out).not.toMatch(/--party/);
    expect(opinionParties(ledger, targetIds)).toEqual([['finance'], ['finance'], ['finance'], ['finance']]);

    // 主管部门 names the other party: its opinions go beside finance's, not over them.
    const department = await run('import', 'review-sheet', table, '--ledger', ledger, '--party', '主管部门');
    expect(department.code).toBe(0);
    expect(opinionParties(ledger, targetIds).map((p) => [...p].sort())).toEqual(Array(4).fill(['finance', 'unit']));
    // Three tsx processes: seconds each, more on a busy machine.
  }, 180_000);
});
