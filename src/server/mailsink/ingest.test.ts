import { describe, expect, it } from 'vitest';
import { MovableClock } from '../clock';
import { buildMail, newMailHogId } from './ingest';
import type { MailEnvelope } from './model';

const clock = new MovableClock();
clock.freeze(new Date('2026-11-21T10:00:00.250Z'));
const ctx = { clock, hostname: 'sink.test' };
const envelope = (rcptTo: string[] = ['to@y.test']): MailEnvelope => ({
  helo: 'h',
  mailFrom: 'from@x.test',
  rcptTo,
  remoteAddress: '127.0.0.1',
  secure: false,
  authUser: null,
});

describe('buildMail', () => {
  it('case=ids, times and the fields list views need', async () => {
    const raw = Buffer.from(
      'From: "Ann" <ann@x.test>\r\nTo: to@y.test, Group: g1@y.test, g2@y.test;\r\nSubject: =?UTF-8?B?SMOpbGxv?=\r\n' +
        'Date: Sat, 21 Nov 2026 11:00:00 +0100\r\nMessage-ID: <mid@x.test>\r\n\r\nHello\r\n',
    );
    const m = await buildMail(raw, envelope(['to@y.test', 'secret@y.test']), ctx);
    expect(m.mailhogId).toMatch(/^[A-Za-z0-9_-]{43}=@sink\.test$/);
    expect(m.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(m.createdMs).toBe(Date.parse('2026-11-21T10:00:00.250Z'));
    expect(m.createdAt).toMatch(/^2026-11-21T10:00:00\.25\d{0,7}Z$/);
    expect(m.subject).toBe('Héllo');
    expect(m.messageId).toBe('mid@x.test');
    expect(m.from).toEqual({ name: 'Ann', address: 'ann@x.test' });
    expect(m.to.map((a) => a.address)).toEqual(['to@y.test', 'g1@y.test', 'g2@y.test']);
    expect(m.bcc).toEqual([{ name: '', address: 'secret@y.test' }]);
    expect(m.date).toEqual({ ms: Date.parse('2026-11-21T10:00:00Z'), offsetMinutes: 60 });
    expect(m.dateSent).toBe('2026-11-21 11:00:00');
    expect(m.text).toBe('Hello\n');
    expect(m.snippet).toBe('Hello');
    expect(m.sizeBytes).toBe(raw.length);
    expect(m.search.text).toContain('héllo');
    expect(m.parseError).toBeNull();
  });

  it('case=no Message-ID or Date falls back to the MailHog id and the receive time', async () => {
    const m = await buildMail(Buffer.from('Subject: x\r\n\r\nb\r\n'), envelope(), ctx);
    expect(m.messageId).toBe(m.mailhogId);
    expect(m.date).toBeNull();
    expect(m.dateSent).toBe('2026-11-21 10:00:00');
  });

  it('case=attachments carry part ids, checksums and the inline flag', async () => {
    const raw = Buffer.from(
      'Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/html\r\n\r\n<img src="cid:c1">\r\n' +
        '--b\r\nContent-Type: image/png\r\nContent-ID: <c1>\r\nContent-Disposition: inline\r\nContent-Transfer-Encoding: base64\r\n\r\naGk=\r\n' +
        '--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="f.bin"\r\n\r\nxyz\r\n--b--\r\n',
    );
    const m = await buildMail(raw, envelope(), ctx);
    expect(m.attachments.map((a) => [a.partId, a.filename, a.contentId, a.inline, a.sizeBytes])).toEqual([
      ['2', '', 'c1', true, 2],
      ['3', 'f.bin', '', false, 3],
    ]);
    expect(m.attachments[0]?.md5).toBe('49f68a5c8493ec2c0bf489821c21fc3b');
    expect(m.html).toBe('<img src="cid:c1">');
  });

  it('newMailHogId uses padded base64url like Go', () => {
    const id = newMailHogId('h');
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}=@h$/);
  });
});
