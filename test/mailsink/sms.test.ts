// Kratos's courier `http` channel posts SMS to the sink; the console lists, reads and deletes them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SmsJson } from '../../src/server/mailsink/index';
import { startTestSink, type TestSink } from './helpers';

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink({ maxSmsBytes: 4096 });
});
afterAll(() => t.close());
beforeEach(() => {
  t.store.deleteAllSms();
});

// What Kratos's default request_config body (embedx/config.schema.json) renders for an SMS code.
const kratosDefaultBody = {
  recipient: '+4917612345678',
  template_type: 'verification_code_valid',
  to: '+4917612345678',
  recovery_code: null,
  recovery_url: null,
  verification_url: 'http://127.0.0.1:4433/self-service/verification?code=482910&flow=abc',
  verification_code: '482910',
  subject: '',
  body: 'Your verification code is: 482910',
};

const post = (path: string, body: string, type = 'application/json'): Promise<Response> =>
  t.get(path, { method: 'POST', headers: { 'content-type': type }, body });

describe('SMS sink', () => {
  it("case=stores Kratos's default JSON body at /api/v1/sms and /sms", async () => {
    const res = await post('/api/v1/sms', JSON.stringify(kratosDefaultBody));
    expect(res.status).toBe(201);
    const stored = (await res.json()) as SmsJson;
    expect(stored).toMatchObject({
      to: '+4917612345678',
      body: 'Your verification code is: 482910',
      template_type: 'verification_code_valid',
      message_type: 'sms',
      content_type: 'application/json',
    });
    expect(stored.request).toEqual(kratosDefaultBody);
    // curl -d labels JSON as a form; it is still read as JSON.
    expect(
      (
        await post(
          '/sms',
          JSON.stringify({ recipient: '+1555', body: 'alias' }),
          'application/x-www-form-urlencoded',
        )
      ).status,
    ).toBe(201);
    const listed = (await (await t.get('/api/gatehouse/v1/sms')).json()) as {
      total: number;
      items: SmsJson[];
    };
    expect(listed.total).toBe(2);
    expect(listed.items.map((s) => [s.to, s.body])).toEqual([
      ['+1555', 'alias'],
      ['+4917612345678', 'Your verification code is: 482910'],
    ]);
  });

  it('case=accepts form bodies; a __proto__ field stays data', async () => {
    const res = await post(
      '/api/v1/sms',
      'to=%2B4915112345678&body=code+111222&template_type=login_code_valid&__proto__=x',
      'application/x-www-form-urlencoded',
    );
    expect(res.status).toBe(201);
    const s = (await res.json()) as SmsJson;
    expect(s).toMatchObject({ to: '+4915112345678', body: 'code 111222', template_type: 'login_code_valid' });
    const form = new FormData();
    form.set('recipient', '+33600000000');
    form.set('body', 'multipart body');
    const multi = await t.get('/api/v1/sms', { method: 'POST', body: form });
    expect(multi.status).toBe(201);
    expect(((await multi.json()) as SmsJson).to).toBe('+33600000000');
  });

  it('case=bad input gets a clear 4xx and stores nothing', async () => {
    const cases: [string, string, number][] = [
      ['[1,2]', 'application/json', 400],
      ['"just a string"', 'application/json', 400],
      ['null', 'application/json', 400],
      ['{"to": "+1",', 'application/json', 400],
      ['', 'application/json', 400],
      ['hello', 'text/plain', 415],
      [JSON.stringify({ to: '+1', body: 'x'.repeat(5000) }), 'application/json', 413],
    ];
    for (const [body, type, status] of cases) {
      const res = await post('/api/v1/sms', body, type);
      expect(res.status, `${type} ${body.slice(0, 20)}`).toBe(status);
      const err = (await res.json()) as { error: { code: number; message: string } };
      expect(err.error.code).toBe(status);
    }
    expect(t.store.countSms()).toBe(0);
  });

  it('case=get, delete one, delete all; unknown ids are 404', async () => {
    const a = (await (await post('/api/v1/sms', JSON.stringify({ to: '+1', body: 'a' }))).json()) as SmsJson;
    await post(
      '/api/v1/sms',
      JSON.stringify({ to: '+2', body: 'b', message_type: 'email', subject: 'via http' }),
    );
    const one = (await (await t.get(`/api/gatehouse/v1/sms/${a.id}`)).json()) as SmsJson;
    expect(one.body).toBe('a');
    expect((await t.get('/api/gatehouse/v1/sms/nope')).status).toBe(404);
    expect((await t.get(`/api/gatehouse/v1/sms/${a.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.get(`/api/gatehouse/v1/sms/${a.id}`, { method: 'DELETE' })).status).toBe(404);
    const list = (await (await t.get('/api/gatehouse/v1/sms?limit=1')).json()) as { items: SmsJson[] };
    expect(list.items[0]).toMatchObject({ message_type: 'email', subject: 'via http' });
    expect(await (await t.get('/api/gatehouse/v1/sms', { method: 'DELETE' })).json()).toEqual({ deleted: 1 });
    expect((await t.get('/api/gatehouse/v1/sms?limit=0')).status).toBe(400);
    expect((await t.get('/api/gatehouse/v1/sms?offset=-1')).status).toBe(400);
  });
});
