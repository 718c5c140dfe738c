/**
 * What the user reads when a service throws: one mapping for every call's answer, whether the
 * dispatcher answers at once or a job (jobs.ts) reports it later.
 */
import type { BridgeError } from './contract';
import { LedgerError } from '../../db/ledgerError';

/** Maps anything a service throws to what the user should read. */
export function toBridgeError(err: unknown): BridgeError {
  if (err instanceof LedgerError) return { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
  const code = (err as { code?: unknown }).code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'ledger_busy', message: '台账正被其他程序占用，本次操作未保存。请稍后重试。' };
  }
  if (code === 'SQLITE_READONLY') {
    return { code: 'read_only', message: '这是一个只读操作，却试图修改台账，已被拒绝，台账未作修改。请把此信息告知技术支持。' };
  }
  // The ledger's own rule triggers raise "code: 中文说明" (see db/migrations); show the explanation as is.
  const rule = code === 'SQLITE_CONSTRAINT_TRIGGER' ? /^([a-z_]+): (.+)$/.exec((err as Error).message) : null;
  if (rule) return { code: rule[1]!, message: `${rule[2]}。本次操作未保存。` };
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'constraint', message: `数据不符合台账的约束（${(err as Error).message}），本次操作未保存。` };
  }
  return { code: 'internal', message: `操作未完成：${(err as Error)?.message ?? String(err)}。台账未作修改，请把此信息告知技术支持。` };
}
