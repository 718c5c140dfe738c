/**
 * `accounts …`: the ledger's accounts from the command line, acting as a named account (--as) that
 * first proves its password — typed at a prompt that does not echo, or read from --password-file for
 * scripts. The services check the account's rights, so a refusal here is the same zh-CN message and
 * the same audit entry as on screen. `accounts init` is the exception: on a ledger with no accounts yet
 * it makes the three administrators and shows their one-time passwords once.
 */
import fs from 'node:fs';
import { closeLedger, openLedger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { ROLE_CODES, type Role } from '../../db/vocabulary';
import { actingContext, allAccounts, currentPolicy, type AccountView } from '../../electron/accounts/accountRecords';
import {
  createAccount,
  ensureFirstAdmins,
  listAccounts,
  resetPassword,
  setAccountDisabled,
  setDisplayName,
  type OneTimeCredentials,
} from '../../electron/accounts/accounts';
import { lockAccount, setRoles, unlockAccount } from '../../electron/accounts/accountSecurity';
import { changePassword, login } from '../../electron/accounts/login';
import { savePolicy } from '../../electron/accounts/policy';
import type { Acting } from '../../electron/accounts/access';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { POLICY_FIELDS, type PasswordPolicy } from '../../electron/rules/passwordPolicy';
import { ROLE_LABELS, rolesText } from '../../electron/rules/roles';
import { requireArg, type CommandRun } from './command';
import { UsageError } from './io';

const CHANNEL = '命令行';
const SUBCOMMANDS = 'init、list、add、rename、disable、enable、passwd、roles、lock、unlock、policy';

export async function accountsCommand(run: CommandRun): Promise<number> {
  const [sub, ...args] = run.rest;
  const ledger = openLedger(run.ledgerPath(), { mustExist: true });
  try {
    const base = serviceContext(ledger, run.io.actor, run.now);
    if (sub === 'init') return firstAdmins(run, base);
    if (!sub || !SUBCOMMANDS.split('、').includes(sub)) throw new UsageError(`accounts 的子命令：${SUBCOMMANDS}。`);
    const loginName = requireArg(run.values.as, `accounts ${sub} 需要 --as 指定办理的账号（登录名），例如：--as anquan`);
    if (allAccounts(base).length === 0)
      throw new LedgerError('no_accounts', '台账中还没有账号。请先运行 accounts init 新建三员账号（系统管理员、安全管理员、审计管理员）。');
    const password = await passwordOf(run.values['password-file'], `${loginName} 的密码：`);
    if (sub === 'passwd' && !args[0]) return await ownPassword(run, base, loginName, password);
    const logged = login(base, loginName, password, { channel: CHANNEL });
    if (!logged.ok) throw new LedgerError(logged.code, logged.message);
    if (logged.mustChangePassword)
      run.io.err(
        `提示：账号 ${loginName} 的密码须先修改（${logged.mustChangePassword === 'oneTime' ? '一次性初始密码' : '密码已过期'}），请运行 accounts passwd --as ${loginName}。`,
      );
    const ctx = actingContext(base, logged.account, CHANNEL);
    return act(run, ctx, { loginName: logged.account.loginName }, sub, args);
  } finally {
    closeLedger(ledger);
  }
}

function act(run: CommandRun, ctx: ServiceContext, acting: Acting, sub: string, args: string[]): number {
  const target = () => requireArg(args[0], `accounts ${sub} 需要账号的登录名，例如：accounts ${sub} zhangsan`);
  const done = (verb: string, account: AccountView) => {
    run.emit(`${verb}：${describe(account)}`, { ok: true, account });
    return 0;
  };
  switch (sub) {
    case 'list': {
      const list = listAccounts(ctx, acting);
      run.emit(list.length ? list.map(describe) : '台账中没有账号。', { ok: true, accounts: list });
      return 0;
    }
    case 'add':
      return oneTime(run, '已新建账号', createAccount(ctx, acting, { loginName: target(), displayName: args[1] ?? null }));
    case 'rename':
      return done(
        '已修改姓名',
        setDisplayName(ctx, acting, target(), requireArg(args[1], 'accounts rename 需要新的姓名，例如：accounts rename zhangsan 张三')),
      );
    case 'disable':
      return done('已停用', setAccountDisabled(ctx, acting, target(), true));
    case 'enable':
      return done('已启用', setAccountDisabled(ctx, acting, target(), false));
    case 'passwd':
      return oneTime(run, '已重置密码', resetPassword(ctx, acting, target()));
    case 'roles': {
      const name = target();
      if (args.length < 2)
        return done('角色', listAccounts(ctx, acting).find((a) => a.loginName === name.trim().toLowerCase()) ?? missing(name));
      return done('角色已变更', setRoles(ctx, acting, name, parseRoles(args.slice(1).join(','))));
    }
    case 'lock':
      return done('已锁定', lockAccount(ctx, acting, target()));
    case 'unlock':
      return done('已解锁', unlockAccount(ctx, acting, target()));
    default: {
      // policy
      const policy = args.length ? savePolicy(ctx, acting, parsePolicy(currentPolicy(ctx), args)) : currentPolicy(ctx);
      run.emit(
        [
          args.length ? '密码策略已保存：' : '密码策略：',
          ...Object.entries(POLICY_FIELDS).map(([k, f]) => `  ${f.label}（${k}）：${policy[k as keyof PasswordPolicy]} ${f.unit}`),
        ],
        { ok: true, policy },
      );
      return 0;
    }
  }
}

function firstAdmins(run: CommandRun, ctx: ServiceContext): number {
  const made = ensureFirstAdmins(ctx);
  if (made.length === 0) throw new LedgerError('accounts_exist', '台账中已有账号，未新建。新账号请由系统管理员用 accounts add 新建。');
  run.emit(firstAdminLines(made), { ok: true, accounts: firstAdminJson(made) });
  return 0;
}

/** How the first administrators' one-time passwords are shown, by `init` and `accounts init`. */
export function firstAdminLines(made: readonly OneTimeCredentials[]): string[] {
  return [
    '已新建三员账号，一次性初始密码只显示这一次，请分别交给各自的使用人；每人首次登录须改为自己的密码：',
    ...made.map((m) => `  ${m.account.loginName}（${rolesText(m.account.roles)}）：${m.oneTimePassword}`),
  ];
}

export function firstAdminJson(made: readonly OneTimeCredentials[]) {
  return made.map((m) => ({ loginName: m.account.loginName, roles: m.account.roles, oneTimePassword: m.oneTimePassword }));
}

async function ownPassword(run: CommandRun, ctx: ServiceContext, loginName: string, current: string): Promise<number> {
  const file = run.values['new-password-file'];
  const next = await passwordOf(file, '新密码：');
  if (!file && (await passwordOf(undefined, '再输入一次新密码：')) !== next) throw new UsageError('两次输入的新密码不一致，密码未修改。');
  const account = changePassword(ctx, loginName, current, next, { channel: CHANNEL });
  run.emit(`已修改密码：${describe(account)}`, { ok: true, account });
  return 0;
}

function oneTime(run: CommandRun, verb: string, made: OneTimeCredentials): number {
  run.emit([`${verb}：${describe(made.account)}`, `一次性密码（只显示这一次，请交给使用人，首次登录须修改）：${made.oneTimePassword}`], {
    ok: true,
    account: made.account,
    oneTimePassword: made.oneTimePassword,
  });
  return 0;
}

function describe(a: AccountView): string {
  const state = [
    a.disabled ? '已停用' : null,
    a.lock ? (a.lock.kind === 'manual' ? '已锁定（待安全管理员解锁）' : `已锁定至 ${a.lock.until}`) : null,
    a.mustChangePassword ? '须修改密码' : null,
  ].filter(Boolean);
  return `${a.loginName}${a.displayName ? `（${a.displayName}）` : ''} 角色：${rolesText(a.roles)}${state.length ? `；${state.join('，')}` : ''}`;
}

function missing(name: string): never {
  throw new LedgerError('not_found', `台账中没有登录名为“${name}”的账号，请检查登录名。`);
}

/** Roles by their zh-CN name or code, separated by commas or 、; “无” takes every role away. */
function parseRoles(text: string): Role[] {
  const words = text.split(/[,，、\s]+/).filter(Boolean);
  if (words.length === 1 && words[0] === '无') return [];
  return words.map((w) => {
    const role = ROLE_CODES.find((r) => r === w || ROLE_LABELS[r] === w);
    if (!role) throw new UsageError(`没有“${w}”这个角色。可用角色：${ROLE_CODES.map((r) => ROLE_LABELS[r]).join('、')}（或“无”）。`);
    return role;
  });
}

/** `键=值` pairs over the current policy, e.g. minLength=10 lockMinutes=60. */
function parsePolicy(current: PasswordPolicy, pairs: string[]): PasswordPolicy {
  const next = { ...current };
  for (const pair of pairs) {
    const [key, value] = pair.split('=');
    if (!key || !Object.hasOwn(POLICY_FIELDS, key) || value === undefined || !/^\d+$/.test(value.trim()))
      throw new UsageError(
        `“${pair}”不是“设置项=整数”。可设置：${Object.entries(POLICY_FIELDS)
          .map(([k, f]) => `${k}（${f.label}）`)
          .join('、')}。`,
      );
    next[key as keyof PasswordPolicy] = Number(value);
  }
  return next;
}

/** A password from its file (first line), or typed at a prompt that does not echo. */
async function passwordOf(file: string | undefined, prompt: string): Promise<string> {
  if (file !== undefined) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new UsageError(`读不到密码文件 ${file}，请检查路径。`);
    }
    const password = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? '';
    if (!password) throw new UsageError(`密码文件 ${file} 的第一行是空的，请把密码写在第一行。`);
    return password;
  }
  if (!process.stdin.isTTY)
    throw new UsageError('缺少密码：请在终端中运行以便输入密码，或用 --password-file 指定密码文件（第一行为密码）。');
  return readHidden(prompt);
}

function readHidden(prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish();
        if (ch === '\u0003') return finish(new UsageError('已取消。'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}
