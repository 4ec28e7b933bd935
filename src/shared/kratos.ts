// The Kratos admin API's JSON shapes the console reads and writes (kratos-api.md §d, §e; spec/api.json).
// Optional where Kratos omits empty fields.

export type IdentityState = 'active' | 'inactive';

export interface KratosErrorBody {
  error: {
    id?: string;
    code: number;
    status?: string;
    reason?: string;
    message: string;
    details?: Record<string, unknown>;
    request?: string;
  };
}

export interface IdentityCredentials {
  type: string;
  identifiers?: string[];
  config?: Record<string, unknown>;
  version?: number;
  created_at?: string;
  updated_at?: string;
}

export interface VerifiableAddress {
  id?: string;
  value: string;
  verified: boolean;
  via: string;
  status: string;
  verified_at?: string | null;
  created_at?: string;
  updated_at?: string;
}

export interface RecoveryAddress {
  id?: string;
  value: string;
  via: string;
  created_at?: string;
  updated_at?: string;
}

export interface Identity {
  id: string;
  schema_id: string;
  schema_url: string;
  state?: IdentityState;
  state_changed_at?: string;
  traits: unknown;
  metadata_public?: unknown;
  metadata_admin?: unknown;
  credentials?: Record<string, IdentityCredentials>;
  verifiable_addresses?: VerifiableAddress[];
  recovery_addresses?: RecoveryAddress[];
  external_id?: string;
  organization_id?: string | null;
  created_at?: string;
  updated_at?: string;
}

export interface CreateIdentityBody {
  schema_id: string;
  traits: unknown;
  state?: IdentityState;
  metadata_public?: unknown;
  metadata_admin?: unknown;
  external_id?: string;
  organization_id?: string;
  verifiable_addresses?: VerifiableAddress[];
  recovery_addresses?: RecoveryAddress[];
  credentials?: {
    password?: {
      config: { password?: string; hashed_password?: string; use_password_migration_hook?: boolean };
    };
    oidc?: {
      config: {
        providers: { provider: string; subject: string; use_auto_link?: boolean; organization?: string }[];
      };
    };
    [type: string]: unknown;
  };
}

export interface UpdateIdentityBody {
  schema_id: string;
  traits: unknown;
  state: IdentityState;
  metadata_public?: unknown;
  metadata_admin?: unknown;
  external_id?: string;
}

export interface JsonPatchOperation {
  op: 'add' | 'remove' | 'replace' | 'move' | 'copy' | 'test';
  path: string;
  value?: unknown;
  from?: string;
}

export interface BatchPatchIdentitiesBody {
  identities: { create: CreateIdentityBody; patch_id?: string }[];
}

export interface BatchPatchIdentitiesResponse {
  identities: {
    action: 'create' | 'error' | string;
    identity?: string;
    patch_id?: string;
    error?: KratosErrorBody['error'] | Record<string, unknown>;
  }[];
}

export interface AuthenticationMethod {
  method: string;
  aal?: string;
  completed_at?: string;
  provider?: string;
  organization?: string;
}

export interface SessionDevice {
  id: string;
  ip_address?: string;
  user_agent?: string;
  location?: string;
}

export interface Session {
  id: string;
  active?: boolean;
  expires_at?: string;
  authenticated_at?: string;
  issued_at?: string;
  authenticator_assurance_level?: string;
  authentication_methods?: AuthenticationMethod[];
  identity?: Identity | null;
  devices?: SessionDevice[];
}

export interface RecoveryLinkForIdentity {
  recovery_link: string;
  expires_at?: string;
}

export interface RecoveryCodeForIdentity {
  recovery_link: string;
  recovery_code: string;
  expires_at?: string;
}

export interface KratosVersion {
  version: string;
}
