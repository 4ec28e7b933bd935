import type { Migration } from './migration';

// Tables are WITHOUT ROWID and keyed by what they are looked up by, so an identity import writes as few
// B-trees as possible: credentials by (identity, type), identifiers by (type, identifier).
export const identities: Migration = {
  version: 20261121000001,
  name: 'identities',
  up: /* sql */ `
    CREATE TABLE identities (
      id TEXT PRIMARY KEY NOT NULL,
      schema_id TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('active', 'inactive')),
      state_changed_at TEXT,
      traits TEXT NOT NULL,
      metadata_public TEXT,
      metadata_admin TEXT,
      external_id TEXT,
      organization_id TEXT,
      available_aal TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX identities_external_id_uq ON identities (external_id) WHERE external_id IS NOT NULL;

    CREATE TABLE identity_credentials (
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      config TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (identity_id, type)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE identity_credential_identifiers (
      type TEXT NOT NULL,
      identifier TEXT NOT NULL,
      identity_id TEXT NOT NULL,
      position INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (type, identifier),
      FOREIGN KEY (identity_id, type) REFERENCES identity_credentials (identity_id, type) ON DELETE CASCADE
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX identity_credential_identifiers_identity_idx ON identity_credential_identifiers (identity_id, type);

    CREATE TABLE identity_verifiable_addresses (
      id TEXT PRIMARY KEY NOT NULL,
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      via TEXT NOT NULL,
      value TEXT NOT NULL,
      verified INTEGER NOT NULL DEFAULT 0,
      verified_at TEXT,
      status TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX identity_verifiable_addresses_via_value_uq ON identity_verifiable_addresses (via, value);
    CREATE INDEX identity_verifiable_addresses_identity_idx ON identity_verifiable_addresses (identity_id);

    CREATE TABLE identity_recovery_addresses (
      id TEXT PRIMARY KEY NOT NULL,
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      via TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
    CREATE UNIQUE INDEX identity_recovery_addresses_via_value_uq ON identity_recovery_addresses (via, value);
    CREATE INDEX identity_recovery_addresses_identity_idx ON identity_recovery_addresses (identity_id);
  `,
};
