// Identities as Kratos models them (identity/identity.go, credentials.go, identity_verification.go,
// identity_recovery.go). Field names are the wire names, so marshalling is a matter of choosing fields.

export const CREDENTIAL_TYPES = [
  'password',
  'oidc',
  'totp',
  'lookup_secret',
  'webauthn',
  'code',
  'passkey',
  'profile',
  'saml',
  'deviceauthn',
  'identifier_first',
  'link_recovery',
  'code_recovery',
] as const;
export type CredentialsType = (typeof CREDENTIAL_TYPES)[number];

export function isCredentialsType(v: string): v is CredentialsType {
  return (CREDENTIAL_TYPES as readonly string[]).includes(v);
}

export type IdentityState = 'active' | 'inactive';
export type AddressVia = 'email' | 'sms' | string;
export type VerifiableAddressStatus = 'pending' | 'sent' | 'completed' | string;

export interface Credentials {
  type: CredentialsType;
  identifiers: string[];
  /** Type-specific JSON (e.g. `{hashed_password}` for password). */
  config: Record<string, unknown>;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface VerifiableAddress {
  id: string;
  value: string;
  verified: boolean;
  via: AddressVia;
  status: VerifiableAddressStatus;
  verified_at?: string | null;
  created_at: string;
  updated_at: string;
}

export interface RecoveryAddress {
  id: string;
  value: string;
  via: AddressVia;
  created_at: string;
  updated_at: string;
}

export interface Identity {
  id: string;
  schema_id: string;
  state: IdentityState;
  state_changed_at?: string | null;
  traits: unknown;
  metadata_public: unknown;
  metadata_admin: unknown;
  external_id?: string | null;
  organization_id?: string | null;
  /** Highest AAL the identity's credentials can reach (Kratos's available_aal); internal. */
  available_aal?: string | null;
  credentials: Partial<Record<CredentialsType, Credentials>>;
  verifiable_addresses: VerifiableAddress[];
  recovery_addresses: RecoveryAddress[];
  created_at: string;
  updated_at: string;
}

export const IDENTITY_STATES: readonly IdentityState[] = ['active', 'inactive'];

/** Credential types a user can sign in with as the first factor (identity/credentials.go). */
export const FIRST_FACTOR_TYPES: readonly CredentialsType[] = [
  'password',
  'oidc',
  'saml',
  'code',
  'passkey',
  'webauthn',
];

/** A credential counts once it holds a secret, not merely identifiers from the schema extension. */
export function isActiveCredential(c: Credentials): boolean {
  switch (c.type) {
    case 'password':
      return typeof c.config.hashed_password === 'string' && c.config.hashed_password !== '';
    case 'oidc':
    case 'saml':
      return Array.isArray(c.config.providers) && c.config.providers.length > 0 && c.identifiers.length > 0;
    case 'webauthn':
    case 'passkey':
      return Array.isArray(c.config.credentials) && c.config.credentials.length > 0;
    case 'totp':
      return typeof c.config.totp_url === 'string' && c.config.totp_url !== '';
    case 'lookup_secret':
      return Array.isArray(c.config.recovery_codes) && c.config.recovery_codes.length > 0;
    case 'code':
      return Array.isArray(c.config.addresses) && c.config.addresses.length > 0 && c.identifiers.length > 0;
    default:
      return false;
  }
}
