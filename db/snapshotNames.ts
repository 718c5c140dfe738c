/**
 * How a copy in the ledger's backups folder is named: "<台账>-<why>-<YYYYMMDD-HHMMSS>[-n].db", the time
 * local. Here in db/ because the pre-upgrade copy (open.ts) is named the same way as those the app makes,
 * and db/ imports nothing from electron/. The words are zh-CN because the clerk sees these names in the
 * folder and on a USB stick; the earlier names "-备份-" and "-升级前-" already read that way.
 */
import fs from 'node:fs';
import path from 'node:path';
import { SNAPSHOT_REASONS, type SnapshotReason } from './vocabulary';

const FILE_WORDS: Record<SnapshotReason, string> = { manual: '备份', import: '导入前', restore: '恢复前', upgrade: '升级前' };

/** A free path for a new copy in `folder`: a second copy within the same second gets "-2", and so on. */
export function snapshotPath(folder: string, ledgerFile: string, reason: SnapshotReason, at: Date): string {
  const base = `${path.basename(ledgerFile, path.extname(ledgerFile))}-${FILE_WORDS[reason]}-${timestamp(at)}`;
  let file = path.join(folder, `${base}.db`);
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, `${base}-${n}.db`);
  return file;
}

export interface SnapshotName {
  /** The ledger's name without extension, as it was when the copy was made. */
  ledgerBase: string;
  reason: SnapshotReason;
  /** Null for the older pre-upgrade names, stamped in UTC ISO form: their file time stands in. */
  takenAt: Date | null;
}

const NAME = new RegExp(`^(.+)-(${Object.values(FILE_WORDS).join('|')})-(?:(\\d{8}-\\d{6})(?:-\\d+)?|[0-9TZ-]+)\\.db$`, 'i');

/** What a file name says about a copy; null for a name the app did not make. */
export function readSnapshotName(name: string): SnapshotName | null {
  const match = NAME.exec(name);
  if (!match) return null;
  const reason = SNAPSHOT_REASONS.find((r) => FILE_WORDS[r] === match[2])!;
  return { ledgerBase: match[1]!, reason, takenAt: match[3] ? fromTimestamp(match[3]) : null };
}

/** 20240102-153000, local time: sortable, and legal in Windows file names. */
export function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}

function fromTimestamp(stamp: string): Date {
  const n = (from: number, to: number) => Number(stamp.slice(from, to));
  return new Date(n(0, 4), n(4, 6) - 1, n(6, 8), n(9, 11), n(11, 13), n(13, 15));
}
