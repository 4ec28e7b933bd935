// The per-launch access token (ARCHITECTURE.md D4). The token is exchanged once for an HttpOnly,
// SameSite=Strict cookie: `GET /?token=…` (the URL `gatehouse serve` prints and Electron loads) or
// `POST /api/session {token}` (the renderer's "paste your link" form). Scripts may send
// `Authorization: Bearer <token>` instead. The cookie name carries the port because browsers do not
// scope cookies by port: two consoles on one machine must not overwrite each other.
import { randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie, deleteCookie } from 'hono/cookie';
import { CONSOLE_ERROR_IDS } from '../shared/console-api';
import { ConsoleError, errorResponse } from './errors';

export function generateAccessToken(): string {
  return randomBytes(32).toString('base64url');
}

export function cookieName(port: number): string {
  return `gatehouse_console_${port}`;
}

export class AccessGate {
  private readonly digest: Buffer;

  constructor(
    token: string,
    private readonly port: () => number,
  ) {
    // Compare digests so the comparison is constant-time whatever the candidate's length.
    this.digest = sha256(token);
  }

  matches(candidate: string | undefined): boolean {
    return candidate !== undefined && candidate !== '' && timingSafeEqual(sha256(candidate), this.digest);
  }

  /** The token from the cookie or the Authorization header, if it is the right one. */
  isAuthenticated(c: Context): boolean {
    const header = c.req.header('authorization');
    const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
    return this.matches(getCookie(c, cookieName(this.port()))) || this.matches(bearer);
  }

  issueCookie(c: Context, token: string): void {
    setCookie(c, cookieName(this.port()), token, {
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
      // No Max-Age: a session cookie, as the token itself dies with the process.
    });
  }

  clearCookie(c: Context): void {
    deleteCookie(c, cookieName(this.port()), { path: '/' });
  }

  requireAuth(): MiddlewareHandler {
    return async (c, next) => {
      if (!this.isAuthenticated(c)) {
        return errorResponse(
          c,
          new ConsoleError(
            401,
            CONSOLE_ERROR_IDS.unauthorized,
            'Open the console with the link Gatehouse printed when it started (it carries a per-launch access token).',
            'The console access token is missing or wrong',
          ),
        );
      }
      await next();
    };
  }
}

function sha256(s: string): Buffer {
  return createHash('sha256').update(s, 'utf8').digest();
}
