// GET /api/events: the embedded server's changes reach the console as server-sent events, from the admin API,
// the self-service API and the mail sink alike (ARCHITECTURE.md D11).
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLiveEvent, type LiveEvent } from '../../src/shared/live-events';
import { type ConsoleHarness, startConsoleHarness } from './helpers';

/** Reads the SSE body until `until` accepts the events seen so far, or fails after the deadline. */
async function readEvents(
  res: Response,
  until: (events: LiveEvent[]) => boolean,
  deadlineMs = 5000,
): Promise<LiveEvent[]> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const events: LiveEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + deadlineMs;
  try {
    while (!until(events)) {
      if (Date.now() > deadline) throw new Error(`no matching events: ${JSON.stringify(events)}`);
      const { value, done } = await Promise.race([
        reader.read(),
        new Promise<never>((_, fail) => setTimeout(() => fail(new Error('stream stalled')), deadlineMs)),
      ]);
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block
          .split('\n')
          .filter((l) => l.startsWith('data: '))
          .map((l) => l.slice(6))
          .join('\n');
        if (!data) continue;
        const parsed: unknown = JSON.parse(data);
        if (isLiveEvent(parsed)) events.push(parsed);
      }
    }
  } finally {
    await reader.cancel();
  }
  return events;
}

describe('console live events', () => {
  let h: ConsoleHarness;
  beforeAll(async () => {
    h = await startConsoleHarness();
  });
  afterAll(() => h.close());

  it('case=needs the access token', async () => {
    const res = await h.api('/api/events', { auth: false });
    expect(res.status).toBe(401);
  });

  it('case=an identity created through the admin API arrives as an identity event', async () => {
    const res = await h.api('/api/events');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const created = await h.server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: 'live@example.com' } },
    });
    const events = await readEvents(res, (es) => es.some((e) => e.topic === 'identity'));
    expect(events.find((e) => e.topic === 'identity')).toMatchObject({
      action: 'created',
      ids: [created.data.id],
    });
  });

  it('case=mail captured by the sink arrives as a mail event', async () => {
    const res = await h.api('/api/events');
    const smtp = new URL(h.server.urls.smtp!);
    await createTransport({
      host: smtp.hostname,
      port: Number(smtp.port),
      secure: false,
      ignoreTLS: true,
    }).sendMail({
      from: 'a@example.com',
      to: 'b@example.com',
      subject: 'live',
      text: 'hello',
    });
    const events = await readEvents(res, (es) => es.some((e) => e.topic === 'mail'));
    expect(events.find((e) => e.topic === 'mail')?.action).toBe('created');
  });

  it('case=a reconnecting client catches up after its Last-Event-ID', async () => {
    const first = await h.api('/api/events');
    await h.server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: 'first@example.com' } },
    });
    const seen = await readEvents(first, (es) => es.some((e) => e.topic === 'identity'));
    const lastId = seen.at(-1)!.id;
    await h.server.sdk.identity.createIdentity({
      createIdentityBody: { schema_id: 'default', traits: { email: 'missed@example.com' } },
    });
    const again = await h.api('/api/events', { headers: { 'last-event-id': String(lastId) } });
    const caught = await readEvents(again, (es) => es.some((e) => e.topic === 'identity'));
    expect(caught[0]!.id).toBe(lastId + 1);
  });

  it('case=a malformed Last-Event-ID is ignored, not an error', async () => {
    const res = await h.api('/api/events', { headers: { 'last-event-id': '__proto__' } });
    expect(res.status).toBe(200);
    await res.body?.cancel();
  });
});
