// Link verification (`use: link`) and disabled verification through @ory/client; links are read from the
// mail sink through the MailHog API.
import type { VerificationFlow } from '@ory/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountMailbox } from '../helpers/account-mail';
import { nodeSummary, raw } from '../helpers/account-flows';
import { CookieJar } from '../helpers/cookies';
import { uniqueEmail } from '../helpers/identities';
import { expectFailure } from '../helpers/sdk';
import { createTestServer, type TestServer } from '../helpers/server';
import { APP } from '../helpers/verification-setup';

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
