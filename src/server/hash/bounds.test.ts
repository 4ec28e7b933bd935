// Import validation and the refusal of dangerous or broken stored hashes. None of these hashes is ever
// computed: several would need gigabytes of memory or hours of CPU, so a passing run is itself the proof.

import { describe, expect, it } from 'vitest';
import { validateImportedHash, verifyPassword } from './comparator';
import {
  HashParametersOutOfBoundsError,
  MalformedHashError,
  UNKNOWN_HASH_FORMAT_REASON,
  UnknownHashFormatError,
} from './errors';

// Well-formed payloads of a given byte length (the bytes are irrelevant: nothing is compared).
const raw = (n: number): string => Buffer.alloc(n, 7).toString('base64').replace(/=+$/, '');
const std = (n: number): string => Buffer.alloc(n, 7).toString('base64');
const BCRYPT_TAIL = 'GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC';
const KEY43 = 'a'.repeat(43);
const KEY86 = 'a'.repeat(86);

const argon2 = (variant: string, params: string, salt = raw(16), key = raw(32)): string =>
  `$${variant}$v=19$${params}$${salt}$${key}`;
const scrypt = (params: string, key = std(32)): string => `$scrypt$${params}$${std(16)}$${key}`;
const fire = (params: string, hash = std(64)): string =>
  `$firescrypt$${params}$${std(12)}$${hash}$Bw==$${std(64)}`;
const pbkdf2 = (alg: string, params: string, key = raw(32)): string =>
  `$pbkdf2-${alg}$${params}$${raw(16)}$${key}`;

const OUT_OF_BOUNDS: [string, string][] = [
  ['argon2id m > 1 GiB', argon2('argon2id', 'm=1048577,t=1,p=1')],
  ['argon2id m = 8 GiB', argon2('argon2id', 'm=8388608,t=2,p=4')],
  ['argon2id m = 0', argon2('argon2id', 'm=0,t=1,p=1')],
  ['argon2id t > 10', argon2('argon2id', 'm=65536,t=11,p=1')],
  ['argon2id t = 1000', argon2('argon2id', 'm=65536,t=1000,p=4')],
  ['argon2id t = 0', argon2('argon2id', 'm=65536,t=0,p=1')],
  ['argon2id p > 16', argon2('argon2id', 'm=65536,t=1,p=17')],
  ['argon2id p = 0', argon2('argon2id', 'm=65536,t=1,p=0')],
  ['argon2id p = 300 (Go: uint8 overflow)', argon2('argon2id', 'm=65536,t=1,p=300')],
  ['argon2id m < 8p (libargon2 cannot)', argon2('argon2id', 'm=8,t=1,p=2')],
  ['argon2id salt < 8 bytes', argon2('argon2id', 'm=64,t=1,p=1', raw(7))],
  ['argon2id key < 16 bytes', argon2('argon2id', 'm=64,t=1,p=1', raw(16), raw(15))],
  ['argon2id empty key (matches anything in Kratos)', argon2('argon2id', 'm=64,t=1,p=1', raw(16), '')],
  ['argon2i m = 8 GiB', argon2('argon2i', 'm=8388608,t=3,p=4')],
  ['bcrypt cost 16', `$2a$16$${BCRYPT_TAIL}`],
  ['bcrypt cost 20', `$2a$20$${BCRYPT_TAIL}`],
  ['bcrypt cost 31', `$2b$31$${BCRYPT_TAIL}`],
  ['bcrypt cost 99', `$2y$99$${BCRYPT_TAIL}`],
  ['bcrypt cost 03', `$2a$03$${BCRYPT_TAIL}`],
  ['scrypt N = 2^18', scrypt('ln=262144,r=8,p=1')],
  ['scrypt N = 2^21 + 1', scrypt('ln=2097153,r=8,p=1')],
  ['scrypt N = 0', scrypt('ln=0,r=8,p=1')],
  ['scrypt N = 1', scrypt('ln=1,r=8,p=1')],
  ['scrypt N not a power of two', scrypt('ln=1000,r=8,p=1')],
  ['scrypt r > 8', scrypt('ln=16384,r=9,p=1')],
  ['scrypt r = 1024', scrypt('ln=16384,r=1024,p=1')],
  ['scrypt r = 0', scrypt('ln=16384,r=0,p=1')],
  ['scrypt p > 10', scrypt('ln=16384,r=8,p=11')],
  ['scrypt p = 0', scrypt('ln=16384,r=8,p=0')],
  ['scrypt empty key (matches anything in Kratos)', scrypt('ln=16384,r=8,p=1', '')],
  ['firescrypt ln = 18', fire('ln=18,r=8,p=1')],
  ['firescrypt ln = 31', fire('ln=31,r=8,p=1')],
  ['firescrypt ln = 0', fire('ln=0,r=8,p=1')],
  ['firescrypt r = 1024', fire('ln=14,r=1024,p=1')],
  ['firescrypt p = 1024', fire('ln=14,r=8,p=1024')],
  ['firescrypt empty hash', fire('ln=14,r=8,p=1', '')],
  ['pbkdf2 i > 10 M', pbkdf2('sha256', 'i=10000001,l=32')],
  ['pbkdf2 i = 1 G', pbkdf2('sha256', 'i=1000000000,l=32')],
  ['pbkdf2 i = 0', pbkdf2('sha256', 'i=0,l=32')],
  ['pbkdf2 5 M iterations × 4 sha1 blocks', pbkdf2('sha1', 'i=5000000,l=64', raw(64))],
  ['pbkdf2 key < 16 bytes', pbkdf2('sha256', 'i=1000,l=15', raw(15))],
  ['pbkdf2 empty key', pbkdf2('sha256', 'i=1000,l=0', '')],
  ['sha256-crypt rounds > 5 M', `$sha256-crypt$rounds=5000001$salt$${KEY43}`],
  ['sha512-crypt rounds = 2^32-1', `$sha512-crypt$rounds=4294967295$salt$${KEY86}`],
];

const WITHIN_BOUNDS: [string, string][] = [
  ['argon2id at every maximum', argon2('argon2id', 'm=1048576,t=10,p=16')],
  ['argon2i m = 8p', argon2('argon2i', 'm=16,t=1,p=2')],
  ['argon2id trailing text after p (ignored like Sscanf)', argon2('argon2id', 'm=64,t=1,p=1,keyid=x')],
  ['bcrypt cost 15', `$2a$15$${BCRYPT_TAIL}`],
  ['bcrypt cost 04', `$2a$04$${BCRYPT_TAIL}`],
  ['scrypt at every maximum', scrypt('ln=131072,r=8,p=10')],
  ['firescrypt at every maximum', fire('ln=17,r=8,p=10')],
  ['pbkdf2 10 M iterations, one block', pbkdf2('sha256', 'i=10000000,l=32')],
  ['pbkdf2 5 M iterations × 2 sha1 blocks', pbkdf2('sha1', 'i=5000000,l=40', raw(40))],
  ['pbkdf2 l disagrees with the key (ignored like Kratos)', pbkdf2('sha512', 'i=1000,l=99')],
  ['sha512-crypt rounds = 5 M', `$sha512-crypt$rounds=5000000$salt$${KEY86}`],
  ['sha256-crypt rounds = 0 (go-crypt runs none)', `$sha256-crypt$rounds=0$salt$${KEY43}`],
  ['md5 without parameters', `$md5$${std(16)}`],
  ['ssha without parameters', `{SSHA}${std(28)}`],
];

const UNKNOWN: [string, string][] = [
  ['empty', ''],
  ['plain text', 'hunter2'],
  ['bcrypt $2x$', `$2x$05$${BCRYPT_TAIL}`],
  ['argon2d', argon2('argon2d', 'm=64,t=1,p=1')],
  ['pbkdf2 with md5', pbkdf2('md5', 'i=1000,l=32')],
  ['pbkdf2 without digest', `$pbkdf2$i=1000,l=32$${raw(16)}$${raw(32)}`],
  ['sha384 salted', `$sha384$pf=e1NBTFR9$${std(4)}$${std(48)}`],
  ['LDAP {SHA}', `{SHA}${std(20)}`],
  ['LDAP {SSHA384}', `{SSHA384}${std(52)}`],
  ['hmac-ripemd160', `$hmac-ripemd160$${std(40)}$${std(4)}`],
  ['crypt $1$ without Kratos prefix', '$1$saltsalt$NuzA7WTAelpl95xgBGWN60'],
  ['leading space', ` $2a$05$${BCRYPT_TAIL}`],
  ['upper case prefix', `$SCRYPT$ln=16384,r=8,p=1$${std(16)}$${std(32)}`],
];

const MALFORMED: [string, string][] = [
  ['argon2id 5 parts', `$argon2id$v=19$m=64,t=1,p=1$${raw(16)}`],
  ['argon2id 7 parts', `${argon2('argon2id', 'm=64,t=1,p=1')}$x`],
  ['argon2id v=16', `$argon2id$v=16$m=64,t=1,p=1$${raw(16)}$${raw(32)}`],
  ['argon2id without version', `$argon2id$m=64,t=1,p=1$${raw(16)}$${raw(32)}`],
  ['argon2id m,p,t order (the argon2 npm encoder order)', argon2('argon2id', 'm=64,p=1,t=1')],
  ['argon2id padded salt', argon2('argon2id', 'm=64,t=1,p=1', std(16))],
  ['argon2id url-safe key', argon2('argon2id', 'm=64,t=1,p=1', raw(16), '-_' + raw(30).slice(2))],
  ['argon2id non-zero spare bits', argon2('argon2id', 'm=64,t=1,p=1', raw(15) + 'R')],
  ['bcrypt too short', `$2a$05$${BCRYPT_TAIL.slice(1)}`],
  ['bcrypt too long', `$2a$05$${BCRYPT_TAIL}x`],
  ['bcrypt bad character', `$2a$05$${BCRYPT_TAIL.slice(0, 10)}!${BCRYPT_TAIL.slice(11)}`],
  ['bcrypt one-digit cost', `$2a$5$${BCRYPT_TAIL}`],
  ['bcrypt letters as cost', `$2a$ab$${BCRYPT_TAIL}`],
  ['pbkdf2 4 parts', `$pbkdf2-sha256$i=1000,l=32$${raw(16)}`],
  ['pbkdf2 l missing', pbkdf2('sha256', 'i=1000')],
  ['pbkdf2 l before i', pbkdf2('sha256', 'l=32,i=1000')],
  ['pbkdf2 padded key', pbkdf2('sha256', 'i=1000,l=32', std(32))],
  ['scrypt unpadded salt', `$scrypt$ln=16384,r=8,p=1$${raw(16)}$${std(32)}`],
  ['scrypt parameters out of order', scrypt('ln=16384,p=1,r=8')],
  ['scrypt 6 parts', `${scrypt('ln=16384,r=8,p=1')}$x`],
  ['firescrypt 6 parts', `$firescrypt$ln=14,r=8,p=1$${std(12)}$${std(64)}$Bw==`],
  ['firescrypt bad separator', `$firescrypt$ln=14,r=8,p=1$${std(12)}$${std(64)}$B$${std(64)}`],
  ['ssha without payload', '{SSHA}'],
  ['ssha without salt', `{SSHA}${std(20)}`],
  ['ssha256 without salt', `{SSHA256}${std(32)}`],
  ['ssha bad base64', '{SSHA}not*base64'],
  ['sha1 without pf', `$sha1$${std(4)}$${std(4)}$${std(20)}`],
  ['sha1 empty pf', `$sha1$pf=$${std(4)}$${std(20)}`],
  ['sha256 4 parts', `$sha256$pf=e1NBTFR9$${std(32)}`],
  ['sha512 pf not base64', `$sha512$pf=*$${std(4)}$${std(64)}`],
  ['md5 4 parts', `$md5$pf=e1NBTFR9$${std(16)}`],
  ['md5 bad base64', '$md5$abc'],
  ['md5-crypt without key', '$md5-crypt$saltsalt'],
  ['md5-crypt short key', '$md5-crypt$saltsalt$NuzA7WTAelpl95xgBGWN6'],
  ['sha256-crypt rounds not a number', `$sha256-crypt$rounds=abc$salt$${KEY43}`],
  ['sha256-crypt unknown parameter', `$sha256-crypt$cost=5000$salt$${KEY43}`],
  ['sha256-crypt empty parameters', `$sha256-crypt$$salt$${KEY43}`],
  ['sha256-crypt rounds > 2^32-1', `$sha256-crypt$rounds=4294967296$salt$${KEY43}`],
  ['sha512-crypt empty key', '$sha512-crypt$salt$'],
  ['sha512-crypt sha256-length key', `$sha512-crypt$salt$${KEY43}`],
  ['hmac 3 parts', `$hmac-sha256$${std(64)}`],
  ['hmac 5 parts', `$hmac-sha256$${std(64)}$${std(4)}$x`],
  ['hmac key not base64', `$hmac-sha256$${std(64)}$*`],
];

describe('validateImportedHash', () => {
  it.each(OUT_OF_BOUNDS)('case=%s is out of bounds', (_c, encoded) => {
    expect(() => validateImportedHash(encoded)).toThrow(HashParametersOutOfBoundsError);
  });

  it.each(WITHIN_BOUNDS)('case=%s is accepted', (_c, encoded) => {
    expect(() => validateImportedHash(encoded)).not.toThrow();
  });

  it.each(UNKNOWN)('case=%s is an unknown format', (_c, encoded) => {
    expect(() => validateImportedHash(encoded)).toThrow(UnknownHashFormatError);
    expect(() => validateImportedHash(encoded)).toThrow(UNKNOWN_HASH_FORMAT_REASON);
  });

  it.each(MALFORMED)('case=%s is malformed', (_c, encoded) => {
    expect(() => validateImportedHash(encoded)).toThrow(MalformedHashError);
  });

  it('names the family and the offending parameter', () => {
    const err = (() => {
      try {
        validateImportedHash(argon2('argon2id', 'm=8388608,t=2,p=4'));
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(err).toBeInstanceOf(HashParametersOutOfBoundsError);
    expect(err).toMatchObject({ family: 'argon2id', reason: 'argon2 m=8388608 not in [1, 1048576]' });
  });
});

describe('verifyPassword refuses unusable hashes without hashing', () => {
  it.each(OUT_OF_BOUNDS)('case=%s rejects with the bounds error', async (_c, encoded) => {
    const started = performance.now();
    await expect(verifyPassword('any-password', encoded)).rejects.toThrow(HashParametersOutOfBoundsError);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it.each(UNKNOWN)('case=%s rejects as unknown', async (_c, encoded) => {
    await expect(verifyPassword('any-password', encoded)).rejects.toThrow(UnknownHashFormatError);
  });

  it.each(MALFORMED)('case=%s resolves false', async (_c, encoded) => {
    await expect(verifyPassword('any-password', encoded)).resolves.toBe(false);
  });

  it.each([
    ['md5 with an empty hash', '$md5$'],
    ['sha1 with an empty hash', `$sha1$pf=e1BBU1NXT1JEfQ==$$`],
    ['hmac with an empty hash', '$hmac-sha1$$'],
    ['ssha whose hash part is not the digest', `{SSHA}${std(28)}`],
  ])('case=%s resolves false', async (_c, encoded) => {
    await expect(verifyPassword('', encoded)).resolves.toBe(false);
  });
});
