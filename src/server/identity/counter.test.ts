// Available-AAL counters for WebAuthn and passkeys, as Kratos counts them (webauthn/strategy.go
// countCredentials, passkey/passkey_strategy.go).
import { describe, expect, it } from 'vitest';
import { availableAal, countFirstFactor, countMultiFactor, defaultCounters } from './counter';
import type { Credentials, CredentialsType } from './model';

const now = '2024-01-01T00:00:00Z';
const cred = (
  type: CredentialsType,
  identifiers: string[],
  keys: { is_passwordless: boolean }[],
): Credentials => ({
  type,
  identifiers,
  config: { credentials: keys, user_handle: 'AAAA' },
  version: 1,
  created_at: now,
  updated_at: now,
});
type Creds = Partial<Record<CredentialsType, Credentials>>;

describe('webauthn and passkey counters', () => {
  it.each<[string, Creds, number, number, string]>([
    [
      'case=webauthn MFA keys are second factors',
      { webauthn: cred('webauthn', ['a@b.c'], [{ is_passwordless: false }, { is_passwordless: false }]) },
      0,
      2,
      'aal2',
    ],
    [
      'case=passwordless keys are first factors',
      { webauthn: cred('webauthn', ['a@b.c'], [{ is_passwordless: true }]) },
      1,
      0,
      'aal1',
    ],
    [
      'case=passwordless keys without an identifier do not count',
      { webauthn: cred('webauthn', [], [{ is_passwordless: true }]) },
      0,
      0,
      'aal0',
    ],
    [
      'case=every passkey is a first factor',
      { passkey: cred('passkey', ['handle'], [{ is_passwordless: true }, { is_passwordless: true }]) },
      2,
      0,
      'aal1',
    ],
    [
      'case=passkeys without a user handle identifier do not count',
      { passkey: cred('passkey', [''], [{ is_passwordless: true }]) },
      0,
      0,
      'aal0',
    ],
    [
      'case=an empty config counts nothing',
      { webauthn: { ...cred('webauthn', ['a@b.c'], []), config: {} } },
      0,
      0,
      'aal0',
    ],
  ])('%s', (_name, credentials, first, multi, aal) => {
    expect(countFirstFactor(defaultCounters, credentials)).toBe(first);
    expect(countMultiFactor(defaultCounters, credentials)).toBe(multi);
    expect(availableAal(defaultCounters, credentials)).toBe(aal);
  });
});
