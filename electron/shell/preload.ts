/**
 * The sandboxed preload: exposes `window.ledger.<area>.<action>(input)` and `window.printing.savePdf`,
 * nothing else. The page gets named functions, never ipcRenderer itself, so it cannot pick another
 * channel or listen to anything. Bundled by electron-vite into one CommonJS file; a sandboxed preload
 * may require only 'electron', so this file imports nothing that needs Node built-ins.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildApi, type Envelope } from '../bridge/contract';
import { PRINT_CHANNEL, type PdfOutcome, type PrintingApi } from '../bridge/printing';
import { LEDGER_CHANNEL } from './security';

const send = (channel: string, payload: unknown) =>
  (ipcRenderer.invoke(channel, payload) as Promise<Envelope<unknown>>).catch(
    // Only when the main process has no handler (it is shutting down) or the input cannot be cloned.
    (err: unknown): Envelope<unknown> => ({
      ok: false,
      error: { code: 'ipc_failed', message: `操作未送达台账（${(err as Error)?.message ?? String(err)}）。请重启绩效台账后重试。` },
    }),
  );

const ledger = buildApi((call, input) => send(LEDGER_CHANNEL, { call, input }));
const printing: PrintingApi = { savePdf: (request) => send(PRINT_CHANNEL, { title: request.title }) as Promise<PdfOutcome> };

contextBridge.exposeInMainWorld('ledger', ledger);
contextBridge.exposeInMainWorld('printing', printing);
