// Passkeys through @ory/client and the native API, with a software authenticator standing in for the
// browser: sign-up and sign-in with a discoverable credential, the stored credential's Kratos shape, and
// every bad answer (wrong origin, RP or challenge, a replayed challenge, unknown credential, malformed JSON,
// __proto__) refused with Kratos's 4xx and nothing stored. Settings, refresh and import: passkey-settings.
import type { LoginFlow, RegistrationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/identities';
import { messageIds, node, ORIGIN, passkeySteps, passkeyTestConfig, value } from '../helpers/passkey';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer(passkeyTestConfig());
});
afterAll(() => server.close());

const { registrationWithPasskeyNodes, signUp, loginFlow, submitLogin, storedPasskey } = passkeySteps(
  () => server,
);

describe('passkey sign-up (native)', () => {
  it('case=the credential screen carries script-free passkey nodes', async () => {
    const flow = await registrationWithPasskeyNodes(uniqueEmail('nodes'));
    const names = flow.ui.nodes.map((n) => `${n.group}/${(n.attributes as { name?: string }).name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'passkey/passkey_create_data',
        'passkey/passkey_register_trigger',
        'passkey/passkey_register',
      ]),
    );
    expect(flow.ui.nodes.some((n) => n.type === 'script')).toBe(false);
    expect(node(flow, 'passkey_register_trigger')?.attributes).toEqual({
      name: 'passkey_register_trigger',
      type: 'button',
      disabled: false,
      onclickTrigger: 'oryPasskeyRegistration',
      node_type: 'input',
    });
    const data = JSON.parse(value(flow, 'passkey_create_data')) as Record<string, never>;
    expect(data.displayNameFieldName).toBe('traits.email');
    expect(data.displayNameFieldNames).toEqual(['traits.email']);
    const publicKey = (data.credentialOptions as unknown as { publicKey: Record<string, unknown> }).publicKey;
    expect(Object.keys(publicKey)).toEqual([
      'rp',
      'user',
      'challenge',
      'pubKeyCredParams',
      'timeout',
      'authenticatorSelection',
      'attestation',
    ]);
    expect(publicKey.rp).toEqual({ name: 'Gatehouse Test', id: 'localhost' });
    expect(publicKey.authenticatorSelection).toEqual({
      requireResidentKey: true,
      residentKey: 'required',
      userVerification: 'preferred',
    });
    expect(publicKey.attestation).toBe('none');
    expect(publicKey.timeout).toBe(300000);
    expect(Buffer.from(String((publicKey.user as { id: string }).id), 'base64url').toString()).toMatch(
      /^[A-Za-z0-9]{64}$/,
    );
  });

  it('case=sign-up stores a Kratos-shaped passkey credential and the session hook signs in', async () => {
    const email = uniqueEmail('signup');
    const { token, identityId } = await signUp(email);
    const { data: session } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([['passkey', 'aal1']]);
    expect(session.authenticator_assurance_level).toBe('aal1');

    const cred = await storedPasskey(identityId);
    const identifiers = cred.identifiers as string[];
    expect(identifiers).toHaveLength(1);
    expect(identifiers[0]).toMatch(/^[A-Za-z0-9]{64}$/);
    const config = cred.config as { credentials: Record<string, unknown>[]; user_handle: string };
    expect(Buffer.from(config.user_handle, 'base64').toString()).toBe(identifiers[0]);
    expect(config.credentials).toHaveLength(1);
    const key = config.credentials[0] as Record<string, unknown>;
    expect(Object.keys(key)).toEqual([
      'id',
      'public_key',
      'attestation_type',
      'authenticator',
      'display_name',
      'added_at',
      'is_passwordless',
      'flags',
    ]);
    expect(key.attestation_type).toBe('none');
    expect(key.is_passwordless).toBe(true);
    expect(key.authenticator).toEqual({
      aaguid: Buffer.alloc(16).toString('base64'),
      sign_count: 0,
      clone_warning: false,
    });
    expect(String(key.added_at)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Buffer.from(String(key.id), 'base64')).toHaveLength(32);
  });

  it('case=a wrong origin is a 400 on the form and no identity is created', async () => {
    const email = uniqueEmail('origin');
    const flow = await registrationWithPasskeyNodes(email);
    const createData = JSON.parse(value(flow, 'passkey_create_data')) as { credentialOptions: never };
    const before = (await server.sdk.identity.listIdentities()).data.length;
    const failed = await expectFailure(
      server.sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: {
          method: 'passkey',
          traits: { email },
          passkey_register: new SoftwareAuthenticator().create(
            createData.credentialOptions,
            'https://evil.example',
          ),
        },
      }),
    );
    expect(failed.status).toBe(400);
    const message = (failed.data as unknown as RegistrationFlow).ui.messages?.[0];
    expect(message?.id).toBe(4000001);
    expect(message?.text).toMatch(/^Unable to create WebAuthn credential: /);
    expect((await server.sdk.identity.listIdentities()).data.length).toBe(before);
  });
});

describe('passkey sign-in (native)', () => {
  it('case=discoverable options, then a session found by the user handle', async () => {
    const email = uniqueEmail('signin');
    const { identityId, authenticator } = await signUp(email);
    const flow = await loginFlow();
    expect(node(flow, 'passkey_login')?.attributes).toEqual({
      name: 'passkey_login',
      type: 'hidden',
      disabled: false,
      onloadTrigger: 'oryPasskeyLoginAutocompleteInit',
      node_type: 'input',
    });
    expect(node(flow, 'passkey_login_trigger')?.attributes).toMatchObject({
      type: 'button',
      onclickTrigger: 'oryPasskeyLogin',
    });
    const options = JSON.parse(value(flow, 'passkey_challenge')) as { publicKey: Record<string, unknown> };
    expect(Object.keys(options.publicKey)).toEqual(['challenge', 'timeout', 'rpId', 'userVerification']);

    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'passkey', passkey_login: authenticator.get(options, ORIGIN) },
    });
    expect(data.session.identity?.id).toBe(identityId);
    expect(data.session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([['passkey', 'aal1']]);
    const config = (await storedPasskey(identityId)).config as { credentials: { authenticator: object }[] };
    expect(config.credentials[0]?.authenticator).toMatchObject({ sign_count: 1, clone_warning: false });
  });

  it('case=a counter that does not advance signs in but raises the clone warning', async () => {
    const { identityId, authenticator } = await signUp(uniqueEmail('clone'));
    for (const counter of [5, 5]) {
      const flow = await loginFlow();
      const answer = authenticator.get(value(flow, 'passkey_challenge'), ORIGIN, { counter });
      await server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'passkey', passkey_login: answer },
      });
    }
    const config = (await storedPasskey(identityId)).config as { credentials: { authenticator: object }[] };
    expect(config.credentials[0]?.authenticator).toMatchObject({ sign_count: 5, clone_warning: true });
  });

  it('case=a replayed answer (another flow’s challenge) is 4000043 and issues no session', async () => {
    const { authenticator } = await signUp(uniqueEmail('replay'));
    const first = await loginFlow();
    const answer = authenticator.get(value(first, 'passkey_challenge'), ORIGIN);
    await server.sdk.frontend.updateLoginFlow({
      flow: first.id,
      updateLoginFlowBody: { method: 'passkey', passkey_login: answer },
    });
    const second = await loginFlow();
    const failed = await submitLogin(second, answer);
    expect(failed.status).toBe(400);
    expect(messageIds(failed.data)).toEqual([4000043]);
    expect(value(failed.data, 'passkey_login')).toBe('');
    // The same answer on its own, completed flow is refused too.
    const again = await submitLogin(first, answer);
    expect(again.status).toBe(400);
    expect(messageIds(again.data)).toEqual([4010007]);
  });

  it.each([
    ['wrong origin', { origin: 'https://evil.example' }, 4000043],
    ['wrong relying party', { rpId: 'evil.example' }, 4000043],
    ['wrong challenge', { challenge: Buffer.alloc(32, 1).toString('base64url') }, 4000043],
    ['a registration answer type', { type: 'webauthn.create' }, 4000043],
  ])('case=%s is refused', async (_name, overrides, id) => {
    const { authenticator } = await signUp(uniqueEmail('bad'));
    const flow = await loginFlow();
    const failed = await submitLogin(
      flow,
      authenticator.get(value(flow, 'passkey_challenge'), ORIGIN, overrides),
    );
    expect(failed.status).toBe(400);
    expect(messageIds(failed.data)).toEqual([id]);
  });

  it('case=an unknown user handle is 4000015, an unknown credential of a known user 4000043', async () => {
    const stranger = new SoftwareAuthenticator();
    stranger.create(
      {
        publicKey: {
          rp: { id: 'localhost', name: 'x' },
          user: { id: Buffer.from('nobody').toString('base64url'), name: 'x', displayName: 'x' },
          challenge: 'AA',
        },
      },
      ORIGIN,
    );
    const flow = await loginFlow();
    const unknown = await submitLogin(flow, stranger.get(value(flow, 'passkey_challenge'), ORIGIN));
    expect(messageIds(unknown.data)).toEqual([4000015]);

    const { authenticator } = await signUp(uniqueEmail('known'));
    const handle = authenticator.keys[0]?.userHandle as Buffer;
    const impostor = new SoftwareAuthenticator();
    impostor.create(
      {
        publicKey: {
          rp: { id: 'localhost', name: 'x' },
          user: { id: handle.toString('base64url'), name: 'x', displayName: 'x' },
          challenge: 'AA',
        },
      },
      ORIGIN,
    );
    const next = await loginFlow();
    const foreign = await submitLogin(next, impostor.get(value(next, 'passkey_challenge'), ORIGIN));
    expect(messageIds(foreign.data)).toEqual([4000043]);
  });

  it.each([
    ['not JSON', '{nope', 4000001],
    ['not a credential', '{"id":"","type":"public-key"}', 4000001],
    ['a __proto__ credential', '{"__proto__":{"id":"AAAA","type":"public-key"},"response":{}}', 4000001],
    ['an object instead of a string', { id: 'AAAA' }, 4000026],
  ])('case=%s is refused and nothing changes', async (_name, answer, id) => {
    const flow = await loginFlow();
    const failed = await submitLogin(flow, answer);
    expect(failed.status).toBe(400);
    expect(failed.data.ui.messages?.[0]?.id ?? failed.data.ui.nodes.flatMap((n) => n.messages)[0]?.id).toBe(
      id,
    );
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });

  it('case=a __proto__ key in the JSON body is an ordinary, ignored field', async () => {
    const flow = await loginFlow();
    const res = await server.sdk.http.post(
      flow.ui.action,
      '{"method":"passkey","passkey_login":"{}","__proto__":{"polluted":true}}',
      {
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        validateStatus: () => true,
      },
    );
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((res.data as LoginFlow).ui.messages?.[0]?.text).toBe('Unable to parse WebAuthn response.');
  });
});
