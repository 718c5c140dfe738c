/**
 * 备份. A backup is a consistent snapshot taken with VACUUM INTO while the ledger stays open (no
 * half-written pages, WAL included, free pages dropped). Restoring one is restore.ts's.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Ledger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { recordAnchor } from './auditAnchor';
import { readSnapshotName, snapshotPath } from '../../db/snapshotNames';
import type { SnapshotReason } from '../../db/vocabulary';

export { timestamp } from '../../db/snapshotNames';

export interface BackupResult {
  file: string;
  sizeBytes: number;
}

export function backupLedger(ledger: Ledger, destFile: string): BackupResult {
  const target = path.resolve(destFile);
  if (samePath(target, ledger.file))
    throw new LedgerError('backup_target_is_ledger', '备份文件不能与台账文件相同。请选择另一个文件名或文件夹。');
  if (fs.existsSync(target)) throw new LedgerError('backup_exists', `${target} 已存在，为避免覆盖，备份未进行。请换一个文件名。`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  // Written under a temporary name and renamed, so an interrupted backup never looks like a good one.
  const partial = `${target}.part-${process.pid}`;
  fs.rmSync(partial, { force: true });
  try {
    ledger.sqlite.prepare('VACUUM INTO ?').run(partial);
    if (fs.existsSync(target)) throw new LedgerError('backup_exists', `${target} 已存在，为避免覆盖，备份未进行。请换一个文件名。`);
    fs.renameSync(partial, target);
    recordAnchor(ledger, { file: target, replace: true });
  } catch (err) {
    fs.rmSync(partial, { force: true });
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('backup_failed', `备份失败：${(err as Error).message}。请确认目标文件夹可写、磁盘空间足够。`);
  }
  return { file: target, sizeBytes: fs.statSync(target).size };
}

/** The folder beside the ledger that holds its backups: those made in 设置 and those made before an upgrade (db/open.ts). */
export function backupFolderOf(ledgerFile: string): string {
  return path.join(path.dirname(path.resolve(ledgerFile)), 'backups');
}

export interface BackupFile {
  name: string;
  sizeBytes: number;
  /** When the copy was made, ISO: from its name, or its file time for a name the app did not make. */
  takenAt: string;
  /** Why: a name the app did not make (a backup copied in by hand) counts as manual. */
  reason: SnapshotReason;
  /** What the step was, e.g. the file imported; null when none was recorded. */
  detail: string | null;
}

/** The backups in the ledger's backup folder, newest first. */
export function listBackups(ledgerFile: string): BackupFile[] {
  const folder = backupFolderOf(ledgerFile);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.db'))
    .map((e) => {
      const file = path.join(folder, e.name);
      const stat = fs.statSync(file);
      const named = readSnapshotName(e.name);
      const takenAt = named?.takenAt ?? stat.mtime;
      return {
        name: e.name,
        sizeBytes: stat.size,
        takenAt: takenAt.toISOString(),
        reason: named?.reason ?? 'manual',
        detail: readNote(file),
      };
    })
    .sort((a, b) => b.takenAt.localeCompare(a.takenAt) || b.name.localeCompare(a.name));
}

/** The note beside a copy ("<copy>.json"), which says what step it was taken before. */
export function noteFileOf(copy: string): string {
  return copy.replace(/\.db$/i, '.json');
}

function readNote(copy: string): string | null {
  try {
    const note = JSON.parse(fs.readFileSync(noteFileOf(copy), 'utf8')) as { detail?: unknown };
    return typeof note.detail === 'string' ? note.detail : null;
  } catch {
    // No note (a manual backup, an upgrade copy, or one copied in by hand): nothing to say.
    return null;
  }
}

/** A backup taken now into the ledger's backup folder, named by the ledger and the time. */
export function backupToFolder(ledger: Ledger, now: Date): BackupResult {
  return backupLedger(ledger, snapshotPath(backupFolderOf(ledger.file), ledger.file, 'manual', now));
}

/** A file of the backup folder by the name the list gave; refuses anything that is not one of them. */
export function backupNamed(ledgerFile: string, name: string): string {
  if (name !== path.basename(name) || !listBackups(ledgerFile).some((b) => b.name === name))
    throw new LedgerError('backup_missing', `备份文件夹中没有“${name}”。请刷新备份列表后重新选择。`);
  return path.join(backupFolderOf(ledgerFile), name);
}

export function samePath(a: string, b: string): boolean {
  const norm = (p: string) =>
    process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(p).toLowerCase() : path.resolve(p);
  return norm(a) === norm(b);
}
