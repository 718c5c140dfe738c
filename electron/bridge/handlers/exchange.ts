/** Which service answers each of the area's bridge calls (calls/exchange.ts), each long step as a job. */
import { LedgerError } from '../../../db/ledgerError';
import { commitFolderImport, previewFolderImport, readFolderFiles, type FolderFile } from '../../exchange/folderImport';
import { PACKAGE_KINDS, UNIT_FORM_KINDS } from '../../exchange/packageKinds';
import { SNAPSHOT_LABEL, writePackage } from '../../exchange/usbPackage';
import { verifyPackage } from '../../exchange/usbVerify';
import type { exchangeCalls, JobResult, JobStart } from '../calls/exchange';
import type { FolderRequest } from '../fileExchange';
import { Jobs } from '../jobs';
import type { AreaHandlers, HandlerContext } from './fileSteps';

/** What a folder preview keeps for its commit: the very bytes previewed, not the folder re-read. */
interface PreviewedFolder {
  year: number;
  files: FolderFile[];
}

/** One registry for the process: the desktop app has one window, the browser host one page at a time. */
const jobs = new Jobs<JobResult, PreviewedFolder>();

async function startInFolder(ctx: HandlerContext, request: FolderRequest, begin: (folder: string) => string): Promise<JobStart> {
  const folder = await ctx.files.chooseFolder(request);
  if (folder === null) return { cancelled: true };
  return { cancelled: false, jobId: begin(folder), folder };
}

export const exchangeHandlers: AreaHandlers<typeof exchangeCalls> = {
  'exchange.packageKinds': () => ({
    kinds: [
      ...Object.entries(PACKAGE_KINDS).map(([kind, { label }]) => ({ kind, label, byDefault: true })),
      ...Object.entries(UNIT_FORM_KINDS).map(([kind, { label }]) => ({ kind, label, byDefault: false })),
    ],
    snapshotLabel: SNAPSHOT_LABEL,
  }),
  'exchange.packageStart': (ctx, input) =>
    startInFolder(ctx, { title: `导出 ${input.year} 年度到U盘：选择一个空文件夹`, purpose: 'export' }, (folder) =>
      jobs.start(async (progress) => ({
        kind: 'package',
        value: await writePackage(ctx, { year: input.year, outDir: folder, include: input.kinds, snapshot: input.snapshot }, progress),
      })),
    ),
  'exchange.verifyStart': (ctx) =>
    startInFolder(ctx, { title: '校验U盘文件：选择导出到U盘的文件夹', purpose: 'import' }, (folder) =>
      jobs.start(async () => ({ kind: 'verify', value: verifyPackage(folder) })),
    ),
  'exchange.folderPreviewStart': (ctx, input) =>
    startInFolder(ctx, { title: '从U盘导入：选择单位报送文件所在的文件夹', purpose: 'import' }, (folder) => {
      // Read now, before the job starts: what is previewed, and later committed, is what the folder held at this moment.
      const files = readFolderFiles(folder);
      return jobs.start(
        async (progress) => ({ kind: 'folderPreview', value: await previewFolderImport(ctx, { year: input.year, files }, progress) }),
        { year: input.year, files },
      );
    }),
  'exchange.folderCommitStart': (ctx, input) => {
    const previewed = jobs.kept(input.previewJobId);
    if (!previewed.finished || previewed.result?.kind !== 'folderPreview' || !previewed.keep)
      throw new LedgerError('preview_unfinished', '这些文件还没有预览完，未导入。请等预览完成后再勾选导入。');
    const { year, files } = previewed.keep;
    const jobId = jobs.start(async (progress) => ({
      kind: 'folderCommit',
      value: await commitFolderImport(ctx, { year, files, only: input.only }, progress),
    }));
    // Spent: a second 导入 of the same preview would only meet files already taken.
    jobs.drop(input.previewJobId);
    return { jobId };
  },
  'exchange.jobProgress': (_ctx, input) => jobs.status(input.jobId),
  'exchange.jobCancel': (_ctx, input) => jobs.cancel(input.jobId),
};
