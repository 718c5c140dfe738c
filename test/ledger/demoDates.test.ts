/**
 * The demo year reads as 2023 whenever it is built: its records carry days of 2023 (and the autumn
 * before, the spring after), not the day the demo was made, and a notice still owed in 2023 is judged
 * overdue as the year ended, not by today's clock years later.
 */
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { serviceContext } from '../../electron/ledger/context';
import { exportNoticeList } from '../../electron/rectification/rectificationDocuments';
import { listNotices } from '../../electron/rectification/noticeList';
import { listKeyEvaluations } from '../../electron/keyEvaluations/keyEvaluations';
import { demoLedgerFile } from '../fixtures/demoLedger';
import { track } from './tempLedger';
import * as XLSX from 'xlsx';

/** Read years after the demo year, the way a clerk opening the demo today does. */
const TODAY = new Date('2026-12-03T02:00:00Z');

describe('the demo year’s dates', () => {
  const ctx = serviceContext(track(openLedger(demoLedgerFile())), '测试员', () => TODAY);

  it('records every step inside the year, the autumn before or the spring after — never on the day it was built', () => {
    const { first, last } = ctx.ledger.sqlite.prepare('select min(at) as first, max(at) as last from audit_log').get() as {
      first: string;
      last: string;
    };
    expect(first >= '2022-09-01').toBe(true);
    expect(last < '2024-07-01').toBe(true);
    const finalised = listKeyEvaluations(ctx, { year: 2023 }).map((e) => e.finalizedAt?.slice(0, 4));
    expect(finalised).toHaveLength(10);
    expect(new Set(finalised)).toEqual(new Set(['2023']));
  });

  it('records each record’s steps in date order: a target’s 五个同步 dates with its own steps, not weeks after', () => {
    const late = ctx.ledger.sqlite
      .prepare(
        `select count(*) as n from (select at, lag(at) over (partition by entity, entity_id order by id) as previous from audit_log) where at < previous`,
      )
      .get() as { n: number };
    expect(late.n).toBe(0);
    // Each target's budget-side 公开 comes right after its 公开, on the same day.
    const published = ctx.ledger.sqlite
      .prepare(
        `select a.at, (select b.at from audit_log b where b.entity = a.entity and b.entity_id = a.entity_id and b.id > a.id order by b.id limit 1) as next_at,
                (select b.after from audit_log b where b.entity = a.entity and b.entity_id = a.entity_id and b.id > a.id order by b.id limit 1) as next_after
           from audit_log a where a.action = 'target.publish'`,
      )
      .all() as { at: string; next_at: string; next_after: string }[];
    expect(published.length).toBeGreaterThan(300);
    for (const p of published) {
      expect(p.next_at).toBe(p.at);
      expect(JSON.parse(p.next_after)).toMatchObject({ track: 'budget', step: 'publish' });
    }
  });

  it('judges the 2023 notices still owed at the year’s end, on screen and in the exported list', async () => {
    const notices = listNotices(ctx, { year: 2023 });
    const owed = notices.filter((n) => n.overdue);
    expect(owed.length).toBeGreaterThan(0);
    expect(new Set(notices.map((n) => n.overdueAsOf))).toEqual(new Set(['2023-12-31']));
    // Issued in June with 15 days to answer: about half a year late by the year's end, not 1,200 days.
    for (const n of owed) expect(n.daysOverdue).toBeLessThan(200);

    const list = await exportNoticeList(ctx, { year: 2023 });
    const sheet = XLSX.read(list.bytes).Sheets['整改通知']!;
    const cells = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1 }).flat().map(String);
    expect(cells.some((c) => c.includes('统计日期：2023年12月31日'))).toBe(true);
    const lateness = cells.filter((c) => /^逾期 \d+ 天$/.test(c)).map((c) => Number(/\d+/.exec(c)![0]));
    expect(lateness.length).toBe(owed.length);
    expect(Math.max(...lateness)).toBeLessThan(200);
  });
});
