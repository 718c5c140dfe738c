/**
 * The Electron main process: one window, the app:// protocol, the menu and the IPC registration.
 * Deliberately thin: every security decision is a plain function in security.ts, app:// file
 * resolution is in appProtocol.ts, the ledger is opened by db/open.ts and every call goes through the
 * shared dispatcher (ipc.ts). `startShell` takes the Electron modules as a parameter so the wiring is
 * tested with fakes; importing this file starts the real shell.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, type MenuItemConstructorOptions, protocol, session, type WebContents } from 'electron';
import { closeLedger, type Ledger } from '../../db/open';
import { openAppLedger } from '../ledger/appLedger';
import { resolveAppFile } from './appProtocol';
import { dialogFileGateway } from './dialogs';
import { registerPdfIpc } from './pdf';
import { StagedFiles } from '../bridge/fileExchange';
import { registerLedgerIpc } from './ipc';
import { resolveLedgerPath } from '../ledger/ledgerLocation';
import type { RemovableMediaProbe } from '../ledger/removableMedia';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  PRIVILEGED_SCHEMES,
  isAllowedDownload,
  isAllowedNavigation,
  isBlockedRequest,
  isTrustedSender,
  permissionCheckHandler,
  permissionRequestHandler,
  responseHeaders,
  windowOpenPolicy,
  windowOptions,
} from './security';
import { LedgerSession, OPERATOR_FILE_NAME } from '../ledger/session';

export interface ShellModules {
  app: typeof app;
  BrowserWindow: typeof BrowserWindow;
  dialog: typeof dialog;
  ipcMain: typeof ipcMain;
  Menu: typeof Menu;
  protocol: typeof protocol;
  session: typeof session;
}

export interface ShellOptions {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  /** The electron-vite output folder holding main/, preload/ and renderer/. */
  outDir?: string;
  /** Decides whether the ledger is on a USB stick; the real probe unless a test gives one. */
  removableMedia?: RemovableMediaProbe;
}

/**
 * Wires the shell. Resolves once the window is created, or once the app has decided to quit (another
 * instance is running, or the ledger could not be opened).
 */
export function startShell(electron: ShellModules, options: ShellOptions = {}): Promise<void> {
  const { app: application, dialog: dialogs } = electron;
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  const outDir = options.outDir ?? path.join(__dirname, '..');

  // A second start (double-click on the shortcut again) brings the open window forward instead of
  // opening the same ledger twice.
  if (!application.requestSingleInstanceLock()) {
    application.quit();
    return Promise.resolve();
  }
  // Before 'ready': Chromium fixes scheme privileges and the sandbox at start-up. enableSandbox makes
  // every renderer sandboxed, whatever options a future window is created with.
  electron.protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);
  application.enableSandbox();

  let mainWindow: BrowserWindow | null = null;
  let ledger: Ledger | null = null;
  let session: LedgerSession | null = null;

  application.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  application.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  application.on('window-all-closed', () => application.quit());
  application.on('will-quit', () => {
    if (ledger) closeLedger(ledger);
    session?.close();
    ledger = null;
  });

  return application.whenReady().then(() => {
    const allowDevtools = !application.isPackaged;
    const ses = electron.session.defaultSession;
    ses.setPermissionRequestHandler(permissionRequestHandler);
    ses.setPermissionCheckHandler(permissionCheckHandler);
    ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: isBlockedRequest(details.url, { allowDevtools }) }));
    ses.on('will-download', (event, item) => {
      if (!isAllowedDownload(item.getURL())) event.preventDefault();
    });
    electron.protocol.handle(APP_SCHEME, (request) => serveAppFile(path.join(outDir, 'renderer'), request));

    const ledgerPath = resolveLedgerPath(argv, env, application.getPath('userData'));
    try {
      ledger = openAppLedger(ledgerPath, application.getPath('userData'), options.removableMedia);
    } catch (err) {
      dialogs.showErrorBox('无法打开台账', openFailureMessage(ledgerPath, err));
      application.quit();
      return;
    }
    // The session holds the ledger from here on: a restore in 设置 swaps it, and will-quit closes what it holds.
    session = new LedgerSession({
      ledger,
      account: actorName(),
      operatorFile: path.join(application.getPath('userData'), OPERATOR_FILE_NAME),
    });
    registerLedgerIpc(electron.ipcMain, session.context, isTrustedSender, {
      files: dialogFileGateway(dialogs, () => mainWindow),
      staged: new StagedFiles(),
      session,
    });
    registerPdfIpc(
      electron.ipcMain,
      isTrustedSender,
      dialogFileGateway(dialogs, () => mainWindow),
    );

    const showAbout = () => {
      const options = {
        type: 'info' as const,
        title: '关于绩效台账',
        message: `绩效台账 ${application.getVersion()}`,
        detail: `县级财政预算绩效管理台账（离线使用）。\n\n当前台账文件：\n${ledgerPath}`,
        buttons: ['确定'],
      };
      void (mainWindow ? dialogs.showMessageBox(mainWindow, options) : dialogs.showMessageBox(options));
    };
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menuTemplate({ devtools: allowDevtools, showAbout })));

    const icon = path.join(outDir, '..', 'assets', 'icon.png');
    const window = new electron.BrowserWindow(
      windowOptions(path.join(outDir, 'preload', 'preload.js'), fs.existsSync(icon) ? icon : undefined),
    );
    mainWindow = window;
    window.once('ready-to-show', () => window.show());
    window.on('closed', () => {
      mainWindow = null;
    });
    window.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
      dialogs.showErrorBox(
        '界面加载失败',
        `无法加载绩效台账的界面（${(err as Error)?.message ?? String(err)}）。安装可能不完整，请重新安装。`,
      );
    });
  });
}

/** The zh-CN application menu. Developer tools only in an unpackaged (development) run. */
export function menuTemplate(options: { devtools: boolean; showAbout: () => void }): MenuItemConstructorOptions[] {
  return [
    { label: '文件(&F)', submenu: [{ role: 'quit', label: '退出' }] },
    {
      label: '编辑(&E)',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图(&V)',
      submenu: [
        { role: 'reload', label: '重新加载' },
        ...(options.devtools ? [{ role: 'toggleDevTools', label: '开发者工具' } as const] : []),
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '切换全屏' },
      ],
    },
    { label: '帮助(&H)', submenu: [{ label: '关于绩效台账', click: () => options.showAbout() }] },
  ];
}

/** Applied to every web contents the app creates (the window, and anything that tries to appear). */
function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => windowOpenPolicy());
}

/**
 * Serves app://renderer/… from the renderer build. Reads with fs, not net.fetch(file://): the session
 * filter blocks file: for everything, including our own handler.
 */
async function serveAppFile(rendererDir: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response(null, { status: 405, headers: responseHeaders('text/plain; charset=utf-8') });
  }
  const resolved = resolveAppFile(rendererDir, request.url);
  if (resolved) {
    try {
      const body = await fs.promises.readFile(resolved.file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: responseHeaders(resolved.contentType) });
    } catch {
      // fall through to 404
    }
  }
  return new Response('找不到界面文件。安装可能不完整，请重新安装绩效台账；开发时请先运行 npm run build。', {
    status: 404,
    headers: responseHeaders('text/plain; charset=utf-8'),
  });
}

function openFailureMessage(ledgerPath: string, err: unknown): string {
  const reason = (err as Error)?.message ?? String(err);
  return [
    `台账文件：${ledgerPath}`,
    '',
    reason,
    '',
    '如需打开另一个台账，可在启动时加参数 --ledger 文件路径，或设置环境变量 LEDGER_PATH。',
    '程序即将退出。',
  ].join('\n');
}

/** Who is acting, for the audit log: the Windows/Linux account the clerk signed in with. */
function actorName(): string {
  try {
    return os.userInfo().username || '本机用户';
  } catch {
    return '本机用户';
  }
}

startShell({ app, BrowserWindow, dialog, ipcMain, Menu, protocol, session }).catch((err: unknown) => {
  dialog.showErrorBox('绩效台账无法启动', `启动时出错：${(err as Error)?.message ?? String(err)}。请把此信息告知技术支持。`);
  app.quit();
});
