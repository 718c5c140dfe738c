/**
 * 台账检查: is the file sound? SQLite's own integrity check, the foreign keys, the audit log's hash
 * chain, and how many rows each table holds. Used by `ledger check`, before a restore, and by the
 * settings screen.
 */
import type { ServiceContext } from './context';
import { verifyAuditChain, type AuditChainReport } from './audit';

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
  /** Rows per table (the app's tables, not SQLite's or the migrations'). */
  counts: Record<string, number>;
  /** One zh-CN line per problem found; empty when ok. */
  problems: string[];
}

export function checkLedger(ctx: ServiceContext): LedgerCheck {
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
  if (audit.brokenAt != null)
    problems.push(`审计日志从第 ${audit.brokenAt} 条起与哈希链不符：台账可能在程序之外被修改过。请保留此文件，并从备份核对。`);
  return { ok: problems.length === 0, integrity, foreignKeyViolations, audit, counts, problems };
}
