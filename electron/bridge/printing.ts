/**
 * 打印 / 存为 PDF in the desktop app: the renderer asks the shell to print the page it shows to an A4
 * PDF and save it where the clerk picks. Not a ledger call (it needs the window, not the ledger), so it
 * has its own channel and its own object on the page, `window.printing`; a browser prints instead.
 * Imports types only: the sandboxed preload takes the channel name from here.
 */
import type { Envelope } from './contract';

export const PRINT_CHANNEL = 'print';

export interface PdfRequest {
  /** What is printed (评价结果应用 · 2023 年度): the PDF's suggested file name. */
  title: string;
}

/** Where the PDF went, or null when the clerk cancelled the save dialog. */
export type PdfOutcome = Envelope<{ savedAs: string } | null>;

/** What the desktop preload exposes as `window.printing`. */
export interface PrintingApi {
  savePdf(request: PdfRequest): Promise<PdfOutcome>;
}
