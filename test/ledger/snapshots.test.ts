/**
 * 自动备份 on real ledger files: an import committed through the bridge leaves one 导入前 copy (a preview
 * and a refused file none), a restore one 恢复前 copy, an upgrade one 升级前 copy, all listed in 设置 with
 * time, reason and what was done; restoring the 导入前 copy undoes the import; and the folder is thinned
 * by the retention rule as the clock moves on.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeLedger, openLedger } from '../../db/open';
import type { BackupList, RestoreDone } from '../../electron/bridge/contract';
import { dispatch, type FileAccess } from '../../electron/bridge/dispatcher';
import { StagedFiles, type PickedFile } from '../../electron/bridge/fileExchange';
import { backupToFolder, listBackups } from '../../electron/ledger/backup';
import { commitFolderImport } from '../../electron/exchange/folderImport';
import { serviceContext } from '../../electron/ledger/context';
import { LedgerSession } from '../../electron/ledger/session';
import { snapshotBefore } from '../../electron/ledger/snapshots';
import { listProjects } from '../../electron/projects/projects';
import { createYear } from '../../electron/settings/yearSetup';
import { cliRunner } from '../fixtures/cli';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { tempFolder, track } from './tempLedger';

const GOOD = { name: '教育局项目.xlsx', bytes: xlsx([['2023年项目清单'], PROJECT_HEADER, projectRow(1), projectRow(2)]) };
const BAD = { name: '缺名称.xlsx', bytes: xlsx([['2023年项目清单'], PROJECT_HEADER, projectRow(1, { name: null })]) };

/** A ledger with a year held as the app holds it, whose clock the test moves; `pick` is what the next open-file dialog returns. */
function appSession() {
  const folder = tempFolder();
  const clock = { now: new Date(2023, 4, 6, 9, 30, 0) };
  const session = new LedgerSession({
    ledger: track(openLedger(path.join(folder, '台账.db'))),
    account: 'zhangsan',
    operatorFile: null,
    now: () => clock.now,
  });
  createYear(session.context, { year: 2023 });
  let pick: PickedFile | null = null;
  const access: FileAccess = {
    files: { openFile: async () => pick, chooseFolder: async () => null, saveFile: async () => null },
    staged: new StagedFiles(),
    session,
  };
  const answer = (name: string, input: unknown = {}) => dispatch(session.context, name, input, access);
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const a = await answer(name, input);
    if (!a.ok) throw new Error(`${a.error.code}: ${a.error.message}`);
    return a.value as T;
  };
  const importFile = async (file: PickedFile) => {
    pick = file;
    const preview = await call<{ fileId: string }>('projects.importPreview', { year: 2023 });
    return { preview, commit: () => answer('projects.importCommit', { year: 2023, fileId: preview.fileId }) };
  };
  const listed = async () => (await call<BackupList>('backups.list')).backups;
  const projects = () => listProjects(session.context, { year: 2023 }).map((p) => p.name);
  return { folder, clock, session, call, importFile, listed, projects };
}

describe('自动备份 before an import', () => {
  it('is taken once by the commit, not by the preview, and lists the time, reason and file; a refused file leaves none', async () => {
    const app = appSession();
    const good = await app.importFile(GOOD);
    expect(await app.listed()).toEqual([]);

    expect((await good.commit()).ok).toBe(true);
    expect(app.projects()).toHaveLength(2);
    const listed = await app.listed();
    expect(listed).toEqual([
      {
        name: '台账-导入前-20230506-093000.db',
        sizeBytes: fs.statSync(path.join(app.folder, 'backups', '台账-导入前-20230506-093000.db')).size,
        takenAt: new Date(2023, 4, 6, 9, 30, 0).toISOString(),
        reason: 'import',
        detail: '导入 教育局项目.xlsx',
      },
    ]);

    // All or nothing: the refused file wrote nothing, so a copy of the same ledger would only crowd the list.
    app.clock.now = new Date(2023, 4, 6, 10, 0, 0);
    const bad = await app.importFile(BAD);
    expect(await bad.commit()).toMatchObject({ ok: false });
    expect((await app.listed()).map((b) => b.name)).toEqual(['台账-导入前-20230506-093000.db']);
    expect(fs.readdirSync(path.join(app.folder, 'backups')).sort()).toEqual([
      '台账-导入前-20230506-093000.db',
      '台账-导入前-20230506-093000.json',
    ]);
  });

  it('restored, undoes the import; the ledger it replaced is listed as 恢复前 and still holds the import', async () => {
    const app = appSession();
    expect((await (await app.importFile(GOOD)).commit()).ok).toBe(true);
    app.clock.now = new Date(2023, 4, 6, 11, 0, 0);

    const done = await app.call<RestoreDone>('backups.restore', { name: '台账-导入前-20230506-093000.db' });
    track(app.session.ledger);
    expect(done.restoredFrom).toBe('台账-导入前-20230506-093000.db');
    expect(app.projects()).toEqual([]);

    const listed = await app.listed();
    expect(listed.map((b) => [b.name, b.reason, b.detail])).toEqual([
      ['台账-恢复前-20230506-110000.db', 'restore', '恢复 台账-导入前-20230506-093000.db'],
      ['台账-导入前-20230506-093000.db', 'import', '导入 教育局项目.xlsx'],
    ]);
    const before = openLedger(path.join(app.folder, 'backups', '台账-恢复前-20230506-110000.db'), { mustExist: true });
    try {
      expect(listProjects(serviceContext(before, '测试员'), { year: 2023 })).toHaveLength(2);
    } finally {
      closeLedger(before);
    }
  });

  it('is taken by the command line import, not by its dry run', async () => {
    const folder = tempFolder();
    const ledgerFile = path.join(folder, '台账.db');
    const file = path.join(folder, GOOD.name);
    fs.writeFileSync(file, GOOD.bytes);
    const run = cliRunner(new Date(2023, 4, 6, 9, 30, 0));
    expect((await run('init', ledgerFile, '--year', '2023')).code).toBe(0);
    expect((await run('import', 'projects', file, '--ledger', ledgerFile, '--year', '2023', '--dry-run')).code).toBe(0);
    expect(fs.existsSync(path.join(folder, 'backups'))).toBe(false);
    expect((await run('import', 'projects', file, '--ledger', ledgerFile, '--year', '2023')).code).toBe(0);
    expect(fs.readdirSync(path.join(folder, 'backups')).filter((n) => n.endsWith('.db'))).toEqual(['台账-导入前-20230506-093000.db']);
  });
});

describe('自动备份 before a folder import (从U盘导入)', () => {
  it('is taken once for the whole batch, and not kept when no file was taken', async () => {
    const folder = tempFolder();
    const clock = { now: new Date(2023, 4, 6, 9, 30, 0) };
    const ctx = serviceContext(track(openLedger(path.join(folder, '台账.db'))), '测试员', () => clock.now);
    createYear(ctx, { year: 2023 });
    const files = [
      { name: '教育局项目.xlsx', bytes: GOOD.bytes },
      {
        name: '卫健委项目.xlsx',
        bytes: xlsx([['2023年项目清单'], PROJECT_HEADER, projectRow(3, { department: '轮台县卫生健康委员会', unit: '轮台县人民医院' })]),
      },
    ];
    const copies = () => fs.readdirSync(path.join(folder, 'backups')).filter((n) => n.endsWith('.db'));

    expect((await commitFolderImport(ctx, { year: 2023, files })).imported).toBe(2);
    expect(listProjects(ctx, { year: 2023 })).toHaveLength(3);
    expect(copies()).toEqual(['台账-导入前-20230506-093000.db']);
    expect(listBackups(ctx.ledger.file)[0]!.detail).toBe('从U盘导入 2 个文件');

    clock.now = new Date(2023, 4, 6, 10, 0, 0);
    expect((await commitFolderImport(ctx, { year: 2023, files })).imported).toBe(0);
    expect(copies()).toEqual(['台账-导入前-20230506-093000.db']);
  });
});

describe('retention', () => {
  it('keeps all of today, the newest of each of the last 30 days and of each month before, and every manual backup', () => {
    const folder = tempFolder();
    const clock = { now: new Date() };
    const ctx = serviceContext(track(openLedger(path.join(folder, '台账.db'))), '测试员', () => clock.now);
    const at = (text: string) => {
      clock.now = new Date(text); // local time: "2023-01-05T09:00"
      return clock.now;
    };
    backupToFolder(ctx.ledger, at('2023-01-05T08:00'));
    for (const t of [
      '2023-01-05T09:00',
      '2023-01-05T17:00',
      '2023-01-20T09:00',
      '2023-02-27T09:00',
      '2023-02-27T18:00',
      '2023-03-01T09:00',
      '2023-03-01T10:00',
    ]) {
      at(t);
      snapshotBefore(ctx, 'import', `导入 ${t}.xlsx`);
    }
    const names = () => fs.readdirSync(path.join(folder, 'backups')).sort();
    // On 03-01: 01-05 and 01-20 are past 30 days (January keeps 01-20); 02-27 keeps its evening copy; today keeps both.
    expect(names()).toEqual(
      [
        '台账-备份-20230105-080000',
        '台账-导入前-20230120-090000',
        '台账-导入前-20230227-180000',
        '台账-导入前-20230301-090000',
        '台账-导入前-20230301-100000',
      ]
        .flatMap((n) => (n.includes('备份') ? [`${n}.db`] : [`${n}.db`, `${n}.json`]))
        .sort(),
    );

    // The next day 03-01 keeps only its newest.
    at('2023-03-02T09:00');
    snapshotBefore(ctx, 'import', '导入 次日.xlsx');
    expect(names().filter((n) => n.includes('20230301'))).toEqual(['台账-导入前-20230301-100000.db', '台账-导入前-20230301-100000.json']);
  });
});

describe('自动备份 before an upgrade', () => {
  it('is named so the list shows it as 升级前 with its time', async () => {
    const folder = tempFolder();
    const file = path.join(folder, '台账.db');
    const migrations = path.join(folder, 'migrations');
    const shipped = path.join(process.cwd(), 'db', 'migrations');
    fs.cpSync(shipped, migrations, { recursive: true });
    const journalFile = path.join(migrations, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    closeLedger(openLedger(file, { migrationsFolder: migrations }));

    const ledger = track(openLedger(file));
    expect(path.basename(ledger.migrationBackup!)).toMatch(/^台账-升级前-\d{8}-\d{6}\.db$/);
    expect(await dispatch(serviceContext(ledger, '测试员'), 'backups.list', {})).toMatchObject({
      ok: true,
      value: { backups: [{ name: path.basename(ledger.migrationBackup!), reason: 'upgrade', detail: null }] },
    });
  });
});
