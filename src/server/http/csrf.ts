// Anti-CSRF as Kratos does it with nosurf: a 32-byte token in an HttpOnly cookie named
// `csrf_token_<sha256 hex of the public base URL>`, and a masked copy (one-time pad + XOR, so it differs on
// every render) in each browser flow's `csrf_token` node, posted back as a form field or X-CSRF-Token.
import { createHash, timingSafeEqual } from 'node:crypto';
import { secureRandomBytes } from '../id';
import type { Config } from '../config/config';
import { KratosError } from '../errors/errors';
import { parseCookies, serializeCookie } from './cookies';

const TOKEN_BYTES = 32;
const MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

const REASONS = {
  noCookie: 'The HTTP Cookie Header is empty or not set.',
  cookieMissing: 'The HTTP Cookie Header was set but did not include the anti-CSRF cookie.',
  tokenNotSent:
    'The anti-CSRF cookie was found but the CSRF token was not included in the HTTP request body (csrf_token) nor in the HTTP Header (X-CSRF-Token).',
  tokenMismatch:
    'The HTTP Cookie Header was set and a CSRF token was sent but they do not match. We recommend deleting all cookies for this domain and retrying the flow.',
};
const HINT_AJAX =
  "We detected an AJAX call, please ensure that CORS is enabled and configured correctly, and that your AJAX code sends cookies and has credentials enabled. For further debugging, check your Browser's Network Tab to see what cookies are included or excluded.";
const HINT_SERVER =
  "We detected a regular browser or server-side call. To debug browser calls check your Browser's Network Tab to see what cookies are included or excluded. If you are calling from a server ensure that the appropriate cookies are being forwarded and that the SDK method is called correctly.";

export interface CsrfState {
  /** The raw token from the request's cookie, or a fresh one. */
  token: Buffer;
  /** Set-Cookie header to send when the token is fresh. */
  setCookie?: string;
}

export class Csrf {
  constructor(
    private readonly config: Config,
    private readonly now: () => Date,
  ) {}

  private named?: { base: string; name: string };

  cookieName(): string {
    const base = this.config.baseURL('public').toString();
    if (this.named?.base !== base) {
      this.named = { base, name: `csrf_token_${createHash('sha256').update(base).digest('hex')}` };
    }
    return this.named.name;
  }

  /** The token of the request's CSRF cookie, if it carries a well-formed one. */
  fromRequest(headers: Headers): Buffer | undefined {
    const raw = parseCookies(headers.get('cookie') ?? undefined).get(this.cookieName());
    if (!raw) return undefined;
    const token = Buffer.from(raw, 'base64');
    return token.length === TOKEN_BYTES ? token : undefined;
  }

  /** The request's token, or a new one with the cookie that carries it (nosurf regenerates when missing). */
  ensure(headers: Headers): CsrfState {
    const existing = this.fromRequest(headers);
    return existing ? { token: existing } : this.regenerate();
  }

  regenerate(): CsrfState {
    const token = secureRandomBytes(TOKEN_BYTES);
    return { token, setCookie: this.cookie(token.toString('base64')) };
  }

  /** A masked token for a `csrf_token` node; every call yields a different string for the same token. */
  mask(token: Buffer): string {
    const pad = secureRandomBytes(TOKEN_BYTES);
    const out = Buffer.alloc(TOKEN_BYTES * 2);
    pad.copy(out, 0);
    for (let i = 0; i < TOKEN_BYTES; i++) out[TOKEN_BYTES + i] = (token[i] as number) ^ (pad[i] as number);
    return out.toString('base64');
  }

  /** Whether a (masked or raw) token sent by the client matches the cookie's token, in constant time. */
  matches(cookieToken: Buffer, sent: string | undefined): boolean {
    if (!sent) return false;
    const raw = Buffer.from(sent, 'base64');
    let candidate: Buffer;
    if (raw.length === TOKEN_BYTES * 2) {
      candidate = Buffer.alloc(TOKEN_BYTES);
      for (let i = 0; i < TOKEN_BYTES; i++)
        candidate[i] = (raw[TOKEN_BYTES + i] as number) ^ (raw[i] as number);
    } else if (raw.length === TOKEN_BYTES) {
      candidate = raw;
    } else {
      return false;
    }
    return timingSafeEqual(candidate, cookieToken);
  }

  /** Throws Kratos's 403 security_csrf_violation unless `sent` matches the cookie; the reason says why. */
  verify(headers: Headers, sent: string | undefined, opts: { jsonBody: boolean }): void {
    const cookieToken = this.fromRequest(headers);
    if (cookieToken && this.matches(cookieToken, sent || headers.get('x-csrf-token') || undefined)) return;
    throw this.violation(headers, sent, opts.jsonBody);
  }

  violation(headers: Headers, sent: string | undefined, jsonBody: boolean): KratosError {
    const mode = headers.get('sec-fetch-mode');
    const ajax = mode === 'cors' || mode === 'same-origin';
    const hint = ajax ? HINT_AJAX : HINT_SERVER;
    const base = (details: Record<string, unknown>): KratosError =>
      new KratosError({
        status: 403,
        id: 'security_csrf_violation',
        message: 'the request was rejected to protect you from Cross-Site-Request-Forgery',
        reason:
          'Please retry the flow and optionally clear your cookies. The request was rejected to protect you from Cross-Site-Request-Forgery (CSRF) which could cause account takeover, leaking personal information, and other serious security issues.',
        details: { docs: 'https://www.ory.com/docs/troubleshooting/csrf', ...details },
      });
    if (!headers.get('cookie')) return base({ hint, reject_reason: REASONS.noCookie });
    if (!parseCookies(headers.get('cookie') ?? undefined).has(this.cookieName())) {
      return base({ hint, reject_reason: REASONS.cookieMissing });
    }
    if (!jsonBody && !sent && !headers.get('x-csrf-token')) return base({ hint: REASONS.tokenNotSent });
    return base({ hint, reject_reason: REASONS.tokenMismatch });
  }

  private cookie(value: string): string {
    const s = this.config.cookieSettings('csrf');
    return serializeCookie(
      this.cookieName(),
      value,
      {
        path: s.path,
        ...(s.domain ? { domain: s.domain } : {}),
        maxAge: MAX_AGE_SECONDS,
        httpOnly: true,
        secure: s.secure,
        // nosurf's base cookie: SameSite from config, forced to Lax when the cookie is not Secure.
        sameSite: s.secure ? ((s.sameSite as 'Lax' | 'Strict' | 'None') ?? 'Lax') : 'Lax',
      },
      this.now(),
    );
  }
}
