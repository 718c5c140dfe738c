/**
 * What every command gets: the parsed command line, the output and clock, and the checks on its
 * arguments (a wrong one is a UsageError, exit code 2).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { closeLedger, type Ledger } from '../../db/open';
import { LedgerError } from '../../db/ledgerError';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { UsageError, type CliIO, type Emit } from './io';

export function parseCommandLine(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      ledger: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      unit: { type: 'string' },
      bureau: { type: 'string' },
      round: { type: 'string' },
      operator: { type: 'string' },
      include: { type: 'string' },
      as: { type: 'string' },
      'password-file': { type: 'string' },
      'new-password-file': { type: 'string' },
      party: { type: 'string' },
      'confirm-unit': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
}

export interface CommandRun {
  values: ReturnType<typeof parseCommandLine>['values'];
  /** The positional arguments after the command's name. */
  rest: string[];
  io: CliIO;
  now: () => Date;
  emit: Emit;
  /** The ledger file: --ledger, else as the desktop app finds it; refused on removable media. */
  ledgerPath: () => string;
  /** --year, checked. */
  year: () => number;
}

export function withLedger(ledger: Ledger, io: CliIO, now: () => Date, fn: (ctx: ServiceContext) => number): number {
  try {
    return fn(serviceContext(ledger, io.actor, now));
  } finally {
    closeLedger(ledger);
  }
}

export function requireArg<T>(value: T | undefined, message: string): T {
  if (value === undefined || value === '') throw new UsageError(message);
  return value;
}

export function parseYear(text: string | undefined): number {
  if (!text) throw new UsageError('缺少 --year，例如：--year 2023');
  const year = Number(text);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new UsageError(`--year ${text} 不是 2000–2100 之间的年度。`);
  return year;
}

export function pickKind<K>(what: string, kinds: Record<string, K>, name: string | undefined): K {
  const available = Object.keys(kinds).join('、');
  if (!name) throw new UsageError(`请指定${what}类别，可用：${available}。`);
  if (!Object.hasOwn(kinds, name)) throw new UsageError(`没有“${name}”这种${what}类别。可用的${what}类别：${available}。`);
  return kinds[name]!;
}

export function refuseExisting(file: string, what = '文件'): void {
  if (fs.existsSync(file) && fs.statSync(file).size > 0)
    throw new LedgerError('file_exists', `${what} ${path.resolve(file)} 已存在且不为空，为避免覆盖，未做任何操作。请换一个文件名。`);
}
