// Every test injects its own fetch: this machine has no internet and the real host must never be called.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KratosError } from '../../../errors/errors';
import type { FetchLike } from './hibp';
import { createHibpClient, HibpLookupError, parseRangeResponse, sha1Hex } from './hibp';

// Belt and braces: if a test forgot to inject a fetch, fail instead of calling the real host.
beforeAll(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('tests must inject fetch; no real network')));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

const HOST = 'api.pwnedpasswords.com';

interface Recorded {
  url: string;
  headers: Record<string, string>;
}

/** A fake range API: answers each prefix with the given passwords' suffixes plus count-0 padding lines. */
function fakeRange(counts: Record<string, number>, extraLines: string[] = []) {
  const calls: Recorded[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers });
    const prefix = url.slice(url.lastIndexOf('/') + 1);
    const lines = Object.entries(counts)
      .map(([pw, n]) => [sha1Hex(pw), n] as const)
      .filter(([h]) => h.startsWith(prefix))
      .map(([h, n]) => `${h.slice(5)}:${n}`);
    const padding = ['0018A45C4D1DEF81644B54AB7F969B88D65:0', '00D4F6E8FA6EECAD2A3AA415EEC418D38EC:0'];
    return new Response([...lines, ...extraLines, ...padding].join('\r\n'), { status: 200 });
  };
  return { fetch, calls };
}

function respondWith(status: number, body: string): FetchLike {
  // A null body: a 204 response may not carry one.
  return async () => new Response(body === '' ? null : body, { status });
}

/** Never answers on its own; rejects when the client's deadline aborts it, as fetch does. */
const hangingFetch: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init.signal.addEventListener('abort', () => reject(init.signal.reason));
  });

async function failure(p: Promise<unknown>): Promise<HibpLookupError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HibpLookupError);
  return err as HibpLookupError;
}

describe('sha1Hex', () => {
  it('case=upper-case hex of the UTF-8 bytes, as Kratos formats it', () => {
    expect(sha1Hex('password')).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
    // Kratos's own test: "damrumukuh" is looked up under prefix BCBA9.
    expect(sha1Hex('damrumukuh').slice(0, 5)).toBe('BCBA9');
  });
});

describe('parseRangeResponse (validator.go fetch)', () => {
  it.each([
    { name: 'suffix and count', body: 'ABC:3', want: [['ABC', 3]] },
    {
      name: 'CRLF and surrounding space',
      body: '  ABC:3 \r\nDEF:4\r\n',
      want: [
        ['ABC', 3],
        ['DEF', 4],
      ],
    },
    { name: 'padding lines (count 0) are dropped', body: 'ABC:0\nDEF:2', want: [['DEF', 2]] },
    { name: 'thousands separators', body: 'ABC:1,234', want: [['ABC', 1234]] },
    { name: 'a line without colon counts once (kratos#2145)', body: 'ABC', want: [['ABC', 1]] },
    { name: 'a line with two colons counts once', body: 'ABC:1:2', want: [['ABC', 1]] },
    {
      name: 'invalid text lines count once and are harmless',
      body: 'ABC:2\ninvalid',
      want: [
        ['ABC', 2],
        ['invalid', 1],
      ],
    },
    { name: 'later duplicate wins, even when it is 0', body: 'ABC:5\nABC:0', want: [] },
    { name: 'empty body', body: '', want: [] },
  ])('case=$name', ({ body, want }) => {
    expect([...parseRangeResponse(body)]).toEqual(want);
  });

  it.each(['ABC:text', 'ABC:', 'ABC: 3', 'ABC:0x10', 'ABC:99999999999999999999'])(
    'case=malformed count %s fails like Go ParseInt',
    (body) => {
      expect(() => parseRangeResponse(body)).toThrow(HibpLookupError);
    },
  );
});

describe('createHibpClient', () => {
  it('case=requests the k-anonymity range with padding', async () => {
    const { fetch, calls } = fakeRange({});
    const client = createHibpClient({ fetch });
    expect(await client.breachCount(HOST, 'damrumukuh')).toBe(0);
    expect(calls).toEqual([
      { url: 'https://api.pwnedpasswords.com/range/BCBA9', headers: { 'Add-Padding': 'true' } },
    ]);
  });

  it('case=uses the configured host', async () => {
    const { fetch, calls } = fakeRange({});
    await createHibpClient({ fetch }).breachCount('hibp.internal:8443', 'damrumukuh');
    expect(calls[0]?.url).toBe('https://hibp.internal:8443/range/BCBA9');
  });

  it('case=hit returns the count', async () => {
    const { fetch } = fakeRange({ 'correct horse': 42 });
    expect(await createHibpClient({ fetch }).breachCount(HOST, 'correct horse')).toBe(42);
  });

  it('case=miss and padding entry for the same suffix both mean 0', async () => {
    const pw = 'n0t-in-any-breach';
    const suffix = sha1Hex(pw).slice(5);
    const { fetch } = fakeRange({}, [`${suffix}:0`]);
    expect(await createHibpClient({ fetch }).breachCount(HOST, pw)).toBe(0);
  });

  it('case=suffix comparison is exact (upper-case), as in Kratos', async () => {
    const pw = 'lowercase-mirror';
    const { fetch } = fakeRange({}, [`${sha1Hex(pw).slice(5).toLowerCase()}:9`]);
    expect(await createHibpClient({ fetch }).breachCount(HOST, pw)).toBe(0);
  });

  it('case=cache hit avoids a second call, also for another password with the same prefix', async () => {
    const { fetch, calls } = fakeRange({ 'correct horse': 42 });
    const client = createHibpClient({ fetch });
    expect(await client.breachCount(HOST, 'correct horse')).toBe(42);
    expect(await client.breachCount(HOST, 'correct horse')).toBe(42);
    expect(calls).toHaveLength(1);
  });

  it('case=concurrent lookups of one prefix share one request', async () => {
    const { fetch, calls } = fakeRange({ 'correct horse': 42 });
    const client = createHibpClient({ fetch });
    const results = await Promise.all([1, 2, 3].map(() => client.breachCount(HOST, 'correct horse')));
    expect(results).toEqual([42, 42, 42]);
    expect(calls).toHaveLength(1);
  });

  it('case=cache entries expire after one hour', async () => {
    const { fetch, calls } = fakeRange({ 'correct horse': 42 });
    let t = 1_000_000;
    const client = createHibpClient({ fetch, now: () => t });
    await client.breachCount(HOST, 'correct horse');
    t += 60 * 60 * 1000 - 1;
    await client.breachCount(HOST, 'correct horse');
    expect(calls).toHaveLength(1);
    t += 1;
    await client.breachCount(HOST, 'correct horse');
    expect(calls).toHaveLength(2);
  });

  it('case=cache is bounded (least recently used prefix goes first)', async () => {
    const { fetch, calls } = fakeRange({});
    const client = createHibpClient({ fetch, maxCachedPrefixes: 2 });
    // Three passwords with three different prefixes.
    const pws = ['alpha-1', 'alpha-2', 'alpha-3'];
    expect(new Set(pws.map((p) => sha1Hex(p).slice(0, 5))).size).toBe(3);
    await client.breachCount(HOST, pws[0] as string);
    await client.breachCount(HOST, pws[1] as string);
    await client.breachCount(HOST, pws[0] as string); // refresh 0: 1 is now the oldest
    await client.breachCount(HOST, pws[2] as string); // evicts 1
    expect(calls).toHaveLength(3);
    await client.breachCount(HOST, pws[0] as string);
    expect(calls).toHaveLength(3);
    await client.breachCount(HOST, pws[1] as string);
    expect(calls).toHaveLength(4);
  });

  it('case=failures are not cached', async () => {
    let n = 0;
    const fetch: FetchLike = async () =>
      ++n === 1 ? new Response('', { status: 503 }) : new Response('', { status: 200 });
    const client = createHibpClient({ fetch });
    await failure(client.breachCount(HOST, 'abc'));
    expect(await client.breachCount(HOST, 'abc')).toBe(0);
    expect(n).toBe(2);
  });

  it.each([500, 403, 404, 204])('case=status %i is a status failure', async (status) => {
    const err = await failure(createHibpClient({ fetch: respondWith(status, '') }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('status');
    expect(err.isNetworkError).toBe(true);
  });

  it('case=network error', async () => {
    const fetch: FetchLike = async () => {
      throw new TypeError('fetch failed');
    };
    const err = await failure(createHibpClient({ fetch }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('network');
    expect(err.isNetworkError).toBe(true);
  });

  it('case=timeout is a network failure and fails fast', async () => {
    const start = performance.now();
    const err = await failure(
      createHibpClient({ fetch: hangingFetch, timeoutMs: 30 }).breachCount(HOST, 'x'),
    );
    expect(err.kind).toBe('network');
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('case=a fetch that ignores the abort signal still times out', async () => {
    const deaf: FetchLike = () => new Promise(() => undefined);
    const err = await failure(createHibpClient({ fetch: deaf, timeoutMs: 30 }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('network');
  });

  it('case=a body that never ends times out even if the stream ignores the signal', async () => {
    const fetch: FetchLike = async () =>
      new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new Uint8Array([65])) }), {
        status: 200,
      });
    const err = await failure(createHibpClient({ fetch, timeoutMs: 30 }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('network');
  });

  it('case=an oversized body is a network failure', async () => {
    const fetch: FetchLike = async () => new Response('A'.repeat(4 * 1024 * 1024 + 1), { status: 200 });
    const err = await failure(createHibpClient({ fetch }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('network');
  });

  it('case=body that fails while being read is a network failure (362366d23)', async () => {
    const pw = 'vebjihwoct';
    const fetch: FetchLike = async () => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(`${sha1Hex(pw).slice(5)}:3\n`));
          controller.error(new Error('connection reset'));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const err = await failure(createHibpClient({ fetch }).breachCount(HOST, pw));
    expect(err.kind).toBe('network');
  });

  it('case=body stalling past the deadline is a network failure', async () => {
    const fetch: FetchLike = async (_url, init) => {
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('ABC:1\n'));
          init.signal.addEventListener('abort', () => controller.error(init.signal.reason));
        },
      });
      return new Response(stream, { status: 200 });
    };
    const err = await failure(createHibpClient({ fetch, timeoutMs: 30 }).breachCount(HOST, 'x'));
    expect(err.kind).toBe('network');
  });

  it('case=malformed count is not a network error', async () => {
    const err = await failure(
      createHibpClient({ fetch: respondWith(200, 'ABC:text\nDEF:2') }).breachCount(HOST, 'x'),
    );
    expect(err.kind).toBe('malformed');
    expect(err.isNetworkError).toBe(false);
  });
});

describe('HibpLookupError.toKratosError', () => {
  it.each([
    {
      kind: 'network' as const,
      message: 'Leaked password server unavailable',
      reason: 'Unable to check if password has been leaked because an unexpected network error occurred',
    },
    {
      kind: 'status' as const,
      message: 'Leaked password server unavailable',
      reason: 'Unexpected status code from haveibeenpwned.com',
    },
    {
      kind: 'malformed' as const,
      message: 'Upstream error',
      reason: 'Expected password hash to contain a count formatted as int but got: text',
    },
  ])('case=$kind', ({ kind, message, reason }) => {
    const err = new HibpLookupError(kind, 'text').toKratosError();
    expect(err).toBeInstanceOf(KratosError);
    expect(err.toJSON()).toEqual({
      error: { id: 'upstream_error', code: 502, status: 'Bad Gateway', reason, message },
    });
  });
});
