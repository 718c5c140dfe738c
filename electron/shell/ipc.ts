/**
 * The one IPC channel between the renderer and the ledger. Every call arrives as `{call, input}` on
 * 'ledger', is checked for its sender, then goes to the same dispatcher the browser host and the
 * tests use. Takes ipcMain as a parameter so it runs in tests with a fake, without Electron.
 */
import type { Envelope } from '../bridge/contract';
import { dispatch, noFileAccess, type FileAccess } from '../bridge/dispatcher';
import { LEDGER_CHANNEL } from './security';
import type { ServiceContext } from '../ledger/context';

/** The part of Electron's IpcMainInvokeEvent we read. */
export interface InvokeEventLike {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain we use. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => unknown): void;
}

export type SenderCheck = (frameUrl: string | null | undefined, isMainFrame: boolean) => boolean;

export const UNTRUSTED_SENDER: Envelope<never> = {
  ok: false,
  error: { code: 'untrusted_sender', message: '此请求并非来自绩效台账的主窗口，已拒绝。请关闭其他窗口后重试。' },
};

/**
 * Trust rules: the sender must be the main frame of a page on app://renderer (see isTrustedSender);
 * anything else gets the untrusted_sender envelope and never reaches a service. The payload is
 * untrusted data: the dispatcher refuses unknown call names and parses the input with the call's
 * schema, so a hostile renderer can do no more than the contract allows.
 */
export function registerLedgerIpc(
  ipcMain: IpcMainLike,
  ctx: ServiceContext,
  isTrustedSender: SenderCheck,
  files: FileAccess = noFileAccess(),
): void {
  ipcMain.handle(LEDGER_CHANNEL, (event, payload) => {
    if (!senderIsTrusted(event, isTrustedSender)) return UNTRUSTED_SENDER;
    const { call, input } = (typeof payload === 'object' && payload !== null ? payload : {}) as { call?: unknown; input?: unknown };
    return dispatch(ctx, call, input, files);
  });
}

export function senderIsTrusted(event: InvokeEventLike, isTrustedSender: SenderCheck): boolean {
  try {
    const frame = event.senderFrame;
    if (!frame) return false; // the frame navigated away or was destroyed before we looked
    return isTrustedSender(frame.url, frame.parent === null);
  } catch {
    return false;
  }
}
