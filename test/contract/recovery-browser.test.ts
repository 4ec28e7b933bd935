// Account recovery in browsers (form posts and SPAs, CSRF, skip_settings), `recovery.after` hooks,
// notify_unknown_recipients, the link method and bad input, through the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { csrfOf, flowOf, messageIds, nodeSummary, raw } from '../helpers/account-flows';
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
