// The console's view of the sink: Gatehouse's JSON endpoints and the live event stream, over HTTP and in
// process.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MailDetailJson, MailSinkEvent, MailSummaryJson } from '../../src/server/mailsink/index';
import { eventually, startTestSink, type TestSink } from './helpers';

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink({ eventsKeepaliveMs: 100 });
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllMail();
});

/** Reads an SSE response into parsed events as they arrive. */
function collect(res: Response): {
  events: { id?: string; event?: string; data: string }[];
  text: () => string;
} {
  const events: { id?: string; event?: string; data: string }[] = [];
  let buffer = '';
  let all = '';
  const reader = res.body?.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined);
      if (!chunk || chunk.done) return;
      const s = decoder.decode(chunk.value);
      buffer += s;
      all += s;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const fields: { id?: string; event?: string; data: string } = { data: '' };
        for (const line of block.split('\n')) {
          const [k, ...rest] = line.split(': ');
          const v = rest.join(': ');
          if (k === 'id') fields.id = v;
          else if (k === 'event') fields.event = v;
          else if (k === 'data') fields.data += v;
        }
        if (fields.event) events.push(fields);
      }
    }
  })();
  return { events, text: () => all };
}

describe('Gatehouse event stream', () => {
  it('case=a subscriber receives new mail, SMS and deletions; Last-Event-ID replays missed events', async () => {
    const controller = new AbortController();
    const res = await t.get('/api/gatehouse/v1/events', { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const stream = collect(res);
    await t
      .transport()
      .sendMail({ from: 'a@x.test', to: 'live@example.org', subject: 'live one', text: 'x' });
    const created = await eventually(() => stream.events.find((e) => e.event === 'message.created'));
    const summary = JSON.parse(created.data) as MailSummaryJson;
    expect(summary).toMatchObject({ subject: 'live one', to: [{ name: '', address: 'live@example.org' }] });
    await t.get('/api/v1/sms', { method: 'POST', body: JSON.stringify({ to: '+1', body: 'sms live' }) });
    await eventually(() => stream.events.find((e) => e.event === 'sms.created'));
    await t.get(`/api/gatehouse/v1/messages/${summary.id}`, { method: 'DELETE' });
    const deleted = await eventually(() => stream.events.find((e) => e.event === 'message.deleted'));
    expect(JSON.parse(deleted.data)).toEqual({ ids: [summary.id] });
    await eventually(() => stream.text().includes(': keepalive\n\n'));
    expect(stream.text().startsWith('retry: 3000\n\n')).toBe(true);
    controller.abort();

    const replay = new AbortController();
    const again = collect(
      await t.get('/api/gatehouse/v1/events', {
        signal: replay.signal,
        headers: { 'last-event-id': created.id ?? '' },
      }),
    );
    await eventually(() => again.events.length >= 2);
    expect(again.events.map((e) => e.event)).toEqual(['sms.created', 'message.deleted']);
    replay.abort();
  });

  it('case=in-process subscribers get the same events', async () => {
    const seen: MailSinkEvent[] = [];
    const off = t.sink.events.subscribe((e) => seen.push(e));
    await t.transport().sendMail({ from: 'a@x.test', to: 'b@y.test', subject: 'in process', text: 'x' });
    t.store.deleteAllMail();
    await t.get('/api/gatehouse/v1/messages', { method: 'DELETE' });
    off();
    expect(seen.map((e) => e.type)).toEqual(['message.created', 'message.cleared']);
    const [first] = seen;
    expect(first?.type === 'message.created' && first.data.subject).toBe('in process');
  });
});

describe('Gatehouse mail endpoints', () => {
  it('case=list, search, detail, raw, attachment and delete', async () => {
    await t.transport().sendMail({
      from: 'Kratos <no-reply@ory.kratos.sh>',
      to: 'dev@example.org',
      subject: 'Use code 424242',
      text: 'code 424242',
      attachments: [{ filename: 'ä.txt', content: 'umlaut file' }],
    });
    await t.transport().sendMail({ from: 'x@y.test', to: 'other@example.org', subject: 'other', text: 'x' });
    const list = (await (await t.get('/api/gatehouse/v1/messages?limit=1')).json()) as {
      total: number;
      count: number;
      items: MailSummaryJson[];
    };
    expect(list).toMatchObject({ total: 2, count: 1, offset: 0, limit: 1 });
    const search = (await (await t.get('/api/gatehouse/v1/messages?query=to:dev')).json()) as {
      items: MailSummaryJson[];
    };
    const id = search.items[0]?.id ?? '';
    const detail = (await (await t.get(`/api/gatehouse/v1/messages/${id}`)).json()) as MailDetailJson;
    expect(detail).toMatchObject({
      subject: 'Use code 424242',
      from: { name: 'Kratos', address: 'no-reply@ory.kratos.sh' },
      text: 'code 424242',
      envelope: { mail_from: 'no-reply@ory.kratos.sh', rcpt_to: ['dev@example.org'], secure: false },
    });
    expect(detail.headers.find((h) => h.name === 'Subject')?.value).toBe('Use code 424242');
    expect(detail.date).toMatch(/^\d{4}-/);
    const raw = await t.get(`/api/gatehouse/v1/messages/${id}/raw`);
    expect(raw.headers.get('content-type')).toBe('message/rfc822');
    expect(await raw.text()).toContain('Subject: Use code 424242\r\n');
    const att = detail.attachments[0];
    const file = await t.get(`/api/gatehouse/v1/messages/${id}/attachments/${att?.id}`);
    expect(file.headers.get('content-disposition')).toBe("attachment; filename*=UTF-8''%C3%A4.txt");
    expect(await file.text()).toBe('umlaut file');
    // The MailHog id works as well.
    expect((await t.get(`/api/gatehouse/v1/messages/${encodeURIComponent(detail.mailhog_id)}`)).status).toBe(
      200,
    );
    expect((await t.get(`/api/gatehouse/v1/messages/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(t.store.countMail()).toBe(1);
  });

  it('case=bad input: paging parameters and unknown ids answer with Kratos-shaped errors', async () => {
    for (const q of ['limit=0', 'limit=501', 'limit=abc', 'offset=-1', 'offset=1.5']) {
      const res = await t.get(`/api/gatehouse/v1/messages?${q}`);
      expect(res.status, q).toBe(400);
      expect(((await res.json()) as { error: { code: number } }).error.code).toBe(400);
    }
    for (const [path, method] of [
      ['/api/gatehouse/v1/messages/nope', 'GET'],
      ['/api/gatehouse/v1/messages/nope', 'DELETE'],
      ['/api/gatehouse/v1/messages/nope/raw', 'GET'],
      ['/api/gatehouse/v1/messages/nope/attachments/x', 'GET'],
    ] as const) {
      const res = await t.get(path, { method });
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: number } }).error.code).toBe(404);
    }
  });
});
