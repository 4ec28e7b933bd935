import { describe, expect, it } from 'vitest';
import { PasswordTooLongError } from './errors';
import { createHasher } from './hasher';
import type { Hasher } from './model';

// Small parameters keep the suite fast; production values only change the numbers in the string.
const argon2Hasher = (): Hasher =>
  createHasher(
    {
      algorithm: 'argon2',
      argon2: { memory: '64KB', iterations: 2, parallelism: 2, salt_length: 16, key_length: 32 },
    },
    { dev: false },
  );
const bcryptHasher = (cost = 4): Hasher =>
  createHasher({ algorithm: 'bcrypt', bcrypt: { cost } }, { dev: true });

describe('argon2id hasher', () => {
  it('writes Kratos PHC strings with the configured parameters and verifies them', async () => {
    const h = argon2Hasher();
    const encoded = await h.hash('correct horse');
    // RawStd base64: 16-byte salt = 22 characters, 32-byte key = 43 characters, no padding.
    expect(encoded).toMatch(/^\$argon2id\$v=19\$m=64,t=2,p=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await h.verify('correct horse', encoded)).toBe(true);
    expect(await h.verify('correct horsf', encoded)).toBe(false);
    expect(h.understands(encoded)).toBe(true);
    expect(h.needsRehash(encoded)).toBe(false);
  });

  it('uses a fresh salt for every hash', async () => {
    const h = argon2Hasher();
    const [a, b] = await Promise.all([h.hash('same'), h.hash('same')]);
    expect(a).not.toBe(b);
  });

  it('honours salt_length and key_length', async () => {
    const h = createHasher(
      {
        algorithm: 'argon2',
        argon2: { memory: '1MB', iterations: 1, parallelism: 1, salt_length: 32, key_length: 64 },
      },
      { dev: false },
    );
    const encoded = await h.hash('pw');
    const [, , , params, salt, key] = encoded.split('$');
    expect(params).toBe('m=1024,t=1,p=1');
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(32);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
    expect(await h.verify('pw', encoded)).toBe(true);
  });

  it('hashes passwords of any length (no 72-byte rule)', async () => {
    const h = argon2Hasher();
    const long = 'x'.repeat(1000);
    expect(await h.verify(long, await h.hash(long))).toBe(true);
  });
});

describe('bcrypt hasher', () => {
  it('writes $2a$ like Go and verifies it', async () => {
    const h = bcryptHasher();
    const encoded = await h.hash('correct horse');
    expect(encoded).toMatch(/^\$2a\$04\$[./A-Za-z0-9]{53}$/);
    expect(await h.verify('correct horse', encoded)).toBe(true);
    expect(await h.verify('correct horsf', encoded)).toBe(false);
  });

  it('applies the cost floor of 12 outside dev mode', async () => {
    const h = createHasher({ algorithm: 'bcrypt', bcrypt: { cost: 4 } }, { dev: false });
    expect(await h.hash('pw')).toMatch(/^\$2a\$12\$/);
  });

  it('accepts exactly 72 bytes', async () => {
    const h = bcryptHasher();
    const pw = 'p'.repeat(72);
    expect(await h.verify(pw, await h.hash(pw))).toBe(true);
  });

  it.each([
    ['73 ASCII characters', 'p'.repeat(73), 73],
    // 37 × "ü" is 37 characters but 74 UTF-8 bytes: the limit is on bytes, like Kratos.
    ['37 two-byte characters', 'ü'.repeat(37), 74],
    ['18 four-byte characters + 1', '😀'.repeat(18) + 'a', 73],
  ])('case=%s is refused with a typed error, not truncated', async (_c, pw, bytes) => {
    const err = await bcryptHasher()
      .hash(pw)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(PasswordTooLongError);
    expect(err).toMatchObject({ maxBytes: 72, actualBytes: bytes });
    expect((err as Error).message).toBe(`The password must be at most 72 characters long, but got ${bytes}.`);
  });

  it('never matches a longer password whose first 72 bytes match (no silent truncation)', async () => {
    const h = bcryptHasher();
    const pw = 'p'.repeat(72);
    const encoded = await h.hash(pw);
    expect(await h.verify(pw + 'extra', encoded)).toBe(false);
  });
});

describe('verify accepts every supported format whatever the configured algorithm', () => {
  it('bcrypt hasher verifies argon2id and the other way round', async () => {
    const a = argon2Hasher();
    const b = bcryptHasher();
    expect(await b.verify('pw', await a.hash('pw'))).toBe(true);
    expect(await a.verify('pw', await b.hash('pw'))).toBe(true);
  });
});

describe('understands and needsRehash', () => {
  const other = {
    argon2idOtherParams: '$argon2id$v=19$m=128,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43),
    argon2idShortSalt: '$argon2id$v=19$m=64,t=2,p=2$c2FsdHNhbHQ$' + 'A'.repeat(43),
    argon2idLongKey: '$argon2id$v=19$m=64,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(86),
    argon2idSame: '$argon2id$v=19$m=64,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43),
    argon2i: '$argon2i$v=19$m=64,t=2,p=2$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43),
    bcrypt04: '$2a$04$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC',
    bcrypt04b: '$2b$04$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC',
    bcrypt05: '$2y$05$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC',
    pbkdf2: '$pbkdf2-sha256$i=1000,l=32$c2FsdA$' + 'A'.repeat(43),
    md5: '$md5$PLTnMmMfR+brlh80VUt83g==',
    garbage: 'not a hash',
  };

  it.each([
    ['argon2idSame', true, false],
    ['argon2idOtherParams', true, true],
    ['argon2idShortSalt', true, true],
    ['argon2idLongKey', true, true],
    ['argon2i', false, true],
    ['bcrypt04', false, true],
    ['pbkdf2', false, true],
    ['md5', false, true],
    ['garbage', false, true],
  ] as const)('argon2 config: case=%s', (key, understands, rehash) => {
    const h = argon2Hasher();
    expect(h.understands(other[key])).toBe(understands);
    expect(h.needsRehash(other[key])).toBe(rehash);
  });

  it.each([
    ['bcrypt04', true, false],
    // Same cost, other minor: Go treats them alike, so there is nothing to upgrade.
    ['bcrypt04b', true, false],
    ['bcrypt05', true, true],
    ['argon2idSame', false, true],
    ['md5', false, true],
    ['garbage', false, true],
  ] as const)('bcrypt cost 4 config: case=%s', (key, understands, rehash) => {
    const h = bcryptHasher(4);
    expect(h.understands(other[key])).toBe(understands);
    expect(h.needsRehash(other[key])).toBe(rehash);
  });

  it('exposes the configured algorithm', () => {
    expect(argon2Hasher().algorithm).toBe('argon2');
    expect(bcryptHasher().algorithm).toBe('bcrypt');
  });
});
