// Typed, defaulted access to a validated kratos.yml, mirroring Kratos's driver/config accessors. The raw
// object stays untouched so the same file can be exported back to Kratos.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { parseDurationMs } from './duration';

export type RawConfig = Record<string, unknown>;

export interface ConfigOptions {
  dev: boolean;
  /** Absolute path of the file the config came from, when it came from a file. */
  file?: string;
}

export type ServerName = 'public' | 'admin';

export class Config {
  private readonly boundPorts = new Map<ServerName, number>();
  private readonly baseHrefs = new Map<ServerName, string>();
  private readonly generatedSecret = randomBytes(32).toString('base64url');

  constructor(
    readonly raw: RawConfig,
    readonly options: ConfigOptions,
  ) {}

  /** The value at a dotted path, or the fallback when it is absent or null. */
  get<T>(path: string, fallback: T): T {
    let cur: unknown = this.raw;
    for (const seg of path.split('.')) {
      if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, seg)) return fallback;
      cur = (cur as Record<string, unknown>)[seg];
    }
    return cur === undefined || cur === null ? fallback : (cur as T);
  }

  durationMs(path: string, fallback: string): number {
    return parseDurationMs(this.get(path, fallback));
  }

  isDev(): boolean {
    return this.options.dev || this.get('dev', false);
  }

  dsn(): string {
    return this.get('dsn', 'memory');
  }

  logLevel(): string {
    return this.get('log.level', 'info');
  }

  logFormat(): 'text' | 'json' {
    return this.get<string>('log.format', 'text') === 'json' ? 'json' : 'text';
  }

  serve(name: ServerName): { host: string; port: number } {
    // Gatehouse binds loopback unless told otherwise (ARCHITECTURE.md D9); Kratos binds all interfaces.
    return {
      host: this.get(`serve.${name}.host`, '127.0.0.1'),
      port: this.get(`serve.${name}.port`, name === 'public' ? 4433 : 4434),
    };
  }

  /** Records the port a server actually bound (port 0 picks a free one). */
  setBoundPort(name: ServerName, port: number): void {
    this.boundPorts.set(name, port);
    this.baseHrefs.delete(name);
  }

  /** `serve.<name>.base_url`, or derived from host and port the way ory/x configx does. */
  baseURL(name: ServerName): URL {
    return new URL(this.baseHref(name));
  }

  /** baseURL as a string, computed once per bound port (it is on every request's path). */
  baseHref(name: ServerName): string {
    let href = this.baseHrefs.get(name);
    if (href === undefined) {
      href = this.deriveBaseURL(name).href;
      this.baseHrefs.set(name, href);
    }
    return href;
  }

  private deriveBaseURL(name: ServerName): URL {
    const explicit = this.get<string | undefined>(`serve.${name}.base_url`, undefined);
    if (explicit) return new URL(explicit.endsWith('/') ? explicit : `${explicit}/`);
    const { host, port } = this.serve(name);
    const scheme = this.isDev() || this.get(`serve.${name}.tls.enabled`, false) ? 'http' : 'https';
    const h = host === '0.0.0.0' || host === '' ? hostname() : host;
    return new URL(`${scheme}://${h}:${this.boundPorts.get(name) ?? port}/`);
  }

  publicURL(path = '/'): URL {
    return new URL(path.replace(/^\//, ''), this.baseURL('public'));
  }

  adminURL(path = '/'): URL {
    return new URL(path.replace(/^\//, ''), this.baseURL('admin'));
  }

  secretsDefault(): string[] {
    const s = this.get<string[]>('secrets.default', []);
    return s.length > 0 ? s : [this.generatedSecret];
  }

  /** Cookie secrets: the first signs, every one verifies (falls back to `secrets.default`). */
  secretsCookie(): string[] {
    const s = this.get<string[]>('secrets.cookie', []);
    return s.length > 0 ? s : this.secretsDefault();
  }

  secretsPagination(): string[] {
    const s = this.get<string[]>('secrets.pagination', []);
    return s.length > 0 ? s : this.secretsDefault();
  }

  secretsCipher(): string[] {
    return this.get<string[]>('secrets.cipher', []);
  }

  defaultSchemaId(): string {
    return this.get('identity.default_schema_id', 'default');
  }

  identitySchemas(): { id: string; url: string; selfservice_selectable?: boolean }[] {
    return this.get('identity.schemas', []);
  }

  disallowRefsInIdentitySchemas(): boolean {
    return this.get('security.disallow_ref_in_identity_schemas', false);
  }

  sessionLifespanMs(): number {
    return this.durationMs('session.lifespan', '24h');
  }

  /** session.earliest_possible_extend, defaulting to the lifespan (always extendable). */
  sessionEarliestExtendMs(): number {
    const v = this.get<string | undefined>('session.earliest_possible_extend', undefined);
    return v ? parseDurationMs(v) : this.sessionLifespanMs();
  }

  whoamiRequiredAal(): 'aal1' | 'highest_available' {
    return this.get<string>('session.whoami.required_aal', 'highest_available') === 'aal1'
      ? 'aal1'
      : 'highest_available';
  }

  /** Cookie settings: `session.cookie.*` for the session cookie, falling back to `cookies.*`. */
  cookieSettings(kind: 'session' | 'csrf'): {
    path: string;
    domain?: string;
    sameSite: string;
    secure: boolean;
  } {
    const own = kind === 'session' ? 'session.cookie' : 'cookies';
    const domain = this.get<string>(`${own}.domain`, this.get<string>('cookies.domain', ''));
    return {
      path: this.get<string>(`${own}.path`, this.get<string>('cookies.path', '/')),
      ...(domain ? { domain } : {}),
      sameSite: this.get<string>(`${own}.same_site`, this.get<string>('cookies.same_site', 'Lax')),
      secure: this.get<boolean>(`${own}.secure`, this.get<boolean>('cookies.secure', !this.isDev())),
    };
  }

  sessionCookieName(): string {
    return this.get('session.cookie.name', 'ory_kratos_session');
  }

  sessionCookiePersistent(): boolean {
    return this.get('session.cookie.persistent', true);
  }

  /** serve.public.cors with Kratos's defaults, or undefined when disabled (the default). */
  publicCors():
    | {
        allowedOrigins: string[];
        allowedMethods: string[];
        allowedHeaders: string[];
        exposedHeaders: string[];
        allowCredentials: boolean;
        maxAgeSeconds: number;
      }
    | undefined {
    if (!this.get('serve.public.cors.enabled', false)) return undefined;
    return {
      allowedOrigins: this.get('serve.public.cors.allowed_origins', ['*']),
      allowedMethods: this.get('serve.public.cors.allowed_methods', [
        'POST',
        'GET',
        'PUT',
        'PATCH',
        'DELETE',
      ]),
      allowedHeaders: this.get('serve.public.cors.allowed_headers', [
        'Authorization',
        'Content-Type',
        'Max-Age',
        'X-Session-Token',
        'X-XSRF-TOKEN',
        'X-CSRF-TOKEN',
      ]),
      exposedHeaders: this.get('serve.public.cors.exposed_headers', ['Content-Type']),
      allowCredentials: this.get('serve.public.cors.allow_credentials', true),
      maxAgeSeconds: this.get('serve.public.cors.max_age', 0),
    };
  }
}
