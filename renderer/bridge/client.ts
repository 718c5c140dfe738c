/**
 * The renderer's one way to the ledger: `window.ledger` from the desktop preload, or the HTTP bridge
 * when the page is served to a browser. Screens import `ledger` (writes) and `useCall` (reads).
 */
import type { CallInput, CallName, CallResult, Envelope, LedgerApi } from '../../electron/bridge/contract';
import { httpLedgerApi, takeAccessToken } from './httpBridge';

declare global {
  interface Window {
    /** Exposed by electron/preload.ts in the desktop app; absent in a browser. */
    ledger?: LedgerApi;
  }
}

export const ledger: LedgerApi = window.ledger ?? httpLedgerApi(takeAccessToken());

type Sender = (input: unknown) => Promise<Envelope<unknown>>;

/** Sends a call by its contract name (`'projects.list'`), typed from the contract. */
export function callLedger<K extends CallName>(name: K, input: CallInput<K>): Promise<Envelope<CallResult<K>>> {
  const [area, action] = name.split('.') as [string, string];
  const send = (ledger as unknown as Record<string, Record<string, Sender>>)[area]![action]!;
  return send(input) as Promise<Envelope<CallResult<K>>>;
}
