// Locates the `resources/` folder (Kratos JSON schemas, default config, templates) whether the server runs
// from source (tsx, vitest), from the electron-vite bundle in out/, or with an explicit directory.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function resourcesDir(explicit?: string): string {
  if (explicit) return explicit;
  if (cached) return cached;
  const fromEnv = process.env.GATEHOUSE_RESOURCES_DIR;
  if (fromEnv && existsSync(join(fromEnv, 'kratos'))) return (cached = fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources');
    if (existsSync(join(candidate, 'kratos', 'config.schema.json'))) return (cached = candidate);
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('Gatehouse could not find its resources/ folder.');
    dir = parent;
  }
}

export function readResourceJson<T = unknown>(relativePath: string, dir?: string): T {
  return JSON.parse(readFileSync(join(resourcesDir(dir), relativePath), 'utf8')) as T;
}

export function readResourceText(relativePath: string, dir?: string): string {
  return readFileSync(join(resourcesDir(dir), relativePath), 'utf8');
}
