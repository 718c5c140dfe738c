/**
 * 自动备份: a copy of the ledger kept in its backups folder before each step that rewrites much of it at
 * once — an import, a restore (and, named alike by db/open.ts, an upgrade) — so a wrong file or a wrong
 * restore can be undone from 设置 → 备份与恢复. After each new copy the folder is thinned by the
 * retention rule (rules/snapshotRetention.ts).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { readSnapshotName, snapshotPath } from '../../db/snapshotNames';
import type { SnapshotReason } from '../../db/vocabulary';
import { SNAPSHOT_REASON_LABELS, snapshotsToPrune } from '../rules/snapshotRetention';
import { backupFolderOf, backupLedger, listBackups, noteFileOf } from './backup';
import type { ServiceContext } from './context';

export type AutomaticReason = Exclude<SnapshotReason, 'manual'>;

/**
 * A copy of the open ledger as it is now, noted with what is about to happen (`detail`, e.g. "导入
 * 项目.xlsx"). A copy that cannot be made stops the step: the clerk relies on it to undo the step.
 */
export function snapshotBefore(ctx: ServiceContext, reason: AutomaticReason, detail: string): string {
  const at = ctx.now();
  const file = snapshotPath(backupFolderOf(ctx.ledger.file), ctx.ledger.file, reason, at);
  try {
    backupLedger(ctx.ledger, file);
  } catch (err) {
    const why = err instanceof LedgerError ? err.message : (err as Error).message;
    throw new LedgerError('snapshot_failed', `自动备份（${SNAPSHOT_REASON_LABELS[reason]}）未完成，因此没有${detail}：${why}`);
  }
  noted(file, ctx.ledger.file, detail, at);
  return file;
}

/**
 * Runs an all-or-nothing step after a snapshot. When the step throws or `wroteNothing` says so, the
 * ledger is as the snapshot has it, so the snapshot is removed: a refused file retried five times does
 * not leave five copies that crowd out useful ones.
 */
export function withSnapshot<R>(
  ctx: ServiceContext,
  reason: AutomaticReason,
  detail: string,
  step: () => R,
  wroteNothing: (result: R) => boolean = () => false,
): R {
  const file = snapshotBefore(ctx, reason, detail);
  let result: R;
  try {
    result = step();
  } catch (err) {
    discardSnapshot(file);
    throw err;
  }
  if (wroteNothing(result)) discardSnapshot(file);
  return result;
}

/** Removes a snapshot and its note, when the step it was taken for changed nothing. */
export function discardSnapshot(file: string): void {
  for (const f of [file, noteFileOf(file)]) fs.rmSync(f, { force: true });
}

/**
 * Keeps a closed ledger file (the one a restore is about to replace) as a 恢复前 copy, noted with the
 * backup that replaces it. A plain copy: the ledger is closed, so the file is whole.
 */
export function keepReplacedLedger(closedLedger: string, ledgerFile: string, restoredFrom: string, at: Date): string {
  const folder = backupFolderOf(ledgerFile);
  fs.mkdirSync(folder, { recursive: true });
  const file = snapshotPath(folder, ledgerFile, 'restore', at);
  fs.copyFileSync(closedLedger, file, fs.constants.COPYFILE_EXCL);
  noted(file, ledgerFile, `恢复 ${path.basename(restoredFrom)}`, at);
  return file;
}

function noted(file: string, ledgerFile: string, detail: string, at: Date): void {
  fs.writeFileSync(noteFileOf(file), JSON.stringify({ detail, takenAt: at.toISOString() }, null, 2), 'utf8');
  pruneSnapshots(ledgerFile, at);
}

/**
 * Applies the retention rule to this ledger's automatic copies (another ledger's copies in the same
 * folder are left alone). A copy that cannot be deleted (open in another program) waits for the next time.
 */
function pruneSnapshots(ledgerFile: string, now: Date): void {
  const base = path.basename(ledgerFile, path.extname(ledgerFile));
  const copies = listBackups(ledgerFile)
    .filter((b) => readSnapshotName(b.name)?.ledgerBase === base)
    .map((b) => ({ name: b.name, reason: b.reason, takenAt: new Date(b.takenAt) }));
  for (const name of snapshotsToPrune(copies, now)) {
    try {
      discardSnapshot(path.join(backupFolderOf(ledgerFile), name));
    } catch {
      // Retried after the next snapshot.
    }
  }
}
