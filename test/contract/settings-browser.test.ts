// The settings flow in browsers: server-rendered form posts (303s, CSRF, sign-in first, re-authentication
// that resumes the paused change) and SPA calls (JSON, continue_with, 403 with redirect_browser_to).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import { expectValidResponse } from '../helpers/openapi';
import { createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'an entirely different passphrase 17';
const APP = 'http://127.0.0.1:4455';
let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await createTestServer({
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      flows: {
        login: { ui_url: `${APP}/login` },
        settings: { ui_url: `${APP}/settings` },
        error: { ui_url: `${APP}/error` },
      },
    },
  });
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());
beforeEach(() => server.clock.reset());

type Flow = {
  id: string;
  state: string;
  ui: {
    action: string;
    messages?: { id: number }[];
    nodes: { attributes: { name?: string; value?: unknown } }[];
  };
};
const json = { Accept: 'application/json' };
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
const csrfOf = (flow: Flow): string =>
  String(flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token')?.attributes.value);

async function signedIn(signedInAgoMs = 0): Promise<{ jar: CookieJar; email: string; id: string }> {
  const email = uniqueEmail('browser-settings');
  const identity = await createIdentity(server, { email, password: PASSWORD });
  const jar = new CookieJar();
  jar.store(issueSession(server, identity.id).cookie);
  server.clock.advance(signedInAgoMs);
  return { jar, email, id: identity.id };
}

async function fetchFlow(jar: CookieJar, id: string): Promise<Flow> {
  const res = await browserFetch(jar, `${base}/self-service/settings/flows?id=${id}`, { headers: json });
  const body = (await res.json()) as Flow;
  expect(res.status, JSON.stringify(body)).toBe(200);
  expectValidResponse('GET', `${base}/self-service/settings/flows`, 200, body);
  return body;
}

async function browserFlow(jar: CookieJar, query = ''): Promise<Flow> {
  const res = await browserFetch(jar, `${base}/self-service/settings/browser${query}`);
  expect(res.status).toBe(303);
  const location = new URL(res.headers.get('location') ?? '');
  expect(`${location.origin}${location.pathname}`).toBe(`${APP}/settings`);
  return fetchFlow(jar, location.searchParams.get('flow') ?? '');
}

async function passwordLogin(jar: CookieJar, email: string, query: string): Promise<Response> {
  const init = await browserFetch(jar, `${base}/self-service/login/browser${query}`, { headers: json });
  const flow = (await init.json()) as Flow;
  expect(init.status, JSON.stringify(flow)).toBe(200);
  return browserFetch(jar, flow.ui.action, {
    method: 'POST',
    headers: form,
    body: new URLSearchParams({
      method: 'password',
      identifier: email,
      password: PASSWORD,
      csrf_token: csrfOf(flow),
    }),
  });
}

describe('settings in a server-rendered browser app', () => {
  it('case=without a session the browser signs in first, keeping return_to', async () => {
    const res = await browserFetch(
      new CookieJar(),
      `${base}/self-service/settings/browser?return_to=${encodeURIComponent(`${APP}/profile`)}`,
    );
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(
      `${base}/self-service/login/browser?return_to=${encodeURIComponent(`${APP}/profile`)}`,
    );
    const spa = await browserFetch(new CookieJar(), `${base}/self-service/settings/browser`, {
      headers: json,
    });
    expect(spa.status).toBe(401);
    expect(await spa.json()).toMatchObject({ error: { id: 'session_inactive' } });
    const get = await browserFetch(
      new CookieJar(),
      `${base}/self-service/settings?flow=${crypto.randomUUID()}`,
    );
    expect(get.status).toBe(302);
    expect(get.headers.get('location')).toBe(`${APP}/login`);
  });

  it('case=a form post saves the profile and returns to the settings UI', async () => {
    const { jar, email } = await signedIn();
    const flow = await browserFlow(jar);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'profile',
        'traits.email': email,
        'traits.age': '40',
        csrf_token: csrfOf(flow),
      }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${APP}/settings?flow=${flow.id}`);
    expect(jar.get('ory_kratos_session')).toBeDefined();
    const after = await fetchFlow(jar, flow.id);
    expect(after.state).toBe('success');
    expect(after.ui.messages?.map((m) => m.id)).toEqual([1050001]);
    expect(after.ui.nodes.find((n) => n.attributes.name === 'traits.age')?.attributes.value).toBe(40);
  });

  it('case=return_to wins over the settings UI after success', async () => {
    const { jar, email } = await signedIn();
    const flow = await browserFlow(jar, `?return_to=${encodeURIComponent(`${APP}/done`)}`);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ method: 'profile', 'traits.email': email, csrf_token: csrfOf(flow) }),
    });
    expect(res.headers.get('location')).toBe(`${APP}/done`);
  });

  it('case=a wrong CSRF token goes to the error UI and changes nothing', async () => {
    const { jar, email } = await signedIn();
    const flow = await browserFlow(jar);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ method: 'password', password: NEW_PASSWORD, csrf_token: 'forged' }),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toMatch(new RegExp(`^${APP}/error\\?id=`));
    expect((await passwordLogin(new CookieJar(), email, '')).status).toBe(303);
  });

  it('case=a stale session re-authenticates and the paused password change resumes', async () => {
    const { jar, email } = await signedIn(61 * 60_000);
    const flow = await browserFlow(jar);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ method: 'password', password: NEW_PASSWORD, csrf_token: csrfOf(flow) }),
    });
    expect(res.status).toBe(303);
    const submitUrl = `${base}/self-service/settings?flow=${flow.id}`;
    const refresh = res.headers.get('location') ?? '';
    expect(refresh).toBe(
      `${base}/self-service/login/browser?refresh=true&return_to=${encodeURIComponent(submitUrl)}`,
    );

    const login = await passwordLogin(jar, email, new URL(refresh).search);
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe(submitUrl);

    const resumed = await browserFetch(jar, submitUrl);
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toBe(`${APP}/settings?flow=${flow.id}`);
    expect((await fetchFlow(jar, flow.id)).state).toBe('success');
    // The old password no longer works; the paused change is consumed (a second GET finds nothing to do).
    expect((await passwordLogin(new CookieJar(), email, '')).status).toBe(303);
    const again = await browserFetch(jar, submitUrl);
    expect(again.status).toBe(303);
    expect((await fetchFlow(jar, flow.id)).ui.messages?.map((m) => m.id)).toEqual([4010004]);
  });
});

describe('settings in an SPA', () => {
  it('case=JSON init, success with continue_with, 403 with redirect_browser_to when stale', async () => {
    const { jar, email } = await signedIn();
    const init = await browserFetch(jar, `${base}/self-service/settings/browser`, { headers: json });
    const flow = (await init.json()) as Flow;
    expect(init.status).toBe(200);
    expectValidResponse('GET', `${base}/self-service/settings/browser`, 200, flow);
    const ok = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: { ...json, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'profile', traits: { email, age: 3 }, csrf_token: csrfOf(flow) }),
    });
    const body = (await ok.json()) as Flow & { continue_with: unknown };
    expect(ok.status).toBe(200);
    expectValidResponse('POST', flow.ui.action, 200, body);
    expect(body.continue_with).toEqual([
      { action: 'redirect_browser_to', redirect_browser_to: `${APP}/settings?flow=${flow.id}` },
    ]);
    expect(await fetchFlow(jar, flow.id)).not.toHaveProperty('continue_with');

    server.clock.advance(61 * 60_000);
    const fresh = (await (
      await browserFetch(jar, `${base}/self-service/settings/browser`, { headers: json })
    ).json()) as Flow;
    const stale = await browserFetch(jar, fresh.ui.action, {
      method: 'POST',
      headers: { ...json, 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'password', password: NEW_PASSWORD, csrf_token: csrfOf(fresh) }),
    });
    const err = (await stale.json()) as Record<string, unknown>;
    expect(stale.status).toBe(403);
    expectValidResponse('POST', fresh.ui.action, 403, err);
    expect(err).toMatchObject({ error: { id: 'session_refresh_required' } });
    expect(String(err.redirect_browser_to)).toContain('/self-service/login/browser?refresh=true&return_to=');
  });

  it('case=/.well-known/change-password leads to the settings UI', async () => {
    const res = await fetch(`${base}/.well-known/change-password`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`${APP}/settings`);
  });
});
