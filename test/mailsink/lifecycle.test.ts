// Starting and stopping the sink: port 0, ports in use, and a close() that ends live streams promptly.
import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { MovableClock } from '../../src/server/clock';
import { silentLogger } from '../../src/server/logger';
import { startMailSink } from '../../src/server/mailsink/index';
import { openDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';
import { startTestSink } from './helpers';

describe('lifecycle', () => {
  it('case=close ends event streams and frees both ports; a second close is a no-op', async () => {
    const t = await startTestSink();
    const streams = await Promise.all([t.get('/api/v1/events'), t.get('/api/gatehouse/v1/events')]);
    const readers = streams.map((r) => r.body?.getReader());
    const { smtpPort, apiPort } = t.sink;
    const started = Date.now();
    await t.close();
    expect(Date.now() - started).toBeLessThan(3000);
    for (const reader of readers) {
      const ends = async (): Promise<boolean> => {
        for (;;) {
          const r = await reader?.read().catch(() => ({ done: true }));
          if (!r || r.done) return true;
        }
      };
      expect(await ends()).toBe(true);
    }
    await t.sink.close();
    for (const port of [smtpPort, apiPort]) {
      const server = net.createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('case=an API port in use fails the start and releases the SMTP port', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve()));
    const busy = (blocker.address() as net.AddressInfo).port;
    const db = openDatabase('memory');
    const smtpProbe = net.createServer();
    await new Promise<void>((resolve) => smtpProbe.listen(0, '127.0.0.1', () => resolve()));
    const smtpPort = (smtpProbe.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => smtpProbe.close(() => resolve()));
    await expect(
      startMailSink(
        { store: new SqliteMailSinkPersister(db), logger: silentLogger, clock: new MovableClock() },
        { host: '127.0.0.1', smtpPort, apiPort: busy },
      ),
    ).rejects.toMatchObject({ code: 'EADDRINUSE' });
    const again = net.createServer();
    await new Promise<void>((resolve, reject) => {
      again.once('error', reject);
      again.listen(smtpPort, '127.0.0.1', () => resolve());
    });
    await new Promise<void>((resolve) => again.close(() => resolve()));
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
    db.close();
  });

  it('case=a pooled client connection left open does not hold close() for long', async () => {
    const t = await startTestSink();
    const transport = t.transport({ pool: true, maxConnections: 1 });
    await transport.sendMail({ from: 'a@x.test', to: 'b@y.test', subject: 's', text: 'x' });
    const started = Date.now();
    await t.sink.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await t.close();
  });
});
