// WebAuthn (security keys) in browser flows, as an SPA drives them (JSON with cookies), with a software
// authenticator: a key added in settings as the second factor and the aal2 sign-in with it; with
// `passwordless: true` sign-up and the two-step sign-in; the settings rules (display name required, the
// last passwordless key stays); native flows are not served (Kratos: browser only); bad answers are refused
// with Kratos's 4xx and change nothing.
import type { LoginFlow, UiNode } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import { expectValidResponse } from '../helpers/openapi';
import { expectFailure } from '../helpers/sdk';
import { base64Schema, createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';

const PASSWORD = 'correct horse battery staple 42';
const ORIGIN = 'http://localhost:4455';
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  type: 'object',
  properties: {
    traits: {
      type: 'object',
      properties: {
        email: {
          type: 'string',
          format: 'email',
          title: 'E-Mail',
          'ory.sh/kratos': {
            credentials: { password: { identifier: true }, webauthn: { identifier: true } },
          },
        },
      },
      required: ['email'],
      additionalProperties: false,
    },
  },
};

const webauthnConfig = (passwordless: boolean): Record<string, unknown> => ({
  identity: { default_schema_id: 'default', schemas: [{ id: 'default', url: base64Schema(schema) }] },
  selfservice: {
    default_browser_return_url: `${ORIGIN}/`,
    methods: {
      webauthn: {
        enabled: true,
        config: { passwordless, rp: { id: 'localhost', display_name: 'Gatehouse Test', origins: [ORIGIN] } },
      },
    },
    flows: { registration: { after: { webauthn: { hooks: [{ hook: 'session' }] } } } },
  },
});

let mfa: TestServer;
let passwordless: TestServer;
beforeAll(async () => {
  mfa = await createTestServer(webauthnConfig(false));
  passwordless = await createTestServer(webauthnConfig(true));
});
afterAll(async () => {
  await mfa.close();
  await passwordless.close();
});

interface Flow {
  id: string;
  state: string;
  ui: { action: string; messages?: { id: number; text: string }[]; nodes: UiNode[] };
}

const base = (s: TestServer): string => s.urls.public.replace(/\/$/, '');
const json = { Accept: 'application/json' };
const attr = (flow: Flow, name: string): Record<string, unknown> | undefined =>
  flow.ui.nodes.find((n) => (n.attributes as { name?: string }).name === name)?.attributes as
    Record<string, unknown> | undefined;
const value = (flow: Flow, name: string): string => String(attr(flow, name)?.value ?? '');
const messageIds = (flow: Flow): number[] => (flow.ui.messages ?? []).map((m) => m.id);

async function get(s: TestServer, jar: CookieJar, url: string): Promise<{ status: number; body: Flow }> {
  const res = await browserFetch(jar, url, { headers: json });
  const body = (await res.json()) as Flow;
  expectValidResponse('GET', url.split('?')[0] as string, res.status, body);
  return { status: res.status, body };
}

async function submit(
  jar: CookieJar,
  flow: Flow,
  body: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> & Flow }> {
  const csrf = value(flow, 'csrf_token');
  const res = await browserFetch(jar, flow.ui.action, {
    method: 'POST',
    headers: { ...json, 'Content-Type': 'application/json' },
    body: JSON.stringify({ csrf_token: csrf, ...body }),
  });
  const data = (await res.json()) as Record<string, unknown> & Flow;
  expectValidResponse('POST', flow.ui.action, res.status, data);
  return { status: res.status, body: data };
}

async function init(s: TestServer, jar: CookieJar, kind: string, query = ''): Promise<Flow> {
  const res = await get(s, jar, `${base(s)}/self-service/${kind}/browser${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function whoami(s: TestServer, jar: CookieJar): Promise<Record<string, unknown>> {
  const res = await browserFetch(jar, `${base(s)}/sessions/whoami`, { headers: json });
  return (await res.json()) as Record<string, unknown>;
}

async function storedWebAuthn(s: TestServer, id: string): Promise<Record<string, unknown> | undefined> {
  const { data } = await s.sdk.identity.getIdentity({ id, includeCredential: ['webauthn'] });
  return data.credentials?.webauthn as unknown as Record<string, unknown> | undefined;
}

const keysOf = (cred: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  (cred?.config as { credentials?: Record<string, unknown>[] } | undefined)?.credentials ?? [];

/** A password user with a fresh (privileged) session cookie. */
async function passwordUser(s: TestServer): Promise<{ jar: CookieJar; email: string; id: string }> {
  const email = uniqueEmail('key');
  const identity = await createIdentity(s, { email, password: PASSWORD });
  const jar = new CookieJar();
  jar.store(issueSession(s, identity.id).cookie);
  return { jar, email, id: identity.id };
}

/** Adds a security key in settings; returns the authenticator holding it. */
async function addKey(s: TestServer, jar: CookieJar, name = 'My key'): Promise<SoftwareAuthenticator> {
  const flow = await init(s, jar, 'settings');
  const key = new SoftwareAuthenticator();
  const done = await submit(jar, flow, {
    method: 'webauthn',
    webauthn_register_displayname: name,
    webauthn_register: key.create(value(flow, 'webauthn_register_trigger'), ORIGIN),
  });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return key;
}

/** Password sign-in in a new browser; answers the aal2 flow the session then needs. */
async function aal2Flow(s: TestServer, email: string): Promise<{ jar: CookieJar; flow: Flow }> {
  const jar = new CookieJar();
  const login = await init(s, jar, 'login');
  const first = await submit(jar, login, { method: 'password', identifier: email, password: PASSWORD });
  expect(first.status).toBe(422);
  expect(String(first.body.redirect_browser_to)).toContain('aal=aal2');
  return { jar, flow: await init(s, jar, 'login', '?aal=aal2') };
}

describe('a security key as the second factor', () => {
  it('case=settings offers a key with creation options for the identity', async () => {
    const { jar, id } = await passwordUser(mfa);
    const flow = await init(mfa, jar, 'settings');
    const trigger = attr(flow, 'webauthn_register_trigger');
    expect(trigger).toMatchObject({
      type: 'button',
      onclickTrigger: 'oryWebAuthnRegistration',
      onclick: `window.oryWebAuthnRegistration(${value(flow, 'webauthn_register_trigger')})`,
    });
    expect(attr(flow, 'webauthn_register_displayname')).toMatchObject({ type: 'text', value: '' });
    expect(attr(flow, 'webauthn_register')).toMatchObject({ type: 'hidden', value: '' });
    expect(flow.ui.nodes.find((n) => n.type === 'script')?.group).toBe('webauthn');
    const options = JSON.parse(value(flow, 'webauthn_register_trigger')) as {
      publicKey: Record<string, never>;
    };
    expect(Object.keys(options.publicKey)).toEqual([
      'rp',
      'user',
      'challenge',
      'pubKeyCredParams',
      'timeout',
      'authenticatorSelection',
    ]);
    expect(options.publicKey.user).toEqual({
      name: 'Gatehouse Test',
      displayName: 'Gatehouse Test',
      id: Buffer.from(id.replace(/-/g, ''), 'hex').toString('base64url'),
    });
    expect(options.publicKey.authenticatorSelection).toEqual({ userVerification: 'discouraged' });
    expect(options.publicKey.timeout).toBe(120000);
  });

  it('case=the display name is required and nothing is stored without it', async () => {
    const { jar, id } = await passwordUser(mfa);
    const flow = await init(mfa, jar, 'settings');
    const answer = new SoftwareAuthenticator().create(value(flow, 'webauthn_register_trigger'), ORIGIN);
    const failed = await submit(jar, flow, { method: 'webauthn', webauthn_register: answer });
    expect(failed.status).toBe(400);
    expect(attr(failed.body, 'webauthn_register_displayname')).toBeDefined();
    const messages = failed.body.ui.nodes.flatMap((n) => n.messages);
    expect(messages).toEqual([
      expect.objectContaining({ id: 4000002, text: 'Property webauthn_register_displayname is missing.' }),
    ]);
    expect(keysOf(await storedWebAuthnOrEmpty(mfa, id))).toEqual([]);
  });

  it('case=adding a key makes the session aal2; signing in again asks for the key', async () => {
    const { jar, email, id } = await passwordUser(mfa);
    await addKey(mfa, jar);
    const session = await whoami(mfa, jar);
    expect(session.authenticator_assurance_level).toBe('aal2');
    expect(
      (session.authentication_methods as { method: string; aal: string }[]).map((m) => [m.method, m.aal]),
    ).toEqual([
      ['password', 'aal1'],
      ['webauthn', 'aal2'],
    ]);
    const cred = await storedWebAuthn(mfa, id);
    expect(cred?.identifiers).toEqual([email]);
    const config = cred?.config as { user_handle: string };
    expect(Buffer.from(config.user_handle, 'base64').toString('hex')).toBe(id.replace(/-/g, ''));
    expect(keysOf(cred)[0]).toMatchObject({ display_name: 'My key', is_passwordless: false });
  });

  it('case=the aal2 flow shows the key prompt and the key completes the sign-in', async () => {
    const { jar: owner, email } = await passwordUser(mfa);
    const key = await addKey(mfa, owner);
    const { jar, flow } = await aal2Flow(mfa, email);
    expect(attr(flow, 'identifier')).toMatchObject({ type: 'hidden', value: email });
    expect(attr(flow, 'webauthn_login')).toMatchObject({ type: 'hidden', value: '' });
    const trigger = flow.ui.nodes.find(
      (n) => (n.attributes as { name?: string }).name === 'webauthn_login_trigger',
    );
    expect(trigger?.meta.label?.id).toBe(1010008);
    const options = JSON.parse(value(flow, 'webauthn_login_trigger')) as {
      publicKey: Record<string, unknown>;
    };
    expect(Object.keys(options.publicKey)).toEqual([
      'challenge',
      'timeout',
      'rpId',
      'allowCredentials',
      'userVerification',
    ]);
    const done = await submit(jar, flow, {
      method: 'webauthn',
      identifier: email,
      webauthn_login: key.get(options, ORIGIN),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const session = done.body.session as {
      authenticator_assurance_level: string;
      authentication_methods: { method: string }[];
    };
    expect(session.authenticator_assurance_level).toBe('aal2');
    expect(session.authentication_methods.map((m) => m.method)).toEqual(['password', 'webauthn']);
  });

  it.each([
    ['a wrong origin', (k: SoftwareAuthenticator, o: string) => k.get(o, 'https://evil.example'), 4000043],
    ['an unknown key', (_k: SoftwareAuthenticator, o: string) => strangerAnswer(o), 4000043],
    ['malformed JSON', () => '{"id":', 4000001],
    ['a __proto__ answer', () => '{"__proto__":{"type":"public-key"}}', 4000001],
  ])('case=%s in the aal2 step is refused and the session stays aal1', async (_name, answer, id) => {
    const { jar: owner, email } = await passwordUser(mfa);
    const key = await addKey(mfa, owner);
    const { jar, flow } = await aal2Flow(mfa, email);
    const failed = await submit(jar, flow, {
      method: 'webauthn',
      identifier: email,
      webauthn_login: answer(key, value(flow, 'webauthn_login_trigger')),
    });
    expect(failed.status).toBe(400);
    expect(messageIds(failed.body)).toEqual([id]);
    expect(value(failed.body, 'webauthn_login')).toBe('');
    const res = await browserFetch(jar, `${base(mfa)}/sessions/whoami`, { headers: json });
    expect(res.status).toBe(403);
  });

  it('case=a refresh of an aal2 session asks for the key again and appends the method', async () => {
    const { jar, email } = await passwordUser(mfa);
    const key = await addKey(mfa, jar);
    const flow = await init(mfa, jar, 'login', '?aal=aal2&refresh=true');
    expect(attr(flow, 'identifier')).toMatchObject({ type: 'hidden', value: email });
    const done = await submit(jar, flow, {
      method: 'webauthn',
      identifier: email,
      webauthn_login: key.get(value(flow, 'webauthn_login_trigger'), ORIGIN),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const session = done.body.session as { authentication_methods: { method: string }[] };
    expect(session.authentication_methods.map((m) => m.method)).toEqual(['password', 'webauthn', 'webauthn']);
  });

  it('case=an answer replayed into another aal2 flow is refused', async () => {
    const { jar: owner, email } = await passwordUser(mfa);
    const key = await addKey(mfa, owner);
    const first = await aal2Flow(mfa, email);
    const answer = key.get(value(first.flow, 'webauthn_login_trigger'), ORIGIN);
    expect(
      (await submit(first.jar, first.flow, { method: 'webauthn', identifier: email, webauthn_login: answer }))
        .status,
    ).toBe(200);
    const second = await aal2Flow(mfa, email);
    const replay = await submit(second.jar, second.flow, {
      method: 'webauthn',
      identifier: email,
      webauthn_login: answer,
    });
    expect(replay.status).toBe(400);
    expect(messageIds(replay.body)).toEqual([4000043]);
  });

  it('case=a key added with the wrong origin is refused and nothing is stored', async () => {
    const { jar, id } = await passwordUser(mfa);
    const flow = await init(mfa, jar, 'settings');
    const failed = await submit(jar, flow, {
      method: 'webauthn',
      webauthn_register_displayname: 'evil',
      webauthn_register: new SoftwareAuthenticator().create(
        value(flow, 'webauthn_register_trigger'),
        'https://evil.example',
      ),
    });
    expect(failed.status).toBe(400);
    expect(failed.body.ui.messages?.[0]?.text).toMatch(/^Unable to create WebAuthn credential: /);
    expect(keysOf(await storedWebAuthnOrEmpty(mfa, id))).toEqual([]);
  });

  it('case=a second-factor key can always be removed', async () => {
    const { jar, id } = await passwordUser(mfa);
    await addKey(mfa, jar);
    const flow = await init(mfa, jar, 'settings');
    const remove = attr(flow, 'webauthn_remove');
    expect(remove).toMatchObject({ type: 'submit', disabled: false });
    const done = await submit(jar, flow, { method: 'webauthn', webauthn_remove: remove?.value });
    expect(done.status).toBe(200);
    expect(keysOf(await storedWebAuthnOrEmpty(mfa, id))).toEqual([]);
  });

  it('case=native flows get no WebAuthn: a WebAuthn submission finds no strategy (4010002)', async () => {
    const email = uniqueEmail('native');
    await createIdentity(mfa, { email, password: PASSWORD });
    const { data: login } = await mfa.sdk.frontend.createNativeLoginFlow();
    const { data: first } = await mfa.sdk.frontend.updateLoginFlow({
      flow: login.id,
      updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD },
    });
    const token = first.session_token as string;
    const { data: aal2 } = await mfa.sdk.frontend.createNativeLoginFlow({
      aal: 'aal2',
      xSessionToken: token,
    });
    expect(aal2.ui.nodes.some((n) => n.group === 'webauthn')).toBe(false);
    const failed = await expectFailure(
      mfa.sdk.frontend.updateLoginFlow({
        flow: aal2.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'webauthn', identifier: email, webauthn_login: '{}' },
      }),
    );
    expect(failed.status).toBe(400);
    expect(((failed.data as unknown as LoginFlow).ui.messages ?? []).map((m) => m.id)).toEqual([4010002]);
  });
});

describe('passwordless WebAuthn', () => {
  async function signUp(email: string): Promise<{ jar: CookieJar; key: SoftwareAuthenticator; id: string }> {
    const jar = new CookieJar();
    const flow = await init(passwordless, jar, 'registration');
    const step = await submit(jar, flow, { method: 'profile', traits: { email } });
    expect(step.status).toBe(400);
    const trigger = step.body.ui.nodes.find(
      (n) => (n.attributes as { name?: string }).name === 'webauthn_register_trigger',
    );
    expect(trigger?.meta.label?.id).toBe(1040004);
    const key = new SoftwareAuthenticator();
    const done = await submit(jar, step.body, {
      method: 'webauthn',
      traits: { email },
      webauthn_register_displayname: 'Laptop',
      webauthn_register: key.create(value(step.body, 'webauthn_register_trigger'), ORIGIN),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    return { jar, key, id: (done.body.identity as { id: string }).id };
  }

  it('case=sign-up stores a passwordless key and signs in with aal1', async () => {
    const email = uniqueEmail('pwl');
    const { jar, id } = await signUp(email);
    const session = await whoami(passwordless, jar);
    expect(
      (session.authentication_methods as { method: string; aal: string }[]).map((m) => [m.method, m.aal]),
    ).toEqual([['webauthn', 'aal1']]);
    const cred = await storedWebAuthn(passwordless, id);
    expect(cred?.identifiers).toEqual([email]);
    expect(keysOf(cred)[0]).toMatchObject({ display_name: 'Laptop', is_passwordless: true });
  });

  it('case=sign-in: identifier first, then the key prompt, then a session', async () => {
    const email = uniqueEmail('pwl-login');
    const { key } = await signUp(email);
    const jar = new CookieJar();
    const flow = await init(passwordless, jar, 'login');
    expect(attr(flow, 'identifier')).toMatchObject({ type: 'text', autocomplete: 'username webauthn' });
    const methods = flow.ui.nodes.filter((n) => (n.attributes as { name?: string }).name === 'method');
    expect(methods.map((n) => [n.group, (n.attributes as { value?: unknown }).value])).toEqual([
      ['webauthn', 'webauthn'],
      ['password', 'password'],
    ]);
    const step = await submit(jar, flow, { method: 'webauthn', identifier: email.toUpperCase() });
    expect(step.status).toBe(422);
    expect(step.body.error).toMatchObject({ id: 'browser_location_change_required' });
    const prompt = await get(
      passwordless,
      jar,
      `${base(passwordless)}/self-service/login/flows?id=${flow.id}`,
    );
    expect(messageIds(prompt.body)).toEqual([1010012]);
    expect(attr(prompt.body, 'identifier')).toMatchObject({ type: 'hidden', required: true });
    const done = await submit(jar, prompt.body, {
      method: 'webauthn',
      identifier: value(prompt.body, 'identifier'),
      webauthn_login: key.get(value(prompt.body, 'webauthn_login_trigger'), ORIGIN),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(
      (done.body.session as { authentication_methods: { method: string; aal: string }[] })
        .authentication_methods,
    ).toEqual([expect.objectContaining({ method: 'webauthn', aal: 'aal1' })]);
  });

  it('case=an unknown identifier is 4000015', async () => {
    const jar = new CookieJar();
    const flow = await init(passwordless, jar, 'login');
    const failed = await submit(jar, flow, { method: 'webauthn', identifier: uniqueEmail('nobody') });
    expect(failed.status).toBe(400);
    expect(messageIds(failed.body)).toEqual([4000015]);
  });

  it('case=the last passwordless key cannot be removed', async () => {
    const { jar, id } = await signUp(uniqueEmail('pwl-settings'));
    const flow = await init(passwordless, jar, 'settings');
    const remove = attr(flow, 'webauthn_remove');
    expect(remove).toMatchObject({ disabled: true });
    const failed = await submit(jar, flow, { method: 'webauthn', webauthn_remove: remove?.value });
    expect(failed.status).toBe(400);
    const messages = failed.body.ui.nodes
      .filter((n) => (n.attributes as { name?: string }).name === 'webauthn_remove')
      .flatMap((n) => n.messages.map((m) => m.text));
    expect(messages).toEqual([
      'unable to remove this security key because it would lock you out of your account',
    ]);
    expect(keysOf(await storedWebAuthn(passwordless, id))).toHaveLength(1);
  });
});

async function storedWebAuthnOrEmpty(
  s: TestServer,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  return storedWebAuthn(s, id);
}

/** An answer from a key the identity never registered. */
function strangerAnswer(options: string): string {
  const stranger = new SoftwareAuthenticator();
  stranger.create(
    {
      publicKey: {
        rp: { id: 'localhost', name: 'x' },
        user: { id: 'AAAA', name: 'x', displayName: 'x' },
        challenge: 'AA',
      },
    },
    ORIGIN,
  );
  const parsed = JSON.parse(options) as { publicKey: Record<string, unknown> };
  return stranger.get({ publicKey: { ...parsed.publicKey, allowCredentials: [] } } as never, ORIGIN);
}
