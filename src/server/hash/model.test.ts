import { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { HasherConfigError } from './errors';
import type { HashersConfig } from './model';
import { KRATOS_HASHERS_DEFAULTS, parseByteSize, resolveHashersConfig } from './model';

describe('parseByteSize (go-bytesize)', () => {
  it.each([
    ['128MB', 128 * 2 ** 20],
    ['1GB', 2 ** 30],
    ['64KB', 65536],
    ['512kb', 512 * 1024],
    ['1.5 KB', 1536],
    ['  2 megabytes ', 2 * 2 ** 20],
    ['100B', 100],
    ['.5MB', 2 ** 19],
    ['128', undefined],
    ['MB', undefined],
    ['12MBx', undefined],
    ['1.2.3MB', undefined],
    ['-1MB', undefined],
    ['', undefined],
  ])('case=%j', (input, want) => {
    expect(parseByteSize(input)).toBe(want);
  });
});

describe('KRATOS_HASHERS_DEFAULTS', () => {
  it('are Kratos defaults, with the schema default algorithm', () => {
    expect(KRATOS_HASHERS_DEFAULTS).toEqual({
      algorithm: 'bcrypt',
      argon2: {
        memory: '128MB',
        iterations: 1,
        parallelism: Math.min(2 * availableParallelism(), 16),
        salt_length: 16,
        key_length: 32,
        expected_duration: '500ms',
        expected_deviation: '500ms',
        dedicated_memory: '1GB',
      },
      bcrypt: { cost: 12 },
    });
    expect(Object.isFrozen(KRATOS_HASHERS_DEFAULTS.argon2)).toBe(true);
  });

  it('resolve to 128 MiB in KiB and cost 12', () => {
    const r = resolveHashersConfig({}, { dev: false });
    expect(r.algorithm).toBe('bcrypt');
    expect(r.bcrypt.cost).toBe(12);
    expect(r.argon2).toEqual({
      memoryKiB: 131072,
      iterations: 1,
      parallelism: KRATOS_HASHERS_DEFAULTS.argon2.parallelism,
      saltLength: 16,
      keyLength: 32,
    });
  });
});

describe('resolveHashersConfig', () => {
  it('merges a partial argon2 section over the defaults', () => {
    const r = resolveHashersConfig(
      { algorithm: 'argon2', argon2: { memory: '64MB', iterations: 3, parallelism: 4 } },
      { dev: false },
    );
    expect(r.argon2).toEqual({
      memoryKiB: 65536,
      iterations: 3,
      parallelism: 4,
      saltLength: 16,
      keyLength: 32,
    });
  });

  it.each([
    ['bcrypt cost 4 outside dev mode is raised to 12', false, 4, 12, true],
    ['bcrypt cost 11 outside dev mode is raised to 12', false, 11, 12, true],
    ['bcrypt cost 4 in dev mode is kept', true, 4, 4, false],
    ['bcrypt cost 13 is kept', false, 13, 13, false],
  ])('case=%s', (_c, dev, cost, want, warned) => {
    const warn = vi.fn();
    expect(resolveHashersConfig({ bcrypt: { cost } }, { dev, warn }).bcrypt.cost).toBe(want);
    expect(warn).toHaveBeenCalledTimes(warned ? 1 : 0);
  });

  it('falls back to the default memory when the size does not parse, as Kratos does', () => {
    const warn = vi.fn();
    const r = resolveHashersConfig({ argon2: { memory: '12MBx', parallelism: 1 } }, { dev: false, warn });
    expect(r.argon2.memoryKiB).toBe(131072);
    expect(warn).toHaveBeenCalledOnce();
  });

  it.each<[string, HashersConfig]>([
    ['unknown algorithm', { algorithm: 'scrypt' as 'argon2' }],
    ['bcrypt cost above the verification bound', { bcrypt: { cost: 16 } }],
    ['bcrypt cost below the format minimum', { bcrypt: { cost: 3 } }],
    ['fractional bcrypt cost', { bcrypt: { cost: 12.5 } }],
    ['argon2 memory above 1 GiB', { argon2: { memory: '2GB' } }],
    ['argon2 memory below 8 KiB per lane', { argon2: { memory: '8KB', parallelism: 2 } }],
    ['argon2 iterations above 10', { argon2: { iterations: 11 } }],
    ['argon2 iterations 0', { argon2: { iterations: 0 } }],
    ['argon2 parallelism above 16', { argon2: { parallelism: 17 } }],
    ['argon2 salt_length below 16', { argon2: { salt_length: 8 } }],
    ['argon2 key_length below 16', { argon2: { key_length: 8 } }],
  ])('case=%s is refused', (_c, config) => {
    expect(() => resolveHashersConfig(config, { dev: true })).toThrow(HasherConfigError);
  });
});
