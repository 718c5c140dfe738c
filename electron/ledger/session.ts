/**
 * The open ledger as the desktop shell and the browser host hold it: the file, who is working (the
 * account, and the display name given in 设置 → 经办人姓名), and a restore that closes the ledger, puts
 * the backup in place and opens it again. Its `context` always reads the current ledger and operator,
 * so a transport that keeps it sees the restored ledger and the new name on the next call.
 *
 * The display name belongs to the person at this computer, not to the ledger (a ledger travels between
 * PCs), so it is kept in a small file in the user-data folder, beside where the account is decided.
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeLedger, openLedger, type Ledger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { actorText, operatorNameProblem } from '../rules/operator';
import { restoreLedger, type RestoreOptions, type RestoreResult } from './restore';
import type { ServiceContext } from './context';
import { recordAnchor } from './auditAnchor';

/** The file, in the user-data folder, that keeps the display name. */
export const OPERATOR_FILE_NAME = '经办人.json';

export interface OperatorInfo {
  /** The account the app runs under, e.g. root or zhangsan. */
  account: string;
  displayName: string | null;
  /** As the audit log records it: "张三（root）". */
  actor: string;
}

export interface LedgerSessionOptions {
  ledger: Ledger;
  account: string;
  /** Where the display name is kept; null keeps it for this run only (tests). */
  operatorFile: string | null;
  now?: () => Date;
}

export class LedgerSession {
  private current: Ledger;
  private displayName: string | null;
  readonly account: string;
  readonly now: () => Date;
  /** Reads the ledger and operator of the moment on every access. */
  readonly context: ServiceContext;

  constructor(private readonly options: LedgerSessionOptions) {
    this.current = options.ledger;
    this.account = options.account;
    this.now = options.now ?? (() => new Date());
    this.displayName = options.operatorFile ? readDisplayName(options.operatorFile) : null;
    const ledger = () => this.current;
    const actor = () => this.operator().actor;
    this.context = {
      get ledger() {
        return ledger();
      },
      get actor() {
        return actor();
      },
      now: () => this.now(),
    };
  }

  get ledger(): Ledger {
    return this.current;
  }

  operator(): OperatorInfo {
    return { account: this.account, displayName: this.displayName, actor: actorText(this.account, this.displayName) };
  }

  setDisplayName(name: string): OperatorInfo {
    const problem = operatorNameProblem(name);
    if (problem) throw new LedgerError('invalid_input', `经办人姓名未保存：${problem}。`, { displayName: problem });
    const next = name.trim() || null;
    if (this.options.operatorFile) {
      fs.mkdirSync(path.dirname(this.options.operatorFile), { recursive: true });
      fs.writeFileSync(this.options.operatorFile, JSON.stringify({ displayName: next }, null, 2), 'utf8');
    }
    this.displayName = next;
    return this.operator();
  }

  /**
   * Replaces the open ledger with a backup: closes it (so its WAL is folded in and released), restores
   * (the replaced file is kept as a safety copy) and holds the restored ledger, which the restore opened.
   * A refused or failed restore leaves the previous ledger in place, and it is opened again.
   */
  restore(backupFile: string, options: Pick<RestoreOptions, 'rename'> = {}): RestoreResult {
    const file = this.current.file;
    closeLedger(this.current);
    try {
      const { ledger, ...result } = restoreLedger(backupFile, file, { ...options, actor: this.operator().actor, now: this.now });
      this.current = ledger;
      return result;
    } catch (err) {
      this.current = openLedger(file, { mustExist: true });
      throw err;
    }
  }

  close(): void {
    recordAnchor(this.current);
    closeLedger(this.current);
  }
}

function readDisplayName(file: string): string | null {
  try {
    const value = JSON.parse(fs.readFileSync(file, 'utf8')) as { displayName?: unknown };
    return typeof value.displayName === 'string' && value.displayName.trim() && !operatorNameProblem(value.displayName)
      ? value.displayName.trim()
      : null;
  } catch {
    // No file yet (or an unreadable one): no display name, the account alone is recorded.
    return null;
  }
}
