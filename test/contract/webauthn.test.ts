// WebAuthn security keys as the second factor, in browser flows as an SPA drives them, with a software
// authenticator: a key added in settings (display name required), the aal2 sign-in and refresh with it, its
// removal; native flows are not served (Kratos: browser only); bad answers (wrong origin, unknown key,
// malformed JSON, __proto__, a replayed answer) are refused with Kratos's 4xx and change nothing.
import type { LoginFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserFetch } from '../helpers/cookies';
import { createIdentity, uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';
import {
  aal2Flow,
  addKey,
  attr,
  base,
  init,
  json,
  keysOf,
  messageIds,
  ORIGIN,
  PASSWORD,
  passwordUser,
  storedWebAuthn,
  submit,
  value,
  webauthnConfig,
  whoami,
} from '../helpers/webauthn-browser';

let mfa: TestServer;
beforeAll(async () => {
  mfa = await createTestServer(webauthnConfig(false));
});
afterAll(() => mfa.close());

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
    expect(keysOf(await storedWebAuthn(mfa, id))).toEqual([]);
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
    expect(keysOf(await storedWebAuthn(mfa, id))).toEqual([]);
  });

  it('case=a second-factor key can always be removed', async () => {
    const { jar, id } = await passwordUser(mfa);
    await addKey(mfa, jar);
    const flow = await init(mfa, jar, 'settings');
    const remove = attr(flow, 'webauthn_remove');
    expect(remove).toMatchObject({ type: 'submit', disabled: false });
    const done = await submit(jar, flow, { method: 'webauthn', webauthn_remove: remove?.value });
    expect(done.status).toBe(200);
    expect(keysOf(await storedWebAuthn(mfa, id))).toEqual([]);
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
