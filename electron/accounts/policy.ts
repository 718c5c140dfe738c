/**
 * Saving the 密码策略 (read by accountRecords.ts): the security administrator's alone. The policy
 * travels with the ledger, so a restored or copied ledger keeps its own.
 */
import { LedgerError } from '../../db/ledgerError';
import { passwordPolicies } from '../../db/schema';
import { policyProblems, type PasswordPolicy } from '../rules/passwordPolicy';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { requireRight, type Acting } from './access';
import { currentPolicy, POLICY_ROW_ID } from './accountRecords';

/** Saves the policy (安全管理员 only); every field is checked against its range first. */
export function savePolicy(ctx: ServiceContext, acting: Acting, next: PasswordPolicy): PasswordPolicy {
  requireRight(ctx, acting, 'policy.manage', '修改密码策略');
  const problems = policyProblems(next);
  const first = Object.values(problems)[0];
  if (first) throw new LedgerError('invalid_input', `密码策略未保存：${first}。`, problems);
  return inTransaction(ctx, () => {
    const before = currentPolicy(ctx);
    const values = { ...next, updatedAt: ctx.now().toISOString() };
    ctx.ledger.db
      .insert(passwordPolicies)
      .values({ id: POLICY_ROW_ID, ...values })
      .onConflictDoUpdate({ target: passwordPolicies.id, set: values })
      .run();
    appendAudit(ctx, { action: 'passwordPolicy.save', entity: 'password_policy', before, after: next });
    return currentPolicy(ctx);
  });
}
