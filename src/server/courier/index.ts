// Builds the courier from the configuration: the queue the flows call, the admin handlers and the
// dispatch worker. The registry wires it in (see the report of issue 5):
//
//   const courierModule = createCourier({ config, database, clock, logger }, { defaultSmtpUri });
//   routes: courier: courierModule.handlers
//   start: courierModule.start(); close: await courierModule.close()
import type { Clock } from '../clock';
import type { Config } from '../config/config';
import { PageTokenSealer } from '../http/pagination';
import type { Logger } from '../logger';
import type { SqliteDatabase } from '../persistence/sqlite/database';
import { SqliteCourierPersister } from '../persistence/sqlite/courier';
import type { Channel } from './channels';
import { CourierSettings, DEFAULT_SINK_SMTP_URI } from './config';
import { Dispatcher } from './dispatcher';
import { courierHandlers, type Handler } from './handler';
import { Courier } from './manager';
import type { CourierPersister } from './persister';
import { TemplateLoader } from './templates/loader';
import { TemplateRenderer } from './templates/render';

export { ROUTE_COURIER_MESSAGE, ROUTE_COURIER_MESSAGES } from './handler';
export { Courier, type QueueEmailInput, type QueueSmsInput } from './manager';
export type { Message, MessageStatus, TemplateType } from './model';
export type { EmailModels, EmailTemplateType, SmsModels, SmsTemplateType } from './templates/model';
export type { PreviewInput, PreviewResult } from './templates/preview';
export { CourierError } from './errors';
export { DEFAULT_SINK_SMTP_URI } from './config';

export interface CourierModuleDeps {
  config: Config;
  database: SqliteDatabase;
  clock: Clock;
  logger: Logger;
}

export interface CourierModuleOptions {
  /** SMTP target when courier.smtp.connection_uri is unset: the mail sink's real address. */
  defaultSmtpUri?: string;
  /** SMS target when no `sms` channel is configured, e.g. `http://127.0.0.1:8025/api/v1/sms`. */
  defaultSmsUrl?: string;
  /** Where built-in templates live (defaults to resources/courier/templates). */
  builtinTemplatesDir?: string;
  /** Used by the HTTP channel and for http(s) template URIs (tests). */
  fetch?: typeof fetch;
  /** Replaces delivery (tests, or a host that captures messages itself). */
  channel?: (id: string) => Channel;
}

export interface CourierModule {
  courier: Courier;
  handlers: { list: Handler; get: Handler };
  persister: CourierPersister;
  dispatcher: Dispatcher;
  /** Points the default SMTP target at the sink once its port is known. */
  setDefaultSmtpUri(uri: string): void;
  /** Sends SMS without a configured `sms` channel to this URL (the sink's `/api/v1/sms`). */
  setDefaultSmsUrl(url: string | undefined): void;
  start(): void;
  close(): Promise<void>;
}

export function createCourier(deps: CourierModuleDeps, opts: CourierModuleOptions = {}): CourierModule {
  const defaults: { smtpUri: string; smsUrl?: string | undefined } = {
    smtpUri: opts.defaultSmtpUri ?? DEFAULT_SINK_SMTP_URI,
    smsUrl: opts.defaultSmsUrl,
  };
  const settings = new CourierSettings(deps.config, defaults);
  const persister = new SqliteCourierPersister(deps.database);
  const loader = new TemplateLoader(settings, {
    ...(opts.builtinTemplatesDir ? { builtinDir: opts.builtinTemplatesDir } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
  const courier = new Courier({
    persister,
    settings,
    renderer: new TemplateRenderer(loader),
    clock: deps.clock,
    logger: deps.logger,
    publicBaseURL: () => deps.config.baseURL('public'),
  });
  const dispatcher = new Dispatcher({
    persister,
    settings,
    clock: deps.clock,
    logger: deps.logger,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.channel ? { channel: opts.channel } : {}),
  });
  const unsubscribe = courier.onQueued(() => dispatcher.wake());
  const handlers = courierHandlers({
    persister,
    pageTokens: new PageTokenSealer(deps.config.secretsPagination(), 'courier'),
    clock: deps.clock,
    isDev: () => deps.config.isDev(),
  });

  return {
    courier,
    handlers,
    persister,
    dispatcher,
    setDefaultSmtpUri(uri) {
      defaults.smtpUri = uri;
    },
    setDefaultSmsUrl(url) {
      defaults.smsUrl = url;
    },
    start() {
      warnAboutJsonnetBodies(deps.config, deps.logger);
      dispatcher.start();
    },
    async close() {
      unsubscribe();
      await dispatcher.close();
    },
  };
}

/** One warning per configured Jsonnet body: Gatehouse sends Kratos's default body instead. */
function warnAboutJsonnetBodies(config: Config, logger: Logger): void {
  const bodies: [string, unknown][] = [
    ['courier.http.request_config.body', config.get('courier.http.request_config.body', undefined)],
    ...config
      .get<{ id?: string; request_config?: { body?: unknown } }[]>('courier.channels', [])
      .map((c, i): [string, unknown] => [
        `courier.channels.${i}.request_config.body`,
        c.request_config?.body,
      ]),
  ];
  for (const [key, body] of bodies) {
    if (typeof body !== 'string' || body === '') continue;
    logger.warn(
      `${key} is set, but Gatehouse does not evaluate Jsonnet request bodies yet: it sends Kratos's default ` +
        'body {recipient, template_type, to, recovery_code, recovery_url, verification_url, verification_code, ' +
        'subject, body} instead.',
      { key },
    );
  }
}
