/**
 * Kill -9 at random moments of a restore: a child process restores two backups over a ledger in turn
 * and is killed after a random delay. Each time, the next start must find a whole ledger at the path —
 * the original or one of the backups, never none and never a mix — that passes the check, and no
 * temporary file left behind. Bounded for `npm test`: 20 trials, five at a time.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { openAppLedger } from '../../electron/ledger/appLedger';
import { backupLedger } from '../../electron/ledger/backup';
import { serviceContext } from '../../electron/ledger/context';
import { checkLedger } from '../../electron/ledger/integrity';
import { createUnit, listUnits } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { tempFolder } from './tempLedger';

const TRIALS = 20;
const AT_ONCE = 5;
/** Longer than a few restores of this small ledger, so the kill lands anywhere in one of them. */
const KILL_WITHIN_MS = 1500;

/** The original ledger (甲乙丙) and two backups of it taken along the way (甲; 甲乙). */
function setUp(folder: string) {
  const file = path.join(folder, '台账.db');
  const ledger = openLedger(file);
  const ctx = serviceContext(ledger, '测试员');
  createYear(ctx, { year: 2023 });
  const backups: string[] = [];
  for (const name of ['甲', '乙', '丙']) {
    createUnit(ctx, { name, code: null, parentId: null, classified: false });
    if (name !== '丙') backups.push(backupLedger(ledger, path.join(folder, 'backups', `${name}.db`)).file);
  }
  closeLedger(ledger);
  return { file, backups };
}

/** Starts the restoring child, kills it at a random moment once it runs, and resolves when it is gone. */
function restoreAndKill(file: string, backups: string[]): Promise<void> {
  // tsx as a loader, not its CLI: the CLI runs the script in a grandchild, which a kill of the CLI would miss.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join('test', 'ledger', 'restoreKillChild.ts'), ...backups, file], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => setTimeout(() => child.kill('SIGKILL'), Math.random() * KILL_WITHIN_MS));
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`恢复子进程提前结束（${signal ?? _code}）：${stderr}`)),
    );
  });
}

/** What the next start finds. */
function afterKill(folder: string, file: string) {
  const leftBehind = fs.readdirSync(folder).filter((f) => f.includes('恢复中')).length;
  expect(fs.existsSync(file) && fs.statSync(file).size > 0).toBe(true);
  const ledger = openAppLedger(file, path.join(folder, 'userData'));
  try {
    const ctx = serviceContext(ledger, '测试员');
    expect(checkLedger(ctx).problems).toEqual([]);
    expect([['甲'], ['甲', '乙'], ['甲', '乙', '丙']]).toContainEqual(listUnits(ctx, { year: 2023 }).map((u) => u.name));
  } finally {
    closeLedger(ledger);
  }
  expect(fs.readdirSync(folder).filter((f) => f.includes('恢复中'))).toEqual([]);
  // Every copy kept of a replaced ledger is whole too.
  for (const copy of fs.readdirSync(folder).filter((f) => f.includes('替换前'))) {
    const db = new Database(path.join(folder, copy), { readonly: true });
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
    db.close();
  }
  return leftBehind;
}

describe('kill -9 during restore', () => {
  it(`leaves a whole ledger and, after the next start, no temporary file (${TRIALS} trials)`, { timeout: 120_000 }, async () => {
    let interrupted = 0;
    for (let done = 0; done < TRIALS; done += AT_ONCE) {
      const trials = Array.from({ length: AT_ONCE }, () => {
        const folder = tempFolder();
        return { folder, ...setUp(folder) };
      });
      await Promise.all(trials.map((t) => restoreAndKill(t.file, t.backups)));
      for (const t of trials) if (afterKill(t.folder, t.file) > 0) interrupted++;
    }
    // The kills did land inside restores, where temporary files exist.
    expect(interrupted).toBeGreaterThan(0);
  });
});
