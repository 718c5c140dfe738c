/**
 * The desktop app's FileGateway: native open, save and folder dialogs, shown by the main process over
 * the main window. The renderer only ever learns the chosen file's name (and where a saved file or
 * package went).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, dialog as electronDialog } from 'electron';
import { type FileGateway, MAX_IMPORT_BYTES } from '../bridge/fileExchange';
import { LedgerError } from '../../db/ledgerError';

export function dialogFileGateway(dialog: typeof electronDialog, window: () => BrowserWindow | null): FileGateway {
  return {
    async openFile(request) {
      const options = { title: request.title, filters: request.filters, properties: ['openFile' as const] };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      const file = result.canceled ? undefined : result.filePaths[0];
      if (!file) return null;
      const size = (await fs.promises.stat(file)).size;
      if (size > MAX_IMPORT_BYTES) {
        throw new LedgerError(
          'file_too_large',
          `${path.basename(file)} 超过 ${MAX_IMPORT_BYTES / 1024 / 1024} MB，不像是单位报送的表格，未导入。`,
        );
      }
      return { name: path.basename(file), bytes: new Uint8Array(await fs.promises.readFile(file)) };
    },
    async saveFile(request, bytes) {
      const options = { title: request.title, defaultPath: request.defaultName, filters: request.filters };
      const owner = window();
      const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return null;
      try {
        await fs.promises.writeFile(result.filePath, bytes);
      } catch (err) {
        throw new LedgerError(
          'save_failed',
          `无法保存到 ${result.filePath}：${(err as Error).message}。文件可能正被 Excel 打开，请关闭后重试，或换一个位置。`,
        );
      }
      return { savedAs: result.filePath };
    },
    async chooseFolder(request) {
      // An export may go to a new folder made in the dialog; an import reads one that exists.
      const properties = request.purpose === 'export' ? (['openDirectory', 'createDirectory'] as const) : (['openDirectory'] as const);
      const options = { title: request.title, properties: [...properties] };
      const owner = window();
      const result = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
