// The preload bridge: a typed, minimal desktop API on window.gatehouse (contextBridge, sandboxed preload).
// Secrets never pass here: they go to the console backend over HTTP, which encrypts them with safeStorage.
import { contextBridge, ipcRenderer } from 'electron';
import {
  DESKTOP_BRIDGE_KEY,
  IPC,
  type DesktopApi,
  type OpenedTextFile,
  type OpenTextFileRequest,
  type SaveTextFileRequest,
  type SecretStorageStatus,
} from '../shared/desktop-api';

function argument(name: string): string {
  const prefix = `--${name}=`;
  return process.argv.find((a) => a.startsWith(prefix))?.slice(prefix.length) ?? '';
}

export function createDesktopApi(
  invoke: (channel: string, ...args: unknown[]) => Promise<unknown>,
): DesktopApi {
  return Object.freeze({
    appVersion: argument('gatehouse-version'),
    platform: process.platform,
    async openExternal(url: string): Promise<boolean> {
      // Checked here too, so a bad URL never reaches the main process.
      if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return false;
      return (await invoke(IPC.openExternal, url)) as boolean;
    },
    openTextFile: (request: OpenTextFileRequest) =>
      invoke(IPC.openTextFile, request) as Promise<OpenedTextFile | null>,
    saveTextFile: (request: SaveTextFileRequest) =>
      invoke(IPC.saveTextFile, request) as Promise<string | null>,
    secretStorage: () => invoke(IPC.secretStorage) as Promise<SecretStorageStatus>,
  });
}

contextBridge.exposeInMainWorld(
  DESKTOP_BRIDGE_KEY,
  createDesktopApi((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
