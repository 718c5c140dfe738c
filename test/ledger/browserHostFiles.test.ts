/**
 * Files through the browser host: the page uploads the workbook a call will read, previews, commits,
 * and downloads what an export wrote — the same calls the desktop app answers with native dialogs.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../electron/bridge/browserHost';
import { listProjects } from '../../electron/projects/projects';
import { PROJECT_HEADER, projectRow, xlsx } from '../fixtures/workbooks';
import { freshContext, tempFolder } from './tempLedger';

const ctx = freshContext({ year: 2023 });
let host: BrowserHost;

beforeAll(async () => {
  const rendererDir = path.join(tempFolder(), 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>绩效台账</title>');
  host = await startBrowserHost({ ledger: ctx.ledger, rendererDir, actor: '浏览器测试' });
});
afterAll(() => host.close());

const base = () => `http://127.0.0.1:${host.port}`;
const auth = () => ({ 'x-ledger-token': host.token });

async function upload(name: string, bytes: Uint8Array, token = host.token) {
  const res = await fetch(`${base()}/api/upload`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-ledger-token': token, 'x-file-name': encodeURIComponent(name) },
    body: new Blob([Buffer.from(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as { ok: boolean; value?: { uploadId: string } } };
}

async function call(name: string, input: unknown, uploadId?: string) {
  const res = await fetch(`${base()}/api/call`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth() },
    body: JSON.stringify({ call: name, input, uploadId }),
  });
  return (await res.json()) as { ok: boolean; value?: any; error?: { code: string; message: string } };
}

describe('files through the browser host', () => {
  it('previews an uploaded workbook without writing, then commits exactly that file', async () => {
    const bytes = xlsx([['2023年项目清单'], PROJECT_HEADER, projectRow(1), projectRow(2, { amount: '1,234.50' })]);
    const up = await upload('教育局项目.xlsx', bytes);
    expect(up.status).toBe(200);
    const preview = await call('projects.importPreview', { year: 2023 }, up.body.value!.uploadId);
    expect(preview).toMatchObject({
      ok: true,
      value: { cancelled: false, fileName: '教育局项目.xlsx', preview: { canCommit: true, errors: [] } },
    });
    expect(preview.value.preview.projectsToCreate).toHaveLength(2);
    expect(listProjects(ctx, { year: 2023 })).toHaveLength(0);

    const commit = await call('projects.importCommit', { year: 2023, fileId: preview.value.fileId });
    expect(commit).toMatchObject({ ok: true, value: { createdProjects: 2 } });
    expect(
      listProjects(ctx, { year: 2023 })
        .map((p) => p.initialBudgetFen)
        .sort((a, b) => a - b),
    ).toEqual([11_000_000, 1_234_500_000]);

    // The staged file is spent: committing it again is refused, and nothing doubles.
    expect(await call('projects.importCommit', { year: 2023, fileId: preview.value.fileId })).toMatchObject({
      ok: false,
      error: { code: 'file_expired' },
    });
  });

  it('treats a preview without an upload as the user cancelling', async () => {
    expect(await call('projects.importPreview', { year: 2023 })).toEqual({ ok: true, value: { cancelled: true } });
  });

  it('uses an upload once only', async () => {
    const up = await upload('a.xlsx', xlsx([PROJECT_HEADER, projectRow(7)]));
    await call('projects.importPreview', { year: 2023 }, up.body.value!.uploadId);
    expect(await call('projects.importPreview', { year: 2023 }, up.body.value!.uploadId)).toMatchObject({
      ok: false,
      error: { code: 'file_expired' },
    });
  });

  it('refuses an upload without the token', async () => {
    expect((await upload('a.xlsx', new Uint8Array([1, 2, 3]), 'wrong')).status).toBe(401);
  });

  it('offers an export once as a download that opens as the year’s project list', async () => {
    const exported = await call('projects.export', { year: 2023 });
    expect(exported).toMatchObject({
      ok: true,
      value: { saved: { savedAs: expect.stringMatching(/\.xlsx$/) }, summary: { projectCount: 2 } },
    });
    const url = `${base()}/api/download/${exported.value.saved.downloadId}`;
    expect((await fetch(url)).status).toBe(401);
    const res = await fetch(url, { headers: auth() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const text = JSON.stringify(XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]!]!, { header: 1 }));
    expect(text).toContain('测试项目1');
    expect((await fetch(url, { headers: auth() })).status).toBe(404);
  });
});
