// Account recovery through @ory/client: the code method for native apps (with and without
// `use_continue_with_transitions`), SPAs and form posts, the hand-over to a settings flow where the new
// password is set, wrong, expired and resent codes, max_submissions, unknown addresses, signed-in users,
// `revoke_active_sessions`, `skip_settings`, the link method, and bad input. Codes and links are read from
// the mail sink through the MailHog API.
import type { RecoveryFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const APP = 'http://127.0.0.1:4455';
const PASSWORD = 'correct horse battery staple 42';
const NEW_PASSWORD = 'an entirely different passphrase 17';
const json = { Accept: 'application/json' };
let server: TestServer;
let mail: AccountMailbox;
let base: string;

function recoveryConfig(extra: Record<string, unknown> = {}, flags: Record<string, unknown> = {}) {
  return {
    courier: { smtp: {} },
    feature_flags: flags,
    selfservice: {
      default_browser_return_url: `${APP}/welcome`,
      allowed_return_urls: [`${APP}/`],
      methods: { code: { config: { lifespan: '15m' } }, link: { enabled: true } },
      flows: {
        recovery: { enabled: true, ui_url: `${APP}/recovery`, ...extra },
        settings: { ui_url: `${APP}/settings` },
      },
    },
  };
}

beforeAll(async () => {
  server = await createTestServer(recoveryConfig());
  mail = new AccountMailbox(server);
  base = server.urls.public.replace(/\/$/, '');
});
afterAll(() => server.close());

async function account(): Promise<{ id: string; email: string }> {
  const email = uniqueEmail('recover');
  const identity = await createIdentity(server, { email, password: PASSWORD });
  return { id: identity.id, email };
}

async function sendNative(s: TestServer, email: string): Promise<RecoveryFlow> {
  const { data: flow } = await s.sdk.frontend.createNativeRecoveryFlow();
  const { data } = await s.sdk.frontend.updateRecoveryFlow({
    flow: flow.id,
    updateRecoveryFlowBody: { method: 'code', email },
  });
  return data;
}

async function submitCode(s: TestServer, flowId: string, code: string): Promise<RecoveryFlow> {
  const { data } = await s.sdk.frontend.updateRecoveryFlow({
    flow: flowId,
    updateRecoveryFlowBody: { method: 'code', code },
  });
  return data;
}

async function passwordLogin(s: TestServer, identifier: string, password: string): Promise<number> {
  const { data: flow } = await s.sdk.frontend.createNativeLoginFlow();
  try {
    await s.sdk.frontend.updateLoginFlow({
      flow: flow.id,
      updateLoginFlowBody: { method: 'password', identifier, password },
    });
    return 200;
  } catch (err) {
    return (err as { response: { status: number } }).response.status;
  }
}

describe('code recovery, native', () => {
  it('case=email, then the code: 422 to the settings UI, whose flow carries 1060001', async () => {
    const { id, email } = await account();
    const { data: flow } = await server.sdk.frontend.createNativeRecoveryFlow();
    expect(flow).toMatchObject({ type: 'api', state: 'choose_method', active: 'code' });
    expect(nodeSummary(flow)).toEqual([
      'default/csrf_token:hidden',
      'code/email:email',
      'code/method:submit=code',
    ]);

    const sent = await sendNative(server, email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1060003]);
    expect(nodeSummary(sent)).toEqual([
      'default/csrf_token:hidden',
      'code/code:text',
      'code/method:hidden=code',
      'code/method:submit=code',
      `code/email:submit=${email}`,
    ]);
    expect(sent.ui.nodes[1]?.attributes).toMatchObject({
      pattern: '[0-9]+',
      maxlength: 6,
      autocomplete: 'one-time-code',
      required: true,
    });
    const message = await mail.next(email);
    expect(await mail.templateTypes(email)).toEqual(['recovery_code_valid']);

    const done = await expectFailure(
      server.sdk.frontend.updateRecoveryFlow({
        flow: sent.id,
        updateRecoveryFlowBody: { method: 'code', code: message.code as string },
      }),
    );
    expect(done.status).toBe(422);
    expect((done.data.error as { id: string }).id).toBe('browser_location_change_required');
    const to = new URL(String(done.data.redirect_browser_to));
    expect(`${to.origin}${to.pathname}`).toBe(`${APP}/settings`);
    const settings = server.registry.selfService.flows.find('settings', to.searchParams.get('flow') ?? '');
    expect(settings.type).toBe('api');
    expect(settings.ui.messages?.[0]).toMatchObject({ id: 1060001, type: 'success' });
    const { data: recovered } = await server.sdk.frontend.getRecoveryFlow({ id: sent.id });
    expect(recovered.state).toBe('passed_challenge');
    // The code proved the address: it counts as verified now.
    const { data: identity } = await server.sdk.identity.getIdentity({ id });
    expect(identity.verifiable_addresses?.[0]).toMatchObject({ verified: true, status: 'completed' });
  });

  it('case=with use_continue_with_transitions: a session token and the settings flow, then a new password', async () => {
    const s = await createTestServer(recoveryConfig({}, { use_continue_with_transitions: true }));
    try {
      const inbox = new AccountMailbox(s);
      const email = uniqueEmail('transitions');
      await createIdentity(s, { email, password: PASSWORD });
      const sent = await sendNative(s, email);
      const { code } = await inbox.next(email);
      const done = await submitCode(s, sent.id, code as string);
      expect(done.state).toBe('passed_challenge');
      expect(done.continue_with?.map((c) => c.action)).toEqual(['set_ory_session_token', 'show_settings_ui']);
      const token = (done.continue_with?.[0] as { ory_session_token: string }).ory_session_token;
      expect(token).toMatch(/^ory_st_/);
      const show = done.continue_with?.[1] as { flow: { id: string; url: string } };
      expect(show.flow.url).toBe(`${APP}/settings?flow=${show.flow.id}`);

      const { data: session } = await s.sdk.frontend.toSession({ xSessionToken: token });
      expect(session.authentication_methods?.map((m) => m.method)).toEqual(['code_recovery']);
      expect(session.authenticator_assurance_level).toBe('aal1');

      const { data: settings } = await s.sdk.frontend.getSettingsFlow({
        id: show.flow.id,
        xSessionToken: token,
      });
      expect(settings.ui.messages?.[0]?.id).toBe(1060001);
      const { data: saved } = await s.sdk.frontend.updateSettingsFlow({
        flow: settings.id,
        xSessionToken: token,
        updateSettingsFlowBody: { method: 'password', password: NEW_PASSWORD },
      });
      expect(saved.state).toBe('success');
      expect(await passwordLogin(s, email, NEW_PASSWORD)).toBe(200);
      expect(await passwordLogin(s, email, PASSWORD)).toBe(400);
    } finally {
      await s.close();
    }
  });

  it('case=a wrong code answers 200 with 4060006; the right one still works', async () => {
    const { email } = await account();
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    const wrong = await submitCode(server, sent.id, code === '000000' ? '111111' : '000000');
    expect(wrong.state).toBe('sent_email');
    expect(messageIds(wrong)).toEqual([4060006]);
    const ok = await expectFailure(submitCode(server, sent.id, code as string));
    expect(ok.status).toBe(422);
  });

  it('case=after max_submissions wrong codes a new flow starts with 4000001', async () => {
    const { email } = await account();
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    const wrongCode = code === '123456' ? '654321' : '123456';
    for (let i = 0; i < 5; i++)
      expect(messageIds(await submitCode(server, sent.id, wrongCode))).toEqual([4060006]);
    // The 6th answer is a 303 to the new flow's JSON, which the SDK (axios) follows.
    const fresh = await submitCode(server, sent.id, code as string);
    expect(fresh.id).not.toBe(sent.id);
    expect(fresh.state).toBe('choose_method');
    expect(fresh.ui.messages?.[0]).toMatchObject({
      id: 4000001,
      text: 'The request was submitted too often. Please request another code.',
    });
  });

  it('case=a resend replaces the code; expired codes and flows', async () => {
    const { email } = await account();
    const sent = await sendNative(server, email);
    const first = await mail.next(email);
    await server.sdk.frontend.updateRecoveryFlow({
      flow: sent.id,
      updateRecoveryFlowBody: { method: 'code', email },
    });
    const second = await mail.next(email);
    expect(messageIds(await submitCode(server, sent.id, first.code as string))).toEqual([4060006]);

    server.clock.advance(16 * 60_000);
    try {
      expect(messageIds(await submitCode(server, sent.id, second.code as string))).toEqual([4060006]);
      server.clock.advance(45 * 60_000);
      const answer = await raw(new CookieJar(), `${base}/self-service/recovery?flow=${sent.id}`, {
        body: { method: 'code', code: second.code },
        headers: json,
      });
      expect(answer.status).toBe(303);
      const location = new URL(answer.location as string);
      expect(location.pathname).toBe('/self-service/recovery/flows');
      const { data: fresh } = await server.sdk.frontend.getRecoveryFlow({
        id: location.searchParams.get('id') ?? '',
      });
      expect(fresh.type).toBe('api');
      expect(messageIds(fresh)).toEqual([4060005]);
    } finally {
      server.clock.advance(-61 * 60_000);
    }
  });

  it('case=unknown addresses: the same answer and no mail', async () => {
    const email = uniqueEmail('nobody');
    const sent = await sendNative(server, email);
    expect(sent.state).toBe('sent_email');
    expect(messageIds(sent)).toEqual([1060003]);
    expect(await mail.unread(email)).toBe(0);
  });

  it('case=a passed flow cannot be submitted again (4060001 on a new flow)', async () => {
    const { email } = await account();
    const sent = await sendNative(server, email);
    const { code } = await mail.next(email);
    expect((await expectFailure(submitCode(server, sent.id, code as string))).status).toBe(422);
    const { data: again } = await server.sdk.frontend.updateRecoveryFlow({
      flow: sent.id,
      updateRecoveryFlowBody: { method: 'code', email },
    });
    expect(again.id).not.toBe(sent.id);
    expect(messageIds(again)).toEqual([4060001]);
  });

  it('case=signed in: recovery is refused', async () => {
    const { id } = await account();
    const { token, cookie } = issueSession(server, id);
    const api = await raw(new CookieJar(), `${base}/self-service/recovery/api`, {
      headers: { 'X-Session-Token': token },
    });
    expect(api.status).toBe(400);
    expect(api.body.error).toMatchObject({
      id: 'session_already_available',
      reason: 'A valid session was detected and thus recovery is not possible.',
    });
    const jar = new CookieJar();
    jar.store(cookie);
    const browser = await raw(jar, `${base}/self-service/recovery/browser`);
    expect(browser.status).toBe(302);
    expect(browser.location).toBe(`${APP}/welcome`);
    const spa = await raw(jar, `${base}/self-service/recovery/browser`, { headers: json });
    expect(spa.status).toBe(400);
  });
});

describe('code recovery in browsers', () => {
  it('case=form posts: code, settings UI with a session cookie, new password, sign in with it', async () => {
    const { email } = await account();
    const jar = new CookieJar();
    const init = await raw(jar, `${base}/self-service/recovery/browser`);
    expect(init.status).toBe(303);
    const flowId = new URL(init.location as string).searchParams.get('flow') as string;
    expect(init.location).toBe(`${APP}/recovery?flow=${flowId}`);
    const flow = flowOf(
      await raw(jar, `${base}/self-service/recovery/flows?id=${flowId}`, { headers: json }),
      200,
    );

    const sent = await raw(jar, flow.ui.action, {
      form: { method: 'code', email, csrf_token: csrfOf(flow) },
    });
    expect(sent.status).toBe(303);
    const codeForm = flowOf(
      await raw(jar, `${base}/self-service/recovery/flows?id=${flowId}`, { headers: json }),
      200,
    );
    const { code } = await mail.next(email);
    const done = await raw(jar, codeForm.ui.action, {
      form: { method: 'code', code: code as string, csrf_token: csrfOf(codeForm) },
    });
    expect(done.status).toBe(303);
    const to = new URL(done.location as string);
    expect(`${to.origin}${to.pathname}`).toBe(`${APP}/settings`);
    expect(jar.get('ory_kratos_session')).toBeDefined();

    const settings = flowOf(
      await raw(jar, `${base}/self-service/settings/flows?id=${to.searchParams.get('flow')}`, {
        headers: json,
      }),
      200,
    );
    expect(settings.ui.messages?.[0]?.id).toBe(1060001);
    const saved = await raw(jar, settings.ui.action, {
      form: { method: 'password', password: NEW_PASSWORD, csrf_token: csrfOf(settings) },
    });
    expect(saved.status).toBe(303);
    expect(await passwordLogin(server, email, NEW_PASSWORD)).toBe(200);
  });

  it('case=SPA: 422 browser_location_change_required to the settings UI; a CSRF mismatch is refused', async () => {
    const { email } = await account();
    const jar = new CookieJar();
    const flow = flowOf(await raw(jar, `${base}/self-service/recovery/browser`, { headers: json }), 200);
    const forged = await raw(jar, flow.ui.action, {
      body: { method: 'code', email, csrf_token: 'forged' },
      headers: json,
    });
    expect(forged.status).toBe(403);
    expect(await mail.unread(email)).toBe(0);

    const sent = flowOf(
      await raw(jar, flow.ui.action, {
        body: { method: 'code', email, csrf_token: csrfOf(flow) },
        headers: json,
      }),
      200,
    );
    const { code } = await mail.next(email);
    const done = await raw(jar, flow.ui.action, {
      body: { method: 'code', code, csrf_token: csrfOf(sent) },
      headers: json,
    });
    expect(done.status).toBe(422);
    expect(String(done.body.redirect_browser_to)).toMatch(new RegExp(`^${APP}/settings\\?flow=`));
    expect(jar.get('ory_kratos_session')).toBeDefined();
    const whoami = await raw(jar, `${base}/sessions/whoami`, { headers: json });
    expect(whoami.status).toBe(200);
  });

  it('case=skip_settings returns to return_to', async () => {
    const { email } = await account();
    const jar = new CookieJar();
    const init = await raw(
      jar,
      `${base}/self-service/recovery/browser?skip_settings=true&return_to=${encodeURIComponent(`${APP}/done`)}`,
    );
    const flowId = new URL(init.location as string).searchParams.get('flow') as string;
    const flow = flowOf(
      await raw(jar, `${base}/self-service/recovery/flows?id=${flowId}`, { headers: json }),
      200,
    );
    expect(flow.ui.action).toContain(flowId);
    await raw(jar, flow.ui.action, { form: { method: 'code', email, csrf_token: csrfOf(flow) } });
    const { code } = await mail.next(email);
    const codeForm = flowOf(
      await raw(jar, `${base}/self-service/recovery/flows?id=${flowId}`, { headers: json }),
      200,
    );
    const done = await raw(jar, codeForm.ui.action, {
      form: { method: 'code', code: code as string, csrf_token: csrfOf(codeForm) },
    });
    expect(done.status).toBe(303);
    expect(done.location).toBe(`${APP}/done`);
  });
});

describe('recovery.after hooks and notify_unknown_recipients', () => {
  it('case=revoke_active_sessions ends the other sessions; unknown addresses get recovery_code_invalid', async () => {
    const s = await createTestServer(
      recoveryConfig(
        { after: { hooks: [{ hook: 'revoke_active_sessions' }] }, notify_unknown_recipients: true },
        { use_continue_with_transitions: true },
      ),
    );
    try {
      const inbox = new AccountMailbox(s);
      const email = uniqueEmail('revoke');
      const identity = await createIdentity(s, { email, password: PASSWORD });
      const other = issueSession(s, identity.id);
      const sent = await sendNative(s, email);
      const done = await submitCode(s, sent.id, (await inbox.next(email)).code as string);
      const token = (done.continue_with?.[0] as { ory_session_token: string }).ory_session_token;
      expect((await s.sdk.frontend.toSession({ xSessionToken: token })).status).toBe(200);
      expect((await expectFailure(s.sdk.frontend.toSession({ xSessionToken: other.token }))).status).toBe(
        401,
      );

      const unknown = uniqueEmail('unknown');
      await sendNative(s, unknown);
      const message = await inbox.next(unknown);
      expect(message.code).toBeUndefined();
      expect(await inbox.templateTypes(unknown)).toEqual(['recovery_code_invalid']);
    } finally {
      await s.close();
    }
  });
});

describe('link recovery (use: link)', () => {
  it('case=the link signs the browser in and opens the settings flow', async () => {
    const s = await createTestServer(recoveryConfig({ use: 'link' }));
    try {
      const inbox = new AccountMailbox(s);
      const email = uniqueEmail('link');
      await createIdentity(s, { email, password: PASSWORD });
      const { data: flow } = await s.sdk.frontend.createNativeRecoveryFlow();
      expect(nodeSummary(flow)).toEqual([
        'default/csrf_token:hidden',
        'link/email:email',
        'link/method:submit=link',
      ]);
      const { data: sent } = await s.sdk.frontend.updateRecoveryFlow({
        flow: flow.id,
        updateRecoveryFlowBody: { method: 'link', email },
      });
      expect(sent.state).toBe('sent_email');
      expect(messageIds(sent)).toEqual([1060002]);
      const { link } = await inbox.next(email);
      expect(link).toMatch(new RegExp(`/self-service/recovery\\?flow=${flow.id}&token=\\w{32}$`));
      expect(await inbox.templateTypes(email)).toEqual(['recovery_valid']);

      const jar = new CookieJar();
      const click = await raw(jar, link as string);
      expect(click.status).toBe(303);
      expect(click.location).toMatch(new RegExp(`^${APP}/settings\\?flow=`));
      const whoami = await raw(jar, `${s.urls.public}sessions/whoami`, { headers: json });
      expect(
        (whoami.body as { authentication_methods: { method: string }[] }).authentication_methods[0]?.method,
      ).toBe('link_recovery');
      const reused = await raw(new CookieJar(), link as string);
      expect(reused.status).toBe(303);
      const fresh = s.registry.selfService.flows.find(
        'recovery',
        new URL(reused.location as string).searchParams.get('flow') ?? '',
      );
      expect(fresh.ui.messages?.map((m) => m.id)).toEqual([4060004]);
    } finally {
      await s.close();
    }
  });
});

describe('bad input', () => {
  it('case=unknown and malformed flow ids, malformed JSON, wrong types and __proto__ keys', async () => {
    const jar = new CookieJar();
    const unknown = await raw(jar, `${base}/self-service/recovery?flow=${crypto.randomUUID()}`, {
      body: { method: 'code', email: 'a@example.com' },
      headers: json,
    });
    expect(unknown.status).toBe(404);
    expect((unknown.body.error as { reason: string }).reason).toBe(
      'The recovery request could not be found. Please restart the flow.',
    );
    expect((await raw(jar, `${base}/self-service/recovery?flow=x`, { body: {}, headers: json })).status).toBe(
      400,
    );
    expect((await expectFailure(server.sdk.frontend.getRecoveryFlow({ id: 'x' }))).status).toBe(404);

    const { data: flow } = await server.sdk.frontend.createNativeRecoveryFlow();
    const url = `${base}/self-service/recovery?flow=${flow.id}`;
    const broken = flowOf(await raw(jar, url, { body: '{"method":', headers: json }), 400);
    expect(broken.ui.messages).toEqual([
      {
        id: 4000001,
        text: 'Unable to decode form as JSON.',
        type: 'error',
        context: { reason: 'Unable to decode form as JSON.' },
      },
    ]);
    const typed = flowOf(await raw(jar, url, { body: { method: 'code', email: 42 }, headers: json }), 400);
    expect(typed.ui.nodes.find((n) => n.attributes.name === 'email')?.messages.map((m) => m.id)).toEqual([
      4000040,
    ]);
    const missing = flowOf(await raw(jar, url, { body: { method: 'code' }, headers: json }), 400);
    expect(missing.ui.nodes.find((n) => n.attributes.name === 'email')?.messages.map((m) => m.id)).toEqual([
      4000002,
    ]);
    const proto = await raw(jar, url, {
      body: '{"method":"code","email":"proto@example.com","__proto__":{"polluted":true}}',
      headers: json,
    });
    expect(proto.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await mail.unread('proto@example.com')).toBe(0);
  });
});
