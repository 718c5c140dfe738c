/**
 * Where the command line's output goes and what exit code it ends with: text or (with --json) exactly
 * one JSON document on stdout, the zh-CN reason on stderr, 0 done, 1 the ledger or a file refused,
 * 2 the command line itself is wrong.
 */
import os from 'node:os';
import { LedgerError } from '../../db/ledgerError';
import type { RemovableMediaProbe } from '../../electron/ledger/removableMedia';
import type { ImportOutcome } from './importKinds';

export interface CliIO {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** Who is acting, for the audit log. */
  actor: string;
  now?: () => Date;
  /** Decides whether a ledger path is on a USB stick; the real probe unless a test gives one. */
  removableMedia?: RemovableMediaProbe;
}

export class UsageError extends Error {}

export class ImportFailed extends Error {
  constructor(readonly outcome: ImportOutcome) {
    super('import failed');
  }
}

export function processIO(): CliIO {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // some sandboxed accounts have no passwd entry
  }
  return {
    out: (t) => process.stdout.write(t + '\n'),
    err: (t) => process.stderr.write(t + '\n'),
    env: process.env,
    actor: `命令行:${user}`,
  };
}

/** A command's result: its text lines, or with --json its JSON document. */
export type Emit = (text: string | string[], document: unknown) => void;

export function emitter(io: CliIO, json: boolean): Emit {
  return (text, document) => {
    if (json) io.out(JSON.stringify(document, null, 2));
    else io.out(Array.isArray(text) ? text.join('\n') : text);
  };
}

/** Reports what stopped a command (on stderr, and as the JSON document with --json) and gives its exit code. */
export function failureExitCode(err: unknown, io: CliIO, json: boolean): number {
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    io.err(`${(err as Error).message}\n运行 npm run ledger -- help 查看用法。`);
    if (json) io.out(JSON.stringify({ ok: false, error: { code: 'usage', message: (err as Error).message } }));
    return 2;
  }
  if (err instanceof ImportFailed) {
    io.out(json ? JSON.stringify(err.outcome.json, null, 2) : err.outcome.text.join('\n'));
    io.err('文件有错误，未导入任何数据（也未新建年度），请按上面列出的行和列修改后重试。');
    return 1;
  }
  const message = err instanceof LedgerError ? err.message : `操作未完成：${(err as Error)?.message ?? String(err)}`;
  io.err(message);
  if (json) io.out(JSON.stringify({ ok: false, error: { code: err instanceof LedgerError ? err.code : 'internal', message } }));
  return 1;
}
