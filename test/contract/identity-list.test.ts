// Listing identities: keyset pagination over a few thousand identities returns each exactly once; the
// filters (credentials_identifier exact and similar, ids) and legacy page pagination behave like Kratos.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
const TOTAL = 2600;

beforeAll(async () => {
  server = await createTestServer();
  for (let start = 0; start < TOTAL; start += 1000) {
    const identities = Array.from({ length: Math.min(1000, TOTAL - start) }, (_, i) => ({
      create: { schema_id: 'default', traits: { email: `user${start + i}@list.example` } },
    }));
    const { data } = await server.sdk.identity.batchPatchIdentities({ patchIdentitiesBody: { identities } });
    expect(data.identities?.every((r) => r.action === 'create')).toBe(true);
  }
}, 60_000);
afterAll(() => server.close());

function nextToken(link: string | undefined): string | undefined {
  const next = link?.split(',').find((l) => l.includes('rel="next"'));
  return next
    ? (new URL(/<([^>]+)>/.exec(next)?.[1] ?? '').searchParams.get('page_token') ?? undefined)
    : undefined;
}

describe('keyset pagination', () => {
  it('case=walks every identity exactly once, in id order', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const res = await server.sdk.identity.listIdentities({
        pageSize: 500,
        ...(token ? { pageToken: token } : {}),
      });
      seen.push(...res.data.map((i) => i.id));
      token = nextToken(res.headers.link as string | undefined);
      pages++;
    } while (token);
    expect(pages).toBe(Math.ceil(TOTAL / 500));
    expect(seen).toHaveLength(TOTAL);
    expect(new Set(seen).size).toBe(TOTAL);
    expect([...seen].sort()).toEqual(seen);
  });

  it('case=default page size is 250, the maximum 500, and the first link restarts', async () => {
    const first = await server.sdk.identity.listIdentities();
    expect(first.data).toHaveLength(250);
    const big = await server.sdk.identity.listIdentities({ pageSize: 10_000 });
    expect(big.data).toHaveLength(500);
    const link = String(first.headers.link);
    expect(link).toMatch(/rel="first"/);
    expect(link).toMatch(/page_size=250/);
    const firstUrl = /<([^>]+)>; rel="first"/.exec(link)?.[1] as string;
    const again = await server.sdk.http.get(firstUrl);
    expect((again.data as { id: string }[])[0]?.id).toBe(first.data[0]?.id);
  });

  it('case=the last page has no next link', async () => {
    const all = await server.sdk.identity.listIdentities({ pageSize: 500 });
    let token = nextToken(all.headers.link as string);
    let last = all;
    while (token) {
      last = await server.sdk.identity.listIdentities({ pageSize: 500, pageToken: token });
      token = nextToken(last.headers.link as string);
    }
    expect(String(last.headers.link)).not.toMatch(/rel="next"/);
  });
});

describe('filters', () => {
  it('case=credentials_identifier matches normalised identifiers exactly', async () => {
    const res = await server.sdk.identity.listIdentities({ credentialsIdentifier: '  USER42@List.Example ' });
    expect(res.data.map((i) => i.traits)).toEqual([{ email: 'user42@list.example' }]);
    expect(res.data[0]?.credentials?.password?.identifiers).toEqual(['user42@list.example']);
  });

  it('case=preview_credentials_identifier_similar is a prefix match', async () => {
    const res = await server.sdk.identity.listIdentities({ previewCredentialsIdentifierSimilar: 'user123' });
    const emails = res.data.map((i) => (i.traits as { email: string }).email).sort();
    expect(emails).toEqual(
      ['user123@list.example', ...Array.from({ length: 10 }, (_, i) => `user123${i}@list.example`)].sort(),
    );
  });

  it('case=ids returns exactly those identities', async () => {
    const some = (await server.sdk.identity.listIdentities({ pageSize: 3 })).data.map((i) => i.id);
    const res = await server.sdk.identity.listIdentities({ ids: some });
    expect(res.data.map((i) => i.id).sort()).toEqual([...some].sort());
  });

  it('case=legacy page pagination counts with X-Total-Count', async () => {
    const res = await server.sdk.identity.listIdentities({ page: 1, perPage: 100 });
    expect(res.data).toHaveLength(100);
    expect(res.headers['x-total-count']).toBe(String(TOTAL));
    expect(String(res.headers.link)).toMatch(/rel="next"/);
  });
});
