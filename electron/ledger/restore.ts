/**
 * 从备份恢复. The backup is first proven on a copy beside the ledger (opened as a ledger, migrated if
 * older, checked), then swapped in by one atomic rename over the ledger. The ledger it replaces is
 * copied beforehand to "<name>.替换前-<time>" (kept, so a wrong restore can be undone), so at every
 * instant the ledger's path holds a whole ledger, the old one or the new one, never neither: a failed
 * rename (an antivirus lock on Windows) or a kill leaves the old ledger where it was.
 *
 * Temporary files are named ".<ledger>.恢复中-<time>-<pid>.<kind>". Whatever a killed restore left is
 * removed at the next restore or app start, once the ledger itself is found intact (clearInterruptedRestores).
 *
 * Restore replaces a file on disk: the desktop app must close its ledger first. If another program
 * still has the target open (its WAL file survives our checkpoint and close), the restore is refused.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { closeLedger, openLedger, type Ledger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { appendAudit } from './audit';
import { recordAnchor } from './auditAnchor';
import { samePath, timestamp } from './backup';
import { serviceContext } from './context';
import { keepReplacedLedger } from './snapshots';
import { checkLedger, type LedgerCheck } from './integrity';

export interface RestoreOptions {
  /** Recorded in the restored ledger's audit log. */
  actor?: string;
  now?: () => Date;
  /** Moves a file into place: fs.renameSync, unless a test makes it fail as a locked file does. */
  rename?: (from: string, to: string) => void;
}

export interface RestoreResult {
  ledgerFile: string;
  restoredFrom: string;
  /** Where the replaced ledger was kept; null when there was none. */
  safetyCopy: string | null;
  check: LedgerCheck;
}

/** Restores `backupFile` over `ledgerFile` and returns the restored ledger open: the caller holds (and closes) it. */
export function restoreLedger(backupFile: string, ledgerFile: string, options: RestoreOptions = {}): RestoreResult & { ledger: Ledger } {
  const source = path.resolve(backupFile);
  const target = path.resolve(ledgerFile);
  const now = options.now ?? (() => new Date());
  const rename = options.rename ?? fs.renameSync;
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new LedgerError('backup_missing', `备份文件不存在：${source}。`);
  if (samePath(source, target)) throw new LedgerError('restore_same_file', '备份文件就是当前台账文件，无需恢复。');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  clearInterruptedRestores(target);

  const stamp = timestamp(now());
  const temp = (kind: string) => path.join(path.dirname(target), `.${path.basename(target)}.恢复中-${stamp}-${process.pid}.${kind}`);
  // On the target's disk, so the final rename is atomic.
  const candidate = temp('db');
  try {
    fileStep(() => fs.copyFileSync(source, candidate), `恢复未进行：无法把备份复制到 ${path.dirname(target)}`, target);
    const check = proveBackup(source, candidate, target, options.actor, now);
    syncFile(candidate);

    let safetyCopy: string | null = null;
    if (fs.existsSync(target)) {
      settleOrRefuse(target);
      safetyCopy = `${target}.替换前-${stamp}`;
      for (let n = 2; fs.existsSync(safetyCopy); n++) safetyCopy = `${target}.替换前-${stamp}-${n}`;
      const kept = safetyCopy;
      fileStep(() => durableCopy(target, temp('替换前'), kept, rename), '恢复未进行：无法另存被替换的台账', target);
      fileStep(() => keepReplacedLedger(kept, target, source, now()), '恢复未进行：无法在备份文件夹中保存恢复前的台账', target);
    }
    try {
      rename(candidate, target);
    } catch (err) {
      throw new LedgerError(
        'restore_failed',
        `恢复未完成：无法用备份替换台账（${fileProblem(err)}）。${whereThingsAre(target, safetyCopy, source)}`,
      );
    }
    syncFolder(path.dirname(target));

    // The replaced ledger stays as the safety copy; the restore is done only once the new one opens.
    let ledger: Ledger;
    try {
      ledger = openLedger(target, { mustExist: true });
    } catch (err) {
      throw putBack(err, target, safetyCopy, temp('放回'), rename, source);
    }
    return { ledgerFile: target, restoredFrom: source, safetyCopy, check, ledger };
  } finally {
    for (const kind of ['db', '替换前', '放回']) removeWithSidecars(temp(kind));
  }
}

/** Opens the copy as a ledger (migrating an older one), checks it and records the restore in it. */
function proveBackup(source: string, candidate: string, target: string, actor: string | undefined, now: () => Date): LedgerCheck {
  let opened: Ledger;
  try {
    opened = openLedger(candidate, { mustExist: true });
  } catch (err) {
    const reason = err instanceof LedgerError ? err.message : '文件已损坏或不是台账文件';
    throw new LedgerError('backup_invalid', `${source} 不能作为台账恢复：${reason}`);
  }
  try {
    const check = checkLedger(serviceContext(opened, actor ?? '恢复', now), { anchorOf: source, recordAnchor: false });
    if (!check.ok) throw new LedgerError('backup_invalid', `${source} 未通过检查，未恢复：${check.problems.join(' ')}`);
    if (actor) {
      appendAudit(serviceContext(opened, actor, now), {
        action: 'ledger.restore',
        entity: 'ledger',
        after: { from: path.basename(source), replaced: fs.existsSync(target) },
      });
    }
    opened.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    recordAnchor(opened, { file: target, replace: true, pending: true });
    return check;
  } finally {
    closeLedger(opened);
  }
}

/**
 * The restored file is in place but does not open: the replaced ledger goes back (copied, so the
 * safety copy stays), and the error says where everything is.
 */
function putBack(
  err: unknown,
  target: string,
  safetyCopy: string | null,
  temp: string,
  rename: NonNullable<RestoreOptions['rename']>,
  source: string,
): LedgerError {
  const reason = err instanceof LedgerError ? err.message : '文件已损坏或不是台账文件';
  if (!safetyCopy) return new LedgerError('restore_failed', `恢复后的台账 ${target} 无法打开：${reason}`);
  try {
    durableCopy(safetyCopy, temp, target, rename);
    return new LedgerError(
      'restore_failed',
      `恢复后的台账无法打开（${reason}），已放回原台账：${target}（另存的副本仍在 ${safetyCopy}）。备份文件未改动：${source}。`,
    );
  } catch (again) {
    return new LedgerError(
      'restore_failed',
      `恢复后的台账无法打开（${reason}），放回原台账时也失败（${fileProblem(again)}）。原台账完好地保存在 ${safetyCopy}：请关闭绩效台账，把它改名为 ${path.basename(target)}（替换 ${target}）后再打开。`,
    );
  }
}

/** The sentence after a failed swap: what is where, checked on disk rather than assumed. */
function whereThingsAre(target: string, safetyCopy: string | null, source: string): string {
  const kept = safetyCopy ? `；另存的副本：${safetyCopy}` : '';
  const ledger = fs.existsSync(target)
    ? `原台账仍在原处，没有改动：${target}${kept}`
    : safetyCopy
      ? `原台账保存在 ${safetyCopy}，请把它改名为 ${path.basename(target)} 放回 ${path.dirname(target)}`
      : `原位置没有台账`;
  return `${ledger}。备份文件未改动：${source}。请关闭可能占用台账的程序（杀毒软件、同步盘、其他绩效台账窗口），稍后重试。`;
}

/**
 * Removes the temporary files killed restores of `ledgerFile` left beside it — but only when the
 * ledger itself is there and passes SQLite's quick check: a leftover is never the only good copy.
 * Files of a restore still running in another process are left alone.
 */
export function clearInterruptedRestores(ledgerFile: string): string[] {
  const target = path.resolve(ledgerFile);
  const folder = path.dirname(target);
  if (!fs.existsSync(folder)) return [];
  const pattern = new RegExp(`^\\.${escapeRegExp(path.basename(target))}\\.恢复中-\\d{8}-\\d{6}-(\\d+)\\.[^.]+$`);
  const leftovers = fs.readdirSync(folder).filter((name) => {
    const match = pattern.exec(name.replace(/-(wal|shm|journal)$/, ''));
    return match !== null && !isRunning(Number(match[1]));
  });
  if (leftovers.length === 0 || !isIntact(target)) return [];
  for (const name of leftovers) fs.rmSync(path.join(folder, name), { force: true });
  return leftovers;
}

function isIntact(file: string): boolean {
  if (!fs.existsSync(file) || fs.statSync(file).size === 0) return false;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return db.pragma('quick_check', { simple: true }) === 'ok';
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it runs, under another account.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
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
    // Not a SQLite file (or unreadable): it is still kept as the safety copy.
  }
  if (fs.existsSync(`${file}-wal`)) {
    throw new LedgerError('ledger_in_use', `台账 ${file} 正在被其他程序使用（例如绩效台账窗口未关闭）。请先关闭绩效台账，再恢复备份。`);
  }
  fs.rmSync(`${file}-shm`, { force: true });
}

/** Copies under a temporary name, flushed to disk, then renamed: a half copy never carries the final name. */
function durableCopy(from: string, temp: string, to: string, rename: (from: string, to: string) => void): void {
  fs.copyFileSync(from, temp);
  syncFile(temp);
  rename(temp, to);
  syncFolder(path.dirname(to));
}

function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function syncFolder(folder: string): void {
  try {
    const fd = fs.openSync(folder, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for syncing; NTFS journals the rename itself.
  }
}

function fileStep(step: () => void, what: string, target: string): void {
  try {
    step();
  } catch (err) {
    if (err instanceof LedgerError) throw err;
    throw new LedgerError('restore_failed', `${what}（${fileProblem(err)}）。台账没有改动：${target}。`);
  }
}

/** What a failed file operation means, in words a clerk can act on. */
function fileProblem(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'EBUSY':
      return '文件正被其他程序占用，例如杀毒软件正在扫描它';
    case 'EPERM':
    case 'EACCES':
      return '文件被其他程序锁定，或没有修改该文件夹的权限';
    case 'ENOSPC':
      return '磁盘空间不足';
    case 'EROFS':
      return '该磁盘只读';
    default:
      return `系统拒绝了该操作${code ? `，错误代码 ${code}` : ''}`;
  }
}

function removeWithSidecars(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
