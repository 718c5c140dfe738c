/**
 * 密码策略 (等保2.0 身份鉴别): the security administrator's settings, their defaults and limits, and the
 * checks a new password and a login are held to. Pure: the clock comes in as an argument.
 */
export interface PasswordPolicy {
  minLength: number;
  /** How many of 大写字母, 小写字母, 数字, 符号 a password must mix. */
  requiredClasses: number;
  /** A password older than this must be changed at the next login. */
  expiryDays: number;
  /** Failed logins in a row that lock the account. */
  lockAfterFailures: number;
  lockMinutes: number;
  /** Idle time after which a session locks and asks for the password again. */
  idleLockMinutes: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = {
  minLength: 8,
  requiredClasses: 3,
  expiryDays: 90,
  lockAfterFailures: 5,
  lockMinutes: 30,
  idleLockMinutes: 15,
};

/** Each setting's name and the range the security administrator may choose from. */
export const POLICY_FIELDS: Record<keyof PasswordPolicy, { label: string; unit: string; min: number; max: number }> = {
  minLength: { label: '密码最短长度', unit: '个字符', min: 8, max: 32 },
  requiredClasses: { label: '须包含的字符种类', unit: '类', min: 2, max: 4 },
  expiryDays: { label: '密码有效期', unit: '天', min: 1, max: 365 },
  lockAfterFailures: { label: '连续登录失败锁定次数', unit: '次', min: 3, max: 10 },
  lockMinutes: { label: '锁定时长', unit: '分钟', min: 1, max: 1440 },
  idleLockMinutes: { label: '无操作锁屏时间', unit: '分钟', min: 1, max: 60 },
};

const POLICY_KEYS = Object.keys(POLICY_FIELDS) as (keyof PasswordPolicy)[];

/** The longest password accepted; longer ones are almost always a pasted mistake. */
export const PASSWORD_MAX_LENGTH = 64;

/** Why each setting cannot be saved, by field; empty when the policy is acceptable. */
export function policyProblems(policy: PasswordPolicy): Partial<Record<keyof PasswordPolicy, string>> {
  const problems: Partial<Record<keyof PasswordPolicy, string>> = {};
  for (const key of POLICY_KEYS) {
    const { label, unit, min, max } = POLICY_FIELDS[key];
    const value = policy[key];
    if (!Number.isInteger(value) || value < min || value > max) problems[key] = `${label}须为 ${min}–${max} ${unit}的整数，现为 ${value}`;
  }
  return problems;
}

const CLASSES = [
  { label: '大写字母', test: /[A-Z]/ },
  { label: '小写字母', test: /[a-z]/ },
  { label: '数字', test: /[0-9]/ },
  { label: '符号', test: /[!-/:-@[-`{-~]/ },
] as const;

/** Every reason this password cannot be set for this account, in zh-CN; empty when it can. */
export function passwordProblems(password: string, accountName: string, policy: PasswordPolicy): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < policy.minLength) problems.push(`密码至少 ${policy.minLength} 个字符，现在只有 ${length} 个，请加长`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`密码不超过 ${PASSWORD_MAX_LENGTH} 个字符，请缩短`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(password)) problems.push('密码不能含换行、制表符等控制字符，请重新输入');
  const present = CLASSES.filter((c) => c.test.test(password)).map((c) => c.label);
  if (present.length < policy.requiredClasses)
    problems.push(
      `密码须包含大写字母、小写字母、数字、符号中的至少 ${policy.requiredClasses} 类，现在只有${present.length ? present.join('、') : '其中 0 类'}，请再加 ${policy.requiredClasses - present.length} 类`,
    );
  const name = accountName.trim().toLowerCase();
  if (name && password.toLowerCase().includes(name)) problems.push(`密码不能包含登录名“${accountName.trim()}”（不分大小写），请换一个`);
  return problems;
}

/** Whether a password set at `changedAt` has outlived the policy at `now`. */
export function passwordExpired(changedAt: string, now: Date, policy: PasswordPolicy): boolean {
  return now.getTime() - new Date(changedAt).getTime() >= policy.expiryDays * 86_400_000;
}

/** When a lock set at `now` ends. */
export function lockEnd(now: Date, policy: PasswordPolicy): Date {
  return new Date(now.getTime() + policy.lockMinutes * 60_000);
}

/** Minutes left of a lock, rounded up, for the refusal's message. */
export function minutesLeft(until: string, now: Date): number {
  return Math.max(1, Math.ceil((new Date(until).getTime() - now.getTime()) / 60_000));
}
