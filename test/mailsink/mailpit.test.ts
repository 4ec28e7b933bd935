// The Mailpit v1 subset: the full API under the /mailpit webroot, and at the root wherever MailHog does not
// claim the path (GET/DELETE /api/v1/messages stay MailHog's there).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSink, type TestSink } from './helpers';

interface Summary {
  ID: string;
  MessageID: string;
  Read: boolean;
  From: { Name: string; Address: string };
  To: { Name: string; Address: string }[] | null;
  Bcc: { Name: string; Address: string }[] | null;
  Subject: string;
  Created: string;
  Size: number;
  Attachments: number;
  Snippet: string;
}
interface List {
  total: number;
  unread: number;
  count: number;
  messages_count: number;
  messages_unread: number;
  start: number;
  tags: string[];
  messages: Summary[];
}

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink();
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllMail();
});

const list = async (path: string): Promise<List> => (await (await t.get(path)).json()) as List;

async function seed(): Promise<void> {
  const tr = t.transport({ pool: true, maxConnections: 1 });
  await tr.sendMail({
    from: 'Kratos <no-reply@ory.kratos.sh>',
    to: 'Alice <alice@example.org>',
    bcc: 'hidden@example.org',
    subject: 'Recover access to your account',
    html: '<html><head><style>p{}</style></head><body><p>Use code <b>123456</b></p><img src="cid:logo@x"></body></html>',
    text: 'Use code 123456',
    attachments: [
      { filename: 'logo.png', content: Buffer.from('png'), cid: 'logo@x', contentType: 'image/png' },
      { filename: 'terms.pdf', content: Buffer.from('%PDF'), contentType: 'application/pdf' },
    ],
    headers: { 'List-Unsubscribe': '<mailto:unsub@example.org>, <https://example.org/unsub>' },
  });
  await tr.sendMail({
    from: 'bob@example.org',
    to: 'carol@example.org',
    subject: 'Hi Carol',
    text: 'lunch?',
  });
}

describe('Mailpit messages', () => {
  it("case=list envelope and summaries under /mailpit; the root list stays MailHog's", async () => {
    await seed();
    const res = await t.get('/mailpit/api/v1/messages');
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as List;
    expect(Object.keys(body)).toEqual([
      'total',
      'unread',
      'count',
      'messages_count',
      'messages_unread',
      'start',
      'tags',
      'messages',
    ]);
    expect(body).toMatchObject({ total: 2, unread: 2, count: 2, messages_count: 2, start: 0, tags: [] });
    const [carol, alice] = body.messages;
    expect(carol?.To).toEqual([{ Name: '', Address: 'carol@example.org' }]);
    expect(carol?.Bcc).toBeNull();
    expect(alice?.From).toEqual({ Name: 'Kratos', Address: 'no-reply@ory.kratos.sh' });
    expect(alice?.Bcc).toEqual([{ Name: '', Address: 'hidden@example.org' }]);
    expect(alice?.Attachments).toBe(1);
    expect(alice?.Snippet).toBe('Use code 123456');
    expect(alice?.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$/);
    expect(Array.isArray(await (await t.get('/api/v1/messages')).json())).toBe(true);
    expect((await list('/mailpit/api/v1/messages?start=1&limit=1')).messages.map((m) => m.Subject)).toEqual([
      'Recover access to your account',
    ]);
  });

  it('case=a message: addresses, bodies, inline parts and attachments; reading marks it read', async () => {
    await seed();
    const id = (await list('/mailpit/api/v1/search?query=alice')).messages[0]?.ID ?? '';
    for (const base of ['/mailpit', '']) {
      const m = (await (await t.get(`${base}/api/v1/message/${id}`)).json()) as Record<string, unknown>;
      expect(m['Subject']).toBe('Recover access to your account');
      expect(m['To']).toEqual([{ Name: 'Alice', Address: 'alice@example.org' }]);
      expect(m['Cc']).toEqual([]);
      expect(m['ReturnPath']).toBe('no-reply@ory.kratos.sh');
      expect(m['Text']).toBe('Use code 123456');
      expect(m['ListUnsubscribe']).toMatchObject({
        Links: ['mailto:unsub@example.org', 'https://example.org/unsub'],
      });
      expect((m['Inline'] as { FileName: string }[]).map((a) => a.FileName)).toEqual(['logo.png']);
      const [pdf] = m['Attachments'] as {
        PartID: string;
        FileName: string;
        Size: number;
        Checksums: { SHA256: string };
      }[];
      expect(pdf).toMatchObject({ FileName: 'terms.pdf', Size: 4 });
      expect(pdf?.Checksums.SHA256).toMatch(/^[0-9a-f]{64}$/);
      const part = await t.get(`${base}/api/v1/message/${id}/part/${pdf?.PartID}`);
      expect([part.headers.get('content-type'), await part.text()]).toEqual(['application/pdf', '%PDF']);
    }
    const after = await list('/mailpit/api/v1/messages');
    expect(after.unread).toBe(1);
    expect(after.messages.find((m) => m.ID === id)?.Read).toBe(true);
  });

  it('case=latest, headers, raw, view html (with inline images linked) and txt', async () => {
    await seed();
    const latest = (await (await t.get('/mailpit/api/v1/message/latest')).json()) as { Subject: string };
    expect(latest.Subject).toBe('Hi Carol');
    const q = (await (await t.get('/api/v1/message/latest?query=subject:recover')).json()) as { ID: string };
    const headers = (await (await t.get(`/mailpit/api/v1/message/${q.ID}/headers`)).json()) as Record<
      string,
      string[]
    >;
    expect(headers['Subject']).toEqual(['Recover access to your account']);
    expect(headers['Message-Id']?.[0]).toMatch(/^<.+>$/);
    const rawRes = await t.get(`/mailpit/api/v1/message/${q.ID}/raw?dl=1`);
    expect(rawRes.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(rawRes.headers.get('content-disposition')).toBe(`attachment; filename="${q.ID}.eml"`);
    expect(await rawRes.text()).toContain('Subject: Recover access to your account\r\n');
    const html = await t.get(`/mailpit/view/${q.ID}.html`);
    expect(html.headers.get('content-security-policy')).toContain('sandbox');
    const page = await html.text();
    expect(page).toContain(`src="/mailpit/api/v1/message/${q.ID}/part/`);
    expect(await (await t.get(`/view/${q.ID}.txt`)).text()).toBe('Use code 123456');
    expect(await (await t.get('/view/latest.txt')).text()).toBe('lunch?\n');
    const noHtml = await t.get('/view/latest.html');
    expect([noHtml.status, await noHtml.text()]).toEqual([404, 'This message does not contain a HTML part']);
  });

  it('case=search syntax', async () => {
    await seed();
    const subjects = async (query: string): Promise<string[]> =>
      (await list(`/mailpit/api/v1/search?query=${encodeURIComponent(query)}`)).messages.map(
        (m) => m.Subject,
      );
    expect(await subjects('123456')).toEqual(['Recover access to your account']);
    expect(await subjects('to:carol')).toEqual(['Hi Carol']);
    expect(await subjects('-to:carol')).toEqual(['Recover access to your account']);
    expect(await subjects('from:kratos has:attachment')).toEqual(['Recover access to your account']);
    expect(await subjects('"lunch?"')).toEqual(['Hi Carol']);
    expect(await subjects('is:unread larger:1k')).toEqual(['Recover access to your account']);
    expect(await subjects('smaller:1k')).toEqual(['Hi Carol']);
    expect(await subjects('addressed:hidden@example.org')).toEqual(['Recover access to your account']);
    expect(await subjects('tag:anything')).toEqual([]);
    expect(await subjects('100%')).toEqual([]);
    expect(await subjects(`before:${new Date(Date.now() + 60_000).toISOString()}`)).toHaveLength(2);
    const counts = await list('/mailpit/api/v1/search?query=carol');
    expect(counts).toMatchObject({ total: 2, messages_count: 1, count: 1 });
    const empty = await t.get('/mailpit/api/v1/search?query=%20');
    expect([empty.status, await empty.text()]).toEqual([400, 'Error: no search query']);
  });

  it('case=delete by IDs, by search, all; read status', async () => {
    await seed();
    const ids = (await list('/mailpit/api/v1/messages')).messages.map((m) => m.ID);
    const read = await t.get('/mailpit/api/v1/messages', {
      method: 'PUT',
      body: JSON.stringify({ Read: true, IDs: [ids[0]] }),
    });
    expect([read.status, await read.text()]).toEqual([200, 'ok']);
    expect((await list('/mailpit/api/v1/messages')).unread).toBe(1);
    const both = await t.get('/api/v1/messages', {
      method: 'PUT',
      body: JSON.stringify({ IDs: ['x'], Search: 'y' }),
    });
    expect(both.status).toBe(400);
    const unreadAll = await t.get('/api/v1/messages', {
      method: 'PUT',
      body: JSON.stringify({ Read: false }),
    });
    expect(unreadAll.status).toBe(200);
    expect((await list('/mailpit/api/v1/messages')).unread).toBe(2);

    const bySearch = await t.get('/mailpit/api/v1/search?query=to:carol', { method: 'DELETE' });
    expect([bySearch.status, await bySearch.text()]).toEqual([200, 'ok']);
    expect((await list('/mailpit/api/v1/messages')).total).toBe(1);
    const garbage = await t.get('/mailpit/api/v1/messages', { method: 'DELETE', body: 'nope' });
    expect(garbage.status).toBe(400);
    expect((await list('/mailpit/api/v1/messages')).total).toBe(1);
    const byId = await t.get('/mailpit/api/v1/messages', {
      method: 'DELETE',
      body: JSON.stringify({ IDs: ['unknown'] }),
    });
    expect(byId.status).toBe(200);
    expect((await list('/mailpit/api/v1/messages')).total).toBe(1);
    const all = await t.get('/mailpit/api/v1/messages', { method: 'DELETE' });
    expect(await all.text()).toBe('ok');
    expect((await list('/mailpit/api/v1/messages')).total).toBe(0);
  });

  it('case=unknown ids and empty mailboxes are 404s; info, livez, readyz', async () => {
    for (const path of [
      '/api/v1/message/nope',
      '/api/v1/message/nope/headers',
      '/api/v1/message/nope/raw',
      '/api/v1/message/nope/part/1',
    ]) {
      const res = await t.get(`/mailpit${path}`);
      expect([res.status, await res.text()]).toEqual([404, '404 page not found']);
    }
    const latest = await t.get('/mailpit/api/v1/message/latest');
    expect([latest.status, await latest.text()]).toEqual([404, 'Message not found']);
    expect((await t.get('/view/nope.html')).status).toBe(404);
    const info = (await (await t.get('/mailpit/api/v1/info')).json()) as Record<string, unknown>;
    expect(info).toMatchObject({ Messages: 0, Unread: 0, Database: 'sqlite' });
    expect((await t.get('/livez')).status).toBe(200);
    expect((await t.get('/mailpit/readyz')).status).toBe(200);
  });
});
