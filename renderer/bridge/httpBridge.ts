/**
 * The bridge in a plain browser (`npm run serve`): the same LedgerApi as the desktop preload, sent as
 * `{call, input}` JSON to the host on this origin with the per-run access token.
 */
import {
  buildApi,
  contract,
  type BridgeError,
  type CallName,
  type Envelope,
  type FileUse,
  type LedgerApi,
} from '../../electron/bridge/contract';

const TOKEN_KEY = 'ledger.accessToken';

/**
 * The token arrives once in the address (`?token=…`); it is kept for this tab only and removed from
 * the address bar so it does not linger in history, bookmarks or screenshots.
 */
export function takeAccessToken(): string | null {
  const url = new URL(window.location.href);
  const fromAddress = url.searchParams.get('token');
  if (fromAddress) {
    sessionStorage.setItem(TOKEN_KEY, fromAddress);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The folder typed for the call being sent (see withTypedFolder); taken by that call, before its first await. */
let typedFolder: string | undefined;

/**
 * Browser host only: sends `folder` beside the call `send` makes, outside its input, as the call's
 * choice of folder — a browser has no folder dialog that tells the page a path, so the clerk types it.
 * The desktop app ignores it: its main process shows the native folder dialog.
 */
export function withTypedFolder<T>(folder: string, send: () => Promise<T>): Promise<T> {
  typedFolder = folder;
  try {
    return send();
  } finally {
    typedFolder = undefined;
  }
}

/** True in a plain browser (npm run serve), where a folder is typed; false in the desktop app, which shows a dialog. */
export function typesFolders(): boolean {
  return window.ledger === undefined;
}

export function httpLedgerApi(token: string | null): LedgerApi {
  if (!token) {
    return buildApi(async () =>
      failure({ code: 'no_token', message: '缺少访问令牌。请用“npm run serve”启动时打印的完整地址（含 ?token=）打开本页。' }),
    );
  }
  return buildApi(async (call, input) => {
    const folder = typedFolder;
    typedFolder = undefined;
    const file = (contract[call] as { file?: FileUse }).file;
    let uploadId: string | undefined;
    if (file?.mode === 'open') {
      // Must run before the first await: browsers open a file chooser only inside the click's gesture.
      const picked = await pickFile(file.extensions);
      if (picked) {
        const uploaded = await upload(token, picked);
        if (!uploaded.ok) return uploaded;
        uploadId = uploaded.value.uploadId;
      }
    }
    const answer = await post(token, call, input, uploadId, folder);
    if (file?.mode === 'save' && answer.ok) {
      const saved = (answer.value as { saved?: { savedAs: string; downloadId?: string } | null }).saved;
      if (saved?.downloadId) {
        const downloaded = await download(token, saved.downloadId, saved.savedAs);
        if (!downloaded.ok) return downloaded;
      }
    }
    return answer;
  });
}

async function post(
  token: string,
  call: CallName,
  input: unknown,
  uploadId: string | undefined,
  folder: string | undefined,
): Promise<Envelope<unknown>> {
  return request(() =>
    fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-ledger-token': token },
      body: JSON.stringify({ call, input, uploadId, folder }),
    }),
  );
}

/** The browser's stand-in for an open dialog: a file input, resolved with null when the user cancels. */
function pickFile(extensions: readonly string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = extensions.map((e) => `.${e}`).join(',');
    input.hidden = true;
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}

function upload(token: string, file: File): Promise<Envelope<{ uploadId: string }>> {
  return request(() =>
    fetch('/api/upload', {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-ledger-token': token, 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    }),
  ) as Promise<Envelope<{ uploadId: string }>>;
}

/** The browser's stand-in for a save dialog: the written file is fetched once and handed to the browser's downloads. */
async function download(token: string, downloadId: string, fileName: string): Promise<Envelope<null>> {
  let response: Response;
  try {
    response = await fetch(`/api/download/${encodeURIComponent(downloadId)}`, { headers: { 'x-ledger-token': token } });
  } catch {
    return unreachable();
  }
  if (!response.ok) return failure({ code: 'download_failed', message: `下载 ${fileName} 失败（HTTP ${response.status}），请重新导出。` });
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return { ok: true, value: null };
}

async function request(send: () => Promise<Response>): Promise<Envelope<unknown>> {
  let response: Response;
  try {
    response = await send();
  } catch {
    return unreachable();
  }
  try {
    return (await response.json()) as Envelope<unknown>;
  } catch {
    return failure({ code: 'bad_response', message: `台账服务的答复无法识别（HTTP ${response.status}）。请刷新页面后重试。` });
  }
}

function unreachable(): Envelope<never> {
  return failure({ code: 'host_unreachable', message: '连接不到台账服务。请确认“npm run serve”仍在运行，然后刷新页面。' });
}

function failure(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}
