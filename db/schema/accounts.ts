/**
 * Accounts (等保2.0 身份鉴别 and 访问控制): who may open the ledger, each account's roles, and the password
 * policy. Passwords are kept only as scrypt hashes with a per-account salt and the cost parameters they
 * were made with, so raising the cost later leaves old hashes verifiable.
 */
import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ROLE_CODES } from '../vocabulary';
import { createdAt, updatedAt } from './columns';

export const accounts = sqliteTable(
  'accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-case (rules/loginName.ts), so the unique index is also case-blind. */
    loginName: text('login_name').notNull(),
    displayName: text('display_name'),
    /** scrypt output and salt, hex. */
    passwordHash: text('password_hash').notNull(),
    passwordSalt: text('password_salt').notNull(),
    kdfN: integer('kdf_n').notNull(),
    kdfR: integer('kdf_r').notNull(),
    kdfP: integer('kdf_p').notNull(),
    /** Set for a one-time password (a new account, a reset); cleared when the holder sets their own. */
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(true),
    passwordChangedAt: text('password_changed_at').notNull(),
    /** Failed logins in a row since the last success or lock. */
    failedLogins: integer('failed_logins').notNull().default(0),
    /** End of the lock set by too many failures; null when not locked that way. */
    lockedUntil: text('locked_until'),
    /** Locked by the security administrator: stays locked until they unlock it. */
    lockedManually: integer('locked_manually', { mode: 'boolean' }).notNull().default(false),
    disabled: integer('disabled', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_login_name_unique').on(t.loginName), check('accounts_failed_nonnegative', sql`${t.failedLogins} >= 0`)],
);

export const accountRoles = sqliteTable(
  'account_roles',
  {
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'restrict' }),
    role: text('role', { enum: ROLE_CODES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.role] }), index('account_roles_role').on(t.role)],
);

/** 密码策略 (rules/passwordPolicy.ts): at most one row (id 1); none means the defaults. */
export const passwordPolicies = sqliteTable(
  'password_policy',
  {
    id: integer('id').primaryKey(),
    minLength: integer('min_length').notNull(),
    requiredClasses: integer('required_classes').notNull(),
    expiryDays: integer('expiry_days').notNull(),
    lockAfterFailures: integer('lock_after_failures').notNull(),
    lockMinutes: integer('lock_minutes').notNull(),
    idleLockMinutes: integer('idle_lock_minutes').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [check('password_policy_single_row', sql`${t.id} = 1`)],
);
