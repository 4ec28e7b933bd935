// Account recovery by code through @ory/client for native apps (with and without
// `use_continue_with_transitions`): the hand-over to a settings flow where the new password is set, wrong,
// expired and resent codes, max_submissions, unknown addresses and signed-in users. Codes are read from the
// mail sink through the MailHog API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { messageIds, nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { createIdentity, issueSession, uniqueEmail } from '../helpers/identities';
import {
  APP,
  NEW_PASSWORD,
  PASSWORD,
  passwordLogin,
  recoveryConfig,
  sendNative,
  submitCode,
} from '../helpers/recovery-setup';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';

const json = { Accept: 'application/json' };
let server: TestServer;
let mail: AccountMailbox;
let base: string;

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
