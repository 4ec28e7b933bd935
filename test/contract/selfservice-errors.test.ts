// The error paths of login and registration, as a table where it fits: CSRF, API-flow misuse, expiry,
// replay, return_to, duplicates, missing traits, password policy, disabled identities, unknown flows.
import type { LoginFlow, RegistrationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { createIdentity, uniqueEmail } from '../helpers/identities';
import { expectValidResponse } from '../helpers/openapi';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
let server: TestServer;
let base: string;

beforeAll(async () => {
  server = await createTestServer({
    selfservice: {
      default_browser_return_url: 'http://127.0.0.1:4455/',
      allowed_return_urls: ['http://127.0.0.1:4455/'],
      methods: { password: { config: { haveibeenpwned_enabled: true } } },
      flows: {
        login: { lifespan: '10m', ui_url: 'http://127.0.0.1:4455/login' },
        registration: {
          lifespan: '10m',
          enable_legacy_one_step: true,
          ui_url: 'http://127.0.0.1:4455/registration',
        },
      },
    },
  });
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

const messageIds = (flow: { ui: { messages?: { id: number }[] } }): number[] =>
  (flow.ui.messages ?? []).map((m) => m.id);
const nodeMessages = (
  flow: { ui: { nodes: { attributes: unknown; messages: { id: number; text: string }[] }[] } },
  name: string,
) => flow.ui.nodes.find((n) => (n.attributes as { name?: string }).name === name)?.messages ?? [];

async function nativeRegister(
  traits: Record<string, unknown>,
  password = PASSWORD,
): Promise<{ status: number; flow: RegistrationFlow }> {
  const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
  try {
    await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'password', password, traits },
    });
    return { status: 200, flow };
  } catch (err) {
    const { status, data } = await expectFailure(Promise.reject(err));
    return { status, flow: data as unknown as RegistrationFlow };
  }
}

describe('registration validation', () => {
  it('case=duplicate email in several spellings is 4000007', async () => {
    const email = uniqueEmail('dup');
    expect((await nativeRegister({ email })).status).toBe(200);
    for (const variant of [
      email.toUpperCase(),
      email.replace('@', '@').replace(/^(.)/, (c) => c.toUpperCase()),
    ]) {
      const { status, flow } = await nativeRegister({ email: variant });
      expect(status).toBe(400);
      expect(messageIds(flow)).toEqual([4000007]);
      expect(nodeMessages(flow, 'password')).toEqual([]);
    }
  });

  it.each([
    ['missing traits', {}, PASSWORD, 'traits.email', 4000002],
    ['invalid email', { email: 'not-an-email' }, PASSWORD, 'traits.email', 4000040],
    ['breached password 12345678', { email: 'fresh-1@example.com' }, '12345678', 'password', 4000034],
    ['too short', { email: 'fresh-2@example.com' }, 'abc', 'password', 4000032],
    [
      'too similar to the email',
      { email: 'similarity.check@example.com' },
      'similarity.check@example.com1',
      'password',
      4000031,
    ],
  ])('case=%s', async (_name, traits, password, node, id) => {
    const { status, flow } = await nativeRegister(traits, password);
    expect(status).toBe(400);
    expect(nodeMessages(flow, node).map((m) => m.id)).toEqual([id]);
  });

  it('case=missing password is "Property password is missing."', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    const res = await expectFailure(
      server.sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: 'password', password: '', traits: { email: uniqueEmail() } },
      }),
    );
    expect(nodeMessages(res.data as unknown as RegistrationFlow, 'password')).toEqual([
      {
        id: 4000002,
        text: 'Property password is missing.',
        type: 'error',
        context: { property: 'password' },
      },
    ]);
  });
});

describe('login validation', () => {
  it('case=missing identifier and password land on their fields', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'password', identifier: '', password: '' },
      }),
    );
    const f = res.data as unknown as LoginFlow;
    expect(nodeMessages(f, 'identifier').map((m) => m.text)).toEqual(['Property identifier is missing.']);
    expect(nodeMessages(f, 'password').map((m) => m.text)).toEqual(['Property password is missing.']);
  });

  it('case=an unknown method is 4010002', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'carrier-pigeon' } as never,
      }),
    );
    expect(messageIds(res.data as unknown as LoginFlow)).toEqual([4010002]);
  });

  it('case=an inactive identity cannot sign in (4010011)', async () => {
    const email = uniqueEmail('inactive');
    const identity = await createIdentity(server, { email, password: PASSWORD });
    await server.sdk.identity.patchIdentity({
      id: identity.id,
      jsonPatch: [{ op: 'replace', path: '/state', value: 'inactive' }],
    });
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD },
      }),
    );
    expect(res.status).toBe(400);
    expect(messageIds(res.data as unknown as LoginFlow)).toEqual([4010011]);
  });

  it('case=a completed flow cannot be replayed (4010007)', async () => {
    const email = uniqueEmail('replay');
    await createIdentity(server, { email, password: PASSWORD });
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const body = { method: 'password' as const, identifier: email, password: PASSWORD };
    await server.sdk.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: body });
    const replay = await expectFailure(
      server.sdk.frontend.updateLoginFlow({ flow: flow.id, updateLoginFlowBody: body }),
    );
    expect(replay.status).toBe(400);
    expect(messageIds(replay.data as unknown as LoginFlow)).toEqual([4010007]);
  });

  it('case=an unknown identifier costs about as long as a wrong password', async () => {
    // A realistic hasher (bcrypt cost 10, tens of ms) so the hash dominates scheduling noise.
    const slow = await createTestServer({}, { bcryptCost: 10 });
    const email = uniqueEmail('timing');
    await createIdentity(slow, { email, password: PASSWORD });
    const time = async (identifier: string): Promise<number> => {
      const { data: flow } = await slow.sdk.frontend.createNativeLoginFlow();
      const start = performance.now();
      await expectFailure(
        slow.sdk.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: 'password', identifier, password: 'wrong wrong wrong' },
        }),
      );
      return performance.now() - start;
    };
    const median = (xs: number[]): number =>
      [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 15; i++) {
      known.push(await time(email));
      unknown.push(await time(`nobody-${i}@example.com`));
    }
    await slow.close();
    // The unknown path sleeps for the verify time measured at start: the medians agree within a third.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.67);
    expect(median(unknown)).toBeLessThan(median(known) * 1.5);
  }, 30_000);
});

describe('flow lifecycle', () => {
  it('case=an expired native flow is 410 with a replacement that carries the expired message', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    server.clock.advance(11 * 60 * 1000);
    try {
      const res = await expectFailure(
        server.sdk.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: 'password', identifier: 'x@example.com', password: 'y' },
        }),
      );
      expect(res.status).toBe(410);
      expect(res.data).toMatchObject({
        error: { id: 'self_service_flow_expired', code: 410 },
        expired_at: flow.expires_at,
      });
      const replacement = (
        await server.sdk.frontend.getLoginFlow({ id: (res.data as { use_flow_id: string }).use_flow_id })
      ).data;
      expect(messageIds(replacement)).toEqual([4010001]);
      const get = await expectFailure(server.sdk.frontend.getLoginFlow({ id: flow.id }));
      expect(get.status).toBe(410);
      expect(get.data).toMatchObject({
        error: { id: 'self_service_flow_expired', details: { api: `${base}/self-service/login/api` } },
      });
    } finally {
      server.clock.reset();
    }
  });

  it('case=an expired browser flow redirects to a new flow', async () => {
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/registration/browser`);
    const id = new URL(init.headers.get('location') as string).searchParams.get('flow') as string;
    server.clock.advance(11 * 60 * 1000);
    try {
      const res = await browserFetch(jar, `${base}/self-service/registration?flow=${id}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ method: 'password', password: PASSWORD, 'traits.email': uniqueEmail() }),
      });
      expect(res.status).toBe(303);
      const next = new URL(res.headers.get('location') as string).searchParams.get('flow');
      expect(next).not.toBe(id);
      const flow = (await (
        await browserFetch(jar, `${base}/self-service/registration/flows?id=${next}`)
      ).json()) as RegistrationFlow;
      expect(messageIds(flow)).toEqual([4040001]);
    } finally {
      server.clock.reset();
    }
  });

  it.each([
    ['unknown flow id', '00000000-0000-4000-8000-000000000000', 404],
    ['malformed flow id', 'nope', 400],
  ])('case=%s', async (_name, id, status) => {
    const res = await fetch(`${base}/self-service/login?flow=${id}`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(status);
    const body = await res.json();
    expectValidResponse('POST', `${base}/self-service/login`, status, body);
  });

  it('case=return_to outside the allow-list is refused', async () => {
    const res = await expectFailure(
      server.sdk.frontend.createNativeLoginFlow({ returnTo: 'https://evil.example/' }),
    );
    expect(res).toMatchObject({
      status: 400,
      data: {
        error: {
          id: 'self_service_flow_return_to_forbidden',
          reason: 'Requested return_to URL "https://evil.example/" is not allowed.',
        },
      },
    });
  });
});

describe('CSRF on browser flows', () => {
  async function browserFlow(): Promise<{ jar: CookieJar; action: string; token: string }> {
    const jar = new CookieJar();
    const res = await browserFetch(jar, `${base}/self-service/login/browser`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await res.json()) as LoginFlow;
    const token = String((flow.ui.nodes[0]?.attributes as { value: string }).value);
    return { jar, action: flow.ui.action, token };
  }
  const post = (
    jar: CookieJar | undefined,
    action: string,
    body: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> =>
    (jar
      ? (u: string, i: RequestInit) => browserFetch(jar, u, i)
      : (u: string, i: RequestInit) => fetch(u, { ...i, redirect: 'manual' }))(action, {
      method: 'POST',
      headers: {
        Accept: 'application/json',
        'Content-Type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      body: new URLSearchParams(body),
    });

  it.each([
    ['no cookies at all', 'none', 'The HTTP Cookie Header is empty or not set.'],
    [
      'cookies without the CSRF cookie',
      'other',
      'The HTTP Cookie Header was set but did not include the anti-CSRF cookie.',
    ],
    [
      'token from another browser',
      'mismatch',
      'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.',
    ],
  ])('case=%s is 403 with its reason', async (_name, mode, reason) => {
    const { jar, action, token } = await browserFlow();
    const other = await browserFlow();
    const body = {
      method: 'password',
      identifier: 'a@example.com',
      password: 'x',
      csrf_token: mode === 'mismatch' ? other.token : token,
    };
    const res =
      mode === 'none'
        ? await post(undefined, action, body)
        : mode === 'other'
          ? await post(undefined, action, body, { Cookie: 'unrelated=1' })
          : await post(jar, action, body);
    expect(res.status).toBe(403);
    const json = (await res.json()) as { error: { id: string; details: { reject_reason?: string } } };
    expect(json.error.id).toBe('security_csrf_violation');
    expect(json.error.details.reject_reason).toBe(reason);
  });

  it('case=cookie present but no token sent', async () => {
    const { jar, action } = await browserFlow();
    const res = await post(jar, action, { method: 'password', identifier: 'a@example.com', password: 'x' });
    expect(res.status).toBe(403);
    const json = (await res.json()) as { error: { details: { hint: string } } };
    expect(json.error.details.hint).toMatch(/CSRF token was not included/);
  });

  it('case=the token may come in X-CSRF-Token', async () => {
    const email = uniqueEmail('header');
    await createIdentity(server, { email, password: PASSWORD });
    const { jar, action, token } = await browserFlow();
    const res = await post(
      jar,
      action,
      { method: 'password', identifier: email, password: PASSWORD },
      { 'X-CSRF-Token': token },
    );
    expect(res.status).toBe(200);
  });

  it('case=fetching a browser flow without its CSRF cookie is 403', async () => {
    const { action } = await browserFlow();
    const id = new URL(action).searchParams.get('flow');
    const res = await fetch(`${base}/self-service/login/flows?id=${id}`, {
      headers: { Accept: 'application/json' },
    });
    expect(res.status).toBe(403);
  });

  it.each([
    ['an Origin header', { Origin: 'http://127.0.0.1:4455' }, /"Origin" key/],
    ['a cookie', { Cookie: 'session=abc' }, /"Cookie" key/],
  ])(
    'case=an API flow with %s is refused (as a form message, like Kratos)',
    async (_name, headers, reason) => {
      const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
      const res = await fetch(flow.ui.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ method: 'password', identifier: 'a@example.com', password: 'x' }),
      });
      expect(res.status).toBe(400);
      const json = (await res.json()) as LoginFlow;
      expect(json.ui.messages?.[0]?.id).toBe(4000001);
      expect(json.ui.messages?.[0]?.text).toMatch(reason);
    },
  );
});
