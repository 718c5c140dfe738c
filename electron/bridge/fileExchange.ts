/**
 * Files in and out without the renderer ever naming a path. A bridge call that reads a file asks the
 * transport's FileGateway for one: the desktop app opens a native dialog in the main process; the
 * browser host hands over the file the page uploaded for this call. A call that writes a file gives
 * the gateway the bytes: the desktop app asks where to save; the browser host offers a download.
 *
 * Imports are two calls (preview, then commit) on the same bytes, so the picked file is staged here
 * under a random id for a short while: the commit uses exactly what the clerk previewed.
 */
import { randomUUID } from 'node:crypto';
import { LedgerError } from '../../db/ledgerError';

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenRequest {
  title: string;
  filters: FileFilter[];
}

export interface SaveRequest {
  title: string;
  defaultName: string;
  filters: FileFilter[];
}

/** A folder for a whole set of files: a package to write to a USB stick, or a stick's files to read. */
export interface FolderRequest {
  title: string;
  /** 'export' may create the folder in the dialog; 'import' picks one that exists. */
  purpose: 'export' | 'import';
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  /** Where it went, for the clerk to read: a full path on the desktop, the file name in a browser. */
  savedAs: string;
  /** Browser host only: the one-time id the page fetches the download with. */
  downloadId?: string;
}

export interface FileGateway {
  /** The file the user chose, or null when they cancelled. */
  openFile(request: OpenRequest): Promise<PickedFile | null>;
  /** Where the bytes were saved, or null when the user cancelled. */
  saveFile(request: SaveRequest, bytes: Uint8Array): Promise<SavedFile | null>;
  /** The folder the user chose (a full path, read and written by the main process), or null when they cancelled. */
  chooseFolder(request: FolderRequest): Promise<string | null>;
}

/** The largest file an import reads (a county's workbooks are far smaller). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;

export const SPREADSHEET_FILTERS: FileFilter[] = [{ name: 'Excel 或 CSV 文件', extensions: ['xlsx', 'xls', 'csv'] }];
export const XLSX_FILTERS: FileFilter[] = [{ name: 'Excel 工作簿', extensions: ['xlsx'] }];
export const DOCX_FILTERS: FileFilter[] = [{ name: 'Word 文档', extensions: ['docx'] }];
export const BACKUP_FILTERS: FileFilter[] = [{ name: '台账备份', extensions: ['db'] }];

/** For transports without any way to pick files (the command line uses the services directly). */
export const NO_FILES: FileGateway = {
  openFile: () => Promise.reject(new LedgerError('no_file_dialog', '此处不能选择文件。请在绩效台账窗口中操作，或使用管理命令行导入。')),
  saveFile: () => Promise.reject(new LedgerError('no_file_dialog', '此处不能保存文件。请在绩效台账窗口中操作，或使用管理命令行导出。')),
  chooseFolder: () =>
    Promise.reject(
      new LedgerError(
        'no_file_dialog',
        '此处不能选择文件夹。请在绩效台账窗口中操作，或使用管理命令行（npm run ledger -- help 查看用法）。',
      ),
    ),
};

const STAGE_LIFETIME_MS = 60 * 60 * 1000;
const STAGE_LIMIT = 8;

/** Picked files waiting for their commit, by random id; the oldest go first, and all expire. */
export class StagedFiles {
  private readonly files = new Map<string, PickedFile & { at: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  stage(file: PickedFile): string {
    this.sweep();
    while (this.files.size >= STAGE_LIMIT) this.files.delete(this.files.keys().next().value!);
    const id = randomUUID();
    this.files.set(id, { ...file, at: this.clock() });
    return id;
  }

  /** The staged file, or a clear error when it expired or never existed. */
  get(id: string): PickedFile {
    this.sweep();
    const file = this.files.get(id);
    if (!file) throw new LedgerError('file_expired', '所选文件已过期或不存在，未导入任何数据。请重新选择文件并预览。');
    return { name: file.name, bytes: file.bytes };
  }

  drop(id: string): void {
    this.files.delete(id);
  }

  private sweep(): void {
    const now = this.clock();
    for (const [id, f] of this.files) if (now - f.at > STAGE_LIFETIME_MS) this.files.delete(id);
  }
}

/** Refuses a picked file too large to be a unit's workbook before any parser sees it. */
export function checkImportSize(file: PickedFile): PickedFile {
  if (file.bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new LedgerError(
      'file_too_large',
      `${file.name} 超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，不像是单位报送的表格，未导入。请检查是否选错了文件。`,
    );
  }
  return file;
}
