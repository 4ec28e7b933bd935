// The admin courier API through a Hono app: list (newest first, keyset pages, status and recipient
// filters), get with dispatches, redaction outside dev mode, and Kratos's 4xx answers to bad input.
// Every JSON body is checked against Kratos's OpenAPI document.
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTE_COURIER_MESSAGE, ROUTE_COURIER_MESSAGES } from '../../src/server/courier';
import { writeError } from '../../src/server/errors/writer';
import { PageTokenSealer } from '../../src/server/http/pagination';
import { expectValidResponse } from '../helpers/openapi';
import { createHarness, FakeChannel, type Harness, recoveryModel } from './harness';

let h: Harness;
let app: Hono;
afterEach(() => h.closeAll());

const ADMIN = 'http://127.0.0.1:4434';

function setup(opts: { dev?: boolean } = {}): void {
  const channel = new FakeChannel();
  h = createHarness({}, { dev: opts.dev ?? true, channel: () => channel });
  app = new Hono();
  app.get(ROUTE_COURIER_MESSAGES, h.handlers.list);
  app.get(ROUTE_COURIER_MESSAGE, h.handlers.get);
  app.onError((err, c) => writeError(c, err));
}

/** Kratos writes type "sms" where its OpenAPI document says "phone" (kratos-api.md §g.1). */
function forSpec(body: unknown): unknown {
  const fix = (m: unknown): unknown =>
    m && typeof m === 'object' && (m as { type?: string }).type === 'sms' ? { ...m, type: 'phone' } : m;
  return Array.isArray(body) ? body.map(fix) : fix(body);
}

async function get(path: string): Promise<{ status: number; body: unknown; link: string | null }> {
  const res = await app.request(`${ADMIN}${path}`);
  const body = (await res.json()) as unknown;
  expect(res.status).toBeLessThan(500);
  expectValidResponse('GET', `${ADMIN}${path}`, res.status, forSpec(body));
  return { status: res.status, body, link: res.headers.get('link') };
}

function links(link: string | null): Record<string, URL> {
  const out: Record<string, URL> = {};
  for (const part of (link ?? '').split(',')) {
    const m = /<([^>]+)>; rel="(\w+)"/.exec(part);
    if (m?.[1] && m[2]) out[m[2]] = new URL(m[1]);
  }
  return out;
}

async function queueMany(n: number, to = (i: number): string => `user${i}@example.com`): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    ids.push(
      (
        await h.courier.queueEmail({
          templateType: 'recovery_code_valid',
          model: { ...recoveryModel, To: to(i) },
        })
      ).id,
    );
    h.clock.advance(1000);
  }
  return ids;
}

type Json = Record<string, unknown>;

describe('GET /admin/courier/messages', () => {
  it('case=empty list with a first link', async () => {
    setup();
    const res = await get('/admin/courier/messages');
    expect(res).toMatchObject({ status: 200, body: [] });
    const l = links(res.link);
    expect(Object.keys(l)).toEqual(['first']);
    expect(l.first?.searchParams.get('page_size')).toBe('10');
  });

  it('case=newest first, default page size 10, keyset pages cover everything once', async () => {
    setup();
    const ids = await queueMany(23);
    const first = await get('/admin/courier/messages');
    expect((first.body as Json[]).map((m) => m.id)).toEqual([...ids].reverse().slice(0, 10));
    const seen: string[] = [];
    let path: string | undefined = '/admin/courier/messages?page_size=7';
    let pages = 0;
    while (path) {
      const res = await get(path);
      seen.push(...(res.body as Json[]).map((m) => m.id as string));
      const next = links(res.link).next;
      path = next ? `${next.pathname}${next.search}` : undefined;
      pages++;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual([...ids].reverse());
  });

  it('case=messages created in the same millisecond are ordered by id and never skipped', async () => {
    setup();
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push(
        (
          await h.courier.queueEmail({
            templateType: 'login_code_valid',
            model: { To: 'a@b.c', LoginCode: '1' },
          })
        ).id,
      );
    const seen: string[] = [];
    let path: string | undefined = '/admin/courier/messages?page_size=2';
    while (path) {
      const res = await get(path);
      seen.push(...(res.body as Json[]).map((m) => m.id as string));
      const next = links(res.link).next;
      path = next ? `${next.pathname}${next.search}` : undefined;
    }
    expect(seen).toEqual([...ids].sort());
  });

  it.each([
    ['0', '10'],
    ['-3', '10'],
    ['1000', '500'],
    ['3', '3'],
  ])('case=page_size=%s is read as %s', async (given, used) => {
    setup();
    const res = await get(`/admin/courier/messages?page_size=${given}`);
    expect(links(res.link).first?.searchParams.get('page_size')).toBe(used);
  });

  it('case=status and recipient filters', async () => {
    setup();
    const ids = await queueMany(4, (i) => (i % 2 === 0 ? 'even@example.com' : 'odd@example.com'));
    h.persister.setMessageStatus(ids[0] as string, 'sent', h.clock.now().toISOString());
    const sent = await get('/admin/courier/messages?status=sent');
    expect((sent.body as Json[]).map((m) => m.id)).toEqual([ids[0]]);
    const queued = await get('/admin/courier/messages?status=queued');
    expect((queued.body as Json[]).every((m) => m.status === 'queued')).toBe(true);
    expect(queued.body).toHaveLength(3);
    const odd = await get('/admin/courier/messages?recipient=odd%40example.com');
    expect((odd.body as Json[]).map((m) => m.id)).toEqual([ids[3], ids[1]]);
    const both = await get('/admin/courier/messages?recipient=even@example.com&status=queued');
    expect((both.body as Json[]).map((m) => m.id)).toEqual([ids[2]]);
    const none = await get('/admin/courier/messages?recipient=');
    expect(none.body).toHaveLength(4);
  });

  it('case=dev mode shows bodies and subjects', async () => {
    setup({ dev: true });
    await queueMany(1);
    const [m] = (await get('/admin/courier/messages')).body as Json[];
    expect(m).toMatchObject({
      type: 'email',
      channel: 'email',
      template_type: 'recovery_code_valid',
      subject: 'Use code 123456 to recover access to your account',
      send_count: 0,
      status: 'queued',
    });
    expect(m?.body).toMatch(/^Recover access to your account by entering the following code:/);
    expect(m).not.toHaveProperty('dispatches');
  });

  it('case=outside dev mode bodies and subjects are redacted, in the list and one by one', async () => {
    setup({ dev: false });
    const [id] = await queueMany(1);
    const list = (await get('/admin/courier/messages')).body as Json[];
    expect(list[0]).toMatchObject({
      body: '<redacted-unless-dev-mode>',
      subject: '<redacted-unless-dev-mode>',
    });
    const one = (await get(`/admin/courier/messages/${id}`)).body as Json;
    expect(one).toMatchObject({ body: '<redacted-unless-dev-mode>', subject: '<redacted-unless-dev-mode>' });
  });

  it('case=sms messages list with type sms', async () => {
    setup();
    await h.courier.queueSms({
      templateType: 'login_code_valid',
      model: { To: '+15550100', LoginCode: '123456' },
    });
    const [m] = (await get('/admin/courier/messages')).body as Json[];
    expect(m).toMatchObject({ type: 'sms', channel: 'sms', subject: '', recipient: '+15550100' });
  });
});

describe('GET /admin/courier/messages/{id}', () => {
  it('case=one message with dispatches, newest first', async () => {
    setup();
    const [id] = await queueMany(1);
    await h.dispatcher.dispatchQueue();
    const res = await get(`/admin/courier/messages/${id}`);
    expect(res.status).toBe(200);
    const m = res.body as Json;
    expect(m).toMatchObject({ id, status: 'sent', send_count: 1 });
    expect(m.dispatches).toEqual([
      expect.objectContaining({ message_id: id, status: 'success', created_at: expect.any(String) }),
    ]);
  });

  it('case=the id is accepted in the forms gofrs/uuid reads', async () => {
    setup();
    const [id] = await queueMany(1);
    const res = await get(`/admin/courier/messages/${(id as string).toUpperCase().replaceAll('-', '')}`);
    expect((res.body as Json).id).toBe(id);
  });
});

describe('bad input is a Kratos 4xx, never a 5xx', () => {
  it.each([
    [
      '/admin/courier/messages?status=bogus',
      400,
      {
        code: 400,
        status: 'Bad Request',
        reason: 'Message status is not valid',
        message: 'The request was malformed or contained invalid parameters',
      },
    ],
    ['/admin/courier/messages?status=', 400, { code: 400, reason: 'Message status is not valid' }],
    ['/admin/courier/messages?page_token=tampered', 400, { code: 400, message: 'invalid pagination token' }],
    ['/admin/courier/messages?page_token=%00%FF', 400, { code: 400, message: 'invalid pagination token' }],
    [
      '/admin/courier/messages?page_size=abc',
      400,
      { code: 400, message: 'strconv.Atoi: parsing "abc": invalid syntax' },
    ],
    [
      '/admin/courier/messages/foo',
      400,
      { code: 400, status: 'Bad Request', message: 'uuid: incorrect UUID length 3 in string "foo"' },
    ],
    [
      '/admin/courier/messages/6ba7b810-9dad-11d1-80b4-00c04fd430c8',
      404,
      { code: 404, status: 'Not Found', message: 'Unable to locate the resource' },
    ],
  ])('case=%s', async (path, status, error) => {
    setup();
    const res = await get(path);
    expect(res.status).toBe(status);
    expect((res.body as { error: Json }).error).toMatchObject(error);
  });

  it('case=a real token with one character changed', async () => {
    setup();
    await queueMany(3);
    const next = links((await get('/admin/courier/messages?page_size=1')).link).next;
    const token = next?.searchParams.get('page_token') ?? '';
    const flipped = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const res = await get(`/admin/courier/messages?page_token=${flipped}`);
    expect(res.status).toBe(400);
    expect((res.body as { error: Json }).error.message).toBe('invalid pagination token');
  });

  it('case=a token sealed for another list is refused', async () => {
    setup();
    const foreign = new PageTokenSealer(h.config.secretsPagination(), 'identities').seal(
      JSON.stringify({ c: '2200-01-01T00:00:00.000Z', i: '00000000-0000-0000-0000-000000000000', e: 9e15 }),
    );
    const res = await get(`/admin/courier/messages?page_token=${foreign}`);
    expect(res.status).toBe(400);
  });

  it('case=tokens expire after an hour', async () => {
    setup();
    await queueMany(3);
    const next = links((await get('/admin/courier/messages?page_size=1')).link).next;
    h.clock.advance(61 * 60_000);
    const res = await get(`${next?.pathname}${next?.search}`);
    expect(res.status).toBe(400);
    expect((res.body as { error: Json }).error.message).toBe(
      'page token expired, do not persist page tokens',
    );
  });
});
