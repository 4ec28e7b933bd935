// One SQLite database per server (ARCHITECTURE.md D5): better-sqlite3 with WAL, synchronous=FULL,
// foreign keys and a busy timeout. Kysely only builds SQL; statements run synchronously through cached
// prepared statements, so a transaction is one uninterrupted step of the event loop: one writer, no
// interleaving, atomic counters for free.
import Database, { type Database as Db, type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  type Compilable,
  DummyDriver,
  Kysely,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { Migration } from '../migrations/migration';
import { migrations as allMigrations } from '../migrations';
import { parseDsn } from './dsn';
import type { Tables } from './tables';

export type SqlParams = readonly unknown[];

export class SqliteDatabase {
  readonly query: Kysely<Tables>;
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Db) {
    this.query = new Kysely<Tables>({
      dialect: {
        createAdapter: () => new SqliteAdapter(),
        createDriver: () => new DummyDriver(),
        createIntrospector: (k) => new SqliteIntrospector(k),
        createQueryCompiler: () => new SqliteQueryCompiler(),
      },
    });
  }

  /** A prepared statement, cached by its SQL text. */
  prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all<R>(q: Compilable<R>): R[] {
    const c = q.compile();
    return this.prepare(c.sql).all(...(c.parameters as unknown[])) as R[];
  }

  first<R>(q: Compilable<R>): R | undefined {
    const c = q.compile();
    return this.prepare(c.sql).get(...(c.parameters as unknown[])) as R | undefined;
  }

  run(q: Compilable<unknown>): number {
    const c = q.compile();
    return this.prepare(c.sql).run(...(c.parameters as unknown[])).changes;
  }

  /** Runs fn atomically; nested calls join the outer transaction (better-sqlite3 savepoints). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }

  close(): void {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

export interface OpenOptions {
  migrations?: Migration[];
  /** better-sqlite3's nativeBinding, for an Electron-ABI build inside the desktop app. */
  nativeBinding?: string;
}

export function openDatabase(dsn: string, opts: OpenOptions = {}): SqliteDatabase {
  const target = parseDsn(dsn);
  if (!target.memory) mkdirSync(dirname(target.filename), { recursive: true });
  const db = new Database(target.filename, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  if (!target.memory) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A 64 MiB page cache keeps the UUID-keyed indexes of ~100k identities in memory.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  const database = new SqliteDatabase(db);
  migrate(database, opts.migrations ?? allMigrations);
  return database;
}

export function migrate(database: SqliteDatabase, list: Migration[]): number[] {
  const { db } = database;
  db.exec(`CREATE TABLE IF NOT EXISTS gatehouse_migrations (
    version INTEGER PRIMARY KEY NOT NULL, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const done = new Set(
    (db.prepare('SELECT version FROM gatehouse_migrations').all() as { version: number }[]).map(
      (r) => r.version,
    ),
  );
  const applied: number[] = [];
  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (done.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.up);
      db.prepare('INSERT INTO gatehouse_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}

/** True when err is SQLite's UNIQUE constraint failure (Kratos's sqlcon.ErrUniqueViolation). */
export function isUniqueViolation(err: unknown): boolean {
  return (
    err instanceof Error &&
    ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' ||
      (err as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
