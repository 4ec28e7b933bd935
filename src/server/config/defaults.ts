// The embedded default configuration: on first start Gatehouse writes a kratos.yml and an identity schema
// into the data folder, with secrets from the CSPRNG, and runs on them from then on.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readResourceText } from '../resources';

export const DEFAULT_CONFIG_FILE = 'kratos.yml';
export const DEFAULT_SCHEMA_FILE = 'identity.schema.json';

/** Returns the path of the data folder's kratos.yml, writing the defaults first if it is missing. */
export function ensureDefaultConfig(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const schemaPath = join(dataDir, DEFAULT_SCHEMA_FILE);
  if (!existsSync(schemaPath)) writeFileSync(schemaPath, readResourceText('defaults/identity.schema.json'));
  const configPath = join(dataDir, DEFAULT_CONFIG_FILE);
  if (!existsSync(configPath)) {
    const secret = (bytes: number): string => randomBytes(bytes).toString('base64url');
    const yaml = readResourceText('defaults/kratos.yml')
      .replaceAll('__DATA_DIR__', toFileUrlPath(dataDir))
      .replace('__SECRET_DEFAULT__', secret(32))
      .replace('__SECRET_COOKIE__', secret(32))
      // Kratos requires cipher secrets of exactly 32 characters.
      .replace('__SECRET_CIPHER__', randomBytes(24).toString('base64url'));
    writeFileSync(configPath, yaml, { mode: 0o600 });
  }
  return configPath;
}

/** The folder as the path part of a URL: forward slashes, percent-encoded (spaces and such). */
function toFileUrlPath(dir: string): string {
  return encodeURI(dir.replace(/\\/g, '/').replace(/^([A-Za-z]):/, '/$1:'));
}
