// DNS-rebinding and CSRF defence: the console answers only requests addressed to a loopback host name on
// its own port, and refuses browser requests that come from any other origin.
import type { MiddlewareHandler } from 'hono';
import { CONSOLE_ERROR_IDS } from '../shared/console-api';
import { ConsoleError, errorResponse } from './errors';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export interface LoopbackGuardOptions {
  /** The port the console listens on (read lazily: it is known only once listening). */
  port(): number;
  /** Extra origins allowed to call the API (the Vite dev server during `electron-vite dev`). */
  extraOrigins?: string[];
}

export function allowedHosts(port: number): string[] {
  return LOOPBACK_NAMES.map((name) => `${name}:${port}`);
}

export function loopbackGuard(opts: LoopbackGuardOptions): MiddlewareHandler {
  return async (c, next) => {
    const hosts = allowedHosts(opts.port());
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!hosts.includes(host)) {
      // A page on evil.example whose name was re-pointed at 127.0.0.1 arrives with Host: evil.example.
      return errorResponse(
        c,
        new ConsoleError(
          421,
          CONSOLE_ERROR_IDS.forbiddenOrigin,
          `The console only answers requests addressed to ${hosts[0]} (or localhost); this one was addressed to "${host}".`,
        ),
      );
    }
    const origin = c.req.header('origin');
    const originOk =
      origin === undefined ||
      hosts.some((h) => origin.toLowerCase() === `http://${h}`) ||
      (opts.extraOrigins ?? []).includes(origin);
    const crossSite = c.req.header('sec-fetch-site') === 'cross-site';
    if (!originOk || crossSite) {
      return errorResponse(
        c,
        new ConsoleError(
          403,
          CONSOLE_ERROR_IDS.forbiddenOrigin,
          'Cross-origin requests to the console are refused.',
        ),
      );
    }
    await next();
  };
}
