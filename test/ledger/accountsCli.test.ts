/**
 * `ledger accounts` as a script runs it: a real process acting as a named account with --password-file,
 * the first administrators printed by `init`, refusals in zh-CN with exit code 1 and an audit entry.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openLedger } from '../../db/open';
import { useKdfParamsInTests } from '../../electron/accounts/passwords';
import { recentAudit } from '../../electron/ledger/audit';
import { serviceContext } from '../../electron/ledger/context';
import { cliJson, cliProcess, cliRunner } from '../fixtures/cli';
import { tempFolder, track } from './tempLedger';

// The in-process runs hash cheaply; the real processes below use the real cost.
beforeAll(() => useKdfParamsInTests({ n: 2 ** 10, r: 8, p: 1 }));

const run = cliRunner(new Date('2023-03-01T08:00:00Z'));

describe('ledger accounts', () => {
  it('prints the first administrators at init, and each acts with its password file once it has set its own', async () => {
    const dir = tempFolder();
    const ledger = path.join(dir, '台账.db');
    const secret = (name: string, text: string) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, `${text}\n`);
      return file;
    };

    const init = cliProcess('init', ledger);
    expect(init.code).toBe(0);
    const oneTime = Object.fromEntries([...init.out.matchAll(/^ {2}(\w+)（[^）]+）：(\S+)$/gm)].map((m) => [m[1], m[2]]));
    expect(Object.keys(oneTime)).toEqual(['admin', 'anquan', 'shenji']);

    /** `accounts …` acting as `login`, authenticated by the password in `passwordFile`. */
    const as = (login: string, passwordFile: string, ...args: string[]) =>
      run('accounts', ...args, '--ledger', ledger, '--as', login, '--password-file', passwordFile);

    const anquan = secret('anquan.txt', 'Aqgl#2023');
    const passwd = cliProcess(
      'accounts',
      'passwd',
      '--ledger',
      ledger,
      '--as',
      'anquan',
      '--password-file',
      secret('anquan-1.txt', oneTime.anquan!),
      '--new-password-file',
      anquan,
    );
    expect(passwd).toMatchObject({ code: 0, out: expect.stringContaining('已修改密码：anquan（安全管理员）') });

    // The one-time password still in force: refused, audited.
    const early = await as('admin', secret('admin-1.txt', oneTime.admin!), 'add', 'zhangsan');
    expect(early).toMatchObject({ code: 1, err: expect.stringContaining('须先修改密码') });
    const admin = secret('admin.txt', 'Xtgl#2023');
    expect((await as('admin', path.join(dir, 'admin-1.txt'), 'passwd', '--new-password-file', admin)).code).toBe(0);

    const added = await as('admin', admin, 'add', 'zhangsan', '张三', '--json');
    expect(cliJson(added)).toMatchObject({
      ok: true,
      account: { loginName: 'zhangsan', displayName: '张三', mustChangePassword: true },
      oneTimePassword: expect.any(String),
    });

    const renamed = await as('admin', admin, 'rename', 'zhangsan', '张珊');
    expect(renamed).toMatchObject({ code: 0, out: expect.stringContaining('已修改姓名：zhangsan（张珊）') });

    // 三员分立: the system administrator may not give roles; the security administrator may, within the rules.
    const refused = await as('admin', admin, 'roles', 'zhangsan', '经办');
    expect(refused).toMatchObject({ code: 1, err: '账号“admin”没有“分配角色”的权限，不能分配角色。请由安全管理员办理。\n' });
    const conflict = await as('anquan', anquan, 'roles', 'zhangsan', '经办,审计管理员');
    expect(conflict).toMatchObject({ code: 1, err: expect.stringContaining('审计管理员不办理业务') });
    const given = await as('anquan', anquan, 'roles', 'zhangsan', '经办、涉密查阅');
    expect(given).toMatchObject({ code: 0, out: expect.stringContaining('角色：经办、涉密查阅') });

    const policy = await as('anquan', anquan, 'policy', 'minLength=10', 'lockMinutes=60', '--json');
    expect(cliJson(policy).policy).toMatchObject({ minLength: 10, lockMinutes: 60, requiredClasses: 3 });
    expect(await as('anquan', anquan, 'policy', 'minLength=abc')).toMatchObject({
      code: 2,
      err: expect.stringContaining('不是“设置项=整数”'),
    });

    const wrong = await as('anquan', admin, 'list');
    expect(wrong).toMatchObject({ code: 1, err: '登录名或密码不正确，请重新输入。\n' });
    const noPassword = await run('accounts', 'list', '--ledger', ledger, '--as', 'anquan');
    expect(noPassword).toMatchObject({ code: 2, err: expect.stringContaining('--password-file') });

    const ctx = serviceContext(track(openLedger(ledger, { mustExist: true })), '测试员');
    const entries = recentAudit(ctx, 200);
    expect(entries.find((e) => e.action === 'access.denied' && e.actor === '系统管理员（命令行:admin）')?.after).toContain('分配角色');
    expect(entries.find((e) => e.action === 'account.loginFailed')).toMatchObject({ actor: '安全管理员（命令行:anquan）' });
    expect(entries.find((e) => e.action === 'account.roles')).toMatchObject({ actor: '安全管理员（命令行:anquan）' });
  }, 60_000);
});
