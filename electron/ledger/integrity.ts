/**
 * 台账检查: is the file sound and untampered? SQLite's own integrity check, the foreign keys, the schema
 * and triggers against the migrations', the audit log's hash chain and its external anchor, the audited
 * records against their last audit entries, and how many rows each table holds. Used by `ledger check`,
 * before a restore, and by the settings screen.
 */
import type { ServiceContext } from './context';
import { verifyAuditChain, type AuditChainReport } from './audit';
import { compareWithAnchor, recordAnchor, type AnchorReport } from './auditAnchor';
import { auditedStateProblems } from './auditedState';
import { schemaProblems } from './schemaCheck';

export interface ForeignKeyViolation {
  table: string;
  rowid: number | null;
  parent: string;
}

export interface LedgerCheck {
  ok: boolean;
  /** 'ok', or SQLite's messages from PRAGMA integrity_check. */
  integrity: 'ok' | string[];
  foreignKeyViolations: ForeignKeyViolation[];
  audit: AuditChainReport;
  /** Tables, indexes and triggers missing, extra or changed against the migrations (zh-CN). */
  schema: string[];
  /** The audit log against the anchor kept outside the ledger. */
  anchor: AnchorReport;
  /** Audited records whose fields differ from their last audit entry (zh-CN). */
  auditedState: string[];
  /** Rows per table (the app's tables, not SQLite's or the migrations'). */
  counts: Record<string, number>;
  /** One zh-CN line per problem found; empty when ok. */
  problems: string[];
}

export interface CheckOptions {
  /** Whose external anchor to compare with: the ledger's own path unless it is a copy of another file (a backup being restored). */
  anchorOf?: string;
  /** Records the ledger's anchor when the audit log checks out (not for a temporary copy). */
  recordAnchor?: boolean;
}

export function checkLedger(ctx: ServiceContext, options: CheckOptions = {}): LedgerCheck {
  const { sqlite } = ctx.ledger;
  const integrityRows = sqlite.pragma('integrity_check') as { integrity_check: string }[];
  const messages = integrityRows.map((r) => r.integrity_check);
  const integrity: LedgerCheck['integrity'] = messages.length === 1 && messages[0] === 'ok' ? 'ok' : messages;
  const foreignKeyViolations = (sqlite.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[]).map(
    (v) => ({
      table: v.table,
      rowid: v.rowid,
      parent: v.parent,
    }),
  );
  const audit = verifyAuditChain(ctx);
  const schema = schemaProblems(sqlite);
  const anchor = compareWithAnchor(sqlite, options.anchorOf ?? ctx.ledger.file);
  const auditedState = auditedStateProblems(sqlite);

  const tables = sqlite
    .prepare(
      `select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '\\_\\_%' escape '\\' order by name`,
    )
    .all() as { name: string }[];
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    counts[name] = (sqlite.prepare(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get() as { n: number }).n;
  }

  const problems: string[] = [];
  if (integrity !== 'ok')
    problems.push(`数据库文件结构有 ${integrity.length} 处损坏（${integrity.slice(0, 3).join('；')}）。请从最近的备份恢复。`);
  if (foreignKeyViolations.length > 0) {
    problems.push(
      `有 ${foreignKeyViolations.length} 条记录指向不存在的上级记录（如 ${foreignKeyViolations[0]!.table} 第 ${foreignKeyViolations[0]!.rowid} 行 → ${foreignKeyViolations[0]!.parent}）。请联系技术支持。`,
    );
  }
  if (schema.length > 0)
    problems.push(
      `台账的表结构与本程序的数据库迁移不一致（${schema.join('；')}）：台账可能在程序之外被修改过。请保留此文件，并从备份恢复。`,
    );
  if (audit.brokenAt != null)
    problems.push(`审计日志从第 ${audit.brokenAt} 条起与哈希链不符：台账可能在程序之外被修改过。请保留此文件，并从备份核对。`);
  const removed = removedFromEnd(ctx);
  if (removed) problems.push(removed);
  problems.push(...anchor.problems);
  if (auditedState.length > 0)
    problems.push(`有记录在程序之外被改动，与审计记录不符：${auditedState.join(' ')}请保留此文件，并从备份核对。`);
  const ok = problems.length === 0;
  // Only a log that checks out becomes the new anchor: a tampered one must not overwrite the evidence.
  if (ok && options.recordAnchor !== false) recordAnchor(ctx.ledger, { replace: true });
  return { ok, integrity, foreignKeyViolations, audit, schema, anchor, auditedState, counts, problems };
}

/**
 * The audit log's ids come from AUTOINCREMENT, whose counter remembers the highest id ever given: with
 * deletes refused by trigger, a counter above the last entry means entries were cut off the end.
 */
function removedFromEnd(ctx: ServiceContext): string | null {
  const { sqlite } = ctx.ledger;
  const seq = sqlite.prepare(`select seq from sqlite_sequence where name = 'audit_log'`).get() as { seq: number } | undefined;
  const last = (sqlite.prepare(`select coalesce(max(id), 0) as id from audit_log`).get() as { id: number }).id;
  if (!seq || seq.seq <= last) return null;
  return `审计日志末尾的第 ${last + 1}–${seq.seq} 条（共 ${seq.seq - last} 条）已不在台账中：有记录在程序之外被删除。请保留此文件，并从备份核对。`;
}
