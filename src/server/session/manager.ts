// Issues, finds and checks sessions (session/manager_http.go): token extraction from the X-Session-Token
// header, the encrypted session cookie or an Authorization bearer; activity and AAL checks; cookies.
import { timingSafeEqual } from 'node:crypto';
import { newId } from '../id';
import type { Context } from 'hono';
import type { ClockProvider } from '../clock';
import type { Config } from '../config/config';
import { type CookieOptions, parseCookies, sameSiteFrom, serializeCookie } from '../http/cookies';
import type { Identity } from '../identity/model';
import { type SessionCookieValue, SessionCookieCodec } from './cookie';
import { aalNotSatisfied, noActiveSession } from './errors';
import {
  type AuthenticationMethod,
  assuranceLevel,
  type Device,
  isSessionActive,
  type Session,
} from './model';
import type { SessionPersisterProvider, SessionWithIdentity } from './persister';
import { hashToken, logoutToken, newSessionToken } from './token';

export interface RequestInfo {
  headers: Headers;
  url: string;
  /** `ip:port` of the peer, like Go's RemoteAddr. */
  remoteAddress?: string;
}

/** The parts of a Hono request the session manager reads. */
export function requestInfo(c: Context): RequestInfo {
  const incoming = (
    c.env as { incoming?: { socket?: { remoteAddress?: string; remotePort?: number } } } | undefined
  )?.incoming;
  const socket = incoming?.socket;
  const addr = socket?.remoteAddress;
  return {
    headers: c.req.raw.headers,
    url: c.req.url,
    ...(addr
      ? {
          remoteAddress: addr.includes(':')
            ? `[${addr}]:${socket?.remotePort ?? 0}`
            : `${addr}:${socket?.remotePort ?? 0}`,
        }
      : {}),
  };
}

export interface CurrentSession extends SessionWithIdentity {
  token: string;
  /** The decoded cookie when the token came from it. */
  cookie?: SessionCookieValue;
}

export interface IssuedSession {
  session: Session;
  token: string;
}

export interface SessionManagerDeps extends SessionPersisterProvider, ClockProvider {
  config: Config;
}

export class SessionManager {
  private readonly codec: SessionCookieCodec;

  constructor(private readonly deps: SessionManagerDeps) {
    this.codec = new SessionCookieCodec(deps.config.secretsCookie());
  }

  get cookieName(): string {
    return this.deps.config.sessionCookieName();
  }

  /** X-Session-Token, then the session cookie, then Authorization: Bearer (Kratos's order). */
  extractToken(req: RequestInfo): { token?: string; cookie?: SessionCookieValue } {
    const header = req.headers.get('x-session-token');
    if (header) return { token: header };
    const raw = parseCookies(req.headers.get('cookie') ?? undefined).get(this.cookieName);
    const cookie = raw ? this.codec.decode(raw) : undefined;
    if (cookie) return { token: cookie.token, cookie };
    const bearer = bearerToken(req.headers);
    return bearer ? { token: bearer } : {};
  }

  /** The active session of a request, or a 401 session_inactive. */
  fetchFromRequest(req: RequestInfo): CurrentSession {
    const { token, current } = this.resolve(req);
    if (!token) throw noActiveSession(true);
    if (!current) throw noActiveSession();
    return current;
  }

  /** The active session of a request, or undefined (no exception: most requests have none). */
  optionalFromRequest(req: RequestInfo): CurrentSession | undefined {
    return this.resolve(req).current;
  }

  private resolve(req: RequestInfo): { token?: string; current?: CurrentSession } {
    const { token, cookie } = this.extractToken(req);
    if (!token) return {};
    const found = this.deps.sessionPersister.findByTokenHash(hashToken(token));
    if (!found || !isSessionActive(found.session, this.deps.clock.now())) return { token };
    return { token, current: { ...found, token, ...(cookie ? { cookie } : {}) } };
  }

  /** Creates and stores a session for an identity that just authenticated with `methods`. */
  issue(
    identity: Identity,
    methods: Omit<AuthenticationMethod, 'completed_at'>[],
    req: RequestInfo,
  ): IssuedSession {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const amr = methods.map((m) => ({ ...m, completed_at: at }));
    const session: Session = {
      id: newId(),
      identity_id: identity.id,
      active: true,
      expires_at: new Date(now.getTime() + this.deps.config.sessionLifespanMs()).toISOString(),
      authenticated_at: at,
      authenticator_assurance_level: assuranceLevel(amr),
      authentication_methods: amr,
      issued_at: at,
      devices: [deviceFrom(req)],
      created_at: at,
      updated_at: at,
      identity,
    };
    const token = newSessionToken();
    this.deps.sessionPersister.createSession({ session, tokenHash: hashToken(token) });
    return { session, token };
  }

  /**
   * Re-authentication of the same identity (refresh, step-up): the session keeps its id and token, gains
   * the new methods and a new lifetime (ActivateSession on an existing session).
   */
  reactivate(current: CurrentSession, methods: Omit<AuthenticationMethod, 'completed_at'>[]): Session {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const amr = [
      ...current.session.authentication_methods,
      ...methods.map((m) => ({ ...m, completed_at: at })),
    ];
    const updated: Session = {
      ...current.session,
      authentication_methods: amr,
      authenticator_assurance_level: assuranceLevel(amr),
      authenticated_at: at,
      issued_at: at,
      expires_at: new Date(now.getTime() + this.deps.config.sessionLifespanMs()).toISOString(),
      updated_at: at,
    };
    this.deps.sessionPersister.updateSession(updated);
    return updated;
  }

  /**
   * Appends methods set up in the settings flow (SessionAddAuthenticationMethods): the AMR and AAL change,
   * `authenticated_at` does not, so setting up TOTP does not make the session privileged again.
   */
  addAuthenticationMethods(session: Session, methods: Omit<AuthenticationMethod, 'completed_at'>[]): Session {
    const at = this.deps.clock.now().toISOString();
    const amr = [...session.authentication_methods, ...methods.map((m) => ({ ...m, completed_at: at }))];
    const updated: Session = {
      ...session,
      authentication_methods: amr,
      authenticator_assurance_level: assuranceLevel(amr),
      updated_at: at,
    };
    this.deps.sessionPersister.updateSession(updated);
    return updated;
  }

  /**
   * DoesSessionSatisfy: aal1 needs any first factor; highest_available needs aal2 when the identity can do
   * aal2. Throws 403 session_aal2_required with a link to the aal2 login flow.
   */
  assertAal(
    session: Session,
    identity: Identity,
    required: 'aal1' | 'highest_available',
    requestUrl?: string,
  ): void {
    const level = assuranceLevel(session.authentication_methods);
    if (level === 'aal2') return;
    if (required === 'aal1' && level === 'aal1') return;
    if (required === 'highest_available' && identity.available_aal !== 'aal2') return;
    const login = new URL('self-service/login/browser', this.deps.config.baseURL('public'));
    login.searchParams.set('aal', 'aal2');
    if (requestUrl) login.searchParams.set('return_to', requestUrl);
    throw aalNotSatisfied(login.toString());
  }

  /** The session's logout token: derived from its id with `secrets.default`, so nothing is stored. */
  logoutToken(sessionId: string): string {
    return logoutToken(this.deps.config.secretsDefault()[0] as string, sessionId);
  }

  /** Whether a logout token belongs to the session, under any configured secret (rotation), in constant time. */
  isLogoutToken(sessionId: string, candidate: string): boolean {
    return this.deps.config
      .secretsDefault()
      .some((secret) => safeEqual(logoutToken(secret, sessionId), candidate));
  }

  /** Set-Cookie for a session (Max-Age = remaining lifetime when persistent). */
  issueCookie(issued: { session: Session; token: string }): string {
    const now = this.deps.clock.now();
    const opts = this.cookieOptions();
    if (this.deps.config.sessionCookiePersistent()) {
      opts.maxAge = Math.max(
        1,
        Math.floor((new Date(issued.session.expires_at).getTime() - now.getTime()) / 1000),
      );
    }
    const value = this.codec.encode({ token: issued.token, expiresAt: issued.session.expires_at });
    return serializeCookie(this.cookieName, value, opts, now);
  }

  clearCookie(): string {
    return serializeCookie(
      this.cookieName,
      '',
      { ...this.cookieOptions(), maxAge: -1 },
      this.deps.clock.now(),
    );
  }

  /** RefreshCookie: re-issue when the cookie's recorded expiry is older than the session's. */
  refreshedCookie(current: CurrentSession): string | undefined {
    if (!current.cookie) return undefined;
    if (new Date(current.cookie.expiresAt).getTime() >= new Date(current.session.expires_at).getTime())
      return undefined;
    return this.issueCookie({ session: current.session, token: current.token });
  }

  private cookieOptions(): CookieOptions {
    const s = this.deps.config.cookieSettings('session');
    let sameSite = sameSiteFrom(s.sameSite) ?? 'Lax';
    // Browsers drop SameSite=None cookies that are not Secure; Kratos falls back to Lax there too.
    if (sameSite === 'None' && !s.secure) sameSite = 'Lax';
    return {
      path: s.path,
      ...(s.domain ? { domain: s.domain } : {}),
      secure: s.secure,
      httpOnly: true,
      sameSite,
    };
  }
}

export function bearerToken(headers: Headers): string | undefined {
  const auth = headers.get('authorization') ?? '';
  const m = /^Bearer\s+(.+)$/i.exec(auth.trim());
  return m?.[1]?.trim() || undefined;
}

/** The device of a request (Kratos's SetSessionDeviceInformation and httpx.ClientIP). */
export function deviceFrom(req: RequestInfo): Device {
  const h = req.headers;
  const forwarded = h
    .get('x-forwarded-for')
    ?.split(',')
    .map((s) => s.trim())
    .find((ip) => ip !== '');
  const ip =
    h.get('true-client-ip') ||
    h.get('cf-connecting-ip') ||
    h.get('x-real-ip') ||
    forwarded ||
    req.remoteAddress ||
    null;
  const location = [h.get('cf-ipcity'), h.get('cf-ipcountry')].filter((v): v is string => !!v).join(', ');
  return { id: newId(), ip_address: ip, user_agent: h.get('user-agent'), location };
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
