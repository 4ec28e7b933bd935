// Reads an identity schema document from a `file://`, `base64://` or `http(s)://` URL, as Kratos's
// schema handler does, with Kratos's 1 MiB cap.
import { readFile } from 'node:fs/promises';

export const MAX_SCHEMA_BYTES = 1024 * 1024;

export class SchemaLoadError extends Error {}

export async function readSchemaDocument(
  url: string,
  opts: { fetchTimeoutMs?: number } = {},
): Promise<string> {
  if (url.startsWith('base64://')) {
    const text = Buffer.from(url.slice('base64://'.length), 'base64').toString('utf8');
    return capped(text, url);
  }
  if (url.startsWith('file://')) {
    // Kratos reads host + path: file://relative/x.json is relative, file:///abs/x.json is absolute.
    const path = decodeURIComponent(url.slice('file://'.length).split(/[?#]/)[0] ?? '');
    try {
      return capped(await readFile(path, 'utf8'), url);
    } catch (err) {
      if (err instanceof SchemaLoadError) throw err;
      throw new SchemaLoadError(
        `could not read schema file ${path}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`,
      );
    }
  }
  if (/^https?:\/\//.test(url)) {
    const res = await fetch(url, { signal: AbortSignal.timeout(opts.fetchTimeoutMs ?? 10_000) }).catch(
      (err: unknown) => {
        throw new SchemaLoadError(`could not fetch schema ${url}: ${String(err)}`);
      },
    );
    if (!res.ok) throw new SchemaLoadError(`could not fetch schema ${url}: HTTP ${res.status}`);
    return capped(await res.text(), url);
  }
  throw new SchemaLoadError(`unsupported schema URL "${url}" (use file://, base64:// or https://)`);
}

function capped(text: string, url: string): string {
  if (Buffer.byteLength(text) > MAX_SCHEMA_BYTES) {
    throw new SchemaLoadError(`schema ${url.slice(0, 60)} is larger than ${MAX_SCHEMA_BYTES} bytes`);
  }
  return text;
}
