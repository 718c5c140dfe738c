/**
 * Accounts on real ledger files with the real scrypt: the first start's administrators and their forced
 * password change, the policy's refusals, the lockout after five failures and its expiry (on an injected
 * clock), 三员分立 and who may give roles, and an audit entry for each event with no password in it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../db/schema';
import { createAccount, ensureFirstAdmins, listAccounts, resetPassword, setAccountDisabled } from '../../electron/accounts/accounts';
import { actingContext } from '../../electron/accounts/accountRecords';
import { lockAccount, setRoles, unlockAccount } from '../../electron/accounts/accountSecurity';
import { changePassword, login, logout } from '../../electron/accounts/login';
import { KDF_PARAMS, useKdfParamsInTests } from '../../electron/accounts/passwords';
import { savePolicy } from '../../electron/accounts/policy';
import { recentAudit } from '../../electron/ledger/audit';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { DEFAULT_PASSWORD_POLICY } from '../../electron/rules/passwordPolicy';
import { buildDemoAccounts, DEMO_ACCOUNTS } from '../../scripts/demo/demoAccounts';
import { freshContext } from './tempLedger';
import { refusal } from '../fixtures/refusal';

// The real cost is tested once below; the rest run on a cheap one (each hash records its own cost).
beforeAll(() => useKdfParamsInTests({ n: 2 ** 10, r: 8, p: 1 }));

const PASSWORDS = { admin: 'Xtgl#2023', anquan: 'Aqgl#2023', shenji: 'Sjgl#2023', jingban: 'Jbry#2023' };

/** A ledger whose clock the test moves, with the three administrators past their first login. */
function ledgerWithAdmins() {
  const clock = { now: new Date('2023-03-01T08:00:00Z') };
  const ctx = serviceContext(freshContext().ledger, '命令行:root', () => clock.now);
  const first = ensureFirstAdmins(ctx);
  for (const m of first)
    changePassword(ctx, m.account.loginName, m.oneTimePassword, PASSWORDS[m.account.loginName as keyof typeof PASSWORDS]);
  const as = (loginName: string) => actingContext(ctx, { loginName, displayName: null });
  return { ctx, clock, first, as };
}

/** A business account jingban with its own password and the given roles. */
function addClerk(env: ReturnType<typeof ledgerWithAdmins>) {
  const made = createAccount(env.as('admin'), { loginName: 'admin' }, { loginName: 'JingBan', displayName: '李娜' });
  setRoles(env.as('anquan'), { loginName: 'anquan' }, 'jingban', ['clerk']);
  changePassword(env.ctx, 'jingban', made.oneTimePassword, PASSWORDS.jingban);
  return made;
}

const actions = (ctx: ServiceContext) => recentAudit(ctx, 1000).reverse();

describe('the first start', () => {
  it('creates the three administrators with one-time passwords that must be changed at the first login', () => {
    const ctx = freshContext();
    const first = ensureFirstAdmins(ctx);
    expect(first.map((m) => [m.account.loginName, m.account.roles])).toEqual([
      ['admin', ['systemAdmin']],
      ['anquan', ['securityAdmin']],
      ['shenji', ['auditAdmin']],
    ]);
    // Random, not a well-known default: three different passwords, none like another ledger's.
    expect(new Set(first.map((m) => m.oneTimePassword)).size).toBe(3);
    expect(ensureFirstAdmins(freshContext())[0]!.oneTimePassword).not.toBe(first[0]!.oneTimePassword);
    expect(ensureFirstAdmins(ctx)).toEqual([]);

    const admin = first[0]!;
    const logged = login(ctx, 'admin', admin.oneTimePassword);
    expect(logged).toMatchObject({ ok: true, mustChangePassword: 'oneTime', account: { loginName: 'admin', roles: ['systemAdmin'] } });
    // Until the password is changed the account can do nothing else, and the refusal is audited.
    expect(refusal(() => createAccount(ctx, { loginName: 'admin' }, { loginName: 'zhangsan' })).message).toMatch(
      /须先修改密码.*改后才能新建账号/,
    );
    expect(actions(ctx).at(-1)).toMatchObject({ action: 'access.denied' });

    changePassword(ctx, 'admin', admin.oneTimePassword, 'Xtgl#2023');
    expect(login(ctx, 'admin', admin.oneTimePassword)).toMatchObject({ ok: false, code: 'bad_credentials' });
    expect(login(ctx, 'admin', 'Xtgl#2023')).toMatchObject({ ok: true, mustChangePassword: null });
    expect(createAccount(ctx, { loginName: 'admin' }, { loginName: 'zhangsan' }).account).toMatchObject({
      loginName: 'zhangsan',
      roles: [],
    });
  });

  it('keeps only a memory-hard scrypt hash with its own salt and cost', () => {
    useKdfParamsInTests(KDF_PARAMS);
    const { ctx } = ledgerWithAdmins();
    useKdfParamsInTests({ n: 2 ** 10, r: 8, p: 1 });
    const rows = ctx.ledger.db.select().from(accounts).all();
    expect(rows.map((r) => [r.kdfN, r.kdfR, r.kdfP])).toEqual(Array(3).fill([2 ** 15, 8, 1]));
    expect(KDF_PARAMS.n).toBeGreaterThanOrEqual(2 ** 15);
    expect(new Set(rows.map((r) => r.passwordSalt)).size).toBe(3);
    for (const r of rows) expect(r.passwordHash).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('the demo accounts', () => {
  it('log in with their documented passwords, one per role, with nothing left to change', () => {
    const ctx = freshContext();
    buildDemoAccounts(ctx);
    for (const demo of DEMO_ACCOUNTS)
      expect(login(ctx, demo.loginName, demo.password), demo.loginName).toMatchObject({
        ok: true,
        mustChangePassword: null,
        account: { loginName: demo.loginName, roles: demo.roles },
      });
    expect(DEMO_ACCOUNTS.map((a) => a.roles[0])).toEqual(['systemAdmin', 'securityAdmin', 'auditAdmin', 'clerk', 'reviewer', 'viewer']);
  });
});

describe('the password policy', () => {
  it('refuses a new password breaking each rule, with every reason named', () => {
    const env = ledgerWithAdmins();
    const change = (next: string) => refusal(() => changePassword(env.ctx, 'admin', PASSWORDS.admin, next)).message;
    expect(change('Ab#1')).toMatch(/密码未修改：密码至少 8 个字符，现在只有 4 个/);
    expect(change('abcdefgh1')).toMatch(/至少 3 类，现在只有小写字母、数字/);
    expect(change('Admin#2023')).toMatch(/不能包含登录名“admin”/);
    expect(change(PASSWORDS.admin)).toMatch(/新密码不能与原密码相同/);

    // The security administrator's own setting is what counts, and only theirs.
    expect(refusal(() => savePolicy(env.ctx, { loginName: 'admin' }, { ...DEFAULT_PASSWORD_POLICY, minLength: 12 })).message).toMatch(
      /没有“设置密码策略”的权限.*请由安全管理员办理/,
    );
    expect(refusal(() => savePolicy(env.ctx, { loginName: 'anquan' }, { ...DEFAULT_PASSWORD_POLICY, minLength: 4 })).message).toMatch(
      /密码最短长度须为 8–32/,
    );
    savePolicy(env.as('anquan'), { loginName: 'anquan' }, { ...DEFAULT_PASSWORD_POLICY, minLength: 12 });
    expect(change('Xtgl#20231')).toMatch(/密码至少 12 个字符，现在只有 10 个/);
    expect(changePassword(env.ctx, 'admin', PASSWORDS.admin, 'Xtgl#2023abcd').mustChangePassword).toBe(false);
  });

  it('asks for a new password once the old one is past the policy’s days', () => {
    const env = ledgerWithAdmins();
    env.clock.now = new Date('2023-05-30T08:00:00Z');
    expect(login(env.ctx, 'admin', PASSWORDS.admin)).toMatchObject({ ok: true, mustChangePassword: 'expired' });
    expect(refusal(() => listAccounts(env.ctx, { loginName: 'admin' })).message).toMatch(/已过期的密码/);
    changePassword(env.ctx, 'admin', PASSWORDS.admin, 'Xtgl#2024');
    expect(listAccounts(env.ctx, { loginName: 'admin' })).toHaveLength(3);
  });
});

describe('locking after failed logins', () => {
  it('locks after five failures, refuses the right password while locked, and lets it in once the lock ends', () => {
    const env = ledgerWithAdmins();
    addClerk(env);
    for (let i = 1; i <= 4; i++)
      expect(login(env.ctx, 'jingban', 'Wrong#2023')).toEqual({
        ok: false,
        code: 'bad_credentials',
        message: '登录名或密码不正确，请重新输入。',
      });
    expect(login(env.ctx, 'jingban', 'Wrong#2023')).toMatchObject({
      ok: false,
      code: 'locked',
      message: expect.stringMatching(/连续 5 次输错密码，锁定 30 分钟/),
    });
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({
      ok: false,
      code: 'locked',
      message: expect.stringMatching(/请 30 分钟后再试/),
    });

    env.clock.now = new Date(env.clock.now.getTime() + 29 * 60_000);
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({ ok: false, message: expect.stringMatching(/请 1 分钟后再试/) });
    env.clock.now = new Date(env.clock.now.getTime() + 60_000);
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({ ok: true, account: { failedLogins: 0, lock: null } });
  });

  it('counts again from one after a success, and after a lock has run out', () => {
    const env = ledgerWithAdmins();
    addClerk(env);
    for (let i = 0; i < 4; i++) login(env.ctx, 'jingban', 'Wrong#2023');
    login(env.ctx, 'jingban', PASSWORDS.jingban);
    for (let i = 0; i < 4; i++) expect(login(env.ctx, 'jingban', 'Wrong#2023')).toMatchObject({ code: 'bad_credentials' });
    login(env.ctx, 'jingban', 'Wrong#2023');
    env.clock.now = new Date(env.clock.now.getTime() + 31 * 60_000);
    for (let i = 0; i < 4; i++) expect(login(env.ctx, 'jingban', 'Wrong#2023')).toMatchObject({ code: 'bad_credentials' });
    expect(login(env.ctx, 'jingban', 'Wrong#2023')).toMatchObject({ code: 'locked' });
  });

  it('lets the security administrator lock and unlock, and nobody else', () => {
    const env = ledgerWithAdmins();
    addClerk(env);
    expect(refusal(() => lockAccount(env.ctx, { loginName: 'admin' }, 'jingban')).message).toMatch(/没有“锁定和解锁账号”的权限/);
    lockAccount(env.as('anquan'), { loginName: 'anquan' }, 'jingban');
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({ ok: false, message: expect.stringMatching(/已被安全管理员锁定/) });
    // A manual lock does not run out.
    env.clock.now = new Date('2023-04-15T00:00:00Z');
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({ ok: false, code: 'locked' });
    expect(refusal(() => lockAccount(env.ctx, { loginName: 'anquan' }, 'anquan')).message).toMatch(/不能锁定自己/);
    unlockAccount(env.as('anquan'), { loginName: 'anquan' }, 'jingban');
    expect(login(env.ctx, 'jingban', PASSWORDS.jingban)).toMatchObject({ ok: true });
  });
});

describe('roles: 三员分立 and who gives them', () => {
  it('lets the security administrator give roles and refuses the system administrator, with an audited refusal', () => {
    const env = ledgerWithAdmins();
    createAccount(env.as('admin'), { loginName: 'admin' }, { loginName: 'zhangsan' });
    expect(refusal(() => setRoles(env.as('admin'), { loginName: 'admin' }, 'zhangsan', ['clerk'])).message).toBe(
      '账号“admin”没有“分配角色”的权限，不能分配角色。请由安全管理员办理。',
    );
    expect(actions(env.ctx).at(-1)).toMatchObject({ action: 'access.denied', actor: 'admin' });
    expect(setRoles(env.as('anquan'), { loginName: 'anquan' }, 'zhangsan', ['clerk', 'classifiedReader']).roles).toEqual([
      'clerk',
      'classifiedReader',
    ]);
  });

  it('refuses two administrator roles on one account, an administrator doing business, and changing one’s own roles', () => {
    const env = ledgerWithAdmins();
    createAccount(env.as('admin'), { loginName: 'admin' }, { loginName: 'zhangsan' });
    const sec = { loginName: 'anquan' };
    expect(refusal(() => setRoles(env.ctx, sec, 'zhangsan', ['systemAdmin', 'auditAdmin'])).message).toMatch(/三员分立/);
    expect(refusal(() => setRoles(env.ctx, sec, 'admin', ['systemAdmin', 'reviewer'])).message).toMatch(/系统管理员不办理业务/);
    expect(refusal(() => setRoles(env.ctx, sec, 'anquan', ['auditAdmin'])).message).toMatch(/不能修改自己的角色/);
    // Nor may the last holder of an administrator role lose it (nobody could give it back).
    expect(refusal(() => setRoles(env.ctx, sec, 'shenji', [])).message).toMatch(/唯一启用的审计管理员/);
    expect(refusal(() => setAccountDisabled(env.ctx, { loginName: 'admin' }, 'shenji', true)).message).toMatch(/唯一启用的审计管理员/);
    setRoles(env.ctx, sec, 'zhangsan', ['auditAdmin']);
    expect(setRoles(env.ctx, sec, 'shenji', []).roles).toEqual([]);
  });
});

describe('the audit of account events', () => {
  it('records every kind of event with the account as actor, and never a password or hash', () => {
    const env = ledgerWithAdmins();
    const made = addClerk(env);
    const admin = env.as('admin');
    login(env.ctx, 'jingban', PASSWORDS.jingban, { channel: '命令行' });
    for (let i = 0; i < 5; i++) login(env.ctx, 'jingban', 'Wrong#2023');
    unlockAccount(env.as('anquan'), { loginName: 'anquan' }, 'jingban');
    login(env.ctx, 'nobody', 'Wrong#2023');
    logout(env.ctx, 'jingban');
    const reset = resetPassword(admin, { loginName: 'admin' }, 'jingban');
    setAccountDisabled(admin, { loginName: 'admin' }, 'jingban', true);
    expect(login(env.ctx, 'jingban', reset.oneTimePassword)).toMatchObject({ ok: false, code: 'disabled' });
    savePolicy(env.as('anquan'), { loginName: 'anquan' }, { ...DEFAULT_PASSWORD_POLICY, lockMinutes: 60 });
    refusal(() => listAccounts(env.ctx, { loginName: 'shenji' }));

    const entries = actions(env.ctx);
    const kinds = new Set(entries.map((e) => e.action));
    for (const action of [
      'account.create',
      'account.roles',
      'account.changePassword',
      'account.login',
      'account.loginFailed',
      'account.lock',
      'account.unlock',
      'account.logout',
      'account.resetPassword',
      'account.disable',
      'passwordPolicy.save',
      'access.denied',
    ])
      expect(kinds, action).toContain(action);
    expect(entries.find((e) => e.action === 'account.login')).toMatchObject({ actor: '李娜（命令行:jingban）', entity: 'account' });
    expect(entries.find((e) => e.action === 'account.lock')).toMatchObject({
      actor: '李娜（jingban）',
      after: expect.stringContaining('连续 5 次输错密码'),
    });
    expect(entries.find((e) => e.after?.includes('nobody'))).toMatchObject({
      action: 'account.loginFailed',
      actor: 'nobody',
      after: expect.stringContaining('无此账号'),
    });
    expect(entries.find((e) => e.action === 'account.roles' && e.after?.includes('jingban'))!.after).toContain('经办');

    const secrets = [
      ...Object.values(PASSWORDS),
      made.oneTimePassword,
      reset.oneTimePassword,
      ...env.first.map((m) => m.oneTimePassword),
      ...env.ctx.ledger.db
        .select()
        .from(accounts)
        .all()
        .flatMap((r) => [r.passwordHash, r.passwordSalt]),
    ];
    const logged = JSON.stringify(entries);
    for (const secret of secrets) expect(logged).not.toContain(secret);
  });
});
