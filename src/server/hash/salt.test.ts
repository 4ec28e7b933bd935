// New hashes take their salt from node:crypto's CSPRNG, at least 16 bytes of it. node:crypto is wrapped
// (not replaced) so the test can see exactly which bytes were drawn and find them in the output.

import type * as NodeCrypto from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { encodeBase64Raw, encodeBcryptBase64 } from './encoding';
import { createHasher } from './hasher';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof NodeCrypto>();
  return { ...actual, randomBytes: vi.fn(actual.randomBytes) };
});

const drawn = vi.mocked(randomBytes as (size: number) => Buffer);

beforeEach(() => {
  drawn.mockClear();
});

describe('salts come from node:crypto', () => {
  it.each([16, 24, 32])(
    'argon2id salt_length=%i draws that many bytes and stores them',
    async (saltLength) => {
      const h = createHasher(
        {
          algorithm: 'argon2',
          argon2: { memory: '64KB', iterations: 1, parallelism: 1, salt_length: saltLength, key_length: 32 },
        },
        { dev: false },
      );
      const encoded = await h.hash('pw');
      expect(drawn).toHaveBeenCalledOnce();
      expect(drawn).toHaveBeenCalledWith(saltLength);
      const salt = drawn.mock.results[0]?.value as Buffer;
      expect(salt.length).toBeGreaterThanOrEqual(16);
      expect(encoded.split('$')[4]).toBe(encodeBase64Raw(salt));
    },
  );

  it('bcrypt draws 16 bytes and stores them as its 22-character salt', async () => {
    const h = createHasher({ algorithm: 'bcrypt', bcrypt: { cost: 4 } }, { dev: true });
    const encoded = await h.hash('pw');
    expect(drawn).toHaveBeenCalledOnce();
    expect(drawn).toHaveBeenCalledWith(16);
    const salt = drawn.mock.results[0]?.value as Buffer;
    expect(encoded.slice(7, 29)).toBe(encodeBcryptBase64(salt));
  });
});
