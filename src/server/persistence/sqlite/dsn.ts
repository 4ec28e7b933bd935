// Kratos DSNs Gatehouse understands: `memory`, `sqlite://file::memory:?...`, `sqlite:///abs/path.db?...`,
// `sqlite://./relative.db?...`. Other databases are refused with a clear message.
import { resolve } from 'node:path';

export interface SqliteTarget {
  /** A filesystem path, or ':memory:'. */
  filename: string;
  memory: boolean;
}

export class DsnError extends Error {}

export function parseDsn(dsn: string): SqliteTarget {
  const trimmed = dsn.trim();
  if (trimmed === 'memory') return { filename: ':memory:', memory: true };
  const m = /^(sqlite3?|file):\/\/(.*)$/.exec(trimmed);
  if (!m) {
    const scheme = /^([a-z0-9+.-]+):/i.exec(trimmed)?.[1];
    throw new DsnError(
      scheme
        ? `dsn: Gatehouse stores data in SQLite only; "${scheme}://" databases are not supported (use "memory" or "sqlite:///path/to/db.sqlite").`
        : `dsn: "${dsn}" is not a DSN Gatehouse understands (use "memory" or "sqlite:///path/to/db.sqlite").`,
    );
  }
  const rest = m[2] as string;
  const path = decodeURIComponent(rest.split('?')[0] ?? '');
  if (path === '' || path.includes(':memory:') || path === 'memory')
    return { filename: ':memory:', memory: true };
  return { filename: resolve(path), memory: false };
}
