// The remote proxy: the backend adds the connection's bearer token upstream, never forwards the console's
// own credentials, and nothing it returns to the renderer contains the secret.
import { statSync, readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConnectionProfile } from '../../src/shared/console-api';
import { createTestServer, type TestServer } from '../helpers/server';
import { startBearerProxy, type BearerProxy } from './bearer-proxy';
import { json, startConsoleHarness, type ConsoleHarness } from './helpers';

const API_KEY = 'ory_pat_S3cr3tValueThatMustNeverLeak0123456789';

let h: ConsoleHarness;
let remote: TestServer;
let proxy: BearerProxy;
let connection: ConnectionProfile;

beforeAll(async () => {
  h = await startConsoleHarness();
  remote = await createTestServer();
  proxy = await startBearerProxy(remote.urls.admin, API_KEY);
  await remote.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'default', traits: { email: 'remote-user@example.com' } },
  });
  const res = await h.api('/api/connections', {
    method: 'POST',
    body: json({
      name: 'Staging',
      adminUrl: proxy.url,
      publicUrl: remote.urls.public,
      color: 'orange',
      production: false,
      apiKey: API_KEY,
    }),
  });
  expect(res.status).toBe(201);
  connection = (await res.json()) as ConnectionProfile;
});
afterAll(async () => {
  await h.close();
  await proxy.close();
  await remote.close();
});

describe('remote proxy', () => {
  it('case=list identities: the bearer token is added upstream', async () => {
    const res = await h.api(`/api/connections/${connection.id}/kratos/admin/identities?page_size=10`);
    expect(res.status).toBe(200);
    const identities = (await res.json()) as { traits: { email: string } }[];
    expect(identities.map((i) => i.traits.email)).toEqual(['remote-user@example.com']);
    expect(res.headers.get('link')).toContain('rel="first"');
    const last = proxy.seen.at(-1) as IncomingHttpHeaders;
    expect(last.authorization).toBe(`Bearer ${API_KEY}`);
  });

  it("case=the console's own token and cookies never travel upstream", async () => {
    await h.api(`/api/connections/${connection.id}/kratos/admin/identities`, {
      headers: { cookie: `gatehouse_console_${h.backend.port}=${h.backend.token}; other=1` },
    });
    const last = proxy.seen.at(-1) as IncomingHttpHeaders;
    expect(last.cookie).toBeUndefined();
    expect(JSON.stringify(last)).not.toContain(h.backend.token);
  });

  it('case=a connection without a key gets the upstream 401, explained by the connection test', async () => {
    const res = await h.api('/api/connections/test', {
      method: 'POST',
      body: json({ name: 'No key', adminUrl: proxy.url, color: 'blue', production: false }),
    });
    const result = (await res.json()) as { ok: boolean; authorized: boolean; problems: string[] };
    expect(result.ok).toBe(false);
    expect(result.authorized).toBe(false);
    expect(result.problems.join(' ')).toContain('needs an API key');
  });

  it('case=connection test shows the remote version and health', async () => {
    const res = await h.api(`/api/connections/${connection.id}/test`, { method: 'POST' });
    expect(await res.json()).toMatchObject({
      ok: true,
      reachable: true,
      version: 'v26.2.0',
      alive: true,
      ready: true,
      authorized: true,
    });
  });

  it('case=paths outside the Kratos admin API are refused before anything is sent', async () => {
    const before = proxy.seen.length;
    for (const path of [
      '/self-service/login/api',
      '/admin/../../etc/passwd',
      '/admin/identities/../../secret',
      '/debug',
    ]) {
      const res = await h.api(`/api/connections/${connection.id}/kratos${path}`);
      expect([404], path).toContain(res.status);
    }
    expect(proxy.seen.length).toBe(before);
  });

  it('case=an unreachable upstream is a readable 502', async () => {
    const res = await h.api('/api/connections', {
      method: 'POST',
      body: json({ name: 'Down', adminUrl: 'http://127.0.0.1:9', color: 'red', production: false }),
    });
    const down = (await res.json()) as ConnectionProfile;
    const list = await h.api(`/api/connections/${down.id}/kratos/admin/identities`);
    expect(list.status).toBe(502);
    const body = (await list.json()) as { error: { id: string; reason: string } };
    expect(body.error.id).toBe('gatehouse_upstream_unreachable');
    expect(body.error.reason).toContain('Could not reach http://127.0.0.1:9');
  });
});

describe('secrets never reach the renderer', () => {
  it('case=an upstream that echoes the key: redacted in body and headers, Set-Cookie dropped', async () => {
    const echo = createServer((req, res) => {
      const auth = req.headers.authorization ?? '';
      res.writeHead(200, {
        'content-type': 'application/json',
        link: `<http://x/admin/identities?page_token=${auth}>; rel="next"`,
        'set-cookie': `leak=${auth}`,
        'x-debug-auth': auth,
      });
      res.end(JSON.stringify([{ id: 'x', debug: { authorization: auth, key: API_KEY } }]));
    });
    await new Promise<void>((d) => echo.listen(0, '127.0.0.1', d));
    const url = `http://127.0.0.1:${(echo.address() as AddressInfo).port}`;
    try {
      const created = await h.api('/api/connections', {
        method: 'POST',
        body: json({ name: 'Echo', adminUrl: url, color: 'grape', production: false, apiKey: API_KEY }),
      });
      const { id } = (await created.json()) as ConnectionProfile;
      const res = await h.api(`/api/connections/${id}/kratos/admin/identities`);
      const text = await res.text();
      const headers = JSON.stringify([...res.headers.entries()]);
      expect(text).not.toContain(API_KEY);
      expect(text).toContain('[redacted]');
      expect(headers).not.toContain(API_KEY);
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('x-debug-auth')).toBeNull();
    } finally {
      echo.close();
      echo.closeAllConnections();
    }
  });

  it('case=every console endpoint: the key appears in no response', async () => {
    const paths: [string, RequestInit?][] = [
      ['/api/info'],
      ['/api/connections'],
      [`/api/connections/${connection.id}`],
      [`/api/connections/${connection.id}/test`, { method: 'POST' }],
      [`/api/connections/${connection.id}/schemas`],
      [`/api/connections/${connection.id}/export/identities`],
      [`/api/connections/${connection.id}/kratos/version`],
      [
        `/api/connections/${connection.id}`,
        {
          method: 'PUT',
          body: json({
            name: 'Staging 2',
            adminUrl: proxy.url,
            publicUrl: remote.urls.public,
            color: 'orange',
            production: false,
          }),
        },
      ],
    ];
    for (const [path, init] of paths) {
      const res = await h.api(path, init);
      expect(res.status, path).toBeLessThan(300);
      const all = `${JSON.stringify([...res.headers.entries()])}\n${await res.text()}`;
      expect(all, path).not.toContain(API_KEY);
      expect(all, path).not.toContain('S3cr3t');
    }
    const listed = (await (await h.api('/api/connections')).json()) as ConnectionProfile[];
    expect(listed.find((c) => c.id === connection.id)).toMatchObject({ hasApiKey: true, name: 'Staging 2' });
  });

  it('case=at rest: the profile file holds no key; the secrets file is 0600', () => {
    const profiles = readFileSync(join(h.dataDir, 'console', 'connections.json'), 'utf8');
    expect(profiles).not.toContain(API_KEY);
    const secretsFile = join(h.dataDir, 'console', 'secrets.json');
    expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
  });

  it('case=apiKey null removes the key; absent keeps it', async () => {
    const base = { name: 'Staging', adminUrl: proxy.url, color: 'orange', production: false };
    let res = await h.api(`/api/connections/${connection.id}`, { method: 'PUT', body: json(base) });
    expect(((await res.json()) as ConnectionProfile).hasApiKey).toBe(true);
    res = await h.api(`/api/connections/${connection.id}`, {
      method: 'PUT',
      body: json({ ...base, apiKey: null }),
    });
    expect(((await res.json()) as ConnectionProfile).hasApiKey).toBe(false);
    res = await h.api(`/api/connections/${connection.id}`, {
      method: 'PUT',
      body: json({ ...base, apiKey: API_KEY }),
    });
    expect(((await res.json()) as ConnectionProfile).hasApiKey).toBe(true);
  });
});
