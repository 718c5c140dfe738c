/**
 * The IPC registration against a real ledger file, with a fake ipcMain (Electron cannot run here).
 */
import { describe, expect, it } from 'vitest';
import { registerLedgerIpc, type InvokeEventLike } from '../../electron/shell/ipc';
import { isTrustedSender, LEDGER_CHANNEL } from '../../electron/shell/security';
import { freshContext } from './tempLedger';

type Handler = (event: InvokeEventLike, payload: unknown) => unknown;

function registered(year?: number) {
  const handlers = new Map<string, Handler>();
  const ctx = freshContext(year ? { year } : {});
  registerLedgerIpc({ handle: (channel, fn) => void handlers.set(channel, fn) }, ctx, isTrustedSender);
  expect([...handlers.keys()]).toEqual([LEDGER_CHANNEL]);
  return { handle: handlers.get(LEDGER_CHANNEL)!, ctx };
}

const appWindow: InvokeEventLike = { senderFrame: { url: 'app://renderer/index.html', parent: null } };

describe('the ledger IPC channel', () => {
  it('refuses a sender that is not the app window, before any service runs', async () => {
    const { handle, ctx } = registered();
    const auditBefore = ctx.ledger.sqlite.prepare('select count(*) as n from audit_log').get();
    for (const event of [
      { senderFrame: { url: 'https://example.com/', parent: null } },
      { senderFrame: { url: 'file:///C:/evil.html', parent: null } },
      { senderFrame: { url: 'app://renderer/index.html', parent: { url: 'app://renderer/index.html' } } },
      { senderFrame: null },
    ] satisfies InvokeEventLike[]) {
      const result = await handle(event, { call: 'years.create', input: { year: 2025 } });
      expect(result).toEqual({ ok: false, error: { code: 'untrusted_sender', message: expect.stringMatching(/已拒绝/) } });
    }
    expect(ctx.ledger.sqlite.prepare('select count(*) as n from audit_log').get()).toEqual(auditBefore);
    expect(await handle(appWindow, { call: 'years.list', input: {} })).toEqual({ ok: true, value: [] });
  });

  it('hands a trusted call to the dispatcher, which writes and reads the ledger', async () => {
    const { handle } = registered();
    expect(await handle(appWindow, { call: 'years.create', input: { year: 2025 } })).toMatchObject({ ok: true, value: { year: 2025 } });
    expect(await handle(appWindow, { call: 'years.list', input: {} })).toMatchObject({ ok: true, value: [{ year: 2025 }] });
  });

  it('answers a malformed payload with an envelope, not an exception', async () => {
    const { handle } = registered();
    for (const payload of [undefined, null, 'years.list', 42, [], { call: 'fs.readFile', input: '/etc/passwd' }, { call: '__proto__' }]) {
      expect(await handle(appWindow, payload)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    }
    expect(await handle(appWindow, { call: 'years.create', input: { year: 'next' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('treats a sender frame that throws when read as untrusted', async () => {
    const { handle } = registered();
    const disposed = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    expect(await handle(disposed, { call: 'years.list', input: {} })).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
  });
});
