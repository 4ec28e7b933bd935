// The preload bridge (window.gatehouse): only desktop matters cross it (ARCHITECTURE.md D4). Main, preload
// and renderer share these names so a typo cannot open a second channel.

export const DESKTOP_BRIDGE_KEY = 'gatehouse';

export const IPC = {
  openExternal: 'gatehouse:open-external',
  openTextFile: 'gatehouse:open-text-file',
  saveTextFile: 'gatehouse:save-text-file',
  secretStorage: 'gatehouse:secret-storage',
} as const;

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface OpenTextFileRequest {
  title: string;
  filters: FileFilter[];
}

export interface OpenedTextFile {
  name: string;
  contents: string;
}

export interface SaveTextFileRequest {
  title: string;
  defaultName: string;
  contents: string;
  filters: FileFilter[];
}

export interface SecretStorageStatus {
  /** Electron's safeStorage encrypts with an OS keychain (not its plain-text fallback). */
  encrypted: boolean;
  backend: string;
}

export interface DesktopApi {
  appVersion: string;
  platform: string;
  /** Opens an http(s) URL in the system browser; other schemes are refused. */
  openExternal(url: string): Promise<boolean>;
  /** A native open dialog; resolves null when cancelled. Files over 64 MiB are refused. */
  openTextFile(request: OpenTextFileRequest): Promise<OpenedTextFile | null>;
  /** A native save dialog; resolves the chosen path or null when cancelled. */
  saveTextFile(request: SaveTextFileRequest): Promise<string | null>;
  secretStorage(): Promise<SecretStorageStatus>;
}

/** Max size of a file the desktop bridge reads for an import. */
export const MAX_IMPORT_FILE_BYTES = 64 * 1024 * 1024;
