import type { Migration } from './migration';

// One-time codes of the `code` method (login, registration, recovery, verification) and the recovery and
// verification tokens of the `link` method. Kratos keeps one table per kind; they share every column that
// matters, so Gatehouse keeps one table with a `kind`. Only an HMAC of each code is stored.
// `submit_count` on the flow counts code submissions (Kratos's flow.submit_count) for max_submissions.
export const codes: Migration = {
  version: 20261121000500,
  name: 'codes',
  up: /* sql */ `
    CREATE TABLE selfservice_codes (
      id TEXT PRIMARY KEY NOT NULL,
      kind TEXT NOT NULL,
      flow_id TEXT NOT NULL,
      code_hmac TEXT NOT NULL,
      identity_id TEXT REFERENCES identities (id) ON DELETE CASCADE,
      address TEXT,
      address_type TEXT,
      address_id TEXT,
      code_type INTEGER,
      used_at TEXT,
      expires_at TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX selfservice_codes_flow_idx ON selfservice_codes (flow_id, kind);
    CREATE INDEX selfservice_codes_hmac_idx ON selfservice_codes (code_hmac);
    CREATE INDEX selfservice_codes_expires_idx ON selfservice_codes (expires_at);

    ALTER TABLE selfservice_flows ADD COLUMN submit_count INTEGER NOT NULL DEFAULT 0;
  `,
};
