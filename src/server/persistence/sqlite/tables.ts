// Row types of every table, for Kysely's query builder. JSON columns hold JSON text.

export interface IdentityRow {
  id: string;
  schema_id: string;
  state: string;
  state_changed_at: string | null;
  traits: string;
  metadata_public: string | null;
  metadata_admin: string | null;
  external_id: string | null;
  organization_id: string | null;
  available_aal: string | null;
  created_at: string;
  updated_at: string;
}

export interface CredentialRow {
  id: string;
  identity_id: string;
  type: string;
  config: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface CredentialIdentifierRow {
  id: string;
  identity_credential_id: string;
  identity_id: string;
  type: string;
  identifier: string;
  created_at: string;
  updated_at: string;
}

export interface VerifiableAddressRow {
  id: string;
  identity_id: string;
  via: string;
  value: string;
  verified: number;
  verified_at: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface RecoveryAddressRow {
  id: string;
  identity_id: string;
  via: string;
  value: string;
  created_at: string;
  updated_at: string;
}

export interface Tables {
  identities: IdentityRow;
  identity_credentials: CredentialRow;
  identity_credential_identifiers: CredentialIdentifierRow;
  identity_verifiable_addresses: VerifiableAddressRow;
  identity_recovery_addresses: RecoveryAddressRow;
}
