// PBKDF2: $pbkdf2-<digest>$i=<iterations>,l=<length>$<salt>$<key>   (base64 RawStd, no padding)
// Kratos quirks kept for compatibility with hashes it already verifies: `sha224` and `sha384` select
// SHA3-224 and SHA3-384 (not SHA-2), any other `sha<digits>` falls back to SHA-256, and `l` is parsed but the
// actual key length is the decoded key's length.

import { pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';
import type { HashFamily } from './family';
import {
  decodePart,
  defineFamily,
  outOfBounds,
  requireInRange,
  requireKeyLength,
  scanNumbers,
  splitParts,
} from './family';
import { RAW_STD_STRICT, constantTimeEqual } from './encoding';
import { MAX_PBKDF2_BLOCK_ITERATIONS, MAX_PBKDF2_ITERATIONS, MIN_DERIVED_KEY_BYTES } from './limits';

const pbkdf2Async = promisify(pbkdf2);

interface Prf {
  digest: string;
  bytes: number;
}

const PRFS: Record<string, Prf> = {
  sha1: { digest: 'sha1', bytes: 20 },
  sha224: { digest: 'sha3-224', bytes: 28 },
  sha256: { digest: 'sha256', bytes: 32 },
  sha384: { digest: 'sha3-384', bytes: 48 },
  sha512: { digest: 'sha512', bytes: 64 },
};
const FALLBACK_PRF: Prf = { digest: 'sha256', bytes: 32 };

function pbkdf2Prf(algorithm: string): Prf {
  return Object.hasOwn(PRFS, algorithm) ? (PRFS[algorithm] as Prf) : FALLBACK_PRF;
}

interface DecodedPbkdf2 {
  prf: Prf;
  iterations: number;
  salt: Buffer;
  key: Buffer;
}

function decode(encoded: string): DecodedPbkdf2 {
  const parts = splitParts('pbkdf2', encoded, 5);
  const algorithm = (parts[1] ?? '').slice('pbkdf2-'.length);
  const [iterations = 0] = scanNumbers('pbkdf2', parts[2] ?? '', ['i', 'l']);
  requireInRange('pbkdf2', 'pbkdf2 i', iterations, 1, MAX_PBKDF2_ITERATIONS);
  const salt = decodePart('pbkdf2', 'salt', parts[3] ?? '', RAW_STD_STRICT);
  const key = decodePart('pbkdf2', 'hash', parts[4] ?? '', RAW_STD_STRICT);
  requireKeyLength('pbkdf2', key.length, MIN_DERIVED_KEY_BYTES);
  const prf = pbkdf2Prf(algorithm);
  const work = iterations * Math.ceil(key.length / prf.bytes);
  if (work > MAX_PBKDF2_BLOCK_ITERATIONS) {
    outOfBounds(
      'pbkdf2',
      `pbkdf2 i=${iterations} × ${key.length}-byte key = ${work} block iterations exceeds max`,
    );
  }
  return { prf, iterations, salt, key };
}

export const pbkdf2Family: HashFamily = defineFamily({
  name: 'pbkdf2',
  prefix: /^\$pbkdf2-sha[0-9]{1,3}\$/,
  decode,
  compare: async (password, d) => {
    const other = await pbkdf2Async(password, d.salt, d.iterations, d.key.length, d.prf.digest);
    return constantTimeEqual(d.key, other);
  },
});
