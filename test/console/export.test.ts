// Export streams every identity in Kratos's create-identity format across pages; the embedded server can
// add password hashes so the file imports into real Kratos with logins intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreateIdentityBody } from '../../src/shared/kratos';
import { startConsoleHarness, type ConsoleHarness } from './helpers';

let h: ConsoleHarness;
const TOTAL = 1203; // more than two export pages of 500

beforeAll(async () => {
  h = await startConsoleHarness();
  const identities = Array.from({ length: TOTAL }, (_, i) => ({
    create: {
      schema_id: 'default',
      traits: { email: `user${i}@example.com`, name: { first: `U${i}` } },
      metadata_admin: { n: i },
      ...(i === 0 ? { credentials: { password: { config: { password: 'a-long-password-123' } } } } : {}),
    },
  }));
  for (let i = 0; i < identities.length; i += 1000) {
    await h.server.sdk.identity.batchPatchIdentities({
      patchIdentitiesBody: { identities: identities.slice(i, i + 1000) },
    });
  }
}, 60_000);
afterAll(async () => h.close());

describe('export', () => {
  it('case=all pages, create-identity format, attachment headers', async () => {
    const res = await h.api('/api/connections/embedded/export/identities');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="identities-embedded-\d{4}-\d\d-\d\d\.json"/,
    );
    const bodies = (await res.json()) as CreateIdentityBody[];
    expect(bodies).toHaveLength(TOTAL);
    const first = bodies.find((b) => (b.traits as { email: string }).email === 'user0@example.com');
    expect(first).toMatchObject({ schema_id: 'default', state: 'active', metadata_admin: { n: 0 } });
    expect(first?.credentials).toBeUndefined();
    expect(first?.verifiable_addresses?.[0]).toMatchObject({
      value: 'user0@example.com',
      via: 'email',
      verified: false,
    });
    expect(Object.keys(first ?? {})).not.toContain('id');
  });

  it('case=password_hashes=true on the embedded server: hashed_password included', async () => {
    const res = await h.api('/api/connections/embedded/export/identities?password_hashes=true');
    const bodies = (await res.json()) as CreateIdentityBody[];
    const withHash = bodies.filter((b) => b.credentials?.password);
    expect(withHash).toHaveLength(1);
    expect(withHash[0]?.credentials?.password?.config.hashed_password).toMatch(/^\$2[aby]\$/);
  });

  it('case=the export re-imports through the batch API', async () => {
    const res = await h.api('/api/connections/embedded/export/identities?password_hashes=true');
    const bodies = (await res.json()) as CreateIdentityBody[];
    const other = await startConsoleHarness();
    try {
      const r = await other.api('/api/connections/embedded/kratos/admin/identities', {
        method: 'PATCH',
        body: JSON.stringify({ identities: bodies.slice(0, 1000).map((create) => ({ create })) }),
      });
      expect(r.status).toBe(200);
      const out = (await r.json()) as { identities: { action: string }[] };
      expect(out.identities.filter((i) => i.action === 'create')).toHaveLength(1000);
    } finally {
      await other.close();
    }
  });
});
