/**
 * 存为 PDF: prints the asking window's page to an A4 PDF (the print stylesheet decides what is on
 * it) and saves it through the same save dialog as the exports. Takes ipcMain and the file gateway as
 * parameters so it runs in tests with fakes, without Electron.
 */
import { PRINT_CHANNEL, type PdfOutcome } from '../bridge/printing';
import { toBridgeError } from '../bridge/dispatcher';
import type { FileGateway } from '../bridge/fileExchange';
import { senderIsTrusted, UNTRUSTED_SENDER, type InvokeEventLike, type SenderCheck } from './ipc';

/** The page size comes from the stylesheet's @page (A4 with margins); A4 when it names none. */
export const PDF_OPTIONS = { pageSize: 'A4', preferCSSPageSize: true, printBackground: true } as const;

/** The part of Electron's IpcMainInvokeEvent we use: the frame (for the trust check) and its web contents. */
export interface PrintEventLike extends InvokeEventLike {
  readonly sender: { printToPDF(options: typeof PDF_OPTIONS): Promise<Uint8Array> };
}

export interface PrintIpcLike {
  handle(channel: string, listener: (event: PrintEventLike, payload: unknown) => unknown): void;
}

/** A file name Windows and Linux accept, from the screen's title: "评价结果应用 · 2023 年度.pdf". */
export function pdfFileName(title: unknown): string {
  const cleaned =
    typeof title === 'string'
      ? title
          .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
          .replace(/\s+/g, ' ')
          .trim()
      : '';
  return `${cleaned.slice(0, 80) || '绩效台账'}.pdf`;
}

export function registerPdfIpc(ipcMain: PrintIpcLike, isTrustedSender: SenderCheck, files: FileGateway): void {
  ipcMain.handle(PRINT_CHANNEL, async (event, payload): Promise<PdfOutcome> => {
    if (!senderIsTrusted(event, isTrustedSender)) return UNTRUSTED_SENDER;
    const title = (typeof payload === 'object' && payload !== null ? payload : {}) as { title?: unknown };
    let pdf: Uint8Array;
    try {
      pdf = await event.sender.printToPDF(PDF_OPTIONS);
    } catch (err) {
      return {
        ok: false,
        error: {
          code: 'pdf_failed',
          message: `未能生成 PDF（${(err as Error)?.message ?? String(err)}）。请稍后重试；仍不行请把此信息告知技术支持。`,
        },
      };
    }
    try {
      const saved = await files.saveFile(
        { title: '存为 PDF', defaultName: pdfFileName(title.title), filters: [{ name: 'PDF 文件', extensions: ['pdf'] }] },
        pdf,
      );
      return { ok: true, value: saved && { savedAs: saved.savedAs } };
    } catch (err) {
      return { ok: false, error: toBridgeError(err) };
    }
  });
}
