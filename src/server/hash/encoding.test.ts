import { describe, expect, it } from 'vitest';
import {
  RAW_STD_STRICT,
  STD_LENIENT,
  STD_STRICT,
  constantTimeEqual,
  cryptBase64Group,
  decodeBase64,
  encodeBcryptBase64,
} from './encoding';
import { hmacMd4, md4 } from './md4';
import { expandSaltingFormat } from './salting-format';

const hex = (b: Buffer | undefined): string | undefined => b?.toString('hex');

describe('decodeBase64 follows Go encoding/base64', () => {
  it.each([
    // [case, input, StdEncoding.Strict(), RawStdEncoding.Strict(), StdEncoding (lenient)]
    ['empty', '', '', '', ''],
    ['padded one byte', 'YQ==', '61', undefined, '61'],
    ['padded two bytes', 'YWI=', '6162', undefined, '6162'],
    ['full quantum', 'YWJj', '616263', '616263', '616263'],
    ['raw one byte', 'YQ', undefined, '61', undefined],
    ['raw two bytes', 'YWI', undefined, '6162', undefined],
    ['non-zero spare bits (2 chars)', 'YR==', undefined, undefined, '61'],
    ['non-zero spare bits (3 chars)', 'YWJ=', undefined, undefined, '6162'],
    ['raw non-zero spare bits', 'YR', undefined, undefined, undefined],
    ['single char quantum', 'YWJjZ', undefined, undefined, undefined],
    ['three pad chars', 'Y===', undefined, undefined, undefined],
    ['padding in the middle', 'YQ==YWJj', undefined, undefined, undefined],
    ['url-safe alphabet', 'a-_b', undefined, undefined, undefined],
    ['standard alphabet +/', 'a+/b', '6befdb', '6befdb', '6befdb'],
    ['newlines ignored like Go', 'YW\nJj\r\n', '616263', '616263', '616263'],
    ['space is invalid', 'YW Jj', undefined, undefined, undefined],
    ['missing padding', 'YWI', undefined, '6162', undefined],
  ])('case=%s', (_c, input, std, raw, lenient) => {
    expect(hex(decodeBase64(input, STD_STRICT))).toBe(std);
    expect(hex(decodeBase64(input, RAW_STD_STRICT))).toBe(raw);
    expect(hex(decodeBase64(input, STD_LENIENT))).toBe(lenient);
  });
});

describe('bcrypt and crypt alphabets', () => {
  it('encodes 16 salt bytes as 22 bcrypt characters', () => {
    // bcrypt's alphabet is "./A-Za-z0-9" in standard bit order: zero bytes are all '.'.
    expect(encodeBcryptBase64(Buffer.alloc(16))).toBe('.'.repeat(22));
    expect(encodeBcryptBase64(Buffer.alloc(16, 0xff))).toMatch(/^9{21}u$/);
  });

  it('packs crypt groups least significant six bits first', () => {
    expect(cryptBase64Group(0, 0, 0, 4)).toBe('....');
    expect(cryptBase64Group(0, 0, 1, 2)).toBe('/.');
    expect(cryptBase64Group(0xff, 0xff, 0xff, 4)).toBe('zzzz');
  });
});

describe('constantTimeEqual', () => {
  it.each([
    ['equal', 'abc', 'abc', true],
    ['one byte differs', 'abc', 'abd', false],
    ['different lengths', 'abc', 'abcd', false],
    ['prefix', 'ab', 'abc', false],
    // Empty equals empty: every family refuses empty keys before comparing (see limits.ts).
    ['both empty', '', '', true],
  ])('case=%s', (_c, a, b, want) => {
    expect(constantTimeEqual(Buffer.from(a), Buffer.from(b))).toBe(want);
  });
});

describe('md4', () => {
  // The RFC 1320 appendix A.5 test suite.
  it.each([
    ['', '31d6cfe0d16ae931b73c59d7e0c089c0'],
    ['a', 'bde52cb31de33e46245e05fbdbd6fb24'],
    ['abc', 'a448017aaf21d8525fc10ae87aa6729d'],
    ['message digest', 'd9130a8164549fe818874806e1c7014b'],
    ['abcdefghijklmnopqrstuvwxyz', 'd79e1c308aa5bbcdeea8ed63df412da9'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', '043f8582f241db351ce627e153e7f0e4'],
    ['1234567890'.repeat(8), 'e33b4ddc9c38f2199c3e7b164fcc0536'],
  ])('case=%j', (input, want) => {
    expect(md4(Buffer.from(input)).toString('hex')).toBe(want);
  });

  it('matches OpenSSL HMAC-MD4 for a key longer than the block', () => {
    // printf 'correct horse' | openssl mac -provider legacy -provider default -digest MD4 \
    //   -macopt hexkey:<'a' x 100 in hex> HMAC
    expect(hmacMd4(Buffer.alloc(100, 'a'), Buffer.from('correct horse')).toString('hex')).toBe(
      '159a773d31fe3f1b62d151850e89b736',
    );
  });
});

describe('expandSaltingFormat', () => {
  const expand = (pf: string, salt: string, password: string): string =>
    Buffer.concat(expandSaltingFormat(Buffer.from(pf), Buffer.from(salt), Buffer.from(password))).toString();

  it.each([
    ['salt first', '{SALT}{PASSWORD}', 's', 'p', 'sp'],
    ['password first', '{PASSWORD}{SALT}', 's', 'p', 'ps'],
    ['literals and repeats', 'x{PASSWORD}--{SALT}{PASSWORD}', 's', 'p', 'xp--sp'],
    ['no placeholders', 'plain', 's', 'p', 'plain'],
    ['unknown placeholder stays', '{PEPPER}{SALT}', 's', 'p', '{PEPPER}s'],
    ['broken placeholder stays', '{SAL{SALT}', 's', 'p', '{SALs'],
    // One pass, like Go's strings.Replacer: inserted text is never expanded again.
    ['password containing a placeholder', '{PASSWORD}', 's', '{SALT}', '{SALT}'],
    ['salt containing a placeholder', '{SALT}{PASSWORD}', '{PASSWORD}', 'p', '{PASSWORD}p'],
  ])('case=%s', (_c, pf, salt, password, want) => {
    expect(expand(pf, salt, password)).toBe(want);
  });
});
