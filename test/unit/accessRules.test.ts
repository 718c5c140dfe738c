/**
 * The access rules on their own: which role sets one account may hold (三员分立), every password-policy
 * refusal, the policy's ranges, and the right each bridge call needs, checked over the whole contract.
 */
import { describe, expect, it } from 'vitest';
import { callRight } from '../../electron/bridge/callRights';
import { callNames, contract } from '../../electron/bridge/contract';
import { ROLE_CODES, type Role } from '../../db/vocabulary';
import { DEFAULT_PASSWORD_POLICY, passwordExpired, passwordProblems, policyProblems } from '../../electron/rules/passwordPolicy';
import { hasRight, roleSetProblem, type Right } from '../../electron/rules/roles';

const allowed = (roles: Role[]) => callNames.filter((name) => hasRight(roles, callRight(name)));

describe('三员分立', () => {
  it('refuses two administrator roles on one account, and an administrator with business roles', () => {
    expect(roleSetProblem(['systemAdmin', 'securityAdmin'])).toMatch(/不能同时担任系统管理员和安全管理员（三员分立）/);
    expect(roleSetProblem(['securityAdmin', 'auditAdmin'])).toMatch(/安全管理员和审计管理员/);
    expect(roleSetProblem(['systemAdmin', 'clerk'])).toMatch(/系统管理员不办理业务，不能同时授予经办/);
    expect(roleSetProblem(['auditAdmin', 'classifiedReader'])).toMatch(/审计管理员不办理业务/);
    expect(roleSetProblem(['classifiedReader'])).toMatch(/须与经办、审核或只读之一同时授予/);
  });

  it('accepts one administrator role alone, business roles together, and no role at all', () => {
    for (const roles of [
      ['systemAdmin'],
      ['securityAdmin'],
      ['auditAdmin'],
      ['clerk', 'reviewer', 'classifiedReader'],
      ['viewer'],
      [],
    ] as Role[][])
      expect(roleSetProblem(roles)).toBeNull();
  });
});

describe('password policy', () => {
  const policy = DEFAULT_PASSWORD_POLICY;

  it('accepts a password of eight characters mixing three classes', () => {
    expect(passwordProblems('Jbry#2023', 'jingban', policy)).toEqual([]);
  });

  it('names each rule a password breaks', () => {
    expect(passwordProblems('Ab#1', 'zhangsan', policy)).toEqual(['密码至少 8 个字符，现在只有 4 个，请加长']);
    expect(passwordProblems('abcdefgh1', 'zhangsan', policy)).toEqual([
      '密码须包含大写字母、小写字母、数字、符号中的至少 3 类，现在只有小写字母、数字，请再加 1 类',
    ]);
    expect(passwordProblems('ZhangSan#2023', 'zhangsan', policy)).toEqual(['密码不能包含登录名“zhangsan”（不分大小写），请换一个']);
    expect(passwordProblems('Abc#1234\n', 'zhangsan', policy)).toContain('密码不能含换行、制表符等控制字符，请重新输入');
    expect(passwordProblems(`Aa1#${'x'.repeat(61)}`, 'zhangsan', policy)).toEqual(['密码不超过 64 个字符，请缩短']);
    expect(passwordProblems('Abcdefg1', 'zhangsan', { ...policy, minLength: 10, requiredClasses: 4 })).toEqual([
      '密码至少 10 个字符，现在只有 8 个，请加长',
      '密码须包含大写字母、小写字母、数字、符号中的至少 4 类，现在只有大写字母、小写字母、数字，请再加 1 类',
    ]);
  });

  it('keeps each setting within its range and says which is out', () => {
    expect(policyProblems(DEFAULT_PASSWORD_POLICY)).toEqual({});
    expect(policyProblems({ ...policy, minLength: 6, lockAfterFailures: 0 })).toEqual({
      minLength: '密码最短长度须为 8–32 个字符的整数，现为 6',
      lockAfterFailures: '连续登录失败锁定次数须为 3–10 次的整数，现为 0',
    });
  });

  it('expires a password the policy’s days after it was set', () => {
    const set = '2023-01-01T00:00:00.000Z';
    expect(passwordExpired(set, new Date('2023-03-31T23:59:00Z'), policy)).toBe(false);
    expect(passwordExpired(set, new Date('2023-04-01T00:00:00Z'), policy)).toBe(true);
  });
});

describe('the right each bridge call needs', () => {
  it('gives 只读 no call that writes the ledger: only its own display name, kept outside the ledger', () => {
    const writes = allowed(['viewer']).filter((name) => contract[name].write);
    expect(writes).toEqual(['operator.setName']);
    expect(allowed(['viewer'])).toContain('projects.list');
    expect(allowed(['viewer'])).not.toContain('projects.export');
  });

  it('gives 审计管理员 the audit log and nothing of the business or the administration', () => {
    const calls = allowed(['auditAdmin']);
    expect(calls).toContain('audit.search');
    const other = calls.filter((name) => !name.startsWith('audit.') && callRight(name) !== 'session');
    expect(other).toEqual([]);
  });

  it('gives no administrator a business write, read or approval', () => {
    const business: Right[] = ['data.read', 'data.write', 'data.import', 'data.export', 'data.approve', 'classified.read'];
    for (const admin of ['systemAdmin', 'securityAdmin', 'auditAdmin'] as Role[])
      expect(allowed([admin]).filter((name) => business.includes(callRight(name)))).toEqual([]);
  });

  it('keeps the ledger’s administration with the 系统管理员 and decisions with 审核', () => {
    expect(allowed(['systemAdmin'])).toEqual(
      expect.arrayContaining(['backups.restore', 'backups.create', 'years.create', 'settings.save']),
    );
    for (const role of ROLE_CODES.filter((r) => r !== 'systemAdmin')) expect(allowed([role])).not.toContain('backups.restore');
    expect(allowed(['reviewer'])).toEqual(
      expect.arrayContaining(['review.approve', 'notices.issue', 'keyEvaluations.finalize', 'selfEvaluations.accept']),
    );
    expect(allowed(['clerk'])).not.toContain('review.approve');
    expect(allowed(['reviewer'])).not.toContain('projects.create');
    expect(allowed(['clerk'])).toEqual(expect.arrayContaining(['projects.create', 'projects.importCommit', 'targets.publicationExport']));
  });

  it('reads every file a call saves as an export and every file it opens as an import, except the backup, which is the 系统管理员’s', () => {
    for (const name of callNames) {
      const file = (contract[name] as { file?: { mode: string } }).file;
      if (file?.mode === 'save' && name !== 'backups.create') expect(callRight(name), name).toBe('data.export');
      if (file?.mode === 'open') expect(callRight(name), name).toBe('data.import');
    }
  });
});
