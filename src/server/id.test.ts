import { describe, expect, it } from 'vitest';
import { newId, secureRandomBytes } from './id';

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('newId', () => {
  it('case=RFC 9562 version 7, variant 10, carrying the millisecond timestamp', () => {
    const at = Date.UTC(2026, 10, 21, 12, 0, 0, 123);
    const id = newId(at);
    expect(id).toMatch(V7);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('case=ids sort in creation order, also within one millisecond and past 4096 of them', () => {
    const at = Date.UTC(2030, 0, 1);
    const ids = Array.from({ length: 10_000 }, () => newId(at));
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    expect(ids.every((id) => V7.test(id))).toBe(true);
  });

  it('case=the random part differs between ids', () => {
    const tails = new Set(Array.from({ length: 100 }, () => newId().slice(19)));
    expect(tails.size).toBe(100);
  });
});

describe('secureRandomBytes', () => {
  it('case=fresh bytes of the asked length on every call, across pool refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const b = secureRandomBytes(32);
      expect(b.length).toBe(32);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(2000);
  });

  it('case=callers own their buffer: changing it does not change later bytes', () => {
    const a = secureRandomBytes(16);
    a.fill(0);
    expect(secureRandomBytes(16).equals(Buffer.alloc(16))).toBe(false);
  });

  it('case=refuses sizes the pool is not meant for', () => {
    expect(() => secureRandomBytes(4096)).toThrow(RangeError);
  });
});
