/**
 * 访问控制 inside the account services: the acting account must exist, be usable (not disabled, not
 * locked, its password not due for a change) and hold the right the action needs. A refusal is a zh-CN
 * message and an audit entry. Call before opening the action's transaction, so the entry of a refusal
 * is not rolled back with the action.
 */
import { LedgerError } from '../../db/ledgerError';
import { passwordExpired } from '../rules/passwordPolicy';
import { hasRight, RIGHT_LABELS, ROLE_LABELS, rolesWith, type Right } from '../rules/roles';
import { appendAudit } from '../ledger/audit';
import type { ServiceContext } from '../ledger/context';
import { currentPolicy, findAccount, lockOf, rolesOf, type AccountRow } from './accountRecords';

/** Who is acting: the account that logged in. Its roles are read afresh on every check. */
export interface Acting {
  loginName: string;
}

/** The acting account, when it holds one of `rights`; otherwise the refusal is audited and thrown. */
export function requireRight(ctx: ServiceContext, acting: Acting, rights: Right | readonly Right[], what: string): AccountRow {
  const needed = typeof rights === 'string' ? [rights] : rights;
  const row = findAccount(ctx, acting.loginName);
  const refuse = (message: string): never => {
    appendAudit(ctx, {
      action: 'access.denied',
      entity: 'account',
      entityId: row?.id ?? null,
      after: { loginName: acting.loginName, attempted: what, right: needed.map((r) => RIGHT_LABELS[r]).join('或') },
    });
    throw new LedgerError('forbidden', message);
  };
  if (!row) return refuse(`账号“${acting.loginName}”不存在，不能${what}。`);
  if (row.disabled) return refuse(`账号“${row.loginName}”已停用，不能${what}。`);
  if (lockOf(row, ctx.now())) return refuse(`账号“${row.loginName}”已锁定，不能${what}。`);
  if (row.mustChangePassword || passwordExpired(row.passwordChangedAt, ctx.now(), currentPolicy(ctx)))
    return refuse(`账号“${row.loginName}”须先修改密码（初始密码、重置后的密码或已过期的密码），改后才能${what}。`);
  const roles = rolesOf(ctx, row.id);
  if (!needed.some((r) => hasRight(roles, r))) {
    const holders = [...new Set(needed.flatMap(rolesWith))].map((r) => ROLE_LABELS[r]).join('或');
    return refuse(
      `账号“${row.loginName}”没有“${needed.map((r) => RIGHT_LABELS[r]).join('”或“')}”的权限，不能${what}。请由${holders}办理。`,
    );
  }
  return row;
}
