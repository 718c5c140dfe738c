/**
 * The one dispatcher behind every transport (Electron IPC, the browser host, tests): it accepts only
 * calls named in the contract, parses the input with the call's schema, runs the service and wraps the
 * outcome. Nothing thrown escapes: the caller always gets an envelope with a zh-CN message.
 */
import type { z } from 'zod';
import { readOnlyView } from '../../db/open';
import { contract, isCallName, type BridgeError, type Envelope } from './contract';
import { NO_FILES, StagedFiles, type FileGateway } from './fileExchange';
import { handlers, type HandlerContext } from './handlers';
import type { ServiceContext } from '../ledger/context';
import type { LedgerSession } from '../ledger/session';
import { toBridgeError } from './bridgeError';

export { toBridgeError } from './bridgeError';

/**
 * How a transport lets calls reach files: its gateway, and the staged picks awaiting their commit; and,
 * where it holds the ledger as a session (desktop app, browser host), the session for restore and 经办人.
 */
export interface FileAccess {
  files: FileGateway;
  staged: StagedFiles;
  session?: LedgerSession;
}

export function noFileAccess(): FileAccess {
  return { files: NO_FILES, staged: new StagedFiles() };
}

export async function dispatch(
  ctx: ServiceContext,
  call: unknown,
  input: unknown,
  access: FileAccess = noFileAccess(),
): Promise<Envelope<unknown>> {
  if (!isCallName(call)) {
    return fail({ code: 'unknown_call', message: `未知的操作：${describe(call)}。请升级或重新安装绩效台账。` });
  }
  const spec = contract[call];
  const parsed = (spec.input as z.ZodType).safeParse(input);
  if (!parsed.success) return fail(inputError(parsed.error));
  try {
    const handler = handlers[call] as (ctx: HandlerContext, input: unknown) => unknown;
    // A call declared as a read gets the ledger through a read-only connection: the declaration is enforced, not trusted.
    const ledger = spec.write ? ctx.ledger : readOnlyView(ctx.ledger);
    return { ok: true, value: await handler({ ...ctx, ledger, ...access }, parsed.data) };
  } catch (err) {
    return fail(toBridgeError(err));
  }
}

function inputError(error: z.ZodError): BridgeError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join('.') : '_';
    fields[key] ??= issue.message;
  }
  const first = Object.values(fields)[0];
  return { code: 'invalid_input', message: `输入有误：${first}${Object.keys(fields).length > 1 ? ' 等' : ''}。请修改后重试。`, fields };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

function fail(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}
