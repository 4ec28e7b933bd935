// Connection API keys in the desktop app are encrypted with Electron's safeStorage (macOS Keychain, Windows
// DPAPI, libsecret/kwallet on Linux). Its Linux "basic_text" fallback is not encryption, so then the
// backend's 0600 file is used and the console says so.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../console/connections/secrets';

export function safeStorageCipher(): SecretCipher | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const backend = process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : 'os';
  if (backend === 'basic_text' || backend === 'unknown') return undefined;
  return {
    scheme: 'electron-safeStorage',
    kind: 'os-keychain',
    description: 'API keys are encrypted with your operating system keychain (Electron safeStorage).',
    encrypt: (plain) => safeStorage.encryptString(plain).toString('base64'),
    decrypt: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  };
}

export function secretStorageStatus(): { encrypted: boolean; backend: string } {
  const available = safeStorage.isEncryptionAvailable();
  const backend =
    process.platform === 'linux' && available
      ? safeStorage.getSelectedStorageBackend()
      : available
        ? 'os'
        : 'none';
  return { encrypted: safeStorageCipher() !== undefined, backend };
}
