// The admin identity API through @ory/client's IdentityApi: create (with every credential import form),
// get, get by external id, update, JSON Patch, delete, credential deletion, batch create.
import { randomUUID } from 'node:crypto';
import type { Identity } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../src/server/hash/comparator';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

const email = (name: string): string => `${name}-${randomUUID().slice(0, 8)}@example.com`;
const storedHash = (id: string): string =>
  String(
    server.registry.identityPersister.getIdentity(id)?.credentials.password?.config.hashed_password ?? '',
  );

describe('create identity', () => {
  it('case=minimal identity gets defaults, addresses and a password identifier', async () => {
    const address = email('Minimal');
    const { data, status, headers } = await server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: address.toUpperCase() } },
    });
    expect(status).toBe(201);
    expect(headers.location).toBe(`${server.urls.admin}admin/identities/${data.id}`);
    expect(data.state).toBe('active');
    expect(data.schema_url).toBe(`${server.urls.public}schemas/ZGVmYXVsdA`);
    // Traits are stored as sent; identifiers and addresses are normalised.
    expect(data.traits).toEqual({ email: address.toUpperCase() });
    expect(data.verifiable_addresses).toMatchObject([
      { value: address.toLowerCase(), verified: false, via: 'email', status: 'pending' },
    ]);
    expect(data.recovery_addresses).toMatchObject([{ value: address.toLowerCase(), via: 'email' }]);
    expect(data.credentials?.password).toMatchObject({
      type: 'password',
      identifiers: [address.toLowerCase()],
      version: 0,
    });
    expect(data.credentials?.password).not.toHaveProperty('config');
    expect(data.metadata_public).toBeNull();
  });

  it('case=plaintext password is hashed, never stored as sent', async () => {
    const { data } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email: email('plain') },
        credentials: { password: { config: { password: 'a very secret phrase' } } },
      },
    });
    const hash = storedHash(data.id);
    expect(hash).toMatch(/^\$2a\$04\$/);
    expect(await verifyPassword('a very secret phrase', hash)).toBe(true);
  });

  it.each([
    ['bcrypt', '$2a$05$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC'],
    [
      'argon2id',
      '$argon2id$v=19$m=64,t=2,p=2$Z2F0ZWhvdXNlLXNhbHQtMQ$3HObgqQ+thTmPdpKU94UAZZ3PIb3ESqLaDpU8Zk4vQU',
    ],
  ])('case=imported %s hash is kept verbatim and verifies', async (_name, hashed) => {
    const { data } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email: email('imported') },
        credentials: { password: { config: { hashed_password: hashed } } },
      },
    });
    expect(storedHash(data.id)).toBe(hashed);
    expect(await verifyPassword('correct horse', storedHash(data.id))).toBe(true);
  });

  it('case=pre-verified addresses, metadata, state and external id are imported', async () => {
    const address = email('verified');
    const { data } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email: address, name: { first: 'Ada' } },
        state: 'inactive',
        external_id: `ext-${address}`,
        metadata_public: { plan: 'pro' },
        metadata_admin: { note: 'vip' },
        verifiable_addresses: [
          { value: address.toUpperCase(), verified: true, via: 'email', status: 'completed' },
        ],
      },
    });
    expect(data.state).toBe('inactive');
    expect(data.verifiable_addresses).toMatchObject([
      { value: address, verified: true, status: 'completed' },
    ]);
    expect(data.metadata_admin).toEqual({ note: 'vip' });
    const byExternal = await server.sdk.identity.getIdentityByExternalID({ externalID: `ext-${address}` });
    expect(byExternal.data.id).toBe(data.id);
    expect(byExternal.data.metadata_public).toEqual({ plan: 'pro' });
  });

  it('case=OIDC, TOTP and lookup secret imports', async () => {
    const { data } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email: email('social') },
        credentials: {
          oidc: { config: { providers: [{ provider: 'github', subject: '12345' }] } },
          totp: {
            config: { totp_url: 'otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example' },
          },
          lookup_secret: { config: { codes: [{ code: 'abcd1234' }] } },
        },
      },
    });
    expect(data.credentials?.oidc?.identifiers).toEqual(['github:12345']);
    const full = await server.sdk.identity.getIdentity({ id: data.id, includeCredential: ['oidc', 'totp'] });
    expect(full.data.credentials?.oidc?.config).toMatchObject({
      providers: [{ provider: 'github', subject: '12345' }],
    });
    expect(full.data.credentials?.totp?.config).toEqual({ totp_url: expect.stringContaining('otpauth://') });
    expect(full.data.credentials?.lookup_secret).not.toHaveProperty('config');
  });

  it('case=phone numbers are normalised to E.164 identifiers and sms addresses', async () => {
    const { data } = await server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'phone', traits: { phone: '+49 1512 3456789', username: 'Ada' } },
    });
    expect(data.credentials?.password?.identifiers?.sort()).toEqual(['+4915123456789', 'ada']);
    expect(data.verifiable_addresses).toMatchObject([{ value: '+4915123456789', via: 'sms' }]);
  });
});

describe('read, update, patch, delete', () => {
  let identity: Identity;
  beforeAll(async () => {
    identity = (
      await server.sdk.identity.createIdentity({
        createIdentityBody: {
          schema_id: 'default',
          traits: { email: email('crud') },
          credentials: { password: { config: { password: 'first password 123' } } },
        },
      })
    ).data;
  });

  it('case=get with and without declassified credentials', async () => {
    const plain = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(plain.data.credentials?.password).not.toHaveProperty('config');
    const declassified = await server.sdk.identity.getIdentity({
      id: identity.id,
      includeCredential: ['password'],
    });
    expect(declassified.data.credentials?.password?.config).toHaveProperty('hashed_password');
  });

  it('case=PUT replaces traits and metadata wholesale and keeps the password', async () => {
    const next = email('updated');
    const { data } = await server.sdk.identity.updateIdentity({
      id: identity.id,
      updateIdentityBody: {
        schema_id: 'default',
        state: 'active',
        traits: { email: next },
        metadata_public: { a: 1 },
      },
    });
    expect(data.traits).toEqual({ email: next });
    expect(data.metadata_public).toEqual({ a: 1 });
    expect(data.credentials?.password?.identifiers).toEqual([next]);
    expect(await verifyPassword('first password 123', storedHash(identity.id))).toBe(true);
  });

  it('case=JSON Patch updates traits, state and metadata', async () => {
    const { data } = await server.sdk.identity.patchIdentity({
      id: identity.id,
      jsonPatch: [
        { op: 'replace', path: '/traits/name', value: { first: 'Grace' } },
        { op: 'replace', path: '/state', value: 'inactive' },
        { op: 'add', path: '/metadata_admin', value: { reviewed: true } },
      ],
    });
    expect(data.traits).toMatchObject({ name: { first: 'Grace' } });
    expect(data.state).toBe('inactive');
    expect(data.state_changed_at).toBeDefined();
    expect(data.metadata_admin).toEqual({ reviewed: true });
  });

  it('case=the last first factor cannot be deleted, a second factor can', async () => {
    const { status, data } = await expectFailure(
      server.sdk.identity.deleteIdentityCredentials({ id: identity.id, type: 'password' }),
    );
    expect(status).toBe(400);
    expect(data).toMatchObject({ error: { reason: 'You cannot remove the last first factor credential.' } });
    await server.sdk.identity.patchIdentity({
      id: identity.id,
      jsonPatch: [
        {
          op: 'add',
          path: '/credentials/totp',
          value: { type: 'totp', identifiers: [], config: { totp_url: 'otpauth://totp/x?secret=JBSWY3DP' } },
        },
      ],
    });
    await server.sdk.identity.deleteIdentityCredentials({ id: identity.id, type: 'totp' });
    const after = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(Object.keys(after.data.credentials ?? {})).not.toContain('totp');
    const missing = await expectFailure(
      server.sdk.identity.deleteIdentityCredentials({ id: identity.id, type: 'totp' }),
    );
    expect(missing.status).toBe(404);
  });

  it('case=delete removes the identity', async () => {
    const { status } = await server.sdk.identity.deleteIdentity({ id: identity.id });
    expect(status).toBe(204);
    const gone = await expectFailure(server.sdk.identity.getIdentity({ id: identity.id }));
    expect(gone).toEqual({
      status: 404,
      data: { error: { code: 404, status: 'Not Found', message: 'Unable to locate the resource' } },
    });
  });
});

describe('batch create', () => {
  it('case=creates valid identities and reports each failure in place', async () => {
    const taken = email('taken');
    await server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: taken } },
    });
    const patchIds = [
      '3a3c1f2e-1111-4e3b-9a7b-000000000001',
      '3a3c1f2e-1111-4e3b-9a7b-000000000002',
      '3a3c1f2e-1111-4e3b-9a7b-000000000003',
    ];
    const { data } = await server.sdk.identity.batchPatchIdentities({
      patchIdentitiesBody: {
        identities: [
          { patch_id: patchIds[0], create: { schema_id: 'default', traits: { email: email('batch') } } },
          { patch_id: patchIds[1], create: { schema_id: 'default', traits: { email: taken.toUpperCase() } } },
          { patch_id: patchIds[2], create: { schema_id: 'default', traits: { email: 'not-an-email' } } },
        ],
      },
    });
    expect(data.identities?.map((r) => [r.patch_id, r.action])).toEqual([
      [patchIds[0], 'create'],
      [patchIds[1], 'error'],
      [patchIds[2], 'error'],
    ]);
    expect(data.identities?.[0]?.identity).toMatch(/^[0-9a-f-]{36}$/);
    expect(data.identities?.[1]?.error).toMatchObject({ code: 409 });
    expect(data.identities?.[2]?.error).toMatchObject({ code: 400 });
  });
});
