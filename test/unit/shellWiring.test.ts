/**
 * The Electron shell's wiring, checked against fake Electron modules (the runtime cannot run here):
 * the order of start-up, the hardened window, the deny-everything handlers, the app:// protocol, the
 * IPC sender check and the preload's surface. The ledger behind it is a real temp file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { PRIVILEGED_SCHEMES, APP_ENTRY_URL, windowOptions } from '../../electron/shell/security';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/contentSecurity';
import type { RemovableMediaProbe } from '../../electron/ledger/removableMedia';

type Listener = (...args: any[]) => unknown;

const fakes = vi.hoisted(() => {
  class Emitter {
    readonly listeners = new Map<string, Listener[]>();
    on(event: string, fn: Listener) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
      return this;
    }
    once(event: string, fn: Listener) {
      return this.on(event, fn);
    }
    emit(event: string, ...args: unknown[]) {
      for (const fn of this.listeners.get(event) ?? []) fn(...args);
    }
    handler(event: string): Listener {
      const fn = this.listeners.get(event)?.[0];
      if (!fn) throw new Error(`no listener for ${event}`);
      return fn;
    }
  }

  function makeElectron(setup: { userData: string; lock?: boolean; packaged?: boolean }) {
    const order: string[] = [];
    const windows: FakeWindow[] = [];
    const ipcHandlers = new Map<string, Listener>();
    const protocolHandlers = new Map<string, Listener>();

    class FakeWindow extends Emitter {
      readonly loadURL = vi.fn(async (_url: string) => undefined);
      readonly show = vi.fn();
      readonly focus = vi.fn();
      readonly restore = vi.fn();
      minimized = false;
      isMinimized() {
        return this.minimized;
      }
      constructor(readonly options: unknown) {
        super();
        order.push('window');
        windows.push(this);
      }
    }

    const app = Object.assign(new Emitter(), {
      isPackaged: setup.packaged ?? false,
      requestSingleInstanceLock: vi.fn(() => {
        order.push('lock');
        return setup.lock ?? true;
      }),
      quit: vi.fn(() => order.push('quit')),
      enableSandbox: vi.fn(() => order.push('sandbox')),
      whenReady: vi.fn(() => {
        order.push('whenReady');
        return Promise.resolve().then(() => order.push('ready'));
      }),
      getPath: vi.fn((_name: string) => setup.userData),
      getVersion: () => '0.1.0',
    });
    const session = {
      defaultSession: Object.assign(new Emitter(), {
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        webRequest: { onBeforeRequest: vi.fn() },
      }),
    };
    const protocol = {
      registerSchemesAsPrivileged: vi.fn(() => order.push('schemes')),
      handle: vi.fn((scheme: string, fn: Listener) => protocolHandlers.set(scheme, fn)),
    };
    const ipcMain = {
      handle: vi.fn((channel: string, fn: Listener) => {
        order.push('ipc');
        ipcHandlers.set(channel, fn);
      }),
    };
    const Menu = {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    };
    const dialog = { showErrorBox: vi.fn(), showMessageBox: vi.fn(async () => ({ response: 0 })) };
    const modules = { app, BrowserWindow: FakeWindow, dialog, ipcMain, Menu, protocol, session };
    return { modules, order, windows, ipcHandlers, protocolHandlers };
  }

  const userData = { dir: '' };
  const auto = makeElectron({
    get userData() {
      return userData.dir;
    },
  });
  const renderer = {
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async (_channel: string, _payload: unknown): Promise<unknown> => ({ ok: true, value: 'echo' })) },
  };
  return { Emitter, makeElectron, auto, userData, renderer };
});

vi.mock('electron', () => ({ ...fakes.auto.modules, ...fakes.renderer }));

type FakeElectron = ReturnType<typeof fakes.makeElectron>;

const folders: string[] = [];
function tempFolder(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-test-'));
  folders.push(dir);
  return dir;
}
const started: FakeElectron[] = [fakes.auto];
// Importing main.ts starts the shell against the mocked module: point it at a temp folder and make
// sure a LEDGER_PATH in the developer's environment cannot send it to a real ledger.
fakes.userData.dir = tempFolder();
vi.stubEnv('LEDGER_PATH', '');
afterAll(() => {
  vi.unstubAllEnvs();
  for (const e of started) e.modules.app.emit('will-quit'); // closes each ledger
  for (const f of folders) fs.rmSync(f, { recursive: true, force: true });
});

async function start(
  setup: { lock?: boolean; packaged?: boolean; ledger?: string; outDir?: string; removableMedia?: RemovableMediaProbe } = {},
) {
  const { startShell } = await import('../../electron/shell/main');
  const electron = fakes.makeElectron({ userData: tempFolder(), ...setup });
  started.push(electron);
  const env = setup.ledger ? { LEDGER_PATH: setup.ledger } : {};
  await startShell(electron.modules as never, {
    argv: [],
    env,
    ...(setup.outDir ? { outDir: setup.outDir } : {}),
    removableMedia: setup.removableMedia,
  });
  return electron;
}

const trustedEvent = { senderFrame: { url: 'app://renderer/index.html', parent: null } };

describe('importing electron/main.ts', () => {
  it('starts the shell: lock, privileged scheme before ready, ledger, IPC, then the window', async () => {
    await import('../../electron/shell/main');
    await vi.waitFor(() => expect(fakes.auto.windows).toHaveLength(1));

    const { order, modules } = fakes.auto;
    expect(order.slice(0, 6)).toEqual(['lock', 'schemes', 'sandbox', 'whenReady', 'ready', 'ipc']);
    expect(order.indexOf('ipc')).toBeLessThan(order.indexOf('window'));
    expect(modules.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith(PRIVILEGED_SCHEMES);
    // The ledger went to the user-data folder.
    expect(fs.existsSync(path.join(fakes.userData.dir, 'ledger.db'))).toBe(true);
  });
});

describe('the shell', () => {
  it('creates the window from windowOptions and loads app://renderer/index.html, shown when ready', async () => {
    const electron = await start();
    const [window] = electron.windows;
    const options = window!.options as ReturnType<typeof windowOptions>;
    expect(options.webPreferences.preload.endsWith(path.join('preload', 'preload.js'))).toBe(true);
    expect(options).toEqual(windowOptions(options.webPreferences.preload, options.icon));
    expect(window!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(window!.show).not.toHaveBeenCalled();
    window!.emit('ready-to-show');
    expect(window!.show).toHaveBeenCalled();
  });

  it('denies every permission request and check for the session', async () => {
    const electron = await start();
    const ses = electron.modules.session.defaultSession;
    const request = ses.setPermissionRequestHandler.mock.calls[0]![0] as Listener;
    const check = ses.setPermissionCheckHandler.mock.calls[0]![0] as Listener;
    let granted: boolean | undefined;
    request({}, 'media', (g: boolean) => (granted = g), {});
    expect(granted).toBe(false);
    expect(check({}, 'clipboard-read', 'app://renderer', {})).toBe(false);
  });

  it('cancels network and file requests, lets app:// through', async () => {
    const electron = await start();
    const filter = electron.modules.session.defaultSession.webRequest.onBeforeRequest.mock.calls[0]![0] as Listener;
    const decide = (url: string) => {
      let cancel: boolean | undefined;
      filter({ url }, (response: { cancel: boolean }) => (cancel = response.cancel));
      return cancel;
    };
    expect(decide('https://example.com/')).toBe(true);
    expect(decide('file:///etc/passwd')).toBe(true);
    expect(decide('app://renderer/assets/index.js')).toBe(false);
  });

  it('refuses downloads that the page did not make', async () => {
    const electron = await start();
    const onDownload = electron.modules.session.defaultSession.handler('will-download');
    const event = { preventDefault: vi.fn() };
    onDownload(event, { getURL: () => 'https://example.com/a.xlsx' });
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('stops navigation away, pop-ups and webviews in every web contents', async () => {
    const electron = await start();
    const contents = Object.assign(new fakes.Emitter(), { setWindowOpenHandler: vi.fn() });
    electron.modules.app.emit('web-contents-created', {}, contents);

    for (const name of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      const away = { url: 'https://example.com/', preventDefault: vi.fn() };
      contents.handler(name)(away);
      expect(away.preventDefault, name).toHaveBeenCalled();
      const home = { url: 'app://renderer/index.html', preventDefault: vi.fn() };
      contents.handler(name)(home);
      expect(home.preventDefault, name).not.toHaveBeenCalled();
    }
    const webview = { preventDefault: vi.fn() };
    contents.handler('will-attach-webview')(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0] as Listener;
    expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('serves the renderer over app:// with the CSP and refuses what is outside it', async () => {
    const outDir = tempFolder();
    fs.mkdirSync(path.join(outDir, 'renderer'));
    fs.writeFileSync(path.join(outDir, 'renderer', 'index.html'), '<!doctype html><title>绩效台账</title>');
    fs.writeFileSync(path.join(outDir, 'secret.txt'), 'not for the renderer');
    const electron = await start({ outDir });
    const serve = electron.protocolHandlers.get('app')!;

    const page = (await serve(new Request('app://renderer/index.html'))) as Response;
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('绩效台账');

    const escape = (await serve(new Request('app://renderer/..%2fsecret.txt'))) as Response;
    expect(escape.status).toBe(404);
    expect(await escape.text()).not.toContain('not for the renderer');
    const post = (await serve(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))) as Response;
    expect(post.status).toBe(405);
  });

  it('answers the ledger channel only for the app window', async () => {
    const electron = await start();
    const handle = electron.ipcHandlers.get('ledger')!;
    expect(handle).toBeTypeOf('function');
    expect(electron.ipcHandlers.get('print'), '存为 PDF (test/unit/printToPdf.test.ts)').toBeTypeOf('function');

    const untrusted = await handle({ senderFrame: { url: 'https://example.com/', parent: null } }, { call: 'ledger.info', input: {} });
    expect(untrusted).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    const subFrame = await handle({ senderFrame: { url: 'app://renderer/index.html', parent: {} } }, { call: 'ledger.info', input: {} });
    expect(subFrame).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(await handle(trustedEvent, { call: 'ledger.info', input: {} })).toMatchObject({ ok: true });
  });

  it('closes the ledger when the app quits', async () => {
    const electron = await start();
    const handle = electron.ipcHandlers.get('ledger')!;
    electron.modules.app.emit('will-quit');
    expect(await handle(trustedEvent, { call: 'ledger.info', input: {} })).toMatchObject({ ok: false });
  });

  it('brings the window forward when started a second time', async () => {
    const electron = await start();
    const [window] = electron.windows;
    window!.minimized = true;
    electron.modules.app.emit('second-instance', {}, [], '/');
    expect(window!.restore).toHaveBeenCalled();
    expect(window!.focus).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    const electron = await start({ lock: false });
    expect(electron.modules.app.quit).toHaveBeenCalled();
    expect(electron.modules.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
  });

  it('explains in Chinese and quits when the ledger cannot be opened', async () => {
    const bad = path.join(tempFolder(), '坏台账.db');
    fs.writeFileSync(bad, 'this is not a SQLite file, it is a spreadsheet someone renamed'.repeat(100));
    const electron = await start({ ledger: bad });
    expect(electron.modules.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, message] = electron.modules.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('无法打开台账');
    expect(message).toContain(bad);
    expect(message).toContain('--ledger');
    expect(electron.modules.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcHandlers.size).toBe(0);
  });

  it('refuses a ledger on a USB stick with the way out, and quits without touching it', async () => {
    const stick = tempFolder();
    const onStick = path.join(stick, '台账.db');
    fs.writeFileSync(onStick, 'the ledger the clerk double-clicked on E:');
    const electron = await start({
      ledger: onStick,
      removableMedia: (file) => (file.startsWith(stick) ? { mount: stick, why: 'E: 盘是U盘' } : null),
    });
    const [title, message] = electron.modules.dialog.showErrorBox.mock.calls[0] as unknown as [string, string];
    expect(title).toBe('无法打开台账');
    expect(message).toContain(`台账文件 ${onStick} 在U盘（可移动磁盘）上`);
    expect(message).toContain('请先把它复制到本机硬盘');
    expect(message).toContain('设置 → 备份与恢复');
    expect(electron.modules.app.quit).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(fs.readFileSync(onStick, 'utf8')).toBe('the ledger the clerk double-clicked on E:');
    expect(fs.existsSync(`${onStick}-wal`)).toBe(false);
  });

  it('has a zh-CN menu, with developer tools only in a development run', async () => {
    const labels = (electron: FakeElectron) => {
      const template = electron.modules.Menu.buildFromTemplate.mock.calls[0]![0] as {
        label: string;
        submenu: { label?: string; role?: string }[];
      }[];
      return {
        top: template.map((m) => m.label),
        items: template.flatMap((m) => m.submenu.map((i) => i.label ?? i.role ?? '-')),
        roles: template.flatMap((m) => m.submenu.map((i) => i.role)),
      };
    };
    const dev = labels(await start());
    expect(dev.top).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '帮助(&H)']);
    for (const item of [
      '退出',
      '撤销',
      '重做',
      '剪切',
      '复制',
      '粘贴',
      '全选',
      '重新加载',
      '实际大小',
      '放大',
      '缩小',
      '切换全屏',
      '关于绩效台账',
    ]) {
      expect(dev.items).toContain(item);
    }
    expect(dev.roles).toContain('toggleDevTools');
    const packaged = labels(await start({ packaged: true }));
    expect(packaged.roles).not.toContain('toggleDevTools');
  });
});

describe('the preload', () => {
  it('exposes window.ledger as named functions that invoke the one channel', async () => {
    await import('../../electron/shell/preload');
    const { exposeInMainWorld } = fakes.renderer.contextBridge;
    expect(exposeInMainWorld.mock.calls.map((c) => (c as unknown[])[0])).toEqual(['ledger', 'printing']);
    const [, api] = exposeInMainWorld.mock.calls[0] as unknown as [string, Record<string, Record<string, Listener>>];
    for (const [area, actions] of Object.entries(api)) {
      for (const [action, fn] of Object.entries(actions)) expect(typeof fn, `${area}.${action}`).toBe('function');
    }
    expect(Object.keys(api)).not.toContain('invoke');
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc/i);

    await api.projects!.list!({ year: 2024 });
    expect(fakes.renderer.ipcRenderer.invoke).toHaveBeenLastCalledWith('ledger', { call: 'projects.list', input: { year: 2024 } });

    fakes.renderer.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    expect(await api.years!.list!({})).toMatchObject({ ok: false, error: { code: 'ipc_failed' } });

    // 存为 PDF: one function on its own channel, sending the title and nothing else.
    const [, printing] = exposeInMainWorld.mock.calls[1] as unknown as [string, Record<string, Listener>];
    expect(Object.keys(printing)).toEqual(['savePdf']);
    await printing.savePdf!({ title: '评价结果应用 · 2023 年度', extra: 'ignored' });
    expect(fakes.renderer.ipcRenderer.invoke).toHaveBeenLastCalledWith('print', { title: '评价结果应用 · 2023 年度' });
  });
});
