// The HaveIBeenPwned "Pwned Passwords" range lookup (k-anonymity: only the first 5 hex digits of the
// SHA-1 leave the machine), as Kratos's validator.go fetch does it, with Gatehouse's fail-fast timeout and a
// bounded per-prefix cache.
import { createHash } from 'node:crypto';
import { KratosError } from '../../../errors/errors';

/** Kratos gives its HTTP client a 1 s connection timeout plus retries; Gatehouse fails fast instead. */
export const HIBP_DEFAULT_TIMEOUT_MS = 2_000;
/** validator.go hashCacheItemTTL. */
export const HIBP_CACHE_TTL_MS = 60 * 60 * 1000;
/** A padded range response is ~40 KB; 128 cached prefixes stay well under 10 MB even with real data. */
export const HIBP_DEFAULT_MAX_CACHED_PREFIXES = 128;
/** Guards against a misbehaving self-hosted mirror streaming an endless body. */
export const HIBP_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/** The slice of `fetch` the lookup needs; tests inject a fake so nothing ever reaches the real host. */
export type FetchLike = (
  url: string,
  init: { method: 'GET'; headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

/**
 * Why a lookup failed. `network` and `status` are what Kratos wraps as ErrNetworkFailure and
 * ErrUnexpectedStatusCode, the two failures `ignore_network_errors` forgives; `malformed` (a count that is
 * not an integer) is not forgiven, as in Kratos.
 */
export type HibpFailureKind = 'network' | 'status' | 'malformed';

export class HibpLookupError extends Error {
  constructor(
    readonly kind: HibpFailureKind,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`haveibeenpwned lookup failed (${kind}): ${detail}`, options);
    this.name = 'HibpLookupError';
  }

  /** Subject to `ignore_network_errors`. */
  get isNetworkError(): boolean {
    return this.kind !== 'malformed';
  }

  /** The herodot error Kratos answers with (502 upstream_error) when the failure is not ignored. */
  toKratosError(): KratosError {
    const reason =
      this.kind === 'network'
        ? 'Unable to check if password has been leaked because an unexpected network error occurred'
        : this.kind === 'status'
          ? 'Unexpected status code from haveibeenpwned.com'
          : `Expected password hash to contain a count formatted as int but got: ${this.detail}`;
    return new KratosError({
      status: 502,
      id: 'upstream_error',
      message: this.kind === 'malformed' ? 'Upstream error' : 'Leaked password server unavailable',
      reason,
      cause: this,
    });
  }
}

export interface HibpClientOptions {
  fetch?: FetchLike;
  timeoutMs?: number;
  /** Milliseconds since the epoch; injected for cache-expiry tests. */
  now?: () => number;
  cacheTtlMs?: number;
  maxCachedPrefixes?: number;
}

export interface HibpClient {
  /**
   * How often the password appears in breaches according to `host` (0 when not listed). Rejects with
   * HibpLookupError.
   */
  breachCount(host: string, password: string): Promise<number>;
}

/** Upper-case hex SHA-1 of the UTF-8 bytes, as Kratos formats it (`%X`). */
export function sha1Hex(password: string): string {
  // SHA-1 is what the range API is keyed by; it is not used to protect anything here.
  return createHash('sha1').update(password, 'utf8').digest('hex').toUpperCase();
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Go strconv.ParseInt(s, 10, 64) after Kratos strips thousands separators; undefined where Go errs. */
function parseGoInt64(raw: string): number | undefined {
  const s = raw.replaceAll(',', '');
  if (!/^[+-]?[0-9]+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? undefined : Number(n);
}

/**
 * Parses a range response into suffix → count. Per line (Kratos: bufio.Scanner, TrimSpace, Split ":"):
 * exactly one colon → the count must be an integer (commas allowed) or the whole lookup is malformed; no
 * colon or several → count 1 (HIBP has sent lines without counts, ory/kratos#2145). Padding lines carry
 * count 0. A later duplicate wins, as Kratos's last match does. Zero counts are not stored: absent means 0.
 */
export function parseRangeResponse(body: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const rawLine of body.split('\n')) {
    const line = rawLine.trim();
    if (line === '') continue;
    const parts = line.split(':');
    let count = 1;
    if (parts.length === 2) {
      const parsed = parseGoInt64(parts[1] as string);
      if (parsed === undefined) throw new HibpLookupError('malformed', parts[1] as string);
      count = parsed;
    }
    const suffix = parts[0] as string;
    if (count === 0) counts.delete(suffix);
    else counts.set(suffix, count);
  }
  return counts;
}

/** Settles with `p` or rejects when `signal` aborts, for fetch implementations that ignore the signal. */
function untilAborted<T>(p: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    p.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readBody(res: Response, limit: number, signal: AbortSignal): Promise<string> {
  if (!res.body) return untilAborted(res.text(), signal);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await untilAborted(reader.read(), signal);
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new HibpLookupError('network', `response body larger than ${limit} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

interface CacheEntry {
  expiresAt: number;
  counts: Map<string, number>;
}

export function createHibpClient(opts: HibpClientOptions = {}): HibpClient {
  const doFetch: FetchLike = opts.fetch ?? ((url, init) => fetch(url, init));
  const timeoutMs = opts.timeoutMs ?? HIBP_DEFAULT_TIMEOUT_MS;
  const now = opts.now ?? Date.now;
  const ttl = opts.cacheTtlMs ?? HIBP_CACHE_TTL_MS;
  const maxEntries = Math.max(1, opts.maxCachedPrefixes ?? HIBP_DEFAULT_MAX_CACHED_PREFIXES);
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the least recently used.
  const cache = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<Map<string, number>>>();

  async function fetchRange(host: string, prefix: string): Promise<Map<string, number>> {
    const url = `https://${host}/range/${prefix}`;
    // One deadline for connect, headers and body: a lookup interrupted while reading the body is a network
    // failure too (Kratos 362366d23).
    const signal = AbortSignal.timeout(timeoutMs);
    let body: string;
    try {
      const res = await untilAborted(
        doFetch(url, {
          method: 'GET',
          // Padding hides the real response size from an observer; padded entries have count 0.
          headers: { 'Add-Padding': 'true' },
          signal,
        }),
        signal,
      );
      if (res.status !== 200) {
        await res.body?.cancel().catch(() => undefined);
        throw new HibpLookupError('status', String(res.status));
      }
      body = await readBody(res, HIBP_MAX_RESPONSE_BYTES, signal);
    } catch (err) {
      if (err instanceof HibpLookupError) throw err;
      throw new HibpLookupError('network', err instanceof Error ? err.message : String(err), { cause: err });
    }
    return parseRangeResponse(body);
  }

  async function rangeFor(host: string, prefix: string): Promise<Map<string, number>> {
    const key = `${host}/${prefix}`;
    const hit = cache.get(key);
    if (hit) {
      cache.delete(key);
      if (hit.expiresAt > now()) {
        cache.set(key, hit);
        return hit.counts;
      }
    }
    // Concurrent validations of passwords with the same prefix share one request.
    let pending = inFlight.get(key);
    if (!pending) {
      pending = fetchRange(host, prefix).finally(() => inFlight.delete(key));
      inFlight.set(key, pending);
    }
    const counts = await pending;
    if (!cache.has(key)) {
      cache.set(key, { expiresAt: now() + ttl, counts });
      while (cache.size > maxEntries) cache.delete(cache.keys().next().value as string);
    }
    return counts;
  }

  return {
    async breachCount(host, password) {
      const hash = sha1Hex(password);
      const counts = await rangeFor(host, hash.slice(0, 5));
      return counts.get(hash.slice(5)) ?? 0;
    },
  };
}
