// The one way out of the app to the system browser: http(s) URLs only. file:, javascript:, smb:, custom
// protocol handlers and friends are refused (they are how "open external" becomes code execution).
import { shell } from 'electron';

export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.username === '' && u.password === '';
  } catch {
    return false;
  }
}

export async function openExternalSafely(url: string): Promise<boolean> {
  if (!isSafeExternalUrl(url)) return false;
  await shell.openExternal(url);
  return true;
}
