// Backup recovery codes through @ory/client: regenerate, confirm, reveal (used codes shown as used) and
// disable in the settings flow; codes as the second factor of a login, each usable once, also under a race;
// bad input that changes nothing.
import type { SettingsFlow } from '@ory/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import {
  enrollLookup,
  messageIds,
  nativeLogin,
  nativeSecondFactorFlow,
  nodeNamed,
  nodeNames,
  PASSWORD,
  shownCodes,
} from '../helpers/mfa';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({
    selfservice: {
      default_browser_return_url: 'http://127.0.0.1:4455/',
      methods: { lookup_secret: { enabled: true } },
      flows: { settings: { privileged_session_max_age: '5m' } },
    },
  });
});
afterAll(() => server.close());
beforeEach(() => server.clock.reset());

async function signedInUser(): Promise<{ id: string; email: string; token: string }> {
  const email = uniqueEmail('lookup');
  const identity = await createIdentity(server, { email, password: PASSWORD });
  const { token } = await nativeLogin(server, email);
  return { id: identity.id, email, token };
}

async function storedCodes(id: string): Promise<{ code: string; used_at?: string }[] | undefined> {
  const { data } = await server.sdk.identity.getIdentity({ id, includeCredential: ['lookup_secret'] });
  const config = data.credentials?.lookup_secret?.config as
    { recovery_codes?: { code: string; used_at?: string }[] } | undefined;
  return config?.recovery_codes;
}

const lookupNodes = (flow: SettingsFlow): string[] =>
  nodeNames(flow).filter((n) => n.startsWith('lookup_secret/'));

async function settingsSubmit(token: string, flowId: string, body: Record<string, unknown>) {
  return server.sdk.frontend.updateSettingsFlow({
    flow: flowId,
    xSessionToken: token,
    updateSettingsFlowBody: { method: 'lookup_secret', ...body } as never,
  });
}

async function secondFactor(token: string, code: unknown) {
  const flow = await nativeSecondFactorFlow(server, token);
  return server.sdk.frontend.updateLoginFlow({
    flow: flow.id,
    xSessionToken: token,
    updateLoginFlowBody: { method: 'lookup_secret', lookup_secret: code } as never,
  });
}

describe('backup codes in the settings flow', () => {
  it('case=regenerate shows twelve new codes and a confirm button, and saves nothing yet', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    expect(lookupNodes(flow)).toEqual(['lookup_secret/lookup_secret_regenerate']);
    expect(nodeNamed(flow, 'lookup_secret_regenerate')?.attributes).toMatchObject({
      type: 'submit',
      value: 'true',
    });
    expect(nodeNamed(flow, 'lookup_secret_regenerate')?.meta.label).toMatchObject({ id: 1050008 });

    const { data: shown } = await settingsSubmit(token, flow.id, { lookup_secret_regenerate: true });
    expect(shown.ui.messages).toBeUndefined();
    expect(lookupNodes(shown)).toEqual([
      'lookup_secret/lookup_secret_codes',
      'lookup_secret/lookup_secret_confirm',
    ]);
    const codes = shownCodes(shown);
    expect(codes).toHaveLength(12);
    for (const c of codes) expect(c).toMatch(/^[a-z0-9]{8}$/);
    const text = (
      nodeNamed(shown, 'lookup_secret_codes')?.attributes as { text: { id: number; text: string } }
    ).text;
    expect(text).toMatchObject({ id: 1050015, text: codes.join(', ') });
    expect(nodeNamed(shown, 'lookup_secret_codes')?.meta.label).toMatchObject({ id: 1050010 });
    expect(await storedCodes(id)).toBeUndefined();

    // A second regenerate replaces the pending codes.
    const { data: again } = await settingsSubmit(token, flow.id, { lookup_secret_regenerate: true });
    expect(shownCodes(again)).not.toEqual(codes);
    const { data: fetched } = await server.sdk.frontend.getSettingsFlow({
      id: flow.id,
      xSessionToken: token,
    });
    expect(shownCodes(fetched)).toEqual(shownCodes(again));
  });

  it('case=confirm stores the shown codes in plain text and steps the session up to aal2', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const { data: shown } = await settingsSubmit(token, flow.id, { lookup_secret_regenerate: true });
    const { data: done } = await settingsSubmit(token, flow.id, { lookup_secret_confirm: true });
    expect(done.state).toBe('success');
    expect(messageIds(done)).toEqual([1050001]);
    expect(lookupNodes(done)).toEqual([
      'lookup_secret/lookup_secret_reveal',
      'lookup_secret/lookup_secret_disable',
    ]);
    expect((await storedCodes(id))?.map((c) => c.code)).toEqual(shownCodes(shown));

    const { data: session } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(session.authenticator_assurance_level).toBe('aal2');
    expect(session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([
      ['password', 'aal1'],
      ['lookup_secret', 'aal2'],
    ]);

    // The pending codes were consumed: confirming again without regenerating is refused.
    const { data: next } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const twice = await expectFailure(settingsSubmit(token, next.id, { lookup_secret_confirm: true }));
    expect(twice.status).toBe(400);
    expect((twice.data as unknown as SettingsFlow).ui.messages).toEqual([
      expect.objectContaining({
        id: 4000001,
        text: 'You must (re-)generate recovery backup codes before you can save them.',
      }),
    ]);
  });

  it('case=reveal shows the stored codes, used ones as "used" (1050014), without a success message', async () => {
    const { id, email, token } = await signedInUser();
    const codes = await enrollLookup(server, token);
    const { token: second } = await nativeLogin(server, email);
    await secondFactor(second, codes[3]);

    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const { data: revealed } = await settingsSubmit(token, flow.id, { lookup_secret_reveal: true });
    expect(revealed.ui.messages).toBeUndefined();
    // Kratos answers "return to UI" with the nodes unsorted (codes, disable, regenerate); the settings
    // handler here sorts them, so only the set is checked.
    expect(lookupNodes(revealed).sort()).toEqual([
      'lookup_secret/lookup_secret_codes',
      'lookup_secret/lookup_secret_disable',
      'lookup_secret/lookup_secret_regenerate',
    ]);
    const expected = [...codes];
    expected[3] = 'used';
    expect(shownCodes(revealed)).toEqual(expected);
    const text = (
      nodeNamed(revealed, 'lookup_secret_codes')?.attributes as {
        text: { text: string; context: { secrets: { id: number; context: Record<string, unknown> }[] } };
      }
    ).text;
    expect(text.text).toBe(expected.join(', '));
    const usedAt = (await storedCodes(id))?.[3]?.used_at;
    expect(usedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(text.context.secrets[3]).toMatchObject({ id: 1050014, context: { used_at: usedAt } });
  });

  it('case=disable removes the codes and offers regenerating', async () => {
    const { id, token } = await signedInUser();
    await enrollLookup(server, token);
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const { data: done } = await settingsSubmit(token, flow.id, { lookup_secret_disable: true });
    expect(messageIds(done)).toEqual([1050001]);
    expect(lookupNodes(done)).toEqual(['lookup_secret/lookup_secret_regenerate']);
    expect(await storedCodes(id)).toBeUndefined();
  });

  it('case=reveal without codes is refused (4000001)', async () => {
    const { token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const res = await expectFailure(settingsSubmit(token, flow.id, { lookup_secret_reveal: true }));
    expect(res.status).toBe(400);
    expect(messageIds(res.data as unknown as SettingsFlow)).toEqual([4000001]);
  });

  it('case=every action needs a privileged session', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    server.clock.advance(6 * 60_000);
    const res = await expectFailure(settingsSubmit(token, flow.id, { lookup_secret_regenerate: true }));
    expect(res.status).toBe(403);
    expect(res.data).toMatchObject({ error: { id: 'session_refresh_required' } });
    expect(await storedCodes(id)).toBeUndefined();
  });
});

describe('backup codes as the second factor', () => {
  it('case=a valid code completes aal2 once; reusing it is 4000012, an unknown one 4000016', async () => {
    const { id, email, token: first } = await signedInUser();
    const codes = await enrollLookup(server, first);
    const { token } = await nativeLogin(server, email);

    const flow = await nativeSecondFactorFlow(server, token);
    expect(nodeNames(flow)).toEqual([
      'default/csrf_token',
      'lookup_secret/lookup_secret',
      'lookup_secret/method',
    ]);
    expect(nodeNamed(flow, 'lookup_secret')?.meta.label).toMatchObject({ id: 1010007 });
    expect(nodeNamed(flow, 'method')?.meta.label).toMatchObject({ id: 1010010 });

    const unknown = await expectFailure(secondFactor(token, 'zzzzzzzz'));
    expect(unknown.status).toBe(400);
    expect(messageIds(unknown.data as unknown as SettingsFlow)).toEqual([4000016]);

    const { data } = await secondFactor(token, codes[0]);
    expect(data.session.authenticator_assurance_level).toBe('aal2');
    expect(data.session.authentication_methods?.map((m) => m.method)).toEqual(['password', 'lookup_secret']);
    expect((await storedCodes(id))?.filter((c) => c.used_at).map((c) => c.code)).toEqual([codes[0]]);

    const { token: again } = await nativeLogin(server, email);
    const reused = await expectFailure(secondFactor(again, codes[0]));
    expect(reused.status).toBe(400);
    expect(messageIds(reused.data as unknown as SettingsFlow)).toEqual([4000012]);
    expect((await expectFailure(server.sdk.frontend.toSession({ xSessionToken: again }))).status).toBe(403);
  });

  it('case=two logins racing with the same code: exactly one wins', async () => {
    const { email, token: first } = await signedInUser();
    const codes = await enrollLookup(server, first);
    const tokens = await Promise.all(Array.from({ length: 4 }, () => nativeLogin(server, email)));
    const flows = await Promise.all(tokens.map((t) => nativeSecondFactorFlow(server, t.token)));
    const results = await Promise.allSettled(
      flows.map((flow, i) =>
        server.sdk.frontend.updateLoginFlow({
          flow: flow.id,
          xSessionToken: tokens[i]?.token,
          updateLoginFlowBody: { method: 'lookup_secret', lookup_secret: codes[5] as string },
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) {
      const data = (r as PromiseRejectedResult).reason.response.data as SettingsFlow;
      expect(messageIds(data)).toEqual([4000012]);
    }
  });

  it('case=codes imported through the admin API work, used ones do not', async () => {
    const email = uniqueEmail('imported');
    await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email },
        credentials: {
          password: { config: { password: PASSWORD } },
          lookup_secret: {
            config: {
              codes: [{ code: 'imported1' }, { code: 'imported2', used_at: '2026-01-01T00:00:00Z' }],
            },
          },
        },
      },
    });
    const { token } = await nativeLogin(server, email);
    expect(messageIds((await expectFailure(secondFactor(token, 'imported2'))).data as never)).toEqual([
      4000012,
    ]);
    const { data } = await secondFactor(token, 'imported1');
    expect(data.session.authenticator_assurance_level).toBe('aal2');
  });

  it('case=an identity without codes gets no form; a submission says none are set up (4000014)', async () => {
    const { token } = await signedInUser();
    const flow = await nativeSecondFactorFlow(server, token);
    expect(nodeNames(flow)).toEqual(['default/csrf_token']);
    const res = await expectFailure(secondFactor(token, 'abcdefgh'));
    expect(messageIds(res.data as unknown as SettingsFlow)).toEqual([4000014]);
  });
});

describe('backup code bad input changes nothing', () => {
  it.each([
    ['lookup_secret as a number', { lookup_secret: 12345678 }, 'lookup_secret', 4000026],
    ['lookup_secret missing', {}, 'lookup_secret', 4000002],
  ])('case=login: %s', async (_name, body, node, id) => {
    const { id: identityId, email, token: first } = await signedInUser();
    await enrollLookup(server, first);
    const before = await storedCodes(identityId);
    const { token } = await nativeLogin(server, email);
    const flow = await nativeSecondFactorFlow(server, token);
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'lookup_secret', ...body } as never,
      }),
    );
    expect(res.status).toBe(400);
    expect(nodeNamed(res.data as never, node)?.messages.map((m) => m.id)).toEqual([id]);
    expect(await storedCodes(identityId)).toEqual(before);
  });

  it.each([
    ['a flag as a string', { lookup_secret_regenerate: 'true' }, 'lookup_secret_regenerate', 4000026],
    ['a flag as a number', { lookup_secret_confirm: 1 }, 'lookup_secret_confirm', 4000026],
  ])('case=settings: %s', async (_name, body, node, id) => {
    const { id: identityId, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const res = await expectFailure(settingsSubmit(token, flow.id, body));
    expect(res.status).toBe(400);
    expect(nodeNamed(res.data as never, node)?.messages.map((m) => m.id)).toEqual([id]);
    expect(await storedCodes(identityId)).toBeUndefined();
  });

  it('case=__proto__ cannot switch a flag on', async () => {
    const { id, token } = await signedInUser();
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const res = await fetch(flow.ui.action, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Session-Token': token },
      body: '{"method":"lookup_secret","__proto__":{"lookup_secret_regenerate":true}}',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as SettingsFlow;
    expect(nodeNamed(body, 'lookup_secret_codes')).toBeUndefined();
    expect(await storedCodes(id)).toBeUndefined();
  });

  it('case=a browser flow with a wrong CSRF token is refused and shows no codes', async () => {
    const identity = await createIdentity(server, { email: uniqueEmail('csrf'), password: PASSWORD });
    const jar = new CookieJar();
    jar.store(issueSession(server, identity.id).cookie);
    const base = server.urls.public.replace(/\/$/, '');
    const init = await browserFetch(jar, `${base}/self-service/settings/browser`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await init.json()) as SettingsFlow;
    expect(init.status).toBe(200);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'lookup_secret', lookup_secret_regenerate: true, csrf_token: 'forged' }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { id: 'security_csrf_violation' } });
    const fetched = await browserFetch(jar, `${base}/self-service/settings/flows?id=${flow.id}`, {
      headers: { Accept: 'application/json' },
    });
    expect(nodeNamed((await fetched.json()) as SettingsFlow, 'lookup_secret_codes')).toBeUndefined();
  });
});
