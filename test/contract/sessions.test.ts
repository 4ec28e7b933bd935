// Sessions through @ory/client: whoami by token, bearer and cookie; the caller's other sessions; the admin
// session API (list, get, revoke, extend, bulk manage, per identity); expiry, deactivation and deletion.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentity, issueSession } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer({ session: { lifespan: '1h' } });
});
afterAll(() => server.close());

describe('whoami', () => {
  it('case=by X-Session-Token, Authorization bearer and session cookie', async () => {
    const identity = await createIdentity(server);
    const { token, sessionId, cookie } = issueSession(server, identity.id, {
      'user-agent': 'Mozilla/5.0 test',
      'x-forwarded-for': '203.0.113.9',
    });
    const byHeader = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(byHeader.data).toMatchObject({
      id: sessionId,
      active: true,
      authenticator_assurance_level: 'aal1',
      authentication_methods: [{ method: 'password', aal: 'aal1' }],
      identity: { id: identity.id },
      devices: [{ ip_address: '203.0.113.9', user_agent: 'Mozilla/5.0 test', location: '' }],
    });
    expect(byHeader.data.identity).not.toHaveProperty('credentials');
    expect(byHeader.headers['x-kratos-authenticated-identity-id']).toBe(identity.id);
    const byBearer = await server.sdk.http.get(`${server.urls.public}sessions/whoami`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(byBearer.data.id).toBe(sessionId);
    const byCookie = await server.sdk.frontend.toSession({ cookie });
    expect(byCookie.data.id).toBe(sessionId);
  });

  it.each([
    ['no credentials', {}],
    ['garbage token', { 'X-Session-Token': 'ory_st_nope' }],
    [
      'garbage cookie',
      { Cookie: 'ory_kratos_session=not-a-valid-cookie-value-at-all-xxxxxxxxxxxxxxxxxxxxxx' },
    ],
    ['garbage bearer', { Authorization: 'Bearer nope' }],
  ])('case=%s is a 401 without an id', async (_name, headers) => {
    const { status, data } = await expectFailure(
      server.sdk.http.get(`${server.urls.public}sessions/whoami`, { headers }),
    );
    expect(status).toBe(401);
    expect(data).toEqual({
      error: {
        code: 401,
        status: 'Unauthorized',
        reason: 'No valid session credentials found in the request.',
        message: 'The request could not be authorized',
      },
    });
  });

  it('case=expired, revoked, deactivated or deleted sessions are 401', async () => {
    const check = async (token: string): Promise<number> =>
      (await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }))).status;

    const a = await createIdentity(server);
    const expiring = issueSession(server, a.id);
    server.clock.advance(60 * 60 * 1000 + 1000);
    expect(await check(expiring.token)).toBe(401);
    server.clock.reset();

    const revoked = issueSession(server, a.id);
    await server.sdk.identity.disableSession({ id: revoked.sessionId });
    expect(await check(revoked.token)).toBe(401);

    const deactivated = issueSession(server, a.id);
    await server.sdk.identity.patchIdentity({
      id: a.id,
      jsonPatch: [{ op: 'replace', path: '/state', value: 'inactive' }],
    });
    expect(await check(deactivated.token)).toBe(401);

    const b = await createIdentity(server);
    const deleted = issueSession(server, b.id);
    await server.sdk.identity.deleteIdentity({ id: b.id });
    expect(await check(deleted.token)).toBe(401);
  });
});

describe('my sessions', () => {
  it('case=list others, revoke one, revoke all others, never the current one', async () => {
    const identity = await createIdentity(server);
    const current = issueSession(server, identity.id);
    const others = [
      issueSession(server, identity.id),
      issueSession(server, identity.id),
      issueSession(server, identity.id),
    ];
    const list = await server.sdk.frontend.listMySessions({ xSessionToken: current.token });
    expect(list.data.map((s) => s.id).sort()).toEqual(others.map((o) => o.sessionId).sort());
    expect(list.headers['x-total-count']).toBe('3');

    await server.sdk.frontend.disableMySession({
      id: others[0]?.sessionId as string,
      xSessionToken: current.token,
    });
    const self = await expectFailure(
      server.sdk.frontend.disableMySession({ id: current.sessionId, xSessionToken: current.token }),
    );
    expect(self.status).toBe(400);
    expect(self.data).toMatchObject({ error: { message: 'cannot revoke current session' } });

    const { data } = await server.sdk.frontend.disableMyOtherSessions({ xSessionToken: current.token });
    expect(data).toEqual({ count: 2 });
    expect((await server.sdk.frontend.listMySessions({ xSessionToken: current.token })).data).toEqual([]);
    expect((await server.sdk.frontend.toSession({ xSessionToken: current.token })).data.active).toBe(true);
  });

  it('case=without a session the list is a 401', async () => {
    const { status } = await expectFailure(server.sdk.frontend.listMySessions());
    expect(status).toBe(401);
  });
});

describe('admin sessions', () => {
  it('case=list newest first with expand, get, extend, per identity, bulk manage', async () => {
    const identity = await createIdentity(server);
    const first = issueSession(server, identity.id);
    server.clock.advance(1000);
    const second = issueSession(server, identity.id);
    server.clock.reset();

    const page = await server.sdk.identity.listSessions({ pageSize: 1, expand: ['identity', 'devices'] });
    expect(page.data).toHaveLength(1);
    expect(page.data[0]?.id).toBe(second.sessionId);
    expect(page.data[0]?.identity?.id).toBe(identity.id);
    expect(String(page.headers.link)).toMatch(/rel="next"/);
    const bare = await server.sdk.identity.listSessions({ pageSize: 1 });
    expect(bare.data[0]).not.toHaveProperty('identity');

    const one = await server.sdk.identity.getSession({ id: first.sessionId, expand: ['identity'] });
    expect(one.data.identity?.id).toBe(identity.id);

    server.clock.advance(30 * 60 * 1000);
    const extended = await server.sdk.identity.extendSession({ id: first.sessionId });
    expect(new Date(extended.data.expires_at as string).getTime()).toBeGreaterThan(
      Date.now() + 80 * 60 * 1000,
    );
    server.clock.reset();

    const mine = await server.sdk.identity.listIdentitySessions({ id: identity.id });
    expect(mine.data.map((s) => s.id).sort()).toEqual([first.sessionId, second.sessionId].sort());

    const managed = await server.sdk.identity.manageSessions({
      manageSessionsBody: { action: 'disable', sessions: [first.sessionId] },
    });
    expect(managed.data).toEqual({ processed: 1, more: false });
    const active = await server.sdk.identity.listIdentitySessions({ id: identity.id, active: true });
    expect(active.data.map((s) => s.id)).toEqual([second.sessionId]);

    await server.sdk.identity.deleteIdentitySessions({ id: identity.id });
    expect((await server.sdk.identity.listIdentitySessions({ id: identity.id })).data).toEqual([]);
  });

  it.each([
    [
      'get unknown session',
      () => server.sdk.identity.getSession({ id: '00000000-0000-4000-8000-000000000000' }),
      404,
    ],
    ['get non-uuid session', () => server.sdk.identity.getSession({ id: 'nope' }), 400],
    ['bad expand', () => server.sdk.identity.listSessions({ expand: ['everything' as 'identity'] }), 400],
    ['tampered page token', () => server.sdk.identity.listSessions({ pageToken: 'garbage' }), 400],
    [
      'extend unknown',
      () => server.sdk.identity.extendSession({ id: '00000000-0000-4000-8000-000000000000' }),
      404,
    ],
    [
      'manage without ids',
      () => server.sdk.identity.manageSessions({ manageSessionsBody: { action: 'disable' } }),
      400,
    ],
    [
      'manage bad action',
      () =>
        server.sdk.identity.manageSessions({
          manageSessionsBody: { action: 'nuke' as 'disable', identities: ['*'] },
        }),
      400,
    ],
    [
      'sessions of unknown identity',
      () => server.sdk.identity.listIdentitySessions({ id: '00000000-0000-4000-8000-000000000000' }),
      404,
    ],
  ])('case=%s', async (_name, call, status) => {
    expect((await expectFailure(call())).status).toBe(status);
  });
});
