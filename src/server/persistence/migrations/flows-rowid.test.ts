import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../sqlite/database';
import { migrations } from './index';

describe('migration flows_rowid', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('case=keeps every stored flow, its submit count and the expiry index, as a rowid table', () => {
    dir = mkdtempSync(join(tmpdir(), 'gatehouse-migration-'));
    const before = migrations.filter((m) => m.version < 20261121000600);
    const db = openDatabase(`sqlite://${dir}/db.sqlite`, { migrations: before });
    const tableSql = (): string =>
      (
        db.db.prepare("SELECT sql FROM sqlite_master WHERE name = 'selfservice_flows'").get() as {
          sql: string;
        }
      ).sql;
    expect(tableSql()).toContain('WITHOUT ROWID');
    db.db
      .prepare(
        `INSERT INTO selfservice_flows (id, kind, document, expires_at, created_at, updated_at, submit_count)
         VALUES ('f1', 'login', '{"id":"f1"}', '2030-01-01', '2026-01-01', '2026-01-02', 3)`,
      )
      .run();

    expect(migrate(db, migrations)).toEqual([20261121000600]);

    expect(tableSql()).not.toContain('WITHOUT ROWID');
    expect(db.db.prepare('SELECT * FROM selfservice_flows').all()).toEqual([
      {
        id: 'f1',
        kind: 'login',
        document: '{"id":"f1"}',
        expires_at: '2030-01-01',
        created_at: '2026-01-01',
        updated_at: '2026-01-02',
        submit_count: 3,
      },
    ]);
    const plan = db.db
      .prepare("EXPLAIN QUERY PLAN DELETE FROM selfservice_flows WHERE expires_at < '2027'")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toContain('selfservice_flows_expires_idx');
    db.close();
  });
});
