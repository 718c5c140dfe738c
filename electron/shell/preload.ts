/**
 * The sandboxed preload: exposes `window.ledger.<area>.<action>(input)` and nothing else. The page
 * gets named functions built from the contract, never ipcRenderer itself, so it cannot pick another
 * channel or listen to anything. Bundled by electron-vite into one CommonJS file; a sandboxed preload
 * may require only 'electron', so this file imports nothing that needs Node built-ins.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Envelope } from '../bridge/contract';
import { LEDGER_CHANNEL } from './security';

const ledger = buildApi((call, input) =>
  (ipcRenderer.invoke(LEDGER_CHANNEL, { call, input }) as Promise<Envelope<unknown>>).catch(
    // Only when the main process has no handler (it is shutting down) or the input cannot be cloned.
    (err: unknown): Envelope<unknown> => ({
      ok: false,
      error: { code: 'ipc_failed', message: `操作未送达台账（${(err as Error)?.message ?? String(err)}）。请重启绩效台账后重试。` },
    }),
  ),
);

contextBridge.exposeInMainWorld('ledger', ledger);
