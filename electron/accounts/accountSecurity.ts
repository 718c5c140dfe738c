/**
 * The security administrator's acts on accounts (安全管理员): giving and taking roles, held to 三员分立
 * (rules/roles.ts roleSetProblem), and locking or unlocking an account. Nobody changes their own roles
 * or locks themselves, and no change may leave an administrator role without an enabled holder.
 */
import { eq } from 'drizzle-orm';
import { LedgerError } from '../../db/ledgerError';
import { accountRoles, accounts } from '../../db/schema';
import type { Role } from '../../db/vocabulary';
import { roleSetProblem, rolesText } from '../rules/roles';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireRight, type Acting } from './access';
import { accountView, keepAdminHolders, lockOf, requireAccount, rolesOf, type AccountView } from './accountRecords';

/** Sets the account's roles to exactly `roles`: those missing are given, those not listed are taken away. */
export function setRoles(ctx: ServiceContext, acting: Acting, loginName: string, roles: readonly Role[]): AccountView {
  const actor = requireRight(ctx, acting, 'roles.assign', '分配角色');
  const next = [...new Set(roles)];
  const problem = roleSetProblem(next);
  if (problem) throw new LedgerError('role_conflict', `角色未变更：${problem}。`);
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    if (row.id === actor.id) throw new LedgerError('own_account', '角色未变更：不能修改自己的角色，请由另一位安全管理员办理。');
    const before = rolesOf(ctx, row.id);
    if (before.length === next.length && before.every((r) => next.includes(r))) return accountView(ctx, row);
    keepAdminHolders(ctx, row, { roles: next, disabled: row.disabled }, '角色变更');
    ctx.ledger.db.delete(accountRoles).where(eq(accountRoles.accountId, row.id)).run();
    for (const role of next) ctx.ledger.db.insert(accountRoles).values({ accountId: row.id, role }).run();
    appendAudit(ctx, {
      action: 'account.roles',
      entity: 'account',
      entityId: row.id,
      before: { loginName: row.loginName, roles: rolesText(before) },
      after: { loginName: row.loginName, roles: rolesText(next) },
    });
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}

/** Locks the account until the security administrator unlocks it (a lost or shared password, a leaver). */
export function lockAccount(ctx: ServiceContext, acting: Acting, loginName: string): AccountView {
  const actor = requireRight(ctx, acting, 'accounts.lock', '锁定账号');
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    if (row.id === actor.id) throw new LedgerError('own_account', '账号未锁定：不能锁定自己正在使用的账号。');
    if (row.lockedManually) return accountView(ctx, row);
    ctx.ledger.db.update(accounts).set({ lockedManually: true }).where(eq(accounts.id, row.id)).run();
    appendAudit(ctx, {
      action: 'account.lock',
      entity: 'account',
      entityId: row.id,
      after: { loginName: row.loginName, reason: '安全管理员锁定' },
    });
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}

/** Ends a lock of either kind (by the administrator, or for failed logins) and clears the failure count. */
export function unlockAccount(ctx: ServiceContext, acting: Acting, loginName: string): AccountView {
  requireRight(ctx, acting, 'accounts.lock', '解锁账号');
  return inTransaction(ctx, () => {
    const row = requireAccount(ctx, loginName);
    const lock = lockOf(row, ctx.now());
    if (!lock) throw new LedgerError('not_locked', `账号“${row.loginName}”没有锁定，无需解锁。`);
    ctx.ledger.db.update(accounts).set({ lockedManually: false, lockedUntil: null, failedLogins: 0 }).where(eq(accounts.id, row.id)).run();
    appendAudit(ctx, {
      action: 'account.unlock',
      entity: 'account',
      entityId: row.id,
      before: { loginName: row.loginName, lockedUntil: lock.kind === 'failures' ? lock.until : '直至解锁' },
      after: { loginName: row.loginName },
    });
    return accountView(ctx, requireAccount(ctx, row.loginName));
  });
}
