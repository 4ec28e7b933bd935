// TOTP keys as Kratos makes and checks them (selfservice/strategy/totp/generator.go with pquerna/otp):
// SHA1, six digits, 30-second steps, a 160-bit secret from the CSPRNG (RFC 4226 recommends 160 bits), and
// the key URL `otpauth://totp/<issuer>:<account>?algorithm=SHA1&digits=6&issuer=<issuer>&period=30&secret=…`
// in pquerna's exact form. Codes are checked like pquerna's totp.Validate: the secret alone decides (the
// URL's other parameters are ignored, as in Kratos), one step of clock skew either way, constant time.
import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

export const TOTP_SECRET_BYTES = 160 / 8;
export const TOTP_DIGITS = 6;
export const TOTP_PERIOD_SECONDS = 30;
/** pquerna's default skew: the previous and the next step are accepted too. */
const SKEW_STEPS = 1;

export interface TotpKey {
  /** The otpauth:// URL stored in the credential and encoded in the QR code. */
  url: string;
  /** The base32 secret (no padding) shown to people who cannot scan the code. */
  secret: string;
}

/** A new key for `accountName` at `issuer`. */
export function newTotpKey(issuer: string, accountName: string): TotpKey {
  const secret = new Secret({ buffer: randomBytes(TOTP_SECRET_BYTES).buffer }).base32.replace(/=+$/, '');
  const query = [
    ['algorithm', 'SHA1'],
    ['digits', String(TOTP_DIGITS)],
    ['issuer', issuer],
    ['period', String(TOTP_PERIOD_SECONDS)],
    ['secret', secret],
  ]
    .map(([k, v]) => `${goPathSegmentEscape(k as string)}=${goPathSegmentEscape(v as string)}`)
    .join('&');
  return { url: `otpauth://totp/${goPathEscape(`${issuer}:${accountName}`)}?${query}`, secret };
}

/** The `secret` query parameter of a key URL (otp.Key.Secret), or undefined when the URL is unusable. */
export function secretOfKeyUrl(keyUrl: string): string | undefined {
  const trimmed = keyUrl.trim();
  if (trimmed === '') return undefined;
  const q = trimmed.indexOf('?');
  if (q < 0) return '';
  try {
    return new URLSearchParams(trimmed.slice(q + 1)).get('secret') ?? '';
  } catch {
    return undefined;
  }
}

/** Whether `code` is the current code of the key (± one step) at `now`. */
export function validateTotpCode(keyUrl: string, code: string, now: Date): boolean {
  const secret = decodeSecret(secretOfKeyUrl(keyUrl));
  const token = code.trim();
  if (!secret || secret.bytes.length === 0 || token.length !== TOTP_DIGITS) return false;
  const delta = TOTP.validate({
    token,
    secret,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
    window: SKEW_STEPS,
  });
  return delta !== null;
}

/** The code of the key at `now` (tests and the console's helpers). */
export function totpCodeAt(keyUrl: string, now: Date): string {
  const secret = decodeSecret(secretOfKeyUrl(keyUrl));
  if (!secret) throw new Error('the TOTP key URL has no usable secret');
  return TOTP.generate({
    secret,
    algorithm: 'SHA1',
    digits: TOTP_DIGITS,
    period: TOTP_PERIOD_SECONDS,
    timestamp: now.getTime(),
  });
}

/** pquerna trims, upper-cases and pads the secret before base32-decoding it. */
function decodeSecret(raw: string | undefined): Secret | undefined {
  if (raw === undefined) return undefined;
  const upper = raw.trim().toUpperCase().replace(/=+$/, '');
  if (!/^[A-Z2-7]*$/.test(upper)) return undefined;
  try {
    return Secret.fromBase32(upper);
  } catch {
    return undefined;
  }
}

// Go's net/url escaping: url.URL.String() escapes the path with encodePath, pquerna's query encoder uses
// url.PathEscape (encodePathSegment). Unreserved characters never change; the modes differ in which
// reserved characters they keep.
const UNRESERVED = /[A-Za-z0-9\-_.~]/;

function goEscape(s: string, keep: string): string {
  let out = '';
  for (const byte of Buffer.from(s, 'utf8')) {
    const ch = String.fromCharCode(byte);
    if (byte < 0x80 && (UNRESERVED.test(ch) || keep.includes(ch))) out += ch;
    else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** url.URL.EscapedPath for a path without a leading slash. */
export const goPathEscape = (s: string): string => goEscape(s, '$&+,/:;=@');

/** url.PathEscape. */
export const goPathSegmentEscape = (s: string): string => goEscape(s, '$&+:=@');
