/**
 * 从U盘导入: a folder of units' files (declarations, monitoring forms, self-evaluations, expert score
 * sheets, review opinions …) previewed together and committed together. Each file is recognised by its
 * 台账识别码 or its headers (folderFileKinds.ts) and goes through its own importer, so it is held to the
 * same rules as when imported on its own screen; each import is all or nothing, in its own transaction.
 * A file that is not a workbook, or one cut short on the way, is listed with the reason — never skipped
 * silently — and one audit entry records which files were taken and which not, with their SHA-256.
 *
 * Between files the work yields to the event loop, so the app stays responsive and a cancel is seen;
 * files committed before a cancel stay (each is whole).
 *
 * Trust: the files come from a folder the user picked; each is bounded by readWorkbook's limits.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LedgerError } from '../../db/ledgerError';
import { INCOMPLETE_FILE, notWorkbookKind } from '../formats/fileKind';
import { readWorkbook, WORKBOOK_LIMITS, type WorkbookGrid } from '../formats/readWorkbook';
import type { FOLDER_FILE_OUTCOME_LABELS, FOLDER_FILE_STATUS_LABELS } from '../rules/folderImportLabels';
import { appendAudit } from '../ledger/audit';
import { inTransaction, type ServiceContext } from '../ledger/context';
import { discardSnapshot, snapshotBefore } from '../ledger/snapshots';
import {
  KINDS,
  recogniseKind,
  type FolderFileKind,
  type ImportedKind,
  type KindPreview,
  type Recognised,
  type SubmittedFile,
} from './folderFileKinds';
import { MANIFEST_FILE, MANIFEST_TEXT_FILE } from './usbVerify';
import { nextTurn, type FileProgress } from './progress';

export type { FolderFileIssue } from './folderFileKinds';

export interface FolderFile {
  /** Path relative to the chosen folder, '/' separators. */
  name: string;
  bytes: Uint8Array;
  /** Set (and bytes left empty) for a file over the size limit: it is listed, never read. */
  skippedSize?: number;
}

/** ready | unchanged | errors | elsewhere | unrecognised | damaged. */
export type FolderFileStatus = keyof typeof FOLDER_FILE_STATUS_LABELS;

/** One file in the combined preview: what its importer said (units, rows, errors, changes), and the verdict. */
export interface FolderFilePreview extends Omit<KindPreview, 'canCommit' | 'writes'> {
  name: string;
  sizeBytes: number;
  /** '' for a file too large to be read. */
  sha256: string;
  /** The kind's key (KINDS), null when not recognised. */
  kind: string | null;
  /** 绩效目标申报表, 绩效监控表 … or 无法识别 / 已损坏. */
  kindLabel: string;
  /**
   * ready: would write; unchanged: nothing new; errors: its importer refuses it; elsewhere: recognised,
   * but imported on its own screen; unrecognised; damaged.
   */
  status: FolderFileStatus;
  /** Why, and what to do: for every status except ready and unchanged. */
  reason: string | null;
}

export interface FolderImportPreview {
  year: number;
  files: FolderFilePreview[];
  ready: number;
  cancelled: boolean;
}

export interface FolderFileOutcome {
  name: string;
  kindLabel: string;
  /** imported | unchanged | refused | not-taken | not-run. */
  outcome: keyof typeof FOLDER_FILE_OUTCOME_LABELS;
  message: string;
}

export interface FolderImportResult {
  year: number;
  files: FolderFileOutcome[];
  imported: number;
  cancelled: boolean;
}

/** More than a county's units send in one go; a folder beyond it is the wrong folder (a whole disk). */
export const MAX_FOLDER_FILES = 500;
/** Sub-folders read: a unit's own folder inside the chosen one, and one more level. */
const MAX_DEPTH = 3;
/** Our own package manifest, and what Windows and Office leave in a folder: never a unit's file. */
const SKIPPED_NAMES = new Set([MANIFEST_FILE, MANIFEST_TEXT_FILE, 'Thumbs.db', 'desktop.ini', 'System Volume Information', '$RECYCLE.BIN']);

const UNRECOGNISED =
  '没有认出这是哪种表格：没有台账识别码，表头也不像绩效目标申报表、绩效监控表、单位自评表、专家评分表、会审意见表、项目清单、共性指标库或执行数据。请确认是否放错了文件；单位自制的表格请在对应的页面单独导入。';

/** The files of a folder for import, sub-folders included; hidden files, Office lock files and 清单 skipped. */
export function readFolderFiles(dir: string): FolderFile[] {
  const where = path.resolve(dir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(where);
  } catch {
    throw new LedgerError('folder_missing', `找不到文件夹 ${where}。请确认U盘已插好，并选择单位报送文件所在的文件夹。`);
  }
  if (!stat.isDirectory()) throw new LedgerError('folder_missing', `${where} 不是文件夹。请选择单位报送文件所在的文件夹。`);
  const found: { name: string; full: string; size: number }[] = [];
  const walk = (at: string, prefix: string, depth: number) => {
    const entries = fs.readdirSync(at, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name.startsWith('~$') || SKIPPED_NAMES.has(entry.name)) continue;
      const full = path.join(at, entry.name);
      const name = prefix + entry.name;
      if (entry.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, `${name}/`, depth + 1);
      } else if (entry.isFile()) {
        found.push({ name, full, size: fs.statSync(full).size });
        if (found.length > MAX_FOLDER_FILES)
          throw new LedgerError(
            'folder_too_large',
            `文件夹 ${where} 中的文件超过 ${MAX_FOLDER_FILES} 个，不像是单位报送的文件夹。请把要导入的文件放进一个单独的文件夹后再选择。`,
          );
      }
    }
  };
  walk(where, '', 1);
  if (found.length === 0)
    throw new LedgerError('folder_empty', `文件夹 ${where} 中没有可导入的文件。请选择放有单位报送的 Excel 文件的文件夹。`);
  return found.map((f) =>
    f.size > WORKBOOK_LIMITS.maxBytes
      ? { name: f.name, bytes: new Uint8Array(0), skippedSize: f.size }
      : { name: f.name, bytes: new Uint8Array(fs.readFileSync(f.full)) },
  );
}

/** Every file recognised and previewed by its importer; nothing is written. */
export async function previewFolderImport(
  ctx: ServiceContext,
  input: { year: number; files: FolderFile[] },
  progress: FileProgress = {},
): Promise<FolderImportPreview> {
  const files: FolderFilePreview[] = [];
  const stoppedAt = await eachFile(input.files, progress, (file) => files.push(checkFile(ctx, input.year, file).preview));
  return { year: input.year, files, ready: files.filter((f) => f.status === 'ready').length, cancelled: stoppedAt !== null };
}

/**
 * Each ready file (of those ticked) committed through its importer, each re-previewed first so it meets
 * the ledger as the files before it left it; then one audit entry naming the files taken and not taken.
 */
export async function commitFolderImport(
  ctx: ServiceContext,
  input: { year: number; files: FolderFile[]; only?: string[] },
  progress: FileProgress = {},
): Promise<FolderImportResult> {
  const done: Recorded[] = [];
  let stoppedAt: number | null = null;
  // One 导入前 copy for the whole batch, not one per file.
  const snapshot = snapshotBefore(ctx, 'import', `从U盘导入 ${input.files.length} 个文件`);
  try {
    stoppedAt = await eachFile(input.files, progress, (file) => done.push(commitFile(ctx, input, file)));
  } finally {
    // Also when a file fails unexpectedly: the files committed before it stay, and are recorded.
    const message = stoppedAt === null ? '导入在这个文件之前中断，未导入。' : '已取消，未导入。';
    for (const file of input.files.slice(done.length))
      done.push({ name: file.name, kindLabel: '未检查', outcome: 'not-run', message, kind: null, sha256: sha256(file) });
    recordTaken(ctx, input.year, done);
    if (!done.some((f) => f.outcome === 'imported')) discardSnapshot(snapshot);
  }
  return {
    year: input.year,
    files: done.map(({ name, kindLabel, outcome, message }) => ({ name, kindLabel, outcome, message })),
    imported: done.filter((f) => f.outcome === 'imported').length,
    cancelled: stoppedAt !== null,
  };
}

// ---------------------------------------------------------------------------------------------------

interface Checked {
  preview: FolderFilePreview;
  /** For a file its importer would take: the importer and what recognised it. */
  importer?: { kind: ImportedKind; found: Recognised };
}

type Recorded = FolderFileOutcome & { kind: string | null; sha256: string };

/** Runs `fn` on each file, yielding first; the index of the first file not run when cancelled, else null. */
async function eachFile(files: FolderFile[], progress: FileProgress, fn: (file: FolderFile) => void): Promise<number | null> {
  for (const [i, file] of files.entries()) {
    await nextTurn();
    if (progress.cancelled?.()) return i;
    progress.onFile?.(i, files.length, file.name);
    fn(file);
  }
  return null;
}

function checkFile(ctx: ServiceContext, year: number, file: FolderFile): Checked {
  const preview: FolderFilePreview = {
    name: file.name,
    sizeBytes: file.skippedSize ?? file.bytes.length,
    sha256: sha256(file),
    kind: null,
    kindLabel: '无法识别',
    status: 'unrecognised',
    reason: null,
    units: [],
    sheets: 0,
    rows: 0,
    errors: [],
    warnings: [],
    changes: [],
  };
  const unrecognised = (reason: string): Checked => ({ preview: { ...preview, reason } });
  const damaged = (reason: string): Checked => ({ preview: { ...preview, kindLabel: '已损坏', status: 'damaged', reason } });
  if (file.skippedSize !== undefined)
    return unrecognised(
      `文件有 ${megabytes(file.skippedSize)} MB，超过 ${megabytes(WORKBOOK_LIMITS.maxBytes)} MB 的上限，不像是单位报送的表格，未读取。请确认是否放错了文件。`,
    );
  const foreign = notWorkbookKind(file.bytes, file.name);
  if (foreign === INCOMPLETE_FILE)
    return damaged('文件不完整，可能没有复制完或U盘被提前拔出，未读取。请重新复制这个文件，或请报送单位重新发送。');
  if (foreign) return unrecognised(`不是 Excel 工作簿（看起来是${foreign}），未读取。请确认单位报送的是 .xlsx 或 .xls 文件。`);
  let book: WorkbookGrid;
  try {
    book = readWorkbook(file.bytes, file.name);
  } catch (err) {
    // The spreadsheet library's own reasons are English and technical; readWorkbook words the ones it knows.
    return damaged(
      err instanceof LedgerError
        ? err.message
        : `无法读取“${file.name}”：文件已损坏或没有复制完整。请用 Excel 或 WPS 打开后另存为 .xlsx，或请报送单位重新发送。`,
    );
  }
  preview.sheets = book.sheets.length;
  const submitted: SubmittedFile = { year, fileName: file.name, bytes: file.bytes };
  let recognised: ReturnType<typeof recogniseKind>;
  try {
    recognised = recogniseKind(ctx, book, submitted);
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    return unrecognised(err.message);
  }
  if (!recognised) return unrecognised(UNRECOGNISED);
  const kind: FolderFileKind = KINDS[recognised.kind];
  Object.assign(preview, { kind: recognised.kind, kindLabel: kind.label });
  if ('elsewhere' in kind) return { preview: { ...preview, status: 'elsewhere', reason: kind.elsewhere } };
  try {
    const p = kind.preview(ctx, submitted, recognised.found);
    const status: FolderFileStatus = !p.canCommit ? 'errors' : p.writes ? 'ready' : 'unchanged';
    Object.assign(preview, {
      units: p.units,
      sheets: p.sheets,
      rows: p.rows,
      errors: p.errors,
      warnings: p.warnings,
      // What a refused file would have changed is not going to happen.
      changes: status === 'ready' ? p.changes : [],
      status,
    });
    if (status === 'errors')
      preview.reason = `有 ${p.errors.length} 处错误，这个文件不会导入（其中的内容一项也不写入）。请按下面列出的位置改正，或退回报送单位改正后重新报送。`;
    return { preview, importer: { kind, found: recognised.found } };
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    return { preview: { ...preview, status: 'errors', reason: err.message } };
  }
}

function commitFile(ctx: ServiceContext, input: { year: number; only?: string[] }, file: FolderFile): Recorded {
  const { preview: p, importer } = checkFile(ctx, input.year, file);
  const out = (outcome: FolderFileOutcome['outcome'], message: string): Recorded => ({
    name: p.name,
    kindLabel: p.kindLabel,
    outcome,
    message,
    kind: p.kind,
    sha256: p.sha256,
  });
  if (p.status === 'unchanged') return out('unchanged', '与台账中的内容相同，无需导入。');
  // The result view lists no error positions (the preview did), so it must not repeat the preview's
  // "改正下面列出的位置".
  if (p.status === 'errors')
    return out(
      'refused',
      p.errors.length > 0 ? `有 ${p.errors.length} 处错误，未导入。错误的位置见导入前的预览；请退回报送单位改正后重新报送。` : p.reason!,
    );
  if (p.status !== 'ready' || !importer) return out('not-taken', p.reason!);
  if (input.only && !input.only.includes(p.name)) return out('not-taken', '未勾选，未导入。');
  try {
    importer.kind.commit(ctx, { year: input.year, fileName: file.name, bytes: file.bytes }, importer.found);
    return out('imported', `已导入：${p.changes.join('；')}。`);
  } catch (err) {
    if (!(err instanceof LedgerError)) throw err;
    return out('refused', err.message);
  }
}

/** The record of which files were taken (设置 → 操作记录): names in the lists, and every file with its SHA-256. */
function recordTaken(ctx: ServiceContext, year: number, files: Recorded[]): void {
  const taken = files.filter((f) => f.outcome === 'imported');
  if (taken.length === 0) return;
  const named = (list: Recorded[]) => list.map((f) => `${f.name}（${f.kindLabel}）`).join('、');
  inTransaction(ctx, () =>
    appendAudit(ctx, {
      action: 'import.folder',
      entity: 'fiscal_year',
      entityId: year,
      after: {
        taken: named(taken),
        notTaken: named(files.filter((f) => f.outcome !== 'imported')),
        files: files.map((f) => ({ name: f.name, kind: f.kind, sha256: f.sha256, outcome: f.outcome })),
      },
    }),
  );
}

function sha256(file: FolderFile): string {
  return file.skippedSize === undefined ? createHash('sha256').update(file.bytes).digest('hex') : '';
}

const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);
