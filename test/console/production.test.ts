// Production connections: read-only until unlocked (per launch, with a timeout), and an identity is deleted
// only when the request carries the identifier the user typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONFIRM_HEADER, type ConnectionProfile } from '../../src/shared/console-api';
import { json, startConsoleHarness, type ConsoleHarness } from './helpers';

let h: ConsoleHarness;
let now = Date.parse('2026-01-01T00:00:00Z');
let prod: ConnectionProfile;
let identityId: string;

beforeAll(async () => {
  h = await startConsoleHarness({ now: () => now });
  // The embedded server's own admin API, registered as a production remote.
  const res = await h.api('/api/connections', {
    method: 'POST',
    body: json({
      name: 'Prod',
      adminUrl: h.server.urls.admin,
      publicUrl: h.server.urls.public,
      color: 'red',
      production: true,
    }),
  });
  prod = (await res.json()) as ConnectionProfile;
  const { data } = await h.server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'default', traits: { email: 'Ceo@Example.com' } },
  });
  identityId = data.id;
});
afterAll(async () => h.close());

const del = (headers: Record<string, string> = {}): Promise<Response> =>
  h.api(`/api/connections/${prod.id}/kratos/admin/identities/${identityId}`, { method: 'DELETE', headers });

describe('production connection', () => {
  it('case=reads work while locked', async () => {
    const res = await h.api(`/api/connections/${prod.id}/kratos/admin/identities/${identityId}`);
    expect(res.status).toBe(200);
  });

  it('case=writes are refused with 423 while locked', async () => {
    const res = await del({ [CONFIRM_HEADER]: 'ceo@example.com' });
    expect(res.status).toBe(423);
    expect(((await res.json()) as { error: { id: string } }).error.id).toBe('gatehouse_connection_locked');
    const create = await h.api(`/api/connections/${prod.id}/kratos/admin/identities`, {
      method: 'POST',
      body: json({ schema_id: 'default', traits: { email: 'x@example.com' } }),
    });
    expect(create.status).toBe(423);
  });

  it('case=unlocked: a delete without or with a wrong confirmation is refused with 428', async () => {
    const unlocked = await h.api(`/api/connections/${prod.id}/unlock`, {
      method: 'POST',
      body: json({ minutes: 5 }),
    });
    expect(((await unlocked.json()) as ConnectionProfile).unlockedUntil).toBe('2026-01-01T00:05:00.000Z');
    expect((await del()).status).toBe(428);
    expect((await del({ [CONFIRM_HEADER]: 'someone-else@example.com' })).status).toBe(428);
  });

  it('case=the unlock expires', async () => {
    now += 6 * 60_000;
    expect((await del({ [CONFIRM_HEADER]: 'ceo@example.com' })).status).toBe(423);
    const [profile] = ((await (await h.api('/api/connections')).json()) as ConnectionProfile[]).filter(
      (c) => c.id === prod.id,
    );
    expect(profile?.unlockedUntil).toBeNull();
  });

  it('case=unlocked and confirmed with the identifier (any case): deleted', async () => {
    await h.api(`/api/connections/${prod.id}/unlock`, { method: 'POST', body: json({ minutes: 15 }) });
    const res = await del({ [CONFIRM_HEADER]: 'CEO@example.com' });
    expect(res.status).toBe(204);
    expect((await h.api(`/api/connections/${prod.id}/kratos/admin/identities/${identityId}`)).status).toBe(
      404,
    );
  });

  it('case=lock again: read-only at once', async () => {
    await h.api(`/api/connections/${prod.id}/lock`, { method: 'POST' });
    const res = await h.api(`/api/connections/${prod.id}/kratos/admin/identities`, {
      method: 'POST',
      body: json({ schema_id: 'default', traits: { email: 'y@example.com' } }),
    });
    expect(res.status).toBe(423);
  });

  it('case=non-production connections need neither unlock nor confirmation', async () => {
    const { data } = await h.server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: 'dev@example.com' } },
    });
    const res = await h.api(`/api/connections/embedded/kratos/admin/identities/${data.id}`, {
      method: 'DELETE',
    });
    expect(res.status).toBe(204);
    const unlock = await h.api('/api/connections/embedded/unlock', { method: 'POST', body: json({}) });
    expect(unlock.status).toBe(400);
  });
});
