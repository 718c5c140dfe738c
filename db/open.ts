/**
 * Opening a ledger file: the one place that applies migrations.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import * as schema from './schema';
import { LedgerError } from './ledgerError';

export type LedgerDb = BetterSQLite3Database<typeof schema>;

/** An open ledger: the drizzle handle for queries and the raw handle for transactions and pragmas. */
export interface Ledger {
  readonly file: string;
  readonly sqlite: Database.Database;
  readonly db: LedgerDb;
  /** Where the pre-migration backup went, when this open migrated an existing ledger. */
  readonly migrationBackup: string | null;
  /** True for the read-only view (see readOnlyView): SQLite refuses every write through it. */
  readonly readOnly?: boolean;
}

export interface OpenOptions {
  migrationsFolder?: string;
  /** Refuse to create a new file; used by commands that must act on an existing ledger. */
  mustExist?: boolean;
}

const MIGRATIONS_TABLE = '__drizzle_migrations';

/**
 * The committed migrations differ in place between a packaged app (resources/migrations, shipped by
 * electron-builder's extraResources) and a source checkout (db/migrations), so look in both.
 */
export function defaultMigrationsFolder(): string {
  const candidates = [
    process.env.LEDGER_MIGRATIONS,
    (process as { resourcesPath?: string }).resourcesPath
      ? path.join((process as { resourcesPath?: string }).resourcesPath!, 'migrations')
      : undefined,
    path.join(__dirname, 'migrations'),
    path.join(__dirname, '..', '..', 'db', 'migrations'),
    path.join(process.cwd(), 'db', 'migrations'),
  ];
  for (const c of candidates) if (c && fs.existsSync(path.join(c, 'meta', '_journal.json'))) return c;
  throw new Error('找不到数据库迁移文件（db/migrations），安装包可能不完整。');
}

export function openLedger(file: string, options: OpenOptions = {}): Ledger {
  const migrationsFolder = options.migrationsFolder ?? defaultMigrationsFolder();
  const absolute = path.resolve(file);
  const existed = fs.existsSync(absolute) && fs.statSync(absolute).size > 0;
  if (!existed && options.mustExist) {
    throw new LedgerError('ledger_missing', `台账文件不存在：${absolute}。请检查路径，或先用 init 创建台账。`);
  }
  fs.mkdirSync(path.dirname(absolute), { recursive: true });

  let sqlite: Database.Database;
  try {
    sqlite = new Database(absolute);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs only at checkpoints, so a power cut (common in county offices) can drop
    // the last commits the clerk was told were saved. FULL syncs the WAL at every commit: one fsync per
    // transaction, which our writes (one per save or per whole import) can afford.
    sqlite.pragma('synchronous = FULL');
  } catch (err) {
    throw new LedgerError('ledger_unreadable', `无法打开台账文件 ${absolute}：${(err as Error).message}。文件可能已损坏或不是台账文件。`);
  }
  try {
    const migrationBackup = applyMigrations(sqlite, absolute, migrationsFolder, existed);
    sqlite.pragma('foreign_keys = ON');
    return { file: absolute, sqlite, db: drizzle(sqlite, { schema }), migrationBackup };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

const readOnlyViews = new WeakMap<Ledger, Ledger>();

/**
 * The same ledger through a second connection that SQLite opens read-only. Calls declared as reads run
 * on it, so a read that tries to write fails at the database instead of trusting the declaration. In
 * WAL mode it sees every committed write of the main connection.
 */
export function readOnlyView(ledger: Ledger): Ledger {
  const existing = readOnlyViews.get(ledger);
  // The view lives only as long as the ledger: once it is closed, every call fails alike.
  if (!ledger.sqlite.open) {
    if (existing?.sqlite.open) existing.sqlite.close();
    return ledger;
  }
  if (existing?.sqlite.open) return existing;
  const sqlite = new Database(ledger.file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const view: Ledger = { file: ledger.file, sqlite, db: drizzle(sqlite, { schema }), migrationBackup: null, readOnly: true };
  readOnlyViews.set(ledger, view);
  return view;
}

export function closeLedger(ledger: Ledger): void {
  const view = readOnlyViews.get(ledger);
  if (view?.sqlite.open) view.sqlite.close();
  if (ledger.sqlite.open) ledger.sqlite.close();
}

/**
 * Brings the file up to this app's schema.
 *
 * - A ledger stamped by a newer app is refused: ledgers travel between PCs on USB sticks, and an old app
 *   writing into a newer schema would silently drop what it does not know.
 * - An existing ledger is copied (VACUUM INTO, a consistent snapshot) before anything changes.
 * - Foreign keys are switched off *outside* drizzle's transaction (the pragma is a no-op inside one):
 *   drizzle rebuilds a table to alter it (create new, copy, drop old, rename), and with foreign keys
 *   on, dropping the old parent table would cascade or fail on every child row. After the migration
 *   `foreign_key_check` must come back empty; if not, the backup is put back and the open fails.
 */
function applyMigrations(sqlite: Database.Database, file: string, migrationsFolder: string, existed: boolean): string | null {
  const migrations = readMigrationFiles({ migrationsFolder });
  const newestKnown = Math.max(...migrations.map((m) => m.folderMillis));

  const hasTable = (name: string) =>
    sqlite.prepare(`select 1 from sqlite_master where type = 'table' and name = ?`).get(name) !== undefined;
  const userTables = sqlite.prepare(`select count(*) as n from sqlite_master where type = 'table' and name not like 'sqlite_%'`).get() as {
    n: number;
  };

  let appliedMillis: number[] = [];
  if (hasTable(MIGRATIONS_TABLE)) {
    appliedMillis = (sqlite.prepare(`select created_at from ${MIGRATIONS_TABLE}`).all() as { created_at: number | string }[]).map((r) =>
      Number(r.created_at),
    );
  } else if (userTables.n > 0) {
    throw new LedgerError('not_a_ledger', `${file} 不是绩效台账文件（缺少版本信息）。请选择由绩效台账创建的 .db 文件。`);
  }
  if (appliedMillis.some((m) => m > newestKnown)) {
    throw new LedgerError(
      'ledger_too_new',
      `台账 ${file} 由更新版本的绩效台账写入，本程序无法安全打开。请安装最新版本后再打开，或改用该台账的导出文件。`,
    );
  }
  const newestApplied = appliedMillis.length ? Math.max(...appliedMillis) : -Infinity;
  const pending = migrations.filter((m) => m.folderMillis > newestApplied);
  if (pending.length === 0) return null;

  const backup = existed && appliedMillis.length > 0 ? backupBeforeMigration(sqlite, file) : null;

  sqlite.pragma('foreign_keys = OFF');
  migrate(drizzle(sqlite), { migrationsFolder, migrationsTable: MIGRATIONS_TABLE });
  const violations = sqlite.pragma('foreign_key_check') as unknown[];
  if (violations.length > 0) {
    sqlite.close();
    if (backup) fs.copyFileSync(backup, file);
    for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
    throw new LedgerError(
      'migration_failed',
      `升级台账后发现 ${violations.length} 处外键不一致，已恢复到升级前的备份${backup ? `（${backup}）` : ''}。请联系技术支持。`,
    );
  }
  sqlite.pragma(`user_version = ${migrations.length}`);
  return backup;
}

function backupBeforeMigration(sqlite: Database.Database, file: string): string {
  const dir = path.join(path.dirname(file), 'backups');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${path.basename(file, path.extname(file))}-升级前-${stamp}.db`);
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
