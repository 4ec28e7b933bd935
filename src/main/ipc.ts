// IPC for desktop matters only (D4): open an external link, native open/save dialogs, secret-storage
// status. Each handler checks that the call comes from the console page itself.
import { dialog, ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import {
  IPC,
  MAX_IMPORT_FILE_BYTES,
  type OpenedTextFile,
  type OpenTextFileRequest,
  type SaveTextFileRequest,
  type SecretStorageStatus,
} from '../shared/desktop-api';
import { openExternalSafely } from './external';
import { secretStorageStatus } from './secrets';
import { isConsoleUrl } from './window';

export function registerIpc(getWindow: () => BrowserWindow | undefined, consoleOrigin: string): () => void {
  const trusted = (event: IpcMainInvokeEvent): void => {
    const url = event.senderFrame?.url ?? '';
    if (!isConsoleUrl(url, consoleOrigin)) throw new Error(`IPC refused from ${url || 'an unknown frame'}`);
  };
  const handle = <A extends unknown[], R>(channel: string, fn: (...args: A) => Promise<R> | R): void => {
    ipcMain.handle(channel, (event, ...args) => {
      trusted(event);
      return fn(...(args as A));
    });
  };

  handle(IPC.openExternal, (url: unknown) => (typeof url === 'string' ? openExternalSafely(url) : false));
  handle(IPC.openTextFile, async (req: OpenTextFileRequest): Promise<OpenedTextFile | null> => {
    const win = getWindow();
    const options = {
      title: String(req?.title ?? 'Open'),
      properties: ['openFile' as const],
      filters: req?.filters ?? [],
    };
    const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    const path = result.filePaths[0];
    if (result.canceled || !path) return null;
    if ((await stat(path)).size > MAX_IMPORT_FILE_BYTES) throw new Error('The file is larger than 64 MiB.');
    return { name: basename(path), contents: await readFile(path, 'utf8') };
  });
  handle(IPC.saveTextFile, async (req: SaveTextFileRequest): Promise<string | null> => {
    const win = getWindow();
    const options = {
      title: String(req?.title ?? 'Save'),
      defaultPath: basename(String(req?.defaultName ?? 'export.json')),
      filters: req?.filters ?? [],
    };
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    if (result.canceled || !result.filePath) return null;
    await writeFile(result.filePath, String(req.contents ?? ''), { mode: 0o600 });
    return result.filePath;
  });
  handle(IPC.secretStorage, (): SecretStorageStatus => secretStorageStatus());

  return () => {
    for (const channel of Object.values(IPC)) ipcMain.removeHandler(channel);
  };
}
