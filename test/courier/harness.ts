// A courier on an in-memory database with a frozen clock and a capturing logger, for unit and
// integration tests (ARCHITECTURE.md convention 10).
import { MovableClock } from '../../src/server/clock';
import { Config, type RawConfig } from '../../src/server/config/config';
import { type Channel, DispatchFailure } from '../../src/server/courier/channels';
import { internalError } from '../../src/server/courier/channels/channel';
import { type CourierModule, type CourierModuleOptions, createCourier } from '../../src/server/courier';
import type { Message } from '../../src/server/courier/model';
import type { Logger } from '../../src/server/logger';
import { openDatabase, type SqliteDatabase } from '../../src/server/persistence/sqlite/database';

export interface LogLine {
  level: string;
  msg: string;
  fields: Record<string, unknown>;
}

export interface Harness extends CourierModule {
  config: Config;
  database: SqliteDatabase;
  clock: MovableClock;
  logs: LogLine[];
  closeAll(): Promise<void>;
}

export function captureLogger(lines: LogLine[]): Logger {
  const log =
    (level: string) =>
    (msg: string, fields: Record<string, unknown> = {}): void => {
      lines.push({ level, msg, fields });
    };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

export function courierConfig(raw: RawConfig = {}, dev = true, file?: string): Config {
  return new Config(
    {
      dsn: 'memory',
      serve: {
        public: { base_url: 'http://127.0.0.1:4433/' },
        admin: { base_url: 'http://127.0.0.1:4434/' },
      },
      secrets: { default: ['a-test-secret-that-is-long-enough'] },
      ...raw,
    },
    { dev, ...(file ? { file } : {}) },
  );
}

export function createHarness(
  raw: RawConfig = {},
  opts: CourierModuleOptions & {
    dev?: boolean;
    database?: SqliteDatabase;
    clock?: MovableClock;
    file?: string;
  } = {},
): Harness {
  const config = courierConfig(raw, opts.dev ?? true, opts.file);
  const database = opts.database ?? openDatabase('memory');
  const clock = opts.clock ?? new MovableClock();
  if (!opts.clock) clock.freeze(new Date('2026-11-21T10:00:00.000Z'));
  const logs: LogLine[] = [];
  const module = createCourier({ config, database, clock, logger: captureLogger(logs) }, opts);
  return Object.assign(module, {
    config,
    database,
    clock,
    logs,
    async closeAll() {
      await module.close();
      if (!opts.database) database.close();
    },
  });
}

/** A channel that records what it sends and fails as told. */
export class FakeChannel implements Channel {
  readonly sent: Message[] = [];
  failuresLeft = 0;
  permanent = false;
  /** Milliseconds each dispatch takes. */
  delayMs = 0;

  constructor(readonly id = 'email') {}

  async dispatch(msg: Message): Promise<void> {
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.permanent)
      throw new DispatchFailure(
        internalError('550 mailbox unavailable', 'failed to send email via smtp'),
        true,
      );
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new DispatchFailure(
        internalError('connect ECONNREFUSED 127.0.0.1:1', 'failed to send email via smtp'),
      );
    }
    this.sent.push(msg);
  }
}

export const recoveryModel = {
  To: 'ada@example.com',
  RecoveryCode: '123456',
  ExpiresInMinutes: 15n,
  RequestURL: 'http://127.0.0.1:4433/self-service/recovery/browser',
  Identity: { id: 'c0a80121-7ac1-4e8e-8d9f-0123456789ab', traits: { email: 'ada@example.com' } },
  TransientPayload: {},
};
