import { describe, expect, it } from 'vitest';
import type { Identity } from './model';
import { protectedFieldsChanged } from './privileged';

const at = '2026-11-21T00:00:00.000Z';
function identity(): Identity {
  return {
    id: 'i',
    schema_id: 'default',
    state: 'active',
    traits: { email: 'a@example.com', name: 'A' },
    metadata_public: null,
    metadata_admin: null,
    credentials: {
      password: {
        type: 'password',
        identifiers: ['a@example.com'],
        config: { hashed_password: '$2a$04$x' },
        version: 0,
        created_at: at,
        updated_at: at,
      },
    },
    verifiable_addresses: [
      {
        id: 'v',
        value: 'a@example.com',
        verified: false,
        via: 'email',
        status: 'sent',
        created_at: at,
        updated_at: at,
      },
    ],
    recovery_addresses: [{ id: 'r', value: 'a@example.com', via: 'email', created_at: at, updated_at: at }],
    created_at: at,
    updated_at: at,
  };
}

describe('protectedFieldsChanged', () => {
  it('case=a trait that feeds no credential or address is not protected', () => {
    const next = structuredClone(identity());
    next.traits = { email: 'a@example.com', name: 'B' };
    next.verifiable_addresses[0]!.updated_at = '2030-01-01T00:00:00.000Z';
    expect(protectedFieldsChanged(identity(), next)).toBe(false);
  });

  it('case=identifiers, password config, addresses and credential sets are protected', () => {
    const cases: ((i: Identity) => void)[] = [
      (i) => (i.credentials.password!.identifiers = ['b@example.com']),
      (i) => (i.credentials.password!.config = { hashed_password: '$2a$04$y' }),
      (i) => (i.verifiable_addresses[0]!.value = 'b@example.com'),
      (i) => (i.verifiable_addresses[0]!.verified = true),
      (i) => (i.recovery_addresses = []),
      (i) => delete i.credentials.password,
      (i) =>
        (i.credentials.totp = {
          type: 'totp',
          identifiers: ['i'],
          config: {},
          version: 0,
          created_at: at,
          updated_at: at,
        }),
    ];
    for (const change of cases) {
      const next = structuredClone(identity());
      change(next);
      expect(protectedFieldsChanged(identity(), next), change.toString()).toBe(true);
    }
  });

  it('case=recovery addresses compare as a set, verifiable addresses in order', () => {
    const base = identity();
    base.recovery_addresses.push({
      id: 'r2',
      value: 'z@example.com',
      via: 'email',
      created_at: at,
      updated_at: at,
    });
    const swapped = structuredClone(base);
    swapped.recovery_addresses.reverse();
    expect(protectedFieldsChanged(base, swapped)).toBe(false);
  });
});
