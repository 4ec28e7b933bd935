import type { Migration } from './migration';

export const sessions: Migration = {
  version: 20261121000300,
  name: 'sessions',
  up: /* sql */ `
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY NOT NULL,
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      token_hash TEXT NOT NULL,
      active INTEGER NOT NULL,
      aal TEXT NOT NULL,
      authentication_methods TEXT NOT NULL,
      authenticated_at TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX sessions_token_hash_uq ON sessions (token_hash);
    CREATE INDEX sessions_identity_idx ON sessions (identity_id, created_at);

    CREATE TABLE session_devices (
      id TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      identity_id TEXT NOT NULL,
      ip_address TEXT,
      user_agent TEXT,
      location TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX session_devices_session_idx ON session_devices (session_id);
  `,
};
