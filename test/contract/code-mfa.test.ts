// Codes as a second factor (`selfservice.methods.code.mfa_enabled`): fast login (one address and no other
// second factor: the code goes out when the aal2 flow is created), one "Send code to" button per address
// otherwise, AMR `code` at aal2, whoami's AAL before and after, the fallback to verifiable addresses.
import type { LoginFlow, SuccessfulNativeLogin } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attrs,
  codeSchemaConfig,
  csrfOf,
  messageIds,
  node,
  nodeSummary,
  submitRaw,
  uniquePhone,
} from '../helpers/code-flows';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { Inbox } from '../helpers/inbox';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { base64Schema, createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
const APP = 'http://127.0.0.1:4455';
let server: TestServer;
let inbox: Inbox;

const mfaConfig = (code: Record<string, unknown> = {}) => ({
  identity: codeSchemaConfig,
  selfservice: {
    default_browser_return_url: `${APP}/welcome`,
    allowed_return_urls: [`${APP}/`],
    methods: { code: { mfa_enabled: true, ...code }, totp: { enabled: true } },
  },
});

beforeAll(async () => {
  server = await createTestServer(mfaConfig());
  inbox = new Inbox(server);
});
afterAll(() => server.close());

async function account(
  s: TestServer,
  traits: Record<string, string>,
  credentials: Record<string, unknown> = {},
  schemaId = 'code',
): Promise<string> {
  const { data } = await s.sdk.identity.createIdentity({
    createIdentityBody: {
      schema_id: schemaId,
      traits,
      credentials: { password: { config: { password: PASSWORD } }, ...credentials },
    },
  });
  return data.id;
}

/** Password login (first factor); returns the session token. */
async function passwordLogin(s: TestServer, identifier: string): Promise<string> {
  const { data: flow } = await s.sdk.frontend.createNativeLoginFlow();
  const { data } = await s.sdk.frontend.updateLoginFlow({
    flow: flow.id,
    updateLoginFlowBody: { method: 'password', identifier, password: PASSWORD },
  });
  return data.session_token as string;
}

async function whoamiStatus(s: TestServer, token: string): Promise<number> {
  try {
    await s.sdk.frontend.toSession({ xSessionToken: token });
    return 200;
  } catch (err) {
    return (err as { response: { status: number } }).response.status;
  }
}

describe('fast login', () => {
  it('case=one address: creating the aal2 flow sends the code; the code completes aal2', async () => {
    const email = uniqueEmail('fast');
    await account(server, { email });
    const token = await passwordLogin(server, email);
    const denied = await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }));
    expect(denied.status).toBe(403);
    expect((denied.data.error as { id: string }).id).toBe('session_aal2_required');

    const { data: flow, status } = await server.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      xSessionToken: token,
    });
    expect(status).toBe(200);
    expect(flow.state).toBe('sent_email');
    expect(flow.active).toBe('code');
    expect(flow.ui.messages).toEqual([
      {
        id: 1010025,
        text: "A code was sent to your address. If you didn't receive it, please try again.",
        type: 'info',
      },
    ]);
    expect(nodeSummary(flow)).toEqual([
      'code/identifier:hidden',
      'code/method:hidden',
      'code/code:text',
      'code/method:submit',
      'code/resend:submit',
    ]);
    expect(node(flow, 'identifier')?.meta.label).toEqual({
      id: 1010023,
      text: `Send code to ${email}`,
      type: 'info',
      context: { address: email, channel: 'email' },
    });
    expect(attrs(node(flow, 'identifier')!).value).toBe(email);

    const { code } = await inbox.nextEmail(email);
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email, code },
    });
    const done = data as SuccessfulNativeLogin;
    expect(done.session_token).toBe(token);
    expect(done.session.authenticator_assurance_level).toBe('aal2');
    expect(done.session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([
      ['password', 'aal1'],
      ['code', 'aal2'],
    ]);
    const whoami = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(whoami.data.authenticator_assurance_level).toBe('aal2');
  });

  it('case=browsers: the init redirects to the code form (SPA: 200 + flow), the code upgrades the cookie session', async () => {
    const email = uniqueEmail('fastspa');
    await account(server, { email });
    const base = server.urls.public.replace(/\/$/, '');
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/login/browser`, {
      headers: { Accept: 'application/json' },
    });
    const login = (await init.json()) as LoginFlow;
    const first = await browserFetch(jar, login.ui.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        method: 'password',
        identifier: email,
        password: PASSWORD,
        csrf_token: csrfOf(login),
      }),
    });
    // The session is stored but does not satisfy highest_available: the SPA is sent to the aal2 flow.
    expect(first.status).toBe(422);

    const redirect = await browserFetch(jar, `${base}/self-service/login/browser?aal=aal2`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toMatch(new RegExp(`^${base}/ui/login\\?flow=`));
    await inbox.nextEmail(email);

    const spa = await browserFetch(jar, `${base}/self-service/login/browser?aal=aal2`, {
      headers: { Accept: 'application/json' },
    });
    expect(spa.status).toBe(200);
    const flow = (await spa.json()) as LoginFlow;
    expect(flow.state).toBe('sent_email');
    const { code } = await inbox.nextEmail(email);
    const done = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'code', identifier: email, code, csrf_token: csrfOf(flow) }),
    });
    expect(done.status).toBe(200);
    const whoami = await browserFetch(jar, `${base}/sessions/whoami`, {
      headers: { Accept: 'application/json' },
    });
    expect(whoami.status).toBe(200);
    expect(
      ((await whoami.json()) as { authenticator_assurance_level: string }).authenticator_assurance_level,
    ).toBe('aal2');
  });

  it('case=another second factor (TOTP) means no fast login: the buttons are offered instead', async () => {
    const email = uniqueEmail('totp');
    await account(
      server,
      { email },
      { totp: { config: { totp_url: 'otpauth://totp/x:y?secret=JBSWY3DPEHPK3PXP&issuer=x' } } },
    );
    const token = await passwordLogin(server, email);
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      xSessionToken: token,
    });
    expect(flow.state).toBe('choose_method');
    expect(messageIds(flow)).toEqual([1010004]);
    expect(nodeSummary(flow)).toContain('code/address:submit');
    expect(nodeSummary(flow)).toContain('totp/totp_code:text');
    expect(await inbox.queuedFor(email)).toBe(0);
  });
});

describe('several addresses', () => {
  it('case=one button per address; the chosen one gets the code (JSON 400 + flow, as Kratos answers)', async () => {
    const email = uniqueEmail('multi');
    const phone = uniquePhone();
    await account(server, { email, phone });
    const token = await passwordLogin(server, email);
    expect(await whoamiStatus(server, token)).toBe(403);
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      xSessionToken: token,
    });
    expect(flow.state).toBe('choose_method');
    expect(messageIds(flow)).toEqual([1010004]);
    const buttons = flow.ui.nodes.filter((n) => n.group === 'code');
    expect(buttons.map((n) => [attrs(n).name, attrs(n).type, attrs(n).value])).toEqual([
      ['address', 'submit', phone],
      ['address', 'submit', email],
    ]);
    expect(buttons[0]?.meta.label).toEqual({
      id: 1010023,
      text: `Send code to ${phone}`,
      type: 'info',
      context: { address: phone, channel: 'sms' },
    });

    const headers = {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-Session-Token': token,
    };
    const sent = await submitRaw(flow.ui.action, JSON.stringify({ address: phone }), headers);
    expect(sent.status).toBe(400);
    const codeForm = sent.body as unknown as LoginFlow;
    expect(codeForm.state).toBe('sent_email');
    expect(messageIds(codeForm)).toEqual([1010025]);
    const sms = await inbox.nextSms(phone);
    expect(await inbox.queuedFor(email)).toBe(0);

    const wrong = await submitRaw(
      flow.ui.action,
      JSON.stringify({
        method: 'code',
        code: sms.code === '000000' ? '111111' : '000000',
        identifier: phone,
      }),
      headers,
    );
    expect(messageIds(wrong.body as unknown as LoginFlow)).toEqual([4010008]);
    const done = await submitRaw(
      flow.ui.action,
      JSON.stringify({ method: 'code', code: sms.code, identifier: phone }),
      headers,
    );
    expect(done.status).toBe(200);
    expect(await whoamiStatus(server, token)).toBe(200);
  });

  it("case=another identity's address is refused with 4000035 and receives nothing", async () => {
    const email = uniqueEmail('mine');
    const phone = uniquePhone();
    await account(server, { email, phone });
    const other = uniqueEmail('theirs');
    await account(server, { email: other });
    const token = await passwordLogin(server, email);
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      xSessionToken: token,
    });
    const res = await submitRaw(flow.ui.action, JSON.stringify({ address: other }), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
      'X-Session-Token': token,
    });
    expect(res.status).toBe(400);
    expect(messageIds(res.body as unknown as LoginFlow)).toEqual([4000035]);
    expect(await inbox.queuedFor(other)).toBe(0);
  });
});

describe('mfa_enabled and the first factor', () => {
  it('case=aal1 login forms have no code button and method=code is not served', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    expect(node(flow, 'method', 'code')).toBeUndefined();
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: 'a@example.com' },
      }),
    );
    expect(messageIds(res.data as unknown as LoginFlow)).toEqual([4010002]);
  });
});

describe('missing_credential_fallback_enabled', () => {
  it('case=an identity without code credentials gets the code at its verifiable address', async () => {
    const legacySchema = {
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      properties: {
        traits: {
          type: 'object',
          properties: {
            email: {
              type: 'string',
              format: 'email',
              'ory.sh/kratos': {
                credentials: { password: { identifier: true } },
                verification: { via: 'email' },
              },
            },
          },
          required: ['email'],
        },
      },
    };
    const fallback = await createTestServer({
      ...mfaConfig({ config: { missing_credential_fallback_enabled: true } }),
      identity: { default_schema_id: 'legacy', schemas: [{ id: 'legacy', url: base64Schema(legacySchema) }] },
    });
    try {
      const email = uniqueEmail('legacy');
      const id = await account(fallback, { email }, {}, 'legacy');
      const token = await passwordLogin(fallback, email);
      // Nothing requires aal2 here (no code credential), but the user may still step up.
      expect(await whoamiStatus(fallback, token)).toBe(200);
      const { data: flow } = await fallback.sdk.frontend.createNativeLoginFlow({
        aal: 'aal2',
        xSessionToken: token,
      });
      expect(flow.state).toBe('sent_email');
      const { code } = await new Inbox(fallback).nextEmail(email);
      const { data } = await fallback.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email, code },
      });
      expect(data.session.authenticator_assurance_level).toBe('aal2');
      const { data: identity } = await fallback.sdk.identity.getIdentity({ id });
      expect(identity.credentials?.code).toBeUndefined();
      expect(identity.verifiable_addresses?.[0]?.verified).toBe(true);
    } finally {
      await fallback.close();
    }
  });
});
