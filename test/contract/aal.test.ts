// Authenticator assurance levels: aal2 login flows need a session (session_aal1_required), whoami under
// `highest_available` answers 403 session_aal2_required until the second factor, SPAs get 422 and browsers
// a 303 to the aal2 login after the first factor, step-up and refresh append to authentication_methods,
// and `required_aal: aal1` lets aal1 sessions through.
import type { LoginFlow } from '@ory/client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { createIdentity, uniqueEmail } from '../helpers/identities';
import { expectValidResponse } from '../helpers/openapi';
import {
  enrollLookup,
  enrollTotp,
  messageIds,
  nativeLogin,
  nativeSecondFactorFlow,
  nodeNames,
  PASSWORD,
  totpCode,
} from '../helpers/mfa';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
let server: TestServer;
let base: string;

const selfservice = {
  default_browser_return_url: `${APP}/welcome`,
  allowed_return_urls: [`${APP}/`],
  methods: { totp: { enabled: true }, lookup_secret: { enabled: true } },
  flows: {
    login: { ui_url: `${APP}/login` },
    settings: { ui_url: `${APP}/settings` },
    error: { ui_url: `${APP}/error` },
  },
};

beforeAll(async () => {
  server = await createTestServer({ selfservice });
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());
beforeEach(() => server.clock.reset());

const json = { Accept: 'application/json' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const csrfOf = (flow: LoginFlow): string =>
  String(
    (
      flow.ui.nodes.find((n) => (n.attributes as { name?: string }).name === 'csrf_token')?.attributes as {
        value?: unknown;
      }
    ).value,
  );

/** An identity with password and TOTP; returns its email and TOTP secret. */
async function userWithTotp(): Promise<{ email: string; secret: string }> {
  const email = uniqueEmail('aal');
  await createIdentity(server, { email, password: PASSWORD });
  const { token } = await nativeLogin(server, email);
  return { email, secret: await enrollTotp(server, token) };
}

async function spaJson(jar: CookieJar, url: string, init: RequestInit = {}) {
  const res = await browserFetch(jar, url, { ...init, headers: { ...json, ...(init.headers ?? {}) } });
  const body = (await res.json()) as Record<string, unknown>;
  expectValidResponse(init.method ?? 'GET', url, res.status, body);
  return { status: res.status, body };
}

async function spaLoginFlow(jar: CookieJar, query = ''): Promise<LoginFlow> {
  const { status, body } = await spaJson(jar, `${base}/self-service/login/browser${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as LoginFlow;
}

async function spaSubmit(jar: CookieJar, flow: LoginFlow, body: Record<string, unknown>) {
  return spaJson(jar, flow.ui.action, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...body, csrf_token: csrfOf(flow) }),
  });
}

describe('aal2 login flows need a session', () => {
  it('case=without a session: SPA and native 401 session_aal1_required, browsers the error page', async () => {
    const spa = await spaJson(new CookieJar(), `${base}/self-service/login/browser?aal=aal2`);
    expect(spa.status).toBe(401);
    expect(spa.body).toMatchObject({ error: { id: 'session_aal1_required', code: 401 } });

    const native = await expectFailure(server.sdk.frontend.createNativeLoginFlow({ aal: 'aal2' }));
    expect(native.status).toBe(401);
    expect(native.data).toMatchObject({ error: { id: 'session_aal1_required' } });

    const browser = await browserFetch(new CookieJar(), `${base}/self-service/login/browser?aal=aal2`);
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toMatch(new RegExp(`^${APP}/error\\?id=`));
  });

  it('case=an aal2 session asking for aal2 again is already logged in', async () => {
    const { email, secret } = await userWithTotp();
    const { token } = await nativeLogin(server, email);
    const flow = await nativeSecondFactorFlow(server, token);
    await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
    });
    const again = await expectFailure(
      server.sdk.frontend.createNativeLoginFlow({ aal: 'aal2', xSessionToken: token }),
    );
    expect(again.status).toBe(400);
    expect(again.data).toMatchObject({ error: { id: 'session_already_available' } });
  });

  it('case=an unknown aal is a 400', async () => {
    const res = await expectFailure(server.sdk.frontend.createNativeLoginFlow({ aal: 'aal3' }));
    expect(res.status).toBe(400);
  });
});

describe('whoami under highest_available', () => {
  it('case=an identity without a second factor is fine at aal1', async () => {
    const email = uniqueEmail('aal1-only');
    await createIdentity(server, { email, password: PASSWORD });
    const { token } = await nativeLogin(server, email);
    const { data } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(data.authenticator_assurance_level).toBe('aal1');
  });

  it('case=403 before the second factor (whoami and /sessions), 200 after it', async () => {
    const { email, secret } = await userWithTotp();
    const { token } = await nativeLogin(server, email);
    const before = await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }));
    expect(before.status).toBe(403);
    expect(before.data).toMatchObject({ error: { id: 'session_aal2_required', code: 403 } });
    const list = await expectFailure(server.sdk.frontend.listMySessions({ xSessionToken: token }));
    expect(list.status).toBe(403);
    expect(list.data).toMatchObject({ error: { id: 'session_aal2_required' } });

    const flow = await nativeSecondFactorFlow(server, token);
    await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
    });
    const { data: after } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(after.authenticator_assurance_level).toBe('aal2');
    expect((await server.sdk.frontend.listMySessions({ xSessionToken: token })).status).toBe(200);
  });
});

describe('step-up after the first factor', () => {
  it('case=SPA: 422 to the aal2 login (return_to kept), then the second factor completes the login', async () => {
    const { email, secret } = await userWithTotp();
    const jar = new CookieJar();
    const returnTo = `${APP}/dashboard`;
    const first = await spaLoginFlow(jar, `?return_to=${encodeURIComponent(returnTo)}`);
    const done = await spaSubmit(jar, first, { method: 'password', identifier: email, password: PASSWORD });
    const aal2Url = `${base}/self-service/login/browser?aal=aal2&return_to=${encodeURIComponent(returnTo)}`;
    expect(done.status).toBe(422);
    expect(done.body).toMatchObject({
      error: { id: 'browser_location_change_required', code: 422 },
      redirect_browser_to: aal2Url,
    });
    expect(jar.get('ory_kratos_session')).toBeDefined();
    expect((await spaJson(jar, `${base}/sessions/whoami`)).status).toBe(403);

    const second = await spaLoginFlow(jar, aal2Url.slice(`${base}/self-service/login/browser`.length));
    expect(second.requested_aal).toBe('aal2');
    expect(second.return_to).toBe(returnTo);
    expect(messageIds(second)).toEqual([1010004]);
    expect(nodeNames(second)).toEqual(['default/csrf_token', 'totp/totp_code', 'totp/method']);
    const completed = await spaSubmit(jar, second, { method: 'totp', totp_code: totpCode(server, secret) });
    expect(completed.status, JSON.stringify(completed.body)).toBe(200);
    expect(completed.body).not.toHaveProperty('session_token');
    expect(completed.body.continue_with).toEqual([
      { action: 'redirect_browser_to', redirect_browser_to: returnTo },
    ]);
    const whoami = await spaJson(jar, `${base}/sessions/whoami`);
    expect(whoami.status).toBe(200);
    expect(
      (whoami.body.authentication_methods as { method: string; aal: string }[]).map((m) => [m.method, m.aal]),
    ).toEqual([
      ['password', 'aal1'],
      ['totp', 'aal2'],
    ]);
  });

  it('case=server-rendered browser: 303 to the aal2 login, then the TOTP form post lands on return_to', async () => {
    const { email, secret } = await userWithTotp();
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/login/browser`);
    expect(init.status).toBe(303);
    const firstId = new URL(init.headers.get('location') ?? '').searchParams.get('flow');
    const first = (await spaJson(jar, `${base}/self-service/login/flows?id=${firstId}`))
      .body as unknown as LoginFlow;
    const posted = await browserFetch(jar, first.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'password',
        identifier: email,
        password: PASSWORD,
        csrf_token: csrfOf(first),
      }),
    });
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe(`${base}/self-service/login/browser?aal=aal2`);

    const step = await browserFetch(jar, posted.headers.get('location') ?? '');
    expect(step.status).toBe(303);
    const location = new URL(step.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/login`);
    const second = (
      await spaJson(jar, `${base}/self-service/login/flows?id=${location.searchParams.get('flow')}`)
    ).body as unknown as LoginFlow;
    expect(second.requested_aal).toBe('aal2');

    const wrong = await browserFetch(jar, second.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ method: 'totp', totp_code: '000000', csrf_token: csrfOf(second) }),
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe(`${APP}/login?flow=${second.id}`);

    const ok = await browserFetch(jar, second.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'totp',
        totp_code: totpCode(server, secret),
        csrf_token: csrfOf(second),
      }),
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${APP}/welcome`);
    expect((await spaJson(jar, `${base}/sessions/whoami`)).status).toBe(200);
  });

  it('case=refresh at aal2 asks for the second factor again and appends it to authentication_methods', async () => {
    const email = uniqueEmail('refresh');
    await createIdentity(server, { email, password: PASSWORD });
    const { token: setup } = await nativeLogin(server, email);
    const codes = await enrollLookup(server, setup);
    const { token } = await nativeLogin(server, email);
    const step = await nativeSecondFactorFlow(server, token);
    await server.sdk.frontend.updateLoginFlow({
      flow: step.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'lookup_secret', lookup_secret: codes[0] as string },
    });

    const { data: refresh } = await server.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      refresh: true,
      xSessionToken: token,
    });
    expect(refresh.refresh).toBe(true);
    expect(messageIds(refresh)).toEqual([1010003]);
    expect(nodeNames(refresh)).toEqual([
      'default/csrf_token',
      'lookup_secret/lookup_secret',
      'lookup_secret/method',
    ]);
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: refresh.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'lookup_secret', lookup_secret: codes[1] as string },
    });
    expect(data.session.authentication_methods?.map((m) => m.method)).toEqual([
      'password',
      'lookup_secret',
      'lookup_secret',
    ]);
    expect(data.session.authenticator_assurance_level).toBe('aal2');
  });
});

describe('settings under required_aal highest_available', () => {
  it('case=an aal1 session of an identity with TOTP must step up before settings (403 / 303)', async () => {
    const { email, secret } = await userWithTotp();
    const { token } = await nativeLogin(server, email);
    const native = await expectFailure(
      server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token }),
    );
    expect(native.status).toBe(403);
    expect(native.data).toMatchObject({ error: { id: 'session_aal2_required' } });

    const jar = new CookieJar();
    const first = await spaLoginFlow(jar);
    expect(
      (await spaSubmit(jar, first, { method: 'password', identifier: email, password: PASSWORD })).status,
    ).toBe(422);
    const spa = await spaJson(jar, `${base}/self-service/settings/browser`);
    expect(spa.status).toBe(403);
    expect(String(spa.body.redirect_browser_to)).toMatch(
      new RegExp(`^${base}/self-service/login/browser\\?aal=aal2`),
    );
    const browser = await browserFetch(jar, `${base}/self-service/settings/browser`);
    expect(browser.status).toBe(303);
    expect(browser.headers.get('location')).toMatch(
      new RegExp(`^${base}/self-service/login/browser\\?aal=aal2`),
    );

    const step = await nativeSecondFactorFlow(server, token);
    await server.sdk.frontend.updateLoginFlow({
      flow: step.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'totp', totp_code: totpCode(server, secret) },
    });
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    expect(flow.identity.traits).toMatchObject({ email });
  });

  it('case=removing the second factor through the admin API lowers what highest_available asks for', async () => {
    const { email } = await userWithTotp();
    const { token } = await nativeLogin(server, email);
    expect((await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }))).status).toBe(403);
    const { data: found } = await server.sdk.identity.listIdentities({ credentialsIdentifier: email });
    await server.sdk.identity.deleteIdentityCredentials({ id: found[0]?.id as string, type: 'totp' });
    const { data } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(data.authenticator_assurance_level).toBe('aal1');
  });
});

describe('required_aal: aal1', () => {
  it('case=whoami accepts aal1 sessions of identities with a second factor; SPA logins complete at once', async () => {
    const relaxed = await createTestServer({ selfservice, session: { whoami: { required_aal: 'aal1' } } });
    try {
      const email = uniqueEmail('relaxed');
      await createIdentity(relaxed, { email, password: PASSWORD });
      const { token: setup } = await nativeLogin(relaxed, email);
      await enrollTotp(relaxed, setup);
      const { token, session } = await nativeLogin(relaxed, email);
      expect(session.identity?.traits).toMatchObject({ email });
      const { data } = await relaxed.sdk.frontend.toSession({ xSessionToken: token });
      expect(data.authenticator_assurance_level).toBe('aal1');

      const jar = new CookieJar();
      const relaxedBase = relaxed.urls.public.replace(/\/$/, '');
      const init = await browserFetch(jar, `${relaxedBase}/self-service/login/browser`, { headers: json });
      const flow = (await init.json()) as LoginFlow;
      const res = await browserFetch(jar, flow.ui.action, {
        method: 'POST',
        headers: { ...json, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          method: 'password',
          identifier: email,
          password: PASSWORD,
          csrf_token: csrfOf(flow),
        }),
      });
      expect(res.status).toBe(200);
    } finally {
      relaxed.close();
    }
  });
});
