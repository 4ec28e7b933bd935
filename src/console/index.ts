// createConsoleBackend(options): the console backend on loopback (default port 4400), hosted by the CLI
// (`gatehouse serve`) and by Electron's main process (ARCHITECTURE.md D4, D9).
import type { ConsoleInfo, EmbeddedOverview } from '../shared/console-api';
import { GATEHOUSE_VERSION } from '../server/health/handler';
import { listen, type Listening } from '../server/http/listen';
import type { Registry } from '../server/registry';
import { buildConsoleApp } from './app';
import { liveEventsHandler } from './events';
import { AccessGate, generateAccessToken } from './auth';
import { ConnectionRegistry } from './connections/registry';
import { plainFileCipher, type SecretCipher, SecretVault } from './connections/secrets';
import type { FetchLike } from './proxy/upstream';

export const DEFAULT_CONSOLE_PORT = 4400;
const HOST = '127.0.0.1';

/** What the backend needs from an embedded server (GatehouseServer satisfies it). */
export interface EmbeddedServerHandle {
  urls: { public: string; admin: string };
  warnings: string[];
  registry?: Pick<Registry, 'identityPersister' | 'schemas' | 'events'>;
}

export interface ConsoleBackendOptions {
  embedded?: EmbeddedServerHandle;
  /** Where console/connections.json and console/secrets.json live; without it, nothing is saved. */
  dataDir?: string;
  /** Default 4400; 0 picks a free port. */
  port?: number;
  /** Defaults to a fresh random token. */
  token?: string;
  /** Electron injects a safeStorage-backed cipher; the CLI stores keys in a 0600 file. */
  secretCipher?: SecretCipher;
  /** The built renderer to serve (out/renderer). */
  rendererDir?: string;
  host: 'desktop' | 'browser';
  /** Origins besides the console's own that may call the API (the Vite dev server). */
  extraOrigins?: string[];
  fetch?: FetchLike;
  now?: () => number;
}

export interface ConsoleBackend {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  token: string;
  /** The URL to open: exchanges the token for the console cookie, then drops it from the address bar. */
  launchUrl: string;
  close(): Promise<void>;
}

export async function createConsoleBackend(options: ConsoleBackendOptions): Promise<ConsoleBackend> {
  const token = options.token ?? generateAccessToken();
  let port = options.port ?? DEFAULT_CONSOLE_PORT;
  const cipher = options.secretCipher ?? plainFileCipher(options.dataDir);
  const vault = new SecretVault(options.dataDir, cipher);
  const connections = new ConnectionRegistry({
    dataDir: options.dataDir,
    vault,
    embedded: options.embedded,
    ...(options.now ? { now: options.now } : {}),
  });
  const embedded = options.embedded;
  const info = (): ConsoleInfo => ({
    gatehouseVersion: GATEHOUSE_VERSION,
    host: options.host,
    secretStorage: { kind: cipher.kind, description: cipher.description },
    dataDir: options.dataDir ?? null,
    embedded: {
      publicUrl: embedded?.urls.public ?? '',
      adminUrl: embedded?.urls.admin ?? '',
      warnings: embedded?.warnings ?? [],
    },
  });
  const registry = embedded?.registry;
  const overview = registry
    ? (): EmbeddedOverview => ({
        publicUrl: embedded.urls.public,
        adminUrl: embedded.urls.admin,
        dataDir: options.dataDir ?? null,
        identityCount: registry.identityPersister.countIdentities(),
        schemaIds: registry.schemas.list().map((s) => s.id),
        defaultSchemaId: registry.schemas.defaultId,
        warnings: embedded.warnings,
      })
    : undefined;
  const embeddedPasswordHash = registry
    ? (id: string): string | undefined => {
        const hash = registry.identityPersister.getIdentity(id, { withCredentials: true })?.credentials
          .password?.config.hashed_password;
        return typeof hash === 'string' && hash !== '' ? hash : undefined;
      }
    : undefined;

  const live = liveEventsHandler(embedded?.registry?.events);
  const app = buildConsoleApp({
    gate: new AccessGate(token, () => port),
    port: () => port,
    connections,
    info,
    ...(overview ? { overview } : {}),
    ...(embeddedPasswordHash ? { embeddedPasswordHash } : {}),
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
    ...(options.extraOrigins ? { extraOrigins: options.extraOrigins } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    live,
  });
  const listening: Listening = await listen(app, HOST, port);
  port = listening.port;
  const url = `http://${HOST}:${port}`;
  return {
    url,
    port,
    token,
    launchUrl: `${url}/?token=${token}`,
    close: () => {
      live.closeAll();
      return listening.close();
    },
  };
}

export { plainFileCipher, type SecretCipher } from './connections/secrets';
