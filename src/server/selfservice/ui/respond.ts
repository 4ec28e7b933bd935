// HTML responses with the headers every page sends.
import type { Context } from 'hono';
import { safeUrl } from './html';

/**
 * No caching (pages carry CSRF tokens and personal data), no framing, and a CSP that only lets scripts run
 * when a flow ships Kratos's webauthn.js.
 */
export function htmlResponse(
  c: Context,
  body: string,
  status: 200 | 400 | 404 | 500 = 200,
  scriptSources: string[] = [],
): Response {
  const script =
    scriptSources.length > 0 ? `script-src ${scriptSources.join(' ')} 'unsafe-inline'` : "script-src 'none'";
  return c.html(body, status, {
    'Cache-Control': 'private, no-cache, no-store, must-revalidate',
    'Content-Security-Policy': `default-src 'none'; style-src 'unsafe-inline'; img-src data: http: https:; ${script}; base-uri 'none'; frame-ancestors 'none'`,
    'Referrer-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
  });
}

export function seeOther(c: Context, location: string): Response {
  return c.redirect(location, 303);
}

/** Origins of the script URLs, for the CSP. */
export function scriptOrigins(srcs: string[]): string[] {
  const out = new Set<string>();
  for (const src of srcs) {
    const safe = safeUrl(src);
    if (safe) out.add(new URL(safe).origin);
  }
  return [...out];
}
