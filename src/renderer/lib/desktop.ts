// Desktop matters through the preload bridge when running in Electron, browser equivalents otherwise.
import {
  DESKTOP_BRIDGE_KEY,
  MAX_IMPORT_FILE_BYTES,
  type DesktopApi,
  type OpenedTextFile,
  type OpenTextFileRequest,
  type SaveTextFileRequest,
} from '../../shared/desktop-api';

export function desktop(): DesktopApi | undefined {
  return (window as unknown as Record<string, DesktopApi | undefined>)[DESKTOP_BRIDGE_KEY];
}

export function isHttpUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export async function openExternal(url: string): Promise<void> {
  if (!isHttpUrl(url)) return;
  const bridge = desktop();
  if (bridge) await bridge.openExternal(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}

export async function openTextFile(request: OpenTextFileRequest): Promise<OpenedTextFile | null> {
  const bridge = desktop();
  if (bridge) return bridge.openTextFile(request);
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (file.size > MAX_IMPORT_FILE_BYTES) return reject(new Error('The file is larger than 64 MiB.'));
      file.text().then((contents) => resolve({ name: file.name, contents }), reject);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

export async function saveTextFile(request: SaveTextFileRequest): Promise<string | null> {
  const bridge = desktop();
  if (bridge) return bridge.saveTextFile(request);
  const url = URL.createObjectURL(new Blob([request.contents], { type: 'application/json' }));
  downloadUrl(url, request.defaultName);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return request.defaultName;
}

/** Starts a download of a console URL (the backend sends Content-Disposition: attachment). */
export function downloadUrl(url: string, name?: string): void {
  const a = document.createElement('a');
  a.href = url;
  if (name) a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
}
