// Passwordless code login, the edges: bad input (malformed JSON, wrong types, resend values, __proto__,
// unknown flows, CSRF) answers Kratos's 4xx and stores no code; the method switched off; the refresh address
// picker feature flag.
import type { LoginFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attrs, codeSchemaConfig, messageIds, node, submitRaw } from '../helpers/code-flows';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { Inbox } from '../helpers/inbox';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
let server: TestServer;
let inbox: Inbox;
let base: string;

beforeAll(async () => {
  server = await createTestServer({
    identity: codeSchemaConfig,
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { code: { passwordless_enabled: true, config: { lifespan: '10m' } } },
    },
  });
  inbox = new Inbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

async function newAccount(traits: Record<string, string>): Promise<string> {
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'code', traits },
  });
  return data.id;
}

describe('bad input changes nothing', () => {
  async function codesStored(): Promise<number> {
    const row = server.registry.database.prepare('SELECT COUNT(*) AS n FROM selfservice_codes').get() as {
      n: number;
    };
    return row.n;
  }

  it.each([
    ['malformed JSON', '{"method":"code",', 400],
    ['identifier of the wrong type', '{"method":"code","identifier":42}', 400],
    ['code of the wrong type', '{"method":"code","identifier":"a@b.c","code":["1"]}', 400],
    ['resend other than "code"', '{"method":"code","identifier":"a@b.c","resend":"email"}', 400],
    ['transient_payload not an object', '{"method":"code","identifier":"a@b.c","transient_payload":1}', 400],
    ['__proto__ keys', '{"method":"code","identifier":"nobody@example.com","__proto__":{"polluted":1}}', 400],
  ])('case=%s is refused and stores no code', async (_case, body, status) => {
    const before = await codesStored();
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await submitRaw(flow.ui.action, body, {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(res.status).toBe(status);
    expect((res.body as { ui?: unknown }).ui ?? (res.body as { error?: unknown }).error).toBeDefined();
    expect(await codesStored()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('case=wrong types become messages on the field', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await submitRaw(flow.ui.action, '{"method":"code","identifier":42}', {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(
      (node(res.body as unknown as LoginFlow, 'identifier')?.messages ?? []).map((m) => [m.id, m.text]),
    ).toEqual([[4000026, 'expected string, but got number']]);
  });

  it('case=an unknown flow is 404, a malformed flow id 400', async () => {
    const unknown = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: '6b9a8f4e-0000-4000-8000-00000000abcd',
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: 'a@b.c' },
      }),
    );
    expect(unknown.status).toBe(404);
    const malformed = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: 'nope',
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: 'a@b.c' },
      }),
    );
    expect(malformed.status).toBe(400);
  });

  it('case=a browser flow without the CSRF token is 403 and sends nothing', async () => {
    const email = uniqueEmail('csrf');
    await newAccount({ email });
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/login/browser`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await init.json()) as LoginFlow;
    const before = await codesStored();
    const res = await submitRaw(
      flow.ui.action,
      JSON.stringify({ method: 'code', identifier: email, csrf_token: 'x' }),
      {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Cookie: jar.header(),
      },
    );
    expect(res.status).toBe(403);
    expect((res.body as { error: { id: string } }).error.id).toBe('security_csrf_violation');
    expect(await codesStored()).toBe(before);
    expect(await inbox.queuedFor(email)).toBe(0);
  });
});

describe('without passwordless_enabled', () => {
  it('case=the login form has no code button and method=code finds no strategy', async () => {
    const plain = await createTestServer({ identity: codeSchemaConfig });
    try {
      const { data: flow } = await plain.sdk.frontend.createNativeLoginFlow();
      expect(node(flow, 'method', 'code')).toBeUndefined();
      const res = await expectFailure(
        plain.sdk.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: 'a@example.com' },
        }),
      );
      expect(messageIds(res.data as unknown as LoginFlow)).toEqual([4010002]);
    } finally {
      await plain.close();
    }
  });
});

describe('feature_flags.refresh_login_choose_address', () => {
  it("case=refresh logins offer the session identity's addresses; the chosen one gets the code", async () => {
    const picker = await createTestServer({
      identity: codeSchemaConfig,
      feature_flags: { refresh_login_choose_address: true },
      selfservice: {
        default_browser_return_url: `${APP}/welcome`,
        methods: { code: { passwordless_enabled: true } },
      },
    });
    try {
      const mail = new Inbox(picker);
      const email = uniqueEmail('picker');
      await picker.sdk.identity.createIdentity({
        createIdentityBody: { schema_id: 'code', traits: { email } },
      });
      const { data: first } = await picker.sdk.frontend.createNativeLoginFlow();
      await expectFailure(
        picker.sdk.frontend.updateLoginFlow({
          flow: first.id,
          updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email },
        }),
      );
      const { data: session } = await picker.sdk.frontend.updateLoginFlow({
        flow: first.id,
        updateLoginFlowBody: {
          method: 'code',
          csrf_token: '',
          identifier: email,
          code: (await mail.nextEmail(email)).code,
        },
      });
      const token = session.session_token as string;

      const { data: flow } = await picker.sdk.frontend.createNativeLoginFlow({
        refresh: true,
        xSessionToken: token,
      });
      const buttons = flow.ui.nodes.filter((n) => n.group === 'code');
      expect(buttons.map((n) => [attrs(n).name, attrs(n).value])).toEqual([['address', email]]);
      const sent = await submitRaw(flow.ui.action, JSON.stringify({ address: email }), {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        'X-Session-Token': token,
      });
      expect(sent.status).toBe(400);
      expect(messageIds(sent.body as unknown as LoginFlow)).toEqual([1010025]);
      const { data: done } = await picker.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: {
          method: 'code',
          csrf_token: '',
          identifier: email,
          code: (await mail.nextEmail(email)).code,
        },
      });
      expect(done.session.authentication_methods?.map((m) => m.method)).toEqual(['code', 'code']);
    } finally {
      await picker.close();
    }
  });
});
