// The console backend's front door: the per-launch token, the cookie it is exchanged for, and the
// loopback Host/Origin checks that stop DNS rebinding and cross-site requests.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsoleHarness, type ConsoleHarness } from './helpers';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsoleHarness();
});
afterAll(async () => h.close());

describe('access token', () => {
  it('case=no token: every API endpoint answers 401 with a Kratos-shaped error', async () => {
    for (const path of [
      '/api/info',
      '/api/connections',
      '/api/connections/embedded/kratos/admin/identities',
    ]) {
      const res = await h.api(path, { auth: false });
      expect(res.status, path).toBe(401);
      const body = (await res.json()) as { error: { id: string; code: number } };
      expect(body.error).toMatchObject({ id: 'gatehouse_console_unauthorized', code: 401 });
    }
  });

  it('case=wrong token: 401', async () => {
    const res = await h.api('/api/info', { headers: { authorization: 'Bearer not-the-token' } });
    expect(res.status).toBe(401);
  });

  it('case=bearer token: the API answers', async () => {
    const res = await h.api('/api/info');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ host: 'browser', secretStorage: { kind: 'file' } });
  });

  it('case=GET /?token= trades the token for an HttpOnly SameSite=Strict cookie and drops it from the URL', async () => {
    const res = await h.api(`/c/embedded/identities?token=${h.backend.token}&x=1`, { auth: false });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/c/embedded/identities?x=1');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`gatehouse_console_${h.backend.port}=${h.backend.token}`);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const withCookie = await h.api('/api/info', {
      auth: false,
      headers: { cookie: `gatehouse_console_${h.backend.port}=${h.backend.token}` },
    });
    expect(withCookie.status).toBe(200);
  });

  it('case=GET /?token=wrong: no cookie, redirect marks the failure', async () => {
    const res = await h.api('/?token=wrong', { auth: false });
    expect(res.status).toBe(303);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('location')).toBe('/?auth=invalid');
  });

  it('case=POST /api/session: the paste-your-token form sets the cookie; a wrong token does not', async () => {
    const bad = await h.api('/api/session', {
      auth: false,
      method: 'POST',
      body: JSON.stringify({ token: 'x' }),
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('set-cookie')).toBeNull();
    const good = await h.api('/api/session', {
      auth: false,
      method: 'POST',
      body: JSON.stringify({ token: h.backend.token }),
    });
    expect(good.status).toBe(204);
    expect(good.headers.get('set-cookie')).toMatch(/HttpOnly/i);
  });

  it('case=static files: served without the token (they hold no data) but with the CSP', async () => {
    const res = await h.api('/', { auth: false });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('loopback Host and Origin', () => {
  it('case=foreign Host (DNS rebinding): 421 even with the right token', async () => {
    // fetch() sets Host itself, so speak HTTP through node:http.
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: h.backend.port,
          path: '/api/info',
          headers: { host: `evil.example:${h.backend.port}`, authorization: `Bearer ${h.backend.token}` },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('case=loopback names on the console port are accepted', async () => {
    for (const origin of [`http://127.0.0.1:${h.backend.port}`, `http://localhost:${h.backend.port}`]) {
      const res = await h.api('/api/info', { headers: { origin } });
      expect(res.status, origin).toBe(200);
    }
  });

  it.each([
    ['cross-site origin', { origin: 'http://evil.example' }],
    ['loopback on another port', { origin: 'http://127.0.0.1:1' }],
    ['opaque origin', { origin: 'null' }],
    ['Sec-Fetch-Site cross-site', { 'sec-fetch-site': 'cross-site' }],
  ])('case=%s: 403', async (_name, headers) => {
    const res = await h.api('/api/connections', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'x', adminUrl: 'http://127.0.0.1:1', color: 'blue', production: false }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { id: string } }).error.id).toBe(
      'gatehouse_console_forbidden_origin',
    );
  });

  it('case=unknown API path: JSON 404, not the SPA page', async () => {
    const res = await h.api('/api/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
