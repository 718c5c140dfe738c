/**
 * Bridge calls for U盘交换: 导出到U盘, 校验U盘文件 and 从U盘导入. Each long step is a job (jobs.ts): its
 * start call lets the transport choose the folder and answers at once with the job's id; the screen
 * then asks for its progress (and may cancel it) until it has finished with its result.
 */
import { z } from 'zod';
import type { FolderImportPreview, FolderImportResult } from '../../exchange/folderImport';
import type { PackageResult } from '../../exchange/usbPackage';
import type { PackageCheck } from '../../exchange/usbVerify';
import { read, write } from '../callSpec';
import type { JobStatus } from '../jobs';
import { year } from './fields';

/** Result shapes the renderer reads through the contract. */
export type { PackageResult } from '../../exchange/usbPackage';
export type { PackageCheck, ChangedFile, ManifestFile } from '../../exchange/usbVerify';
export type {
  FolderFileIssue,
  FolderFileOutcome,
  FolderFilePreview,
  FolderImportPreview,
  FolderImportResult,
} from '../../exchange/folderImport';

/** What a finished job brought back, by what it was. */
export type JobResult =
  | { kind: 'package'; value: PackageResult }
  | { kind: 'verify'; value: PackageCheck }
  | { kind: 'folderPreview'; value: FolderImportPreview }
  | { kind: 'folderCommit'; value: FolderImportResult };
export type JobView = JobStatus<JobResult>;

/** A job's start: the folder chosen and the job working on it, or nothing when the folder choice was cancelled. */
export type JobStart = { cancelled: true } | { cancelled: false; jobId: string; folder: string };

export interface PackageKindOption {
  kind: string;
  label: string;
  /** Ticked when the screen opens: the year's reports are; the units' forms (a file per unit) are not. */
  byDefault: boolean;
}

const jobId = z.string().uuid('导出或导入的标识无效。请重新开始。');
const fileNames = z.array(z.string().min(1).max(500)).max(500, '一次最多导入 500 个文件。');

export const exchangeCalls = {
  'exchange.packageKinds': read<{ kinds: PackageKindOption[]; snapshotLabel: string }>()(
    z.object({}),
    '导出到U盘可选的内容（报表、工作簿和台账快照）及其名称',
  ),
  'exchange.packageStart': write<JobStart>()(
    z
      .object({
        year,
        kinds: z.array(z.string().min(1).max(60)).max(30),
        snapshot: z.boolean(),
      })
      .refine((v) => v.kinds.length > 0 || v.snapshot, { message: '没有选择任何要导出的内容。请至少勾选一项。', path: ['kinds'] }),
    '选择U盘上的空文件夹，开始导出所选报表、工作簿（和台账快照）并附清单，写完逐个读回核对（记入操作记录）',
  ),
  'exchange.verifyStart': read<JobStart>()(z.object({}), '选择U盘上导出的文件夹，开始按清单核对每个文件（不读写台账）'),
  // A write though it changes nothing: some importers preview in a transaction they roll back, which
  // SQLite allows only on the writable connection (as review.table). The commit is a separate call.
  'exchange.folderPreviewStart': write<JobStart>()(z.object({ year }), '选择单位报送文件所在的文件夹，开始逐个识别并预览（不写入台账）'),
  'exchange.folderCommitStart': write<{ jobId: string }>()(
    z.object({ previewJobId: jobId, only: fileNames.min(1, '没有勾选任何文件。请至少勾选一个可导入的文件。') }),
    '导入预览过的文件中勾选的那些（每个文件全部导入或一行也不写，记入操作记录）',
  ),
  'exchange.jobProgress': read<JobView>()(z.object({ jobId }), '导出或导入的进度，完成后为结果'),
  'exchange.jobCancel': read<JobView>()(z.object({ jobId }), '请正在进行的导出或导入在处理完当前文件后停止'),
} as const;
