// Address verification in browsers (form posts, the link in the email, SPAs and CSRF), bad input, and phone
// numbers verified by SMS, through the real server.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import {
  addressOf,
  APP,
  newIdentity,
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

describe('browser and SPA verification', () => {
  it('case=form posts, the link in the email fills the code in, the continue link leads on', async () => {
    const { id, email } = await newIdentity(server);
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
    expect(await addressOf(server, id)).toEqual({ verified: true, status: 'completed' });
  });

  it('case=SPA: JSON answers, a CSRF mismatch is refused and sends nothing', async () => {
    const { email } = await newIdentity(server);
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
    const sent = await sendNative(server, phone);
    expect(messageIds(sent)).toEqual([1080004]);
    const sms = await nextSms(phone);
    expect(await mail.templateTypes(phone)).toEqual(['verification_code_valid']);
    const done = await submitCode(server, sent.id, sms);
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
