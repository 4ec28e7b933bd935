import { beforeEach, describe, expect, it } from 'vitest';
import type { Identity } from '../../identity/model';
import { openDatabase, type SqliteDatabase } from './database';
import { SqliteAddressPersister } from './address';
import { SqliteIdentityPersister } from './identity';

const AT = '2026-01-01T00:00:00.000Z';
let db: SqliteDatabase;
let addresses: SqliteAddressPersister;

function identity(id: string, email: string, phone: string): Identity {
  return {
    id,
    schema_id: 'default',
    state: 'active',
    traits: { email, phone },
    metadata_public: null,
    metadata_admin: null,
    credentials: {},
    verifiable_addresses: [
      {
        id: `${id}-ve`,
        value: email,
        verified: false,
        via: 'email',
        status: 'pending',
        created_at: AT,
        updated_at: AT,
      },
      {
        id: `${id}-vs`,
        value: phone,
        verified: false,
        via: 'sms',
        status: 'pending',
        created_at: AT,
        updated_at: AT,
      },
    ],
    recovery_addresses: [{ id: `${id}-r`, value: email, via: 'email', created_at: AT, updated_at: AT }],
    created_at: AT,
    updated_at: AT,
  };
}

beforeEach(() => {
  db = openDatabase('memory');
  new SqliteIdentityPersister(db).createIdentity(
    identity('6b9a8f4e-0000-4000-8000-000000000001', 'ada@example.com', '+14155550100'),
  );
  addresses = new SqliteAddressPersister(db);
});

describe('address lookups', () => {
  it('case=values are found as typed or normalised, per channel', () => {
    expect(addresses.findRecoveryAddress('email', 'ada@example.com')?.identity_id).toBe(
      '6b9a8f4e-0000-4000-8000-000000000001',
    );
    expect(addresses.findRecoveryAddress('email', '  ADA@Example.com ')?.id).toBe(
      '6b9a8f4e-0000-4000-8000-000000000001-r',
    );
    expect(addresses.findRecoveryAddress('sms', 'ada@example.com')).toBeUndefined();
    expect(addresses.findVerifiableAddress('sms', '+1 415 555 0100')?.id).toBe(
      '6b9a8f4e-0000-4000-8000-000000000001-vs',
    );
    expect(addresses.findVerifiableAddress('email', 'eve@example.com')).toBeUndefined();
  });

  it('case=status, verified and verified_at are stored', () => {
    const found = addresses.findVerifiableAddress('email', 'ada@example.com');
    if (!found) throw new Error('not found');
    addresses.updateVerifiableAddress({
      ...found,
      verified: true,
      verified_at: '2026-02-02T00:00:00.000Z',
      status: 'completed',
      updated_at: '2026-02-02T00:00:00.000Z',
    });
    expect(addresses.getVerifiableAddress(found.id)).toMatchObject({
      verified: true,
      verified_at: '2026-02-02T00:00:00.000Z',
      status: 'completed',
    });
    expect(addresses.getVerifiableAddress('6b9a8f4e-0000-4000-8000-000000000001-vs')?.verified).toBe(false);
  });
});
