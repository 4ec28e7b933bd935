// Byte-level helpers shared by the hash families: Go-compatible base64 decoding, the crypt(3) and bcrypt
// alphabets, and constant-time comparison.
//
// Buffer.from(s, 'base64') is deliberately not used on untrusted input: it accepts URL-safe characters,
// missing padding and garbage, so it would accept hashes Kratos rejects (and vice versa for strictness).

import { timingSafeEqual } from 'node:crypto';

export interface Base64Rules {
  /** StdEncoding (true: '=' padding required) or RawStdEncoding (false: no '=' allowed). */
  padded: boolean;
  /** Go's Encoding.Strict(): the unused bits of the last character must be zero. */
  strict: boolean;
}

/** base64.StdEncoding.Strict(): scrypt, firescrypt, $sha*$, $md5$, $hmac-*$. */
export const STD_STRICT: Base64Rules = { padded: true, strict: true };
/** base64.RawStdEncoding.Strict(): argon2 and pbkdf2 (PHC style). */
export const RAW_STD_STRICT: Base64Rules = { padded: false, strict: true };
/** base64.StdEncoding (lenient about trailing bits): LDAP {SSHA*}. */
export const STD_LENIENT: Base64Rules = { padded: true, strict: false };

const STD_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const STD_BODY = /^[A-Za-z0-9+/]*$/;

/**
 * Decodes standard-alphabet base64 with the rules of Go's encoding/base64. Returns undefined for input Go
 * would reject. Like Go, carriage returns and newlines anywhere in the input are ignored.
 */
export function decodeBase64(input: string, rules: Base64Rules): Buffer | undefined {
  const s = input.replace(/[\r\n]/g, '');
  let body = s;
  if (rules.padded) {
    if (s.length % 4 !== 0) return undefined;
    if (s.endsWith('==')) body = s.slice(0, -2);
    else if (s.endsWith('=')) body = s.slice(0, -1);
    // "x===" and similar leave a body whose last quantum has a single character: invalid.
    if (body.length % 4 === 1) return undefined;
  } else if (s.length % 4 === 1) {
    return undefined;
  }
  if (!STD_BODY.test(body)) return undefined;
  if (rules.strict && !trailingBitsAreZero(body)) return undefined;
  return Buffer.from(body, 'base64');
}

function trailingBitsAreZero(body: string): boolean {
  const rest = body.length % 4;
  if (rest === 0) return true;
  const last = STD_ALPHABET.indexOf(body.charAt(body.length - 1));
  // Two characters carry one byte (4 spare bits), three carry two bytes (2 spare bits).
  const spareMask = rest === 2 ? 0x0f : 0x03;
  return (last & spareMask) === 0;
}

/** base64.RawStdEncoding.EncodeToString: the PHC style Kratos writes for argon2 and pbkdf2. */
export function encodeBase64Raw(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64').replace(/=+$/, '');
}

const BCRYPT_ALPHABET = './ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** bcrypt's base64: the standard bit order with its own alphabet and no padding. */
export function encodeBcryptBase64(bytes: Uint8Array): string {
  const std = encodeBase64Raw(bytes);
  let out = '';
  for (const ch of std) out += BCRYPT_ALPHABET.charAt(STD_ALPHABET.indexOf(ch));
  return out;
}

export const BCRYPT_CHARS = /^[./A-Za-z0-9]*$/;

const CRYPT_ALPHABET = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * crypt(3)'s "b64_from_24bit": packs up to three bytes (first one most significant) and emits `chars`
 * characters, least significant six bits first.
 */
export function cryptBase64Group(b2: number, b1: number, b0: number, chars: number): string {
  let w = (b2 << 16) | (b1 << 8) | b0;
  let out = '';
  for (let i = 0; i < chars; i++) {
    out += CRYPT_ALPHABET.charAt(w & 0x3f);
    w >>>= 6;
  }
  return out;
}

/**
 * Constant-time equality. Different lengths are unequal (the length itself is not secret: it follows
 * from the hash format), but we still run a comparison so both paths do similar work.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
