import { describe, expect, it } from 'vitest';
import type { SnapshotReason } from '../../db/vocabulary';
import { snapshotsToPrune, type RetainedCopy } from '../../electron/rules/snapshotRetention';

/** A copy named by its local time, e.g. "2024-03-15 09:00 import". */
function copy(at: string, reason: SnapshotReason = 'import'): RetainedCopy {
  const [date, time] = at.split(' ');
  const [y, m, d] = date!.split('-').map(Number);
  const [h, min] = time!.split(':').map(Number);
  return { name: `${at} ${reason}`, reason, takenAt: new Date(y!, m! - 1, d!, h!, min!) };
}

const now = new Date(2024, 2, 15, 18, 0); // 2024-03-15 18:00, local

describe('which automatic copies are deleted', () => {
  it.each<[string, RetainedCopy[], string[]]>([
    ['all of today stays', [copy('2024-03-15 09:00'), copy('2024-03-15 10:00'), copy('2024-03-15 00:01', 'restore')], []],
    [
      'of yesterday only the newest stays',
      [copy('2024-03-15 09:00'), copy('2024-03-14 23:59'), copy('2024-03-14 08:00'), copy('2024-03-14 12:00', 'upgrade')],
      ['2024-03-14 12:00 upgrade', '2024-03-14 08:00 import'],
    ],
    [
      'the newest of each of the last 30 days stays; day 31 belongs to its month',
      [copy('2024-02-14 10:00'), copy('2024-02-14 09:00'), copy('2024-02-13 10:00'), copy('2024-02-12 10:00')],
      ['2024-02-14 09:00 import', '2024-02-12 10:00 import'],
    ],
    [
      'before that the newest of each month stays',
      [copy('2024-01-20 10:00'), copy('2024-01-03 10:00'), copy('2023-12-31 23:00'), copy('2023-12-01 08:00'), copy('2023-06-01 08:00')],
      ['2024-01-03 10:00 import', '2023-12-01 08:00 import'],
    ],
    [
      'manual backups are never deleted, however old or many',
      [
        copy('2024-03-15 09:00'),
        copy('2024-03-10 09:00', 'manual'),
        copy('2024-03-10 10:00', 'manual'),
        copy('2020-01-01 10:00', 'manual'),
      ],
      [],
    ],
    ['a manual backup does not count as the newest copy of its day', [copy('2024-03-10 09:00'), copy('2024-03-10 10:00', 'manual')], []],
    [
      'the newest automatic copy stays even when it is old and shares a month',
      [copy('2023-05-02 10:00'), copy('2023-05-01 10:00')],
      ['2023-05-01 10:00 import'],
    ],
    [
      'a copy dated after today (a clock set wrong) is kept',
      [copy('2024-03-16 09:00'), copy('2024-03-17 09:00'), copy('2024-03-15 09:00')],
      [],
    ],
  ])('%s', (_, copies, pruned) => {
    expect(snapshotsToPrune(copies, now)).toEqual(pruned);
  });

  it('counts calendar days, not 24-hour spans, across the change to daylight-saving time', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York'; // clocks went forward on 2024-03-10
    try {
      const at = (d: number, h: number) => new Date(2024, 2, d, h, 0);
      // Two copies on each of the 30 days before today: the evening one of each day stays.
      const copies = Array.from({ length: 30 }, (_, i) => [
        { name: `${14 - i}日早`, reason: 'import' as const, takenAt: at(14 - i, 0) },
        { name: `${14 - i}日晚`, reason: 'import' as const, takenAt: at(14 - i, 23) },
      ]).flat();
      const pruned = snapshotsToPrune(copies, at(15, 0));
      expect(pruned).toHaveLength(30);
      expect(pruned.every((name) => name.endsWith('早'))).toBe(true);
    } finally {
      process.env.TZ = tz;
    }
  });
});
