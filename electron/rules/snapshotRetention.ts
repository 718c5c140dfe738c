/**
 * Which automatic copies of the ledger to keep (设置 → 备份与恢复). Every import, restore and upgrade
 * leaves one, so without thinning the folder grows by a ledger's size each time; with it, it holds about
 * today's steps, a month of days and one copy per month before that.
 */
import type { SnapshotReason } from '../../db/vocabulary';

/** The zh-CN word for each reason, as the list in 设置 shows it. */
export const SNAPSHOT_REASON_LABELS: Record<SnapshotReason, string> = {
  manual: '手动备份',
  import: '导入前',
  restore: '恢复前',
  upgrade: '升级前',
};

/** Days back (before today) in which the newest copy of each day is kept; older ones keep the newest of each month. */
export const DAILY_SNAPSHOT_DAYS = 30;

export interface RetainedCopy {
  name: string;
  reason: SnapshotReason;
  takenAt: Date;
}

/**
 * The names to delete, counted in local calendar days from `now`: all of today stays; of the last 30
 * days the newest of each day; before that the newest of each month. Manual backups are never deleted,
 * nor the newest automatic copy, nor one dated after today (a clock set wrong must not cost a copy).
 */
export function snapshotsToPrune(copies: readonly RetainedCopy[], now: Date): string[] {
  const automatic = copies.filter((c) => c.reason !== 'manual').sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  const seen = new Set<string>();
  return automatic
    .filter((copy) => {
      const age = daysBetween(copy.takenAt, now);
      if (age <= 0) return false;
      const group = age <= DAILY_SNAPSHOT_DAYS ? `day ${localDay(copy.takenAt)}` : `month ${localMonth(copy.takenAt)}`;
      // Newest first, so the first of each group is the one kept (and the newest of all is always a first).
      if (seen.has(group)) return true;
      seen.add(group);
      return false;
    })
    .map((c) => c.name);
}

/** Whole local calendar days from `from` to `to` (daylight-saving shifts do not count). */
function daysBetween(from: Date, to: Date): number {
  const day = (d: Date) => Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / 86_400_000;
  return day(to) - day(from);
}

function localDay(d: Date): string {
  return `${localMonth(d)}-${d.getDate()}`;
}

function localMonth(d: Date): string {
  return `${d.getFullYear()}-${d.getMonth() + 1}`;
}
