/**
 * 审计日志: every write appends who, when, what, before and after. Entries are hash-chained, so an edit
 * made to the file outside the app shows up in `ledger check`.
 */
import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import { prepared, type ServiceContext } from './context';

const GENESIS = '0'.repeat(64);

export interface AuditInput {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string | null;
  before: string | null;
  after: string | null;
}

/** The two statements every write runs. */
function auditStatements(ctx: ServiceContext) {
  return prepared(ctx, 'audit.append', (db) => {
    const p = (name: keyof typeof auditLog.$inferInsert) => sql.placeholder(name);
    return {
      lastHash: db.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).prepare(),
      insert: db
        .insert(auditLog)
        .values({
          at: p('at'),
          actor: p('actor'),
          action: p('action'),
          entity: p('entity'),
          entityId: p('entityId'),
          before: p('before'),
          after: p('after'),
          prevHash: p('prevHash'),
          hash: p('hash'),
        })
        .prepare(),
    };
  });
}

/** Call inside the write's transaction, so the entry and the change land together. */
export function appendAudit(ctx: ServiceContext, input: AuditInput): void {
  const statements = auditStatements(ctx);
  const last = statements.lastHash.get();
  const row = {
    at: ctx.now().toISOString(),
    actor: ctx.actor,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId == null ? null : String(input.entityId),
    before: input.before === undefined ? null : JSON.stringify(input.before),
    after: input.after === undefined ? null : JSON.stringify(input.after),
  };
  const prevHash = last?.hash ?? GENESIS;
  statements.insert.run({ ...row, prevHash, hash: entryHash(prevHash, row) });
}

export interface AuditChainReport {
  entries: number;
  /** The first entry whose hash or link does not match, when the chain is broken. */
  brokenAt: number | null;
}

export function verifyAuditChain(ctx: ServiceContext): AuditChainReport {
  const rows = ctx.ledger.db.select().from(auditLog).orderBy(asc(auditLog.id)).all();
  let prev = GENESIS;
  for (const r of rows) {
    const { id: _id, prevHash, hash, ...row } = r;
    if (prevHash !== prev || hash !== entryHash(prevHash, row)) return { entries: rows.length, brokenAt: r.id };
    prev = hash;
  }
  return { entries: rows.length, brokenAt: null };
}

export function recentAudit(ctx: ServiceContext, limit: number): AuditEntry[] {
  return ctx.ledger.db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

function entryHash(prevHash: string, row: Omit<AuditEntry, 'id'>): string {
  const canonical = JSON.stringify([row.at, row.actor, row.action, row.entity, row.entityId, row.before, row.after]);
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}
