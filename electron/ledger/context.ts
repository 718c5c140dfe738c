import type { Ledger, LedgerDb } from '../../db/open';

/** What every service call gets: the open ledger and who is acting (recorded in the audit log). */
export interface ServiceContext {
  readonly ledger: Ledger;
  readonly actor: string;
  /** The clock, injectable so tests and the demo year are reproducible. */
  readonly now: () => Date;
}

export function serviceContext(ledger: Ledger, actor: string, now: () => Date = () => new Date()): ServiceContext {
  return { ledger, actor, now };
}

/** Runs fn in one SQLite transaction: it all lands, or nothing does. Nested calls become savepoints. */
export function inTransaction<T>(ctx: ServiceContext, fn: () => T): T {
  return ctx.ledger.sqlite.transaction(fn)();
}

const preparedByLedger = new WeakMap<Ledger, Map<string, unknown>>();

/**
 * A query the services run on every write or read of a record, built and prepared once per open ledger
 * (with sql.placeholder for its parameters) instead of on each call: building and preparing statements
 * is most of the cost of a large batch of small writes, such as the demo year's.
 */
export function prepared<T>(ctx: ServiceContext, key: string, build: (db: LedgerDb) => T): T {
  let cache = preparedByLedger.get(ctx.ledger);
  if (!cache) preparedByLedger.set(ctx.ledger, (cache = new Map()));
  if (!cache.has(key)) cache.set(key, build(ctx.ledger.db));
  return cache.get(key) as T;
}
