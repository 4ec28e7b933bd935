// Connection secrets (API keys, bearer tokens) live only here, never in a response. The desktop app injects
// a cipher backed by Electron's safeStorage (OS keychain); the CLI stores them in a 0600 file in the data
// folder, unencrypted, and says so in the console.
import { join } from 'node:path';
import type { SecretStorageKind } from '../../shared/console-api';
import { readJsonFile, writePrivateJsonFile } from './files';

export interface SecretCipher {
  /** Recorded with each entry, so a host that cannot decrypt an entry knows it instead of guessing. */
  scheme: string;
  kind: SecretStorageKind;
  description: string;
  encrypt(plain: string): string;
  decrypt(stored: string): string;
}

export function plainFileCipher(dataDir: string | undefined): SecretCipher {
  return {
    scheme: 'plain',
    kind: dataDir ? 'file' : 'memory',
    description: dataDir
      ? `API keys are stored unencrypted in ${join(dataDir, 'console', SECRETS_FILE)}, readable only by your user (0600).`
      : 'API keys are kept in memory only and forgotten when Gatehouse stops.',
    encrypt: (plain) => plain,
    decrypt: (stored) => stored,
  };
}

const SECRETS_FILE = 'secrets.json';

interface SecretsFile {
  version: 1;
  entries: Record<string, { scheme: string; value: string }>;
}

export type SecretLookup = { state: 'none' } | { state: 'unavailable' } | { state: 'ok'; secret: string };

export class SecretVault {
  private readonly file: string | undefined;
  private entries: SecretsFile['entries'];

  constructor(
    dataDir: string | undefined,
    readonly cipher: SecretCipher,
  ) {
    this.file = dataDir ? join(dataDir, 'console', SECRETS_FILE) : undefined;
    this.entries = (this.file ? readJsonFile<SecretsFile>(this.file)?.entries : undefined) ?? {};
  }

  get(id: string): SecretLookup {
    const entry = this.entries[id];
    if (!entry) return { state: 'none' };
    if (entry.scheme !== this.cipher.scheme) return { state: 'unavailable' };
    try {
      return { state: 'ok', secret: this.cipher.decrypt(entry.value) };
    } catch {
      return { state: 'unavailable' };
    }
  }

  set(id: string, secret: string): void {
    this.entries[id] = { scheme: this.cipher.scheme, value: this.cipher.encrypt(secret) };
    this.save();
  }

  delete(id: string): void {
    if (!(id in this.entries)) return;
    delete this.entries[id];
    this.save();
  }

  private save(): void {
    if (this.file)
      writePrivateJsonFile(this.file, { version: 1, entries: this.entries } satisfies SecretsFile);
  }
}
