import type { Migration } from './migration';

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
    ) STRICT;
    CREATE UNIQUE INDEX identities_external_id_uq ON identities (external_id) WHERE external_id IS NOT NULL;
    CREATE INDEX identities_schema_state_idx ON identities (schema_id, state);

    CREATE TABLE identity_credentials (
      id TEXT PRIMARY KEY NOT NULL,
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      type TEXT NOT NULL,
      config TEXT NOT NULL,
      version INTEGER NOT NULL DEFAULT 0,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX identity_credentials_identity_type_uq ON identity_credentials (identity_id, type);

    CREATE TABLE identity_credential_identifiers (
      id TEXT PRIMARY KEY NOT NULL,
      identity_credential_id TEXT NOT NULL REFERENCES identity_credentials (id) ON DELETE CASCADE,
      identity_id TEXT NOT NULL,
      type TEXT NOT NULL,
      identifier TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX identity_credential_identifiers_type_identifier_uq
      ON identity_credential_identifiers (type, identifier);
    CREATE INDEX identity_credential_identifiers_identifier_idx ON identity_credential_identifiers (identifier);
    CREATE INDEX identity_credential_identifiers_identity_idx ON identity_credential_identifiers (identity_id);

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
    ) STRICT;
    CREATE UNIQUE INDEX identity_verifiable_addresses_via_value_uq ON identity_verifiable_addresses (via, value);
    CREATE INDEX identity_verifiable_addresses_identity_idx ON identity_verifiable_addresses (identity_id);

    CREATE TABLE identity_recovery_addresses (
      id TEXT PRIMARY KEY NOT NULL,
      identity_id TEXT NOT NULL REFERENCES identities (id) ON DELETE CASCADE,
      via TEXT NOT NULL,
      value TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX identity_recovery_addresses_via_value_uq ON identity_recovery_addresses (via, value);
    CREATE INDEX identity_recovery_addresses_identity_idx ON identity_recovery_addresses (identity_id);
  `,
};
