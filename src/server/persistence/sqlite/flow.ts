// SQLite storage of self-service flows (JSON documents) and of the errors shown by the error UI.
import type { SqliteDatabase } from './database';
import type { ErrorContainer, ErrorPersister } from '../../selfservice/errorx/persister';
import type { FlowPersister, StoredFlow } from '../../selfservice/flow/persister';

export class SqliteFlowPersister implements FlowPersister {
  constructor(private readonly store: SqliteDatabase) {}

  saveFlow(flow: StoredFlow): void {
    this.store
      .prepare(
        `INSERT INTO selfservice_flows (id, kind, document, expires_at, created_at, updated_at) VALUES (?,?,?,?,?,?)
         ON CONFLICT (id) DO UPDATE SET document = excluded.document, expires_at = excluded.expires_at,
           updated_at = excluded.updated_at`,
      )
      .run(flow.id, flow.kind, JSON.stringify(flow), flow.expires_at, flow.created_at, flow.updated_at);
  }

  getFlow(id: string): StoredFlow | undefined {
    const row = this.store.prepare('SELECT document FROM selfservice_flows WHERE id = ?').get(id) as
      { document: string } | undefined;
    return row ? (JSON.parse(row.document) as StoredFlow) : undefined;
  }

  transaction<T>(fn: () => T): T {
    return this.store.transaction(fn);
  }

  deleteExpiredFlows(before: string): number {
    return this.store.prepare('DELETE FROM selfservice_flows WHERE expires_at < ?').run(before).changes;
  }
}

export class SqliteErrorPersister implements ErrorPersister {
  constructor(private readonly store: SqliteDatabase) {}

  createError(e: ErrorContainer, csrfToken: string): void {
    this.store
      .prepare(
        'INSERT INTO selfservice_errors (id, error, csrf_token, created_at, updated_at) VALUES (?,?,?,?,?)',
      )
      .run(e.id, JSON.stringify(e.error), csrfToken, e.created_at, e.updated_at);
  }

  readError(id: string, now: string): ErrorContainer | undefined {
    const row = this.store.prepare('SELECT * FROM selfservice_errors WHERE id = ?').get(id) as
      { id: string; error: string; created_at: string; updated_at: string } | undefined;
    if (!row) return undefined;
    this.store.prepare('UPDATE selfservice_errors SET seen_at = ? WHERE id = ?').run(now, id);
    return {
      id: row.id,
      error: JSON.parse(row.error) as Record<string, unknown>,
      created_at: row.created_at,
      updated_at: row.updated_at,
    };
  }
}
