/**
 * 结构核对: the ledger's tables, indexes and triggers must be exactly the ones the committed migrations
 * make. A dropped trigger (the audit log's append-only guard, the 入库 gate) or an added one would let
 * the file be changed behind the app's back, and SQLite's own checks do not notice either.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { closeLedger, openLedger } from '../../db/open';

interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

const TYPE_NAMES: Record<string, string> = { table: '数据表', index: '索引', trigger: '触发器', view: '视图' };

/** SQLite's own objects (sqlite_sequence, automatic indexes, ANALYZE statistics) are not the migrations'. */
function schemaObjects(sqlite: Database.Database): Map<string, SchemaObject> {
  const rows = sqlite
    .prepare(
      `select type, name, tbl_name as "table", coalesce(sql, '') as sql from sqlite_master where name not like 'sqlite\\_%' escape '\\'`,
    )
    .all() as SchemaObject[];
  return new Map(rows.map((r) => [`${r.type}:${r.name}`, { ...r, sql: normalised(r.sql) }]));
}

/** Quoting and layout differ with how a statement was typed, not with what it makes. */
function normalised(sql: string): string {
  return sql
    .replace(/[`"[\]]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),;])\s*/g, '$1')
    .trim()
    .toLowerCase();
}

let expected: Map<string, SchemaObject> | null = null;

/**
 * What the migrations make, built once per process on a scratch ledger through db/open.ts (the one place
 * that applies migrations), so the comparison follows every migration the app ships.
 */
function expectedSchema(): Map<string, SchemaObject> {
  if (expected) return expected;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-schema-'));
  try {
    const scratch = openLedger(path.join(folder, 'schema.db'));
    try {
      expected = schemaObjects(scratch.sqlite);
    } finally {
      closeLedger(scratch);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
  return expected;
}

/** One zh-CN line per table, index or trigger that is missing, extra or changed; empty when the schema is the migrations'. */
export function schemaProblems(sqlite: Database.Database): string[] {
  const want = expectedSchema();
  const have = schemaObjects(sqlite);
  const label = (o: SchemaObject) => `${TYPE_NAMES[o.type] ?? o.type} ${o.name}${o.type === 'table' ? '' : `（${o.table} 表）`}`;
  const problems: string[] = [];
  for (const [key, o] of want) {
    const found = have.get(key);
    if (!found) problems.push(`缺少${label(o)}`);
    else if (found.sql !== o.sql) problems.push(`${label(o)}的定义被改动`);
  }
  for (const [key, o] of have) if (!want.has(key)) problems.push(`多出${label(o)}`);
  return problems;
}
