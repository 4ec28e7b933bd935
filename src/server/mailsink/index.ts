// The capturing mail and SMS sink: an SMTP server that stores every message it is given, and one HTTP port
// with the MailHog v1/v2, MailSlurper and Mailpit APIs, the SMS sink and Gatehouse's own JSON and event
// stream. The composition root starts it with startMailSink(); nothing here reads configuration.
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { buildMailSinkApp } from './app';
import type { ApiContext } from './context';
import { MailSinkEventBus, type MailSinkEvents } from './events';
import { MailHogLive } from './mailhog-live';
import { MailSinkManager } from './manager';
import type { MailSinkPersister } from './persister';
import { type HttpListening, serveHttp } from './serve';
import { type SmtpListening, startSmtp } from './smtp';
import { SseStreams } from './sse';
import { type KeyAndCert, selfSignedCertificate } from './tls';
import { WebSockets } from './websocket';
import { MAILHOG_PATHS } from './mailhog-api';

export type {
  MailSinkEvent,
  MailSinkEventMap,
  MailSinkEvents,
  MailSinkEventType,
  MailSinkListener,
} from './events';
export type { MailDetailJson, MailSummaryJson, SmsJson, AttachmentJson } from './gatehouse-format';
export type { MailSinkPersister, MailSinkPersisterProvider } from './persister';
export type { KeyAndCert } from './tls';
export { SMS_INGEST_PATHS } from './sms';
export { GATEHOUSE_PATHS } from './gatehouse-api';
export { MAILPIT_WEBROOT } from './mailpit-api';

export interface MailSinkDeps {
  store: MailSinkPersister;
  logger: Logger;
  clock: Clock;
}

export interface MailSinkOptions {
  /** Interface for both listeners; Gatehouse binds 127.0.0.1 unless told otherwise (D9). */
  host: string;
  /** SMTP port (Kratos/MailHog default 1025); 0 picks a free one. */
  smtpPort: number;
  /** Mail API port (MailHog default 8025); 0 picks a free one. */
  apiPort: number;
  /** Largest accepted message (default 25 MiB); larger ones are refused with 552. */
  maxMessageBytes?: number;
  /** MailHog's MH_HOSTNAME: greeting name, MailHog id domain, Received header host (default mailhog.example). */
  hostname?: string;
  /** Largest accepted SMS request body (default 1 MiB). */
  maxSmsBytes?: number;
  /** Offer STARTTLS (default true). */
  starttls?: boolean;
  /** Also accept implicit-TLS (smtps://) clients on the SMTP port (default true). */
  implicitTls?: boolean;
  /** Key and certificate for TLS; default: a self-signed P-256 certificate generated at start. */
  tls?: KeyAndCert;
  /** MailHog's -cors-origin. */
  corsOrigin?: string;
  /** Intervals (ms), for tests: MailHog's EventSource keepalive (60 s), Gatehouse's (15 s), websocket ping (54 s). */
  mailhogKeepaliveMs?: number;
  eventsKeepaliveMs?: number;
  websocketPingMs?: number;
  /** Connect/greeting/socket timeout of MailHog's message release (default 10 s). */
  releaseTimeoutMs?: number;
  /** How long a silent new SMTP connection is waited on before it counts as plain SMTP (default 100 ms). */
  tlsSniffMs?: number;
}

export interface MailSink {
  smtpPort: number;
  apiPort: number;
  urls: { smtp: string; api: string };
  /** Live events (new/deleted mail and SMS), the same ones /api/gatehouse/v1/events streams. */
  events: MailSinkEvents;
  /** The mail API in process (the console backend can forward requests without a socket). */
  fetch(request: Request): Promise<Response>;
  close(): Promise<void>;
}

export const DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
export const DEFAULT_HOSTNAME = 'mailhog.example';

export async function startMailSink(deps: MailSinkDeps, opts: MailSinkOptions): Promise<MailSink> {
  const hostname = opts.hostname ?? DEFAULT_HOSTNAME;
  const maxMessageBytes = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const events = new MailSinkEventBus(deps.logger);
  const manager = new MailSinkManager(deps, events, hostname);
  const sse = new SseStreams();
  const websockets = new WebSockets(opts.websocketPingMs ?? 54_000);
  const mailhogLive = new MailHogLive(manager, sse, websockets, opts.mailhogKeepaliveMs ?? 60_000);
  let ready = true;
  const ctx: ApiContext = {
    manager,
    logger: deps.logger,
    sse,
    mailhogLive,
    outgoing: new Map(),
    releaseTimeoutMs: opts.releaseTimeoutMs ?? 10_000,
    maxSmsBytes: opts.maxSmsBytes ?? 1024 * 1024,
    eventsKeepaliveMs: opts.eventsKeepaliveMs ?? 15_000,
    ready: () => ready,
  };
  const app = buildMailSinkApp(ctx, opts.corsOrigin ? { corsOrigin: opts.corsOrigin } : {});
  const tls = opts.tls ?? selfSignedCertificate([hostname, 'localhost', '127.0.0.1', '::1']);

  let smtp: SmtpListening | undefined;
  let http: HttpListening | undefined;
  try {
    smtp = await startSmtp(manager, deps.logger, {
      host: opts.host,
      port: opts.smtpPort,
      hostname,
      maxMessageBytes,
      tls,
      starttls: opts.starttls ?? true,
      implicitTls: opts.implicitTls ?? true,
      tlsSniffMs: opts.tlsSniffMs ?? 100,
    });
    http = await serveHttp(app, opts.host, opts.apiPort, (req, socket) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== MAILHOG_PATHS.v2Websocket) return false;
      websockets.accept(req, socket);
      return true;
    });
  } catch (err) {
    mailhogLive.close();
    await smtp?.close();
    throw err;
  }
  const urlHost = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  deps.logger.info('mail sink listening', { smtp: smtp.port, api: http.port, host: opts.host });

  let closing: Promise<void> | undefined;
  const smtpListening = smtp;
  const httpListening = http;
  return {
    smtpPort: smtp.port,
    apiPort: http.port,
    urls: { smtp: `smtp://${urlHost}:${smtp.port}`, api: `http://${urlHost}:${http.port}` },
    events,
    fetch: async (request) => app.fetch(request),
    close: () => {
      closing ??= (async () => {
        ready = false;
        mailhogLive.close();
        sse.closeAll();
        await Promise.all([smtpListening.close(), httpListening.close()]);
      })();
      return closing;
    },
  };
}
