// Mail sink benchmark: SMTP ingest throughput over 5 connections (against a bare smtp-server that discards
// messages, measured in the same run) and the latency of the list/search endpoints clients poll.
// Run: `npm run bench mailsink`.
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { MovableClock } from '../src/server/clock';
import { silentLogger } from '../src/server/logger';
import { startMailSink } from '../src/server/mailsink/index';
import { openDatabase } from '../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../src/server/persistence/sqlite/mailsink';
import { type Check, report, time } from './lib';

const MESSAGES = 1000;

async function sendAll(port: number, count: number, attachment?: Buffer): Promise<number> {
  const transport = createTransport({
    host: '127.0.0.1',
    port,
    ignoreTLS: true,
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
  });
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      transport.sendMail({
        from: 'no-reply@ory.kratos.sh',
        to: `user${i}@example.org`,
        subject: `Use code ${100000 + i} to verify your account`,
        text: `Verify your account with the following code: ${100000 + i}`,
        html: `<p>Verify your account with the following code: <b>${100000 + i}</b></p>`,
        ...(attachment ? { attachments: [{ filename: 'a.bin', content: attachment }] } : {}),
      }),
    ),
  );
  const ms = performance.now() - started;
  transport.close();
  return (count / ms) * 1000;
}

async function bareServerRate(count: number, attachment?: Buffer): Promise<number> {
  const server = new SMTPServer({
    authOptional: true,
    disableReverseLookup: true,
    hideSTARTTLS: true,
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => callback());
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const rate = await sendAll((server.server.address() as AddressInfo).port, count, attachment);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return rate;
}

export async function benchMailsink(): Promise<boolean> {
  const db = openDatabase('memory');
  const sink = await startMailSink(
    { store: new SqliteMailSinkPersister(db), logger: silentLogger, clock: new MovableClock() },
    { host: '127.0.0.1', smtpPort: 0, apiPort: 0 },
  );
  const attachment = Buffer.alloc(100 * 1024, 7);
  // Warm both paths up (JIT, connection pools) before measuring.
  await bareServerRate(100, attachment);
  await sendAll(sink.smtpPort, 100, attachment);
  const bareSmall = await bareServerRate(MESSAGES);
  const sinkSmall = await sendAll(sink.smtpPort, MESSAGES);
  const bareLarge = await bareServerRate(200, attachment);
  const sinkLarge = await sendAll(sink.smtpPort, 200, attachment);

  const get = (path: string) => async (): Promise<void> => {
    const res = await fetch(`${sink.urls.api}${path}`);
    await res.arrayBuffer();
  };
  // Newest first: the 200 messages with attachments fill the first pages, the small ones follow.
  const v2 = await time(get('/api/v2/messages?start=200&limit=50'), 50);
  const v2Large = await time(get('/api/v2/messages?limit=50'), 20);
  const search = await time(get('/api/v2/search?kind=to&query=user517%40example.org&limit=1'), 50);
  const containing = await time(get('/api/v2/search?kind=containing&query=100517&limit=1'), 50);
  const slurper = await time(get('/mail'), 50);
  const mailpit = await time(get('/mailpit/api/v1/messages'), 50);
  await sink.close();
  db.close();

  const rows = [
    {
      case: 'ingest small (msg/s)',
      sink: sinkSmall.toFixed(0),
      bare: bareSmall.toFixed(0),
      ratio: (sinkSmall / bareSmall).toFixed(2),
    },
    {
      case: 'ingest 100 KB attachment (msg/s)',
      sink: sinkLarge.toFixed(0),
      bare: bareLarge.toFixed(0),
      ratio: (sinkLarge / bareLarge).toFixed(2),
    },
    {
      case: 'GET /api/v2/messages 50 small p50/p95 ms',
      sink: `${v2.p50.toFixed(1)}/${v2.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
    {
      case: 'GET /api/v2/messages 50 x 140 KB p50/p95 ms',
      sink: `${v2Large.p50.toFixed(1)}/${v2Large.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
    {
      case: 'GET /api/v2/search to, 1,300 stored p50/p95 ms',
      sink: `${search.p50.toFixed(1)}/${search.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
    {
      case: 'GET /api/v2/search containing p50/p95 ms',
      sink: `${containing.p50.toFixed(1)}/${containing.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
    {
      case: 'GET /mail (50 items) p50/p95 ms',
      sink: `${slurper.p50.toFixed(1)}/${slurper.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
    {
      case: 'GET /mailpit/api/v1/messages p50/p95 ms',
      sink: `${mailpit.p50.toFixed(1)}/${mailpit.p95.toFixed(1)}`,
      bare: '',
      ratio: '',
    },
  ];
  // Ratios against the bare server carry the verdict: absolute rates swing with the load of a shared machine.
  const checks: Check[] = [
    {
      name: 'small-message ingest vs bare smtp-server',
      value: sinkSmall / bareSmall,
      target: '>= 0.25',
      ok: sinkSmall / bareSmall >= 0.25,
    },
    {
      name: '100 KB-attachment ingest vs bare smtp-server',
      value: sinkLarge / bareLarge,
      target: '>= 0.15',
      ok: sinkLarge / bareLarge >= 0.15,
    },
    {
      name: 'MailHog v2 page of 50 small messages, p95 ms',
      value: v2.p95,
      target: '<= 100',
      ok: v2.p95 <= 100,
    },
    { name: 'MailHog v2 search (to), p95 ms', value: search.p95, target: '<= 50', ok: search.p95 <= 50 },
  ];
  return report('mail sink', rows, checks);
}
