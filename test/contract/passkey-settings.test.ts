// Passkeys after sign-up, through @ory/client: the settings rules (add, remove, never the last first factor),
// re-authentication, admin import/export of the Kratos-shaped credential, and the browser side (script
// node and the served webauthn.js with its integrity hash).
import { createHash } from 'node:crypto';
import type { LoginFlow, SettingsFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBAUTHN_SCRIPT_INTEGRITY } from '../../src/server/selfservice/strategy/webauthn/script';
import { uniqueEmail } from '../helpers/identities';
import { node, ORIGIN, passkeySteps, passkeyTestConfig, value } from '../helpers/passkey';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import { SoftwareAuthenticator } from '../helpers/webauthn-authenticator';

let server: TestServer;
beforeAll(async () => {
  server = await createTestServer(passkeyTestConfig());
});
afterAll(() => server.close());

const { signUp, loginFlow, storedPasskey } = passkeySteps(() => server);

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
