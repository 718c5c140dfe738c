import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveAppFile } from '../../electron/shell/appProtocol';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/contentSecurity';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  BLOCKED_SCHEMES,
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
} from '../../electron/shell/security';

describe('the window', () => {
  const options = windowOptions('/app/out/preload/preload.js');

  it('is isolated, sandboxed and has no Node in any frame or worker', () => {
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.js',
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
    });
  });

  it('is titled 绩效台账 and stays hidden until its first paint', () => {
    expect(options.title).toBe('绩效台账');
    expect(options.show).toBe(false);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth);
    expect(options.minWidth).toBeLessThanOrEqual(1366);
  });
});

describe('the content security policy', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values] as const;
    }),
  );

  it('starts from nothing allowed', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
  });

  it('names no remote origin and no scheme that reaches the network', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\*/);
  });

  it('never allows eval, and inline code only for styles', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives.get('script-src')).toEqual(["'self'"]);
    for (const [name, values] of directives) if (name !== 'style-src') expect(values).not.toContain("'unsafe-inline'");
  });

  it('forbids plugins, framing, forms and base rewriting', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
  });

  it('is sent with every app:// response, with nosniff', () => {
    const headers = responseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});

describe('the app:// scheme', () => {
  it('is standard and secure but neither bypasses the CSP nor opens itself to other origins', () => {
    expect(PRIVILEGED_SCHEMES).toEqual([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({
      standard: true,
      secure: true,
      supportFetchAPI: true,
      bypassCSP: false,
      corsEnabled: false,
    });
    expect(APP_ENTRY_URL).toBe('app://renderer/index.html');
  });
});

describe('navigation, pop-ups and permissions', () => {
  it('lets the window go nowhere but its own origin', () => {
    expect(isAllowedNavigation('app://renderer/index.html')).toBe(true);
    for (const url of [
      'https://example.com/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://elsewhere/index.html',
      'app://user:pw@renderer/index.html',
      'javascript:alert(1)',
      'data:text/html,<h1>x</h1>',
      'about:blank',
      'chrome://settings',
      '',
      'not a url',
    ]) {
      expect(isAllowedNavigation(url), url).toBe(false);
    }
  });

  it('opens no new windows', () => {
    expect(windowOpenPolicy()).toEqual({ action: 'deny' });
  });

  it('grants no permission, asked or checked', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid', 'serial', 'fullscreen']) {
      let granted: boolean | undefined;
      permissionRequestHandler(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(permissionCheckHandler()).toBe(false);
  });

  it('saves only downloads the page made itself', () => {
    expect(isAllowedDownload('blob:app://renderer/3f1c2a9e-0000-4000-8000-000000000000')).toBe(true);
    expect(isAllowedDownload('data:application/octet-stream;base64,AAAA')).toBe(true);
    expect(isAllowedDownload('https://example.com/x.xlsx')).toBe(false);
    expect(isAllowedDownload('blob:https://example.com/uuid')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
  });
});

describe('the IPC sender check', () => {
  it('trusts only the main frame of our own origin', () => {
    expect(isTrustedSender('app://renderer/index.html', true)).toBe(true);
    expect(isTrustedSender('app://renderer/index.html#/projects', true)).toBe(true);
    expect(isTrustedSender('app://renderer/index.html', false)).toBe(false);
    expect(isTrustedSender('https://example.com/', true)).toBe(false);
    expect(isTrustedSender('file:///app/out/renderer/index.html', true)).toBe(false);
    expect(isTrustedSender('app://other/index.html', true)).toBe(false);
    expect(isTrustedSender('about:blank', true)).toBe(false);
    expect(isTrustedSender('', true)).toBe(false);
    expect(isTrustedSender(null, true)).toBe(false);
    expect(isTrustedSender(undefined, true)).toBe(false);
  });
});

describe('the network filter', () => {
  it('blocks every scheme that reaches the network or the disk', () => {
    expect([...BLOCKED_SCHEMES]).toEqual(expect.arrayContaining(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']));
    for (const url of [
      'http://example.com/',
      'HTTPS://example.com/',
      'ws://127.0.0.1:1/',
      'wss://example.com/',
      'ftp://example.com/',
      'file:///C:/Windows/win.ini',
      'chrome-extension://abc/x.js',
      'chrome://gpu',
      'javascript:void 0',
      'app://elsewhere/x.js',
      'no-scheme-at-all',
      '',
    ]) {
      expect(isBlockedRequest(url), url).toBe(true);
    }
  });

  it('lets through our bundle and inline data', () => {
    expect(isBlockedRequest('app://renderer/assets/index.js')).toBe(false);
    expect(isBlockedRequest('data:image/png;base64,AAAA')).toBe(false);
    expect(isBlockedRequest('blob:app://renderer/uuid')).toBe(false);
  });

  it('allows the developer tools only in a development run', () => {
    expect(isBlockedRequest('devtools://devtools/bundled/devtools_app.html')).toBe(true);
    expect(isBlockedRequest('devtools://devtools/bundled/devtools_app.html', { allowDevtools: true })).toBe(false);
    expect(isBlockedRequest('https://chrome-devtools-frontend.appspot.com/x', { allowDevtools: true })).toBe(true);
  });
});

describe('app:// file resolution', () => {
  const root = path.resolve('/srv/app/out/renderer');

  it('serves files inside the renderer folder with their content type', () => {
    expect(resolveAppFile(root, 'app://renderer/index.html')).toEqual({
      file: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveAppFile(root, 'app://renderer/assets/index-abc123.js')).toEqual({
      file: path.join(root, 'assets', 'index-abc123.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppFile(root, 'app://renderer/assets/%E5%AD%97%E4%BD%93.woff2')?.file).toBe(path.join(root, 'assets', '字体.woff2'));
    expect(resolveAppFile(root, 'app://renderer/index.html?x=1#/projects')?.file).toBe(path.join(root, 'index.html'));
  });

  it('answers / and in-app routes with index.html', () => {
    expect(resolveAppFile(root, 'app://renderer/')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://renderer')?.file).toBe(path.join(root, 'index.html'));
    expect(resolveAppFile(root, 'app://renderer/projects/12')?.file).toBe(path.join(root, 'index.html'));
  });

  it('keeps ../ and %2e%2e/ (which the URL parser folds away) inside the folder', () => {
    expect(resolveAppFile(root, 'app://renderer/../../etc/secret.txt')?.file).toBe(path.join(root, 'etc', 'secret.txt'));
    expect(resolveAppFile(root, 'app://renderer/%2e%2e/%2e%2e/etc/secret.txt')?.file).toBe(path.join(root, 'etc', 'secret.txt'));
    expect(resolveAppFile(root, 'app://renderer/assets/%2E%2E/%2E%2E/secret.txt')?.file).toBe(path.join(root, 'secret.txt'));
  });

  it('refuses encoded traversal, drive letters, NUL bytes, other hosts and other schemes', () => {
    for (const url of [
      'app://renderer/%252e%252e/%252e%252e/secret.txt',
      'app://renderer/..%2f..%2fsecret.txt',
      'app://renderer/%2e%2e%2f%2e%2e%2fsecret.txt',
      'app://renderer/..%5c..%5csecret.txt',
      'app://renderer/assets%5c..%5c..%5cwin.ini',
      'app://renderer/%00index.html',
      'app://renderer/C:/Windows/win.ini',
      'app://renderer/C%3A%5CWindows%5Cwin.ini',
      'app://renderer/index.html:stream',
      'app://renderer/%E0%A4%A',
      'app://other/index.html',
      'app://user@renderer/index.html',
      'file:///srv/app/out/renderer/index.html',
      'https://renderer/index.html',
      'not a url',
    ]) {
      expect(resolveAppFile(root, url), url).toBeNull();
    }
  });

  it('sends unknown file types as opaque bytes (never sniffed)', () => {
    expect(contentTypeFor('x.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('x.SVG')).toBe('image/svg+xml');
  });
});
