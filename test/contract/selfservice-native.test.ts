// Native (API) self-service flows through @ory/client's FrontendApi: two-step and one-step registration,
// password login, whoami with the session token, native logout; every body validated against the OpenAPI
// document by the SDK helper.
import type { LoginFlow, RegistrationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const PASSWORD = 'correct horse battery staple 42';
let server: TestServer;
let oneStep: TestServer;

const withSessionHook = {
  flows: { registration: { after: { password: { hooks: [{ hook: 'session' }] } } } },
};

beforeAll(async () => {
  server = await createTestServer({
    selfservice: { default_browser_return_url: 'http://127.0.0.1:4455/', ...withSessionHook },
  });
  oneStep = await createTestServer({
    selfservice: {
      default_browser_return_url: 'http://127.0.0.1:4455/',
      flows: { registration: { enable_legacy_one_step: true } },
    },
  });
});
afterAll(async () => {
  await server.close();
  await oneStep.close();
});

const names = (flow: { ui: { nodes: { group: string; attributes: unknown }[] } }): string[] =>
  flow.ui.nodes.map((n) => `${n.group}/${(n.attributes as { name: string }).name}`);

async function register(s: TestServer, email: string, password = PASSWORD): Promise<Record<string, unknown>> {
  const { data: flow } = await s.sdk.frontend.createNativeRegistrationFlow();
  await expectFailure(
    s.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'profile', traits: { email } },
    }),
  );
  const { data } = await s.sdk.frontend.updateRegistrationFlow({
    flow: flow.id,
    updateRegistrationFlowBody: { method: 'password', password, traits: { email } },
  });
  return data as unknown as Record<string, unknown>;
}

describe('registration (two-step, Kratos default)', () => {
  it('case=profile first, then credentials, then a session from the session hook', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    expect(flow.type).toBe('api');
    expect(flow.state).toBe('choose_method');
    expect(names(flow)).toEqual([
      'default/csrf_token',
      'default/traits.email',
      'default/traits.name.first',
      'default/traits.name.last',
      'default/traits.age',
      'profile/method',
    ]);

    const email = uniqueEmail('native');
    const step1 = await expectFailure(
      server.sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: 'profile', traits: { email } },
      }),
    );
    expect(step1.status).toBe(400);
    const second = step1.data as unknown as RegistrationFlow;
    expect(second.ui.messages).toEqual([
      { id: 1040009, text: 'Please choose a credential to authenticate yourself with.', type: 'info' },
    ]);
    expect(names(second)).toContain('password/password');
    expect(names(second)).toContain('profile/screen');
    expect(
      second.ui.nodes.find((n) => (n.attributes as { name: string }).name === 'traits.email')?.attributes,
    ).toMatchObject({ type: 'hidden', value: email });

    const { data } = await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'password', password: PASSWORD, traits: { email } },
    });
    expect(data.session_token).toMatch(/^ory_st_[A-Za-z0-9]{32}$/);
    expect(data.identity.traits).toEqual({ email });
    expect(data.continue_with).toEqual([
      { action: 'set_ory_session_token', ory_session_token: data.session_token },
    ]);
    const whoami = await server.sdk.frontend.toSession({ xSessionToken: data.session_token });
    expect(whoami.data.identity?.id).toBe(data.identity.id);
  });

  it('case=Back returns to the profile form with the traits kept', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    const email = uniqueEmail('back');
    await expectFailure(
      server.sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: 'profile', traits: { email } },
      }),
    );
    const back = await expectFailure(
      server.sdk.frontend.updateRegistrationFlow({
        flow: flow.id,
        updateRegistrationFlowBody: { method: 'profile', screen: 'previous', traits: { email } } as never,
      }),
    );
    const form = back.data as unknown as RegistrationFlow;
    expect(names(form)).toContain('profile/method');
    expect(names(form)).not.toContain('password/password');
    expect(
      form.ui.nodes.find((n) => (n.attributes as { name: string }).name === 'traits.email')?.attributes,
    ).toMatchObject({ type: 'email', value: email });
  });

  it('case=without the session hook no session token is issued', async () => {
    const data = await register(await sessionlessServer(), uniqueEmail('nohook'));
    expect(data).not.toHaveProperty('session_token');
    expect(data).not.toHaveProperty('session');
    expect(data).toHaveProperty('identity');
  });
});

let sessionless: TestServer | undefined;
async function sessionlessServer(): Promise<TestServer> {
  sessionless ??= await createTestServer();
  return sessionless;
}
afterAll(async () => sessionless?.close());

describe('registration (legacy one step)', () => {
  it('case=one form with traits, password and submit', async () => {
    const { data: flow } = await oneStep.sdk.frontend.createNativeRegistrationFlow();
    expect(names(flow)).toEqual([
      'default/csrf_token',
      'default/traits.email',
      'password/password',
      'default/traits.name.first',
      'default/traits.name.last',
      'default/traits.age',
      'password/method',
    ]);
    const email = uniqueEmail('onestep');
    const { data } = await oneStep.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'password', password: PASSWORD, traits: { email } },
    });
    expect(data.identity.traits).toEqual({ email });
  });
});

describe('login', () => {
  let email: string;
  beforeAll(async () => {
    email = uniqueEmail('login');
    await register(server, email);
  });

  it('case=nodes, labels and order as Kratos renders them', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    expect(flow).toMatchObject({
      type: 'api',
      refresh: false,
      requested_aal: 'aal1',
      state: 'choose_method',
    });
    expect(names(flow)).toEqual([
      'default/csrf_token',
      'default/identifier',
      'password/password',
      'password/method',
    ]);
    expect(flow.ui.nodes[1]?.meta.label).toEqual({
      id: 1070002,
      text: 'E-Mail',
      type: 'info',
      context: { title: 'E-Mail', name: 'traits.email' },
    });
    expect(flow.ui.nodes[3]?.meta.label).toEqual({
      id: 1010022,
      text: 'Sign in with password',
      type: 'info',
    });
  });

  it('case=normalised identifier, session token, whoami, native logout', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const { data } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: {
        method: 'password',
        identifier: `  ${email.toUpperCase()}  `,
        password: PASSWORD,
      },
    });
    expect(data.session.authentication_methods?.map((m) => m.method)).toEqual(['password']);
    expect(data.session.identity?.traits).toEqual({ email });
    const token = data.session_token as string;
    expect((await server.sdk.frontend.toSession({ xSessionToken: token })).data.active).toBe(true);
    await server.sdk.frontend.performNativeLogout({ performNativeLogoutBody: { session_token: token } });
    expect((await expectFailure(server.sdk.frontend.toSession({ xSessionToken: token }))).status).toBe(401);
    const again = await expectFailure(
      server.sdk.frontend.performNativeLogout({
        performNativeLogoutBody: { session_token: 'ory_st_unknown' },
      }),
    );
    expect(again.status).toBe(403);
  });

  it('case=wrong password and unknown identifier answer the same body', async () => {
    const attempt = async (identifier: string, password: string): Promise<LoginFlow> => {
      const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
      const res = await expectFailure(
        server.sdk.frontend.updateLoginFlow({
          flow: flow.id,
          updateLoginFlowBody: { method: 'password', identifier, password },
        }),
      );
      expect(res.status).toBe(400);
      return res.data as unknown as LoginFlow;
    };
    const wrong = await attempt(email, 'not the password at all');
    const unknown = await attempt('nobody-here@example.com', 'not the password at all');
    const strip = (f: LoginFlow): unknown =>
      JSON.parse(
        JSON.stringify(f)
          .replaceAll(f.id, 'FLOW')
          .replace(/"value":"[A-Za-z0-9+/=]{88}"/, '"value":"CSRF"')
          .replace(/"(expires_at|issued_at|created_at|updated_at)":"[^"]+"/g, '"$1":"T"')
          .replace(/"value":"(nobody-here@example.com|[^"]*login-[^"]*)"/, '"value":"ID"'),
      );
    expect(strip(unknown)).toEqual(strip(wrong));
    expect(wrong.ui.messages).toEqual([
      {
        id: 4000006,
        text: 'The provided credentials are invalid, check for spelling mistakes in your password or username, email address, or phone number.',
        type: 'error',
      },
    ]);
    const identifier = wrong.ui.nodes.find((n) => (n.attributes as { name: string }).name === 'identifier');
    const password = wrong.ui.nodes.find((n) => (n.attributes as { name: string }).name === 'password');
    expect((identifier?.attributes as { value?: string }).value).toBe(email);
    expect(password?.attributes).not.toHaveProperty('value');
  });
});
