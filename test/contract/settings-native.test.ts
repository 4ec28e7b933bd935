// The settings flow for native apps through @ory/client: profile and password changes, the privileged
// session rule, another identity's flow, expiry with a replacement, and bad input that changes nothing.
import type { SettingsFlow } from '@ory/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'an entirely different passphrase 17';
let server: TestServer;

beforeAll(async () => {
  server = await createTestServer();
});
afterAll(() => server.close());
beforeEach(() => server.clock.reset());

const names = (flow: { ui: { nodes: { group: string; attributes: unknown }[] } }): string[] =>
  flow.ui.nodes.map((n) => `${n.group}/${(n.attributes as { name?: string; id?: string }).name}`);
const valueOf = (flow: SettingsFlow, name: string): unknown =>
  (
    flow.ui.nodes.find((n) => (n.attributes as { name?: string }).name === name)?.attributes as {
      value?: unknown;
    }
  )?.value;

async function userWithSession(email = uniqueEmail('settings'), signedInAgoMs = 0) {
  const identity = await createIdentity(server, { email, password: PASSWORD });
  const { token } = issueSession(server, identity.id);
  server.clock.advance(signedInAgoMs);
  const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
  return { identity, token, flow, email };
}

async function login(identifier: string, password: string): Promise<number> {
  const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
  try {
    await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'password', identifier, password },
    });
    return 200;
  } catch (err) {
    return (err as { response: { status: number } }).response.status;
  }
}

describe('settings flow (native)', () => {
  it('case=the flow carries the identity and its prefilled profile and password forms', async () => {
    const { identity, flow, email } = await userWithSession();
    expect(flow.type).toBe('api');
    expect(flow.state).toBe('show_form');
    expect(flow.identity.id).toBe(identity.id);
    expect(flow.identity).not.toHaveProperty('credentials');
    expect(flow.ui.action).toBe(`${server.urls.public}self-service/settings?flow=${flow.id}`);
    expect(names(flow)).toEqual([
      'default/csrf_token',
      'profile/traits.email',
      'profile/traits.name.first',
      'profile/traits.name.last',
      'profile/traits.age',
      'profile/method',
      'password/password',
      'password/method',
    ]);
    expect(valueOf(flow, 'traits.email')).toBe(email);
    const passwordNode = flow.ui.nodes.find(
      (n) => n.group === 'password' && n.attributes.node_type === 'input',
    );
    expect(passwordNode?.attributes).toMatchObject({ type: 'password', autocomplete: 'new-password' });
    expect(passwordNode?.meta.label).toMatchObject({ id: 1070001 });

    const { data: again } = await server.sdk.frontend.getSettingsFlow({
      id: flow.id,
      xSessionToken: issueSession(server, identity.id).token,
    });
    expect(again.id).toBe(flow.id);
  });

  it('case=a profile change is saved, the flow stays usable with a success message', async () => {
    const { token, flow, email } = await userWithSession();
    const { data } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: {
        method: 'profile',
        traits: { email, name: { first: 'Ada', last: 'Lovelace' } },
      },
    });
    expect(data.state).toBe('success');
    expect(data.ui.messages).toEqual([
      { id: 1050001, text: 'Your changes have been saved!', type: 'success' },
    ]);
    expect(valueOf(data, 'traits.name.first')).toBe('Ada');
    expect(data.identity.traits).toMatchObject({ name: { first: 'Ada', last: 'Lovelace' } });
    const { data: session } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(session.identity?.traits).toMatchObject({ name: { first: 'Ada' } });
  });

  it('case=a new password replaces the old one', async () => {
    const { token, flow, email } = await userWithSession();
    const { data } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD },
    });
    expect(data.state).toBe('success');
    expect(await login(email, NEW_PASSWORD)).toBe(200);
    expect(await login(email, PASSWORD)).toBe(400);
  });

  it('case=the same password again, an empty one or a weak one is a form error', async () => {
    const { token, flow } = await userWithSession();
    const attempt = async (password: string) =>
      (await expectFailure(
        server.sdk.frontend.updateSettingsFlow({
          flow: flow.id,
          xSessionToken: token,
          updateSettingsFlowBody: { method: 'password', password },
        }),
      )) as unknown as { status: number; data: SettingsFlow };
    const same = await attempt(PASSWORD);
    expect(same.status).toBe(400);
    const node = same.data.ui.nodes.find((n) => (n.attributes as { name?: string }).name === 'password');
    expect(node?.messages.map((m) => m.id)).toEqual([4000039]);
    expect((await attempt('')).data.ui.nodes.flatMap((n) => n.messages.map((m) => m.id))).toEqual([4000002]);
    expect((await attempt('short')).data.ui.nodes.flatMap((n) => n.messages.map((m) => m.id))).toEqual([
      4000032,
    ]);
  });

  it('case=after privileged_session_max_age the password and identifiers need a fresh sign-in, other traits do not', async () => {
    const { token, flow, email } = await userWithSession(uniqueEmail('stale'), 61 * 60_000);
    const password = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD },
      }),
    );
    expect(password.status).toBe(403);
    const settingsUrl = `${server.urls.public}self-service/settings?flow=${flow.id}`;
    expect(password.data).toMatchObject({
      error: { id: 'session_refresh_required', code: 403 },
      redirect_browser_to: `${server.urls.public}self-service/login/browser?refresh=true&return_to=${encodeURIComponent(settingsUrl)}`,
    });

    const identifier = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'profile', traits: { email: uniqueEmail('changed') } },
      }),
    );
    expect(identifier.status).toBe(403);

    const { data } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'profile', traits: { email, age: 36 } },
    });
    expect(data.identity.traits).toMatchObject({ email, age: 36 });
    expect(await login(email, PASSWORD)).toBe(200);
  });

  it('case=without a session: 401; with another identity: 403 security_identity_mismatch', async () => {
    const init = await expectFailure(server.sdk.frontend.createNativeSettingsFlow());
    expect(init.status).toBe(401);
    expect(init.data).toMatchObject({ error: { id: 'session_inactive' } });

    const { flow, token } = await userWithSession();
    const noSession = await expectFailure(server.sdk.frontend.getSettingsFlow({ id: flow.id }));
    expect(noSession.status).toBe(401);

    const other = await userWithSession();
    const get = await expectFailure(
      server.sdk.frontend.getSettingsFlow({ id: flow.id, xSessionToken: other.token }),
    );
    expect(get.status).toBe(403);
    expect(get.data).toMatchObject({ error: { id: 'security_identity_mismatch' } });
    const submit = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: other.token,
        updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD },
      }),
    );
    expect(submit.status).toBe(403);
    expect(submit.data).toMatchObject({ error: { id: 'security_identity_mismatch' } });
    expect(await login(other.email, PASSWORD)).toBe(200);
    expect(token).toBeTruthy();
  });

  it('case=an expired flow is replaced by a new one carrying 4050001', async () => {
    const { flow, token } = await userWithSession();
    server.clock.advance(61 * 60_000);
    const get = await expectFailure(
      server.sdk.frontend.getSettingsFlow({ id: flow.id, xSessionToken: token }),
    );
    expect(get.status).toBe(410);
    const res = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'profile', traits: { email: 'x@example.com' } },
      }),
    );
    expect(res.status).toBe(410);
    expect(res.data).toMatchObject({ error: { id: 'self_service_flow_expired' } });
    const { data: replacement } = await server.sdk.frontend.getSettingsFlow({
      id: String(res.data.use_flow_id),
      xSessionToken: token,
    });
    expect(replacement.ui.messages?.[0]?.id).toBe(4050001);
  });
});

describe('settings flow: bad input changes nothing', () => {
  const post = (flowId: string, token: string, body: string, type = 'application/json') =>
    server.sdk.http.post(`${server.urls.public}self-service/settings?flow=${flowId}`, body, {
      headers: { 'Content-Type': type, Accept: 'application/json', 'X-Session-Token': token },
      validateStatus: () => true,
    });

  it.each([
    ['malformed JSON', '{"method":"profile",', 400, 4000001],
    ['a JSON array', '[]', 400, 4000001],
    ['a password of the wrong type', '{"method":"password","password":123}', 400, 4000026],
    ['traits of the wrong type', '{"method":"profile","traits":"nope"}', 400, 4000026],
    ['an unknown method', '{"method":"nope"}', 400, 4010004],
    ['no method', '{}', 400, 4010004],
    ['no traits', '{"method":"profile"}', 400, 4000001],
    ['an invalid email', '{"method":"profile","traits":{"email":"not-an-email"}}', 400, 4000040],
    [
      'a __proto__ trait',
      '{"method":"profile","traits":{"email":"a@example.com","__proto__":{"x":1}}}',
      400,
      4000001,
    ],
  ])('case=%s', async (_name, body, status, messageId) => {
    const { identity, token, flow } = await userWithSession();
    const res = await post(flow.id, token, body);
    expect(res.status, JSON.stringify(res.data)).toBe(status);
    const ids = [
      ...((res.data as SettingsFlow).ui.messages ?? []).map((m) => m.id),
      ...(res.data as SettingsFlow).ui.nodes.flatMap((n) => n.messages.map((m) => m.id)),
    ];
    expect(ids).toContain(messageId);
    const { data: after } = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(after.traits).toEqual(identity.traits);
    expect(after.updated_at).toBe(identity.updated_at);
  });

  it('case=unknown and malformed flow ids', async () => {
    const { token } = await userWithSession();
    const unknown = await post('6b9a8f4e-0000-4000-8000-00000000dead', token, '{}');
    expect(unknown.status).toBe(404);
    const malformed = await post('not-a-uuid', token, '{}');
    expect(malformed.status).toBe(400);
    const get = await expectFailure(
      server.sdk.frontend.getSettingsFlow({ id: 'not-a-uuid', xSessionToken: token }),
    );
    expect(get.status).toBe(404);
  });

  it('case=a browser cookie on an API flow is refused', async () => {
    const { identity, token, flow } = await userWithSession();
    const res = await server.sdk.http.post(
      `${server.urls.public}self-service/settings?flow=${flow.id}`,
      { method: 'password', password: NEW_PASSWORD },
      {
        headers: { Accept: 'application/json', 'X-Session-Token': token, Cookie: 'some_cookie=1' },
        validateStatus: () => true,
      },
    );
    expect(res.status).toBe(400);
    expect(await login(String((identity.traits as { email: string }).email), PASSWORD)).toBe(200);
  });
});
