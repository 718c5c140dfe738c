import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/shell/contentSecurity';
import { MAX_BODY_BYTES, resolveStaticFile, startBrowserHost, type BrowserHost } from '../../electron/bridge/browserHost';
import { listYears } from '../../electron/ledger/years';
import { freshContext, tempFolder } from './tempLedger';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request sent byte for byte as written: no URL normalisation, any Host header. */
function rawRequest(
  port: number,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const ctx = freshContext({ year: 2023 });
let host: BrowserHost;
let rendererDir: string;

function callBody(call: unknown, input: unknown = {}) {
  return JSON.stringify({ call, input });
}

function postCall(body: string | Buffer, headers: Record<string, string | number> = {}) {
  return rawRequest(host.port, {
    method: 'POST',
    path: '/api/call',
    headers: { 'content-type': 'application/json', 'x-ledger-token': host.token, ...headers },
    body,
  });
}

beforeAll(async () => {
  const root = tempFolder();
  rendererDir = path.join(root, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>绩效台账</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(root, 'secret.txt'), '不应被读到');
  fs.symlinkSync(path.join(root, 'secret.txt'), path.join(rendererDir, 'link.txt'));
  host = await startBrowserHost({ ledger: ctx.ledger, rendererDir, actor: '浏览器测试' });
});

afterAll(async () => {
  await host?.close();
});

describe('browser host', () => {
  it('listens on 127.0.0.1 with a random token in the address it prints', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves index.html for / with the CSP and hardening headers', async () => {
    const res = await rawRequest(host.port, { path: '/' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.body).toContain('绩效台账');
  });

  it('serves bundle files with their content type', async () => {
    const res = await rawRequest(host.port, { path: '/assets/app.js?v=1' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    '/../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E%2Fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%00index.html',
    '/%E0%A4%A',
  ])('refuses the path %s', async (p) => {
    const res = await rawRequest(host.port, { path: p });
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain('不应被读到');
    expect(res.body).not.toContain('"name"');
  });

  it('does not follow a symlink out of the renderer folder', async () => {
    const res = await rawRequest(host.port, { path: '/link.txt' });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('不应被读到');
  });

  it('answers 404 for a missing file and for a folder', async () => {
    expect((await rawRequest(host.port, { path: '/nothing.js' })).status).toBe(404);
    expect((await rawRequest(host.port, { path: '/assets' })).status).toBe(404);
  });

  it('resolves only paths inside the renderer folder', () => {
    expect(resolveStaticFile(rendererDir, '/')).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveStaticFile(rendererDir, '/assets/app.js')).toBe(path.join(rendererDir, 'assets', 'app.js'));
    expect(resolveStaticFile(rendererDir, '/a/../../x')).toBeNull();
    expect(resolveStaticFile(rendererDir, '/%2e%2e%2fx')).toBeNull();
  });

  it('refuses a Host header other than 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    for (const h of ['evil.example:' + host.port, '127.0.0.1:1', 'localhost']) {
      const res = await rawRequest(host.port, { path: '/', headers: { host: h } });
      expect(res.status).toBe(403);
    }
    expect((await rawRequest(host.port, { path: '/', headers: { host: `localhost:${host.port}` } })).status).toBe(200);
  });

  it('refuses a call without the token, or with a wrong one, in Chinese', async () => {
    for (const token of [undefined, 'wrong', host.token + 'x', host.token.slice(1)]) {
      const res = await rawRequest(host.port, {
        method: 'POST',
        path: '/api/call',
        headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-ledger-token': token }) },
        body: callBody('years.list'),
      });
      expect(res.status).toBe(401);
      const envelope = JSON.parse(res.body);
      expect(envelope).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(envelope.error.message).toMatch(/访问令牌/);
    }
  });

  it('answers a call with the dispatcher envelope', async () => {
    const res = await postCall(callBody('years.list'));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(res.body)).toEqual({ ok: true, value: listYears(ctx) });
  });

  it('writes through the services with the host actor in the audit log', async () => {
    const res = await postCall(callBody('units.create', { name: '县教育局', code: '101', parentId: null, classified: false }));
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { name: '县教育局' } });
    const audit = JSON.parse((await postCall(callBody('audit.search', { page: 1, pageSize: 1, from: null, to: null }))).body);
    expect(audit.value.entries[0]).toMatchObject({ actor: '浏览器测试', action: 'unit.create' });
  });

  it('returns refusals as 200 envelopes with field messages', async () => {
    const res = await postCall(callBody('units.create', { name: '  ', code: null, parentId: null, classified: false }));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: { name: '请填写单位名称' } } });
  });

  it('answers an unknown call with unknown_call', async () => {
    const res = await postCall(callBody('ledger.dropEverything'));
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(JSON.parse((await postCall('[]')).body)).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
  });

  it('refuses invalid JSON with a 400 envelope', async () => {
    const res = await postCall('{"call": ');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('refuses a body that is not declared as JSON', async () => {
    const res = await postCall(callBody('years.list'), { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('refuses an oversized body, declared or streamed', async () => {
    const big = Buffer.alloc(MAX_BODY_BYTES + 1, 0x20);
    const declared = await postCall(big);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    const streamed = await postCall(big, { 'transfer-encoding': 'chunked' });
    expect(streamed.status).toBe(413);
  });

  it('refuses any method but POST on the bridge, and writes on static paths', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await rawRequest(host.port, { method, path: '/api/call', headers: { 'x-ledger-token': host.token } });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe('POST');
    }
    expect((await rawRequest(host.port, { method: 'POST', path: '/index.html' })).status).toBe(405);
  });

  it('refuses a call from another origin even with the token', async () => {
    const res = await postCall(callBody('years.list'), { origin: 'http://evil.example' });
    expect(res.status).toBe(403);
  });
});
