// The queue's state machine: queued → processing → sent, retries with backoff, abandonment after
// courier.message_retries failed sends (Kratos's rule: retries + 1 attempts), dispatch records newest
// first, and claims that two workers can never share.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, FakeChannel, type Harness, recoveryModel } from '../../../test/courier/harness';
import { openDatabase } from '../persistence/sqlite/database';
import { retryDelayMs } from './dispatcher';

let h: Harness;
let channel: FakeChannel;
afterEach(async () => {
  await h.closeAll();
});

function harness(raw: Record<string, unknown> = {}): Harness {
  channel = new FakeChannel();
  h = createHarness(raw, { channel: () => channel });
  return h;
}

const queue = (): Promise<{ id: string }> =>
  h.courier.queueEmail({ templateType: 'recovery_code_valid', model: recoveryModel });

describe('queue', () => {
  it('case=a queued message is stored with Kratos fields', async () => {
    harness();
    const m = await queue();
    const stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({
      status: 'queued',
      type: 'email',
      channel: 'email',
      recipient: 'ada@example.com',
      subject: 'Use code 123456 to recover access to your account',
      templateType: 'recovery_code_valid',
      sendCount: 0,
      templateData: {
        to: 'ada@example.com',
        recovery_code: '123456',
        expires_in_minutes: 15,
        request_url: 'http://127.0.0.1:4433/self-service/recovery/browser',
        transient_payload: {},
      },
    });
    expect(stored?.body).toMatch(
      /^Recover access to your account by entering the following code:\n\n123456\n/,
    );
    expect(stored?.htmlBody).toContain('<!DOCTYPE html>');
    expect(stored?.createdAt).toBe('2026-11-21T10:00:00.000Z');
  });

  it('case=sms messages keep the Kratos JSON names of the SMS model', async () => {
    harness();
    const m = await h.courier.queueSms({
      templateType: 'recovery_code_valid',
      model: { To: '+15550100', RecoveryCode: '654321', ExpiresInMinutes: 15n },
    });
    const stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({
      type: 'sms',
      channel: 'sms',
      recipient: '+15550100',
      subject: '',
      htmlBody: '',
    });
    // sms.RecoveryCodeValidModel tags RecoveryCode `json:"verification_code"`.
    expect(stored?.templateData).toMatchObject({ verification_code: '654321', to: '+15550100' });
    expect(stored?.templateData).not.toHaveProperty('recovery_code');
    expect(stored?.body).toMatch(/^654321 is your account recovery code/);
  });

  it.each(['foo', 'a@b.c\r\nBcc: evil@x', '', 'a b@c.d', '<a@b.c'])(
    'case=invalid recipient %j is refused',
    async (to) => {
      harness();
      await expect(
        h.courier.queueEmail({ templateType: 'recovery_code_valid', model: { ...recoveryModel, To: to } }),
      ).rejects.toThrow('courier: email recipient is not a valid email address');
    },
  );

  it('case=a subject template error fails the call, an html error only drops the html', async () => {
    const b64 = (s: string): string => `base64://${Buffer.from(s).toString('base64')}`;
    harness({
      courier: { templates: { login_code: { valid: { email: { subject: b64('{{ .LoginCode.Nope }}') } } } } },
    });
    await expect(
      h.courier.queueEmail({ templateType: 'login_code_valid', model: { To: 'a@b.c', LoginCode: '1' } }),
    ).rejects.toThrow("can't evaluate field Nope");
    h.config.raw.courier = {
      templates: { login_code: { valid: { email: { body: { html: b64('{{ if }}') } } } } },
    };
    const m = await h.courier.queueEmail({
      templateType: 'login_code_valid',
      model: { To: 'a@b.c', LoginCode: '1' },
    });
    expect(h.persister.getMessage(m.id)?.htmlBody).toBe('');
    expect(h.logs.some((l) => l.msg === 'Unable to get email body from template.')).toBe(true);
  });
});

describe('dispatch', () => {
  it('case=success: sent, send_count 1, one success dispatch', async () => {
    harness();
    const m = await queue();
    expect(await h.dispatcher.dispatchQueue()).toBe(1);
    const stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({ status: 'sent', sendCount: 1 });
    expect(stored?.dispatches).toHaveLength(1);
    expect(stored?.dispatches?.[0]).toMatchObject({ status: 'success', error: null, messageId: m.id });
    expect(channel.sent.map((s) => s.id)).toEqual([m.id]);
    expect(await h.dispatcher.dispatchQueue()).toBe(0);
  });

  it('case=failures are retried with backoff, then the message is abandoned', async () => {
    harness({ courier: { message_retries: 2 } });
    channel.failuresLeft = 100;
    const m = await queue();
    const start = h.clock.now().getTime();
    await h.dispatcher.dispatchQueue();
    let stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({
      status: 'queued',
      sendCount: 1,
      nextAttemptAt: new Date(start + 1000).toISOString(),
    });
    // Not due yet: nothing is claimed.
    expect(await h.dispatcher.dispatchQueue()).toBe(0);
    h.clock.advance(1000);
    await h.dispatcher.dispatchQueue();
    stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({
      status: 'queued',
      sendCount: 2,
      nextAttemptAt: new Date(start + 3000).toISOString(),
    });
    h.clock.advance(2000);
    await h.dispatcher.dispatchQueue();
    stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({ status: 'abandoned', sendCount: 3 });
    expect(stored?.dispatches?.map((d) => d.status)).toEqual(['failed', 'failed', 'failed']);
    expect(stored?.dispatches?.[0]?.error).toEqual({
      code: 500,
      status: 'Internal Server Error',
      reason: 'failed to send email via smtp',
      message: 'connect ECONNREFUSED 127.0.0.1:1',
    });
    // Newest first.
    const times = stored?.dispatches?.map((d) => d.createdAt) ?? [];
    expect([...times].sort().reverse()).toEqual(times);
    expect(
      h.logs.some((l) => l.msg === 'Message was abandoned because it did not deliver after 3 attempts'),
    ).toBe(true);
    h.clock.advance(60_000);
    expect(await h.dispatcher.dispatchQueue()).toBe(0);
  });

  it('case=default retries: six attempts in all, then abandoned', async () => {
    harness();
    channel.failuresLeft = 100;
    const m = await queue();
    for (let i = 0; i < 10; i++) {
      await h.dispatcher.dispatchQueue();
      h.clock.advance(60_000);
    }
    expect(h.persister.getMessage(m.id)).toMatchObject({ status: 'abandoned', sendCount: 6 });
  });

  it('case=a retry that succeeds ends sent with the failure recorded', async () => {
    harness();
    channel.failuresLeft = 1;
    const m = await queue();
    await h.dispatcher.dispatchQueue();
    h.clock.advance(1000);
    await h.dispatcher.dispatchQueue();
    const stored = h.persister.getMessage(m.id);
    expect(stored).toMatchObject({ status: 'sent', sendCount: 2 });
    expect(stored?.dispatches?.map((d) => d.status)).toEqual(['success', 'failed']);
  });

  it('case=a permanent failure abandons at once', async () => {
    harness();
    channel.permanent = true;
    const m = await queue();
    await h.dispatcher.dispatchQueue();
    expect(h.persister.getMessage(m.id)).toMatchObject({ status: 'abandoned', sendCount: 1 });
  });

  it('case=unknown channel is a recorded failure', async () => {
    h = createHarness();
    const m = await h.courier.queueSms({
      templateType: 'login_code_valid',
      model: { To: '+1555', LoginCode: '1' },
    });
    await h.dispatcher.dispatchQueue();
    const stored = h.persister.getMessage(m.id);
    expect(stored?.status).toBe('queued');
    expect(stored?.dispatches?.[0]?.error).toEqual({
      code: 500,
      status: 'Internal Server Error',
      message: 'no courier channels configured for: sms',
    });
  });

  it('case=pull_count limits a pass, oldest first', async () => {
    harness({ courier: { worker: { pull_count: 2 } } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await queue()).id);
      h.clock.advance(1);
    }
    expect(await h.dispatcher.dispatchQueue()).toBe(2);
    expect(channel.sent.map((s) => s.id)).toEqual(ids.slice(0, 2));
    expect(await h.dispatcher.dispatchQueue()).toBe(1);
  });

  it('case=backoff doubles from pull_wait and is capped at a minute', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, 1000))).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(retryDelayMs(20, 1000)).toBe(60_000);
  });
});

describe('concurrency', () => {
  it('case=two dispatch loops on one database never send a message twice', async () => {
    const database = openDatabase('memory');
    const a = new FakeChannel();
    const b = new FakeChannel();
    a.delayMs = 2;
    b.delayMs = 3;
    h = createHarness({}, { database, channel: () => a });
    const other = createHarness({}, { database, channel: () => b, clock: h.clock });
    const ids = new Set<string>();
    for (let i = 0; i < 40; i++) ids.add((await queue()).id);
    await Promise.all([
      (async () => {
        while ((await h.dispatcher.dispatchQueue()) > 0);
      })(),
      (async () => {
        while ((await other.dispatcher.dispatchQueue()) > 0);
      })(),
    ]);
    const sent = [...a.sent, ...b.sent].map((m) => m.id);
    expect(sent).toHaveLength(40);
    expect(new Set(sent)).toEqual(ids);
    expect(a.sent.length).toBeGreaterThan(0);
    expect(b.sent.length).toBeGreaterThan(0);
    await other.close();
    database.close();
  });

  it('case=a processing message left by a dead worker is requeued after five minutes', async () => {
    harness();
    const m = await queue();
    expect(
      h.persister.claimMessages({ limit: 10, now: h.clock.now().toISOString(), staleBefore: '0' }),
    ).toHaveLength(1);
    expect(await h.dispatcher.dispatchQueue()).toBe(0);
    h.clock.advance(5 * 60_000 + 1);
    expect(await h.dispatcher.dispatchQueue()).toBe(1);
    expect(h.persister.getMessage(m.id)?.status).toBe('sent');
  });
});

describe('worker loop', () => {
  it('case=start dispatches right after queueing, close stops it', async () => {
    harness({ courier: { worker: { pull_wait: '1h' } } });
    h.clock.reset();
    h.start();
    const m = await queue();
    await expect.poll(() => h.persister.getMessage(m.id)?.status, { timeout: 2000 }).toBe('sent');
    await h.close();
    const later = await queue();
    await new Promise((r) => setTimeout(r, 50));
    expect(h.persister.getMessage(later.id)?.status).toBe('queued');
  });
});
