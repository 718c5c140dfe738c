import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeLedger, defaultMigrationsFolder, openLedger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { tempFolder, tempLedgerFile, track } from './tempLedger';

const MIGRATIONS = defaultMigrationsFolder();
const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as {
  entries: { idx: number; when: number; tag: string }[];
};

/** A copy of the shipped migrations cut after the first `count` entries: "an older app". */
function migrationsUpTo(count: number, extra: { tag: string; sql: string }[] = []): string {
  const dir = path.join(tempFolder(), 'migrations');
  fs.cpSync(MIGRATIONS, dir, { recursive: true });
  const entries = journal.entries.slice(0, count);
  for (const e of extra) {
    fs.writeFileSync(path.join(dir, `${e.tag}.sql`), e.sql);
    entries.push({
      idx: entries.length,
      when: journal.entries.at(-1)!.when + 1000 * (entries.length + 1),
      tag: e.tag,
      breakpoints: true,
    } as never);
  }
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return dir;
}

/** The open is refused with this code and a zh-CN message free of SQLite's English text. */
function expectRefusal(file: string, code: string, message: RegExp) {
  let caught: unknown;
  try {
    closeLedger(openLedger(file));
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(LedgerError);
  expect(caught).toMatchObject({ code, message: expect.stringMatching(message) });
  // Only the support code in brackets may be Latin; SQLite's own sentences ("file is not a database") may not.
  expect((caught as Error).message.replace(/（代码 [A-Z_]+）/, '').replace(file, '')).not.toMatch(
    /\b(database|file|disk|locked|unable|readonly)\b/i,
  );
}

/** Fills the foundation tables the way a year of use would, with raw SQL so it works at any schema step. */
function populate(file: string) {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  db.exec(`
    insert into fiscal_years (year, rule_set) values (2023, '{}'), (2024, '{}');
    insert into budget_units (id, name, code) values (1, '县教育局', '001');
    insert into budget_units (id, name, code, parent_id) values (2, '县第一中学', '001001', 1), (3, '县第二小学', '001002', 1);
    insert into indicator_classes (id, name) values (1, '教育');
    insert into indicators (class_id, level1, level2, name, nature, unit) values (1, '产出指标', '数量指标', '资助学生人数', '≥', '人');
  `);
  const insert = db.prepare(
    `insert into projects (year, unit_id, code, name, project_type, budget_kind, initial_budget_fen, continuity) values (?, ?, ?, ?, '补助补贴', 'general', ?, 'continuing')`,
  );
  for (let i = 0; i < 50; i++) insert.run(2023 + (i % 2), 1 + (i % 3), `P${i}`, `项目${i}`, 1_000_000 * i);
  db.close();
}

function counts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  const tables = (
    db
      .prepare(`select name from sqlite_master where type='table' and name not like 'sqlite_%' and name != '__drizzle_migrations'`)
      .all() as { name: string }[]
  ).map((t) => t.name);
  const result = Object.fromEntries(tables.map((t) => [t, (db.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n]));
  db.close();
  return result;
}

describe('opening and migrating a ledger', () => {
  it('migrates a populated ledger from the first schema to the newest without losing a row, after a backup', () => {
    const file = tempLedgerFile();
    closeLedger(openLedger(file, { migrationsFolder: migrationsUpTo(1) }));
    populate(file);
    const before = counts(file);

    const ledger = track(openLedger(file));
    expect(ledger.migrationBackup).not.toBeNull();
    expect(counts(ledger.migrationBackup!)).toEqual(before);
    const after = counts(file);
    for (const [table, n] of Object.entries(before)) expect(after[table], table).toBe(n);
    expect(ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('keeps child rows when a migration rebuilds a parent table the way drizzle does', () => {
    const file = tempLedgerFile();
    closeLedger(openLedger(file));
    populate(file);
    const rebuild = [
      "CREATE TABLE `__new_budget_units` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `code` text, `name` text NOT NULL, `parent_id` integer, `classified` integer DEFAULT false NOT NULL, `created_at` text NOT NULL DEFAULT '', `updated_at` text NOT NULL DEFAULT '', `short_name` text, FOREIGN KEY (`parent_id`) REFERENCES `budget_units`(`id`) ON DELETE restrict);",
      'INSERT INTO `__new_budget_units` (id, code, name, parent_id, classified, created_at, updated_at) SELECT id, code, name, parent_id, classified, created_at, updated_at FROM `budget_units`;',
      'DROP TABLE `budget_units`;',
      'ALTER TABLE `__new_budget_units` RENAME TO `budget_units`;',
    ].join('\n--> statement-breakpoint\n');
    const ledger = track(
      openLedger(file, { migrationsFolder: migrationsUpTo(journal.entries.length, [{ tag: '9999_rebuild_units', sql: rebuild }]) }),
    );
    expect(counts(file).projects).toBe(50);
    expect(counts(file).budget_units).toBe(3);
    expect(ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('refuses a ledger written by a newer app, and leaves it untouched', () => {
    const file = tempLedgerFile();
    closeLedger(openLedger(file));
    const db = new Database(file);
    db.prepare('insert into __drizzle_migrations (hash, created_at) values (?, ?)').run('future', Date.now() + 10 * 365 * 864e5);
    db.close();
    const size = fs.statSync(file).size;
    expect(() => openLedger(file)).toThrow(
      expect.objectContaining({ code: 'ledger_too_new', message: expect.stringContaining('更新版本') }),
    );
    expect(fs.statSync(file).size).toBe(size);
  });

  it('refuses a SQLite file that is not a ledger', () => {
    const file = path.join(tempFolder(), 'other.db');
    const db = new Database(file);
    db.exec('create table customers (id integer)');
    db.close();
    expect(() => openLedger(file)).toThrow(LedgerError);
    expect(() => openLedger(file)).toThrow(/不是绩效台账文件/);
  });

  it('refuses a file that is not SQLite at all with a message naming it', () => {
    const file = path.join(tempFolder(), 'notes.db');
    fs.writeFileSync(file, '这不是数据库'.repeat(200));
    expectRefusal(
      file,
      'not_a_ledger',
      /notes\.db 不是绩效台账文件，也不是数据库文件，无法打开。请选择由绩效台账创建的 \.db 文件（代码 SQLITE_NOTADB）。$/,
    );
  });

  it('calls a truncated ledger damaged and points to the backups, leaving the file as it was', () => {
    const whole = tempLedgerFile();
    closeLedger(openLedger(whole));
    const file = path.join(tempFolder(), '拷了一半.db');
    fs.writeFileSync(file, fs.readFileSync(whole).subarray(0, 3 * 4096));
    expectRefusal(file, 'ledger_damaged', /拷了一半\.db 已损坏.*请从最近的备份恢复：台账旁 backups 文件夹中的备份/);
    expect(fs.statSync(file).size).toBe(3 * 4096);
  });

  it('says another program holds the ledger when it is locked', () => {
    const file = tempLedgerFile();
    closeLedger(openLedger(file));
    const holder = new Database(file);
    // Exclusive locking keeps even readers out in WAL mode, as a copying or crashed program can.
    holder.pragma('locking_mode = EXCLUSIVE');
    holder.exec('begin exclusive; create table held (a); commit');
    try {
      expectRefusal(file, 'ledger_busy', /正被另一个程序占用.*请关闭那个程序后再打开（代码 SQLITE_BUSY）。$/);
    } finally {
      holder.close();
    }
    closeLedger(openLedger(file));
  }, 20_000);

  it('names a folder given in place of the ledger file', () => {
    const dir = tempFolder();
    expectRefusal(dir, 'ledger_unreadable', /是一个文件夹，不是台账文件。请选择文件夹中的台账文件/);
  });

  // root writes into read-only folders regardless, so only an ordinary account can see this refusal.
  it.skipIf(process.getuid?.() === 0 || process.platform === 'win32')('asks for a writable folder when the folder is read-only', () => {
    const dir = tempFolder();
    const existing = path.join(dir, '台账.db');
    closeLedger(openLedger(existing));
    fs.chmodSync(dir, 0o555);
    try {
      expectRefusal(path.join(dir, '新台账.db'), 'ledger_folder_read_only', /是只读的或当前账户没有写入权限.*请把台账放到可写的文件夹/);
      // WAL mode needs to create files beside an existing ledger too.
      expectRefusal(existing, 'ledger_folder_read_only', /台账文件 台账\.db 无法在其中打开或创建/);
    } finally {
      fs.chmodSync(dir, 0o755);
    }
  });

  it('does not back up or migrate an up-to-date ledger again', () => {
    const file = tempLedgerFile();
    closeLedger(openLedger(file));
    const again = track(openLedger(file));
    expect(again.migrationBackup).toBeNull();
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false);
  });
});
