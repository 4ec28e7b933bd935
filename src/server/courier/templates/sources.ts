// Reading template text: configured URIs (`file://`, `base64://`, `http(s)://`, like ory/x fetcher)
// and the files of `courier.template_override_path` that a name or glob matches.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';

const FETCH_TIMEOUT_MS = 10_000;
const MAX_REMOTE_BYTES = 1 << 20;

export class TemplateSourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateSourceError';
  }
}

/** What the fetcher puts in errors: base64 sources may carry secrets. */
export function redactedSource(uri: string): string {
  return uri.startsWith('base64://') ? 'base64://[redacted]' : uri;
}

/** Go's base64.StdEncoding.DecodeString: padding required, no whitespace or URL alphabet. */
function decodeStdBase64(data: string): string {
  if (data.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) {
    const bad = /[^A-Za-z0-9+/]/.exec(data);
    const at = bad ? bad.index : data.length - (data.length % 4);
    throw new TemplateSourceError(
      `base64decode: base64://[redacted]: illegal base64 data at input byte ${at}`,
    );
  }
  return Buffer.from(data, 'base64').toString('utf8');
}

/** A `file://` URI's path: `file:///abs/x` and `file://./rel/x` (relative to the working directory). */
export function fileUriPath(uri: string): string {
  return uri.slice('file://'.length);
}

/** A cache key part that changes when a `file://` template is edited. */
export function sourceVersion(uri: string): string {
  if (!uri.startsWith('file://')) return '';
  try {
    const st = statSync(fileUriPath(uri));
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}

export async function fetchTemplateSource(uri: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  if (uri.startsWith('base64://')) return decodeStdBase64(uri.slice('base64://'.length));
  if (uri.startsWith('file://')) {
    try {
      return readFileSync(fileUriPath(uri), 'utf8');
    } catch (e) {
      throw new TemplateSourceError(`read file: ${uri}: ${(e as Error).message}`);
    }
  }
  if (uri.startsWith('http://') || uri.startsWith('https://')) {
    let res: Response;
    try {
      res = await fetchImpl(uri, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow' });
    } catch (e) {
      throw new TemplateSourceError(`${uri}: ${(e as Error).message}`);
    }
    if (res.status !== 200) {
      throw new TemplateSourceError(
        `expected http response status code 200 but got ${res.status} when fetching: ${uri}`,
      );
    }
    const body = await res.arrayBuffer();
    if (body.byteLength > MAX_REMOTE_BYTES)
      throw new TemplateSourceError(`template at ${uri} is larger than 1 MiB`);
    return Buffer.from(body).toString('utf8');
  }
  throw new TemplateSourceError(
    `unknown scheme: in source ${JSON.stringify(redactedSource(uri))}: allowed schemes: http, https, file, base64`,
  );
}

/**
 * The override folder. Kratos reads a relative path against its working directory; Gatehouse also
 * tries the config file's folder, because the desktop app's working directory is not the user's.
 */
export function resolveOverrideRoot(path: string, configFile: string | undefined): string {
  if (isAbsolute(path)) return path;
  const fromCwd = resolve(path);
  if (isDirectory(fromCwd) || !configFile) return fromCwd;
  const fromConfig = resolve(configFile, '..', path);
  return isDirectory(fromConfig) ? fromConfig : fromCwd;
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

export interface OverrideFile {
  /** The file name, which is also its template name (Go's ParseFS names templates by base name). */
  name: string;
  path: string;
  version: string;
}

/** Files of root/dir whose names start with prefix (Kratos's `dir/prefix*` glob), sorted like fs.Glob. */
export function overrideFiles(root: string, dir: string, prefix: string): OverrideFile[] {
  const folder = join(root, dir);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const files: OverrideFile[] = [];
  for (const name of names.filter((n) => n.startsWith(prefix)).sort()) {
    const path = join(folder, name);
    try {
      const st = statSync(path);
      if (st.isFile()) files.push({ name, path, version: `${st.mtimeMs}:${st.size}` });
    } catch {
      // vanished between readdir and stat
    }
  }
  return files;
}
