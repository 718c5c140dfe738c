/**
 * The demo ledger's accounts: one per role, with documented passwords (printed by `demo` and listed in
 * the README) that satisfy the default policy, so a trainee can try each role at once. Made the way a
 * bureau would: the first start's three administrators, the 系统管理员 adds the business accounts, the
 * 安全管理员 gives their roles, and each holder replaces the one-time password with the documented one.
 */
import type { Role } from '../../db/vocabulary';
import { actingContext } from '../../electron/accounts/accountRecords';
import { createAccount, ensureFirstAdmins } from '../../electron/accounts/accounts';
import { setRoles } from '../../electron/accounts/accountSecurity';
import { changePassword } from '../../electron/accounts/login';
import type { ServiceContext } from '../../electron/ledger/context';
import { LedgerError } from '../../db/ledgerError';

export interface DemoAccount {
  loginName: string;
  displayName: string;
  roles: Role[];
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { loginName: 'admin', displayName: '系统管理员', roles: ['systemAdmin'], password: 'Xtgl#2023' },
  { loginName: 'anquan', displayName: '安全管理员', roles: ['securityAdmin'], password: 'Aqgl#2023' },
  { loginName: 'shenji', displayName: '审计管理员', roles: ['auditAdmin'], password: 'Sjgl#2023' },
  { loginName: 'jingban', displayName: '李娜', roles: ['clerk', 'classifiedReader'], password: 'Jbry#2023' },
  { loginName: 'shenhe', displayName: '王强', roles: ['reviewer', 'classifiedReader'], password: 'Shry#2023' },
  { loginName: 'chakan', displayName: '赵敏', roles: ['viewer'], password: 'Ckry#2023' },
];

/** Adds the demo accounts to a ledger that has none yet. */
export function buildDemoAccounts(ctx: ServiceContext): readonly DemoAccount[] {
  const oneTime = new Map(ensureFirstAdmins(ctx).map((m) => [m.account.loginName, m.oneTimePassword]));
  if (oneTime.size === 0) throw new LedgerError('accounts_exist', '台账中已有账号，演示账号只能加入没有账号的台账。');
  const as = (loginName: string) =>
    actingContext(
      ctx,
      DEMO_ACCOUNTS.find((a) => a.loginName === loginName)!,
    );
  const admins = DEMO_ACCOUNTS.filter((a) => oneTime.has(a.loginName));
  for (const a of admins) changePassword(ctx, a.loginName, oneTime.get(a.loginName)!, a.password);
  for (const a of DEMO_ACCOUNTS.filter((x) => !oneTime.has(x.loginName))) {
    const made = createAccount(as('admin'), { loginName: 'admin' }, { loginName: a.loginName, displayName: a.displayName });
    setRoles(as('anquan'), { loginName: 'anquan' }, a.loginName, a.roles);
    changePassword(ctx, a.loginName, made.oneTimePassword, a.password);
  }
  return DEMO_ACCOUNTS;
}
