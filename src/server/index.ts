// createServer(options) -> { urls, close }: the embedded Kratos-compatible server, hosted by the CLI
// (`gatehouse serve`), the tests and Electron's main process (ARCHITECTURE.md D3).
import { MovableClock } from './clock';
import type { RawConfig } from './config/config';
import { ensureDefaultConfig } from './config/defaults';
import { loadConfig } from './config/load';
import type { Hasher } from './hash/model';
import type { FetchLike } from './selfservice/strategy/password/hibp';
import { listen, type Listening } from './http/listen';
import { createLogger, type Logger } from './logger';
import { createRegistry, type Registry } from './registry';
import { type MailSink, startMailSink } from './mailsink';
import { bridgeMailSinkEvents } from './events/mail';

export interface ServerOptions {
  /** Path of a kratos.yml/kratos.json. Without it (and without `config`), the data dir's default config. */
  configFile?: string;
  /** A config object instead of a file (tests, the console). */
  config?: RawConfig;
  /** Where the default config and database live. */
  dataDir?: string;
  dev?: boolean;
  /** Environment for Kratos-style overrides (defaults to process.env). */
  env?: NodeJS.ProcessEnv;
  /** Override listen ports (0 picks a free one). */
  ports?: { public?: number; admin?: number };
  logger?: Logger;
  clock?: MovableClock;
  hasher?: Hasher;
  nativeBinding?: string;
  /** Replaces fetch for HaveIBeenPwned lookups (tests). */
  hibpFetch?: FetchLike;
  /** The capturing SMTP and SMS sink (default ports 1025 and 8025; 0 picks free ones); false: none. */
  mailSink?: { smtpPort?: number; apiPort?: number; host?: string } | false;
}

export interface ServerUrls {
  public: string;
  admin: string;
  /** `smtp://127.0.0.1:1025` when the mail sink runs. */
  smtp?: string;
  /** The mail API (MailHog, MailSlurper, Mailpit subset) when the mail sink runs. */
  mailApi?: string;
}

export interface GatehouseServer {
  urls: ServerUrls;
  warnings: string[];
  registry: Registry;
  /** The running mail and SMS sink, when enabled. */
  mailSink: MailSink | undefined;
  clock: MovableClock;
  close(): Promise<void>;
}

export async function createServer(options: ServerOptions = {}): Promise<GatehouseServer> {
  const configFile =
    options.configFile ??
    (options.config ? undefined : options.dataDir ? ensureDefaultConfig(options.dataDir) : undefined);
  if (!configFile && !options.config) throw new Error('createServer needs configFile, config or dataDir');
  const { config, warnings } = loadConfig({
    ...(configFile ? { file: configFile } : { object: options.config }),
    env: options.env ?? process.env,
    dev: options.dev ?? false,
  });
  const logger = options.logger ?? createLogger({ level: config.logLevel(), format: config.logFormat() });
  for (const w of warnings) logger.warn(w);

  const clock = options.clock ?? new MovableClock();
  const registry = await createRegistry({
    config,
    clock,
    logger,
    ...(options.hasher ? { hasher: options.hasher } : {}),
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.hibpFetch ? { hibpFetch: options.hibpFetch } : {}),
  });

  const listening: Listening[] = [];
  let sink: MailSink | undefined;
  try {
    if (options.mailSink !== false) {
      const m = options.mailSink ?? {};
      sink = await startMailSink(
        { store: registry.mailSinkStore, logger, clock },
        { host: m.host ?? '127.0.0.1', smtpPort: m.smtpPort ?? 1025, apiPort: m.apiPort ?? 8025 },
      );
      // The courier delivers to the sink unless courier.smtp.connection_uri says otherwise.
      registry.courier.setDefaultSmtpUri(`${sink.urls.smtp}/?disable_starttls=true`);
      registry.courier.setDefaultSmsUrl(`${sink.urls.api}/api/v1/sms`);
      bridgeMailSinkEvents(sink, registry.events);
    }
    for (const name of ['public', 'admin'] as const) {
      const { host, port } = config.serve(name);
      const l = await listen(
        name === 'public' ? registry.publicApp : registry.adminApp,
        host,
        options.ports?.[name] ?? port,
      );
      config.setBoundPort(name, l.port);
      listening.push(l);
    }
  } catch (err) {
    await Promise.all(listening.map((l) => l.close()));
    await sink?.close();
    registry.close();
    throw err;
  }
  registry.courier.start();

  let closed = false;
  return {
    urls: {
      public: config.baseURL('public').toString(),
      admin: config.baseURL('admin').toString(),
      ...(sink ? { smtp: sink.urls.smtp, mailApi: sink.urls.api } : {}),
    },
    mailSink: sink,
    warnings,
    registry,
    clock,
    async close() {
      if (closed) return;
      closed = true;
      await registry.courier.close();
      await Promise.all(listening.map((l) => l.close()));
      await sink?.close();
      registry.close();
    },
  };
}
