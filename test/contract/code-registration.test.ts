// Passwordless registration with one-time codes through @ory/client: the two-step (profile_first) screens
// and the legacy one-step form, native, SPA and form posts; the identity gets `code` credentials and a
// verified address; wrong codes, changed traits, resend, Back, and bad input that stores nothing.
import type { Identity, RegistrationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attrs,
  codeSchemaConfig,
  csrfOf,
  messageIds,
  node,
  nodeMessageIds,
  nodeSummary,
  submitRaw,
  uniquePhone,
} from '../helpers/code-flows';
import { browserFetch, CookieJar } from '../helpers/cookies';
import { Inbox } from '../helpers/inbox';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
let server: TestServer;
let oneStep: TestServer;
let inbox: Inbox;

const passwordless = (extra: Record<string, unknown> = {}) => ({
  identity: codeSchemaConfig,
  selfservice: {
    default_browser_return_url: `${APP}/welcome`,
    allowed_return_urls: [`${APP}/`],
    methods: { code: { passwordless_enabled: true } },
    flows: { registration: { after: { code: { hooks: [{ hook: 'session' }] } }, ...extra } },
  },
});

beforeAll(async () => {
  server = await createTestServer(passwordless());
  oneStep = await createTestServer(passwordless({ enable_legacy_one_step: true }));
  inbox = new Inbox(server);
});
afterAll(async () => {
  await server.close();
  await oneStep.close();
});

type Body = Record<string, unknown>;

async function submitExpecting400(s: TestServer, flowId: string, body: Body): Promise<RegistrationFlow> {
  const res = await expectFailure(
    s.sdk.frontend.updateRegistrationFlow({ flow: flowId, updateRegistrationFlowBody: body as never }),
  );
  expect(res.status, JSON.stringify(res.data)).toBe(400);
  return res.data as unknown as RegistrationFlow;
}

async function identityCount(s: TestServer): Promise<number> {
  return s.registry.identityPersister.countIdentities();
}

describe('two-step registration by code (native)', () => {
  it('case=profile, credential choice, code sent, code entered: identity with code credentials and a session', async () => {
    const email = uniqueEmail('reg');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    expect(node(flow, 'method', 'code')).toBeUndefined();
    const choice = await submitExpecting400(server, flow.id, { method: 'profile', traits: { email } });
    expect(node(choice, 'method', 'code')?.meta.label).toEqual({
      id: 1040006,
      text: 'Send sign up code',
      type: 'info',
    });

    const sent = await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    expect(sent.state).toBe('sent_email');
    expect(sent.active).toBe('code');
    expect(sent.ui.messages).toEqual([
      {
        id: 1040005,
        text: 'A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.',
        type: 'info',
      },
    ]);
    expect(nodeSummary(sent)).toEqual([
      'default/csrf_token:hidden',
      'default/traits.email:hidden',
      'default/traits.phone:hidden',
      'default/traits.name:hidden',
      'code/method:hidden',
      'code/code:text',
      'code/method:submit',
      'code/resend:submit',
      'profile/screen:submit',
    ]);
    expect(attrs(node(sent, 'traits.email')!).value).toBe(email);
    expect(node(sent, 'code')?.meta.label).toEqual({ id: 1070012, text: 'Registration code', type: 'info' });
    expect(attrs(node(sent, 'screen')!).value).toBe('credential-selection');

    const mail = await inbox.nextEmail(email);
    expect(mail.body).toContain(mail.code);
    const { data } = await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'code', traits: { email }, code: mail.code },
    });
    expect(data.session_token).toMatch(/^ory_st_/);
    expect(data.session?.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([['code', 'aal1']]);

    const { data: identity } = await server.sdk.identity.getIdentity({ id: data.identity.id });
    expect(identity.credentials?.code?.identifiers).toEqual([email]);
    expect(identity.credentials?.password).toBeDefined();
    expect(identity.verifiable_addresses).toEqual([
      expect.objectContaining({ value: email, via: 'email', verified: true, status: 'completed' }),
    ]);

    // The new account signs in by code right away.
    const { data: login } = await server.sdk.frontend.createNativeLoginFlow();
    await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: login.id,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email },
      }),
    );
    const { data: signedIn } = await server.sdk.frontend.updateLoginFlow({
      flow: login.id,
      updateLoginFlowBody: {
        method: 'code',
        csrf_token: '',
        identifier: email,
        code: (await inbox.nextEmail(email)).code,
      },
    });
    expect(signedIn.session.identity?.id).toBe(data.identity.id);
  });

  it('case=every code address receives its own code; a phone code verifies the phone', async () => {
    const email = uniqueEmail('two');
    const phone = uniquePhone();
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email, phone } });
    const mail = await inbox.nextEmail(email);
    const sms = await inbox.nextSms(phone);
    expect(sms.body).toContain(sms.code);
    const { data } = await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'code', traits: { email, phone }, code: sms.code },
    });
    const { data: identity } = await server.sdk.identity.getIdentity({ id: data.identity.id });
    expect(identity.credentials?.code?.identifiers).toEqual([phone, email].sort());
    const byValue = Object.fromEntries(
      (identity.verifiable_addresses ?? []).map((a) => [a.value, a.verified]),
    );
    expect(byValue).toEqual({ [email]: false, [phone]: true });
    expect(mail.code).toMatch(/^\d{6}$/);
  });

  it('case=a wrong code is 4040003, changed traits 4000036, resend replaces the code', async () => {
    const email = uniqueEmail('wrong');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    const first = await inbox.nextEmail(email);
    const wrong = first.code === '000000' ? '111111' : '000000';
    const bad = await submitExpecting400(server, flow.id, { method: 'code', traits: { email }, code: wrong });
    expect(bad.ui.messages).toEqual([
      {
        id: 4040003,
        text: 'The registration code is invalid or has already been used. Please try again.',
        type: 'error',
      },
    ]);
    const changed = await submitExpecting400(server, flow.id, {
      method: 'code',
      traits: { email, name: 'Mallory' },
      code: first.code,
    });
    expect(messageIds(changed)).toEqual([4000036]);

    const resent = await submitExpecting400(server, flow.id, {
      method: 'code',
      traits: { email },
      resend: 'code',
    });
    expect(resent.state).toBe('sent_email');
    const second = await inbox.nextEmail(email);
    const stale = await submitExpecting400(server, flow.id, {
      method: 'code',
      traits: { email },
      code: first.code,
    });
    expect(messageIds(stale)).toEqual([4040003]);
    const before = await identityCount(server);
    const { data } = await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'code', traits: { email }, code: second.code },
    });
    expect(data.identity.traits).toEqual({ email });
    expect(await identityCount(server)).toBe(before + 1);
  });

  it('case=a code sent for other traits does not register these traits', async () => {
    const victim = uniqueEmail('victim');
    const attacker = uniqueEmail('attacker');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email: attacker } });
    const { code } = await inbox.nextEmail(attacker);
    // The mismatch check compares with the flow's nodes, which now hold the submitted traits after a
    // failed attempt, but the code itself belongs to the attacker's address.
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email: victim }, code: '000000' });
    const res = await submitExpecting400(server, flow.id, {
      method: 'code',
      traits: { email: victim },
      code,
    });
    expect(messageIds(res)).toEqual([4040003]);
  });

  it('case=Back from the code form returns to the credential choice with the traits kept', async () => {
    const email = uniqueEmail('back');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'profile', traits: { email } });
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    await inbox.nextEmail(email);
    const back = await submitExpecting400(server, flow.id, {
      method: 'code',
      screen: 'credential-selection',
      traits: { email },
    });
    expect(back.state).toBe('choose_method');
    expect(messageIds(back)).toEqual([1040009]);
    expect(nodeSummary(back)).toContain('password/password:password');
    expect(nodeSummary(back)).toContain('code/method:submit');
    expect(nodeSummary(back)).not.toContain('code/code:text');
    expect(nodeSummary(back).filter((n) => n === 'code/method:submit')).toHaveLength(1);
    expect(attrs(node(back, 'traits.email')!)).toMatchObject({ type: 'hidden', value: email });
    expect(attrs(node(back, 'screen')!).value).toBe('previous');
  });
});

describe('registration by code in other modes', () => {
  it('case=legacy one-step: the form offers the code button next to the traits', async () => {
    const { data: flow } = await oneStep.sdk.frontend.createNativeRegistrationFlow();
    expect(nodeSummary(flow)).toContain('code/method:submit');
    const email = uniqueEmail('onestep');
    const sent = await submitExpecting400(oneStep, flow.id, { method: 'code', traits: { email } });
    expect(node(sent, 'screen')).toBeUndefined();
    const code = (await new Inbox(oneStep).nextEmail(email)).code;
    const { data } = await oneStep.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'code', traits: { email }, code },
    });
    expect(data.session_token).toBeTruthy();
  });

  it('case=SPA and server-rendered form posts', async () => {
    const base = server.urls.public.replace(/\/$/, '');
    const email = uniqueEmail('spa');
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/registration/browser`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await init.json()) as RegistrationFlow;
    const step1 = await submitRaw(
      flow.ui.action,
      JSON.stringify({ method: 'code', traits: { email }, csrf_token: csrfOf(flow) }),
      { Accept: 'application/json', 'Content-Type': 'application/json', Cookie: jar.header() },
    );
    expect(step1.status).toBe(400);
    const sent = step1.body as unknown as RegistrationFlow;
    const { code } = await inbox.nextEmail(email);
    const done = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'code', traits: { email }, code, csrf_token: csrfOf(sent) }),
    });
    expect(done.status).toBe(200);
    expect(jar.get('ory_kratos_session')).toBeTruthy();

    const formEmail = uniqueEmail('form');
    const formJar = new CookieJar();
    const start = await browserFetch(formJar, `${base}/self-service/registration/browser`);
    const flowId = new URL(start.headers.get('location') ?? '').searchParams.get('flow') ?? '';
    const { data: formFlow } = await server.sdk.frontend.getRegistrationFlow({
      id: flowId,
      cookie: formJar.header(),
    });
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const posted = await browserFetch(formJar, formFlow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'code',
        'traits.email': formEmail,
        csrf_token: csrfOf(formFlow),
      }).toString(),
    });
    expect(posted.status).toBe(303);
    const { data: codeForm } = await server.sdk.frontend.getRegistrationFlow({
      id: flowId,
      cookie: formJar.header(),
    });
    // What the browser posts from the code form: every hidden input plus the typed code.
    const fields = new URLSearchParams();
    for (const n of codeForm.ui.nodes) {
      const a = attrs(n);
      if (a.type === 'hidden' && a.value !== undefined) fields.append(String(a.name), String(a.value));
    }
    fields.set('code', (await inbox.nextEmail(formEmail)).code);
    const finished = await browserFetch(formJar, formFlow.ui.action, {
      method: 'POST',
      headers: form,
      body: fields.toString(),
    });
    expect(finished.status).toBe(303);
    expect(finished.headers.get('location')).toBe(`${APP}/welcome`);
    expect(formJar.get('ory_kratos_session')).toBeTruthy();
  });

  it('case=as in Kratos, method=code registers even without passwordless_enabled; disabled is 404', async () => {
    const plain = await createTestServer({ identity: codeSchemaConfig });
    const off = await createTestServer({
      identity: codeSchemaConfig,
      selfservice: { default_browser_return_url: `${APP}/`, methods: { code: { enabled: false } } },
    });
    try {
      const { data: flow } = await plain.sdk.frontend.createNativeRegistrationFlow();
      expect(node(flow, 'method', 'code')).toBeUndefined();
      const sent = await submitExpecting400(plain, flow.id, {
        method: 'code',
        traits: { email: uniqueEmail('x') },
      });
      expect(sent.state).toBe('sent_email');

      const { data: offFlow } = await off.sdk.frontend.createNativeRegistrationFlow();
      const res = await expectFailure(
        off.sdk.frontend.updateRegistrationFlow({
          flow: offFlow.id,
          updateRegistrationFlowBody: { method: 'code', traits: { email: uniqueEmail('y') } } as never,
        }),
      );
      expect(res.status).toBe(404);
      expect((res.data.error as { reason: string }).reason).toBe(
        'This endpoint was disabled by system administrator. Please check your url or contact the system administrator to enable it.',
      );
    } finally {
      await plain.close();
      await off.close();
    }
  });
});

describe('bad registration input stores nothing', () => {
  it.each([
    ['no traits', { method: 'code' }, 'traits', 4000002],
    ['traits of the wrong type', { method: 'code', traits: 'me@example.com' }, 'traits', 4000026],
    ['an invalid email', { method: 'code', traits: { email: 'not-an-email' } }, 'traits.email', 4000040],
    [
      'a code of the wrong type',
      { method: 'code', traits: { email: 'a@example.com' }, code: 5 },
      'code',
      4000026,
    ],
    [
      '__proto__ in the traits',
      { method: 'code', traits: JSON.parse('{"__proto__":{"x":1}}') },
      'traits',
      4000001,
    ],
  ])('case=%s', async (_case, body, field, id) => {
    const before = await identityCount(server);
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    const res = await submitRaw(flow.ui.action, JSON.stringify(body), {
      'Content-Type': 'application/json',
      Accept: 'application/json',
    });
    expect(res.status).toBe(400);
    const answered = res.body as unknown as RegistrationFlow;
    expect(answered.state).toBe('choose_method');
    const ids = [...nodeMessageIds(answered, field), ...messageIds(answered)];
    expect(ids).toContain(id);
    expect(await identityCount(server)).toBe(before);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('case=a missing code on the code form is "Property code is missing."', async () => {
    const email = uniqueEmail('nocode');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    await inbox.nextEmail(email);
    const res = await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    expect(nodeMessageIds(res, 'code')).toEqual([4000002]);
  });

  it('case=an email that is already registered is 4000007 once the code is entered', async () => {
    const email = uniqueEmail('taken');
    await server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'code', traits: { email } },
    });
    const before = await identityCount(server);
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    await submitExpecting400(server, flow.id, { method: 'code', traits: { email } });
    const { code } = await inbox.nextEmail(email);
    const res = await submitExpecting400(server, flow.id, { method: 'code', traits: { email }, code });
    expect(messageIds(res)).toEqual([4000007]);
    expect(await identityCount(server)).toBe(before);
    const { data: list } = await server.sdk.identity.listIdentities({ credentialsIdentifier: email });
    expect((list as Identity[]).length).toBe(1);
  });
});
