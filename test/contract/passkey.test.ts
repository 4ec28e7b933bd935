// Passkeys through @ory/client and the native API, with a software authenticator standing in for the
// browser: sign-up and sign-in with a discoverable credential, the stored credential's Kratos shape, the
// settings rules (add, remove, never the last first factor), and every bad answer (wrong origin, replayed
// challenge, unknown credential, malformed JSON, __proto__) refused with Kratos's 4xx and nothing stored.
import type { LoginFlow, RegistrationFlow, SettingsFlow, UiNode } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBAUTHN_SCRIPT_INTEGRITY } from '../../src/server/selfservice/strategy/webauthn/script';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { base64Schema, createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';

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
            credentials: { password: { identifier: true }, passkey: { display_name: true } },
          },
        },
      },
      required: ['email'],
      additionalProperties: false,
    },
  },
};

let server: TestServer;

beforeAll(async () => {
  server = await createTestServer({
    identity: { default_schema_id: 'default', schemas: [{ id: 'default', url: base64Schema(schema) }] },
    selfservice: {
      default_browser_return_url: `${ORIGIN}/`,
      methods: {
        passkey: {
          enabled: true,
          config: { rp: { id: 'localhost', display_name: 'Gatehouse Test', origins: [ORIGIN] } },
        },
      },
      flows: {
        registration: { after: { passkey: { hooks: [{ hook: 'session' }] } } },
        settings: { privileged_session_max_age: '1h' },
      },
    },
  });
});
afterAll(() => server.close());

const node = (flow: { ui: { nodes: UiNode[] } }, name: string): UiNode | undefined =>
  flow.ui.nodes.find((n) => (n.attributes as { name?: string; id?: string }).name === name);
const value = (flow: { ui: { nodes: UiNode[] } }, name: string): string =>
  String((node(flow, name)?.attributes as { value?: unknown } | undefined)?.value ?? '');
const messageIds = (flow: { ui: { messages?: { id: number }[] } }): number[] =>
  (flow.ui.messages ?? []).map((m) => m.id);

/** Two-step native sign-up up to the credential screen; returns the flow with the passkey nodes. */
async function registrationWithPasskeyNodes(email: string): Promise<RegistrationFlow> {
  const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
  const step = await expectFailure(
    server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'profile', traits: { email } },
    }),
  );
  expect(step.status).toBe(400);
  return step.data as unknown as RegistrationFlow;
}

async function signUp(
  email: string,
  authenticator = new SoftwareAuthenticator(),
): Promise<{ token: string; identityId: string; authenticator: SoftwareAuthenticator }> {
  const flow = await registrationWithPasskeyNodes(email);
  const createData = JSON.parse(value(flow, 'passkey_create_data')) as { credentialOptions: object };
  const { data } = await server.sdk.frontend.updateRegistrationFlow({
    flow: flow.id,
    updateRegistrationFlowBody: {
      method: 'passkey',
      traits: { email },
      passkey_register: authenticator.create(createData.credentialOptions as never, ORIGIN),
    },
  });
  const token = data.session_token;
  if (!token) throw new Error('the session hook issued no token');
  return { token, identityId: data.identity.id, authenticator };
}

async function loginFlow(): Promise<LoginFlow> {
  const { data } = await server.sdk.frontend.createNativeLoginFlow();
  return data;
}

async function submitLogin(
  flow: LoginFlow,
  passkeyLogin: unknown,
): Promise<{ status: number; data: LoginFlow }> {
  const failed = await expectFailure(
    server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'passkey', passkey_login: passkeyLogin as string },
    }),
  );
  return { status: failed.status, data: failed.data as unknown as LoginFlow };
}

async function storedPasskey(identityId: string): Promise<Record<string, unknown>> {
  const { data } = await server.sdk.identity.getIdentity({ id: identityId, includeCredential: ['passkey'] });
  return data.credentials?.passkey as unknown as Record<string, unknown>;
}

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

describe('passkeys in the settings flow (native)', () => {
  async function settingsFlow(token: string): Promise<SettingsFlow> {
    const { data } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    return data;
  }

  it('case=the only passkey cannot be removed; a second one can be added, then either removed', async () => {
    const { token, identityId, authenticator } = await signUp(uniqueEmail('settings'));
    const flow = await settingsFlow(token);
    const removeNodes = flow.ui.nodes.filter(
      (n) => (n.attributes as { name?: string }).name === 'passkey_remove',
    );
    expect(removeNodes).toHaveLength(1);
    expect((removeNodes[0]?.attributes as { disabled: boolean }).disabled).toBe(true);
    expect(removeNodes[0]?.meta.label?.id).toBe(1050020);
    const firstId = String((removeNodes[0]?.attributes as { value: string }).value);

    const refused = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'passkey', passkey_remove: firstId },
      }),
    );
    expect(refused.status).toBe(400);
    const refusedFlow = refused.data as unknown as SettingsFlow;
    expect(node(refusedFlow, 'webauthn_remove')?.messages.map((m) => m.text)).toEqual([
      'unable to remove this security key because it would lock you out of your account',
    ]);
    expect(((await storedPasskey(identityId)).config as { credentials: unknown[] }).credentials).toHaveLength(
      1,
    );

    const options = JSON.parse(value(refusedFlow, 'passkey_create_data')) as {
      publicKey: { excludeCredentials: { id: string }[]; user: { name: string } };
    };
    expect(options.publicKey.excludeCredentials).toHaveLength(1);
    expect(options.publicKey.user.name).toMatch(/@example\.com$/);
    expect(() => authenticator.create(options as never, ORIGIN)).toThrow(/InvalidStateError/);
    const second = new SoftwareAuthenticator();
    const { data: added } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: {
        method: 'passkey',
        passkey_settings_register: second.create(options as never, ORIGIN),
      },
    });
    expect(added.state).toBe('success');
    const stored = await storedPasskey(identityId);
    expect(stored.identifiers as string[]).toHaveLength(2);
    const { data: session } = await server.sdk.frontend.toSession({ xSessionToken: token });
    expect(session.authentication_methods?.map((m) => m.method)).toEqual(['passkey', 'passkey']);

    const removable = added.ui.nodes.filter(
      (n) => (n.attributes as { name?: string }).name === 'passkey_remove',
    );
    expect(removable.map((n) => (n.attributes as { disabled: boolean }).disabled)).toEqual([false, false]);
    await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'passkey', passkey_remove: firstId },
    });
    expect(((await storedPasskey(identityId)).config as { credentials: unknown[] }).credentials).toHaveLength(
      1,
    );

    // The passkey added in settings signs in with its own user handle.
    const login = await loginFlow();
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: login.id,
      updateLoginFlowBody: {
        method: 'passkey',
        passkey_login: second.get(value(login, 'passkey_challenge'), ORIGIN),
      },
    });
    expect(data.session.identity?.id).toBe(identityId);
  });

  it('case=unknown ids and answers for another challenge change nothing', async () => {
    const { token, identityId } = await signUp(uniqueEmail('settings-bad'));
    const flow = await settingsFlow(token);
    const missing = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'passkey', passkey_remove: 'abcdef' },
      }),
    );
    expect((missing.data as unknown as SettingsFlow).ui.messages?.[0]?.text).toBe(
      'You tried to remove a passkey which does not exist.',
    );
    const options = JSON.parse(value(flow, 'passkey_create_data')) as never;
    const wrong = await expectFailure(
      server.sdk.frontend.updateSettingsFlow({
        flow: flow.id,
        xSessionToken: token,
        updateSettingsFlowBody: {
          method: 'passkey',
          passkey_settings_register: new SoftwareAuthenticator().create(options, ORIGIN, {
            challenge: Buffer.alloc(32, 7).toString('base64url'),
          }),
        },
      }),
    );
    expect(wrong.status).toBe(400);
    expect((wrong.data as unknown as SettingsFlow).ui.messages?.[0]?.text).toMatch(
      /^Unable to create WebAuthn/,
    );
    expect(((await storedPasskey(identityId)).config as { credentials: unknown[] }).credentials).toHaveLength(
      1,
    );
  });
});

describe('the browser side', () => {
  it('case=browser flows reference the script, which is served with a matching integrity hash', async () => {
    const res = await fetch(`${server.urls.public.replace(/\/$/, '')}/self-service/login/browser`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await res.json()) as LoginFlow;
    const script = flow.ui.nodes.find((n) => n.type === 'script');
    expect(script?.group).toBe('webauthn');
    const attrs = script?.attributes as { src: string; integrity: string; id: string };
    expect(attrs.id).toBe('webauthn_script');
    expect(attrs.integrity).toBe(WEBAUTHN_SCRIPT_INTEGRITY);
    expect(node(flow, 'passkey_login')?.attributes).toMatchObject({
      onload: 'window.oryPasskeyLoginAutocompleteInit()',
    });
    expect(node(flow, 'passkey_login_trigger')?.attributes).toMatchObject({
      onclick: 'window.oryPasskeyLogin()',
    });

    const served = await fetch(attrs.src);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/javascript; charset=UTF-8');
    const body = Buffer.from(await served.arrayBuffer());
    const { createHash } = await import('node:crypto');
    expect(`sha512-${createHash('sha512').update(body).digest('base64')}`).toBe(attrs.integrity);
  });
});

describe('re-authentication (refresh)', () => {
  it('case=a refresh flow asks for one of the session’s own passkeys and appends the method', async () => {
    const email = uniqueEmail('refresh');
    const { token, authenticator } = await signUp(email);
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow({
      refresh: true,
      xSessionToken: token,
    });
    expect(flow.refresh).toBe(true);
    expect(node(flow, 'identifier')?.attributes).toMatchObject({ type: 'hidden', value: email });
    expect(node(flow, 'passkey_login')?.attributes).toEqual({
      name: 'passkey_login',
      type: 'hidden',
      disabled: false,
      node_type: 'input',
    });
    const options = JSON.parse(value(flow, 'passkey_challenge')) as {
      publicKey: { allowCredentials: { id: string }[] };
    };
    expect(options.publicKey.allowCredentials.map((c) => c.id)).toEqual([
      authenticator.keys[0]?.id.toString('base64url'),
    ]);
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: { method: 'passkey', passkey_login: authenticator.get(options, ORIGIN) },
    });
    expect(data.session.authentication_methods?.map((m) => m.method)).toEqual(['passkey', 'passkey']);
  });
});

describe('admin import and export', () => {
  it('case=an exported passkey credential imported into another identity signs that identity in', async () => {
    const { identityId, authenticator } = await signUp(uniqueEmail('export'));
    const exported = await storedPasskey(identityId);
    await server.sdk.identity.deleteIdentity({ id: identityId });

    const { data: imported } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email: uniqueEmail('import') },
        credentials: { passkey: { config: exported.config as never } },
      },
    });
    expect((await storedPasskey(imported.id)).identifiers).toEqual(exported.identifiers);

    const flow = await loginFlow();
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: {
        method: 'passkey',
        passkey_login: authenticator.get(value(flow, 'passkey_challenge'), ORIGIN),
      },
    });
    expect(data.session.identity?.id).toBe(imported.id);
  });
});
