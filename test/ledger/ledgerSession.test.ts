/**
 * 设置 → 经办人、备份与恢复、台账检查 through the bridge handlers, on real ledger files: the session the
 * desktop app and the browser host hold, a backup kept beside the ledger and saved where the clerk
 * chooses, a restore that reopens the ledger, and the check's findings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import type { BackupList, BackupMade, LedgerCheck, OperatorInfo, RestoreDone, SaveOutcome } from '../../electron/bridge/contract';
import { dispatch, noFileAccess, type FileAccess } from '../../electron/bridge/dispatcher';
import { StagedFiles, type PickedFile } from '../../electron/bridge/fileExchange';
import { recentAudit } from '../../electron/ledger/audit';
import { LedgerSession, OPERATOR_FILE_NAME } from '../../electron/ledger/session';
import { createYear } from '../../electron/settings/yearSetup';
import { cliRunner } from '../fixtures/cli';
import { tempFolder, track } from './tempLedger';

const unitInput = (name: string) => ({ name, code: null, parentId: null, classified: false });

/** A ledger with a year, held by a session as the app holds it; saves land in `saved`. */
function appSession(folder = tempFolder()) {
  const ledger = track(openLedger(path.join(folder, '台账.db')));
  const session = new LedgerSession({
    ledger,
    account: 'zhangsan',
    operatorFile: path.join(folder, 'userData', OPERATOR_FILE_NAME),
    // Local time, as backup file names are written.
    now: () => new Date(2023, 4, 6, 9, 30, 0),
  });
  createYear(session.context, { year: 2023 });
  const saved: PickedFile[] = [];
  const access: FileAccess = {
    files: {
      openFile: async () => null,
      chooseFolder: async () => null,
      saveFile: async (request, bytes) => {
        saved.push({ name: request.defaultName, bytes });
        return { savedAs: `/media/U盘/${request.defaultName}` };
      },
    },
    staged: new StagedFiles(),
    session,
  };
  const call = async <T>(name: string, input: unknown = {}): Promise<T> => {
    const answer = await dispatch(session.context, name, input, access);
    if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
    return answer.value as T;
  };
  return { folder, session, access, saved, call };
}

describe('经办人姓名', () => {
  it('goes in front of the account in every entry written after it is saved, and is kept for the next start', async () => {
    const app = appSession();
    await app.call('units.create', unitInput('轮台县交通运输局'));
    expect(await app.call<OperatorInfo>('operator.setName', { displayName: ' 张三 ' })).toEqual({
      account: 'zhangsan',
      displayName: '张三',
      actor: '张三（zhangsan）',
    });
    await app.call('units.create', unitInput('轮台县水利局'));
    expect(recentAudit(app.session.context, 2).map((e) => e.actor)).toEqual(['张三（zhangsan）', 'zhangsan']);

    // The name belongs to this computer's user-data folder, so the next start reads it back.
    const again = new LedgerSession({
      ledger: app.session.ledger,
      account: 'zhangsan',
      operatorFile: path.join(app.folder, 'userData', OPERATOR_FILE_NAME),
    });
    expect(again.operator().actor).toBe('张三（zhangsan）');
    expect((await app.call<OperatorInfo>('operator.setName', { displayName: '' })).actor).toBe('zhangsan');
  });

  it('refuses a name with brackets at the field, in Chinese; without a session it cannot be set', async () => {
    const app = appSession();
    const refused = await dispatch(app.session.context, 'operator.setName', { displayName: '张三(财务)' }, app.access);
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { displayName: expect.stringContaining('不能含括号') } },
    });
    const bare = await dispatch(app.session.context, 'operator.setName', { displayName: '张三' }, noFileAccess());
    expect(bare).toMatchObject({ ok: false, error: { code: 'no_session', message: expect.stringContaining('--operator') } });
  });

  it('is taken by the command line as --operator', async () => {
    const folder = tempFolder();
    const file = path.join(folder, '台账.db');
    const run = cliRunner();
    expect((await run('init', file, '--year', '2023', '--operator', '李四')).code).toBe(0);
    const ledger = track(openLedger(file));
    expect(recentAudit({ ledger, actor: '', now: () => new Date() }, 1)[0]!.actor).toBe('李四（命令行:测试员）');
    expect((await run('init', path.join(folder, 'b.db'), '--operator', '李(四)')).code).toBe(2);
  });
});

describe('备份与恢复', () => {
  it('backs up into the folder beside the ledger and saves a copy where the clerk chooses; the list shows it', async () => {
    const app = appSession();
    await app.call('units.create', unitInput('轮台县交通运输局'));
    const made = await app.call<SaveOutcome<BackupMade>>('backups.create');
    expect(made.summary.name).toBe('台账-备份-20230506-093000.db');
    expect(made.saved).toEqual({ savedAs: '/media/U盘/台账-备份-20230506-093000.db' });
    const kept = path.join(app.folder, 'backups', made.summary.name);
    expect(fs.readFileSync(kept)).toEqual(Buffer.from(app.saved[0]!.bytes));

    const list = await app.call<BackupList>('backups.list');
    expect(list.folder).toBe(path.join(app.folder, 'backups'));
    expect(list.backups.map((b) => [b.name, b.sizeBytes])).toEqual([[made.summary.name, fs.statSync(kept).size]]);
  });

  it('restores a listed backup: later changes are gone, the replaced ledger is kept, and the app goes on writing', async () => {
    const app = appSession();
    await app.call('units.create', unitInput('轮台县交通运输局'));
    const { summary } = await app.call<SaveOutcome<BackupMade>>('backups.create');
    await app.call('units.create', unitInput('备份之后新增的单位'));
    expect((await app.call<{ name: string }[]>('units.list', { year: 2023 })).map((u) => u.name)).toContain('备份之后新增的单位');

    const done = await app.call<RestoreDone>('backups.restore', { name: summary.name });
    track(app.session.ledger); // the reopened ledger, closed with the others after the file
    expect(done.restoredFrom).toBe(summary.name);
    expect(done.safetyCopy).toMatch(/^台账\.db\.替换前-20230506-093000$/);
    expect(fs.existsSync(path.join(app.folder, done.safetyCopy!))).toBe(true);

    const units = (await app.call<{ name: string }[]>('units.list', { year: 2023 })).map((u) => u.name);
    expect(units).toEqual(['轮台县交通运输局']);
    expect(recentAudit(app.session.context, 1)[0]).toMatchObject({ action: 'ledger.restore', actor: 'zhangsan' });
    await app.call('units.create', unitInput('恢复后新增的单位'));
    expect((await app.call<LedgerCheck>('ledger.check')).ok).toBe(true);
  });

  it('refuses a name that is not in the backup folder, and keeps the ledger open', async () => {
    const app = appSession();
    const refused = await dispatch(app.session.context, 'backups.restore', { name: '../台账.db' }, app.access);
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup_missing', message: expect.stringContaining('请刷新备份列表') } });
    await app.call('units.create', unitInput('仍可写入'));
  });
});

describe('台账检查', () => {
  it('finds a ledger sound, and reports an audit entry changed outside the app in Chinese', async () => {
    const app = appSession();
    await app.call('units.create', unitInput('轮台县交通运输局'));
    expect(await app.call<LedgerCheck>('ledger.check')).toMatchObject({ ok: true, problems: [] });

    // Someone with a SQLite tool drops the guard and rewrites history.
    app.session.ledger.sqlite.exec(`drop trigger audit_log_no_update; update audit_log set actor = '别人' where id = 1;`);
    const check = await app.call<LedgerCheck>('ledger.check');
    expect(check.ok).toBe(false);
    expect(check.problems).toEqual([
      expect.stringContaining('缺少触发器 audit_log_no_update'),
      expect.stringContaining('审计日志从第 1 条起与哈希链不符'),
    ]);
  });
});
