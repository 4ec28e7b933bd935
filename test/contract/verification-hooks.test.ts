// The hooks around verification: `require_verified_address` after sign-in (Kratos's default answer and
// the legacy form error), and the internal `verification` hook plus `show_verification_ui` after a settings
// change of an address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
const PASSWORD = 'correct horse battery staple 42';
const json = { Accept: 'application/json' };

function config(flags: Record<string, unknown> = {}) {
  return {
    courier: { smtp: {} },
    feature_flags: flags,
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      flows: {
        verification: { enabled: true, ui_url: `${APP}/verification` },
        login: { after: { password: { hooks: [{ hook: 'require_verified_address' }] } } },
        settings: { after: { profile: { hooks: [{ hook: 'show_verification_ui' }] } } },
      },
    },
  };
}

let server: TestServer;
let mail: AccountMailbox;
let base: string;

beforeAll(async () => {
  server = await createTestServer(config());
  mail = new AccountMailbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

async function nativeLogin(
  s: TestServer,
  email: string,
): Promise<{ status: number; data: Record<string, unknown> }> {
  const { data: flow } = await s.sdk.frontend.createNativeLoginFlow();
  try {
    const { data, status } = await s.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'password', identifier: email, password: PASSWORD },
    });
    return { status, data: data as unknown as Record<string, unknown> };
  } catch (err) {
    const res = (err as { response: { status: number; data: Record<string, unknown> } }).response;
    return { status: res.status, data: res.data };
  }
}

const sessionsOf = async (s: TestServer, identityId: string): Promise<number> =>
  (await s.sdk.identity.listIdentitySessions({ id: identityId })).data.length;

describe('require_verified_address', () => {
  it('case=JSON: 403 session_verified_address_required with the verification flow, no session', async () => {
    const email = uniqueEmail('unverified');
    const identity = await createIdentity(server, { email, password: PASSWORD });
    const res = await nativeLogin(server, email);
    expect(res.status).toBe(403);
    const error = res.data.error as {
      id: string;
      details: { continue_with: { action: string; flow: { id: string; url: string } }[] };
    };
    expect(error.id).toBe('session_verified_address_required');
    const next = error.details.continue_with[0];
    expect(next).toMatchObject({ action: 'show_verification_ui', flow: { verifiable_address: email } });
    expect(next?.flow.url).toBe(`${APP}/verification?flow=${next?.flow.id}`);
    expect(await sessionsOf(server, identity.id)).toBe(0);

    // Verify with the code that was sent, then the sign-in works.
    const { code } = await mail.next(email);
    const { data: verified } = await server.sdk.frontend.updateVerificationFlow({
      flow: next?.flow.id as string,
      updateVerificationFlowBody: { method: 'code', code: code as string },
    });
    expect(verified.state).toBe('passed_challenge');
    expect((await nativeLogin(server, email)).status).toBe(200);
  });

  it('case=browsers are sent to the verification UI', async () => {
    const email = uniqueEmail('unverified-browser');
    await createIdentity(server, { email, password: PASSWORD });
    const jar = new CookieJar();
    const init = await raw(jar, `${base}/self-service/login/browser`);
    const flowId = new URL(init.location as string).searchParams.get('flow') as string;
    const flow = flowOf(
      await raw(jar, `${base}/self-service/login/flows?id=${flowId}`, { headers: json }),
      200,
    );
    const done = await raw(jar, flow.ui.action, {
      form: { method: 'password', identifier: email, password: PASSWORD, csrf_token: csrfOf(flow) },
    });
    expect(done.status).toBe(303);
    expect(done.location).toMatch(new RegExp(`^${APP}/verification\\?flow=`));
    expect(jar.get('ory_kratos_session')).toBeUndefined();
    // The login flow can be used again once the address is verified.
    const again = flowOf(
      await raw(jar, `${base}/self-service/login/flows?id=${flowId}`, { headers: json }),
      200,
    );
    expect(again.state).toBe('choose_method');
  });

  it('case=legacy_require_verified_login_error: the form answers 4000010', async () => {
    const s = await createTestServer(config({ legacy_require_verified_login_error: true }));
    try {
      const email = uniqueEmail('legacy');
      const identity = await createIdentity(s, { email, password: PASSWORD });
      const res = await nativeLogin(s, email);
      expect(res.status).toBe(400);
      expect(messageIds(res.data)).toEqual([4000010]);
      expect(await sessionsOf(s, identity.id)).toBe(0);
      expect(await new AccountMailbox(s).unread(email)).toBe(0);
    } finally {
      await s.close();
    }
  });
});

describe('verification after a settings change', () => {
  it('case=a new address gets a code and the settings flow shows the verification flow', async () => {
    const email = uniqueEmail('settings-old');
    const identity = await createIdentity(server, { email, password: PASSWORD });
    const { token } = issueSession(server, identity.id);
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const changed = uniqueEmail('settings-new');
    const { data: saved } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'profile', traits: { email: changed } },
    });
    expect(saved.state).toBe('success');
    const show = saved.continue_with?.find((c) => c.action === 'show_verification_ui') as
      { flow: { id: string; verifiable_address: string } } | undefined;
    expect(show?.flow.verifiable_address).toBe(changed);
    const { data: after } = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(after.verifiable_addresses?.[0]).toMatchObject({
      value: changed,
      status: 'sent',
      verified: false,
    });
    const { code } = await mail.next(changed);
    const { data: done } = await server.sdk.frontend.updateVerificationFlow({
      flow: show?.flow.id as string,
      updateVerificationFlowBody: { method: 'code', code: code as string },
    });
    expect(done.state).toBe('passed_challenge');
    expect(await mail.unread(email)).toBe(0);
  });

  it('case=an address a code was sent to already gets nothing new', async () => {
    const email = uniqueEmail('settings-same');
    const { data: identity } = await server.sdk.identity.createIdentity({
      createIdentityBody: {
        schema_id: 'default',
        traits: { email },
        verifiable_addresses: [{ value: email, via: 'email', verified: false, status: 'sent' }],
      },
    });
    const { token } = issueSession(server, identity.id);
    const { data: flow } = await server.sdk.frontend.createNativeSettingsFlow({ xSessionToken: token });
    const { data: saved } = await server.sdk.frontend.updateSettingsFlow({
      flow: flow.id,
      xSessionToken: token,
      updateSettingsFlowBody: { method: 'profile', traits: { email, name: { first: 'Ada' } } },
    });
    expect(saved.continue_with ?? []).toEqual([]);
    expect(await mail.unread(email)).toBe(0);
  });
});
