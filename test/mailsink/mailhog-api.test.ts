// MailHog's HTTP API on the wire: content types, status codes, empty bodies and quirks clients depend on.
import { createHash, randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectCode, RawSmtp, startTestSink, type TestSink } from './helpers';

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink({ mailhogKeepaliveMs: 200, websocketPingMs: 200 });
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllMail();
});

async function send(subject: string, to = 'alice@example.org'): Promise<string> {
  await t.transport().sendMail({ from: 'no-reply@ory.kratos.sh', to, subject, text: `body of ${subject}` });
  const [m] = t.store.listMail({ limit: 1 });
  return m?.mailhogId ?? '';
}

const id = (mailhogId: string): string => encodeURIComponent(mailhogId);

describe('MailHog API v1', () => {
  it('case=GET /api/v1/messages is a bare array, newest first, as text/json', async () => {
    expect(await (await t.get('/api/v1/messages')).text()).toBe('[]');
    await send('one');
    await send('two');
    const res = await t.get('/api/v1/messages');
    expect(res.headers.get('content-type')).toBe('text/json');
    const list = (await res.json()) as { Content: { Headers: { Subject: string[] } } }[];
    expect(list.map((m) => m.Content.Headers.Subject[0])).toEqual(['two', 'one']);
  });

  it("case=a message has MailHog's shape and added headers", async () => {
    const mid = await send('shape');
    const res = await t.get(`/api/v1/messages/${id(mid)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/json');
    const text = await res.text();
    expect(text).not.toContain('<');
    const m = JSON.parse(text) as Record<string, unknown> & {
      Content: { Headers: Record<string, string[]>; Size: number; MIME: null };
      Raw: { From: string; To: string[]; Data: string; Helo: string };
      Created: string;
    };
    expect(Object.keys(m)).toEqual(['ID', 'From', 'To', 'Content', 'Created', 'MIME', 'Raw']);
    expect(m['ID']).toBe(mid);
    expect(mid).toMatch(/^[A-Za-z0-9_-]{43}=@mailhog\.example$/);
    expect(m['From']).toEqual({ Relays: null, Mailbox: 'no-reply', Domain: 'ory.kratos.sh', Params: '' });
    expect(m['To']).toEqual([{ Relays: null, Mailbox: 'alice', Domain: 'example.org', Params: '' }]);
    expect(m.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/);
    expect(m.Content.Headers['Return-Path']).toEqual(['<no-reply@ory.kratos.sh>']);
    expect(m.Content.Headers['Received']?.[0]).toMatch(
      new RegExp(
        `^from \\S+ by mailhog\\.example \\(MailHog\\)\\r\\n {10}id ${mid.replace(/[.+]/g, '\\$&')}; \\w{3}, \\d\\d \\w{3} \\d{4} \\d\\d:\\d\\d:\\d\\d \\+0000$`,
      ),
    );
    expect(Object.keys(m.Content.Headers)).toEqual([...Object.keys(m.Content.Headers)].sort());
    expect(m.Raw.From).toBe('no-reply@ory.kratos.sh');
    expect(m.Raw.To).toEqual(['alice@example.org']);
    expect(m.Raw.Data.endsWith('\r\n')).toBe(false);
    expect(m.Content.Size).toBe(Buffer.byteLength(m.Raw.Data));
    expect(m.Content.MIME).toBeNull();
  });

  it('case=unknown id: GET answers 200 null, DELETE answers 500', async () => {
    const get = await t.get('/api/v1/messages/nope@mailhog.example');
    expect(get.status).toBe(200);
    expect(await get.text()).toBe('null');
    const del = await t.get('/api/v1/messages/nope@mailhog.example', { method: 'DELETE' });
    expect(del.status).toBe(500);
    expect(await del.text()).toBe('');
  });

  it('case=DELETE one and DELETE all answer 200 with an empty body', async () => {
    const a = await send('a');
    await send('b');
    const one = await t.get(`/api/v1/messages/${id(a)}`, { method: 'DELETE' });
    expect([one.status, await one.text()]).toEqual([200, '']);
    expect(t.store.listMail({}).map((m) => m.subject)).toEqual(['b']);
    const all = await t.get('/api/v1/messages', { method: 'DELETE' });
    expect([all.status, await all.text(), all.headers.get('content-type')]).toEqual([200, '', 'text/json']);
    expect(t.store.countMail()).toBe(0);
  });

  it('case=DELETE /api/v1/messages with a Mailpit IDs body deletes only those; garbage loses nothing', async () => {
    const keep = await send('keep');
    await send('drop');
    const drop = t.store.listMail({ limit: 1 })[0]?.id;
    const res = await t.get('/api/v1/messages', { method: 'DELETE', body: JSON.stringify({ IDs: [drop] }) });
    expect([res.status, await res.text()]).toEqual([200, 'ok']);
    expect(t.store.listMail({}).map((m) => m.mailhogId)).toEqual([keep]);
    const bad = await t.get('/api/v1/messages', { method: 'DELETE', body: '{"IDs": [' });
    expect(bad.status).toBe(400);
    expect(t.store.countMail()).toBe(1);
  });

  it('case=download and part download', async () => {
    await t.transport().sendMail({
      from: 'a@x.test',
      to: 'b@y.test',
      subject: 'parts',
      text: 'hello',
      attachments: [{ filename: 'bin.dat', content: Buffer.from([0, 1, 2, 250, 251]) }],
    });
    const m = t.store.listMail({ limit: 1, withRaw: true })[0];
    const mid = m?.mailhogId ?? '';
    const dl = await t.get(`/api/v1/messages/${id(mid)}/download`);
    expect(dl.headers.get('content-type')).toBe('message/rfc822');
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="${mid}.eml"`);
    const eml = await dl.text();
    expect(eml).toMatch(/^Content-Type: multipart\/mixed;/);
    expect(eml).toContain('\r\nSubject: parts\r\n');
    expect(eml).toContain(`\r\nMessage-ID: `);
    const parts = (
      (await (await t.get(`/api/v1/messages/${id(mid)}`)).json()) as {
        MIME: { Parts: { Headers: Record<string, string[]> }[] };
      }
    ).MIME.Parts;
    const index = parts.findIndex((p) => p.Headers['Content-Disposition']?.[0]?.startsWith('attachment'));
    const part = await t.get(`/api/v1/messages/${id(mid)}/mime/part/${index}/download`);
    expect(part.status).toBe(200);
    expect(part.headers.get('content-disposition')).toBe('attachment; filename=bin.dat');
    expect(part.headers.get('content-transfer-encoding')).toBe('base64');
    expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([0, 1, 2, 250, 251]);
    expect(part.headers.get('content-security-policy')).toContain('sandbox');
    expect((await t.get(`/api/v1/messages/${id(mid)}/mime/part/99/download`)).status).toBe(404);
    expect((await t.get('/api/v1/messages/nope/download')).status).toBe(404);
  });

  it('case=release forwards the message to another SMTP server', async () => {
    const target = await startTestSink({ starttls: false });
    try {
      const mid = await send('release me');
      const res = await t.get(`/api/v1/messages/${id(mid)}/release`, {
        method: 'POST',
        body: JSON.stringify({
          host: '127.0.0.1',
          port: String(target.sink.smtpPort),
          email: 'out@example.org',
          save: true,
          name: 'local',
        }),
      });
      expect(res.status).toBe(200);
      const [got] = target.store.listMail({});
      expect(got?.subject).toBe('release me');
      expect(got?.envelope).toMatchObject({
        mailFrom: 'nobody@mailhog.example',
        rcptTo: ['out@example.org'],
      });
      const saved = (await (await t.get('/api/v2/outgoing-smtp')).json()) as Record<string, { Host: string }>;
      expect(saved['local']?.Host).toBe('127.0.0.1');
      const dup = await t.get(`/api/v1/messages/${id(mid)}/release`, {
        method: 'POST',
        body: JSON.stringify({ name: 'local', save: true, email: 'x@y.z' }),
      });
      expect(dup.status).toBe(400);
      const bad = await t.get(`/api/v1/messages/${id(mid)}/release`, { method: 'POST', body: 'nope' });
      expect([bad.status, await bad.text()]).toEqual([500, 'Error decoding request body']);
      const mech = await t.get(`/api/v1/messages/${id(mid)}/release`, {
        method: 'POST',
        body: JSON.stringify({
          host: '127.0.0.1',
          port: '1',
          email: 'x@y.z',
          username: 'u',
          password: 'p',
          mechanism: 'XX',
        }),
      });
      expect(mech.status).toBe(400);
    } finally {
      await target.close();
    }
  });
});

describe('MailHog API v2', () => {
  it('case=messages envelope, limit cap 250, invalid paging falls back to defaults', async () => {
    await send('only');
    const res = await t.get('/api/v2/messages?start=-4&limit=abc');
    expect(res.headers.get('content-type')).toBe('text/json');
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['total', 'count', 'start', 'items']);
    expect(body).toMatchObject({ total: 1, count: 1, start: 0 });
    const capped = await t.get('/api/v2/messages?limit=100000');
    expect(((await capped.json()) as { count: number }).count).toBe(1);
    const past = (await (await t.get('/api/v2/messages?start=5')).json()) as Record<string, unknown>;
    expect(past).toEqual({ total: 1, count: 0, start: 5, items: [] });
  });

  it('case=limit above 250 returns at most 250', async () => {
    const tr = t.transport({ pool: true, maxConnections: 3 });
    await Promise.all(
      Array.from({ length: 260 }, (_, i) =>
        tr.sendMail({ from: 'a@x.test', to: 'b@y.test', subject: `n${i}`, text: 'x' }),
      ),
    );
    const body = (await (await t.get('/api/v2/messages?limit=1000')).json()) as {
      total: number;
      count: number;
    };
    expect(body).toMatchObject({ total: 260, count: 250 });
  });

  it('case=search: bad kind or empty query is 400 with an empty body; past the end reports total 0', async () => {
    await send('findme', 'zed@example.org');
    for (const q of ['kind=bogus&query=x', 'query=x', 'kind=to', 'kind=to&query=']) {
      const res = await t.get(`/api/v2/search?${q}`);
      expect([res.status, await res.text()]).toEqual([400, '']);
    }
    const ok = await t.get('/api/v2/search?kind=to&query=ZED%40example.org');
    expect(ok.headers.get('content-type')).toBe('application/json');
    expect((await ok.json()) as object).toMatchObject({ total: 1, count: 1, start: 0 });
    const past = (await (await t.get('/api/v2/search?kind=to&query=zed&start=3')).json()) as object;
    expect(past).toEqual({ total: 0, count: 0, start: 3, items: [] });
    // "containing" looks at every header value, MailHog's added Received header included.
    const all = (await (await t.get('/api/v2/search?kind=containing&query=(mailhog)')).json()) as {
      total: number;
    };
    expect(all.total).toBe(1);
  });

  it('case=jim is off, outgoing-smtp lists saved servers, unknown paths are Go 404s, OPTIONS answers', async () => {
    expect((await t.get('/api/v2/jim')).status).toBe(404);
    expect((await t.get('/api/v2/jim', { method: 'POST' })).status).toBe(501);
    expect((await t.get('/api/v2/outgoing-smtp')).status).toBe(200);
    const unknown = await t.get('/api/v3/whatever');
    expect([unknown.status, await unknown.text()]).toEqual([404, '404 page not found\n']);
    const options = await t.get('/api/v1/messages', { method: 'OPTIONS' });
    expect(options.status).toBe(200);
    expect((await t.get('/api/v2/websocket')).status).toBe(400);
  });
});

describe('MailHog live feeds', () => {
  it('case=/api/v1/events streams each new message as indented JSON data lines, plus keepalives', async () => {
    const controller = new AbortController();
    const res = await t.get('/api/v1/events', { signal: controller.signal });
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const reader = res.body?.getReader();
    if (!reader) throw new Error('no body');
    const mid = await send('live');
    let text = '';
    const decoder = new TextDecoder();
    while (!(
      text.includes('keepalive: \n\n') &&
      text.includes(mid) &&
      /\n\n/.test(text.slice(text.indexOf(mid)))
    )) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    controller.abort();
    const event = text.split('\n\n').find((e) => e.includes(mid)) ?? '';
    expect(event.startsWith('data: {\ndata:   "ID": ')).toBe(true);
    const json = event
      .split('\n')
      .map((l) => l.replace(/^data: /, ''))
      .join('\n');
    expect((JSON.parse(json) as { ID: string }).ID).toBe(mid);
  });

  it('case=/api/v2/websocket broadcasts new messages as JSON', async () => {
    const socket = net.connect({ host: '127.0.0.1', port: t.sink.apiPort });
    await new Promise((r) => socket.once('connect', r));
    const key = randomBytes(16).toString('base64');
    socket.write(
      `GET /api/v2/websocket HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
        `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
    );
    let buf = Buffer.alloc(0);
    socket.on('data', (c: Buffer) => (buf = Buffer.concat([buf, c])));
    const until = async (cond: () => boolean): Promise<void> => {
      for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
    };
    await until(() => buf.includes('\r\n\r\n'));
    const head = buf.subarray(0, buf.indexOf('\r\n\r\n')).toString();
    expect(head).toMatch(/^HTTP\/1.1 101/);
    const accept = createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
    expect(head).toContain(`Sec-WebSocket-Accept: ${accept}`);
    buf = buf.subarray(buf.indexOf('\r\n\r\n') + 4);
    const mid = await send('over websocket');
    await until(() => buf.includes(Buffer.from(mid)));
    // Skip ping frames (0x89) and read the text frame (0x81).
    let at = 0;
    let payload = '';
    while (at < buf.length) {
      const op = (buf[at] ?? 0) & 0x0f;
      let len = (buf[at + 1] ?? 0) & 0x7f;
      let off = at + 2;
      if (len === 126) {
        len = buf.readUInt16BE(at + 2);
        off = at + 4;
      }
      if (op === 1) payload = buf.subarray(off, off + len).toString();
      at = off + len;
    }
    expect(payload.endsWith('\n')).toBe(true);
    expect((JSON.parse(payload) as { ID: string }).ID).toBe(mid);
    socket.destroy();
  });
});

describe('raw SMTP quirks in the MailHog view', () => {
  it('case=header names as sent, last value wins, continuation appended, naive MIME split', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    expectCode(await smtp.command('HELO quirks'), '250');
    const data = [
      'X-Dup: first',
      'x-dup: lower',
      'X-Dup: second',
      'Subject: folded',
      '\tcontinued',
      'Content-Type: multipart/alternative; boundary=BB',
      '',
      'preamble text',
      '--BB',
      'Content-Type: text/plain',
      '',
      'plain',
      '--BB--',
    ].join('\r\n');
    expectCode(await smtp.send('a@x.test', ['b@y.test'], data), '250');
    smtp.close();
    const [m] = (await (await t.get('/api/v1/messages')).json()) as {
      Content: { Headers: Record<string, string[]> };
      MIME: { Parts: { Headers: Record<string, string[]>; Body: string }[] };
    }[];
    expect(m?.Content.Headers['X-Dup']).toEqual(['second']);
    expect(m?.Content.Headers['x-dup']).toEqual(['lower']);
    expect(m?.Content.Headers['Subject']).toEqual(['folded\tcontinued']);
    expect(m?.MIME.Parts.map((p) => p.Body)).toEqual(['preamble text', 'plain', '--']);
    expect(m?.MIME.Parts[1]?.Headers).toEqual({ 'Content-Type': ['text/plain'] });
  });
});

describe('MailHog -cors-origin', () => {
  it('case=CORS headers only when an origin is configured', async () => {
    expect((await t.get('/api/v2/messages')).headers.get('access-control-allow-origin')).toBeNull();
    const cors = await startTestSink({ corsOrigin: 'http://localhost:3000' });
    try {
      for (const method of ['GET', 'OPTIONS']) {
        const res = await cors.get('/api/v2/messages', { method });
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
        expect(res.headers.get('access-control-allow-methods')).toBe('OPTIONS,GET,PUT,POST,DELETE');
      }
    } finally {
      await cors.close();
    }
  });
});
