/**
 * 备份与恢复. A backup is a consistent snapshot taken with VACUUM INTO while the ledger stays open (no
 * half-written pages, WAL included, free pages dropped). A restore first proves the backup is a sound
 * ledger (opened as a ledger on a copy, migrated if it is older, checked), then puts it in place and
 * keeps the file it replaces next to it as "<name>.替换前-<time>", so a wrong restore can be undone.
 *
 * Restore replaces a file on disk: the desktop app must close its ledger first. If another program
 * still has the target open (its WAL file survives our checkpoint and close), the restore is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeLedger, openLedger, type Ledger } from '../../db/open';
import { appendAudit } from './audit';
import { serviceContext } from './context';
import { checkLedger, type LedgerCheck } from './integrity';
import { LedgerError } from '../../db/ledgerError';

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
  /** When the file was last written, ISO. */
  modifiedAt: string;
}

/** The backups in the ledger's backup folder, newest first. */
export function listBackups(ledgerFile: string, limit = 30): BackupFile[] {
  const folder = backupFolderOf(ledgerFile);
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.toLowerCase().endsWith('.db'))
    .map((e) => {
      const stat = fs.statSync(path.join(folder, e.name));
      return { name: e.name, sizeBytes: stat.size, modifiedAt: stat.mtime.toISOString() };
    })
    .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name))
    .slice(0, limit);
}

/** A backup taken now into the ledger's backup folder, named by the ledger and the time. */
export function backupToFolder(ledger: Ledger, now: Date): BackupResult {
  const base = path.basename(ledger.file, path.extname(ledger.file));
  return backupLedger(ledger, path.join(backupFolderOf(ledger.file), `${base}-备份-${timestamp(now)}.db`));
}

/** A file of the backup folder by the name the list gave; refuses anything that is not one of them. */
export function backupNamed(ledgerFile: string, name: string): string {
  if (name !== path.basename(name) || !listBackups(ledgerFile, Infinity).some((b) => b.name === name))
    throw new LedgerError('backup_missing', `备份文件夹中没有“${name}”。请刷新备份列表后重新选择。`);
  return path.join(backupFolderOf(ledgerFile), name);
}

export interface RestoreOptions {
  /** Recorded in the restored ledger's audit log. */
  actor?: string;
  now?: () => Date;
}

export interface RestoreResult {
  ledgerFile: string;
  restoredFrom: string;
  /** Where the replaced ledger was kept; null when there was none. */
  safetyCopy: string | null;
  check: LedgerCheck;
}

export function restoreLedger(backupFile: string, ledgerFile: string, options: RestoreOptions = {}): RestoreResult {
  const source = path.resolve(backupFile);
  const target = path.resolve(ledgerFile);
  const now = options.now ?? (() => new Date());
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new LedgerError('backup_missing', `备份文件不存在：${source}。`);
  if (samePath(source, target)) throw new LedgerError('restore_same_file', '备份文件就是当前台账文件，无需恢复。');
  fs.mkdirSync(path.dirname(target), { recursive: true });

  // Prove the backup on a copy next to the target (same disk, so the final rename is atomic).
  const stamp = timestamp(now());
  const candidate = path.join(path.dirname(target), `.恢复中-${stamp}-${process.pid}.db`);
  fs.copyFileSync(source, candidate);
  let check: LedgerCheck;
  try {
    let opened: Ledger;
    try {
      opened = openLedger(candidate, { mustExist: true });
    } catch (err) {
      const reason = err instanceof LedgerError ? err.message : (err as Error).message;
      throw new LedgerError('backup_invalid', `${source} 不能作为台账恢复：${reason}`);
    }
    try {
      check = checkLedger(serviceContext(opened, options.actor ?? '恢复', now));
      if (!check.ok) throw new LedgerError('backup_invalid', `${source} 未通过检查，未恢复：${check.problems.join(' ')}`);
      if (options.actor) {
        appendAudit(serviceContext(opened, options.actor, now), {
          action: 'ledger.restore',
          entity: 'ledger',
          after: { from: path.basename(source), replaced: fs.existsSync(target) },
        });
      }
      opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      closeLedger(opened);
    }
    removeSidecars(candidate);

    let safetyCopy: string | null = null;
    if (fs.existsSync(target)) {
      settleOrRefuse(target);
      safetyCopy = `${target}.替换前-${stamp}`;
      for (let n = 2; fs.existsSync(safetyCopy); n++) safetyCopy = `${target}.替换前-${stamp}-${n}`;
      fs.renameSync(target, safetyCopy);
    }
    fs.renameSync(candidate, target);
    return { ledgerFile: target, restoredFrom: source, safetyCopy, check };
  } catch (err) {
    fs.rmSync(candidate, { force: true });
    removeSidecars(candidate);
    throw err;
  }
}

/**
 * Folds the target's WAL into it and closes it. SQLite deletes the WAL when the last connection closes,
 * so a WAL that survives means another program (the desktop app) still has the ledger open.
 */
function settleOrRefuse(file: string): void {
  try {
    const db = new Database(file, { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 2000');
      db.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      db.close();
    }
  } catch {
    // Not a SQLite file (or unreadable): it is still kept as the safety copy below.
  }
  if (fs.existsSync(`${file}-wal`)) {
    throw new LedgerError('ledger_in_use', `台账 ${file} 正在被其他程序使用（例如绩效台账窗口未关闭）。请先关闭绩效台账，再恢复备份。`);
  }
  fs.rmSync(`${file}-shm`, { force: true });
}

function removeSidecars(file: string): void {
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) =>
    process.platform === 'win32' || process.platform === 'darwin' ? path.resolve(p).toLowerCase() : path.resolve(p);
  return norm(a) === norm(b);
}

/** 20240102-153000: sortable, and legal in Windows file names. */
function timestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
}
