/**
 * The bridge in a plain browser (`npm run serve`): the same LedgerApi as the desktop preload, sent as
 * `{call, input}` JSON to the host on this origin with the per-run access token.
 */
import { buildApi, type BridgeError, type Envelope, type LedgerApi } from '../../electron/contract';

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

export function httpLedgerApi(token: string | null): LedgerApi {
  if (!token) {
    return buildApi(async () =>
      failure({ code: 'no_token', message: '缺少访问令牌。请用“npm run serve”启动时打印的完整地址（含 ?token=）打开本页。' }),
    );
  }
  return buildApi(async (call, input) => {
    let response: Response;
    try {
      response = await fetch('/api/call', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-ledger-token': token },
        body: JSON.stringify({ call, input }),
      });
    } catch {
      return failure({ code: 'host_unreachable', message: '连接不到台账服务。请确认“npm run serve”仍在运行，然后刷新页面。' });
    }
    try {
      return (await response.json()) as Envelope<unknown>;
    } catch {
      return failure({ code: 'bad_response', message: `台账服务的答复无法识别（HTTP ${response.status}）。请刷新页面后重试。` });
    }
  });
}

function failure(error: BridgeError): Envelope<never> {
  return { ok: false, error };
}
