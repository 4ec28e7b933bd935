// The stored WebAuthn credential config, shaped like Kratos's identity.CredentialsWebAuthnConfig
// (identity/credentials_webauthn.go) so admin import/export and identity JSON look the same: Go marshals
// []byte as standard base64 with padding and times as RFC 3339 without fractions when they are zero.
import type { Credentials, Identity } from '../../../identity/model';

export interface StoredAuthenticator {
  aaguid: string;
  sign_count: number;
  clone_warning: boolean;
}

export interface StoredFlags {
  user_present: boolean;
  user_verified: boolean;
  backup_eligible: boolean;
  backup_state: boolean;
}

export interface StoredWebAuthnCredential {
  id: string;
  public_key: string;
  attestation_type: string;
  authenticator?: StoredAuthenticator;
  display_name: string;
  added_at: string;
  is_passwordless: boolean;
  flags?: StoredFlags;
  transport?: string[];
}

export interface WebAuthnConfig {
  credentials: StoredWebAuthnCredential[];
  user_handle: string | null;
}

/** Go's base64.StdEncoding of a byte slice (what encoding/json writes for []byte). */
export const toStdBase64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** Decodes the base64 Go wrote (standard alphabet); base64url is accepted too for hand-written imports. */
export function fromAnyBase64(value: unknown): Buffer {
  if (typeof value !== 'string') return Buffer.alloc(0);
  return Buffer.from(value.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
}

export const toBase64Url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');

/** The credential id as the settings forms show it: lower-case hex of the raw id (fmt "%x"). */
export const hexId = (c: StoredWebAuthnCredential): string => fromAnyBase64(c.id).toString('hex');

/** time.Now().UTC().Round(time.Second) as encoding/json writes it. */
export function goSecondTimestamp(now: Date): string {
  return new Date(Math.round(now.getTime() / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function readFlags(v: unknown): StoredFlags | undefined {
  if (!isObject(v)) return undefined;
  return {
    user_present: v.user_present === true,
    user_verified: v.user_verified === true,
    backup_eligible: v.backup_eligible === true,
    backup_state: v.backup_state === true,
  };
}

function readCredential(v: unknown): StoredWebAuthnCredential | undefined {
  if (!isObject(v) || typeof v.id !== 'string' || v.id === '') return undefined;
  const a = isObject(v.authenticator) ? v.authenticator : undefined;
  const flags = readFlags(v.flags);
  const transport = Array.isArray(v.transport)
    ? v.transport.filter((t): t is string => typeof t === 'string')
    : [];
  return {
    id: v.id,
    public_key: typeof v.public_key === 'string' ? v.public_key : '',
    attestation_type: typeof v.attestation_type === 'string' ? v.attestation_type : '',
    ...(a
      ? {
          authenticator: {
            aaguid: typeof a.aaguid === 'string' ? a.aaguid : '',
            sign_count: typeof a.sign_count === 'number' ? a.sign_count : 0,
            clone_warning: a.clone_warning === true,
          },
        }
      : {}),
    display_name: typeof v.display_name === 'string' ? v.display_name : '',
    added_at: typeof v.added_at === 'string' ? v.added_at : '0001-01-01T00:00:00Z',
    is_passwordless: v.is_passwordless === true,
    ...(flags ? { flags } : {}),
    ...(transport.length > 0 ? { transport } : {}),
  };
}

/** The config of a webauthn/passkey credential; unreadable entries are skipped rather than fatal. */
export function readWebAuthnConfig(c: Credentials | undefined): WebAuthnConfig {
  const config = c?.config ?? {};
  const list = Array.isArray(config.credentials) ? config.credentials : [];
  return {
    credentials: list.map(readCredential).filter((x): x is StoredWebAuthnCredential => x !== undefined),
    user_handle: typeof config.user_handle === 'string' ? config.user_handle : null,
  };
}

/** The JSON stored as the credential's config (Go field order). */
export function writeWebAuthnConfig(config: WebAuthnConfig): Record<string, unknown> {
  return {
    credentials: config.credentials.map((c) => ({
      id: c.id,
      public_key: c.public_key,
      attestation_type: c.attestation_type,
      ...(c.authenticator ? { authenticator: c.authenticator } : {}),
      display_name: c.display_name,
      added_at: c.added_at,
      is_passwordless: c.is_passwordless,
      ...(c.flags ? { flags: c.flags } : {}),
      ...(c.transport && c.transport.length > 0 ? { transport: c.transport } : {}),
    })),
    user_handle: config.user_handle,
  };
}

/**
 * Credentials.UpdateFromLogin: the counter only ever advances, the clone warning is kept as the assertion
 * reported it and the backup state follows the authenticator. Returns whether anything changed.
 */
export function applyLoginToCredential(
  cred: StoredWebAuthnCredential,
  result: { signCount: number; cloneWarning: boolean; backupState: boolean },
): boolean {
  let changed = false;
  const a = (cred.authenticator ??= { aaguid: '', sign_count: 0, clone_warning: false });
  if (a.sign_count < result.signCount) {
    a.sign_count = result.signCount;
    changed = true;
  }
  if (a.clone_warning !== result.cloneWarning) {
    a.clone_warning = result.cloneWarning;
    changed = true;
  }
  if (cred.flags && cred.flags.backup_state !== result.backupState) {
    cred.flags.backup_state = result.backupState;
    changed = true;
  }
  return changed;
}

/** Stores a config on the identity, creating the credential when missing (UpsertCredentialsConfig, v1). */
export function upsertWebAuthnCredentials(
  identity: Identity,
  type: 'webauthn' | 'passkey',
  config: WebAuthnConfig,
  now: string,
  extraIdentifier?: string,
): void {
  const current = identity.credentials[type];
  const identifiers = [...(current?.identifiers ?? [])];
  if (extraIdentifier && !identifiers.includes(extraIdentifier)) identifiers.push(extraIdentifier);
  identity.credentials[type] = {
    type,
    identifiers,
    config: writeWebAuthnConfig(config),
    version: 1,
    created_at: current?.created_at ?? now,
    updated_at: now,
  };
}
