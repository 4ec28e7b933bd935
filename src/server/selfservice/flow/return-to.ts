// return_to checks (x/redir/secure_redirect.go): scheme equal, host equal (a `*.` entry matches a DNS-label
// suffix), path a string prefix of the allowed path; the public `/self-service` URLs are always allowed; a
// relative return_to takes scheme and host from the default. Gatehouse is stricter than Kratos in one way:
// only absolute URLs with an authority (`scheme://host`) or root-relative paths are considered, so
// `https:evil.example`, `javascript:...`, `\\evil.example` and friends are refused instead of being resolved.
import { KratosError } from '../../errors/errors';

export function returnToForbidden(url: string): KratosError {
  return new KratosError({
    status: 400,
    id: 'self_service_flow_return_to_forbidden',
    reason: `Requested return_to URL ${JSON.stringify(url)} is not allowed.`,
  });
}

export interface ReturnToPolicy {
  allowed: string[];
  defaultReturnTo: URL;
  publicBaseURL: URL;
}

/** Unsafe allow-list entries are dropped, as Kratos does since 2026-07: `*` only as a whole first label. */
export function allowedReturnUrls(entries: string[]): URL[] {
  const out: URL[] = [];
  for (const entry of entries) {
    const m = /^([a-z][a-z0-9+.-]*):\/\/(\*\.)?([^/]*)(.*)$/i.exec(entry.trim());
    if (!m) continue;
    const [, scheme, wildcard, host, rest] = m as unknown as [
      string,
      string,
      string | undefined,
      string,
      string,
    ];
    if (host.includes('*') || host === '') continue;
    try {
      const u = new URL(`${scheme}://${host}${rest}`);
      if (wildcard) u.hostname = `*.${u.hostname}`.replace(/^\*\.\*\./, '*.');
      out.push(u);
    } catch {
      // not a URL: ignored like Kratos ignores unparsable entries
    }
  }
  return out;
}

/** The validated return_to URL (or the default when none is given); throws return_to_forbidden. */
export function secureReturnTo(raw: string | undefined | null, policy: ReturnToPolicy): URL {
  if (!raw) return policy.defaultReturnTo;
  const candidate = parseReturnTo(raw, policy.defaultReturnTo);
  if (!candidate) throw returnToForbidden(raw);
  const allowList = [...allowedReturnUrls(policy.allowed), new URL('self-service', policy.publicBaseURL)];
  for (const allowed of allowList) {
    if (
      allowed.protocol.toLowerCase() === candidate.protocol.toLowerCase() &&
      hostAllowed(candidate, allowed) &&
      (candidate.pathname || '/').startsWith(allowed.pathname || '/')
    ) {
      return candidate;
    }
  }
  throw returnToForbidden(candidate.toString());
}

function parseReturnTo(raw: string, fallback: URL): URL | undefined {
  // Control characters, whitespace and backslashes have no place in a return URL; browsers "fix" them.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u0020\u007f\\]/.test(raw)) return undefined;
  if (raw.startsWith('//')) return safeUrl(`${fallback.protocol}${raw}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw))
    return /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? safeUrl(raw) : undefined;
  if (!raw.startsWith('/')) return undefined;
  return safeUrl(`${fallback.protocol}//${fallback.host}${raw}`);
}

function safeUrl(s: string): URL | undefined {
  try {
    const u = new URL(s);
    return u.username || u.password ? undefined : u;
  } catch {
    return undefined;
  }
}

function hostAllowed(candidate: URL, allowed: URL): boolean {
  if (allowed.hostname.startsWith('*.')) {
    // Kratos compares Host strings, port included: `*.example.com` does not match `a.example.com:8443`.
    return candidate.host.toLowerCase().endsWith(allowed.host.slice(1).toLowerCase());
  }
  return allowed.host.toLowerCase() === candidate.host.toLowerCase();
}
