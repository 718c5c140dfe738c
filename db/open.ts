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
import { snapshotPath } from './snapshotNames';

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

  let sqlite: Database.Database;
  try {
    fs.mkdirSync(path.dirname(absolute), { recursive: true });
    sqlite = new Database(absolute);
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('journal_mode = WAL');
    // In WAL mode NORMAL syncs only at checkpoints, so a power cut (common in county offices) can drop
    // the last commits the clerk was told were saved. FULL syncs the WAL at every commit: one fsync per
    // transaction, which our writes (one per save or per whole import) can afford.
    sqlite.pragma('synchronous = FULL');
  } catch (err) {
    throw openFailure(absolute, err);
  }
  try {
    const migrationBackup = applyMigrations(sqlite, absolute, migrationsFolder, existed);
    sqlite.pragma('foreign_keys = ON');
    return { file: absolute, sqlite, db: drizzle(sqlite, { schema }), migrationBackup };
  } catch (err) {
    sqlite.close();
    // Damage deeper in the file, a lock or a full disk often shows only once the migration reads or writes.
    throw err instanceof Database.SqliteError ? openFailure(absolute, err) : err;
  }
}

/**
 * What the clerk reads when the file or its folder refuses to open: one zh-CN sentence per cause that
 * says what to do. SQLite's and Node's own texts are English, so only their code is kept, for support.
 */
function openFailure(file: string, err: unknown): LedgerError {
  const code = String((err as { code?: unknown })?.code ?? '');
  const support = code ? `（代码 ${code}）` : '';
  const folder = path.dirname(file);
  if (code === 'SQLITE_NOTADB')
    return new LedgerError(
      'not_a_ledger',
      `${file} 不是绩效台账文件，也不是数据库文件，无法打开。请选择由绩效台账创建的 .db 文件${support}。`,
    );
  if (code.startsWith('SQLITE_CORRUPT'))
    return new LedgerError(
      'ledger_damaged',
      `台账文件 ${file} 已损坏（可能没有复制完整，或写入时断电），无法打开。请从最近的备份恢复：台账旁 backups 文件夹中的备份，或U盘上的台账快照（可请技术支持用管理命令行恢复）${support}。`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new LedgerError(
      'ledger_busy',
      `台账文件 ${file} 正被另一个程序占用（可能是另一个绩效台账窗口、管理命令行，或正在复制它的程序），无法打开。请关闭那个程序后再打开${support}。`,
    );
  if (code === 'SQLITE_FULL' || code === 'ENOSPC')
    return new LedgerError(
      'disk_full',
      `台账文件 ${file} 所在的磁盘已满，打开台账时需要写入的记录写不下。请清理该磁盘，或把台账移到空间充足的磁盘后再打开${support}。`,
    );
  if (fs.existsSync(file) && fs.statSync(file).isDirectory())
    return new LedgerError('ledger_unreadable', `${file} 是一个文件夹，不是台账文件。请选择文件夹中的台账文件（.db）${support}。`);
  if (['SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_PERM', 'EACCES', 'EPERM', 'EROFS'].some((c) => code.startsWith(c)))
    return new LedgerError(
      'ledger_folder_read_only',
      `文件夹 ${folder} 是只读的或当前账户没有写入权限，台账文件 ${path.basename(file)} 无法在其中打开或创建。请把台账放到可写的文件夹（如“文档”），或请管理员开放该文件夹的写入权限${support}。`,
    );
  if (code.startsWith('SQLITE_IOERR'))
    return new LedgerError(
      'ledger_io_error',
      `读写台账文件 ${file} 时磁盘出错，无法打开。请确认磁盘正常（不要在U盘或网络共享上打开台账）后重试，若仍出错请用最近的备份恢复${support}。`,
    );
  return new LedgerError('ledger_unreadable', `无法打开台账文件 ${file}。请把此信息告知技术支持${support}。`);
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
  // Named as the app names its automatic copies, so 设置 → 备份与恢复 lists it as 升级前.
  const target = snapshotPath(dir, file, 'upgrade', new Date());
  sqlite.prepare('VACUUM INTO ?').run(target);
  return target;
}
