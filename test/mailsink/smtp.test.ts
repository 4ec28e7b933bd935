// What SMTP clients experience: any sender, recipient and credentials are accepted; STARTTLS and implicit TLS
// work on the one port; oversized mail is refused with 552 without ending the session; malformed mail is
// kept raw; a storage failure is a temporary 451, never a lost message.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MovableClock } from '../../src/server/clock';
import { silentLogger } from '../../src/server/logger';
import { startMailSink } from '../../src/server/mailsink/index';
import type { MailSinkPersister } from '../../src/server/mailsink/persister';
import { openDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';
import { expectCode, RawSmtp, startTestSink, type TestSink } from './helpers';

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink({ maxMessageBytes: 25 * 1024 * 1024 });
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllMail();
});

describe('SMTP capture', () => {
  it('case=accepts any AUTH credentials and records the user', async () => {
    const info = await t
      .transport({ auth: { user: 'test', pass: 'wrong-or-right' } })
      .sendMail({ from: 'a@x.test', to: 'b@y.test', subject: 'auth', text: 'x' });
    expect(info.response).toMatch(/^250 OK: message queued as [A-Za-z0-9_-]{43}=@mailhog\.example$/);
    const [m] = t.store.listMail({});
    expect(m?.envelope.authUser).toBe('test');
  });

  it('case=STARTTLS with the generated certificate', async () => {
    await t
      .transport({ ignoreTLS: false, requireTLS: true, tls: { rejectUnauthorized: false } })
      .sendMail({ from: 'a@x.test', to: 'tls@y.test', subject: 'starttls', text: 'x' });
    const [m] = t.store.listMail({});
    expect(m?.subject).toBe('starttls');
    expect(m?.envelope.secure).toBe(true);
  });

  it('case=implicit TLS (smtps://) on the same port', async () => {
    await t
      .transport({ secure: true, tls: { rejectUnauthorized: false } })
      .sendMail({ from: 'a@x.test', to: 'smtps@y.test', subject: 'implicit', text: 'x' });
    const [m] = t.store.listMail({});
    expect(m?.subject).toBe('implicit');
    expect(m?.envelope.secure).toBe(true);
  });

  it('case=stores the envelope, every recipient, the null sender and the raw DATA byte for byte', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    expectCode(await smtp.command('EHLO client.example'), '250');
    const data = 'Subject: dots\r\nX-Bin: \xe9t\xe9\r\n\r\n..leading dot\r\nend';
    expectCode(await smtp.send('', ['one@example.org', 'two@example.org'], data), '250');
    expectCode(await smtp.command('QUIT'), '221');
    smtp.close();
    const [m] = t.store.listMail({ withRaw: true });
    expect(m?.envelope).toMatchObject({
      helo: 'client.example',
      mailFrom: '',
      rcptTo: ['one@example.org', 'two@example.org'],
    });
    // Dot-unstuffed; the CRLF before the terminating dot belongs to the message.
    expect(m?.raw?.toString('latin1')).toBe(
      'Subject: dots\r\nX-Bin: \xe9t\xe9\r\n\r\n.leading dot\r\nend\r\n',
    );
    expect(m?.sizeBytes).toBe(m?.raw?.length);
  });

  it('case=keeps a malformed message raw with whatever headers parse', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    expectCode(await smtp.command('HELO junk'), '250');
    const junk =
      'Content-Type: multipart/mixed; boundary="unterminated\r\nSubject: broken\r\nno colon here\r\n' +
      '\r\n--unterminated\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64\x00\x01\xff';
    expectCode(await smtp.send('x@y.test', ['z@y.test'], junk), '250');
    const bare = 'just a body line, no header block at all';
    expectCode(await smtp.send('x@y.test', ['z@y.test'], bare), '250');
    smtp.close();
    const [noHeaders, broken] = t.store.listMail({ withRaw: true });
    expect(broken?.raw?.toString('latin1')).toBe(`${junk}\r\n`);
    expect(broken?.subject).toBe('broken');
    expect(broken?.headers.map(([n]) => n)).toEqual(['Content-Type', 'Subject']);
    expect(noHeaders?.raw?.toString()).toBe(`${bare}\r\n`);
    expect(noHeaders?.parseError).toBe('the message has no header block');
    const mh = (await (
      await t.get(`/api/v1/messages/${encodeURIComponent(noHeaders?.mailhogId ?? '')}`)
    ).json()) as {
      Content: { Headers: Record<string, string[]>; Body: string };
    };
    expect(mh.Content.Body).toBe(bare);
    expect(Object.keys(mh.Content.Headers).sort()).toEqual(['Message-ID', 'Received', 'Return-Path']);
  });

  it('case=refuses a 30 MB message with 552, stores nothing, and the session goes on', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    expectCode(await smtp.command('EHLO big.example'), '250');
    expectCode(await smtp.command('MAIL FROM:<big@x.test>'), '250');
    expectCode(await smtp.command('RCPT TO:<sink@y.test>'), '250');
    expectCode(await smtp.command('DATA'), '354');
    const line = `${'A'.repeat(998)}\r\n`;
    const chunk = Buffer.from(line.repeat(1024));
    await smtp.write('Subject: huge\r\n\r\n');
    for (let sent = 0; sent < 30 * 1024 * 1024; sent += chunk.length) await smtp.write(chunk);
    await smtp.write('.\r\n');
    const refused = await smtp.reply(30_000);
    expect(refused).toMatch(/^552 /);
    expect(t.store.countMail()).toBe(0);
    expectCode(await smtp.send('small@x.test', ['sink@y.test'], 'Subject: after\r\n\r\nfine'), '250');
    expectCode(await smtp.command('QUIT'), '221');
    smtp.close();
    expect(t.store.listMail({}).map((m) => m.subject)).toEqual(['after']);
  }, 30_000);

  it('case=refuses a declared SIZE over the limit at MAIL FROM', async () => {
    const smtp = await RawSmtp.connect(t.sink.smtpPort);
    const ehlo = await smtp.command('EHLO sized.example');
    expect(ehlo).toContain(`SIZE ${25 * 1024 * 1024}`);
    expect(ehlo).toContain('STARTTLS');
    expect(ehlo).toMatch(/AUTH PLAIN LOGIN CRAM-MD5/);
    expect(await smtp.command(`MAIL FROM:<a@x.test> SIZE=${30 * 1024 * 1024}`)).toMatch(/^552 /);
    expectCode(await smtp.command('RSET'), '250');
    smtp.close();
    expect(t.store.countMail()).toBe(0);
  });

  it('case=nodemailer sees the 552 of an oversized message', async () => {
    const huge = 'x'.repeat(30 * 1024 * 1024);
    const send = t.transport().sendMail({ from: 'a@x.test', to: 'b@y.test', subject: 'huge', text: huge });
    await expect(send).rejects.toMatchObject({ responseCode: 552 });
    expect(t.store.countMail()).toBe(0);
  }, 30_000);
});

describe('storage failures', () => {
  it('case=a failing store answers 451 and the retried message is kept', async () => {
    const db = openDatabase('memory');
    const real = new SqliteMailSinkPersister(db);
    let failures = 1;
    const flaky: MailSinkPersister = Object.assign(Object.create(real) as MailSinkPersister, {
      insertMail: (mail: Parameters<MailSinkPersister['insertMail']>[0]) => {
        if (failures-- > 0) throw new Error('disk full');
        return real.insertMail(mail);
      },
    });
    const sink = await startMailSink(
      { store: flaky, logger: silentLogger, clock: new MovableClock() },
      { host: '127.0.0.1', smtpPort: 0, apiPort: 0 },
    );
    const smtp = await RawSmtp.connect(sink.smtpPort);
    expectCode(await smtp.command('HELO retry'), '250');
    expect(await smtp.send('a@x.test', ['b@y.test'], 'Subject: retry\r\n\r\nx')).toMatch(/^451 /);
    expectCode(await smtp.send('a@x.test', ['b@y.test'], 'Subject: retry\r\n\r\nx'), '250');
    smtp.close();
    expect(real.listMail({}).map((m) => m.subject)).toEqual(['retry']);
    await sink.close();
    db.close();
  });

  it('case=messages survive a restart (file database)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailsink-'));
    const dsn = `sqlite://${join(dir, 'sink.db')}`;
    try {
      const first = await startTestSink({}, dsn);
      await first.transport().sendMail({
        from: 'a@x.test',
        to: 'b@y.test',
        subject: 'durable',
        text: 'x',
        attachments: [{ filename: 'a.bin', content: Buffer.from([0, 1, 2, 255]) }],
      });
      await first.close();
      const second = await startTestSink({}, dsn);
      const [m] = second.store.listMail({});
      expect(m?.subject).toBe('durable');
      const att = second.store.getAttachment(m?.id ?? '', { id: m?.attachments[0]?.id ?? '' });
      expect([...(att?.content ?? [])]).toEqual([0, 1, 2, 255]);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
