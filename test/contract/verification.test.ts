// Address verification through @ory/client: the code method (native apps, SPAs, form posts, the link in
// the email, SMS for phone numbers), the link method, verification after registration
// (`show_verification_ui`), wrong, expired and resent codes, max_submissions, unknown addresses, and bad
// input. Codes and links are read from the mail sink through the MailHog API.
import { randomInt } from 'node:crypto';
import type { VerificationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
const PASSWORD = 'correct horse battery staple 42';
let server: TestServer;
let mail: AccountMailbox;
let base: string;

beforeAll(async () => {
  server = await createTestServer({
    // Kratos's config schema wants a courier section once recovery or verification is on; without a
    // connection_uri mail goes to the built-in sink.
    courier: { smtp: {} },
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { code: { config: { lifespan: '15m' } } },
      flows: {
        verification: { enabled: true, ui_url: `${APP}/verification`, lifespan: '1h' },
        registration: {
          enable_legacy_one_step: true,
          after: { password: { hooks: [{ hook: 'show_verification_ui' }, { hook: 'session' }] } },
        },
      },
    },
  });
  mail = new AccountMailbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

async function newIdentity(email = uniqueEmail('verify')): Promise<{ id: string; email: string }> {
  const { data } = await server.sdk.identity.createIdentity({
    createIdentityBody: { schema_id: 'default', traits: { email } },
  });
  return { id: data.id, email };
}

async function addressOf(identityId: string): Promise<{ verified: boolean; status: string }> {
  const { data } = await server.sdk.identity.getIdentity({ id: identityId });
  const a = data.verifiable_addresses?.[0];
  return { verified: a?.verified ?? false, status: a?.status ?? '' };
}

/** Native: a flow, the email submitted; answers with the flow in sent_email. */
async function sendNative(email: string): Promise<VerificationFlow> {
  const { data: flow } = await server.sdk.frontend.createNativeVerificationFlow();
  const { data: sent } = await server.sdk.frontend.updateVerificationFlow({
    flow: flow.id,
    updateVerificationFlowBody: { method: 'code', email },
  });
  return sent;
}

async function submitCode(flowId: string, code: string): Promise<VerificationFlow> {
  const { data } = await server.sdk.frontend.updateVerificationFlow({
    flow: flowId,
    updateVerificationFlowBody: { method: 'code', code },
  });
  return data;
}

describe('code verification, native', () => {
  it('case=email, then the code: the address is verified and the form becomes a continue link', async () => {
    const { id, email } = await newIdentity();
    const { data: flow } = await server.sdk.frontend.createNativeVerificationFlow();
    expect(flow.type).toBe('api');
    expect(flow.state).toBe('choose_method');
    expect(nodeSummary(flow)).toEqual(['code/email:email', 'code/method:submit=code']);

    const sent = await sendNative(email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1080003]);
    expect(nodeSummary(sent)).toEqual([
      'code/method:hidden=code',
      'code/code:text',
      'code/method:submit=code',
      `code/email:submit=${email}`,
    ]);
    expect(await addressOf(id)).toEqual({ verified: false, status: 'sent' });

    const message = await mail.next(email);
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.link).toContain(`/self-service/verification?code=${message.code}&flow=${sent.id}`);
    expect(await mail.templateTypes(email)).toEqual(['verification_code_valid']);

    const done = await submitCode(sent.id, message.code as string);
    expect(done.state).toBe('passed_challenge');
    expect(done.ui.method).toBe('GET');
    expect(done.ui.action).toBe(`${APP}/welcome`);
    expect(done.ui.messages).toEqual([
      { id: 1080002, text: 'You successfully verified your email address.', type: 'success' },
    ]);
    expect(nodeSummary(done)).toEqual(['default/csrf_token:hidden', 'code/continue:a']);
    expect(done.ui.nodes[1]?.attributes).toMatchObject({ href: `${APP}/welcome`, node_type: 'a' });
    expect(await addressOf(id)).toEqual({ verified: true, status: 'completed' });
  });
});

describe('code verification: wrong, resent, expired and replayed codes', () => {
  it('case=a wrong code answers 4070006 and keeps the flow; the right one still works', async () => {
    const { id, email } = await newIdentity();
    const sent = await sendNative(email);
    const { code } = await mail.next(email);
    const wrong = await submitCode(sent.id, code === '000000' ? '111111' : '000000');
    expect(wrong.state).toBe('sent_email');
    expect(messageIds(wrong)).toEqual([4070006]);
    expect(await addressOf(id)).toEqual({ verified: false, status: 'sent' });
    expect((await submitCode(sent.id, code as string)).state).toBe('passed_challenge');
  });

  it('case=a resend replaces the code: the old one is unknown, the new one verifies', async () => {
    const { email } = await newIdentity();
    const sent = await sendNative(email);
    const first = await mail.next(email);
    const { data: again } = await server.sdk.frontend.updateVerificationFlow({
      flow: sent.id,
      updateVerificationFlowBody: { method: 'code', email },
    });
    expect(again.state).toBe('sent_email');
    const second = await mail.next(email);
    expect(second.code).not.toBe(first.code);
    expect(messageIds(await submitCode(sent.id, first.code as string))).toEqual([4070006]);
    expect((await submitCode(sent.id, second.code as string)).state).toBe('passed_challenge');
  });

  it('case=after max_submissions (5) wrong codes the flow is replaced with 4000001', async () => {
    const { email } = await newIdentity();
    const sent = await sendNative(email);
    const { code } = await mail.next(email);
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++) expect(messageIds(await submitCode(sent.id, wrongCode))).toEqual([4070006]);
    const sixth = await expectFailure(
      server.sdk.frontend.updateVerificationFlow({
        flow: sent.id,
        updateVerificationFlowBody: { method: 'code', code: code as string },
      }),
    );
    expect(sixth.status).toBe(410);
    expect(sixth.data.error).toMatchObject({ id: 'self_service_flow_replaced', code: 410 });
    const replacement = String(sixth.data.use_flow_id);
    expect(replacement).not.toBe(sent.id);
    const { data: fresh } = await server.sdk.frontend.getVerificationFlow({ id: replacement });
    expect(fresh.state).toBe('choose_method');
    expect(fresh.ui.messages).toEqual([
      {
        id: 4000001,
        text: 'The request was submitted too often. Please request another code.',
        type: 'error',
        context: { reason: 'The request was submitted too often. Please request another code.' },
      },
    ]);
  });

  it('case=an expired code (methods.code.config.lifespan) is an invalid code', async () => {
    const { id, email } = await newIdentity();
    const sent = await sendNative(email);
    const { code } = await mail.next(email);
    server.clock.advance(16 * 60_000);
    try {
      expect(messageIds(await submitCode(sent.id, code as string))).toEqual([4070006]);
      expect(await addressOf(id)).toEqual({ verified: false, status: 'sent' });
    } finally {
      server.clock.advance(-16 * 60_000);
    }
  });

  it('case=an expired flow sends the client to a new flow carrying 4070005', async () => {
    const { email } = await newIdentity();
    const sent = await sendNative(email);
    const { code } = await mail.next(email);
    server.clock.advance(61 * 60_000);
    try {
      const answer = await raw(new CookieJar(), `${base}/self-service/verification?flow=${sent.id}`, {
        body: { method: 'code', code },
        headers: { Accept: 'application/json' },
      });
      expect(answer.status).toBe(303);
      const location = new URL(answer.location as string);
      expect(location.pathname).toBe('/self-service/verification/flows');
      const fresh = await server.registry.selfService.flows.find(
        'verification',
        location.searchParams.get('id') ?? '',
      );
      expect(fresh.type).toBe('browser');
      expect(fresh.ui.messages?.map((m) => m.id)).toEqual([4070005]);
    } finally {
      server.clock.advance(-61 * 60_000);
    }
  });

  it('case=a verified flow cannot be submitted again (4070002 on a new flow), its code is spent', async () => {
    const { email } = await newIdentity();
    const sent = await sendNative(email);
    const { code } = await mail.next(email);
    expect((await submitCode(sent.id, code as string)).state).toBe('passed_challenge');
    const again = await expectFailure(
      server.sdk.frontend.updateVerificationFlow({
        flow: sent.id,
        updateVerificationFlowBody: { method: 'code', code: code as string },
      }),
    );
    expect(again.status).toBe(410);
    const { data: fresh } = await server.sdk.frontend.getVerificationFlow({
      id: String(again.data.use_flow_id),
    });
    expect(messageIds(fresh)).toEqual([4070002]);

    // The spent code does not verify anything in another flow either.
    const other = await sendNative(email);
    await mail.next(email);
    expect(messageIds(await submitCode(other.id, code as string))).toEqual([4070006]);
  });
});

describe('unknown addresses', () => {
  it('case=the same answer and no mail for an address nobody has', async () => {
    const email = uniqueEmail('nobody');
    const sent = await sendNative(email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1080003]);
    expect(await mail.unread(email)).toBe(0);
    expect(messageIds(await submitCode(sent.id, '123456'))).toEqual([4070006]);
  });
});

describe('verification after registration', () => {
  it('case=native registration sends a code and shows the verification flow in continue_with', async () => {
    const email = uniqueEmail('signup');
    const { data: flow } = await server.sdk.frontend.createNativeRegistrationFlow();
    const { data } = await server.sdk.frontend.updateRegistrationFlow({
      flow: flow.id,
      updateRegistrationFlowBody: { method: 'password', password: PASSWORD, traits: { email } },
    });
    const show = data.continue_with?.find((c) => c.action === 'show_verification_ui');
    expect(show).toMatchObject({ action: 'show_verification_ui', flow: { verifiable_address: email } });
    expect(show && 'flow' in show ? show.flow : {}).not.toHaveProperty('url');
    expect(data.continue_with?.map((c) => c.action)).toEqual([
      'show_verification_ui',
      'set_ory_session_token',
    ]);
    expect(data.identity.verifiable_addresses?.[0]?.status).toBe('sent');

    const verificationId = String((show as { flow: { id: string } }).flow.id);
    const { data: vflow } = await server.sdk.frontend.getVerificationFlow({ id: verificationId });
    expect(vflow.type).toBe('api');
    expect(vflow.state).toBe('sent_email');
    expect(nodeSummary(vflow)).toEqual([
      'code/method:hidden=code',
      'code/code:text',
      'code/method:submit=code',
      `code/email:submit=${email}`,
    ]);
    const { code } = await mail.next(email);
    expect((await submitCode(verificationId, code as string)).state).toBe('passed_challenge');
    const { data: identity } = await server.sdk.identity.getIdentity({ id: data.identity.id });
    expect(identity.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: 'completed' });
  });

  it('case=a browser registration is sent to the verification UI first', async () => {
    const jar = new CookieJar();
    const email = uniqueEmail('browser-signup');
    const init = await raw(jar, `${base}/self-service/registration/browser`);
    const flowId = new URL(init.location as string).searchParams.get('flow') as string;
    const flow = await raw(jar, `${base}/self-service/registration/flows?id=${flowId}`, {
      headers: { Accept: 'application/json' },
    });
    const done = await raw(jar, `${base}/self-service/registration?flow=${flowId}`, {
      form: { method: 'password', password: PASSWORD, 'traits.email': email, csrf_token: csrfOf(flow.body) },
    });
    expect(done.status).toBe(303);
    const to = new URL(done.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${APP}/verification`);
    const vflow = await raw(
      jar,
      `${base}/self-service/verification/flows?id=${to.searchParams.get('flow')}`,
      {
        headers: { Accept: 'application/json' },
      },
    );
    expect(flowOf(vflow, 200).state).toBe('sent_email');
    expect(jar.get('ory_kratos_session')).toBeDefined();
  });
});

describe('browser and SPA verification', () => {
  it('case=form posts, the link in the email fills the code in, the continue link leads on', async () => {
    const { id, email } = await newIdentity();
    const jar = new CookieJar();
    const init = await raw(
      jar,
      `${base}/self-service/verification/browser?return_to=${encodeURIComponent(`${APP}/after`)}`,
    );
    expect(init.status).toBe(303);
    const flowId = new URL(init.location as string).searchParams.get('flow') as string;
    const flow = flowOf(
      await raw(jar, `${base}/self-service/verification/flows?id=${flowId}`, {
        headers: { Accept: 'application/json' },
      }),
      200,
    );
    expect(nodeSummary(flow)).toEqual([
      'code/email:email',
      'code/method:submit=code',
      'default/csrf_token:hidden',
    ]);

    const sent = await raw(jar, flow.ui.action, {
      form: { method: 'code', email, csrf_token: csrfOf(flow) },
    });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`${APP}/verification?flow=${flowId}`);
    const { link, code } = await mail.next(email);

    // Another browser opens the link: it is bound to that browser and the code is filled in.
    const other = new CookieJar();
    const click = await raw(other, link as string);
    expect(click.status).toBe(303);
    expect(click.location).toBe(`${APP}/verification?flow=${flowId}`);
    const filled = flowOf(
      await raw(other, `${base}/self-service/verification/flows?id=${flowId}`, {
        headers: { Accept: 'application/json' },
      }),
      200,
    );
    expect(filled.ui.nodes.find((n) => n.attributes.name === 'code')?.attributes.value).toBe(code);

    const done = await raw(other, filled.ui.action, {
      form: { method: 'code', code: code as string, csrf_token: csrfOf(filled) },
    });
    expect(done.status).toBe(303);
    const passed = flowOf(
      await raw(other, `${base}/self-service/verification/flows?id=${flowId}`, {
        headers: { Accept: 'application/json' },
      }),
      200,
    );
    expect(passed.state).toBe('passed_challenge');
    expect(passed.ui).toMatchObject({ method: 'GET', action: `${APP}/after` });
    expect(await addressOf(id)).toEqual({ verified: true, status: 'completed' });
  });

  it('case=SPA: JSON answers, a CSRF mismatch is refused and sends nothing', async () => {
    const { email } = await newIdentity();
    const jar = new CookieJar();
    const json = { Accept: 'application/json' };
    const flow = flowOf(await raw(jar, `${base}/self-service/verification/browser`, { headers: json }), 200);
    expect(flow.ui.action).toBe(`${base}/self-service/verification?flow=${flow.id}`);

    const forged = await raw(jar, flow.ui.action, {
      body: { method: 'code', email, csrf_token: 'forged' },
      headers: json,
    });
    expect(forged.status).toBe(403);
    expect((forged.body.error as { id: string }).id).toBe('security_csrf_violation');
    expect(await mail.unread(email)).toBe(0);

    const sent = flowOf(
      await raw(jar, flow.ui.action, {
        body: { method: 'code', email, csrf_token: csrfOf(flow) },
        headers: json,
      }),
      200,
    );
    expect(sent.state).toBe('sent_email');
    const { code } = await mail.next(email);
    const done = flowOf(
      await raw(jar, flow.ui.action, { body: { method: 'code', code }, headers: json }),
      200,
    );
    expect(done.state).toBe('passed_challenge');
  });
});

describe('bad input', () => {
  const json = { Accept: 'application/json' };

  it('case=unknown and malformed flow ids', async () => {
    const jar = new CookieJar();
    const unknown = await raw(jar, `${base}/self-service/verification?flow=${crypto.randomUUID()}`, {
      body: { method: 'code', email: 'a@example.com' },
      headers: json,
    });
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as { reason: string }).reason).toBe(
      'The verification request could not be found. Please restart the flow.',
    );
    const malformed = await raw(jar, `${base}/self-service/verification?flow=nope`, {
      body: { method: 'code' },
      headers: json,
    });
    expect(malformed.status).toBe(400);
    const get = await expectFailure(server.sdk.frontend.getVerificationFlow({ id: 'nope' }));
    expect(get.status).toBe(404);
  });

  it('case=malformed JSON, wrong types and __proto__ keys become form messages, nothing is sent', async () => {
    const { data: flow } = await server.sdk.frontend.createNativeVerificationFlow();
    const url = `${base}/self-service/verification?flow=${flow.id}`;
    const jar = new CookieJar();
    const broken = flowOf(await raw(jar, url, { body: '{"method":', headers: json }), 400);
    expect(broken.ui.messages?.[0]).toMatchObject({ id: 4000001, text: 'Unable to decode form as JSON.' });
    const array = flowOf(await raw(jar, url, { body: '[1]', headers: json }), 400);
    // Verification keeps earlier form messages (its WriteFlowError does not reset them), as Kratos does.
    expect(array.ui.messages?.map((m) => m.text)).toEqual([
      'Unable to decode form as JSON.',
      'Expected JSON sent in request body to be an object but got: JSON',
    ]);
    const wrongMethod = flowOf(await raw(jar, url, { body: { method: 'telepathy' }, headers: json }), 400);
    expect(wrongMethod.state).toBe('choose_method');
    const proto = await raw(jar, url, {
      body: '{"method":"code","email":"proto@example.com","__proto__":{"polluted":true},"transient_payload":{"__proto__":{"x":1}}}',
      headers: json,
    });
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await mail.unread('proto@example.com')).toBe(0);
  });
});

describe('phone numbers', () => {
  it('case=a phone number gets the code by SMS and 1080005 when verified', async () => {
    const phone = `+1415555${String(randomInt(1000, 10_000))}`;
    const { data: identity } = await server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'phone', traits: { phone } },
    });
    const sent = await sendNative(phone);
    expect(messageIds(sent)).toEqual([1080004]);
    const sms = await nextSms(phone);
    expect(await mail.templateTypes(phone)).toEqual(['verification_code_valid']);
    const done = await submitCode(sent.id, sms);
    expect(done.ui.messages?.map((m) => m.id)).toEqual([1080005]);
    const { data } = await server.sdk.identity.getIdentity({ id: identity.id });
    expect(data.verifiable_addresses?.[0]).toMatchObject({ via: 'sms', verified: true, status: 'completed' });
  });
});

async function nextSms(to: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await fetch(new URL('api/gatehouse/v1/sms?limit=200', server.urls.mailApi));
    const { items } = (await res.json()) as { items: { to: string; body: string }[] };
    const code = /\b(\d{6})\b/.exec(items.find((s) => s.to === to)?.body ?? '')?.[1];
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no SMS to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('link verification (use: link)', () => {
  let linkServer: TestServer;
  let linkMail: AccountMailbox;
  let linkBase: string;

  beforeAll(async () => {
    linkServer = await createTestServer({
      courier: { smtp: {} },
      selfservice: {
        default_browser_return_url: `${APP}/welcome`,
        methods: { link: { enabled: true, config: { lifespan: '10m' } } },
        flows: {
          verification: { enabled: true, use: 'link', notify_unknown_recipients: true },
        },
      },
    });
    linkMail = new AccountMailbox(linkServer);
    linkBase = linkServer.urls.public.replace(/\/$/, '');
  });
  afterAll(() => linkServer.close());

  async function sendLink(email: string): Promise<VerificationFlow> {
    const { data: flow } = await linkServer.sdk.frontend.createNativeVerificationFlow();
    expect(nodeSummary(flow)).toEqual([
      'default/csrf_token:hidden',
      'link/email:email',
      'link/method:submit=link',
    ]);
    const { data } = await linkServer.sdk.frontend.updateVerificationFlow({
      flow: flow.id,
      updateVerificationFlowBody: { method: 'link', email },
    });
    return data;
  }

  it('case=the link in the email verifies the address and shows the verified flow', async () => {
    const email = uniqueEmail('link');
    const { data: identity } = await linkServer.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email } },
    });
    const sent = await sendLink(email);
    expect(sent.state).toBe('sent_email');
    expect(sent.ui.messages?.map((m) => m.id)).toEqual([1080001]);
    const { link } = await linkMail.next(email);
    expect(link).toMatch(
      new RegExp(`^${linkBase}/self-service/verification\\?flow=${sent.id}&token=\\w{32}$`),
    );
    expect(await linkMail.templateTypes(email)).toEqual(['verification_valid']);

    const jar = new CookieJar();
    const click = await raw(jar, link as string);
    expect(click.status).toBe(303);
    expect(click.location).toBe(`${linkBase}/ui/verification?flow=${sent.id}`);
    const { data: done } = await linkServer.sdk.frontend.getVerificationFlow({ id: sent.id });
    expect(done.state).toBe('passed_challenge');
    expect(nodeSummary(done)).toEqual(['default/csrf_token:hidden', 'link/continue:a']);
    const { data: after } = await linkServer.sdk.identity.getIdentity({ id: identity.id });
    expect(after.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: 'completed' });

    // The link works once: again, it restarts the flow with 4070001.
    const again = await raw(new CookieJar(), link as string);
    expect(again.status).toBe(303);
    const fresh = linkServer.registry.selfService.flows.find(
      'verification',
      new URL(again.location as string).searchParams.get('flow') ?? '',
    );
    expect(fresh.ui.messages?.map((m) => m.id)).toEqual([4070001]);
  });

  it('case=an expired link restarts the flow with 4070005', async () => {
    const email = uniqueEmail('link-expired');
    await linkServer.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email } },
    });
    await sendLink(email);
    const { link } = await linkMail.next(email);
    linkServer.clock.advance(11 * 60_000);
    try {
      const click = await raw(new CookieJar(), link as string);
      const fresh = linkServer.registry.selfService.flows.find(
        'verification',
        new URL(click.location as string).searchParams.get('flow') ?? '',
      );
      expect(fresh.ui.messages?.map((m) => m.id)).toEqual([4070005]);
    } finally {
      linkServer.clock.advance(-11 * 60_000);
    }
  });

  it('case=notify_unknown_recipients sends verification_invalid to unknown addresses', async () => {
    const email = uniqueEmail('link-unknown');
    const sent = await sendLink(email);
    expect(sent.ui.messages?.map((m) => m.id)).toEqual([1080001]);
    const message = await linkMail.next(email);
    expect(message.link).toBeUndefined();
    expect(await linkMail.templateTypes(email)).toEqual(['verification_invalid']);
  });

  it('case=recovery is disabled by default', async () => {
    const res = await expectFailure(linkServer.sdk.frontend.createNativeRecoveryFlow());
    expect(res.status).toBe(400);
    expect((res.data.error as { reason: string }).reason).toBe(
      'Recovery is not allowed because it was disabled.',
    );
  });
});

describe('verification disabled', () => {
  it('case=every endpoint refuses with 400', async () => {
    const off = await createTestServer({});
    try {
      const res = await expectFailure(off.sdk.frontend.createNativeVerificationFlow());
      expect(res.status).toBe(400);
      expect((res.data.error as { reason: string }).reason).toBe(
        'Verification is not allowed because it was disabled.',
      );
      expect(
        (await expectFailure(off.sdk.frontend.getVerificationFlow({ id: crypto.randomUUID() }))).status,
      ).toBe(400);
    } finally {
      await off.close();
    }
  });
});
