/**
 * What every area's handlers share: the context a handler gets (the service context plus the
 * transport's way to files) and the three steps an import or export takes through the transport.
 */
import type { ServiceContext } from '../../ledger/context';
import type { LedgerSession } from '../../ledger/session';
import { withSnapshot } from '../../ledger/snapshots';
import type { ImportPreviewOutcome, SaveOutcome } from '../contract';
import { type FileFilter, type FileGateway, SPREADSHEET_FILTERS, type StagedFiles, XLSX_FILTERS, checkImportSize } from '../fileExchange';
import type { z } from 'zod';
import type { CallSpec } from '../callSpec';

/** A service context plus the transport's way to files (and, in the app, its hold on the open ledger). */
export interface HandlerContext extends ServiceContext {
  readonly files: FileGateway;
  readonly staged: StagedFiles;
  readonly session?: LedgerSession;
}

/** The handlers of one area's call list: a missing or mistyped handler is a compile error. */
export type AreaHandlers<Calls> = {
  [K in keyof Calls]: Calls[K] extends CallSpec<infer I, infer R> ? (ctx: HandlerContext, input: z.output<I>) => R | Promise<R> : never;
};

/** Every import's first step: the user picks a file, it is staged for the commit, and previewed. */
export async function previewPickedFile<P>(
  ctx: HandlerContext,
  title: string,
  preview: (file: { name: string; bytes: Uint8Array }) => P,
): Promise<ImportPreviewOutcome<P>> {
  const picked = await ctx.files.openFile({ title, filters: SPREADSHEET_FILTERS });
  if (!picked) return { cancelled: true };
  const file = checkImportSize(picked);
  const fileId = ctx.staged.stage(file);
  return { cancelled: false, fileId, fileName: file.name, preview: preview(file) };
}

/**
 * Every import's second step: the previewed file is committed after an automatic 导入前 copy of the
 * ledger, then forgotten (a refusal keeps it for a retry, and drops the copy: nothing was written).
 */
export function commitStagedFile<R>(ctx: HandlerContext, fileId: string, commit: (file: { name: string; bytes: Uint8Array }) => R): R {
  const file = ctx.staged.get(fileId);
  const result = withSnapshot(ctx, 'import', `导入 ${file.name}`, () => commit(file));
  ctx.staged.drop(fileId);
  return result;
}

/** Every export's last step: the user says where (or the browser downloads it). */
export async function saveFile<S>(
  ctx: HandlerContext,
  title: string,
  defaultName: string,
  bytes: Uint8Array,
  summary: S,
  filters: FileFilter[] = XLSX_FILTERS,
): Promise<SaveOutcome<S>> {
  const saved = await ctx.files.saveFile({ title, defaultName, filters }, bytes);
  return { saved, summary };
}
