/**
 * 存为 PDF in the desktop app (electron/shell/pdf.ts), against a fake ipcMain and web contents (the
 * Electron runtime cannot run here): only the app's own window may ask, the page is printed on A4, the
 * bytes go to the file the clerk picks through the real save gateway, and a cancel or a failure comes
 * back as the renderer's envelope with a zh-CN message.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dialogFileGateway } from '../../electron/shell/dialogs';
import { pdfFileName, registerPdfIpc, type PDF_OPTIONS, type PrintEventLike } from '../../electron/shell/pdf';
import { isTrustedSender } from '../../electron/shell/security';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-test-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

const PDF = new TextEncoder().encode('%PDF-1.7 fake');

/** The print handler wired to a save dialog that answers `answer` (a path, or null for 取消). */
function wire(answer: string | null) {
  let handler: ((event: PrintEventLike, payload: unknown) => unknown) | undefined;
  const dialog = {
    showSaveDialog: vi.fn(async (options: { defaultPath?: string; filters?: unknown }) => {
      void options;
      return answer === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: answer };
    }),
  };
  registerPdfIpc(
    { handle: (channel, listener) => channel === 'print' && (handler = listener) },
    isTrustedSender,
    dialogFileGateway(dialog as never, () => null),
  );
  const printToPDF = vi.fn(async (_options: typeof PDF_OPTIONS) => PDF);
  const event = (url: string, printer = printToPDF): PrintEventLike => ({
    senderFrame: { url, parent: null },
    sender: { printToPDF: printer },
  });
  const print = (payload: unknown, url = 'app://renderer/index.html', printer = printToPDF) => handler!(event(url, printer), payload);
  return { print, printToPDF, dialog };
}

describe('存为 PDF', () => {
  it('prints the window on A4 and saves it where the clerk picks, named after the screen', async () => {
    const target = path.join(folder, '结果应用.pdf');
    const { print, printToPDF, dialog } = wire(target);
    expect(await print({ title: '评价结果应用 · 2023 年度' })).toEqual({ ok: true, value: { savedAs: target } });
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ pageSize: 'A4', preferCSSPageSize: true }));
    expect(dialog.showSaveDialog.mock.calls[0]![0]).toMatchObject({
      defaultPath: '评价结果应用 · 2023 年度.pdf',
      filters: [{ name: 'PDF 文件', extensions: ['pdf'] }],
    });
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('answers null when the clerk cancels the save dialog, writing nothing', async () => {
    const { print } = wire(null);
    expect(await print({ title: '本轮概况' })).toEqual({ ok: true, value: null });
  });

  it('refuses a page that is not the app window, without printing it', async () => {
    const { print, printToPDF } = wire(path.join(folder, 'x.pdf'));
    expect(await print({ title: 'x' }, 'https://example.com/')).toMatchObject({ ok: false, error: { code: 'untrusted_sender' } });
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('explains in Chinese when the page cannot be printed or the file cannot be written', async () => {
    const failing = vi.fn(async () => Promise.reject(new Error('printing failed')));
    const { print } = wire(path.join(folder, 'y.pdf'));
    const notPrinted = (await print({ title: 'x' }, undefined, failing)) as { ok: false; error: { code: string; message: string } };
    expect(notPrinted.error.code).toBe('pdf_failed');
    expect(notPrinted.error.message).toMatch(/^未能生成 PDF（printing failed）。请稍后重试/);

    const intoMissingFolder = wire(path.join(folder, '没有的文件夹', 'z.pdf'));
    const notSaved = (await intoMissingFolder.print({ title: 'x' })) as { ok: false; error: { code: string; message: string } };
    expect(notSaved.error.code).toBe('save_failed');
    expect(notSaved.error.message).toContain('无法保存到');
  });

  it('makes a file name Windows accepts from any title', () => {
    expect(pdfFileName('项目自评 · 2023 年度')).toBe('项目自评 · 2023 年度.pdf');
    expect(pdfFileName('a/b:c*?"<>|d')).toBe('a b c d.pdf');
    expect(pdfFileName('')).toBe('绩效台账.pdf');
    expect(pdfFileName(42)).toBe('绩效台账.pdf');
  });
});
