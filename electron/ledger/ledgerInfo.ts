/** What the settings screen shows about the open ledger file. */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { auditLog } from '../../db/schema';
import type { ServiceContext } from './context';

export interface LedgerInfo {
  fileName: string;
  folder: string;
  sizeBytes: number;
  schemaVersion: number;
  auditEntries: number;
}

export function ledgerInfo(ctx: ServiceContext): LedgerInfo {
  const { file, sqlite, db } = ctx.ledger;
  return {
    fileName: path.basename(file),
    folder: path.dirname(file),
    sizeBytes: fs.statSync(file).size,
    schemaVersion: sqlite.pragma('user_version', { simple: true }) as number,
    auditEntries:
      db
        .select({ n: sql<number>`count(*)` })
        .from(auditLog)
        .get()?.n ?? 0,
  };
}
