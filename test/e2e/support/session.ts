/**
 * One browser session against the in-process browser host: a ledger file in a temp folder, the built
 * renderer, headless Chromium with a fresh profile. It records every console error, page error, failed
 * request and HTTP status ≥ 400, so a test can insist there were none.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { closeLedger, openLedger, type Ledger } from '../../../db/open';
import { startBrowserHost, type BrowserHost } from '../../../electron/bridge/browserHost';
import { serviceContext, type ServiceContext } from '../../../electron/ledger/context';
import { chromiumPath } from './chromium';

const REPO = path.resolve(import.meta.dirname, '..', '..', '..');
export const RENDERER_DIR = path.join(REPO, 'out', 'renderer');
export const SCREENSHOT_DIR = path.join(REPO, 'test-output', 'screenshots');

export interface Session {
  page: Page;
  context: BrowserContext;
  host: BrowserHost;
  ledger: Ledger;
  /** Acts on the same ledger as the browser, for checking what a screen wrote (or did not). */
  ctx: ServiceContext;
  /** Console errors, page errors, failed requests and HTTP ≥ 400 seen since the last take. */
  takeProblems: () => string[];
  /** Saves a PNG as test-output/screenshots/<name>.png: the whole page, or what is on screen (dialogs). */
  screenshot: (name: string, options?: { fullPage?: boolean }) => Promise<string>;
  /** A second tab of the same browser, watched like the first. */
  newPage: () => Promise<Page>;
  close: () => Promise<void>;
}

/** `ledgerFile`: start from a copy of this closed ledger file instead of an empty one. */
export async function startSession(fill: (ctx: ServiceContext) => void, options: { ledgerFile?: string } = {}): Promise<Session> {
  if (!fs.existsSync(path.join(RENDERER_DIR, 'index.html'))) {
    throw new Error(`找不到 ${RENDERER_DIR}/index.html：端到端测试前先运行“npx electron-vite build”。`);
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-e2e-'));
  if (options.ledgerFile) fs.copyFileSync(options.ledgerFile, path.join(folder, '台账.db'));
  const ledger = openLedger(path.join(folder, '台账.db'));
  const ctx = serviceContext(ledger, '测试员');
  fill(ctx);
  const host = await startBrowserHost({ ledger, rendererDir: RENDERER_DIR, actor: '浏览器用户' });
  const context = await chromium.launchPersistentContext(path.join(folder, 'profile'), {
    executablePath: chromiumPath!,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1440, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const problems: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`));
    page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
    return page;
  };
  const page = watch(context.pages()[0] ?? (await context.newPage()));
  await page.goto(host.url);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });

  return {
    page,
    context,
    host,
    ledger,
    ctx,
    takeProblems: () => problems.splice(0),
    screenshot: async (name, options = {}) => {
      const file = path.join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
      return file;
    },
    newPage: async () => watch(await context.newPage()),
    close: async () => {
      await context.close();
      await host.close();
      closeLedger(ledger);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
