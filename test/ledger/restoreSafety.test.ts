/**
 * A restore never loses the ledger: a final rename that fails (as an antivirus lock makes it fail on
 * Windows) or a restored file that does not open leaves the previous ledger in place, readable and
 * sound, and the message says where everything is; leftovers of a killed restore are cleared once the
 * ledger is found intact; and a ledger that went missing is reported at start-up, not replaced.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import { KNOWN_LEDGERS_FILE_NAME, openAppLedger } from '../../electron/ledger/appLedger';
import { backupLedger } from '../../electron/ledger/backup';
import { serviceContext } from '../../electron/ledger/context';
import { checkLedger } from '../../electron/ledger/integrity';
import { clearInterruptedRestores, restoreLedger } from '../../electron/ledger/restore';
import { LedgerSession } from '../../electron/ledger/session';
import { createUnit, listUnits } from '../../electron/projects/units';
import { createYear } from '../../electron/settings/yearSetup';
import { cliRunner } from '../fixtures/cli';
import { tempFolder, track } from './tempLedger';

const unit = (name: string) => ({ name, code: null, parentId: null, classified: false });

/** A ledger with one unit, a backup of it, then a second unit the restore would undo; closed. */
function ledgerWithBackup() {
  const folder = tempFolder();
  const file = path.join(folder, '台账.db');
  const ledger = openLedger(file);
  const ctx = serviceContext(ledger, '测试员');
  createYear(ctx, { year: 2023 });
  createUnit(ctx, unit('轮台县财政局'));
  const backup = backupLedger(ledger, path.join(folder, 'backups', '备份.db')).file;
  createUnit(ctx, unit('备份之后的单位'));
  closeLedger(ledger);
  return { folder, file, backup };
}

function unitNames(file: string): string[] {
  const ledger = openLedger(file, { mustExist: true });
  try {
    const ctx = serviceContext(ledger, '测试员');
    expect(checkLedger(ctx).ok).toBe(true);
    return listUnits(ctx, { year: 2023 }).map((u) => u.name);
  } finally {
    closeLedger(ledger);
  }
}

const tempFiles = (folder: string) => fs.readdirSync(folder).filter((f) => f.includes('恢复中'));

/** Renames as fs does, except into `target`, which fails the way a locked file does on Windows. */
function lockedTarget(target: string) {
  return (from: string, to: string) => {
    if (to === target) throw Object.assign(new Error('EBUSY: resource busy or locked, rename'), { code: 'EBUSY' });
    fs.renameSync(from, to);
  };
}

describe('a restore whose final rename fails', () => {
  it('leaves the previous ledger in place, readable and sound, and names the ledger, its copy and the backup', () => {
    const { folder, file, backup } = ledgerWithBackup();
    let message = '';
    try {
      restoreLedger(backup, file, { actor: '测试员', now: () => new Date(2024, 0, 2, 10, 0, 0), rename: lockedTarget(file) });
    } catch (err) {
      message = (err as Error).message;
    }
    const copy = `${file}.替换前-20240102-100000`;
    expect(message).toBe(
      `恢复未完成：无法用备份替换台账（文件正被其他程序占用，例如杀毒软件正在扫描它）。原台账仍在原处，没有改动：${file}；另存的副本：${copy}。备份文件未改动：${backup}。请关闭可能占用台账的程序（杀毒软件、同步盘、其他绩效台账窗口），稍后重试。`,
    );
    expect(unitNames(file)).toEqual(['轮台县财政局', '备份之后的单位']);
    expect(unitNames(copy)).toEqual(['轮台县财政局', '备份之后的单位']);
    expect(tempFiles(folder)).toEqual([]);
  });

  it('through the app session: the ledger is open again and takes new work', () => {
    const { folder, file, backup } = ledgerWithBackup();
    const session = new LedgerSession({ ledger: openLedger(file), account: 'zhangsan', operatorFile: null });
    expect(() => session.restore(backup, { rename: lockedTarget(file) })).toThrow(/原台账仍在原处，没有改动/);
    track(session.ledger);
    createUnit(session.context, unit('恢复失败后新增的单位'));
    expect(listUnits(session.context, { year: 2023 }).map((u) => u.name)).toEqual([
      '轮台县财政局',
      '备份之后的单位',
      '恢复失败后新增的单位',
    ]);
    expect(tempFiles(folder)).toEqual([]);
  });
});

describe('a restored file that does not open', () => {
  it('is replaced by the previous ledger again, and the message says so', () => {
    const { folder, file, backup } = ledgerWithBackup();
    let spoiled = false;
    // The swap "succeeds" but the disk hands back garbage, once.
    const rename = (from: string, to: string) => {
      fs.renameSync(from, to);
      if (to === file && !spoiled) {
        spoiled = true;
        fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
      }
    };
    expect(() => restoreLedger(backup, file, { rename })).toThrow(
      /恢复后的台账无法打开.*已放回原台账：.*台账\.db（另存的副本仍在 .*台账\.db\.替换前-/,
    );
    expect(unitNames(file)).toEqual(['轮台县财政局', '备份之后的单位']);
    expect(tempFiles(folder)).toEqual([]);
  });
});

describe('leftovers of a killed restore', () => {
  /** A process id that has certainly ended. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '0']).pid!;

  function leave(folder: string, pid: number): string[] {
    const names = [
      `.台账.db.恢复中-20240102-100000-${pid}.db`,
      `.台账.db.恢复中-20240102-100000-${pid}.db-wal`,
      `.台账.db.恢复中-20240102-100000-${pid}.替换前`,
    ];
    for (const name of names) fs.writeFileSync(path.join(folder, name), Buffer.alloc(1024));
    return names;
  }

  it('are removed at the next start once the ledger is intact; another ledger’s and a running restore’s are not touched', () => {
    const { folder, file } = ledgerWithBackup();
    const dead = deadPid();
    leave(folder, dead);
    fs.writeFileSync(path.join(folder, `.其他.db.恢复中-20240102-100000-${dead}.db`), 'x');
    fs.writeFileSync(path.join(folder, `.台账.db.恢复中-20240102-100000-${process.ppid}.db`), 'x');
    track(openAppLedger(file, path.join(folder, 'userData')));
    expect(tempFiles(folder).sort()).toEqual(
      [`.其他.db.恢复中-20240102-100000-${dead}.db`, `.台账.db.恢复中-20240102-100000-${process.ppid}.db`].sort(),
    );
  });

  it('are kept while the ledger is damaged or missing: they may be the only copy left', () => {
    const { folder, file } = ledgerWithBackup();
    const left = leave(folder, deadPid());
    fs.writeFileSync(file, Buffer.alloc(8192, 0x41));
    expect(clearInterruptedRestores(file)).toEqual([]);
    fs.rmSync(file);
    expect(clearInterruptedRestores(file)).toEqual([]);
    expect(tempFiles(folder).sort()).toEqual(left.sort());
  });

  it('are removed by the next restore', () => {
    const { folder, file, backup } = ledgerWithBackup();
    leave(folder, deadPid());
    track(restoreLedger(backup, file).ledger);
    expect(tempFiles(folder)).toEqual([]);
  });
});

describe('a ledger that went missing', () => {
  it('is created at the very first start, but once opened here and then gone, start-up reports it instead of making an empty one', () => {
    const folder = tempFolder();
    const userData = path.join(folder, 'userData');
    const file = path.join(folder, '台账.db');
    const first = openAppLedger(file, userData);
    createYear(serviceContext(first, '测试员'), { year: 2023 });
    backupLedger(first, path.join(folder, 'backups', '台账-备份-20240102-100000.db'));
    closeLedger(first);
    expect(JSON.parse(fs.readFileSync(path.join(userData, KNOWN_LEDGERS_FILE_NAME), 'utf8'))).toEqual({ ledgers: [file] });

    fs.renameSync(file, path.join(folder, '台账.db.替换前-20240101-090000'));
    expect(() => openAppLedger(file, userData)).toThrow(
      `找不到台账文件 ${file}：这台电脑以前打开过它，现在该位置已没有这个文件。为免把新建的空台账当成原来的台账，程序没有新建。` +
        `请先找回台账：看看它是否被移动、改名或删除（可查看回收站），网络盘或U盘是否已连接；恢复备份时另存的原台账在 ${folder}：台账.db.替换前-20240101-090000；` +
        `备份文件夹 ${path.join(folder, 'backups')} 中有 1 个备份，最近的是 台账-备份-20240102-100000.db。找到后把它复制到 ${folder} 并改名为 台账.db，再打开绩效台账。` +
        '确需从空台账开始，请用启动参数 --ledger 指定一个新的文件名。',
    );
    expect(fs.existsSync(file)).toBe(false);
    // An emptied file is no ledger either.
    fs.writeFileSync(file, '');
    expect(() => openAppLedger(file, userData)).toThrow(/该位置只剩一个空文件/);
    expect(fs.statSync(file).size).toBe(0);

    // A new file name is a new ledger, as --ledger gives it.
    track(openAppLedger(path.join(folder, '新台账.db'), userData));
    expect(fs.existsSync(path.join(folder, '新台账.db'))).toBe(true);
  });

  it('is reported by the command line too, for every command but those that create one', async () => {
    const folder = tempFolder();
    const missing = path.join(folder, '台账.db');
    const run = cliRunner();
    const check = await run('check', '--ledger', missing);
    expect(check.code).toBe(1);
    expect(check.err).toContain(`台账文件不存在：${missing}`);
    expect(fs.existsSync(missing)).toBe(false);
  });
});
