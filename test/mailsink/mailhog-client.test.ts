// A developer points Kratos at the sink and reads mail with the `mailhog` npm client, as Kratos's own
// Playwright suite does: list, search, latest*, delete, and decoded bodies, headers and attachments.
import mailhog from 'mailhog';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSink, type TestSink } from './helpers';

let t: TestSink;
let mh: mailhog.API;

beforeAll(async () => {
  t = await startTestSink();
  mh = mailhog({ host: '127.0.0.1', port: t.sink.apiPort });
});
afterAll(() => t.close());
beforeEach(async () => {
  await mh.deleteAll();
});

const recoveryHtml =
  '<p>Recover access to your account by clicking the following link:</p><a href="http://127.0.0.1:4455/recovery?code=123456&flow=abc">recover</a>';

describe('the mailhog npm client', () => {
  it('case=lists messages newest first with decoded text, html and headers', async () => {
    const tr = t.transport();
    await tr.sendMail({
      from: 'no-reply@ory.kratos.sh',
      to: 'first@example.org',
      subject: 'First',
      text: 'one',
    });
    await tr.sendMail({
      from: '"Ory Kratos" <no-reply@ory.kratos.sh>',
      to: 'second@example.org',
      cc: 'copy@example.org',
      subject: 'Prüfung ✓ verify',
      text: 'Grüße: Verify your account with the following code: 654321',
      html: `<p>Grüße</p>${recoveryHtml}`,
    });
    const result = await mh.messages();
    expect(result?.total).toBe(2);
    expect(result?.count).toBe(2);
    const [latest, first] = result?.items ?? [];
    expect(first?.subject).toBe('First');
    expect(first?.text).toBe('one');
    // The client decodes RFC 2047 words but leaves Q-encoding's "_" for space (with real MailHog too).
    expect(
      (latest as unknown as { Content: { Headers: Record<string, string[]> } }).Content.Headers[
        'Subject'
      ]?.[0],
    ).toMatch(/^=\?UTF-8\?[QB]\?/);
    expect(latest?.subject.replace(/_/g, ' ')).toBe('Prüfung ✓ verify');
    expect(latest?.from).toBe('Ory Kratos <no-reply@ory.kratos.sh>');
    expect(latest?.to).toBe('second@example.org');
    expect(latest?.cc).toBe('copy@example.org');
    expect(latest?.text).toContain('Grüße: Verify your account with the following code: 654321');
    expect(latest?.html).toContain('href="http://127.0.0.1:4455/recovery?code=123456&flow=abc"');
    expect(latest?.date).toBeInstanceOf(Date);
    expect(Number.isNaN(latest?.deliveryDate.getTime())).toBe(false);
  });

  it('case=decodes base64 bodies and finds attachments', async () => {
    await t.transport().sendMail({
      from: 'no-reply@ory.kratos.sh',
      to: 'files@example.org',
      subject: 'files',
      text: 'Binary attached',
      textEncoding: 'base64',
      attachments: [
        { filename: 'report.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
        { filename: 'notes.txt', content: 'plain notes' },
      ],
    });
    const msg = await mh.latestTo('files@example.org');
    if (!msg) throw new Error('no message');
    expect(msg.text).toBe('Binary attached');
    const names = msg.attachments.map((a) => a.name).sort();
    expect(names).toEqual(['notes.txt', 'report.pdf']);
    const pdf = msg.attachments.find((a) => a.name === 'report.pdf');
    expect(pdf?.type).toBe('application/pdf; name=report.pdf');
    expect(pdf?.encoding).toBe('base64');
    expect(Buffer.from(pdf?.Body ?? '', 'base64').toString()).toBe('%PDF-1.4 fake');
  });

  it('case=search by kind from, to and containing, and latest* helpers', async () => {
    const tr = t.transport();
    await tr.sendMail({ from: 'a@sender.test', to: 'alice@example.org', subject: 'code 111111', text: 'x' });
    await tr.sendMail({ from: 'b@sender.test', to: 'bob@example.org', subject: 'code 222222', text: 'y' });
    await tr.sendMail({
      from: 'a@sender.test',
      to: 'Bob@Example.org',
      subject: 'again',
      text: 'Welcome BOB',
    });

    const toBob = await mh.search('bob@example.org', 'to');
    expect(toBob?.total).toBe(2);
    expect(toBob?.items.map((m) => m.subject)).toEqual(['again', 'code 222222']);
    expect((await mh.search('A@SENDER.TEST', 'from'))?.total).toBe(2);
    expect((await mh.search('welcome bob'))?.items[0]?.subject).toBe('again');
    expect((await mh.search('nothing-matches-this'))?.total).toBe(0);
    expect((await mh.latestTo('alice@example.org'))?.subject).toBe('code 111111');
    expect((await mh.latestFrom('b@sender.test'))?.subject).toBe('code 222222');
    expect((await mh.latestContaining('222222'))?.subject).toBe('code 222222');
    expect(await mh.latestTo('nobody@example.org')).toBe(0);
  });

  it('case=deleteMessage removes one message, deleteAll the rest', async () => {
    const tr = t.transport();
    await tr.sendMail({ from: 'a@x.test', to: 'keep@example.org', subject: 'keep', text: 'k' });
    await tr.sendMail({ from: 'a@x.test', to: 'drop@example.org', subject: 'drop', text: 'd' });
    const drop = await mh.latestTo('drop@example.org');
    if (!drop) throw new Error('no message');
    const res = await mh.deleteMessage(drop.ID);
    expect(res.statusCode).toBe(200);
    const left = await mh.messages();
    expect(left?.items.map((m) => m.subject)).toEqual(['keep']);
    expect((await mh.deleteAll()).statusCode).toBe(200);
    expect((await mh.messages())?.total).toBe(0);
  });

  it("case=works with an absolute basePath as in Kratos's Playwright config", async () => {
    await t
      .transport()
      .sendMail({ from: 'a@x.test', to: 'pw@example.org', subject: 'playwright', text: 'p' });
    const pw = mailhog({
      basePath: `http://127.0.0.1:${t.sink.apiPort}/api`,
      host: '127.0.0.1',
      port: t.sink.apiPort,
    });
    const found = await pw.search('pw@example.org', 'to');
    expect(found?.total).toBe(1);
    expect(found?.items[0]?.subject).toBe('playwright');
  });

  it('case=pages with start and limit', async () => {
    const tr = t.transport({ pool: true, maxConnections: 1 });
    for (let i = 0; i < 7; i++)
      await tr.sendMail({ from: 'a@x.test', to: 'p@example.org', subject: `m${i}`, text: 'x' });
    const page = await mh.messages(2, 3);
    expect(page?.total).toBe(7);
    expect(page?.start).toBe(2);
    expect(page?.items.map((m) => m.subject)).toEqual(['m4', 'm3', 'm2']);
    const searchPage = await mh.search('p@example.org', 'to', 5, 10);
    expect(searchPage?.total).toBe(7);
    expect(searchPage?.items.map((m) => m.subject)).toEqual(['m1', 'm0']);
  });
});
