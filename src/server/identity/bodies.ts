// The admin identity API's request bodies, described as Kratos's Go structs (identity/handler.go).
import type { FieldSpec } from '../http/decode';
import type { ImportCredentialsBody } from './import';

const provider: FieldSpec = {
  struct: 'AdminIdentityImportCredentialsOIDCProvider',
  fields: { provider: 'string', subject: 'string', use_auto_link: 'bool', organization: 'uuid' },
};
const webauthn: FieldSpec = {
  struct: 'AdminIdentityImportCredentialsWebAuthn',
  fields: {
    config: {
      struct: 'AdminIdentityImportCredentialsWebAuthnConfig',
      fields: { credentials: 'raw', user_handle: 'raw' },
    },
  },
};

const credentials: FieldSpec = {
  struct: 'IdentityWithCredentials',
  fields: {
    password: {
      struct: 'AdminIdentityImportCredentialsPassword',
      fields: {
        config: {
          struct: 'AdminIdentityImportCredentialsPasswordConfig',
          fields: { hashed_password: 'string', password: 'string', use_password_migration_hook: 'bool' },
        },
      },
    },
    oidc: {
      struct: 'AdminIdentityImportCredentialsOIDC',
      fields: {
        config: {
          struct: 'AdminIdentityImportCredentialsOIDCConfig',
          fields: { providers: { array: provider } },
        },
      },
    },
    saml: {
      struct: 'AdminIdentityImportCredentialsSAML',
      fields: {
        config: {
          struct: 'AdminIdentityImportCredentialsSAMLConfig',
          fields: { providers: { array: provider } },
        },
      },
    },
    totp: {
      struct: 'AdminIdentityImportCredentialsTOTP',
      fields: {
        config: { struct: 'AdminIdentityImportCredentialsTOTPConfig', fields: { totp_url: 'string' } },
      },
    },
    lookup_secret: {
      struct: 'AdminIdentityImportCredentialsLookupSecret',
      fields: {
        config: {
          struct: 'AdminIdentityImportCredentialsLookupSecretConfig',
          fields: {
            codes: { array: { struct: 'RecoveryCode', fields: { code: 'string', used_at: 'string' } } },
          },
        },
      },
    },
    webauthn,
    passkey: webauthn,
  },
};

const verifiableAddress: FieldSpec = {
  struct: 'VerifiableAddress',
  fields: {
    id: 'uuid',
    value: 'string',
    verified: 'bool',
    via: 'string',
    status: 'string',
    verified_at: 'string',
    created_at: 'string',
    updated_at: 'string',
  },
};
const recoveryAddress: FieldSpec = {
  struct: 'RecoveryAddress',
  fields: { id: 'uuid', value: 'string', via: 'string', created_at: 'string', updated_at: 'string' },
};

export const createIdentityBodySpec: FieldSpec = {
  struct: 'CreateIdentityBody',
  fields: {
    schema_id: 'string',
    traits: 'raw',
    credentials,
    verifiable_addresses: { array: verifiableAddress },
    recovery_addresses: { array: recoveryAddress },
    metadata_public: 'raw',
    metadata_admin: 'raw',
    state: 'string',
    organization_id: 'uuid',
    external_id: 'string',
    region: 'string',
  },
};

export const updateIdentityBodySpec: FieldSpec = {
  struct: 'UpdateIdentityBody',
  fields: {
    schema_id: 'string',
    traits: 'raw',
    credentials,
    metadata_public: 'raw',
    metadata_admin: 'raw',
    state: 'string',
    external_id: 'string',
    region: 'string',
  },
};

export const batchPatchBodySpec: FieldSpec = {
  struct: 'BatchPatchIdentitiesBody',
  fields: {
    identities: {
      array: { struct: 'BatchIdentityPatch', fields: { create: createIdentityBodySpec, patch_id: 'uuid' } },
    },
  },
};

export const jsonPatchSpec: FieldSpec = {
  array: { struct: 'PatchOperation', fields: { op: 'string', path: 'string', from: 'string', value: 'raw' } },
};

export interface CreateIdentityBody {
  schema_id?: string;
  traits?: unknown;
  credentials?: ImportCredentialsBody | null;
  verifiable_addresses?: {
    id?: string;
    value?: string;
    verified?: boolean;
    via?: string;
    status?: string;
    verified_at?: string | null;
    created_at?: string;
    updated_at?: string;
  }[];
  recovery_addresses?: {
    id?: string;
    value?: string;
    via?: string;
    created_at?: string;
    updated_at?: string;
  }[];
  metadata_public?: unknown;
  metadata_admin?: unknown;
  state?: string;
  organization_id?: string | null;
  external_id?: string;
}

export interface UpdateIdentityBody {
  schema_id?: string;
  traits?: unknown;
  credentials?: ImportCredentialsBody | null;
  metadata_public?: unknown;
  metadata_admin?: unknown;
  state?: string;
  external_id?: string;
}

export interface BatchPatchBody {
  identities?: { create?: CreateIdentityBody | null; patch_id?: string | null }[] | null;
}

export interface JsonPatchOperation {
  op?: string;
  path?: string;
  from?: string;
  value?: unknown;
}
