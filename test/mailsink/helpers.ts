// Test helpers for the mail sink: a sink on free loopback ports over an in-memory (or file) database with a
// movable clock, nodemailer transports to it, and a raw SMTP client for what nodemailer would not send.
import net from 'node:net';
import tls from 'node:tls';
import { createTransport, type Transporter } from 'nodemailer';
import { MovableClock } from '../../src/server/clock';
import { silentLogger } from '../../src/server/logger';
import { type MailSink, type MailSinkOptions, startMailSink } from '../../src/server/mailsink/index';
import { openDatabase, type SqliteDatabase } from '../../src/server/persistence/sqlite/database';
import { SqliteMailSinkPersister } from '../../src/server/persistence/sqlite/mailsink';

export interface TestSink {
  sink: MailSink;
  db: SqliteDatabase;
  store: SqliteMailSinkPersister;
  clock: MovableClock;
  api: string;
  /** fetch against the mail API. */
  get(path: string, init?: RequestInit): Promise<Response>;
  /** A nodemailer transport to the SMTP port (plain, no STARTTLS unless asked). */
  transport(opts?: Record<string, unknown>): Transporter;
  close(): Promise<void>;
}

export async function startTestSink(opts: Partial<MailSinkOptions> = {}, dsn = 'memory'): Promise<TestSink> {
  const db = openDatabase(dsn);
  const store = new SqliteMailSinkPersister(db);
  const clock = new MovableClock();
  const sink = await startMailSink(
    { store, logger: silentLogger, clock },
    { host: '127.0.0.1', smtpPort: 0, apiPort: 0, ...opts },
  );
  const transports: Transporter[] = [];
  return {
    sink,
    db,
    store,
    clock,
    api: sink.urls.api,
    get: (path, init) => fetch(`${sink.urls.api}${path}`, init),
    transport: (extra = {}) => {
      const t = createTransport({ host: '127.0.0.1', port: sink.smtpPort, ignoreTLS: true, ...extra });
      transports.push(t);
      return t;
    },
    close: async () => {
      for (const t of transports) t.close();
      await sink.close();
      db.close();
    },
  };
}

/** A line-oriented SMTP client over a raw socket: send commands, read replies. */
export class RawSmtp {
  private buffer = '';
  private waiters: (() => void)[] = [];

  private constructor(private socket: net.Socket | tls.TLSSocket) {
    this.listen();
  }

  static async connect(port: number, opts: { tls?: boolean } = {}): Promise<RawSmtp> {
    const socket = opts.tls
      ? tls.connect({ host: '127.0.0.1', port, rejectUnauthorized: false })
      : net.connect({ host: '127.0.0.1', port });
    await new Promise<void>((resolve, reject) => {
      socket.once(opts.tls ? 'secureConnect' : 'connect', () => resolve());
      socket.once('error', reject);
    });
    const client = new RawSmtp(socket);
    await client.reply();
    return client;
  }

  private listen(): void {
    this.socket.setEncoding('latin1');
    this.socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      for (const w of this.waiters.splice(0)) w();
    });
    this.socket.on('close', () => {
      for (const w of this.waiters.splice(0)) w();
    });
  }

  /** The next complete reply (multi-line replies joined), e.g. "250 OK". */
  async reply(timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = /^((?:\d{3}-[^\r\n]*\r\n)*\d{3} [^\r\n]*)\r\n/.exec(this.buffer);
      if (m) {
        this.buffer = this.buffer.slice(m[0].length);
        return m[1] as string;
      }
      if (this.socket.destroyed || Date.now() > deadline)
        throw new Error(`no SMTP reply (buffer: ${this.buffer})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  async command(line: string): Promise<string> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  /** Writes without waiting (large DATA bodies); resolves when flushed to the socket. */
  write(data: string | Buffer): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.write(data)) resolve();
      else this.socket.once('drain', () => resolve());
    });
  }

  /** One whole transaction; `data` is sent as is (dot-stuff it yourself) followed by CRLF.CRLF. */
  async send(from: string, to: string[], data: string): Promise<string> {
    expectCode(await this.command(`MAIL FROM:<${from}>`), '250');
    for (const r of to) expectCode(await this.command(`RCPT TO:<${r}>`), '250');
    expectCode(await this.command('DATA'), '354');
    await this.write(Buffer.from(`${data}\r\n.\r\n`, 'latin1'));
    return this.reply();
  }

  close(): void {
    this.socket.destroy();
  }
}

export function expectCode(reply: string, code: string): void {
  if (!reply.startsWith(code)) throw new Error(`expected ${code}, got: ${reply}`);
}

/** Polls until fn returns a truthy value (mail arrives asynchronously in the e2e tests). */
export async function eventually<T>(fn: () => T | Promise<T>, timeoutMs = 5_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as NonNullable<T>;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
