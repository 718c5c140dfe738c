/**
 * The browser host: serves the built renderer and the bridge over HTTP on 127.0.0.1, so the app can
 * be used (and tested end to end) in a plain browser. Plain Node, no 'electron'.
 *
 * Trust rules, since any local program or web page can reach a port on 127.0.0.1:
 * - bound to 127.0.0.1 only; a Host header other than 127.0.0.1:PORT / localhost:PORT is refused, so a
 *   DNS-rebinding page cannot talk to it under its own name;
 * - every bridge call needs the per-run random token (printed once, in the address to open), so a
 *   page from another origin cannot call it even when it guesses the port;
 * - calls are JSON only (a cross-origin form cannot send that without a preflight), bodies are capped;
 * - static files come from the renderer folder only: no '..', no encoded escapes, no symlinks out.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Ledger } from '../../db/open';
import { CONTENT_SECURITY_POLICY } from '../shell/contentSecurity';
import type { BridgeError, Envelope } from './contract';
import { dispatch, type FileAccess } from './dispatcher';
import { MAX_IMPORT_BYTES, StagedFiles, type FileGateway, type PickedFile } from './fileExchange';
import type { ServiceContext } from '../ledger/context';
import { LedgerSession } from '../ledger/session';

export const BRIDGE_PATH = '/api/call';
/** The page uploads the file a call will read here first (the browser's stand-in for an open dialog). */
export const UPLOAD_PATH = '/api/upload';
/** A file a call wrote is fetched from here once (the browser's stand-in for a save dialog). */
export const DOWNLOAD_PREFIX = '/api/download/';
export const FILE_NAME_HEADER = 'x-file-name';
export const TOKEN_HEADER = 'x-ledger-token';
/** The largest call body accepted; imports send file contents, hence a few megabytes. */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export interface BrowserHostOptions {
  /** An open ledger; the caller keeps ownership and closes it after the host. */
  ledger: Ledger;
  /** The built renderer (out/renderer), holding index.html. */
  rendererDir: string;
  /** Who the audit log records for writes made through this host: the account (a display name set in 设置 goes in front). */
  actor: string;
  /** Where 设置 → 经办人姓名 is kept (the user-data folder); without it the name lasts for this run. */
  operatorFile?: string | null;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token, for tests; otherwise a fresh random one per run. */
  token?: string;
}

export interface BrowserHost {
  /** The address to open, with the token: http://127.0.0.1:PORT/?token=… */
  url: string;
  port: number;
  token: string;
  close: () => Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const rendererDir = fs.realpathSync(options.rendererDir);
  const token = options.token ?? randomBytes(24).toString('base64url');
  // After a restore from 设置 the session holds the reopened ledger; the caller still closes the one it gave.
  const session = new LedgerSession({ ledger: options.ledger, account: options.actor, operatorFile: options.operatorFile ?? null });
  const ctx = session.context;
  const exchange: HostFiles = { uploads: new StagedFiles(), downloads: new StagedFiles(), staged: new StagedFiles(), session };
  let port = 0;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (res.headersSent) return void res.destroy();
      sendJson(res, 500, failure('internal', `浏览器版服务出错：${(err as Error)?.message ?? String(err)}。请重启“npm run serve”。`));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      return sendJson(res, 403, failure('bad_host', '请求的主机名不被允许。请用 http://127.0.0.1 开头的地址访问绩效台账。'));
    }
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (rawPath === BRIDGE_PATH) return handleCall(req, res, ctx, exchange, token, port);
    if (rawPath === UPLOAD_PATH) return handleUpload(req, res, exchange, token, port);
    if (rawPath.startsWith(DOWNLOAD_PREFIX)) return handleDownload(req, res, exchange, token, port, rawPath.slice(DOWNLOAD_PREFIX.length));
    return serveStatic(req, res, rendererDir, rawPath);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as { port: number }).port;

  return {
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
        if (session.ledger !== options.ledger) session.close();
      }),
  };
}

/** Uploaded files waiting for the call that reads them, files written waiting to be downloaded, import picks staged for their commit, and the open ledger. */
interface HostFiles {
  uploads: StagedFiles;
  downloads: StagedFiles;
  staged: StagedFiles;
  session: LedgerSession;
}

/** Same origin, right token; answers the refusal itself and returns false otherwise. */
function authorised(req: http.IncomingMessage, res: http.ServerResponse, token: string, port: number, method: 'GET' | 'POST'): boolean {
  if (req.method !== method) {
    res.setHeader('Allow', method);
    sendJson(res, 405, failure('method_not_allowed', `台账接口此处只接受 ${method} 请求。`));
    return false;
  }
  const origin = req.headers.origin;
  if (origin !== undefined && !isAllowedHost(origin.replace(/^http:\/\//, ''), port)) {
    sendJson(res, 403, failure('bad_origin', '来自其他网站的请求被拒绝。'));
    return false;
  }
  if (!tokenMatches(req.headers[TOKEN_HEADER], token)) {
    sendJson(
      res,
      401,
      failure('unauthorized', '访问令牌无效或缺失。请用“npm run serve”启动时打印的完整地址（含 ?token=）重新打开绩效台账。'),
    );
    return false;
  }
  return true;
}

/**
 * The gateway for one call: an open request gets the file the page uploaded for this call (none:
 * the user cancelled); a save is kept for the page to download once; a folder is the path the page's
 * folder field sent with the call (a browser has no folder dialog that tells a path; none: cancelled).
 */
function callFiles(exchange: HostFiles, uploadId: unknown, folder: unknown): FileAccess {
  const files: FileGateway = {
    openFile: async () => {
      if (typeof uploadId !== 'string') return null;
      const file = exchange.uploads.get(uploadId);
      exchange.uploads.drop(uploadId);
      return file;
    },
    saveFile: async (request, bytes) => ({
      savedAs: request.defaultName,
      downloadId: exchange.downloads.stage({ name: request.defaultName, bytes }),
    }),
    chooseFolder: async () => (typeof folder === 'string' && folder.trim() ? path.resolve(folder.trim()) : null),
  };
  return { files, staged: exchange.staged, session: exchange.session };
}

async function handleUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  exchange: HostFiles,
  token: string,
  port: number,
): Promise<void> {
  if (!authorised(req, res, token, port, 'POST')) return;
  let name: string;
  try {
    name = decodeURIComponent(String(req.headers[FILE_NAME_HEADER] ?? ''));
  } catch {
    name = '';
  }
  name = path.basename(name.replace(/\\/g, '/'));
  if (!name) return sendJson(res, 400, failure('bad_request', '上传的文件缺少文件名，未处理。'));
  const body = await readBody(req, MAX_IMPORT_BYTES);
  if (body === null)
    return sendJson(res, 413, failure('too_large', `${name} 超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，未导入。请检查是否选错了文件。`));
  const file: PickedFile = { name, bytes: new Uint8Array(body) };
  sendJson(res, 200, { ok: true, value: { uploadId: exchange.uploads.stage(file) } });
}

async function handleDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  exchange: HostFiles,
  token: string,
  port: number,
  id: string,
): Promise<void> {
  if (!authorised(req, res, token, port, 'GET')) return;
  let file: PickedFile;
  try {
    file = exchange.downloads.get(decodeURIComponent(id));
  } catch {
    return sendJson(res, 404, failure('file_expired', '要下载的文件已过期，请重新导出。'));
  }
  exchange.downloads.drop(decodeURIComponent(id));
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/octet-stream',
    'Content-Length': file.bytes.byteLength,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'Cache-Control': 'no-store',
  });
  res.end(Buffer.from(file.bytes));
}

async function handleCall(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  ctx: ServiceContext,
  exchange: HostFiles,
  token: string,
  port: number,
): Promise<void> {
  if (!authorised(req, res, token, port, 'POST')) return;
  if (!/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
    return sendJson(res, 415, failure('bad_content_type', '台账接口只接受 JSON（Content-Type: application/json）。'));
  }
  const body = await readBody(req, MAX_BODY_BYTES);
  if (body === null) {
    return sendJson(res, 413, failure('too_large', `请求内容超过 ${MAX_BODY_BYTES / 1024 / 1024} MB，未处理。请拆分后重试。`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    return sendJson(res, 400, failure('bad_request', '请求内容不是有效的 JSON，未处理。'));
  }
  const { call, input, uploadId, folder } = (parsed !== null && typeof parsed === 'object' ? parsed : {}) as {
    call?: unknown;
    input?: unknown;
    uploadId?: unknown;
    folder?: unknown;
  };
  // Refusals of the call itself (unknown name, bad input, a service's no) are answers, not HTTP errors.
  sendJson(res, 200, await dispatch(ctx, call, input, callFiles(exchange, uploadId, folder)));
}

async function serveStatic(req: http.IncomingMessage, res: http.ServerResponse, rendererDir: string, rawPath: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    return sendText(res, 405, '只支持 GET 请求。');
  }
  const file = resolveStaticFile(rendererDir, rawPath);
  if (file === null) return sendText(res, 403, '不允许访问该路径。');
  let real: string;
  try {
    real = await fs.promises.realpath(file);
  } catch {
    return sendText(res, 404, '找不到该文件。');
  }
  if (!isInside(rendererDir, real)) return sendText(res, 403, '不允许访问该路径。');
  const stat = await fs.promises.stat(real);
  if (!stat.isFile()) return sendText(res, 404, '找不到该文件。');

  const type = CONTENT_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': stat.size,
    // index.html names the hashed bundles, so it must never be cached; the bundles can be.
    'Cache-Control': type.startsWith('text/html') ? 'no-store' : 'private, max-age=3600',
  });
  if (req.method === 'HEAD') return void res.end();
  fs.createReadStream(real).pipe(res);
}

/**
 * The file a request path names inside rendererDir, or null when the path tries to leave it: a '..'
 * segment (raw or percent-encoded), a backslash, a NUL, or an undecodable escape.
 */
export function resolveStaticFile(rendererDir: string, rawPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (!decoded.startsWith('/') || /[\\\0]/.test(decoded) || decoded.split('/').includes('..')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.slice(1);
  const file = path.resolve(rendererDir, relative);
  return isInside(rendererDir, file) ? file : null;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function tokenMatches(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The request body, or null once it passes the limit (the rest is not read). */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer | null> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

function failure(code: string, message: string): Envelope<never> {
  const error: BridgeError = { code, message };
  return { ok: false, error };
}

function sendJson(res: http.ServerResponse, status: number, envelope: Envelope<unknown>): void {
  const body = JSON.stringify(envelope);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
  });
  res.end(body);
}

function sendText(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
