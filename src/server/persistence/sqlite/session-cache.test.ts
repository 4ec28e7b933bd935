// The token lookup cache never answers with stale data: a write on this connection invalidates it at once, a
// commit from another connection to the same file (another process) from the next event-loop turn on.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDatabase } from './database';
import { SqliteSessionPersister } from './session';

const at = '2026-11-21T00:00:00.000Z';
let db: SqliteDatabase;
afterEach(() => db.close());

function seed(store: SqliteDatabase): SqliteSessionPersister {
  store.db
    .prepare(
      `INSERT INTO identities (id, schema_id, state, traits, created_at, updated_at)
       VALUES ('i1', 'default', 'active', '{"email":"a@example.com"}', ?, ?)`,
    )
    .run(at, at);
  const persister = new SqliteSessionPersister(store);
  persister.createSession({
    tokenHash: 'hash-1',
    session: {
      id: 's1',
      identity_id: 'i1',
      active: true,
      expires_at: '2999-01-01T00:00:00.000Z',
      authenticated_at: at,
      authenticator_assurance_level: 'aal1',
      authentication_methods: [{ method: 'password', aal: 'aal1', completed_at: at }],
      issued_at: at,
      devices: [],
      created_at: at,
      updated_at: at,
    },
  });
  return persister;
}

describe('session lookup cache', () => {
  it('case=a write on this connection is seen by the next lookup', () => {
    db = openDatabase('memory');
    const persister = seed(db);
    expect(persister.findByTokenHash('hash-1')?.session.active).toBe(true);
    persister.revokeByTokenHash('hash-1');
    expect(persister.findByTokenHash('hash-1')?.session.active).toBe(false);
    db.db.prepare(`UPDATE identities SET traits = '{"email":"b@example.com"}'`).run();
    expect(persister.findByTokenHash('hash-1')?.identity.traits).toEqual({ email: 'b@example.com' });
    db.db.prepare('DELETE FROM sessions').run();
    expect(persister.findByTokenHash('hash-1')).toBeUndefined();
  });

  it('case=a commit from another connection to the same file is seen from the next turn', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gatehouse-session-cache-')), 'db.sqlite');
    db = openDatabase(`sqlite://${file}`);
    const persister = seed(db);
    expect(persister.findByTokenHash('hash-1')?.session.active).toBe(true);
    const other = new Database(file);
    other.prepare('UPDATE sessions SET active = 0').run();
    other.close();
    await new Promise((resolve) => setImmediate(resolve));
    expect(persister.findByTokenHash('hash-1')?.session.active).toBe(false);
  });

  it('case=callers get their own copy of the top-level objects', () => {
    db = openDatabase('memory');
    const persister = seed(db);
    const first = persister.findByTokenHash('hash-1');
    if (!first) throw new Error('not found');
    first.session.active = false;
    first.identity.state = 'inactive';
    const second = persister.findByTokenHash('hash-1');
    expect(second?.session.active).toBe(true);
    expect(second?.identity.state).toBe('active');
  });
});
