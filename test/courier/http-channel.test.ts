// The HTTP channel: email over `courier.delivery_strategy: http` and SMS over `courier.channels`,
// posting Kratos's default body (as its default Jsonnet prints it) with api_key or basic auth.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MovableClock } from '../../src/server/clock';
import { silentLogger } from '../../src/server/logger';
import { startMailSink } from '../../src/server/mailsink/index';
import { openDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';
import { createHarness, type Harness, recoveryModel } from './harness';

interface Captured {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

let server: Server;
let base: string;
let captured: Captured[] = [];
let status = 200;
let h: Harness;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.statusCode = status;
      res.end(status === 200 ? 'ok' : 'upstream says no');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((r) => server.close(r)));
beforeEach(() => {
  captured = [];
  status = 200;
});
afterEach(() => h?.closeAll());

describe('email over HTTP', () => {
  it('case=default body, api_key header, custom headers', async () => {
    h = createHarness({
      courier: {
        delivery_strategy: 'http',
        http: {
          request_config: {
            url: `${base}/mail`,
            headers: { 'X-Tenant': 'acme' },
            auth: { type: 'api_key', config: { name: 'X-Api-Key', value: 's3cret', in: 'header' } },
          },
        },
      },
    });
    const m = await h.courier.queueEmail({ templateType: 'recovery_code_valid', model: recoveryModel });
    await h.dispatcher.dispatchQueue();
    expect(h.persister.getMessage(m.id)?.status).toBe('sent');
    expect(captured).toHaveLength(1);
    const req = captured[0] as Captured;
    expect(req).toMatchObject({ method: 'POST', url: '/mail' });
    expect(req.headers).toMatchObject({
      'content-type': 'application/json',
      'x-api-key': 's3cret',
      'x-tenant': 'acme',
    });
    const body = JSON.parse(req.body) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'body',
      'recipient',
      'recovery_code',
      'recovery_url',
      'subject',
      'template_type',
      'to',
      'verification_code',
      'verification_url',
    ]);
    expect(body).toMatchObject({
      recipient: 'ada@example.com',
      to: 'ada@example.com',
      template_type: 'recovery_code_valid',
      recovery_code: '123456',
      recovery_url: null,
      verification_code: null,
      verification_url: null,
      subject: 'Use code 123456 to recover access to your account',
    });
    expect(body.body).toMatch(/^Recover access to your account by entering the following code:/);
    // go-jsonnet's manifestation: three-space indentation and a final newline.
    expect(req.body.startsWith('{\n   "body": ')).toBe(true);
    expect(req.body.endsWith('}\n')).toBe(true);
  });

  it('case=api_key in a cookie', async () => {
    h = createHarness({
      courier: {
        delivery_strategy: 'http',
        http: {
          request_config: {
            url: `${base}/c`,
            auth: { type: 'api_key', config: { name: 'session', value: 'abc', in: 'cookie' } },
          },
        },
      },
    });
    await h.courier.queueEmail({
      templateType: 'login_code_valid',
      model: { To: 'a@b.c', LoginCode: '111111' },
    });
    await h.dispatcher.dispatchQueue();
    expect(captured[0]?.headers.cookie).toBe('session=abc');
  });

  it('case=upstream error is a failed dispatch with Kratos message', async () => {
    status = 500;
    h = createHarness({
      courier: { delivery_strategy: 'http', http: { request_config: { url: `${base}/mail` } } },
    });
    const m = await h.courier.queueEmail({
      templateType: 'login_code_valid',
      model: { To: 'a@b.c', LoginCode: '1' },
    });
    await h.dispatcher.dispatchQueue();
    const stored = h.persister.getMessage(m.id);
    expect(stored?.status).toBe('queued');
    expect(stored?.dispatches?.[0]?.error).toEqual({
      code: 500,
      status: 'Internal Server Error',
      message: 'unable to dispatch mail delivery because upstream server replied with status code 500',
    });
  });

  it('case=unreachable server', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    h = createHarness({
      courier: { delivery_strategy: 'http', http: { request_config: { url: `http://127.0.0.1:${port}/x` } } },
    });
    const m = await h.courier.queueEmail({
      templateType: 'login_code_valid',
      model: { To: 'a@b.c', LoginCode: '1' },
    });
    await h.dispatcher.dispatchQueue();
    expect(h.persister.getMessage(m.id)?.dispatches?.[0]?.error?.message).toMatch(
      /^Post "http:\/\/127\.0\.0\.1:\d+\/x": .*ECONNREFUSED/,
    );
  });
});

describe('SMS over HTTP', () => {
  it('case=courier.channels sms with basic auth', async () => {
    h = createHarness({
      courier: {
        channels: [
          {
            id: 'sms',
            type: 'http',
            request_config: {
              url: `${base}/sms`,
              method: 'PUT',
              auth: { type: 'basic_auth', config: { user: 'kratos', password: 'p@ss:word' } },
            },
          },
        ],
      },
    });
    const m = await h.courier.queueSms({
      templateType: 'verification_code_valid',
      model: {
        To: '+15550100',
        VerificationCode: '424242',
        ExpiresInMinutes: 10n,
        RequestURLDomain: 'id.example',
      },
    });
    await h.dispatcher.dispatchQueue();
    expect(h.persister.getMessage(m.id)?.status).toBe('sent');
    const req = captured[0] as Captured;
    expect(req.method).toBe('PUT');
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from('kratos:p@ss:word').toString('base64')}`);
    expect(JSON.parse(req.body)).toEqual({
      body: '424242 is your verification code. It expires in 10 minutes. Did not ask for it? Ignore this message.\n\n@id.example #424242\n',
      recipient: '+15550100',
      recovery_code: null,
      recovery_url: null,
      subject: '',
      template_type: 'verification_code_valid',
      to: '+15550100',
      verification_code: '424242',
      verification_url: null,
    });
  });

  it('case=a configured Jsonnet body is not evaluated, and that is said once', async () => {
    h = createHarness({
      courier: {
        channels: [
          {
            id: 'sms',
            type: 'http',
            request_config: { url: `${base}/sms`, body: 'base64://ZnVuY3Rpb24oY3R4KSB7fQ==' },
          },
        ],
      },
    });
    h.start();
    const warnings = h.logs.filter((l) => l.level === 'warn' && l.msg.includes('Jsonnet'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.msg).toContain('courier.channels.0.request_config.body');
  });

  it('case=without an sms channel, the builder default sends SMS to the mail sink', async () => {
    const db = openDatabase('memory');
    const store = new SqliteMailSinkPersister(db);
    const sink = await startMailSink(
      { store, logger: silentLogger, clock: new MovableClock() },
      { host: '127.0.0.1', smtpPort: 0, apiPort: 0 },
    );
    try {
      h = createHarness();
      // The server learns the sink's port after building the courier.
      h.setDefaultSmsUrl(`${sink.urls.api}/api/v1/sms`);
      await h.courier.queueSms({
        templateType: 'login_code_valid',
        model: { To: '+15550199', LoginCode: '777777' },
      });
      await h.dispatcher.dispatchQueue();
      const [sms] = store.listSms({});
      expect(sms).toMatchObject({ to: '+15550199', templateType: 'login_code_valid' });
      expect(sms?.body).toMatch(/^777777 is your sign-in code/);
    } finally {
      await sink.close();
      db.close();
    }
  });
});
