// sha-crypt specifics beyond the vector table. Vectors from Python 3.11 crypt.crypt (glibc/libxcrypt):
//   crypt.crypt('correct horse', '$6$rounds=200000$slowsalt$')
//   crypt.crypt('correct horse', '$5$rounds=1000$' + 'a' * 16 + '$')

import { describe, expect, it } from 'vitest';
import { verifyPassword } from './comparator';

const SLOW =
  '$sha512-crypt$rounds=200000$slowsalt$SEpqKDXX4FSN0AfLsr2QcLcDcYQ3S3mLlSbrz51iiad8woE8YGSIwUkB.J0YBh8CsLUkmjxkUfdMJCVxh8X6N0';

describe('sha-crypt', () => {
  it('verifies a 200 000-round hash without blocking the event loop', async () => {
    let ticks = 0;
    let longestGapMs = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      ticks++;
    }, 1);
    try {
      expect(await verifyPassword('correct horse', SLOW)).toBe(true);
    } finally {
      clearInterval(timer);
    }
    // The rounds run in slices of 10 000 with a yield between them; timers get their turn.
    expect(ticks).toBeGreaterThan(3);
    expect(longestGapMs).toBeLessThan(250);
  });

  it('uses the salt as written and the minimum glibc rounds', async () => {
    const encoded = '$sha256-crypt$rounds=1000$aaaaaaaaaaaaaaaa$aYdDTDJiQz8IBE.coHJIz5Pm//seQDrkAsb9XXNgg79';
    expect(await verifyPassword('correct horse', encoded)).toBe(true);
  });

  it('reads repeated rounds parameters like go-crypt: the last one wins', async () => {
    const encoded =
      '$sha256-crypt$rounds=7,rounds=1000$aaaaaaaaaaaaaaaa$aYdDTDJiQz8IBE.coHJIz5Pm//seQDrkAsb9XXNgg79';
    expect(await verifyPassword('correct horse', encoded)).toBe(true);
  });

  it('treats a missing rounds parameter as 5000, not as the explicit form', async () => {
    // `openssl passwd -5 -salt 'rounds=5000$abc' x` written without the rounds parameter.
    const explicit = '$sha256-crypt$rounds=5000$abc$sCOGUciM.GdmYMCUvmUcgu03oRH87O0clF96.9mwWGB';
    const implicit = '$sha256-crypt$abc$sCOGUciM.GdmYMCUvmUcgu03oRH87O0clF96.9mwWGB';
    expect(await verifyPassword('x', explicit)).toBe(true);
    expect(await verifyPassword('x', implicit)).toBe(true);
  });
});
