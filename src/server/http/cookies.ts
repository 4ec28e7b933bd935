// Cookie parsing and Set-Cookie serialisation with the attributes Kratos's cookie stores write.

export interface CookieOptions {
  path?: string;
  domain?: string;
  /** Seconds; 0 = session cookie; negative = delete now. */
  maxAge?: number;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: 'Lax' | 'Strict' | 'None';
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    let value = part.slice(eq + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    if (!out.has(name)) out.set(name, value);
  }
  return out;
}

export function serializeCookie(name: string, value: string, opts: CookieOptions, now: Date): string {
  const parts = [`${name}=${value}`, `Path=${opts.path ?? '/'}`];
  if (opts.domain) parts.push(`Domain=${opts.domain}`);
  if (opts.maxAge !== undefined && opts.maxAge !== 0) {
    const seconds = Math.max(opts.maxAge, 0);
    parts.push(`Expires=${new Date(opts.maxAge < 0 ? 0 : now.getTime() + seconds * 1000).toUTCString()}`);
    parts.push(`Max-Age=${opts.maxAge < 0 ? 0 : seconds}`);
  }
  if (opts.httpOnly !== false) parts.push('HttpOnly');
  if (opts.secure) parts.push('Secure');
  if (opts.sameSite) parts.push(`SameSite=${opts.sameSite}`);
  return parts.join('; ');
}

export type SameSite = CookieOptions['sameSite'];

/** Maps kratos.yml's `same_site` values (Strict, Lax, None) to the attribute. */
export function sameSiteFrom(value: string | undefined): SameSite {
  switch ((value ?? '').toLowerCase()) {
    case 'strict':
      return 'Strict';
    case 'none':
      return 'None';
    case 'lax':
      return 'Lax';
    default:
      return undefined;
  }
}
