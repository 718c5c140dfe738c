/**
 * U盘交换 through the bridge, as the screen drives it: the transport picks the folder, the start call
 * answers with a job, progress is polled to the result; 取消 leaves nothing on the stick; a folder
 * import commits exactly the bytes previewed. Real ledgers, real files; the folder dialog of the
 * desktop app and the browser host's folder field are each tried without Electron.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CallName, JobView } from '../../electron/bridge/contract';
import { dispatch, noFileAccess, type FileAccess } from '../../electron/bridge/dispatcher';
import { NO_FILES, StagedFiles } from '../../electron/bridge/fileExchange';
import { startBrowserHost } from '../../electron/bridge/browserHost';
import { MANIFEST_TEXT_FILE } from '../../electron/exchange/usbVerify';
import { openLedger } from '../../db/open';
import { serviceContext, type ServiceContext } from '../../electron/ledger/context';
import { recentAudit } from '../../electron/ledger/audit';
import { formatLocalTime } from '../../electron/rules/localTime';
import { dialogFileGateway } from '../../electron/shell/dialogs';
import { demoContext } from '../fixtures/demoLedger';
import { unitSubmissions, type UnitSubmissions } from '../fixtures/unitSubmissions';
import { YEAR } from '../fixtures/targetForms';
import { tempFolder, track } from '../ledger/tempLedger';

/** A transport whose folder dialog answers `folder` (null: 取消). */
const choosing = (folder: string | null): FileAccess => ({
  files: { ...NO_FILES, chooseFolder: async () => folder },
  staged: new StagedFiles(),
});

async function call(ctx: ServiceContext, name: CallName, input: unknown, access: FileAccess = noFileAccess()) {
  const answer = await dispatch(ctx, name, input, access);
  if (!answer.ok) throw new Error(`${name}: ${answer.error.message}`);
  return answer.value as any;
}

/** Polls the job as the screen does until it has finished. */
async function finished(ctx: ServiceContext, jobId: string): Promise<JobView> {
  for (;;) {
    const view = (await call(ctx, 'exchange.jobProgress', { jobId })) as JobView;
    if (view.finished) return view;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('导出到U盘 and 校验U盘文件 through the bridge', () => {
  const ctx = demoContext();

  it('packages the ticked kinds into the chosen folder, reports each file, and the folder verifies 完整', async () => {
    const folder = path.join(tempFolder(), '2023年度报送');
    const kinds = await call(ctx, 'exchange.packageKinds', {});
    expect(kinds.kinds.map((k: { label: string }) => k.label)).toEqual(
      expect.arrayContaining(['项目清单', '共性指标库', '年度绩效工作情况']),
    );

    const start = await call(
      ctx,
      'exchange.packageStart',
      { year: 2023, kinds: ['projects', 'indicators'], snapshot: true },
      choosing(folder),
    );
    expect(start).toEqual({ cancelled: false, jobId: expect.any(String), folder });
    const done = await finished(ctx, start.jobId);
    expect(done).toMatchObject({ error: null, done: 6, total: 6, result: { kind: 'package' } });
    const result = done.result!.kind === 'package' ? done.result!.value : null;
    expect(result!.files.map((f) => f.label)).toEqual(['项目清单', '共性指标库', '台账快照']);
    expect(result!.failed).toEqual([]);
    // The printed manifest gives the time as the clerk's clock reads it; the JSON keeps ISO.
    const text = fs.readFileSync(path.join(folder, MANIFEST_TEXT_FILE), 'utf8');
    expect(text).toContain(`导出时间：${formatLocalTime(result!.manifest.exportedAt, { seconds: true })}`);
    expect(text).not.toContain(result!.manifest.exportedAt);

    const verify = await call(ctx, 'exchange.verifyStart', {}, choosing(folder));
    expect((await finished(ctx, verify.jobId)).result).toMatchObject({ kind: 'verify', value: { complete: true } });
  });

  it('a cancelled package removes what it wrote and the folder it made, and says so', async () => {
    const folder = path.join(tempFolder(), '新文件夹');
    const start = await call(
      ctx,
      'exchange.packageStart',
      { year: 2023, kinds: ['projects', 'indicators', 'annual-summary'], snapshot: true },
      choosing(folder),
    );
    await call(ctx, 'exchange.jobCancel', { jobId: start.jobId });
    const done = await finished(ctx, start.jobId);
    expect(done.result).toBeNull();
    expect(done.error).toMatchObject({
      code: 'package_cancelled',
      message: expect.stringMatching(/^已取消导出到U盘。.*U盘上没有留下这次导出的文件/),
    });
    expect(fs.existsSync(folder)).toBe(false);
    expect(recentAudit(ctx, 3).some((e) => e.action === 'ledger.usbPackage' && String(e.after).includes('新文件夹'))).toBe(false);
  });

  it('nothing starts when the folder dialog is cancelled, and nothing is asked where no dialog exists', async () => {
    expect(await call(ctx, 'exchange.verifyStart', {}, choosing(null))).toEqual({ cancelled: true });
    const refused = await dispatch(ctx, 'exchange.verifyStart', {}, noFileAccess());
    expect(refused).toMatchObject({ ok: false, error: { code: 'no_file_dialog', message: expect.stringMatching(/^此处不能选择文件夹/) } });
    const nothing = await dispatch(ctx, 'exchange.packageStart', { year: 2023, kinds: [], snapshot: false }, choosing(tempFolder()));
    expect(nothing).toMatchObject({ ok: false, error: { fields: { kinds: '没有选择任何要导出的内容。请至少勾选一项。' } } });
  });
});

describe('从U盘导入 through the bridge', () => {
  let s: UnitSubmissions;
  beforeAll(async () => {
    s = await unitSubmissions();
  }, 60_000);

  it('previews the folder, then commits the ticked files from the bytes previewed even when the stick is gone', async () => {
    const file = path.join(tempFolder(), '台账.db');
    fs.copyFileSync(s.ledgerFile, file);
    const ctx = serviceContext(track(openLedger(file, { mustExist: true })), '测试员');
    const dir = path.join(tempFolder(), '单位报送');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '教育局申报表.xlsx'), s.files.declaration);
    fs.writeFileSync(path.join(dir, '农业农村局监控表.xlsx'), s.files.monitoring);
    fs.writeFileSync(path.join(dir, '情况说明.pdf'), s.files.pdf);

    const start = await call(ctx, 'exchange.folderPreviewStart', { year: YEAR }, choosing(dir));
    const preview = await finished(ctx, start.jobId);
    expect(preview.result?.kind).toBe('folderPreview');
    const files = preview.result!.kind === 'folderPreview' ? preview.result!.value.files : [];
    expect(files.map((f) => [f.name, f.status])).toEqual([
      ['教育局申报表.xlsx', 'ready'],
      ['农业农村局监控表.xlsx', 'ready'],
      ['情况说明.pdf', 'unrecognised'],
    ]);

    fs.rmSync(dir, { recursive: true });
    const commit = await call(ctx, 'exchange.folderCommitStart', { previewJobId: start.jobId, only: ['农业农村局监控表.xlsx'] });
    const outcome = await finished(ctx, commit.jobId);
    expect(outcome.result).toMatchObject({ kind: 'folderCommit', value: { imported: 1 } });
    const byName = Object.fromEntries(
      (outcome.result!.kind === 'folderCommit' ? outcome.result!.value.files : []).map((f) => [f.name, f.outcome]),
    );
    expect(byName).toEqual({ '教育局申报表.xlsx': 'not-taken', '农业农村局监控表.xlsx': 'imported', '情况说明.pdf': 'not-taken' });

    // The preview is spent: committing it twice is refused, not doubled.
    const again = await dispatch(
      ctx,
      'exchange.folderCommitStart',
      { previewJobId: start.jobId, only: ['农业农村局监控表.xlsx'] },
      noFileAccess(),
    );
    expect(again).toMatchObject({ ok: false, error: { code: 'job_missing' } });
  });
});

describe('choosing a folder', () => {
  it('the desktop app shows the native folder dialog, offering a new folder for an export only', async () => {
    const asked: unknown[] = [];
    const dialog = {
      showOpenDialog: async (options: unknown) => {
        asked.push(options);
        return { canceled: false, filePaths: ['E:\\2023年度报送'] };
      },
    };
    const gateway = dialogFileGateway(dialog as never, () => null);
    expect(await gateway.chooseFolder({ title: '导出到U盘', purpose: 'export' })).toBe('E:\\2023年度报送');
    expect(await gateway.chooseFolder({ title: '从U盘导入', purpose: 'import' })).toBe('E:\\2023年度报送');
    expect(asked).toEqual([
      { title: '导出到U盘', properties: ['openDirectory', 'createDirectory'] },
      { title: '从U盘导入', properties: ['openDirectory'] },
    ]);
    const cancelled = dialogFileGateway({ showOpenDialog: async () => ({ canceled: true, filePaths: [] }) } as never, () => null);
    expect(await cancelled.chooseFolder({ title: '校验', purpose: 'import' })).toBeNull();
  });

  it('the browser host takes the folder the page sent beside the call, and none means cancelled', async () => {
    const ctx = serviceContext(track(openLedger(path.join(tempFolder(), '台账.db'))), '测试员');
    const rendererDir = path.join(tempFolder(), 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const host = await startBrowserHost({ ledger: ctx.ledger, rendererDir, actor: '浏览器测试' });
    try {
      const send = async (body: object) =>
        (await (
          await fetch(`http://127.0.0.1:${host.port}/api/call`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-ledger-token': host.token },
            body: JSON.stringify({ call: 'exchange.verifyStart', input: {}, ...body }),
          })
        ).json()) as any;
      const empty = tempFolder();
      const started = await send({ folder: ` ${empty} ` });
      expect(started).toEqual({ ok: true, value: { cancelled: false, jobId: expect.any(String), folder: empty } });
      expect(await send({})).toEqual({ ok: true, value: { cancelled: true } });
    } finally {
      await host.close();
    }
  });
});
