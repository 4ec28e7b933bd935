// Queue → dispatch → SMTP: messages arrive at Gatehouse's mail sink with Kratos's From, To, Subject
// and a multipart/alternative text + HTML body; STARTTLS/implicit TLS follow connection_uri; an SMTP
// 5xx abandons the message; connection failures are recorded as failed dispatches.
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MovableClock } from '../../src/server/clock';
import { silentLogger } from '../../src/server/logger';
import { type MailSink, startMailSink } from '../../src/server/mailsink/index';
import { openDatabase, type SqliteDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';
import { createHarness, type Harness, recoveryModel } from './harness';

let sinkDb: SqliteDatabase;
let store: SqliteMailSinkPersister;
let sink: MailSink;
let h: Harness;

beforeAll(async () => {
  sinkDb = openDatabase('memory');
  store = new SqliteMailSinkPersister(sinkDb);
  sink = await startMailSink(
    { store, logger: silentLogger, clock: new MovableClock() },
    { host: '127.0.0.1', smtpPort: 0, apiPort: 0, tlsSniffMs: 50 },
  );
});
afterAll(async () => {
  await sink.close();
  sinkDb.close();
});
beforeEach(() => {
  store.deleteAllMail();
});
afterEach(async () => {
  await h?.closeAll();
});

const sinkUri = (query = '?disable_starttls=true'): string => `smtp://127.0.0.1:${sink.smtpPort}/${query}`;

async function sendOne(h: Harness, to = 'ada@example.com'): Promise<string> {
  const m = await h.courier.queueEmail({
    templateType: 'recovery_code_valid',
    model: { ...recoveryModel, To: to },
  });
  await h.dispatcher.dispatchQueue();
  return m.id;
}

describe('SMTP delivery to the mail sink', () => {
  it('case=default connection_uri from the builder reaches the sink: From, To, Subject, text + html', async () => {
    h = createHarness({}, { defaultSmtpUri: sinkUri() });
    const id = await sendOne(h);
    expect(h.persister.getMessage(id)).toMatchObject({ status: 'sent', sendCount: 1 });

    const [rec] = store.listMail({});
    expect(rec).toBeDefined();
    const mail = await simpleParser(store.findMail(rec?.id ?? '', { withRaw: true })?.raw ?? Buffer.alloc(0));
    expect(mail.from?.value).toEqual([{ address: 'no-reply@ory.kratos.sh', name: '' }]);
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value : []).toEqual([
      { address: 'ada@example.com', name: '' },
    ]);
    expect(mail.subject).toBe('Use code 123456 to recover access to your account');
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    expect(mail.text).toMatch(/^Recover access to your account by entering the following code:\n\n123456\n/);
    expect(mail.html).toContain('Recover access to your account by entering the following code:');
    expect(mail.html).toContain('>123456</p>');
    expect(rec?.envelope).toMatchObject({
      mailFrom: 'no-reply@ory.kratos.sh',
      rcptTo: ['ada@example.com'],
      helo: 'localhost',
    });
  });

  it('case=a started courier delivers right after queueing, without waiting for pull_wait', async () => {
    h = createHarness({ courier: { worker: { pull_wait: '1h' } } }, { defaultSmtpUri: sinkUri() });
    h.clock.reset();
    h.start();
    await new Promise((r) => setTimeout(r, 20));
    const m = await h.courier.queueEmail({
      templateType: 'login_code_valid',
      model: { To: 'fast@example.com', LoginCode: '246810' },
    });
    await expect.poll(() => store.listMail({}).length, { timeout: 3000 }).toBe(1);
    expect(store.listMail({})[0]?.subject).toBe('Use code 246810 to log in');
    await expect.poll(() => h.persister.getMessage(m.id)?.status).toBe('sent');
  });

  it('case=from_name, headers (Cc/Bcc join the envelope) and local_name', async () => {
    h = createHarness({
      courier: {
        smtp: {
          connection_uri: sinkUri(),
          from_address: 'auth@gatehouse.example',
          from_name: 'Gatehouse Auth',
          local_name: 'courier.gatehouse.example',
          headers: {
            'X-SES-SOURCE-ARN': 'arn:aws:ses:x',
            Cc: 'audit@example.com',
            Bcc: 'hidden@example.com',
          },
        },
      },
    });
    await sendOne(h);
    const [rec] = store.listMail({});
    const mail = await simpleParser(store.findMail(rec?.id ?? '', { withRaw: true })?.raw ?? Buffer.alloc(0));
    expect(mail.from?.value).toEqual([{ address: 'auth@gatehouse.example', name: 'Gatehouse Auth' }]);
    expect(mail.headers.get('x-ses-source-arn')).toBe('arn:aws:ses:x');
    expect(rec?.envelope.helo).toBe('courier.gatehouse.example');
    expect(rec?.envelope.rcptTo.sort()).toEqual([
      'ada@example.com',
      'audit@example.com',
      'hidden@example.com',
    ]);
    expect(mail.headers.has('bcc')).toBe(false);
  });

  it('case=smtp:// enforces STARTTLS with certificate verification by default', async () => {
    h = createHarness({ courier: { smtp: { connection_uri: sinkUri('') } } });
    const id = await sendOne(h);
    const m = h.persister.getMessage(id);
    expect(m?.status).toBe('queued');
    expect(m?.dispatches?.[0]?.error).toMatchObject({
      code: 500,
      status: 'Internal Server Error',
      reason: 'failed to send email via smtp',
    });
    expect(store.listMail({})).toHaveLength(0);
  });

  it.each([
    ['STARTTLS with skip_ssl_verify', () => sinkUri('?skip_ssl_verify=true')],
    [
      'smtps:// implicit TLS',
      () => `smtps://127.0.0.1:${sink.smtpPort}/?skip_ssl_verify=true&server_name=localhost`,
    ],
  ])('case=%s', async (_name, uri) => {
    h = createHarness({ courier: { smtp: { connection_uri: uri() } } });
    const id = await sendOne(h);
    expect(h.persister.getMessage(id)?.status).toBe('sent');
    const [rec] = store.listMail({});
    expect(rec?.envelope.secure).toBe(true);
  });

  it('case=connection refused is a failed dispatch and a retry', async () => {
    h = createHarness({ courier: { smtp: { connection_uri: 'smtp://127.0.0.1:1/?disable_starttls=true' } } });
    const id = await sendOne(h);
    const m = h.persister.getMessage(id);
    expect(m).toMatchObject({ status: 'queued', sendCount: 1 });
    expect(m?.dispatches?.[0]?.error?.message).toMatch(/ECONNREFUSED/);
  });
});

describe('SMTP 5xx', () => {
  let server: SMTPServer;
  let port: number;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(address, _session, cb) {
        if (address.address.startsWith('gone')) {
          const err = Object.assign(new Error('5.1.1 mailbox unavailable'), { responseCode: 550 });
          cb(err);
        } else if (address.address.startsWith('busy')) {
          const err = Object.assign(new Error('4.2.1 try later'), { responseCode: 451 });
          cb(err);
        } else cb();
      },
      onData(stream, _session, cb) {
        stream.resume();
        stream.on('end', () => cb());
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('case=550 abandons the message at once', async () => {
    h = createHarness({
      courier: { smtp: { connection_uri: `smtp://127.0.0.1:${port}/?disable_starttls=true` } },
    });
    const id = await sendOne(h, 'gone@example.com');
    const m = h.persister.getMessage(id);
    expect(m).toMatchObject({ status: 'abandoned', sendCount: 1 });
    expect(m?.dispatches?.[0]?.error?.message).toContain('mailbox unavailable');
  });

  it('case=451 is retried', async () => {
    h = createHarness({
      courier: { smtp: { connection_uri: `smtp://127.0.0.1:${port}/?disable_starttls=true` } },
    });
    const id = await sendOne(h, 'busy@example.com');
    expect(h.persister.getMessage(id)).toMatchObject({ status: 'queued', sendCount: 1 });
  });
});
