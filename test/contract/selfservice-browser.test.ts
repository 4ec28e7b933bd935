// Browser self-service flows in both browser modes: server-rendered (form posts, 303s) and SPA
// (Accept: application/json with cookies), including CSRF, return_to, session cookies and logout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { uniqueEmail } from '../helpers/identities';
import { expectValidResponse } from '../helpers/openapi';
import { createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
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
        registration: {
          ui_url: `${APP}/registration`,
          after: { password: { hooks: [{ hook: 'session' }] } },
        },
        error: { ui_url: `${APP}/error` },
      },
    },
  });
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

const json = { Accept: 'application/json' };
const csrfOf = (flow: { ui: { nodes: { attributes: { name?: string; value?: unknown } }[] } }): string =>
  String(flow.ui.nodes.find((n) => n.attributes.name === 'csrf_token')?.attributes.value);

async function spaInit(
  jar: CookieJar,
  kind: 'login' | 'registration',
  query = '',
): Promise<
  Record<string, unknown> & {
    id: string;
    ui: { action: string; nodes: { attributes: { name?: string; value?: unknown } }[] };
  }
> {
  const res = await browserFetch(jar, `${base}/self-service/${kind}/browser${query}`, { headers: json });
  const body = (await res.json()) as Awaited<ReturnType<typeof spaInit>>;
  expect(res.status, JSON.stringify(body)).toBe(200);
  expectValidResponse('GET', res.url || `${base}/self-service/${kind}/browser`, 200, body);
  return body;
}

async function spaSubmit(
  jar: CookieJar,
  action: string,
  body: Record<string, unknown>,
  extra: Record<string, string> = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await browserFetch(jar, action, {
    method: 'POST',
    headers: { ...json, 'Content-Type': 'application/json', ...extra },
    body: JSON.stringify(body),
  });
  const data = (await res.json()) as Record<string, unknown>;
  expectValidResponse('POST', action, res.status, data);
  return { status: res.status, body: data };
}

async function spaRegister(jar: CookieJar, email: string): Promise<Record<string, unknown>> {
  const flow = await spaInit(jar, 'registration');
  const first = await spaSubmit(jar, flow.ui.action, {
    method: 'profile',
    traits: { email },
    csrf_token: csrfOf(flow),
  });
  expect(first.status).toBe(400);
  const done = await spaSubmit(jar, flow.ui.action, {
    method: 'password',
    password: PASSWORD,
    traits: { email },
    csrf_token: csrfOf(flow),
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return done.body;
}

describe('SPA (AJAX) flows', () => {
  it('case=registration and login set the session cookie and answer with continue_with, never a token', async () => {
    const jar = new CookieJar();
    const email = uniqueEmail('spa');
    const registered = await spaRegister(jar, email);
    expect(registered).not.toHaveProperty('session_token');
    expect(registered.continue_with).toEqual([
      { action: 'redirect_browser_to', redirect_browser_to: `${APP}/welcome` },
    ]);
    expect(jar.get('ory_kratos_session')).toBeDefined();
    expect(jar.names().some((n) => n.startsWith('csrf_token_'))).toBe(true);

    const whoami = await browserFetch(jar, `${base}/sessions/whoami`, { headers: json });
    expect(whoami.status).toBe(200);

    const fresh = new CookieJar();
    const flow = await spaInit(fresh, 'login', `?return_to=${encodeURIComponent(`${APP}/dashboard`)}`);
    expect(flow.return_to).toBe(`${APP}/dashboard`);
    const done = await spaSubmit(fresh, flow.ui.action, {
      method: 'password',
      identifier: email,
      password: PASSWORD,
      csrf_token: csrfOf(flow),
    });
    expect(done.status).toBe(200);
    expect(done.body).not.toHaveProperty('session_token');
    expect(done.body.continue_with).toEqual([
      { action: 'redirect_browser_to', redirect_browser_to: `${APP}/dashboard` },
    ]);
  });

  it('case=logout flow: URL, foreign token refused, logout revokes', async () => {
    const jar = new CookieJar();
    await spaRegister(jar, uniqueEmail('logout'));
    const other = new CookieJar();
    await spaRegister(other, uniqueEmail('other'));

    const res = await browserFetch(jar, `${base}/self-service/logout/browser`, { headers: json });
    const logout = (await res.json()) as { logout_url: string; logout_token: string };
    expectValidResponse('GET', `${base}/self-service/logout/browser`, 200, logout);
    expect(logout.logout_token).toMatch(/^ory_lo_[A-Za-z0-9]{32}$/);
    expect(logout.logout_url).toBe(`${base}/self-service/logout?token=${logout.logout_token}`);

    const foreign = await browserFetch(other, logout.logout_url, { headers: json });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({
      error: {
        reason:
          'Unable to log out because the logout token in the URL query does not match the session cookie.',
      },
    });

    const done = await browserFetch(jar, logout.logout_url, { headers: json });
    expect(done.status).toBe(204);
    expect(jar.get('ory_kratos_session')).toBeUndefined();
    expect((await browserFetch(jar, `${base}/sessions/whoami`)).status).toBe(401);
  });

  it('case=init with a session is session_already_available', async () => {
    const jar = new CookieJar();
    await spaRegister(jar, uniqueEmail('already'));
    const res = await browserFetch(jar, `${base}/self-service/login/browser`, { headers: json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { id: 'session_already_available', code: 400 } });
    const html = await browserFetch(jar, `${base}/self-service/login/browser`);
    expect(html.status).toBe(303);
    expect(html.headers.get('location')).toBe(`${APP}/welcome`);
  });
});

describe('server-rendered browser flows', () => {
  it('case=init redirects to the UI; errors redirect back to the same flow; success redirects to return_to', async () => {
    const jar = new CookieJar();
    const email = uniqueEmail('html');
    // Register through the SPA path first, then sign in with form posts.
    await spaRegister(new CookieJar(), email);

    const init = await browserFetch(
      jar,
      `${base}/self-service/login/browser?return_to=${encodeURIComponent(`${APP}/orders`)}`,
    );
    expect(init.status).toBe(303);
    const location = new URL(init.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/login`);
    const flowId = location.searchParams.get('flow') as string;

    const flow = (await (
      await browserFetch(jar, `${base}/self-service/login/flows?id=${flowId}`)
    ).json()) as {
      ui: { action: string; nodes: { attributes: { name?: string; value?: unknown } }[] };
    };
    const form = (password: string): URLSearchParams =>
      new URLSearchParams({ method: 'password', identifier: email, password, csrf_token: csrfOf(flow) });

    const wrong = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      body: form('nope nope nope'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(wrong.status).toBe(303);
    expect(wrong.headers.get('location')).toBe(`${APP}/login?flow=${flowId}`);
    const again = (await (
      await browserFetch(jar, `${base}/self-service/login/flows?id=${flowId}`)
    ).json()) as { ui: { messages: { id: number }[] } };
    expect(again.ui.messages.map((m) => m.id)).toEqual([4000006]);

    const ok = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      body: form(PASSWORD),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toBe(`${APP}/orders`);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('ory_kratos_session='));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=86\d{3}/);
    expect(cookie).not.toMatch(/Secure/); // dev mode
  });

  it('case=a system error in a browser flow goes to the error UI and is readable there', async () => {
    const jar = new CookieJar();
    const res = await browserFetch(
      jar,
      `${base}/self-service/login/browser?return_to=${encodeURIComponent('https://evil.example/')}`,
    );
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location') as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${APP}/error`);
    const err = await browserFetch(jar, `${base}/self-service/errors?id=${to.searchParams.get('id')}`, {
      headers: json,
    });
    const body = (await err.json()) as Record<string, unknown>;
    expectValidResponse('GET', `${base}/self-service/errors`, 200, body);
    expect(body).toMatchObject({ error: { id: 'self_service_flow_return_to_forbidden', code: 400 } });
    const stub = (await (
      await browserFetch(jar, `${base}/self-service/errors?id=stub:500`, { headers: json })
    ).json()) as Record<string, unknown>;
    expect(stub).toMatchObject({ error: { code: 500, reason: 'This is a stub error.' } });
  });
});
