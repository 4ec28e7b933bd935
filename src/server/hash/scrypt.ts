// scrypt: $scrypt$ln=<N>,r=<r>,p=<p>$<salt>$<key>   (base64 Std with padding)
// Despite its name, `ln` carries N itself (Kratos passes it straight to scrypt.Key), not log2(N).

import { scrypt } from 'node:crypto';
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
import { STD_STRICT, constantTimeEqual } from './encoding';
import { MAX_SCRYPT_N, MAX_SCRYPT_P, MAX_SCRYPT_R, MIN_DERIVED_KEY_BYTES } from './limits';

export interface ScryptCost {
  n: number;
  r: number;
  p: number;
}

/**
 * scrypt with a memory ceiling sized to the (already bounded) parameters: node's default maxmem of 32 MiB
 * would refuse legitimate N=2^17, r=8 hashes. OpenSSL needs 128·r·(N+2) bytes for V plus 128·r·p for B.
 */
export function scryptKey(
  password: Buffer,
  salt: Buffer,
  cost: ScryptCost,
  keyLength: number,
): Promise<Buffer> {
  const maxmem = 128 * cost.r * (cost.n + 2) + 128 * cost.r * cost.p + 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(password, salt, keyLength, { N: cost.n, r: cost.r, p: cost.p, maxmem }, (err, key) =>
      err ? reject(err) : resolve(key),
    );
  });
}

function isPowerOfTwo(n: number): boolean {
  return n > 1 && (n & (n - 1)) === 0;
}

interface DecodedScrypt extends ScryptCost {
  salt: Buffer;
  key: Buffer;
}

function decode(encoded: string): DecodedScrypt {
  const parts = splitParts('scrypt', encoded, 5);
  const [n = 0, r = 0, p = 0] = scanNumbers('scrypt', parts[2] ?? '', ['ln', 'r', 'p']);
  requireInRange('scrypt', 'scrypt N', n, 1, MAX_SCRYPT_N);
  requireInRange('scrypt', 'scrypt r', r, 1, MAX_SCRYPT_R);
  requireInRange('scrypt', 'scrypt p', p, 1, MAX_SCRYPT_P);
  // Go's scrypt.Key fails for these at login; refusing them up front keeps imports honest.
  if (!isPowerOfTwo(n)) outOfBounds('scrypt', `scrypt N=${n} is not a power of two greater than 1`);
  const salt = decodePart('scrypt', 'salt', parts[3] ?? '', STD_STRICT);
  const key = decodePart('scrypt', 'hash', parts[4] ?? '', STD_STRICT);
  requireKeyLength('scrypt', key.length, MIN_DERIVED_KEY_BYTES);
  return { n, r, p, salt, key };
}

export const scryptFamily: HashFamily = defineFamily({
  name: 'scrypt',
  prefix: /^\$scrypt\$/,
  decode,
  compare: async (password, d) =>
    constantTimeEqual(d.key, await scryptKey(password, d.salt, d, d.key.length)),
});
