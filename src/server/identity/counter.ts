// How many usable first- and second-factor credentials an identity holds. Each strategy contributes one
// counter (identity.ActiveCredentialsCounter in Kratos); the default set covers the stored credential types.
import { type Credentials, type CredentialsType, isActiveCredential } from './model';

export interface CredentialsCounter {
  type: CredentialsType;
  countFirstFactor(credentials: Partial<Record<CredentialsType, Credentials>>): number;
  countMultiFactor(credentials: Partial<Record<CredentialsType, Credentials>>): number;
}

const simple = (type: CredentialsType, role: 'first' | 'multi'): CredentialsCounter => ({
  type,
  countFirstFactor: (c) => (role === 'first' && c[type] && isActiveCredential(c[type]) ? 1 : 0),
  countMultiFactor: (c) => (role === 'multi' && c[type] && isActiveCredential(c[type]) ? 1 : 0),
});

/** The keys in a webauthn/passkey credential's config (CredentialsWebAuthnConfig.credentials). */
function webAuthnKeys(c: Credentials | undefined): { is_passwordless?: unknown }[] {
  const list = c?.config.credentials;
  return Array.isArray(list) ? list.filter((k) => k !== null && typeof k === 'object') : [];
}

const hasIdentifier = (c: Credentials | undefined): boolean => (c?.identifiers ?? []).join('') !== '';

/**
 * webauthn (selfservice/strategy/webauthn/strategy.go countCredentials): passwordless keys are first factors
 * (only with an identifier to find the identity by), the others second factors.
 */
const webAuthnCounter: CredentialsCounter = {
  type: 'webauthn',
  countFirstFactor: (c) =>
    hasIdentifier(c.webauthn) ? webAuthnKeys(c.webauthn).filter((k) => k.is_passwordless === true).length : 0,
  countMultiFactor: (c) => webAuthnKeys(c.webauthn).filter((k) => k.is_passwordless !== true).length,
};

/** passkey (selfservice/strategy/passkey/passkey_strategy.go): every key, once the user handle is set. */
const passkeyCounter: CredentialsCounter = {
  type: 'passkey',
  countFirstFactor: (c) => (hasIdentifier(c.passkey) ? webAuthnKeys(c.passkey).length : 0),
  countMultiFactor: () => 0,
};

export const defaultCounters: CredentialsCounter[] = [
  simple('password', 'first'),
  simple('oidc', 'first'),
  simple('saml', 'first'),
  passkeyCounter,
  webAuthnCounter,
  simple('totp', 'multi'),
  simple('lookup_secret', 'multi'),
];

export function countFirstFactor(
  counters: CredentialsCounter[],
  c: Partial<Record<CredentialsType, Credentials>>,
): number {
  return counters.reduce((n, k) => n + k.countFirstFactor(c), 0);
}

export function countMultiFactor(
  counters: CredentialsCounter[],
  c: Partial<Record<CredentialsType, Credentials>>,
): number {
  return counters.reduce((n, k) => n + k.countMultiFactor(c), 0);
}

/** Kratos's SetAvailableAAL: aal2 with any second factor, aal1 with a first factor, else aal0. */
export function availableAal(
  counters: CredentialsCounter[],
  c: Partial<Record<CredentialsType, Credentials>>,
): string {
  if (countMultiFactor(counters, c) > 0) return 'aal2';
  if (countFirstFactor(counters, c) > 0) return 'aal1';
  return 'aal0';
}
