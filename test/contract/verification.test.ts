// Address verification by code through @ory/client for native apps: the email, the code, wrong, expired,
// resent and replayed codes, max_submissions, unknown addresses, and verification after registration
// (`show_verification_ui`). Codes are read from the mail sink through the MailHog API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import {
  addressOf,
  APP,
  newIdentity,
  PASSWORD,
  sendNative,
  submitCode,
  verificationConfig,
} from '../helpers/verification-setup';

let server: TestServer;
let mail: AccountMailbox;
let base: string;

beforeAll(async () => {
  server = await createTestServer(verificationConfig);
  mail = new AccountMailbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

describe('code verification, native', () => {
  it('case=email, then the code: the address is verified and the form becomes a continue link', async () => {
    const { id, email } = await newIdentity(server);
    const { data: flow } = await server.sdk.frontend.createNativeVerificationFlow();
    expect(flow.type).toBe('api');
    expect(flow.state).toBe('choose_method');
    expect(nodeSummary(flow)).toEqual(['code/email:email', 'code/method:submit=code']);

    const sent = await sendNative(server, email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1080003]);
    expect(nodeSummary(sent)).toEqual([
      'code/method:hidden=code',
      'code/code:text',
      'code/method:submit=code',
      `code/email:submit=${email}`,
    ]);
    expect(await addressOf(server, id)).toEqual({ verified: false, status: 'sent' });

    const message = await mail.next(email);
    expect(message.code).toMatch(/^\d{6}$/);
    expect(message.link).toContain(`/self-service/verification?code=${message.code}&flow=${sent.id}`);
    expect(await mail.templateTypes(email)).toEqual(['verification_code_valid']);

    const done = await submitCode(server, sent.id, message.code as string);
    expect(done.state).toBe('passed_challenge');
    expect(done.ui.method).toBe('GET');
    expect(done.ui.action).toBe(`${APP}/welcome`);
    expect(done.ui.messages).toEqual([
      { id: 1080002, text: 'You successfully verified your email address.', type: 'success' },
    ]);
    expect(nodeSummary(done)).toEqual(['default/csrf_token:hidden', 'code/continue:a']);
    expect(done.ui.nodes[1]?.attributes).toMatchObject({ href: `${APP}/welcome`, node_type: 'a' });
    expect(await addressOf(server, id)).toEqual({ verified: true, status: 'completed' });
  });
});

describe('code verification: wrong, resent, expired and replayed codes', () => {
  it('case=a wrong code answers 4070006 and keeps the flow; the right one still works', async () => {
    const { id, email } = await newIdentity(server);
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    const wrong = await submitCode(server, sent.id, code === '000000' ? '111111' : '000000');
    expect(wrong.state).toBe('sent_email');
    expect(messageIds(wrong)).toEqual([4070006]);
    expect(await addressOf(server, id)).toEqual({ verified: false, status: 'sent' });
    expect((await submitCode(server, sent.id, code as string)).state).toBe('passed_challenge');
  });

  it('case=a resend replaces the code: the old one is unknown, the new one verifies', async () => {
    const { email } = await newIdentity(server);
    const sent = await sendNative(server, email);
    const first = await mail.next(email);
    const { data: again } = await server.sdk.frontend.updateVerificationFlow({
      flow: sent.id,
      updateVerificationFlowBody: { method: 'code', email },
    });
    expect(again.state).toBe('sent_email');
    const second = await mail.next(email);
    expect(second.code).not.toBe(first.code);
    expect(messageIds(await submitCode(server, sent.id, first.code as string))).toEqual([4070006]);
    expect((await submitCode(server, sent.id, second.code as string)).state).toBe('passed_challenge');
  });

  it('case=after max_submissions (5) wrong codes the flow is replaced with 4000001', async () => {
    const { email } = await newIdentity(server);
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect(messageIds(await submitCode(server, sent.id, wrongCode))).toEqual([4070006]);
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
    const { id, email } = await newIdentity(server);
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    server.clock.advance(16 * 60_000);
    try {
      expect(messageIds(await submitCode(server, sent.id, code as string))).toEqual([4070006]);
      expect(await addressOf(server, id)).toEqual({ verified: false, status: 'sent' });
    } finally {
      server.clock.advance(-16 * 60_000);
    }
  });

  it('case=an expired flow sends the client to a new flow carrying 4070005', async () => {
    const { email } = await newIdentity(server);
    const sent = await sendNative(server, email);
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
    const { email } = await newIdentity(server);
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    expect((await submitCode(server, sent.id, code as string)).state).toBe('passed_challenge');
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
    const other = await sendNative(server, email);
    await mail.next(email);
    expect(messageIds(await submitCode(server, other.id, code as string))).toEqual([4070006]);
  });
});

describe('unknown addresses', () => {
  it('case=the same answer and no mail for an address nobody has', async () => {
    const email = uniqueEmail('nobody');
    const sent = await sendNative(server, email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1080003]);
    expect(await mail.unread(email)).toBe(0);
    expect(messageIds(await submitCode(server, sent.id, '123456'))).toEqual([4070006]);
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
    expect((await submitCode(server, verificationId, code as string)).state).toBe('passed_challenge');
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
