// Load: 1,000 messages over 5 parallel SMTP connections are all stored and all listed by every API.
import { performance } from 'node:perf_hooks';
import mailhog from 'mailhog';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestSink, type TestSink } from './helpers';

let t: TestSink;

beforeAll(async () => {
  t = await startTestSink();
});
afterAll(() => t.close());

it('case=1,000 messages from 5 parallel connections are all stored and listed', async () => {
  const transport = t.transport({ pool: true, maxConnections: 5, maxMessages: Infinity });
  const started = performance.now();
  const sent = await Promise.all(
    Array.from({ length: 1000 }, (_, i) =>
      transport.sendMail({
        from: `sender${i % 7}@load.test`,
        to: `user${i}@example.org`,
        subject: `load ${i}`,
        text: `Your code is ${String(100000 + i)}`,
        html: `<p>Your code is <b>${String(100000 + i)}</b></p>`,
      }),
    ),
  );
  const sendMs = performance.now() - started;
  expect(sent.every((s) => s.response?.startsWith('250 '))).toBe(true);

  const listStarted = performance.now();
  const mh = mailhog({ host: '127.0.0.1', port: t.sink.apiPort });
  const subjects = new Set<string>();
  const ids = new Set<string>();
  for (let start = 0; start < 1000; start += 250) {
    const page = await mh.messages(start, 250);
    expect(page?.total).toBe(1000);
    expect(page?.count).toBe(250);
    for (const m of page?.items ?? []) {
      subjects.add(m.subject);
      ids.add(m.ID);
    }
  }
  const listMs = performance.now() - listStarted;
  expect(subjects.size).toBe(1000);
  expect(ids.size).toBe(1000);
  expect(subjects.has('load 0') && subjects.has('load 999')).toBe(true);

  const v1 = (await (await t.get('/api/v1/messages')).json()) as unknown[];
  expect(v1).toHaveLength(1000);
  const slurper = (await (await t.get('/mail')).json()) as { totalRecords: number; totalPages: number };
  expect(slurper).toMatchObject({ totalRecords: 1000, totalPages: 20 });
  const pit = (await (await t.get('/mailpit/api/v1/messages?limit=1')).json()) as { total: number };
  expect(pit.total).toBe(1000);
  const found = await mh.search('user517@example.org', 'to');
  expect(found?.items.map((m) => m.text)).toEqual(['Your code is 100517']);

  console.log(
    `mailsink load: 1000 messages over 5 connections in ${sendMs.toFixed(0)} ms ` +
      `(${((1000 / sendMs) * 1000).toFixed(0)} msg/s); 4 MailHog v2 pages of 250 in ${listMs.toFixed(0)} ms`,
  );
}, 20_000);
