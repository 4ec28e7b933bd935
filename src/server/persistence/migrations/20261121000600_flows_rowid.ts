import type { Migration } from './migration';

// Flow documents are 1.5–4 KB. In a WITHOUT ROWID table a row that large no longer fits the index B-tree's
// local payload, so every insert and update also writes overflow pages; SQLite advises rowid tables for
// rows over about a twentieth of a page. Rebuilt as a rowid table with the same columns and index.
export const flowsRowid: Migration = {
  version: 20261121000600,
  name: 'flows_rowid',
  up: /* sql */ `
    CREATE TABLE selfservice_flows_rowid (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      document TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      submit_count INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    INSERT INTO selfservice_flows_rowid (id, kind, document, expires_at, created_at, updated_at, submit_count)
      SELECT id, kind, document, expires_at, created_at, updated_at, submit_count FROM selfservice_flows;
    DROP TABLE selfservice_flows;
    ALTER TABLE selfservice_flows_rowid RENAME TO selfservice_flows;
    CREATE INDEX selfservice_flows_expires_idx ON selfservice_flows (expires_at);
  `,
};
