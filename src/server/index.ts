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
}

export interface ServerUrls {
  public: string;
  admin: string;
}

export interface GatehouseServer {
  urls: ServerUrls;
  warnings: string[];
  registry: Registry;
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
  try {
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
    registry.close();
    throw err;
  }

  let closed = false;
  return {
    urls: { public: config.baseURL('public').toString(), admin: config.baseURL('admin').toString() },
    warnings,
    registry,
    clock,
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(listening.map((l) => l.close()));
      registry.close();
    },
  };
}
