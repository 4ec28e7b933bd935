// Every bad input to the admin identity API gets Kratos's 4xx (never a 5xx or a stack trace) and leaves
// the stored identities exactly as they were.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectValidResponse } from '../helpers/openapi';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
let existing: { id: string; email: string };
let snapshot: string;

const state = (): string =>
  JSON.stringify(server.registry.identityPersister.listIdentities({ limit: 10_000, withCredentials: true }));

beforeAll(async () => {
  server = await createTestServer();
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: {
      schema_id: 'default',
      traits: { email: 'admin@example.com' },
      external_id: 'ext-1',
      credentials: { password: { config: { password: 'correct horse battery' } } },
    },
  });
  existing = { id: data.id, email: 'admin@example.com' };
  await server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'phone', traits: { username: 'Taken' } },
  });
});
afterAll(() => server.close());
beforeEach(() => {
  snapshot = state();
});

interface Case {
  name: string;
  method: string;
  path: string | (() => string);
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  reason?: RegExp;
  message?: RegExp;
}

const create = (traits: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  schema_id: 'default',
  traits,
  ...extra,
});

const cases: Case[] = [
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/admin/identities',
    raw: '{"schema_id": "default",',
    status: 400,
  },
  { name: 'empty body', method: 'POST', path: '/admin/identities', raw: '', status: 400 },
  {
    name: 'array body',
    method: 'POST',
    path: '/admin/identities',
    body: [1, 2],
    status: 400,
    message: /cannot unmarshal array/,
  },
  {
    name: 'wrong type for schema_id',
    method: 'POST',
    path: '/admin/identities',
    body: { schema_id: 1, traits: {} },
    status: 400,
    message: /cannot unmarshal number into Go struct field CreateIdentityBody.schema_id of type string/,
  },
  {
    name: 'unknown top-level field',
    method: 'POST',
    path: '/admin/identities',
    body: { schema_url: 'x', traits: {} },
    status: 400,
    message: /unknown field "schema_url"/,
  },
  {
    name: '__proto__ top-level key',
    method: 'POST',
    path: '/admin/identities',
    raw: '{"schema_id":"default","traits":{"email":"p@example.com"},"__proto__":{"polluted":true}}',
    status: 400,
    message: /unknown field "__proto__"/,
  },
  {
    name: '__proto__ inside traits',
    method: 'POST',
    path: '/admin/identities',
    raw: '{"schema_id":"default","traits":{"email":"p@example.com","__proto__":{"polluted":true}}}',
    status: 400,
    reason: /additionalProperties "__proto__" not allowed/,
  },
  {
    name: 'unknown schema',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'x@example.com' }, { schema_id: 'nope' }),
    status: 400,
    reason: /nope/,
  },
  {
    name: 'missing required trait',
    method: 'POST',
    path: '/admin/identities',
    body: create({}),
    status: 400,
    reason: /I\[#\/traits\] S\[#\/properties\/traits\/required\] missing properties: "email"/,
  },
  {
    name: 'trait of the wrong type',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'x@example.com', age: 'old' }),
    status: 400,
    reason:
      /I\[#\/traits\/age\] S\[#\/properties\/traits\/properties\/age\/type\] expected integer, but got string/,
  },
  {
    name: 'invalid email format',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'not-an-email' }),
    status: 400,
    reason: /is not valid "email"/,
  },
  {
    name: 'traits not an object',
    method: 'POST',
    path: '/admin/identities',
    body: create('a string'),
    status: 400,
    reason: /expected object, but got string/,
  },
  {
    name: 'invalid state',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'y@example.com' }, { state: 'deleted' }),
    status: 400,
    reason: /identity state is not valid/,
  },
  {
    name: 'unknown hash format',
    method: 'POST',
    path: '/admin/identities',
    body: create(
      { email: 'h@example.com' },
      { credentials: { password: { config: { hashed_password: 'plaintext!' } } } },
    ),
    status: 400,
    reason: /does not match any known hash format/,
  },
  {
    name: 'hash parameters out of bounds',
    method: 'POST',
    path: '/admin/identities',
    body: create(
      { email: 'h2@example.com' },
      {
        credentials: {
          password: {
            config: {
              hashed_password:
                '$argon2id$v=19$m=4194304,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g',
            },
          },
        },
      },
    ),
    status: 400,
    reason: /exceed the bounds/,
  },
  {
    name: 'bcrypt password over 72 bytes',
    method: 'POST',
    path: '/admin/identities',
    body: create(
      { email: 'long@example.com' },
      { credentials: { password: { config: { password: 'x'.repeat(73) } } } },
    ),
    status: 400,
  },
  // Strict normalisation (code identifier, verification address) refuses zero-width runes outright.
  {
    name: 'zero-width rune in an email address',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'ad\u200Bmin@example.com' }),
    status: 400,
    reason: /can not be normalized/,
  },
  {
    name: 'zero-width rune in a username collides',
    method: 'POST',
    path: '/admin/identities',
    body: { schema_id: 'phone', traits: { username: 'ta\u200Bken' } },
    status: 409,
  },
  ...['ADMIN@EXAMPLE.COM', ' admin@example.com ', 'ａｄｍｉｎ@example.com'].map((email) => ({
    name: `duplicate identifier ${JSON.stringify(email)}`,
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: email.trim() === email ? email : 'admin@example.com' }),
    status: 409,
    reason: /This identity conflicts with another identity that already exists\./,
  })),
  {
    name: 'duplicate external id',
    method: 'POST',
    path: '/admin/identities',
    body: create({ email: 'other@example.com' }, { external_id: 'ext-1' }),
    status: 409,
  },
  {
    name: 'oversized body',
    method: 'POST',
    path: '/admin/identities',
    raw: `{"schema_id":"default","traits":{"email":"big@example.com","pad":"${'x'.repeat(6 * 1024 * 1024)}"}}`,
    status: 413,
  },

  {
    name: 'PUT unknown id',
    method: 'PUT',
    path: '/admin/identities/00000000-0000-4000-8000-000000000000',
    body: create({ email: 'u@example.com' }),
    status: 404,
  },
  {
    name: 'PUT invalid traits',
    method: 'PUT',
    path: () => `/admin/identities/${existing.id}`,
    body: create({ email: 1 }),
    status: 400,
    reason: /expected string, but got number/,
  },
  {
    name: 'PUT malformed JSON',
    method: 'PUT',
    path: () => `/admin/identities/${existing.id}`,
    raw: '{',
    status: 400,
  },

  {
    name: 'patch /id',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'replace', path: '/id', value: 'x' }],
    status: 400,
    reason: /failed to apply JSON patch/,
    message: /denied path: \/id/,
  },
  {
    name: 'patch /credentials',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'remove', path: '/credentials' }],
    status: 400,
    reason: /failed to apply JSON patch/,
  },
  {
    name: 'patch /credentials/oidc/**',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'add', path: '/credentials/oidc/config/providers', value: [] }],
    status: 400,
  },
  {
    name: 'patch invalid state',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'replace', path: '/state', value: 'gone' }],
    status: 400,
    reason: /The supplied state \('gone'\) was not valid/,
  },
  {
    name: 'patch move op',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'move', from: '/traits', path: '/x' }],
    status: 400,
    message: /unsupported operation: move/,
  },
  {
    name: 'patch not an array',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: { op: 'replace' },
    status: 400,
  },
  {
    name: 'patch invalid traits',
    method: 'PATCH',
    path: () => `/admin/identities/${existing.id}`,
    body: [{ op: 'replace', path: '/traits/email', value: 42 }],
    status: 400,
  },
  {
    name: 'patch unknown id',
    method: 'PATCH',
    path: '/admin/identities/00000000-0000-4000-8000-000000000000',
    body: [],
    status: 404,
  },

  {
    name: 'batch over 1000',
    method: 'PATCH',
    path: '/admin/identities',
    body: {
      identities: Array.from({ length: 1001 }, () => ({ create: create({ email: 'b@example.com' }) })),
    },
    status: 400,
    reason: /at once is 1000/,
  },
  {
    name: 'batch over 200 plaintext passwords',
    method: 'PATCH',
    path: '/admin/identities',
    body: {
      identities: Array.from({ length: 201 }, (_, i) => ({
        create: create(
          { email: `p${i}@example.com` },
          { credentials: { password: { config: { password: 'correct horse battery' } } } },
        ),
      })),
    },
    status: 400,
    reason: /plaintext password is 200/,
  },
  {
    name: 'batch wrong types',
    method: 'PATCH',
    path: '/admin/identities',
    body: { identities: 'all' },
    status: 400,
  },

  {
    name: 'list tampered page token',
    method: 'GET',
    path: '/admin/identities?page_token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
    status: 400,
    reason: /do not craft your own page tokens/,
  },
  {
    name: 'list plain uuid page token',
    method: 'GET',
    path: '/admin/identities?page_token=00000000-0000-0000-0000-000000000000',
    status: 400,
  },
  {
    name: 'list non-numeric page size',
    method: 'GET',
    path: '/admin/identities?page_size=abc',
    status: 400,
    reason: /invalid syntax/,
  },
  {
    name: 'list invalid ids',
    method: 'GET',
    path: '/admin/identities?ids=nope',
    status: 400,
    reason: /Invalid UUID value `nope` for parameter `ids`/,
  },
  {
    name: 'list too many ids',
    method: 'GET',
    path: `/admin/identities?${Array.from({ length: 501 }, () => 'ids=00000000-0000-4000-8000-000000000000').join('&')}`,
    status: 400,
    reason: /must not exceed 500/,
  },
  {
    name: 'list combined filters',
    method: 'GET',
    path: '/admin/identities?credentials_identifier=a&preview_credentials_identifier_similar=b',
    status: 400,
    reason: /cannot combine multiple filters/,
  },
  {
    name: 'list legacy pagination past 1000',
    method: 'GET',
    path: '/admin/identities?page=11&per_page=100',
    status: 400,
    reason: /Please switch to using page_token/,
  },
  {
    name: 'list unknown include_credential',
    method: 'GET',
    path: '/admin/identities?include_credential=bogus',
    status: 400,
  },

  {
    name: 'get unknown id',
    method: 'GET',
    path: '/admin/identities/00000000-0000-4000-8000-000000000000',
    status: 404,
  },
  { name: 'get non-uuid id', method: 'GET', path: '/admin/identities/not-a-uuid', status: 404 },
  {
    name: 'get by unknown external id',
    method: 'GET',
    path: '/admin/identities/by/external/nobody',
    status: 404,
  },
  {
    name: 'delete unknown id',
    method: 'DELETE',
    path: '/admin/identities/00000000-0000-4000-8000-000000000000',
    status: 404,
  },
  {
    name: 'delete missing credential',
    method: 'DELETE',
    path: () => `/admin/identities/${existing.id}/credentials/oidc`,
    status: 404,
  },
  {
    name: 'delete last first factor',
    method: 'DELETE',
    path: () => `/admin/identities/${existing.id}/credentials/password`,
    status: 400,
    reason: /last first factor/,
  },
];

describe('bad input to the admin identity API', () => {
  it.each(cases.map((c) => [c.name, c] as const))('case=%s', async (_name, c) => {
    const path = typeof c.path === 'function' ? c.path() : c.path;
    const url = `${server.urls.admin.replace(/\/$/, '')}${path}`;
    const res = await fetch(url, {
      method: c.method,
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...c.headers },
      ...(c.raw !== undefined
        ? { body: c.raw }
        : c.body !== undefined
          ? { body: JSON.stringify(c.body) }
          : {}),
    });
    const text = await res.text();
    expect(res.status, text.slice(0, 500)).toBe(c.status);
    const body = JSON.parse(text) as { error: { code: number; reason?: string; message: string } };
    expect(body.error.code).toBe(c.status);
    expect(text).not.toMatch(/at .*\.ts:\d+/); // no stack traces
    if (c.reason) expect(body.error.reason).toMatch(c.reason);
    if (c.message) expect(body.error.message).toMatch(c.message);
    expectValidResponse(c.method, url, c.status, body);
    expect(state()).toBe(snapshot);
  });
});
