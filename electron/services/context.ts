import type { Ledger } from '../../db/open';

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
