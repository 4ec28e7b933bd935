import type { Migration } from './migration';

// Self-service flows are stored as JSON documents keyed by id: they are short-lived, read and written
// whole, and their shape differs per flow.
export const selfservice: Migration = {
  version: 20261121000400,
  name: 'selfservice',
  up: /* sql */ `
    CREATE TABLE selfservice_flows (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      document TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX selfservice_flows_expires_idx ON selfservice_flows (expires_at);

    CREATE TABLE selfservice_errors (
      id TEXT PRIMARY KEY NOT NULL,
      error TEXT NOT NULL,
      csrf_token TEXT NOT NULL,
      seen_at TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
