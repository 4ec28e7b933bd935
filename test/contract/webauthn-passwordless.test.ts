// Passwordless WebAuthn (`passwordless: true`) in browser flows as an SPA drives them, with a software
// authenticator: sign-up with a security key, the two-step sign-in (identifier, then the key prompt), an
// unknown identifier, and the last passwordless key that cannot be removed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from '../helpers/cookies';
import { uniqueEmail } from '../helpers/identities';
import { createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';
import {
  attr,
  base,
  get,
  init,
  keysOf,
  messageIds,
  ORIGIN,
  storedWebAuthn,
  submit,
  value,
  webauthnConfig,
  whoami,
} from '../helpers/webauthn-browser';

let passwordless: TestServer;
beforeAll(async () => {
  passwordless = await createTestServer(webauthnConfig(true));
});
afterAll(() => passwordless.close());

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
