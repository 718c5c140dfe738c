/**
 * How one bridge call is declared: its input schema, whether it writes, its doc line, the file it
 * reads or writes, and (as a type only) its result. The per-area call lists in calls/ are built with
 * these, and contract.ts merges them.
 */
import type { z } from 'zod';

/**
 * A call that reads a file the user picks ('open') or writes one where the user says ('save'). The
 * transport does the picking (native dialog, or the browser's file input and download); the
 * extensions tell it what to offer.
 */
export interface FileUse {
  readonly mode: 'open' | 'save';
  readonly extensions: readonly string[];
}

export interface CallSpec<I extends z.ZodType, R> {
  readonly input: I;
  readonly write: boolean;
  readonly doc: string;
  readonly file?: FileUse;
  /** Type-only carrier of the result type; never set at run time. */
  readonly result?: R;
}

export const read =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string, file?: FileUse): CallSpec<I, R> => ({ input, write: false, doc, ...(file ? { file } : {}) });

export const write =
  <R>() =>
  <I extends z.ZodType>(input: I, doc: string, file?: FileUse): CallSpec<I, R> => ({ input, write: true, doc, ...(file ? { file } : {}) });

export const OPEN_SPREADSHEET: FileUse = { mode: 'open', extensions: ['xlsx', 'xls', 'csv'] };

export const SAVE_XLSX: FileUse = { mode: 'save', extensions: ['xlsx'] };

export const SAVE_DOCX: FileUse = { mode: 'save', extensions: ['docx'] };

/** What a save call returns: where the file went (null when the user cancelled) and what it held. */
export interface SaveOutcome<S> {
  saved: { savedAs: string; downloadId?: string } | null;
  summary: S;
}

/** What an import's preview call returns: the staged file to commit, or nothing when cancelled. */
export type ImportPreviewOutcome<P> = { cancelled: true } | { cancelled: false; fileId: string; fileName: string; preview: P };
