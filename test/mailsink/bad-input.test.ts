// Bad input on every HTTP endpoint of the sink: unknown ids, odd paths, bad query parameters, malformed
// and oversized bodies. Each gets its documented answer (a 4xx, or MailHog's own quirk), never an
// unexpected 500, and the stored mail and SMS stay intact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSink, type TestSink } from './helpers';

let t: TestSink;
let mailhogId = '';
let sinkId = '';

beforeAll(async () => {
  t = await startTestSink({ maxSmsBytes: 2048 });
  await t.transport().sendMail({
    from: 'a@x.test',
    to: 'b@y.test',
    subject: 'precious',
    text: 'keep me',
    attachments: [{ filename: 'f.txt', content: 'file' }],
  });
  await t.get('/api/v1/sms', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"to":"+1","body":"sms"}',
  });
  const [m] = t.store.listMail({});
  mailhogId = encodeURIComponent(m?.mailhogId ?? '');
  sinkId = m?.id ?? '';
});
afterAll(() => t.close());

const big = 'x'.repeat(2 * 1024 * 1024);
const json = { 'content-type': 'application/json' };

// [case, method, path, body, headers, expected status]
const cases: [string, string, string, string | undefined, Record<string, string>, number][] = [
  // MailHog v1/v2 (quirks: GET unknown is 200 null, DELETE unknown is 500, bad release body is 500)
  ['mailhog get unknown', 'GET', '/api/v1/messages/unknown', undefined, {}, 200],
  ['mailhog get bad escape', 'GET', '/api/v1/messages/%E0%A4%A', undefined, {}, 200],
  ['mailhog delete unknown', 'DELETE', '/api/v1/messages/unknown', undefined, {}, 500],
  ['mailhog download unknown', 'GET', '/api/v1/messages/unknown/download', undefined, {}, 404],
  ['mailhog part of unknown', 'GET', '/api/v1/messages/unknown/mime/part/0/download', undefined, {}, 404],
  ['mailhog part out of range', 'GET', `/api/v1/messages/${'ID'}/mime/part/42/download`, undefined, {}, 404],
  ['mailhog part negative', 'GET', `/api/v1/messages/${'ID'}/mime/part/-1/download`, undefined, {}, 404],
  ['mailhog release unknown', 'POST', '/api/v1/messages/unknown/release', '{}', json, 404],
  ['mailhog release garbage', 'POST', `/api/v1/messages/${'ID'}/release`, '{"host":', json, 500],
  ['mailhog release wrong types', 'POST', `/api/v1/messages/${'ID'}/release`, '{"save":"yes"}', json, 500],
  ['mailhog release oversized', 'POST', `/api/v1/messages/${'ID'}/release`, big, json, 413],
  [
    'mailhog release unknown server',
    'POST',
    `/api/v1/messages/${'ID'}/release`,
    '{"name":"nope"}',
    json,
    400,
  ],
  ['mailhog delete-all garbage body', 'DELETE', '/api/v1/messages', 'garbage', {}, 400],
  ['mailhog delete-all wrong IDs type', 'DELETE', '/api/v1/messages', '{"IDs":"x"}', json, 400],
  ['mailhog delete-all oversized body', 'DELETE', '/api/v1/messages', big, {}, 413],
  ['mailhog v2 paging junk', 'GET', '/api/v2/messages?start=x&limit=-1', undefined, {}, 200],
  ['mailhog v2 huge start', 'GET', '/api/v2/messages?start=99999999999999999999', undefined, {}, 200],
  ['mailhog search bad kind', 'GET', '/api/v2/search?kind=subject&query=x', undefined, {}, 400],
  ['mailhog search no query', 'GET', '/api/v2/search?kind=to', undefined, {}, 400],
  ['mailhog search bad escape', 'GET', '/api/v2/search?kind=to&query=%ZZ', undefined, {}, 200],
  ['mailhog jim post', 'POST', '/api/v2/jim', '{}', json, 501],
  ['mailhog websocket without upgrade', 'GET', '/api/v2/websocket', undefined, {}, 400],
  // MailSlurper
  ['slurper bad page', 'GET', '/mail?pageNumber=1.5', undefined, {}, 400],
  ['slurper negative page', 'GET', '/mail?pageNumber=-3', undefined, {}, 200],
  ['slurper bad dates', 'GET', '/mail?start=2026-02-30&end=x', undefined, {}, 200],
  ['slurper unknown item', 'GET', '/mail/unknown', undefined, {}, 404],
  ['slurper unknown message', 'GET', '/mail/unknown/message', undefined, {}, 404],
  ['slurper unknown attachment', 'GET', `/mail/${'SID'}/attachment/unknown`, undefined, {}, 404],
  ['slurper prune garbage', 'DELETE', '/mail', '{"pruneCode":', json, 400],
  ['slurper prune unknown code', 'DELETE', '/mail', '{"pruneCode":"1000plus"}', json, 400],
  ['slurper prune no body', 'DELETE', '/mail', undefined, {}, 400],
  ['slurper prune oversized', 'DELETE', '/mail', big, json, 413],
  // Mailpit
  ['mailpit unknown message', 'GET', '/mailpit/api/v1/message/unknown', undefined, {}, 404],
  ['mailpit unknown headers', 'GET', '/api/v1/message/unknown/headers', undefined, {}, 404],
  ['mailpit unknown raw', 'GET', '/api/v1/message/unknown/raw', undefined, {}, 404],
  ['mailpit unknown part', 'GET', `/api/v1/message/${'SID'}/part/9.9`, undefined, {}, 404],
  ['mailpit bad view suffix', 'GET', `/view/${'SID'}.pdf`, undefined, {}, 404],
  ['mailpit unknown view', 'GET', '/mailpit/view/unknown.txt', undefined, {}, 404],
  ['mailpit empty search', 'GET', '/mailpit/api/v1/search', undefined, {}, 400],
  ['mailpit empty delete search', 'DELETE', '/api/v1/search?query=', undefined, {}, 400],
  ['mailpit odd search', 'GET', '/api/v1/search?query=%22%22%22%20-%20!%20larger%3A', undefined, {}, 200],
  [
    'mailpit paging junk',
    'GET',
    '/mailpit/api/v1/messages?start=-1&limit=x&before=never',
    undefined,
    {},
    200,
  ],
  ['mailpit delete garbage', 'DELETE', '/mailpit/api/v1/messages', 'garbage', {}, 400],
  ['mailpit put garbage', 'PUT', '/mailpit/api/v1/messages', '{', json, 400],
  ['mailpit put wrong types', 'PUT', '/api/v1/messages', '{"Read":"yes"}', json, 400],
  ['mailpit put not an object', 'PUT', '/api/v1/messages', '[]', json, 400],
  ['mailpit put oversized', 'PUT', '/api/v1/messages', big, json, 413],
  // SMS and Gatehouse
  ['sms array', 'POST', '/api/v1/sms', '[]', json, 400],
  ['sms malformed', 'POST', '/sms', '{"to":', json, 400],
  ['sms oversized', 'POST', '/api/v1/sms', big, json, 413],
  ['sms unsupported type', 'POST', '/api/v1/sms', '<sms/>', { 'content-type': 'application/xml' }, 415],
  ['gatehouse bad limit', 'GET', '/api/gatehouse/v1/messages?limit=0', undefined, {}, 400],
  ['gatehouse bad offset', 'GET', '/api/gatehouse/v1/sms?offset=x', undefined, {}, 400],
  ['gatehouse unknown message', 'GET', '/api/gatehouse/v1/messages/%ZZ', undefined, {}, 404],
  [
    'gatehouse unknown attachment',
    'GET',
    `/api/gatehouse/v1/messages/${'SID'}/attachments/nope`,
    undefined,
    {},
    404,
  ],
  ['gatehouse unknown sms delete', 'DELETE', '/api/gatehouse/v1/sms/nope', undefined, {}, 404],
  // Anything else
  ['unknown path', 'GET', '/api/v9/nothing', undefined, {}, 404],
  ['unknown method', 'PATCH', '/api/v1/messages', '{}', json, 404],
];

describe('bad input', () => {
  it.each(cases)('case=%s', async (_name, method, path, body, headers, status) => {
    const url = path.replace('ID', mailhogId).replace('SID', sinkId);
    const res = await t.get(url, { method, headers, ...(body !== undefined ? { body } : {}) });
    expect(res.status).toBe(status);
    await res.arrayBuffer();
    // Nothing was lost.
    expect(t.store.countMail()).toBe(1);
    expect(t.store.countSms()).toBe(1);
    expect(t.store.listMail({})[0]?.subject).toBe('precious');
  });

  it("case=the release endpoint survives an unreachable target with a 500, MailHog's answer", async () => {
    const res = await t.get(`/api/v1/messages/${mailhogId}/release`, {
      method: 'POST',
      body: JSON.stringify({ host: '127.0.0.1', port: '1', email: 'x@y.test' }),
    });
    expect(res.status).toBe(500);
    expect(t.store.countMail()).toBe(1);
  });
});
