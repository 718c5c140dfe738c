/**
 * 外部锚点: the audit log's hash chain proves nothing on its own, since whoever edits the file can
 * recompute it, or cut entries off its end. So the chain's head is recorded outside the ledger, signed
 * (HMAC-SHA-256) with a key kept on this computer only, in the user-data folder beside 经办人.json:
 * when `check` runs, when a backup is made, when the app closes the ledger, and in each U盘 package's
 * 清单.json. `check` then proves the log has not lost entries since, and that the anchored entry is
 * unchanged. A ledger from another computer has no anchor here, which is reported, not counted as a fault.
 *
 * Whoever can read this computer's user-data folder can read the key too: the anchor guards against
 * edits to the ledger file elsewhere (a copy on a stick, another PC, a SQLite tool on a backup), not
 * against the account the app runs under.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Ledger } from '../../db/open';
import { formatLocalTime } from '../rules/localTime';
import { userDataDirWithoutElectron } from './ledgerLocation';

/** In the user-data folder: the key, and one anchor file per ledger or backup. */
const ANCHOR_KEY_FILE_NAME = '审计锚点密钥.key';
export const ANCHOR_FOLDER_NAME = '审计锚点';
/** Anchors of files that are gone are dropped once the folder holds more than this. */
const ANCHORS_KEPT = 200;

interface AuditHead {
  /** The last entry's id (0 when the log is empty). */
  lastId: number;
  /** The last entry's hash. */
  head: string;
  count: number;
}

export interface AuditAnchor extends AuditHead {
  /** The file it was taken of, as it was then. */
  ledger: string;
  at: string;
  /** Which computer's key signed it: the key's SHA-256, shortened. */
  keyId: string;
  mac: string;
  /**
   * Set while a restore is putting another file at this path: the anchor of the file being replaced,
   * which still holds if the restore stops before its rename. The next clean check drops it.
   */
  previous?: AuditAnchor;
}

export interface AnchorReport {
  /** matched: the log holds everything the anchor saw; none/foreign: nothing to compare with; broken: it does not. */
  status: 'matched' | 'none' | 'foreign' | 'broken';
  /** zh-CN: where the anchor came from and what was found. */
  message: string;
  /** zh-CN problems (status broken). */
  problems: string[];
}

/** This computer's user-data folder, as Electron names it (see ledgerLocation.ts). */
function userDataFolder(): string {
  return userDataDirWithoutElectron(process.platform, process.env, os.homedir());
}

function auditHead(sqlite: Database.Database): AuditHead {
  const last = sqlite.prepare(`select id, hash from audit_log order by id desc limit 1`).get() as { id: number; hash: string } | undefined;
  const { n } = sqlite.prepare(`select count(*) as n from audit_log`).get() as { n: number };
  return { lastId: last?.id ?? 0, head: last?.hash ?? '', count: n };
}

/**
 * The anchor of the ledger as it stands now, signed with this computer's key (made on first use); null
 * when the key cannot be read or made (a read-only user-data folder): the anchor is extra proof, never a
 * reason to stop a backup or an export.
 */
export function takeAnchor(ledger: Ledger, file: string = ledger.file): AuditAnchor | null {
  return signedHead(ledger.sqlite, file);
}

function signedHead(sqlite: Database.Database, file: string): AuditAnchor | null {
  try {
    const key = machineKey(true)!;
    const unsigned = { ...auditHead(sqlite), ledger: path.resolve(file), at: new Date().toISOString(), keyId: keyIdOf(key) };
    return { ...unsigned, mac: macOf(key, unsigned) };
  } catch {
    return null;
  }
}

/** What a restore may still leave at `file`: its anchor, or (never anchored) the file as it stands. */
function anchorBeingReplaced(file: string): AuditAnchor | null {
  const was = readAnchor(file);
  if (was === 'unreadable') return null;
  if (was) return { ...was, previous: undefined };
  if (!fs.existsSync(file)) return null;
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return signedHead(db, file);
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/**
 * Records the ledger's anchor for `options.file` (the ledger itself, or a backup just taken of it) in
 * the user-data folder. An anchor the log no longer matches is kept as evidence unless `replace` (a new
 * backup, a restore: the file at that path is another one now). Never fails the caller: a read-only
 * folder only loses the extra proof.
 */
export function recordAnchor(ledger: Ledger, options: { file?: string; replace?: boolean; pending?: boolean } = {}): void {
  const file = options.file ?? ledger.file;
  try {
    if (!options.replace && compareWithAnchor(ledger.sqlite, file).status === 'broken') return;
    const anchor = takeAnchor(ledger, file);
    if (!anchor) return;
    const previous = options.pending ? anchorBeingReplaced(file) : null;
    if (previous) anchor.previous = previous;
    const folder = path.join(userDataFolder(), ANCHOR_FOLDER_NAME);
    fs.mkdirSync(folder, { recursive: true });
    const target = anchorFile(file);
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, JSON.stringify(anchor, null, 2), 'utf8');
    fs.renameSync(temp, target);
    pruneAnchors(folder);
  } catch {
    // Nothing to do: the check says so when it finds no anchor.
  }
}

/** Compares the log with the anchor recorded for `file` (by default the ledger's own path). */
export function compareWithAnchor(sqlite: Database.Database, file: string): AnchorReport {
  const anchor = readAnchor(file);
  if (!anchor) return { status: 'none', message: '本机没有该台账的外部锚点（例如台账来自另一台电脑），无法与外部锚点核对。', problems: [] };
  if (anchor === 'unreadable')
    return {
      status: 'broken',
      message: '本机保存的外部锚点无法读取。',
      problems: [`外部锚点文件 ${anchorFile(file)} 已损坏或被改动，无法证明审计日志完整。请保留台账和该文件，联系技术支持。`],
    };
  const where = `本机用户数据文件夹中 ${path.basename(anchor.ledger)} 的锚点（${formatLocalTime(anchor.at)}）`;
  const key = machineKey(false);
  if (!key || keyIdOf(key) !== anchor.keyId)
    return { status: 'foreign', message: `${where}不是本机密钥签发的，无法与外部锚点核对。`, problems: [] };
  if (!signedBy(key, anchor))
    return {
      status: 'broken',
      message: `${where}的签名不符。`,
      problems: [`外部锚点文件的签名不符：锚点被改动过，无法证明审计日志完整。请保留台账和 ${anchorFile(file)}，联系技术支持。`],
    };
  const problems = headProblems(sqlite, anchor);
  if (problems.length === 0) return { status: 'matched', message: `已与${where}核对，审计日志完整。`, problems };
  // A restore stopped before its rename: the file is still the one it was to replace.
  if (anchor.previous && signedBy(key, anchor.previous) && headProblems(sqlite, anchor.previous).length === 0)
    return { status: 'matched', message: `已与${where}所记的恢复前状态核对（该次恢复未完成），审计日志完整。`, problems: [] };
  return { status: 'broken', message: `与${where}核对，发现不符。`, problems };
}

function signedBy(key: Buffer, anchor: AuditAnchor): boolean {
  return anchor.keyId === keyIdOf(key) && sameText(anchor.mac, macOf(key, anchor));
}

/** What the log lacks against the anchor: entries cut off its end, or the anchored entry rewritten. */
function headProblems(sqlite: Database.Database, anchor: AuditAnchor): string[] {
  const now = auditHead(sqlite);
  const problems: string[] = [];
  if (now.count < anchor.count || now.lastId < anchor.lastId) {
    problems.push(
      `审计日志比外部锚点记录的少：锚点时有 ${anchor.count} 条（最后一条为第 ${anchor.lastId} 条），现在只有 ${now.count} 条（最后一条为第 ${now.lastId} 条），有记录在程序之外被删除。请从备份核对。`,
    );
  }
  if (anchor.lastId > 0) {
    const at = sqlite.prepare(`select hash from audit_log where id = ?`).get(anchor.lastId) as { hash: string } | undefined;
    if (at && at.hash !== anchor.head)
      problems.push(
        `第 ${anchor.lastId} 条审计记录与外部锚点不符：审计日志在程序之外被改写（并重新计算了哈希链）。请保留此文件，并从备份核对。`,
      );
  }
  return problems;
}

/** 'unreadable': a file is there but is not an anchor; kept as a finding, never ignored. */
function readAnchor(file: string): AuditAnchor | null | 'unreadable' {
  let value: Partial<AuditAnchor>;
  try {
    value = JSON.parse(fs.readFileSync(anchorFile(file), 'utf8')) as Partial<AuditAnchor>;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT' ? null : 'unreadable';
  }
  const numbers = [value.lastId, value.count].every((v) => typeof v === 'number');
  const texts = [value.head, value.mac, value.keyId, value.at, value.ledger].every((v) => typeof v === 'string');
  return numbers && texts ? (value as AuditAnchor) : 'unreadable';
}

/** One file per ledger path: a write never races another ledger's. */
function anchorFile(file: string): string {
  const id = createHash('sha256').update(normalisedPath(file)).digest('hex').slice(0, 32);
  return path.join(userDataFolder(), ANCHOR_FOLDER_NAME, `${id}.json`);
}

function normalisedPath(file: string): string {
  const p = path.resolve(file);
  return process.platform === 'win32' || process.platform === 'darwin' ? p.toLowerCase() : p;
}

function machineKey(create: boolean): Buffer | null {
  const file = path.join(userDataFolder(), ANCHOR_KEY_FILE_NAME);
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (err) {
    if (!create || (err as NodeJS.ErrnoException).code !== 'ENOENT') return null;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': two processes starting at once keep the first key written.
    fs.writeFileSync(file, randomBytes(32).toString('hex'), { encoding: 'utf8', flag: 'wx', mode: 0o600 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
}

function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function macOf(key: Buffer, a: Omit<AuditAnchor, 'mac' | 'previous'>): string {
  return createHmac('sha256', key)
    .update(JSON.stringify([a.ledger, a.lastId, a.head, a.count, a.at, a.keyId]))
    .digest('hex');
}

function sameText(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

function pruneAnchors(folder: string): void {
  const names = fs.readdirSync(folder).filter((n) => n.endsWith('.json'));
  if (names.length <= ANCHORS_KEPT) return;
  for (const name of names) {
    try {
      const { ledger } = JSON.parse(fs.readFileSync(path.join(folder, name), 'utf8')) as { ledger?: string };
      if (typeof ledger === 'string' && !fs.existsSync(ledger)) fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      // An unreadable anchor is left for the check to report.
    }
  }
}
