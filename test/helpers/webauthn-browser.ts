// WebAuthn in browser flows as an SPA drives them (JSON with cookies): the test servers' config (security
// keys on "localhost"), flow fetch/submit with OpenAPI validation, and the steps the tests share (a password
// user with a privileged session, adding a key in settings, the aal2 step after a password sign-in).
import type { UiNode } from '@ory/client';
import { expect } from 'vitest';
import { browserFetch, CookieJar } from './cookies';
import { createIdentity, issueSession, uniqueEmail } from './identities';
import { expectValidResponse } from './openapi';
import { base64Schema, type TestServer } from './server';
import { SoftwareAuthenticator } from './webauthn-authenticator';

export const PASSWORD = 'correct horse battery staple 42';
export const ORIGIN = 'http://localhost:4455';
export const webauthnSchema = {
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

export const webauthnConfig = (passwordless: boolean): Record<string, unknown> => ({
  identity: { default_schema_id: 'default', schemas: [{ id: 'default', url: base64Schema(webauthnSchema) }] },
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

export interface Flow {
  id: string;
  state: string;
  ui: { action: string; messages?: { id: number; text: string }[]; nodes: UiNode[] };
}

export const base = (s: TestServer): string => s.urls.public.replace(/\/$/, '');
export const json = { Accept: 'application/json' };
export const attr = (flow: Flow, name: string): Record<string, unknown> | undefined =>
  flow.ui.nodes.find((n) => (n.attributes as { name?: string }).name === name)?.attributes as
    Record<string, unknown> | undefined;
export const value = (flow: Flow, name: string): string => String(attr(flow, name)?.value ?? '');
export const messageIds = (flow: Flow): number[] => (flow.ui.messages ?? []).map((m) => m.id);

export async function get(
  s: TestServer,
  jar: CookieJar,
  url: string,
): Promise<{ status: number; body: Flow }> {
  const res = await browserFetch(jar, url, { headers: json });
  const body = (await res.json()) as Flow;
  expectValidResponse('GET', url.split('?')[0] as string, res.status, body);
  return { status: res.status, body };
}

export async function submit(
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

export async function init(s: TestServer, jar: CookieJar, kind: string, query = ''): Promise<Flow> {
  const res = await get(s, jar, `${base(s)}/self-service/${kind}/browser${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

export async function whoami(s: TestServer, jar: CookieJar): Promise<Record<string, unknown>> {
  const res = await browserFetch(jar, `${base(s)}/sessions/whoami`, { headers: json });
  return (await res.json()) as Record<string, unknown>;
}

export async function storedWebAuthn(
  s: TestServer,
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const { data } = await s.sdk.identity.getIdentity({ id, includeCredential: ['webauthn'] });
  return data.credentials?.webauthn as unknown as Record<string, unknown> | undefined;
}

export const keysOf = (cred: Record<string, unknown> | undefined): Record<string, unknown>[] =>
  (cred?.config as { credentials?: Record<string, unknown>[] } | undefined)?.credentials ?? [];

/** A password user with a fresh (privileged) session cookie. */
export async function passwordUser(s: TestServer): Promise<{ jar: CookieJar; email: string; id: string }> {
  const email = uniqueEmail('key');
  const identity = await createIdentity(s, { email, password: PASSWORD });
  const jar = new CookieJar();
  jar.store(issueSession(s, identity.id).cookie);
  return { jar, email, id: identity.id };
}

/** Adds a security key in settings; returns the authenticator holding it. */
export async function addKey(s: TestServer, jar: CookieJar, name = 'My key'): Promise<SoftwareAuthenticator> {
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
export async function aal2Flow(s: TestServer, email: string): Promise<{ jar: CookieJar; flow: Flow }> {
  const jar = new CookieJar();
  const login = await init(s, jar, 'login');
  const first = await submit(jar, login, { method: 'password', identifier: email, password: PASSWORD });
  expect(first.status).toBe(422);
  expect(String(first.body.redirect_browser_to)).toContain('aal=aal2');
  return { jar, flow: await init(s, jar, 'login', '?aal=aal2') };
}
