// What every API handler of the mail sink receives, and small response helpers shared by them.
import type { Context } from 'hono';
import type { ContentfulStatusCode, StatusCode } from 'hono/utils/http-status';
import type { Logger } from '../logger';
import type { MailHogLive } from './mailhog-live';
import type { MailSinkManager } from './manager';
import type { OutgoingSmtp } from './release';
import type { SseStreams } from './sse';

export interface ApiContext {
  manager: MailSinkManager;
  logger: Logger;
  sse: SseStreams;
  mailhogLive: MailHogLive;
  /** MailHog's saved release servers (in memory, as in MailHog). */
  outgoing: Map<string, OutgoingSmtp>;
  releaseTimeoutMs: number;
  maxSmsBytes: number;
  /** Keepalive interval of the Gatehouse event stream. */
  eventsKeepaliveMs: number;
  /** Readiness of the sink (Mailpit's /readyz): false once closing. */
  ready: () => boolean;
}

/** A response with an exact body and Content-Type (Go servers' bodies are not JSON-normalised). */
export function raw(
  c: Context,
  status: StatusCode,
  body: string | Uint8Array | null,
  contentType?: string,
  headers: Record<string, string> = {},
): Response {
  const h: Record<string, string> = { ...headers };
  if (contentType !== undefined) h['Content-Type'] = contentType;
  if (body === null || status === 204 || status === 304) return c.body(null, status as 204, h);
  return c.body(typeof body === 'string' ? body : new Uint8Array(body), status as ContentfulStatusCode, h);
}

/** strconv.ParseInt(s, 10, 64): undefined for anything Go would refuse. */
export function goParseInt(s: string | undefined): number | undefined {
  if (s === undefined || !/^[+-]?\d+$/.test(s)) return undefined;
  const v = BigInt(s);
  if (v > 9_223_372_036_854_775_807n || v < -9_223_372_036_854_775_808n) return undefined;
  return Number(v);
}

/** Go's text/plain 404 ("404 page not found"), the answer of Go's routers to unknown paths. */
export function goNotFound(c: Context): Response {
  return raw(c, 404, '404 page not found\n', 'text/plain; charset=utf-8', {
    'X-Content-Type-Options': 'nosniff',
  });
}

/**
 * Headers for responses that carry captured content (HTML bodies, parts, raw sources): the mail is
 * untrusted, and the API origin can delete mail, so nothing it contains may run script there.
 */
export const UNTRUSTED_CONTENT_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "sandbox; default-src 'none'; img-src * data:; style-src * 'unsafe-inline'; font-src * data:",
  'X-Content-Type-Options': 'nosniff',
};
