// Calls a connection's Kratos API from the backend. The API key is added here and nowhere else; redirects are
// not followed (a redirect could carry the key to another host); every failure becomes a readable 502/504.
import { CONSOLE_ERROR_IDS } from '../../shared/console-api';
import type { ResolvedConnection } from '../connections/registry';
import { ConsoleError } from '../errors';

export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

export interface UpstreamCall {
  method: string;
  /** Path and query, e.g. `/admin/identities?page_size=50`. */
  path: string;
  headers?: Record<string, string>;
  body?: ArrayBuffer | string | null;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function joinUrl(base: string, path: string): URL {
  const b = new URL(base);
  const target = new URL(path, b.origin);
  target.pathname = `${b.pathname.replace(/\/+$/, '')}${target.pathname}`;
  return target;
}

export async function callUpstream(
  conn: ResolvedConnection,
  api: 'admin' | 'public',
  call: UpstreamCall,
  fetchImpl: FetchLike = fetch,
): Promise<Response> {
  const base = api === 'admin' ? conn.adminBase : conn.publicBase;
  const url = joinUrl(base, call.path);
  const headers: Record<string, string> = { accept: 'application/json', ...call.headers };
  // Ory Network serves public and admin on one origin and wants the key on both; a self-hosted public API
  // elsewhere must never see the admin key.
  if (conn.apiKey && url.origin === new URL(conn.adminBase).origin) {
    headers.authorization = `Bearer ${conn.apiKey}`;
  }
  const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  try {
    return await fetchImpl(url, {
      method: call.method,
      headers,
      body: call.body ?? null,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const e = err as Error & { cause?: { code?: string; message?: string } };
    if (e.name === 'TimeoutError') {
      throw new ConsoleError(
        504,
        CONSOLE_ERROR_IDS.upstreamUnreachable,
        `${url.origin} did not answer within ${timeoutMs / 1000} s.`,
      );
    }
    const cause = e.cause?.code ?? e.cause?.message ?? e.message;
    throw new ConsoleError(
      502,
      CONSOLE_ERROR_IDS.upstreamUnreachable,
      `Could not reach ${url.origin} (${cause}). Check the URL and that the server is running.`,
    );
  }
}

/** Replaces every occurrence of the secret (and its Bearer form) in text sent back to the renderer. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret || secret.length < 4) return text;
  return text.split(secret).join('[redacted]');
}
