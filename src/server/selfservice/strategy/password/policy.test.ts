// Every policy here gets an injected fetch: this machine has no internet and the real host must never be
// called. `offline` fails like an unreachable network; `fakeRange` answers like the range API.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { KratosError } from '../../../errors/errors';
import type { FetchLike } from './hibp';
import { sha1Hex } from './hibp';
import type { PasswordPolicyConfig, PasswordPolicyDeps, PolicyViolation } from './policy';
import {
  createPasswordPolicy,
  DEFAULT_MAX_PASSWORD_BYTES,
  PASSWORD_POLICY_DEFAULTS,
  resolvePasswordPolicyConfig,
} from './policy';

// Belt and braces: if a test forgot to inject a fetch, fail instead of calling the real host.
beforeAll(() => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('tests must inject fetch; no real network')));
});
afterAll(() => {
  vi.unstubAllGlobals();
});

function counter(fetch: FetchLike): { fetch: FetchLike; urls: string[] } {
  const urls: string[] = [];
  return {
    urls,
    fetch: (url, init) => {
      urls.push(url);
      return fetch(url, init);
    },
  };
}

const offline = (): { fetch: FetchLike; urls: string[] } =>
  counter(async () => {
    throw new TypeError('fetch failed: getaddrinfo ENOTFOUND api.pwnedpasswords.com');
  });

function fakeRange(counts: Record<string, number>): { fetch: FetchLike; urls: string[] } {
  return counter(async (url) => {
    const prefix = url.slice(url.lastIndexOf('/') + 1);
    const lines = Object.entries(counts)
      .map(([pw, n]) => [sha1Hex(pw), n] as const)
      .filter(([h]) => h.startsWith(prefix))
      .map(([h, n]) => `${h.slice(5)}:${n}`);
    return new Response([...lines, 'FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0'].join('\r\n'), { status: 200 });
  });
}

function policy(
  config: PasswordPolicyConfig = {},
  deps: PasswordPolicyDeps & { fetch?: FetchLike } = {},
): ReturnType<typeof createPasswordPolicy> {
  return createPasswordPolicy(config, { fetch: offline().fetch, ...deps });
}

const minLength = (min: number, actual: number): PolicyViolation => ({
  id: 4000032,
  text: `The password must be at least ${min} characters long, but got ${actual}.`,
  type: 'error',
  context: { min_length: min, actual_length: actual },
});
const tooSimilar: PolicyViolation = {
  id: 4000031,
  text: 'The password can not be used because it is too similar to the identifier.',
  type: 'error',
};
const breached = (breaches: number): PolicyViolation => ({
  id: 4000034,
  text: 'The password has been found in data breaches and must no longer be used.',
  type: 'error',
  context: { breaches },
});

async function rejection(p: Promise<unknown>): Promise<KratosError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(KratosError);
  return err as KratosError;
}

describe('config', () => {
  it('case=Kratos defaults', () => {
    expect(resolvePasswordPolicyConfig(undefined)).toEqual({
      haveibeenpwned_host: 'api.pwnedpasswords.com',
      haveibeenpwned_enabled: true,
      max_breaches: 0,
      ignore_network_errors: true,
      min_password_length: 8,
      identifier_similarity_check_enabled: true,
    });
    expect(resolvePasswordPolicyConfig({})).toEqual(PASSWORD_POLICY_DEFAULTS);
  });

  it('case=explicit values win, unrelated keys (migrate_hook) are ignored', () => {
    const raw = { min_password_length: 12, haveibeenpwned_enabled: false, migrate_hook: { enabled: false } };
    expect(createPasswordPolicy(raw).config).toMatchObject({
      min_password_length: 12,
      haveibeenpwned_enabled: false,
      ignore_network_errors: true,
    });
  });
});

describe('validate: Kratos validator_test.go "default strategy" table, offline', () => {
  // Kratos runs this table against the live API; here the network is down, so the breached rows must come
  // from the offline list and the accepted rows must survive ignore_network_errors.
  it.each([
    { pw: '', want: minLength(8, 0) },
    { pw: '12', want: minLength(8, 2) },
    { pw: '1234', want: minLength(8, 4) },
    { pw: '123456', want: minLength(8, 6) },
    { pw: 'l3f9to', want: minLength(8, 6) },
    { pw: '12345678', want: breached(1) },
    { pw: 'password', want: breached(1) },
    { pw: '1234567890', want: breached(1) },
    { pw: 'qwertyui', want: breached(1) },
    { pw: 'l3f9toh1uaf81n21', want: undefined },
    { id: 'l3f9toh1uaf81n21', pw: 'l3f9toh1uaf81n21', want: tooSimilar },
    { pw: 'l3f9toh1', want: undefined },
    { pw: '0'.repeat(516), want: undefined },
    { id: 'hello@example.com', pw: 'hello@example.com12345', want: tooSimilar },
    { id: 'hello@example.com', pw: '123hello@example.com123', want: tooSimilar },
    { id: 'hello@example.com', pw: 'hello@exam', want: tooSimilar },
    { id: 'hello@example.com', pw: 'HELLO@EXAMPLE.COM', want: tooSimilar },
    { id: 'hello@example.com', pw: 'HELLO@example.com', want: tooSimilar },
    { id: 'hello@exam', pw: 'hello@example.com', want: tooSimilar },
    { id: 'hello@example.com', pw: 'h3ll0@example', want: tooSimilar },
    { id: 'abcd', pw: '9d3c8a1b', want: undefined },
    { id: 'a', pw: 'kjOklafe', want: undefined },
    { id: 'ab', pw: '0000ab0000123', want: undefined },
    { id: 'd4f6090b-5a84', pw: 'd4f6090b-5a84-2184-4404-8d1b-8da3eb00ebbe', want: undefined },
    { id: 'asdflasdflasdf', pw: 'asdflasdflpiuhefnciluaksdzuföfhg', want: undefined },
  ])('case=id "$id" pw "$pw"', async ({ id, pw, want }) => {
    expect(await policy().validate(id ?? '', pw)).toEqual(want);
  });
});

describe('validate: minimum length in bytes (Go len)', () => {
  it.each([
    { name: '7 ascii bytes', pw: 'abcdefg', want: minLength(8, 7) },
    { name: '8 ascii bytes', pw: 'x7#kQ9!z', want: undefined },
    { name: '3 two-byte runes are 6 bytes', pw: 'żźć', want: minLength(8, 6) },
    { name: '4 two-byte runes are 8 bytes (4 characters pass)', pw: 'żźćę', want: undefined },
    { name: '2 emoji are 8 bytes', pw: '🦊🐙', want: undefined },
    { name: '2 three-byte runes are 6 bytes', pw: '€€', want: minLength(8, 6) },
    { name: 'lone surrogate counts as U+FFFD (3 bytes)', pw: 'abcd\ud800', want: minLength(8, 7) },
  ])('case=$name', async ({ pw, want }) => {
    expect(await policy().validate('', pw)).toEqual(want);
  });

  it('case=min_password_length 10 (Kratos TestChangeMinPasswordLength)', async () => {
    const p = policy({ min_password_length: 10 });
    expect(await p.validate('', 'kuobahcaas')).toBeUndefined();
    expect(await p.validate('', 'rfqyfjied')).toEqual(minLength(10, 9));
  });

  it('case=the password is used as received: no trimming', async () => {
    expect(await policy().validate('', '  abcde  ')).toBeUndefined(); // 9 bytes with the spaces
    expect(await policy().validate('', ' abcdef ')).toBeUndefined();
    expect(await policy().validate('', ' abcde ')).toEqual(minLength(8, 7));
  });
});

describe('validate: maximum length (Gatehouse cap)', () => {
  it('case=over 1 024 bytes is 4000033', async () => {
    const pw = 'a'.repeat(DEFAULT_MAX_PASSWORD_BYTES + 1);
    expect(await policy().validate('', pw)).toEqual({
      id: 4000033,
      text: 'The password must be at most 1024 characters long, but got 1025.',
      type: 'error',
      context: { max_length: 1024, actual_length: 1025 },
    });
    expect(await policy().validate('', 'a'.repeat(DEFAULT_MAX_PASSWORD_BYTES - 20) + 'x7#kQ9!zR2')).toBe(
      undefined,
    );
  });

  it('case=a 1 MB password is rejected in under 50 ms of CPU', async () => {
    const huge = 'a'.repeat(1024 * 1024);
    const p = policy();
    await p.validate('warm@example.com', 'warm-up-password'); // load the list outside the measurement
    const cpu = process.cpuUsage();
    const result = await p.validate('user@example.com', huge);
    const used = process.cpuUsage(cpu);
    expect(result?.id).toBe(4000033);
    expect((used.user + used.system) / 1000).toBeLessThan(50);
  });

  it('case=without the cap (Kratos behaviour) a 1 MB password is still cheap: similarity is skipped', async () => {
    const huge = 'a'.repeat(1024 * 1024);
    const { fetch } = fakeRange({});
    const p = createPasswordPolicy({}, { fetch, maxPasswordBytes: Infinity });
    await p.validate('warm@example.com', 'warm-up-password');
    const cpu = process.cpuUsage();
    const result = await p.validate(huge, huge);
    const used = process.cpuUsage(cpu);
    expect(result).toBeUndefined();
    expect((used.user + used.system) / 1000).toBeLessThan(50);
  });
});

describe('validate: identifier similarity', () => {
  it('case=identifier_similarity_check_enabled false (Kratos TestChangeIdentifierSimilarityCheckEnabled)', async () => {
    expect(
      await policy({ identifier_similarity_check_enabled: false }).validate('bosqwfaxee', 'bosqwfaxee'),
    ).toBe(undefined);
    expect(
      await policy({ identifier_similarity_check_enabled: true }).validate('bosqwfaxee', 'bosqwfaxee'),
    ).toEqual(tooSimilar);
  });

  it('case=skipped for 257-byte operands (Kratos TestIdentifierSimilarityCheckMaxLength)', async () => {
    const large = 'a'.repeat(257);
    expect(await policy({ haveibeenpwned_enabled: false }).validate(large, large)).toBeUndefined();
  });
});

describe('validate: order of the checks (length, similarity, breach)', () => {
  it('case=short and similar and listed → length', async () => {
    expect(await policy().validate('123456', '123456')).toEqual(minLength(8, 6));
  });

  it('case=similar and listed → similarity, no lookup', async () => {
    const { fetch, urls } = fakeRange({ password: 9 });
    expect(await createPasswordPolicy({}, { fetch }).validate('password', 'password')).toEqual(tooSimilar);
    expect(urls).toEqual([]);
  });
});

describe('validate: offline breached-password list', () => {
  it.each(['12345678', 'password', 'qwerty123', 'Password', 'QWERTY123', 'iloveyou', 'trustno1'])(
    'case=%s is breached without any request',
    async (pw) => {
      const { fetch, urls } = offline();
      expect(await createPasswordPolicy({}, { fetch }).validate('', pw)).toEqual(breached(1));
      expect(urls).toEqual([]);
    },
  );

  it('case=reported as one more than max_breaches (the list has no counts)', async () => {
    expect(await policy({ max_breaches: 5 }).validate('', '12345678')).toEqual(breached(6));
  });

  it('case=a strong random password is accepted offline (ignore_network_errors default true)', async () => {
    const { fetch, urls } = offline();
    const pw = randomBytes(18).toString('base64url');
    expect(await createPasswordPolicy({}, { fetch }).validate('user@example.com', pw)).toBeUndefined();
    expect(urls).toHaveLength(1); // it did try HIBP
  });

  it('case=haveibeenpwned_enabled false turns the list off too (Kratos TestDisableHaveIBeenPwnedValidationHost)', async () => {
    const { fetch, urls } = offline();
    const p = createPasswordPolicy({ haveibeenpwned_enabled: false }, { fetch });
    expect(await p.validate('', '12345678')).toBeUndefined();
    expect(await p.validate('mohutdesub', 'damrumukuh')).toBeUndefined();
    expect(urls).toEqual([]);
  });

  it('case=injected list replaces the bundled one', async () => {
    const list = { size: 1, has: (pw: string): boolean => pw === 'team-secret-1' };
    expect(await policy({}, { commonPasswords: list }).validate('', 'team-secret-1')).toEqual(breached(1));
    expect(await policy({}, { commonPasswords: list }).validate('', '12345678')).toBeUndefined();
  });
});

describe('validate: HaveIBeenPwned (injected fetch)', () => {
  it('case=sends the range request for the password (Kratos: damrumukuh → BCBA9)', async () => {
    const { fetch, urls } = fakeRange({});
    expect(await createPasswordPolicy({}, { fetch }).validate('mohutdesub', 'damrumukuh')).toBeUndefined();
    expect(urls).toEqual(['https://api.pwnedpasswords.com/range/BCBA9']);
  });

  it('case=haveibeenpwned_host (Kratos TestChangeHaveIBeenPwnedValidationHost)', async () => {
    const { fetch, urls } = fakeRange({});
    await createPasswordPolicy({ haveibeenpwned_host: '127.0.0.1:9999' }, { fetch }).validate(
      '',
      'damrumukuh',
    );
    expect(urls).toEqual(['https://127.0.0.1:9999/range/BCBA9']);
  });

  it('case=hit → 4000034 with the count', async () => {
    const { fetch } = fakeRange({ 'fjs83-kd92k': 17 });
    expect(await createPasswordPolicy({}, { fetch }).validate('', 'fjs83-kd92k')).toEqual(breached(17));
  });

  // Kratos "max breaches" table with max_breaches 5.
  it.each([
    { name: 'count equal to max_breaches is allowed', count: 5, want: undefined },
    { name: 'count above max_breaches is rejected', count: 6, want: breached(6) },
    { name: 'padding entry (count 0) for the password', count: 0, want: undefined },
  ])('case=$name', async ({ count, want }) => {
    const pw = randomBytes(10).toString('hex');
    const { fetch } = fakeRange({ [pw]: count });
    expect(await createPasswordPolicy({ max_breaches: 5 }, { fetch }).validate('', pw)).toEqual(want);
  });

  it('case=line without a count means 1 breach', async () => {
    const pw = randomBytes(10).toString('hex');
    const fetch: FetchLike = async () => new Response(sha1Hex(pw).slice(5), { status: 200 });
    expect(await createPasswordPolicy({}, { fetch }).validate('', pw)).toEqual(breached(1));
    expect(await createPasswordPolicy({ max_breaches: 5 }, { fetch }).validate('', pw)).toBeUndefined();
  });

  it('case=cache hit avoids a second call', async () => {
    const { fetch, urls } = fakeRange({ 'fjs83-kd92k': 17 });
    const p = createPasswordPolicy({}, { fetch });
    expect(await p.validate('', 'fjs83-kd92k')).toEqual(breached(17));
    expect(await p.validate('someone@example.com', 'fjs83-kd92k')).toEqual(breached(17));
    expect(urls).toHaveLength(1);
  });

  const hang: FetchLike = (_url, init) =>
    new Promise((_resolve, reject) =>
      init.signal.addEventListener('abort', () => reject(init.signal.reason)),
    );
  const failures: { name: string; fetch: FetchLike; reason: string }[] = [
    {
      name: 'network error',
      fetch: offline().fetch,
      reason: 'Unable to check if password has been leaked because an unexpected network error occurred',
    },
    {
      name: 'timeout',
      fetch: hang,
      reason: 'Unable to check if password has been leaked because an unexpected network error occurred',
    },
    {
      name: 'status 500',
      fetch: async () => new Response('oops', { status: 500 }),
      reason: 'Unexpected status code from haveibeenpwned.com',
    },
    {
      name: 'status 403',
      fetch: async () => new Response('', { status: 403 }),
      reason: 'Unexpected status code from haveibeenpwned.com',
    },
  ];

  it.each(failures)('case=$name with ignore_network_errors true → accepted', async ({ fetch }) => {
    const p = createPasswordPolicy({}, { fetch, hibpTimeoutMs: 20 });
    expect(await p.validate('', 'jenuzuhjoj')).toBeUndefined();
  });

  it.each(failures)(
    'case=$name with ignore_network_errors false → 502 upstream_error',
    async ({ fetch, reason }) => {
      const p = createPasswordPolicy({ ignore_network_errors: false }, { fetch, hibpTimeoutMs: 20 });
      const err = await rejection(p.validate('', 'jolhakowef'));
      expect(err.toJSON()).toEqual({
        error: {
          id: 'upstream_error',
          code: 502,
          status: 'Bad Gateway',
          reason,
          message: 'Leaked password server unavailable',
        },
      });
    },
  );

  it('case=offline list still answers when ignore_network_errors is false and the network is down', async () => {
    const p = createPasswordPolicy({ ignore_network_errors: false }, { fetch: offline().fetch });
    expect(await p.validate('', '12345678')).toEqual(breached(1));
  });

  it('case=malformed count is an upstream error even with ignore_network_errors true (as in Kratos)', async () => {
    const fetch: FetchLike = async () =>
      new Response('0018A45C4D1DEF81644B54AB7F969B88D65:text', { status: 200 });
    const err = await rejection(createPasswordPolicy({}, { fetch }).validate('', 'sumdarmetp'));
    expect(err.status).toBe(502);
    expect(err.message).toBe('Upstream error');
    expect(err.reason).toBe('Expected password hash to contain a count formatted as int but got: text');
  });
});
