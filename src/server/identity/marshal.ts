// The JSON variants Kratos emits for an identity (identity/identity.go MarshalJSON and friends): public
// (no credentials, no metadata_admin), admin metadata only, and admin with credentials whose config is
// stripped unless declassified with `include_credential`.
import type { Credentials, CredentialsType, Identity } from './model';

export type IdentityView =
  | { kind: 'public' }
  | { kind: 'admin-metadata' }
  | { kind: 'admin'; declassify?: readonly CredentialsType[] };

export type IdentityJson = Record<string, unknown>;

export function marshalIdentity(i: Identity, schemaUrl: string, view: IdentityView): IdentityJson {
  const out: IdentityJson = { id: i.id };
  if (view.kind === 'admin') out.credentials = marshalCredentials(i, view.declassify ?? []);
  out.schema_id = i.schema_id;
  out.schema_url = schemaUrl;
  out.state = i.state;
  if (i.state_changed_at) out.state_changed_at = i.state_changed_at;
  out.traits = i.traits ?? null;
  if (i.verifiable_addresses.length > 0)
    out.verifiable_addresses = i.verifiable_addresses.map(marshalVerifiable);
  if (i.recovery_addresses.length > 0) out.recovery_addresses = i.recovery_addresses;
  out.metadata_public = i.metadata_public ?? null;
  if (view.kind !== 'public' && i.metadata_admin !== null && i.metadata_admin !== undefined) {
    out.metadata_admin = i.metadata_admin;
  }
  out.created_at = i.created_at;
  out.updated_at = i.updated_at;
  out.organization_id = i.organization_id ?? null;
  if (i.external_id) out.external_id = i.external_id;
  return out;
}

function marshalVerifiable(a: Identity['verifiable_addresses'][number]): Record<string, unknown> {
  const { verified_at, ...rest } = a;
  return verified_at ? { ...rest, verified_at } : rest;
}

function marshalCredentials(i: Identity, declassify: readonly CredentialsType[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Go marshals maps with sorted keys.
  for (const type of Object.keys(i.credentials).sort() as CredentialsType[]) {
    const c = i.credentials[type] as Credentials;
    const json: Record<string, unknown> = { type: c.type, identifiers: c.identifiers };
    if (declassify.includes(type)) json.config = declassifiedConfig(c);
    json.version = c.version;
    json.created_at = c.created_at;
    json.updated_at = c.updated_at;
    out[type] = json;
  }
  return out;
}

/** OIDC/SAML configs are reduced to provider, subject and flags; other types publish their config. */
function declassifiedConfig(c: Credentials): Record<string, unknown> {
  if (c.type !== 'oidc' && c.type !== 'saml') return c.config;
  const providers = Array.isArray(c.config.providers)
    ? (c.config.providers as Record<string, unknown>[])
    : [];
  return {
    providers: providers.map((p) => ({
      ...(c.type === 'oidc'
        ? {
            initial_id_token: String(p.initial_id_token ?? ''),
            initial_access_token: String(p.initial_access_token ?? ''),
            initial_refresh_token: String(p.initial_refresh_token ?? ''),
          }
        : {}),
      subject: String(p.subject ?? ''),
      provider: String(p.provider ?? ''),
      ...(p.organization ? { organization: p.organization } : {}),
      ...(p.use_auto_link ? { use_auto_link: true } : {}),
    })),
  };
}
