// The composition root: builds every component from the configuration. The only file that imports every
// domain (ARCHITECTURE.md layout); everything else receives small provider interfaces.
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import { healthHandlers } from '../health/handler';
import { createHasher } from '../hash/hasher';
import type { Hasher, HashersConfig } from '../hash/model';
import { buildApp, redirectTo } from '../http/app';
import { PageTokenSealer } from '../http/pagination';
import { routeTable } from '../http/routes';
import { type CredentialsCounter, defaultCounters } from '../identity/counter';
import { codeCredentialsCounter } from '../selfservice/strategy/code/counter';
import { identityHandlers } from '../identity/handler';
import { identityMutationHandlers } from '../identity/handler-mutations';
import { IdentityManager } from '../identity/manager';
import type { IdentityPersister } from '../identity/persister';
import type { Logger } from '../logger';
import { openDatabase, type SqliteDatabase } from '../persistence/sqlite/database';
import { SqliteIdentityPersister } from '../persistence/sqlite/identity';
import { SqliteSessionPersister } from '../persistence/sqlite/session';
import { adminSessionHandlers } from '../session/handler-admin';
import { sessionHandlers } from '../session/handler';
import { SessionManager } from '../session/manager';
import type { SessionPersister } from '../session/persister';
import type { FetchLike } from '../selfservice/strategy/password/hibp';
import { buildSelfService, type SelfService } from './selfservice';
import { uiPageHandlers } from '../selfservice/ui/handler';
import { createCourier, type CourierModule } from '../courier';
import { SqliteMailSinkPersister } from '../persistence/sqlite/mailsink';
import type { MailSinkPersister } from '../mailsink';
import { schemaHandlers } from '../schema/handler';
import { IdentitySchemaRegistry } from '../schema/registry';
import type { Hono } from 'hono';
import { LiveEventBus } from '../events/bus';
import { publishIdentityWrites, publishSessionWrites } from '../events/wiring';

export interface RegistryOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** Replaces the configured hasher (tests use a fast one). */
  hasher?: Hasher;
  nativeBinding?: string;
  /** Replaces fetch for HaveIBeenPwned lookups. */
  hibpFetch?: FetchLike;
}

export interface Registry {
  config: Config;
  clock: Clock;
  logger: Logger;
  database: SqliteDatabase;
  schemas: IdentitySchemaRegistry;
  hasher: Hasher;
  identityPersister: IdentityPersister;
  identityManager: IdentityManager;
  credentialsCounters: CredentialsCounter[];
  sessionPersister: SessionPersister;
  sessionManager: SessionManager;
  selfService: SelfService;
  courier: CourierModule;
  mailSinkStore: MailSinkPersister;
  /** Live events of this server (D11): what changed, for the console's live screens. */
  events: LiveEventBus;
  publicApp: Hono;
  adminApp: Hono;
  close(): void;
}

export async function createRegistry(opts: RegistryOptions): Promise<Registry> {
  const { config, clock, logger } = opts;
  const schemas = await IdentitySchemaRegistry.load(config);
  const hasher =
    opts.hasher ?? createHasher(config.get<HashersConfig>('hashers', {}), { dev: config.isDev() });
  const database = openDatabase(
    config.dsn(),
    opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {},
  );
  const events = new LiveEventBus(clock, logger);
  const identityPersister = publishIdentityWrites(new SqliteIdentityPersister(database), events);
  const credentialsCounters = [...defaultCounters, codeCredentialsCounter(config)];
  const publicBaseURL = (): URL => config.baseURL('public');
  const adminBaseURL = (): URL => config.baseURL('admin');
  const identityManager = new IdentityManager({
    identityPersister,
    clock,
    schemas,
    credentialsCounters,
    publicBaseHref: () => config.baseHref('public'),
  });

  const courier = createCourier({ config, database, clock, logger });
  const mailSinkStore = new SqliteMailSinkPersister(database);
  const sessionPersister = publishSessionWrites(new SqliteSessionPersister(database), events);
  const sessionManager = new SessionManager({ sessionPersister, clock, config });
  const schemaUrl = (id: string): string => identityManager.schemaUrl(id);
  const sessionDeps = {
    sessionPersister,
    sessionManager,
    identityPersister,
    clock,
    config,
    schemaUrl,
    sessionPageTokens: new PageTokenSealer(config.secretsPagination(), 'sessions'),
  };

  const selfService = buildSelfService({
    config,
    clock,
    logger,
    database,
    schemas,
    hasher,
    identityPersister,
    identityManager,
    sessionPersister,
    sessionManager,
    courier: courier.courier,
    schemaUrl,
    ...(opts.hibpFetch ? { hibpFetch: opts.hibpFetch } : {}),
    credentialsCounters,
  });

  const identityDeps = {
    identityManager,
    identityPersister,
    hasher,
    identityPageTokens: new PageTokenSealer(config.secretsPagination(), 'identities'),
    adminBaseURL,
    credentialsCounters,
  };
  // The built-in UI reads flows through the public API in-process, as an external UI would over HTTP.
  let publicApp: Hono | undefined;
  const uiPages = uiPageHandlers({
    publicBaseURL,
    recoveryEnabled: () => config.get('selfservice.flows.recovery.enabled', false),
    fetchPublic: async (path, init) =>
      (publicApp as Hono).request(new URL(path, publicBaseURL()).toString(), init),
  });
  const routes = routeTable({
    uiPages,
    health: healthHandlers({ readyChecks: { database: () => database.db.prepare('SELECT 1').get() } }),
    schema: schemaHandlers({ schemas }),
    identity: { ...identityHandlers(identityDeps), ...identityMutationHandlers(identityDeps) },
    session: sessionHandlers(sessionDeps),
    selfService: selfService.handlers,
    adminSession: adminSessionHandlers(sessionDeps),
    courier: courier.handlers,
    toAdmin: redirectTo(adminBaseURL, 'admin'),
    toPublic: redirectTo(publicBaseURL, 'public'),
  });

  return {
    config,
    clock,
    logger,
    database,
    schemas,
    hasher,
    identityPersister,
    identityManager,
    credentialsCounters,
    sessionPersister,
    sessionManager,
    selfService,
    courier,
    mailSinkStore,
    events,
    publicApp: (publicApp = buildApp('public', routes, logger, config.publicCors())),
    adminApp: buildApp('admin', routes, logger),
    close: () => database.close(),
  };
}
