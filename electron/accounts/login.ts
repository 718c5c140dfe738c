/**
 * 登录 (等保2.0 身份鉴别): a login name and password give the account and its roles, or a zh-CN refusal.
 * Failed logins in a row lock the account for the policy's minutes; a locked account refuses even the
 * right password until the lock ends or the security administrator unlocks it. A one-time or expired
 * password logs in but must be changed before anything else (access.ts refuses every other action).
 * Every login, failure, lock, logout and password change is in the audit log, the password never.
 */
import { eq } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { accounts } from '../../db/schema';
import { normaliseLoginName } from '../rules/loginName';
import { lockEnd, minutesLeft, passwordExpired, passwordProblems } from '../rules/passwordPolicy';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { accountView, actingContext, currentPolicy, findAccount, lockOf, requireAccount, type AccountView } from './accountRecords';
import { passwordColumns, spendVerifyTime, verifyPassword } from './passwords';

/** Why a password must be changed now: a one-time one (new account, reset) or one past the policy's expiry. */
export type PasswordChangeReason = 'oneTime' | 'expired';

export type LoginResult =
  | { ok: true; account: AccountView; mustChangePassword: PasswordChangeReason | null }
  | { ok: false; code: 'bad_credentials' | 'locked' | 'disabled'; message: string };

export interface LoginOptions {
  /** How the person came in (e.g. 命令行), recorded with the account in the audit log. */
  channel?: string;
}

export function login(ctx: ServiceContext, loginName: string, password: string, options: LoginOptions = {}): LoginResult {
  const result = checkCredentials(ctx, loginName, password, '登录', options.channel);
  if (!result.ok) return result;
  const row = result.row;
  const actx = actingContext(ctx, row, options.channel);
  inTransaction(actx, () =>
    appendAudit(actx, { action: 'account.login', entity: 'account', entityId: row.id, after: { loginName: row.loginName } }),
  );
  const reason = row.mustChangePassword
    ? 'oneTime'
    : passwordExpired(row.passwordChangedAt, ctx.now(), currentPolicy(ctx))
      ? 'expired'
      : null;
  return { ok: true, account: accountView(ctx, requireAccount(ctx, row.loginName)), mustChangePassword: reason };
}

export function logout(ctx: ServiceContext, loginName: string, options: LoginOptions = {}): void {
  const row = requireAccount(ctx, loginName);
  const actx = actingContext(ctx, row, options.channel);
  inTransaction(actx, () =>
    appendAudit(actx, { action: 'account.logout', entity: 'account', entityId: row.id, after: { loginName: row.loginName } }),
  );
}

/**
 * The holder changes their own password: the current one is checked like a login (failures count
 * towards the lock), the new one against the policy. Clears a one-time or expired password.
 */
export function changePassword(
  ctx: ServiceContext,
  loginName: string,
  currentPassword: string,
  newPassword: string,
  options: LoginOptions = {},
): AccountView {
  const checked = checkCredentials(ctx, loginName, currentPassword, '修改密码', options.channel);
  if (!checked.ok) throw new LedgerError(checked.code, `密码未修改：${checked.message}`);
  const row = checked.row;
  const problems = passwordProblems(newPassword, row.loginName, currentPolicy(ctx));
  if (newPassword === currentPassword) problems.push('新密码不能与原密码相同，请换一个');
  if (problems.length) throw new LedgerError('invalid_input', `密码未修改：${problems.join('；')}。`, { newPassword: problems.join('；') });
  const actx = actingContext(ctx, row, options.channel);
  return inTransaction(actx, () => {
    ctx.ledger.db
      .update(accounts)
      .set({ ...passwordColumns(newPassword), mustChangePassword: false, passwordChangedAt: ctx.now().toISOString() })
      .where(eq(accounts.id, row.id))
      .run();
    appendAudit(actx, { action: 'account.changePassword', entity: 'account', entityId: row.id, after: { loginName: row.loginName } });
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}

type Checked = { ok: true; row: typeof accounts.$inferSelect } | Extract<LoginResult, { ok: false }>;

/** The same words whether the name or the password was wrong, so a refusal does not tell which names exist. */
const BAD_CREDENTIALS = '登录名或密码不正确，请重新输入。';

/** Checks a name and password, counting failures, locking and auditing; the caller acts on success. */
function checkCredentials(ctx: ServiceContext, loginName: string, password: string, attempted: string, channel?: string): Checked {
  const now = ctx.now();
  const policy = currentPolicy(ctx);
  const row = findAccount(ctx, loginName);
  if (!row) {
    spendVerifyTime(password);
    const typed = normaliseLoginName(loginName).slice(0, 40);
    const actx = actingContext(ctx, { loginName: typed, displayName: null }, channel);
    inTransaction(actx, () =>
      appendAudit(actx, { action: 'account.loginFailed', entity: 'account', after: { loginName: typed, attempted, outcome: '无此账号' } }),
    );
    return { ok: false, code: 'bad_credentials', message: BAD_CREDENTIALS };
  }
  const actx = actingContext(ctx, row, channel);
  const failed = (code: 'locked' | 'disabled', outcome: string, message: string): Checked => {
    inTransaction(actx, () =>
      appendAudit(actx, {
        action: 'account.loginFailed',
        entity: 'account',
        entityId: row.id,
        after: { loginName: row.loginName, attempted, outcome },
      }),
    );
    return { ok: false, code, message };
  };
  if (row.disabled) return failed('disabled', '账号已停用', '该账号已停用，不能登录。如需使用，请联系系统管理员。');
  const lock = lockOf(row, now);
  if (lock?.kind === 'manual') return failed('locked', '账号已锁定', '该账号已被安全管理员锁定，不能登录。请联系安全管理员解锁。');
  if (lock) {
    return failed(
      'locked',
      '账号已锁定',
      `该账号因连续输错密码已锁定，请 ${minutesLeft(lock.until, now)} 分钟后再试，或请安全管理员解锁。`,
    );
  }

  if (verifyPassword(password, { hash: row.passwordHash, salt: row.passwordSalt, n: row.kdfN, r: row.kdfR, p: row.kdfP })) {
    if (row.failedLogins > 0 || row.lockedUntil)
      ctx.ledger.db.update(accounts).set({ failedLogins: 0, lockedUntil: null }).where(eq(accounts.id, row.id)).run();
    return { ok: true, row };
  }
  // A lock that has run out starts the count again.
  const failures = (row.lockedUntil ? 0 : row.failedLogins) + 1;
  const locks = failures >= policy.lockAfterFailures;
  const lockedUntil = locks ? lockEnd(now, policy).toISOString() : null;
  inTransaction(actx, () => {
    ctx.ledger.db.update(accounts).set({ failedLogins: failures, lockedUntil }).where(eq(accounts.id, row.id)).run();
    appendAudit(actx, {
      action: 'account.loginFailed',
      entity: 'account',
      entityId: row.id,
      after: { loginName: row.loginName, attempted, failures },
    });
    if (locks)
      appendAudit(actx, {
        action: 'account.lock',
        entity: 'account',
        entityId: row.id,
        after: { loginName: row.loginName, lockedUntil, reason: `连续 ${failures} 次输错密码` },
      });
  });
  const message = locks
    ? `登录名或密码不正确。该账号已连续 ${failures} 次输错密码，锁定 ${policy.lockMinutes} 分钟；如需提前解锁，请联系安全管理员。`
    : BAD_CREDENTIALS;
  return { ok: false, code: locks ? 'locked' : 'bad_credentials', message };
}
