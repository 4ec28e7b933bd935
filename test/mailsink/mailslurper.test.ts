// Kratos's Cypress suite reads mail through MailSlurper's `/mail` API (cy.getMail / cy.deleteMail); this
// exercises the same calls plus the rest of the service API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectCode, RawSmtp, startTestSink, type TestSink } from './helpers';

interface MailItem {
  id: string;
  dateSent: string;
  fromAddress: string;
  toAddresses: string[];
  subject: string;
  body: string;
  attachments: { id: string; headers: { fileName: string; contentType: string } }[];
}

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink();
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllMail();
});

const verificationHtml =
  '<p>Verify your account by opening the following link:</p>' +
  '<a href="http://localhost:4455/self-service/verification?code=123456&flow=f">verify</a>';

describe('MailSlurper API', () => {
  it('case=cy.getMail: list, filter by toAddresses/subject/body, parse the link; cy.deleteMail counts', async () => {
    const tr = t.transport();
    await tr.sendMail({
      from: 'no-reply@ory.kratos.sh',
      to: 'dev@example.org',
      subject: 'Please verify your email address',
      text: 'Verify your account by opening the following link',
      html: verificationHtml,
      date: new Date('2026-03-04T05:06:07+02:00'),
    });
    await tr.sendMail({
      from: 'other@x.test',
      to: 'someone@example.org',
      subject: 'noise',
      text: 'line one\nline two',
    });

    const res = await t.get('/mail');
    expect(res.headers.get('content-type')).toBe('application/json; charset=UTF-8');
    const page = (await res.json()) as { mailItems: MailItem[]; totalPages: number; totalRecords: number };
    expect(page.totalRecords).toBe(2);
    expect(page.totalPages).toBe(1);
    const mail = page.mailItems.find(
      (m) => m.toAddresses.includes('dev@example.org') && m.subject.includes('verify'),
    );
    expect(mail?.fromAddress.trim()).toBe('no-reply@ory.kratos.sh');
    expect(mail?.body).toContain('Verify your account');
    const href = /href="([^"]+)"/.exec(mail?.body ?? '')?.[1];
    expect(new URL(href ?? '').searchParams.get('code')).toBe('123456');
    expect(mail?.dateSent).toBe('2026-03-04 03:06:07');
    // A single-part text/plain body gets MailSlurper's <br /> line breaks.
    expect(page.mailItems.find((m) => m.subject === 'noise')?.body).toBe('line one<br />line two');

    const del = await t.get('/mail', {
      method: 'DELETE',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pruneCode: 'all' }),
    });
    expect(del.headers.get('content-type')).toBe('text/plain; charset=UTF-8');
    expect(parseInt(await del.text(), 10)).toBe(2);
    expect(await (await t.get('/mailcount')).json()).toEqual({ mailCount: 0 });
  });

  it('case=filters, ordering and pages of 50', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    expectCode(await smtp.command('HELO pages'), '250');
    for (let i = 0; i < 55; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const data = `Subject: s${String(i).padStart(2, '0')}\r\nDate: Mon, ${day} Jun 2026 10:00:00 +0000\r\n\r\nbody ${i}`;
      expectCode(await smtp.send(`from${i % 2}@x.test`, [`to${i}@y.test`], data), '250');
    }
    smtp.close();
    const get = async (
      q: string,
    ): Promise<{ mailItems: MailItem[]; totalPages: number; totalRecords: number }> =>
      (await (await t.get(`/mail?${q}`)).json()) as {
        mailItems: MailItem[];
        totalPages: number;
        totalRecords: number;
      };
    const first = await get('');
    expect([first.totalRecords, first.totalPages, first.mailItems.length]).toEqual([55, 2, 50]);
    expect((await get('pageNumber=2')).mailItems).toHaveLength(5);
    expect((await get('pageNumber=3')).mailItems).toHaveLength(0);
    expect((await get('from=from1')).totalRecords).toBe(27);
    expect((await get('to=to54%40')).mailItems.map((m) => m.subject)).toEqual(['s54']);
    expect((await get('message=body%2053')).mailItems.map((m) => m.subject)).toEqual(['s53']);
    expect((await get('start=2026-06-02&end=2026-06-02')).mailItems.map((m) => m.subject).sort()).toEqual([
      's01',
      's29',
    ]);
    expect((await get('orderby=subject&dir=asc')).mailItems[0]?.subject).toBe('s00');
    expect((await get('orderby=subject')).mailItems[0]?.subject).toBe('s54');
    expect((await get('start=not-a-date')).totalRecords).toBe(55);
  });

  it('case=single item, message, messageraw, attachment, prune options, version', async () => {
    await t.transport().sendMail({
      from: 'a@x.test',
      to: 'b@y.test',
      subject: 'with file',
      html: '<b>bold</b>',
      attachments: [{ filename: 'doc.txt', content: 'document body' }],
    });
    const item = ((await (await t.get('/mail')).json()) as { mailItems: MailItem[] }).mailItems[0];
    const one = (await (await t.get(`/mail/${item?.id}`)).json()) as MailItem;
    expect(one.subject).toBe('with file');
    expect(one.attachments[0]?.headers.fileName).toBe('doc.txt');
    const message = await t.get(`/mail/${item?.id}/message`);
    expect(message.headers.get('content-type')).toBe('text/html; charset=UTF-8');
    expect(message.headers.get('content-security-policy')).toContain('sandbox');
    expect(await message.text()).toBe('<b>bold</b>');
    expect(await (await t.get(`/mail/${item?.id}/messageraw`)).text()).toBe('<b>bold</b>');
    const att = await t.get(`/mail/${item?.id}/attachment/${one.attachments[0]?.id}`);
    expect(att.headers.get('content-type')).toBe('text/plain');
    expect(await att.text()).toBe('document body');
    expect(await (await t.get('/pruneoptions')).json()).toContainEqual({
      pruneCode: 'all',
      description: 'All emails',
    });
    expect(await (await t.get('/version')).text()).toBe('gatehouse');
  });

  it('case=bad input: page numbers, prune codes, unknown ids; nothing is deleted by mistake', async () => {
    await t.transport().sendMail({ from: 'a@x.test', to: 'b@y.test', subject: 'stay', text: 'x' });
    const page = await t.get('/mail?pageNumber=two');
    expect([page.status, await page.text()]).toEqual([400, 'A valid page number is required']);
    const cases: [string, string, string][] = [
      ['{"pruneCode":"everything"}', 'application/json', 'Invalid prune type'],
      ['', 'application/json', 'Invalid prune type'],
      ['{"pruneCode":', 'application/json', 'Invalid delete request'],
      ['{"pruneCode":7}', 'application/json', 'Invalid delete request'],
      ['["all"]', 'application/json', 'Invalid delete request'],
    ];
    for (const [body, type, message] of cases) {
      const res = await t.get('/mail', { method: 'DELETE', headers: { 'content-type': type }, body });
      expect([res.status, await res.text()]).toEqual([400, message]);
    }
    expect(t.store.countMail()).toBe(1);
    const form = await t.get('/mail', {
      method: 'DELETE',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'pruneCode=60plus',
    });
    expect([form.status, await form.text()]).toEqual([200, '0']);
    for (const path of [
      '/mail/nope',
      '/mail/nope/message',
      '/mail/nope/messageraw',
      '/mail/nope/attachment/x',
    ]) {
      expect((await t.get(path)).status).toBe(404);
    }
    expect(t.store.countMail()).toBe(1);
  });

  it('case=pruning by age uses the sink clock', async () => {
    await t.transport().sendMail({
      from: 'a@x.test',
      to: 'b@y.test',
      subject: 'old',
      text: 'x',
      date: new Date('2026-01-01T00:00:00Z'),
    });
    t.clock.freeze(new Date('2026-03-15T12:00:00Z'));
    try {
      const res = await t.get('/mail', { method: 'DELETE', body: JSON.stringify({ pruneCode: '30plus' }) });
      expect(await res.text()).toBe('1');
    } finally {
      t.clock.reset();
    }
  });

  it("case=CORS is open like MailSlurper's service API", async () => {
    const res = await t.get('/mail', { headers: { origin: 'http://localhost:4455' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
