// Health, version and identity schema endpoints through @ory/client (MetadataApi, IdentityApi).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());

describe('metadata', () => {
  it('case=alive, ready and version on both APIs', async () => {
    for (const api of [server.sdk.metadata, server.sdk.adminMetadata]) {
      expect((await api.getVersion()).data.version).toMatch(/^v26\./);
    }
    // @ory/client has no health methods (they are Kratos-only): call them as Kratos's own SDK would.
    for (const base of [server.urls.public, server.urls.admin]) {
      for (const path of ['health/alive', 'health/ready']) {
        const { data } = await server.sdk.http.get(`${base}${path}`);
        expect(data).toEqual({ status: 'ok' });
      }
    }
  });

  it('case=unknown routes are Kratos-shaped 404s', async () => {
    const res = await fetch(`${server.urls.admin}does/not/exist`, {
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: {
        code: 404,
        message: 'Not Found',
        reason:
          'The requested route does not exist. Make sure you are using the right path, domain, and port.',
      },
    });
    const html = await fetch(`${server.urls.public}nope`);
    expect(html.status).toBe(404);
    expect(html.headers.get('content-type')).toContain('text/html');
  });

  it('case=admin routes on the public port redirect to the admin API', async () => {
    const res = await fetch(`${server.urls.public}admin/identities?page_size=5`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${server.urls.admin}admin/identities?page_size=5`);
  });

  it('case=the admin API adds /admin to paths that lack it', async () => {
    const res = await fetch(`${server.urls.admin}identities`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
  });
});

describe('identity schemas', () => {
  it('case=list returns every configured schema with its document', async () => {
    const { data, headers } = await server.sdk.identity.listIdentitySchemas();
    expect(data.map((s) => s.id)).toEqual(['default', 'phone']);
    expect((data[0]?.schema as { properties: object }).properties).toHaveProperty('traits');
    expect(headers['x-total-count']).toBe('2');
  });

  it('case=get by raw id and by base64url id', async () => {
    const raw = await server.sdk.identity.getIdentitySchema({ id: 'default' });
    const encoded = await server.sdk.identity.getIdentitySchema({
      id: Buffer.from('default').toString('base64url'),
    });
    expect(encoded.data).toEqual(raw.data);
    expect((raw.data as { $id: string }).$id).toBe('https://example.com/test.schema.json');
  });

  it('case=unknown schema is a 404', async () => {
    const { status, data } = await expectFailure(server.sdk.identity.getIdentitySchema({ id: 'nope' }));
    expect(status).toBe(404);
    expect(data).toMatchObject({
      error: { code: 404, reason: 'Identity schema `nope` could not be found.' },
    });
  });

  it('case=the admin API redirects schema requests to the public API', async () => {
    const res = await fetch(`${server.urls.admin}admin/schemas/default`, { redirect: 'manual' });
    expect(res.status).toBe(307);
    expect(res.headers.get('location')).toBe(`${server.urls.public}schemas/default`);
  });
});
