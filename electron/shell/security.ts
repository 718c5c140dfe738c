/**
 * Every security choice the desktop shell makes, as plain objects and functions: window options,
 * the app:// scheme, navigation, pop-up and permission policy, the IPC sender check and the network
 * filter. No 'electron' import and no Node built-ins, so tests assert these without starting Electron
 * and the sandboxed preload can import the channel name without pulling in anything else.
 *
 * The stance: the renderer shows our own bundle and talks to the main process through one IPC
 * channel, nothing more. The workstations are offline and hold a bureau's budget ledger, so every
 * door the renderer does not need is shut rather than filtered.
 */
import { CONTENT_SECURITY_POLICY } from './contentSecurity';

/** The one IPC channel; the preload invokes it, ipc.ts handles it. */
export const LEDGER_CHANNEL = 'ledger';

/** The renderer is served from app://renderer/… (a standard, secure scheme), never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export const WINDOW_TITLE = '绩效台账';

/** Structurally what Electron's BrowserWindow takes; kept local so this file needs no electron import. */
export interface HardenedWindowOptions {
  title: string;
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
  show: boolean;
  backgroundColor: string;
  autoHideMenuBar: boolean;
  icon?: string;
  webPreferences: {
    preload: string;
    contextIsolation: true;
    sandbox: true;
    nodeIntegration: false;
    nodeIntegrationInWorker: false;
    nodeIntegrationInSubFrames: false;
    webSecurity: true;
    allowRunningInsecureContent: false;
    webviewTag: false;
    spellcheck: false;
    navigateOnDragDrop: false;
    safeDialogs: true;
    disableBlinkFeatures: string;
  };
}

/**
 * The main window. Hidden until 'ready-to-show' so the clerk never sees a white flash; 1280x800 fits
 * the 1366x768 laptops common in county offices once the taskbar is taken off (min 1024x640).
 */
export function windowOptions(preloadPath: string, iconPath?: string): HardenedWindowOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(iconPath ? { icon: iconPath } : {}),
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A page that loops alert() cannot lock the clerk out of the window.
      safeDialogs: true,
      // Auxclick opens links in new windows on middle-click; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}

/**
 * Privileges for app://. `standard` gives it real origins and relative URLs, `secure` makes it a
 * secure context (like https), `supportFetchAPI` lets the bundle fetch its own assets. Deliberately
 * absent: `bypassCSP` (the CSP must apply), `corsEnabled` (it would make app:// readable
 * cross-origin; every request here is same-origin), service workers, streaming, extensions.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
  bypassCSP: false,
  corsEnabled: false,
  allowServiceWorkers: false,
  stream: false,
  allowExtensions: false,
} as const;

export const PRIVILEGED_SCHEMES = [{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }];

/** True only for URLs on our own app origin (app://renderer/…). */
export function isAppUrl(url: string | null | undefined): boolean {
  if (typeof url !== 'string' || url.length === 0) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // Compare scheme and host, not `origin`: WHATWG URL reports origin 'null' for non-special schemes.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host.toLowerCase() === APP_HOST && parsed.username === '' && parsed.password === '';
}

/**
 * will-navigate / will-frame-navigate: the window only ever shows our own origin. A link to a web
 * page, a dropped file or a script setting location elsewhere is refused (the app has no links out;
 * routing inside the app changes the hash, which is not a navigation).
 */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** window.open, target=_blank, middle-click: never a new window. */
export function windowOpenPolicy(): { action: 'deny' } {
  return { action: 'deny' };
}

/** Camera, microphone, notifications, geolocation, clipboard-read, HID, serial…: the ledger needs none. */
export function permissionRequestHandler(_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void {
  callback(false);
}

export function permissionCheckHandler(): boolean {
  return false;
}

/**
 * The IPC sender check: only the main frame of a page on our own origin may call the ledger. A
 * sub-frame (there are none by design) or a page that somehow got elsewhere is refused, so a
 * navigation bug can never hand ledger access to foreign content.
 */
export function isTrustedSender(frameUrl: string | null | undefined, isMainFrame: boolean): boolean {
  return isMainFrame && isAppUrl(frameUrl);
}

/**
 * The network filter for the whole session (webRequest.onBeforeRequest). Allowed:
 * - app: our bundle, served from the package by protocol.handle;
 * - data: inline images and fonts the bundle embeds (the CSP limits where they may appear);
 * - blob: object URLs the page creates itself; they can only hold what the page already has;
 * - devtools: the developer tools' own pages, and only in an unpackaged (development) run.
 * Everything else is cancelled: http/https/ws/wss/ftp (the workstations are offline and nothing may
 * leave the PC), file: (the renderer must not read the disk; the main process hands it data) and any
 * scheme we do not know (chrome:, chrome-extension:, javascript:, custom handlers).
 */
export const ALLOWED_SCHEMES = ['app:', 'data:', 'blob:'] as const;
export const DEVELOPMENT_ONLY_SCHEMES = ['devtools:'] as const;
export const BLOCKED_SCHEMES = ['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:'] as const;

export function isBlockedRequest(url: string, options: { allowDevtools?: boolean } = {}): boolean {
  const scheme = schemeOf(url);
  if (scheme === null) return true;
  if ((BLOCKED_SCHEMES as readonly string[]).includes(scheme)) return true;
  if (scheme === 'app:') return !isAppUrl(url);
  if ((ALLOWED_SCHEMES as readonly string[]).includes(scheme)) return false;
  if ((DEVELOPMENT_ONLY_SCHEMES as readonly string[]).includes(scheme)) return !options.allowDevtools;
  return true;
}

/**
 * Headers on every app:// response: the CSP (the same one the browser host sends), no MIME sniffing,
 * no referrer, not embeddable, and a process of its own.
 */
export function responseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=(), payment=()',
    'Cache-Control': 'no-store',
  };
}

function schemeOf(url: string): string | null {
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(url);
  return match ? `${match[1]!.toLowerCase()}:` : null;
}

/**
 * Downloads (will-download): only content the page made itself (a blob: on our origin or a data: URL,
 * e.g. a spreadsheet built in the renderer), which Electron saves through its own save dialog.
 * Anything pointing elsewhere is cancelled; the network filter would stop it anyway.
 */
export function isAllowedDownload(url: string): boolean {
  if (url.startsWith('data:')) return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}
