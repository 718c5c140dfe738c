/**
 * Which file an app:// request may read. Pure (path arithmetic only, no file access) so the refusal
 * rules are tested without Electron: only our host, only paths inside the renderer build folder, no
 * `..` in any spelling (plain, percent-encoded, backslashed), no NUL bytes.
 */
import path from 'node:path';
import { APP_HOST, APP_SCHEME } from './security';

export interface AppFile {
  /** Absolute path inside the renderer folder. */
  file: string;
  contentType: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps app://renderer/<path> to a file under rendererDir, or null when the request must be refused.
 * `/` and extension-less paths (an in-app route after a reload) get index.html.
 */
export function resolveAppFile(rendererDir: string, requestUrl: string): AppFile | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // NUL, backslashes (a separator on Windows) and a leftover '%' (double encoding) never name a bundle file.
  if (/[\0\\%]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s.length > 0);
  // ':' would let a Windows drive (C:) or an NTFS stream (index.html:x) in.
  if (segments.some((s) => s === '..' || s === '.' || s.includes(':'))) return null;

  const relative = segments.length === 0 || path.extname(segments[segments.length - 1]!) === '' ? 'index.html' : segments.join('/');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return null;
  return { file, contentType: contentTypeFor(file) };
}
