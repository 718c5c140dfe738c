/**
 * Accounts' existence (系统管理员): create, list, name, disable and enable, reset a forgotten password;
 * and the first administrators of a new ledger. A new or reset account gets a random one-time password,
 * shown once to whoever created it and never stored or audited in clear; its holder must change it at
 * the first login. Roles are not given here: that is the security administrator's (accountSecurity.ts).
 */
import { eq, sql } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { accountRoles, accounts } from '../../db/schema';
import type { Role } from '../../db/vocabulary';
import { loginNameProblem, normaliseLoginName } from '../rules/loginName';
import { operatorNameProblem } from '../rules/operator';
import { ROLE_LABELS, rolesText, type ADMIN_ROLES } from '../rules/roles';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireRight, type Acting } from './access';
import {
  accountView,
  allAccounts,
  currentPolicy,
  findAccount,
  keepAdminHolders,
  requireAccount,
  rolesOf,
  type AccountView,
} from './accountRecords';
import { oneTimePassword, passwordColumns } from './passwords';

export interface NewAccountInput {
  loginName: string;
  displayName?: string | null;
}

/** An account just made or reset, with the one-time password to hand to its holder (shown once). */
export interface OneTimeCredentials {
  account: AccountView;
  oneTimePassword: string;
}

export function listAccounts(ctx: ServiceContext, acting: Acting): AccountView[] {
  requireRight(ctx, acting, ['accounts.manage', 'roles.assign', 'accounts.lock'], '查看账号');
  return allAccounts(ctx);
}

export function createAccount(ctx: ServiceContext, acting: Acting, input: NewAccountInput): OneTimeCredentials {
  requireRight(ctx, acting, 'accounts.manage', '新建账号');
  return inTransaction(ctx, () => insertAccount(ctx, input, []));
}

export function setDisplayName(ctx: ServiceContext, acting: Acting, loginName: string, displayName: string): AccountView {
  requireRight(ctx, acting, 'accounts.manage', '修改账号姓名');
  const problem = operatorNameProblem(displayName);
  if (problem) throw new LedgerError('invalid_input', `姓名未保存：${problem}。`, { displayName: problem });
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    const next = displayName.trim() || null;
    if (next !== row.displayName) {
      ctx.ledger.db.update(accounts).set({ displayName: next }).where(eq(accounts.id, row.id)).run();
      appendAudit(ctx, {
        action: 'account.rename',
        entity: 'account',
        entityId: row.id,
        before: { loginName: row.loginName, displayName: row.displayName },
        after: { loginName: row.loginName, displayName: next },
      });
    }
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}

/** 停用 keeps the account and its audit trail but refuses its logins; 启用 lets it log in again. */
export function setAccountDisabled(ctx: ServiceContext, acting: Acting, loginName: string, disabled: boolean): AccountView {
  const what = disabled ? '停用账号' : '启用账号';
  const actor = requireRight(ctx, acting, 'accounts.manage', what);
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    if (row.id === actor.id) throw new LedgerError('own_account', `${what}未办理：不能停用自己正在使用的账号。`);
    if (row.disabled === disabled) return accountView(ctx, row);
    keepAdminHolders(ctx, row, { roles: rolesOf(ctx, row.id), disabled }, what);
    ctx.ledger.db.update(accounts).set({ disabled }).where(eq(accounts.id, row.id)).run();
    appendAudit(ctx, {
      action: disabled ? 'account.disable' : 'account.enable',
      entity: 'account',
      entityId: row.id,
      before: { loginName: row.loginName, disabled: row.disabled },
      after: { loginName: row.loginName, disabled },
    });
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}

/** A forgotten password: a new one-time password replaces it (the holder changes it at the next login). */
export function resetPassword(ctx: ServiceContext, acting: Acting, loginName: string): OneTimeCredentials {
  const actor = requireRight(ctx, acting, 'accounts.manage', '重置密码');
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    if (row.id === actor.id) throw new LedgerError('own_account', '重置密码未办理：自己的密码请用“修改密码”更改。');
    const password = oneTimePassword(row.loginName, currentPolicy(ctx));
    ctx.ledger.db
      .update(accounts)
      .set({ ...passwordColumns(password), mustChangePassword: true, passwordChangedAt: ctx.now().toISOString() })
      .where(eq(accounts.id, row.id))
      .run();
    appendAudit(ctx, { action: 'account.resetPassword', entity: 'account', entityId: row.id, after: { loginName: row.loginName } });
    return { account: accountView(ctx, requireAccount(ctx, row.loginName)), oneTimePassword: password };
  });
}

/** The three administrators a new ledger starts with (三员), one account each. */
export const FIRST_ADMINS: readonly { loginName: string; role: (typeof ADMIN_ROLES)[number] }[] = [
  { loginName: 'admin', role: 'systemAdmin' },
  { loginName: 'anquan', role: 'securityAdmin' },
  { loginName: 'shenji', role: 'auditAdmin' },
];

/**
 * On a ledger without accounts, creates the 系统管理员, 安全管理员 and 审计管理员 with random one-time
 * passwords, returned once for the first start to show; each holder must change theirs at the first
 * login. All three are made together because roles are given only by a 安全管理员: a ledger with just
 * a 系统管理员 could never get one. On a ledger that has accounts it does nothing and returns [].
 */
export function ensureFirstAdmins(ctx: ServiceContext): OneTimeCredentials[] {
  return inTransaction(ctx, () => {
    const count = ctx.ledger.db
      .select({ n: sql<number>`count(*)` })
      .from(accounts)
      .get()!.n;
    if (count > 0) return [];
    return FIRST_ADMINS.map(({ loginName, role }) => insertAccount(ctx, { loginName, displayName: ROLE_LABELS[role] }, [role]));
  });
}

function insertAccount(ctx: ServiceContext, input: NewAccountInput, roles: Role[]): OneTimeCredentials {
  const loginName = normaliseLoginName(input.loginName);
  const nameProblem = loginNameProblem(input.loginName);
  const displayProblem = input.displayName ? operatorNameProblem(input.displayName) : null;
  if (nameProblem || displayProblem)
    throw new LedgerError('invalid_input', `账号未新建：${nameProblem ?? displayProblem}。`, {
      ...(nameProblem ? { loginName: nameProblem } : {}),
      ...(displayProblem ? { displayName: displayProblem } : {}),
    });
  if (findAccount(ctx, loginName)) throw new LedgerError('duplicate', `账号未新建：登录名“${loginName}”已有账号使用，请换一个登录名。`);
  const password = oneTimePassword(loginName, currentPolicy(ctx));
  const displayName = input.displayName?.trim() || null;
  const row = ctx.ledger.db
    .insert(accounts)
    .values({ loginName, displayName, ...passwordColumns(password), mustChangePassword: true, passwordChangedAt: ctx.now().toISOString() })
    .returning()
    .get();
  for (const role of roles) ctx.ledger.db.insert(accountRoles).values({ accountId: row.id, role }).run();
  appendAudit(ctx, {
    action: 'account.create',
    entity: 'account',
    entityId: row.id,
    after: { loginName, displayName, ...(roles.length ? { roles: rolesText(roles) } : {}) },
  });
  return { account: accountView(ctx, row), oneTimePassword: password };
}
