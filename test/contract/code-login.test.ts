// Passwordless login with one-time codes (`selfservice.methods.code.passwordless_enabled`) through
// @ory/client: native apps, SPAs and server-rendered form posts; codes read from the mail sink (MailHog API)
// and the SMS sink; resend, wrong and expired codes, max_submissions, refresh, and bad input.
import type { LoginFlow, SuccessfulNativeLogin } from '@ory/client';
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
let inbox: Inbox;
let base: string;

beforeAll(async () => {
  server = await createTestServer({
    identity: codeSchemaConfig,
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { code: { passwordless_enabled: true, config: { lifespan: '10m' } } },
    },
  });
  inbox = new Inbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

async function newAccount(traits: Record<string, string>): Promise<string> {
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'code', traits },
  });
  return data.id;
}

/** Native step 1: the identifier; answers 400 with the flow in state sent_email. */
async function sendNative(identifier: string): Promise<LoginFlow> {
  const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
  const sent = await expectFailure(
    server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'code', csrf_token: '', identifier },
    }),
  );
  expect(sent.status).toBe(400);
  return sent.data as unknown as LoginFlow;
}

async function submitNativeCode(flowId: string, identifier: string, code: string) {
  return server.sdk.frontend.updateLoginFlow({
    flow: flowId,
    updateLoginFlowBody: { method: 'code', csrf_token: '', identifier, code },
  });
}

describe('passwordless code login, native', () => {
  it('case=the login form offers the code next to the password', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    expect(nodeSummary(flow)).toEqual([
      'default/csrf_token:hidden',
      'default/identifier:text',
      'code/method:submit',
      'password/password:password',
      'password/method:submit',
    ]);
    expect(node(flow, 'method', 'code')?.meta.label).toEqual({
      id: 1010015,
      text: 'Send sign in code',
      type: 'info',
    });
    // Two traits are identifiers (email and phone), so the label is Kratos's generic "ID".
    expect(node(flow, 'identifier')?.meta.label).toEqual({ id: 1070004, text: 'ID', type: 'info' });
  });

  it('case=identifier, code from the mail sink, session with AMR code at aal1, address verified', async () => {
    const email = uniqueEmail('native');
    const id = await newAccount({ email });
    const sent = await sendNative(email.toUpperCase());
    expect(sent.state).toBe('sent_email');
    expect(sent.active).toBe('code');
    expect(sent.ui.messages).toEqual([
      {
        id: 1010014,
        text: "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
        type: 'info',
      },
    ]);
    expect(nodeSummary(sent)).toEqual([
      'default/identifier:hidden',
      'code/method:hidden',
      'code/code:text',
      'code/method:submit',
      'code/resend:submit',
    ]);
    expect(attrs(node(sent, 'identifier')!).value).toBe(email);
    expect(node(sent, 'code')?.meta.label).toEqual({ id: 1070013, text: 'Login code', type: 'info' });
    expect(attrs(node(sent, 'code')!)).toMatchObject({ required: true, autocomplete: 'one-time-code' });
    expect(node(sent, 'resend')?.meta.label).toEqual({ id: 1070008, text: 'Resend code', type: 'info' });

    const mail = await inbox.nextEmail(email);
    expect(await inbox.queuedFor(email)).toBe(1);
    expect(mail.subject).toContain(mail.code);
    expect(mail.body).toContain('expires in 10 minutes');

    const { data } = await submitNativeCode(sent.id, email, mail.code);
    const done = data as SuccessfulNativeLogin;
    expect(done.session_token).toMatch(/^ory_st_/);
    expect(done.session.authenticator_assurance_level).toBe('aal1');
    expect(done.session.authentication_methods?.map((m) => [m.method, m.aal])).toEqual([['code', 'aal1']]);
    const whoami = await server.sdk.frontend.toSession({ xSessionToken: done.session_token });
    expect(whoami.data.identity?.id).toBe(id);
    expect(whoami.data.authenticator_assurance_level).toBe('aal1');

    const { data: identity } = await server.sdk.identity.getIdentity({ id });
    expect(identity.verifiable_addresses?.[0]).toMatchObject({
      value: email,
      verified: true,
      status: 'completed',
    });
    expect(identity.credentials?.code?.identifiers).toEqual([email]);
  });

  it('case=a phone number receives its code by SMS', async () => {
    const phone = uniquePhone();
    const id = await newAccount({ phone });
    const sent = await sendNative(phone);
    const sms = await inbox.nextSms(phone);
    expect(sms.body).toContain(`${sms.code} is your sign-in code`);
    const { data } = await submitNativeCode(sent.id, phone, sms.code);
    expect(data.session.identity?.id).toBe(id);
  });

  it('case=an identity with email and phone gets the code only at the address typed', async () => {
    const email = uniqueEmail('both');
    const phone = uniquePhone();
    await newAccount({ email, phone });
    const sent = await sendNative(email);
    const mail = await inbox.nextEmail(email);
    await expect(inbox.nextSms(phone, 500)).rejects.toThrow(/timed out/);
    const { data } = await submitNativeCode(sent.id, email, mail.code);
    expect(data.session.authentication_methods?.[0]?.method).toBe('code');
  });

  it('case=resend replaces the code: the old one is refused with 4010008, the new one works', async () => {
    const email = uniqueEmail('resend');
    await newAccount({ email });
    const sent = await sendNative(email);
    const first = await inbox.nextEmail(email);
    const resent = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: sent.id,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email, resend: 'code' },
      }),
    );
    expect(resent.status).toBe(400);
    expect((resent.data as unknown as LoginFlow).state).toBe('sent_email');
    const second = await inbox.nextEmail(email);
    expect(second.code).not.toBe(first.code === second.code ? 'never' : '');

    const old = await expectFailure(submitNativeCode(sent.id, email, first.code));
    expect(old.status).toBe(400);
    expect(messageIds(old.data as unknown as LoginFlow)).toEqual([4010008]);
    const { data } = await submitNativeCode(sent.id, email, second.code);
    expect(data.session_token).toBeTruthy();
  });

  it('case=wrong codes are 4010008; after max_submissions even the right code is refused', async () => {
    const email = uniqueEmail('brute');
    await newAccount({ email });
    const sent = await sendNative(email);
    const { code } = await inbox.nextEmail(email);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const res = await expectFailure(submitNativeCode(sent.id, email, wrong));
      const flow = res.data as unknown as LoginFlow;
      expect(messageIds(flow)).toEqual([4010008]);
      expect(flow.ui.messages?.[0]?.text).toBe(
        'The login code is invalid or has already been used. Please try again.',
      );
      expect(attrs(node(flow, 'identifier')!).value).toBe(email);
    }
    const blocked = await expectFailure(submitNativeCode(sent.id, email, code));
    expect(blocked.data.ui).toMatchObject({
      messages: [
        {
          id: 4000001,
          text: 'The request was submitted too often. Please request another code.',
          type: 'error',
        },
      ],
    });
    // As in Kratos the flow's counter is not reset by a resend: a new flow is the way out.
    const fresh = await sendNative(email);
    const again = await inbox.nextEmail(email);
    expect(again.code).toMatch(/^\d{6}$/);
    const { data } = await submitNativeCode(fresh.id, email, again.code);
    expect(data.session_token).toBeTruthy();
  });

  it('case=an expired code is refused with 4010008', async () => {
    const email = uniqueEmail('expired');
    await newAccount({ email });
    const sent = await sendNative(email);
    const { code } = await inbox.nextEmail(email);
    server.clock.advance(11 * 60_000);
    const res = await expectFailure(submitNativeCode(sent.id, email, code));
    expect(res.status).toBe(400);
    expect(messageIds(res.data as unknown as LoginFlow)).toEqual([4010008]);
  });

  it('case=a code is bound to its flow, and a completed flow cannot be replayed', async () => {
    const email = uniqueEmail('replay');
    await newAccount({ email });
    const sent = await sendNative(email);
    const { code } = await inbox.nextEmail(email);
    const other = await sendNative(email);
    await inbox.nextEmail(email);
    const elsewhere = await expectFailure(submitNativeCode(other.id, email, code));
    expect(messageIds(elsewhere.data as unknown as LoginFlow)).toEqual([4010008]);

    await submitNativeCode(sent.id, email, code);
    const replay = await expectFailure(submitNativeCode(sent.id, email, code));
    expect(replay.status).toBe(400);
    expect(messageIds(replay.data as unknown as LoginFlow)).toEqual([4010007]);
  });

  it('case=an unknown account is 4000035 and nothing is sent', async () => {
    const email = uniqueEmail('nobody');
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const res = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email },
      }),
    );
    const answered = res.data as unknown as LoginFlow;
    expect(res.status).toBe(400);
    expect(answered.state).toBe('choose_method');
    expect(answered.ui.messages).toEqual([
      {
        id: 4000035,
        text: 'This account does not exist or has not setup sign in with code.',
        type: 'error',
      },
    ]);
    expect(attrs(node(answered, 'identifier')!).value).toBe(email);
    expect(await inbox.queuedFor(email)).toBe(0);
  });

  it('case=a missing identifier or code is "Property … is missing." on that field', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow();
    const none = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: '' },
      }),
    );
    expect(nodeMessageIds(none.data as unknown as LoginFlow, 'identifier')).toEqual([4000002]);

    const email = uniqueEmail('nocode');
    await newAccount({ email });
    const sent = await sendNative(email);
    await inbox.nextEmail(email);
    const missing = await expectFailure(submitNativeCode(sent.id, email, ''));
    expect(nodeMessageIds(missing.data as unknown as LoginFlow, 'code')).toEqual([4000002]);
  });
});

describe('passwordless code login in the browser', () => {
  it('case=SPA: JSON with cookies, a session cookie and a redirect hint at the end', async () => {
    const email = uniqueEmail('spa');
    await newAccount({ email });
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/login/browser?return_to=${APP}/after`, {
      headers: { Accept: 'application/json' },
    });
    const flow = (await init.json()) as LoginFlow;
    const json = { Accept: 'application/json', 'Content-Type': 'application/json', Cookie: jar.header() };
    const step1 = await submitRaw(
      flow.ui.action,
      JSON.stringify({ method: 'code', identifier: email, csrf_token: csrfOf(flow) }),
      json,
    );
    expect(step1.status).toBe(400);
    const sent = step1.body as unknown as LoginFlow;
    expect(sent.state).toBe('sent_email');
    expect(nodeSummary(sent).at(-1)).toBe('default/csrf_token:hidden');
    const { code } = await inbox.nextEmail(email);
    const res = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ method: 'code', identifier: email, code, csrf_token: csrfOf(sent) }),
    });
    const done = (await res.json()) as Record<string, unknown>;
    expect(res.status).toBe(200);
    expect(done.session_token).toBeUndefined();
    expect(done.continue_with).toEqual([
      { action: 'redirect_browser_to', redirect_browser_to: `${APP}/after` },
    ]);
    const whoami = await browserFetch(jar, `${base}/sessions/whoami`, {
      headers: { Accept: 'application/json' },
    });
    expect(
      ((await whoami.json()) as { authentication_methods: { method: string }[] }).authentication_methods,
    ).toEqual([expect.objectContaining({ method: 'code', aal: 'aal1' })]);
  });

  it('case=server-rendered form posts: 303 to the login UI, then 303 to return_to with the cookie', async () => {
    const email = uniqueEmail('form');
    await newAccount({ email });
    const jar = new CookieJar();
    const init = await browserFetch(jar, `${base}/self-service/login/browser`);
    expect(init.status).toBe(303);
    const flowId = new URL(init.headers.get('location') ?? '').searchParams.get('flow') ?? '';
    const { data: flow } = await server.sdk.frontend.getLoginFlow({ id: flowId, cookie: jar.header() });
    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const step1 = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ method: 'code', identifier: email, csrf_token: csrfOf(flow) }).toString(),
    });
    expect(step1.status).toBe(303);
    expect(step1.headers.get('location')).toBe(`${base}/ui/login?flow=${flowId}`);
    const { data: sent } = await server.sdk.frontend.getLoginFlow({ id: flowId, cookie: jar.header() });
    expect(sent.state).toBe('sent_email');
    const { code } = await inbox.nextEmail(email);

    const wrong = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'code',
        identifier: email,
        code: code === '999999' ? '000000' : '999999',
        csrf_token: csrfOf(sent),
      }).toString(),
    });
    expect(wrong.status).toBe(303);
    const { data: retry } = await server.sdk.frontend.getLoginFlow({ id: flowId, cookie: jar.header() });
    expect(messageIds(retry)).toEqual([4010008]);

    const done = await browserFetch(jar, flow.ui.action, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({
        method: 'code',
        identifier: email,
        code,
        csrf_token: csrfOf(retry),
      }).toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(`${APP}/welcome`);
    expect(jar.get('ory_kratos_session')).toBeTruthy();
  });

  it('case=refresh: the same identity re-authenticates by code; another identity is refused', async () => {
    const email = uniqueEmail('refresh');
    await newAccount({ email });
    const sent = await sendNative(email);
    const { data: first } = await submitNativeCode(sent.id, email, (await inbox.nextEmail(email)).code);
    const token = first.session_token as string;

    const { data: flow } = await server.sdk.frontend.createNativeLoginFlow({
      refresh: true,
      xSessionToken: token,
    });
    expect(attrs(node(flow, 'identifier')!)).toMatchObject({ type: 'text', value: '' });
    const stranger = uniqueEmail('stranger');
    await newAccount({ email: stranger });
    const refused = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: stranger },
      }),
    );
    expect(messageIds(refused.data as unknown as LoginFlow)).toEqual([4000035]);

    const again = await expectFailure(
      server.sdk.frontend.updateLoginFlow({
        flow: flow.id,
        xSessionToken: token,
        updateLoginFlowBody: { method: 'code', csrf_token: '', identifier: email },
      }),
    );
    expect(messageIds(again.data as unknown as LoginFlow)).toEqual([1010025]);
    const { data: done } = await server.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      xSessionToken: token,
      updateLoginFlowBody: {
        method: 'code',
        csrf_token: '',
        identifier: email,
        code: (await inbox.nextEmail(email)).code,
      },
    });
    expect(done.session.id).toBe(first.session.id);
    expect(done.session.authentication_methods?.map((m) => m.method)).toEqual(['code', 'code']);
  });
});
