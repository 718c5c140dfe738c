/**
 * Password hashing (等保2.0 身份鉴别): scrypt, memory-hard, with a random salt per account and the cost
 * parameters stored beside each hash, so a later, stronger setting leaves older hashes verifiable.
 * Nothing here is ever written to the audit log.
 */
import { randomBytes, randomInt, scryptSync, timingSafeEqual } from 'node:crypto';
import { passwordProblems, type PasswordPolicy } from '../rules/passwordPolicy';

export interface KdfParams {
  n: number;
  r: number;
  p: number;
}

export interface StoredPassword extends KdfParams {
  /** Hex. */
  hash: string;
  /** Hex. */
  salt: string;
}

/** N = 2^15, r = 8: 32 MiB and roughly 100–150 ms per hash on an office PC, costly for a guesser. */
export const KDF_PARAMS: KdfParams = { n: 2 ** 15, r: 8, p: 1 };

let inForce: KdfParams = KDF_PARAMS;

/**
 * For tests only (refused outside the test runner): a cheaper cost, so a test of a hundred logins takes
 * a second, not a minute. Each hash keeps the cost it was made with, so both verify either way.
 */
export function useKdfParamsInTests(params: KdfParams): void {
  if (!process.env.VITEST) throw new Error('只有测试可以改变密码哈希的计算量。');
  inForce = params;
}

const KEY_BYTES = 32;
const SALT_BYTES = 16;

function derive(password: string, salt: Buffer, { n, r, p }: KdfParams): Buffer {
  // maxmem must exceed 128·N·r bytes; Node's default (32 MiB) is exactly the need at N = 2^15, r = 8.
  return scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { N: n, r, p, maxmem: 256 * n * r + 1024 * 1024 });
}

export function hashPassword(password: string): StoredPassword {
  const salt = randomBytes(SALT_BYTES);
  return { ...inForce, salt: salt.toString('hex'), hash: derive(password, salt, inForce).toString('hex') };
}

/** A new password as the accounts table keeps it. */
export function passwordColumns(password: string) {
  const stored = hashPassword(password);
  return { passwordHash: stored.hash, passwordSalt: stored.salt, kdfN: stored.n, kdfR: stored.r, kdfP: stored.p };
}

export function verifyPassword(password: string, stored: StoredPassword): boolean {
  const expected = Buffer.from(stored.hash, 'hex');
  const actual = derive(password, Buffer.from(stored.salt, 'hex'), stored);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * For a login name that has no account: the same work as a real check, so the time a refusal takes
 * does not tell a guesser which names exist.
 */
export function spendVerifyTime(password: string): void {
  derive(password, randomBytes(SALT_BYTES), inForce);
}

/** No 0/O, 1/l/I: a one-time password is read off a screen and typed by hand. */
const ALPHABETS = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '#%+=@'];

/**
 * A random one-time password for a new account or a reset: all four character classes and at least
 * 12 characters (more if the policy asks), so it passes the policy in force.
 */
export function oneTimePassword(loginName: string, policy: PasswordPolicy): string {
  const length = Math.max(12, policy.minLength);
  for (;;) {
    const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
    const all = ALPHABETS.join('');
    while (chars.length < length) chars.push(all[randomInt(all.length)]!);
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j]!, chars[i]!];
    }
    const password = chars.join('');
    if (passwordProblems(password, loginName, policy).length === 0) return password;
  }
}
