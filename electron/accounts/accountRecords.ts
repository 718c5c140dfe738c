/**
 * Reading accounts: one account by login name, its roles, whether it is locked, and the view every
 * caller gets — which never carries the password hash or salt; and the password policy in force.
 */
import { and, asc, eq, ne } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { accountRoles, accounts, passwordPolicies } from '../../db/schema';
import { ROLE_CODES, type Role } from '../../db/vocabulary';
import { ADMIN_ROLES, ROLE_LABELS } from '../rules/roles';
import { normaliseLoginName } from '../rules/loginName';
import { DEFAULT_PASSWORD_POLICY, type PasswordPolicy } from '../rules/passwordPolicy';
import { actorText } from '../rules/operator';
import type { ServiceContext } from '../ledger/context';

export type AccountRow = typeof accounts.$inferSelect;

export interface AccountView {
  id: number;
  loginName: string;
  displayName: string | null;
  roles: Role[];
  mustChangePassword: boolean;
  passwordChangedAt: string;
  failedLogins: number;
  /** Why the account cannot log in now: locked by failures (until when) or by the security administrator. */
  lock: AccountLock | null;
  disabled: boolean;
  createdAt: string;
}

export type AccountLock = { kind: 'failures'; until: string } | { kind: 'manual' };

export function findAccount(ctx: ServiceContext, loginName: string): AccountRow | undefined {
  return ctx.ledger.db
    .select()
    .from(accounts)
    .where(eq(accounts.loginName, normaliseLoginName(loginName)))
    .get();
}

export function requireAccount(ctx: ServiceContext, loginName: string): AccountRow {
  const row = findAccount(ctx, loginName);
  if (!row) throw new LedgerError('not_found', `台账中没有登录名为“${loginName.trim()}”的账号，请检查登录名。`);
  return row;
}

/** Roles in the vocabulary's order, so lists and audit snapshots read the same every time. */
export function rolesOf(ctx: ServiceContext, accountId: number): Role[] {
  const held = new Set(
    ctx.ledger.db
      .select({ role: accountRoles.role })
      .from(accountRoles)
      .where(eq(accountRoles.accountId, accountId))
      .all()
      .map((r) => r.role),
  );
  return ROLE_CODES.filter((r) => held.has(r));
}

/** A manual lock holds until unlocked; a lock for failures ends by itself at lockedUntil. */
export function lockOf(row: AccountRow, now: Date): AccountLock | null {
  if (row.lockedManually) return { kind: 'manual' };
  if (row.lockedUntil && new Date(row.lockedUntil).getTime() > now.getTime()) return { kind: 'failures', until: row.lockedUntil };
  return null;
}

export function accountView(ctx: ServiceContext, row: AccountRow): AccountView {
  return {
    id: row.id,
    loginName: row.loginName,
    displayName: row.displayName,
    roles: rolesOf(ctx, row.id),
    mustChangePassword: row.mustChangePassword,
    passwordChangedAt: row.passwordChangedAt,
    failedLogins: row.failedLogins,
    lock: lockOf(row, ctx.now()),
    disabled: row.disabled,
    createdAt: row.createdAt,
  };
}

export function allAccounts(ctx: ServiceContext): AccountView[] {
  return ctx.ledger.db
    .select()
    .from(accounts)
    .orderBy(asc(accounts.id))
    .all()
    .map((row) => accountView(ctx, row));
}

/**
 * The context an account acts in: the audit log records it as "张三（zhangsan）", or with the channel
 * it came through, "张三（命令行:zhangsan）".
 */
export function actingContext(
  ctx: ServiceContext,
  account: Pick<AccountRow, 'loginName' | 'displayName'>,
  channel?: string,
): ServiceContext {
  const login = channel ? `${channel}:${account.loginName}` : account.loginName;
  return { ledger: ctx.ledger, now: ctx.now, actor: actorText(login, account.displayName) };
}

export const POLICY_ROW_ID = 1;

/** The security administrator's saved policy, or the defaults while none is saved. */
export function currentPolicy(ctx: ServiceContext): PasswordPolicy {
  const row = ctx.ledger.db.select().from(passwordPolicies).where(eq(passwordPolicies.id, POLICY_ROW_ID)).get();
  if (!row) return { ...DEFAULT_PASSWORD_POLICY };
  const { id: _id, updatedAt: _updatedAt, ...policy } = row;
  return policy;
}

/**
 * Refuses a change that would leave an administrator role with no enabled account: with no 安全管理员
 * nobody could assign roles again, with no 系统管理员 nobody could add accounts.
 */
export function keepAdminHolders(
  ctx: ServiceContext,
  account: AccountRow,
  after: { roles: readonly Role[]; disabled: boolean },
  what: string,
): void {
  if (account.disabled) return;
  const held = rolesOf(ctx, account.id);
  for (const role of ADMIN_ROLES) {
    if (!held.includes(role) || (after.roles.includes(role) && !after.disabled)) continue;
    const others = ctx.ledger.db
      .select({ id: accounts.id })
      .from(accountRoles)
      .innerJoin(accounts, eq(accounts.id, accountRoles.accountId))
      .where(and(eq(accountRoles.role, role), ne(accounts.id, account.id), eq(accounts.disabled, false)))
      .all();
    if (others.length === 0)
      throw new LedgerError(
        'last_admin',
        `${what}未办理：账号“${account.loginName}”是台账中唯一启用的${ROLE_LABELS[role]}，台账须始终保留一个。请先为另一个账号授予${ROLE_LABELS[role]}。`,
      );
  }
}
