// SQLite storage of one-time codes and link tokens, and the flows' code submission counters.
import type { CodeKind, CodePersister, StoredCode } from '../../selfservice/strategy/code/persister';
import type { SqliteDatabase } from './database';

export class SqliteCodePersister implements CodePersister {
  constructor(private readonly store: SqliteDatabase) {}

  createCode(c: StoredCode): void {
    this.store
      .prepare(
        `INSERT INTO selfservice_codes (id, kind, flow_id, code_hmac, identity_id, address, address_type,
           address_id, code_type, used_at, expires_at, issued_at, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
      )
      .run(
        c.id,
        c.kind,
        c.flow_id,
        c.code_hmac,
        c.identity_id,
        c.address,
        c.address_type,
        c.address_id,
        c.code_type,
        c.used_at,
        c.expires_at,
        c.issued_at,
        c.created_at,
      );
  }

  listCodes(kind: CodeKind, flowId: string): StoredCode[] {
    return this.store
      .prepare('SELECT * FROM selfservice_codes WHERE flow_id = ? AND kind = ? ORDER BY created_at DESC')
      .all(flowId, kind) as StoredCode[];
  }

  markUsed(id: string, at: string): boolean {
    return (
      this.store
        .prepare('UPDATE selfservice_codes SET used_at = ? WHERE id = ? AND used_at IS NULL')
        .run(at, id).changes === 1
    );
  }

  invalidateCodes(kind: CodeKind, flowId: string, at: string): void {
    this.store
      .prepare('UPDATE selfservice_codes SET used_at = ? WHERE flow_id = ? AND kind = ? AND used_at IS NULL')
      .run(at, flowId, kind);
  }

  deleteCodes(kind: CodeKind, flowId: string): void {
    this.store.prepare('DELETE FROM selfservice_codes WHERE flow_id = ? AND kind = ?').run(flowId, kind);
  }

  incrementSubmitCount(flowId: string): number {
    const row = this.store
      .prepare(
        'UPDATE selfservice_flows SET submit_count = submit_count + 1 WHERE id = ? RETURNING submit_count',
      )
      .get(flowId) as { submit_count: number } | undefined;
    return row?.submit_count ?? 0;
  }

  resetSubmitCount(flowId: string): void {
    this.store.prepare('UPDATE selfservice_flows SET submit_count = 0 WHERE id = ?').run(flowId);
  }

  findByHmac(kind: CodeKind, hmacs: string[]): StoredCode | undefined {
    for (const h of hmacs) {
      const row = this.store
        .prepare('SELECT * FROM selfservice_codes WHERE code_hmac = ? AND kind = ?')
        .get(h, kind) as StoredCode | undefined;
      if (row) return row;
    }
    return undefined;
  }
}
