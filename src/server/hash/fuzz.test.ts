// Whatever a stored or imported hash contains, verification resolves a boolean or fails with one of the
// domain's typed errors, and import validation throws nothing else either. The inputs are mutations of
// valid hashes of every family plus random tails after every prefix, from a fixed-seed generator so a
// failure is reproducible (the failing input is part of the assertion message).

import { describe, expect, it } from 'vitest';
import { validateImportedHash, verifyPassword } from './comparator';
import { HashParametersOutOfBoundsError, MalformedHashError, UnknownHashFormatError } from './errors';

// Valid hashes from vectors.test.ts (the firescrypt one with ln lowered, so it no longer matches: it is
// only a starting point for mutations).
const SEEDS = [
  '$argon2id$v=19$m=64,t=2,p=2$Z2F0ZWhvdXNlLXNhbHQtMQ$3HObgqQ+thTmPdpKU94UAZZ3PIb3ESqLaDpU8Zk4vQU',
  '$argon2i$v=19$m=64,t=2,p=2$Z2F0ZWhvdXNlLXNhbHQtMQ$veYGMR5UAgiIhgw1orMwqQRmWR96Z9d1lb9j9/iJ2O4',
  '$2a$05$GatehouseSaltForBcrypeNQTV65B.k6XksT/BBRFraAIb/jnutqC',
  '$pbkdf2-sha256$i=1000,l=32$cGJrZGYyLXNhbHQtc2hhMjU2$xsIu4BXoJKSWVkTshU74XG/UjEk9BnCRtmQBzuC4n1c',
  '$scrypt$ln=1024,r=8,p=1$c2NyeXB0LXNhbHQtMTAyNA==$mBXy0lefjm5eiNneGHInqTtEssaEueYMkXmMRNPP+h8=',
  '$firescrypt$ln=10,r=8,p=1$ZmlyZWJhc2Utc2FsdCE=$XexVAaF7rosFkXB2BRQGXNeY2lVxDhDhSW06R31f9uavV6gbmDryPAfraYvPrc7fL7vcLjKO0ysFCWoEFwFcvA==$Bw==$QSY4Omu8gPzMF/Y3dUW3abAKxW8Z4xFuAa3z0J1PS0FpgqdImwV+FAD+iCGj6nkiclmKNVjcO+4K6opIu3sajA==',
  '{SSHA256}zGFBJbU9oSi1bCy0WdQFO6wU3pfz8wQhr+/lXmrbQXVsZGFwc2FsdA==',
  '$sha1$pf=e1NBTFR9e1BBU1NXT1JEfQ==$c2hhLXNhbHQ=$17iOfDnGrjel3x0eNlWUGHIFbS4=',
  '$md5$pf=e1NBTFR9e1BBU1NXT1JEfQ==$bWQ1c2FsdA==$Eq3cvh/l9HQY7HPZ3u+Zsw==',
  '$md5-crypt$saltsalt$NuzA7WTAelpl95xgBGWN60',
  '$sha256-crypt$rounds=1000$roundsalt$0/DvEpHOhbVq2817j9KONEFQywg/Boj..V5DjmA0Uz7',
  '$sha512-crypt$saltsaltsaltsalt$GkzgkzVbauGAKXpOTbypQEKy/9yJWVjcvXvDw7CxoJjnJ1.w.g1rV8bhCVTpHrRrO/h6b3DAwPN3y5qmHXZ1R1',
  '$hmac-md4$YjYyN2FhZjdiNGI5YWIwNzI1NDJjZTFjNDJjMjc5MGM=$aG1hYy1zZWNyZXQta2V5',
];
const PREFIXES = [
  '$argon2id$',
  '$argon2i$',
  '$2a$',
  '$2$',
  '$pbkdf2-sha1$',
  '$scrypt$',
  '$firescrypt$',
  '{SSHA}',
];
const ALPHABET = '$=,+/.-_{}ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 \n\u00e9';

/** A fixed-seed linear congruential generator: reproducible, and no Math.random. */
function generator(seed: number): (n: number) => number {
  let state = seed >>> 0;
  return (n) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % n;
  };
}

function mutations(): string[] {
  const next = generator(0x5eed);
  const pick = (): string => ALPHABET.charAt(next(ALPHABET.length));
  const out: string[] = [];
  for (const seed of SEEDS) {
    for (let i = 0; i < 12; i++) {
      const at = next(seed.length);
      switch (next(3)) {
        case 0:
          out.push(seed.slice(0, at) + pick() + seed.slice(at + 1));
          break;
        case 1:
          out.push(seed.slice(0, at) + seed.slice(at + 1));
          break;
        default:
          out.push(seed.slice(0, at) + pick() + seed.slice(at));
      }
    }
    out.push(seed.slice(0, next(seed.length)));
  }
  for (const prefix of PREFIXES) {
    for (let i = 0; i < 8; i++) {
      let tail = '';
      for (let j = next(60); j > 0; j--) tail += pick();
      out.push(prefix + tail);
    }
  }
  return out;
}

const typed = (e: unknown): boolean =>
  e instanceof MalformedHashError ||
  e instanceof HashParametersOutOfBoundsError ||
  e instanceof UnknownHashFormatError;

describe('garbage never escapes as an untyped error', () => {
  it('verifyPassword resolves a boolean or rejects with a typed error', async () => {
    for (const encoded of mutations()) {
      const outcome = await verifyPassword('correct horse', encoded).then(
        (ok) => (typeof ok === 'boolean' ? 'boolean' : 'not a boolean'),
        (e: unknown) => (typed(e) ? 'typed error' : String(e)),
      );
      expect(['boolean', 'typed error'], JSON.stringify(encoded)).toContain(outcome);
    }
  });

  it('validateImportedHash passes or throws a typed error', () => {
    for (const encoded of mutations()) {
      try {
        validateImportedHash(encoded);
      } catch (e) {
        expect(typed(e), `${JSON.stringify(encoded)}: ${String(e)}`).toBe(true);
      }
    }
  });
});
