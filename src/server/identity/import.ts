// Credentials import on create and update (identity/handler_import.go): plaintext or pre-hashed passwords,
// the password migration hook flag, OIDC/SAML links, TOTP, lookup secrets, WebAuthn and passkeys.
import { badRequest } from '../errors/errors';
import { HashParametersOutOfBoundsError, PasswordTooLongError, UnknownHashFormatError } from '../hash/errors';
import { validateImportedHash } from '../hash/comparator';
import type { Credentials, CredentialsType, Identity } from './model';

/** The hashing the import needs (declared here, implemented by the hash domain). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
}

export interface ImportCredentialsBody {
  password?: {
    config?: { password?: string; hashed_password?: string; use_password_migration_hook?: boolean };
  };
  oidc?: { config?: { providers?: ProviderLink[] } };
  saml?: { config?: { providers?: ProviderLink[] } };
  totp?: { config?: { totp_url?: string } };
  lookup_secret?: { config?: { codes?: { code: string; used_at?: string | null }[] } };
  webauthn?: { config?: WebAuthnImport };
  passkey?: { config?: WebAuthnImport };
}

interface ProviderLink {
  provider: string;
  subject: string;
  use_auto_link?: boolean;
  organization?: string | null;
}

interface WebAuthnImport {
  credentials?: { id: string; [key: string]: unknown }[];
  user_handle?: string;
}

export async function importCredentials(
  identity: Identity,
  body: ImportCredentialsBody | undefined,
  hasher: PasswordHasher,
  now: string,
): Promise<void> {
  if (!body) return;
  const set = (type: CredentialsType, config: Record<string, unknown>, identifiers: string[] = []): void => {
    const previous = identity.credentials[type];
    identity.credentials[type] = {
      type,
      identifiers: identifiers.length > 0 ? identifiers : (previous?.identifiers ?? []),
      config,
      version: previous?.version ?? 0,
      created_at: previous?.created_at ?? now,
      updated_at: now,
    };
  };

  if (body.password?.config)
    await importPassword(body.password.config, hasher, (config) => set('password', config));
  for (const type of ['oidc', 'saml'] as const) {
    const providers = body[type]?.config?.providers;
    if (!providers) continue;
    const existing = identity.credentials[type];
    const previous = (existing?.config.providers as ProviderLink[] | undefined) ?? [];
    const links = providers.map((p) => ({
      subject: p.subject,
      provider: p.provider,
      ...(type === 'oidc' && p.use_auto_link ? { use_auto_link: true } : {}),
      ...(p.organization ? { organization: p.organization } : {}),
    }));
    const identifiers = [
      ...(existing?.identifiers ?? []),
      ...providers.map((p) => `${p.provider}:${p.subject}`),
    ];
    set(type, { providers: [...previous, ...links] }, identifiers);
  }
  if (body.totp?.config) set('totp', { totp_url: body.totp.config.totp_url ?? '' });
  if (body.lookup_secret?.config) {
    const previous =
      (identity.credentials.lookup_secret?.config.recovery_codes as unknown[] | undefined) ?? [];
    set('lookup_secret', { recovery_codes: [...previous, ...(body.lookup_secret.config.codes ?? [])] });
  }
  for (const type of ['webauthn', 'passkey'] as const) {
    const imported = body[type]?.config;
    if (!imported) continue;
    importWebAuthn(identity, type, imported, (config, identifiers) => set(type, config, identifiers));
  }
}

async function importPassword(
  config: NonNullable<NonNullable<ImportCredentialsBody['password']>['config']>,
  hasher: PasswordHasher,
  set: (config: Record<string, unknown>) => void,
): Promise<void> {
  if (config.use_password_migration_hook) {
    set({ use_password_migration_hook: true });
    return;
  }
  let hashed = config.hashed_password ?? '';
  if (config.password) {
    try {
      hashed = await hasher.hash(config.password);
    } catch (err) {
      if (err instanceof PasswordTooLongError) throw badRequest(err.message);
      throw err;
    }
  }
  try {
    validateImportedHash(hashed);
  } catch (err) {
    if (err instanceof UnknownHashFormatError)
      throw badRequest('The imported password does not match any known hash format.');
    if (err instanceof HashParametersOutOfBoundsError) {
      throw badRequest(
        'The imported password hash declares cost parameters that exceed the bounds enforced by Ory. Re-hash the password with a more conservative configuration before importing.',
      );
    }
    throw badRequest('The imported password hash could not be parsed.');
  }
  set({ hashed_password: hashed });
}

function importWebAuthn(
  identity: Identity,
  type: 'webauthn' | 'passkey',
  imported: WebAuthnImport,
  set: (config: Record<string, unknown>, identifiers: string[]) => void,
): void {
  const existing: Credentials | undefined = identity.credentials[type];
  const original = (existing?.config.credentials as WebAuthnImport['credentials']) ?? [];
  const merged = [...original];
  for (const cred of imported.credentials ?? []) {
    const at = merged.findIndex((c) => c.id === cred.id);
    if (at >= 0) merged[at] = cred;
    else merged.push(cred);
  }
  const userHandle = imported.user_handle || (existing?.config.user_handle as string | undefined) || '';
  const identifiers = [...(existing?.identifiers ?? [])];
  if (type === 'passkey') {
    // user_handle is Go's []byte (base64 in JSON); the identifier is those bytes as a string, which is what
    // the passkey login looks the identity up by (identity/handler_import.go importPasskeyCredentials).
    const handle = imported.user_handle ? Buffer.from(imported.user_handle, 'base64').toString('utf8') : '';
    if (handle && !identifiers.includes(handle)) identifiers.push(handle);
    if (!userHandle) {
      throw badRequest(
        'Passkey credential import requires a non-empty user_handle. It must match the WebAuthn user handle stored on the authenticator.',
      );
    }
    if (merged.length === 0) {
      throw badRequest(
        'Passkey credential import requires at least one entry in credentials.passkey.config.credentials.',
      );
    }
  }
  set({ credentials: merged, user_handle: userHandle }, identifiers);
}
