import { TOTP, URI } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { goPathEscape, newTotpKey, secretOfKeyUrl, totpCodeAt, validateTotpCode } from './generator';

const AT = new Date('2026-03-01T12:00:10Z');

describe('newTotpKey', () => {
  it('case=key URL has pquerna’s form: sorted query, issuer and account in the path, 32-char secret', () => {
    const key = newTotpKey('127.0.0.1', 'ada@example.com');
    expect(key.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(key.url).toBe(
      `otpauth://totp/127.0.0.1:ada@example.com?algorithm=SHA1&digits=6&issuer=127.0.0.1&period=30&secret=${key.secret}`,
    );
  });

  it('case=secrets come from the CSPRNG and differ every time', () => {
    const secrets = new Set(Array.from({ length: 50 }, () => newTotpKey('x', 'y').secret));
    expect(secrets.size).toBe(50);
  });

  it('case=account names and issuers are escaped like Go escapes a URL path and a path segment', () => {
    const key = newTotpKey('My App', 'Jöhn Doe/ä?');
    expect(key.url.startsWith('otpauth://totp/My%20App:J%C3%B6hn%20Doe/%C3%A4%3F?')).toBe(true);
    expect(key.url).toContain('&issuer=My%20App&');
    expect(goPathEscape("a-_.~$&+,/:;=@!*'()")).toBe('a-_.~$&+,/:;=@%21%2A%27%28%29');
  });

  it('case=the URL parses with otpauth and yields the same codes', () => {
    const key = newTotpKey('example.org', 'user');
    const parsed = URI.parse(key.url);
    expect(parsed).toBeInstanceOf(TOTP);
    expect(parsed.issuer).toBe('example.org');
    expect(parsed.label).toBe('user');
    expect(parsed.generate({ timestamp: AT.getTime() })).toBe(totpCodeAt(key.url, AT));
    expect(secretOfKeyUrl(key.url)).toBe(key.secret);
  });
});

describe('validateTotpCode', () => {
  const key = newTotpKey('example.org', 'user');
  const code = totpCodeAt(key.url, AT);

  it.each([
    ['current step', 0, true],
    ['previous step (skew 1)', -30_000, true],
    ['next step (skew 1)', 30_000, true],
    ['two steps back', -60_000, false],
    ['two steps ahead', 60_000, false],
  ])('case=%s', (_name, offsetMs, ok) => {
    expect(validateTotpCode(key.url, code, new Date(AT.getTime() + offsetMs))).toBe(ok);
  });

  it.each([
    ['wrong code', String((Number(code) + 1) % 1_000_000).padStart(6, '0'), false],
    ['surrounding spaces are trimmed', ` ${code} `, true],
    ['five digits', code.slice(0, 5), false],
    ['seven digits', `${code}0`, false],
    ['empty', '', false],
  ])('case=%s', (_name, candidate, ok) => {
    expect(validateTotpCode(key.url, candidate, AT)).toBe(ok);
  });

  it('case=the secret alone decides, as in Kratos: other URL parameters are ignored', () => {
    const sha256 = key.url.replace('algorithm=SHA1', 'algorithm=SHA256').replace('digits=6', 'digits=8');
    expect(validateTotpCode(sha256, code, AT)).toBe(true);
  });

  it('case=lower-case secrets are accepted like pquerna accepts them', () => {
    const lower = key.url.replace(key.secret, key.secret.toLowerCase());
    expect(validateTotpCode(lower, code, AT)).toBe(true);
  });

  it.each([
    ['empty URL', ''],
    ['no query', 'otpauth://totp/x'],
    ['no secret', 'otpauth://totp/x?issuer=y'],
    ['secret not base32', 'otpauth://totp/x?secret=not-base32!'],
  ])('case=unusable key URL (%s) never validates', (_name, url) => {
    expect(validateTotpCode(url, '123456', AT)).toBe(false);
  });

  it('case=codes of a known RFC 6238 secret match the reference values', () => {
    // RFC 6238 appendix B, SHA1 with the ASCII secret "12345678901234567890" (base32 below), 6 digits.
    const url = 'otpauth://totp/x?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCodeAt(url, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(url, new Date(1_111_111_109_000))).toBe('081804');
    expect(validateTotpCode(url, '081804', new Date(1_111_111_109_000))).toBe(true);
  });
});
