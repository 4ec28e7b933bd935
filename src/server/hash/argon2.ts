// argon2id and argon2i in the PHC string format Kratos writes and reads:
//   $argon2id$v=19$m=<KiB>,t=<iterations>,p=<parallelism>$<salt>$<key>   (base64 RawStd, no padding)
// Note the parameter order m,t,p: the argon2 npm package's own encoder writes m,p,t, so we format ourselves.

import { randomBytes } from 'node:crypto';
import { argon2i, argon2id, hash as argon2Hash } from 'argon2';
import type { HashFamilyName } from './errors';
import type { HashFamily } from './family';
import {
  decodePart,
  defineFamily,
  malformed,
  outOfBounds,
  requireInRange,
  requireKeyLength,
  scanNumbers,
  splitParts,
} from './family';
import { RAW_STD_STRICT, constantTimeEqual, encodeBase64Raw } from './encoding';
import {
  MAX_ARGON2_ITERATIONS,
  MAX_ARGON2_MEMORY_KIB,
  MAX_ARGON2_PARALLELISM,
  MIN_ARGON2_SALT_BYTES,
  MIN_DERIVED_KEY_BYTES,
} from './limits';

/** The only argon2 version Kratos accepts (0x13). */
export const ARGON2_VERSION = 19;

export interface Argon2Params {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

export interface DecodedArgon2 extends Argon2Params {
  variant: 'argon2id' | 'argon2i';
  salt: Buffer;
  key: Buffer;
}

export function decodeArgon2(encoded: string, variant: 'argon2id' | 'argon2i'): DecodedArgon2 {
  const name: HashFamilyName = variant;
  const parts = splitParts(name, encoded, 6);
  if (parts[1] !== variant) malformed(name, `expected the ${variant} identifier`);
  const [version] = scanNumbers(name, parts[2] ?? '', ['v']);
  if (version !== ARGON2_VERSION) malformed(name, `incompatible version v=${version}`);
  const [memoryKiB = 0, iterations = 0, parallelism = 0] = scanNumbers(name, parts[3] ?? '', ['m', 't', 'p']);
  requireInRange(name, 'argon2 m', memoryKiB, 1, MAX_ARGON2_MEMORY_KIB);
  requireInRange(name, 'argon2 t', iterations, 1, MAX_ARGON2_ITERATIONS);
  requireInRange(name, 'argon2 p', parallelism, 1, MAX_ARGON2_PARALLELISM);
  const salt = decodePart(name, 'salt', parts[4] ?? '', RAW_STD_STRICT);
  const key = decodePart(name, 'hash', parts[5] ?? '', RAW_STD_STRICT);
  // libargon2 (which the argon2 package binds) refuses what Go's argon2 silently adjusts; we cannot
  // compute these, so they are refused instead of failing obscurely at login.
  if (memoryKiB < 8 * parallelism) {
    outOfBounds(name, `argon2 m=${memoryKiB} KiB is below 8*p=${8 * parallelism}`);
  }
  if (salt.length < MIN_ARGON2_SALT_BYTES) {
    outOfBounds(name, `argon2 salt of ${salt.length} bytes is shorter than ${MIN_ARGON2_SALT_BYTES}`);
  }
  requireKeyLength(name, key.length, MIN_DERIVED_KEY_BYTES);
  return { variant, memoryKiB, iterations, parallelism, salt, key };
}

function deriveArgon2(
  password: Buffer,
  salt: Buffer,
  p: Argon2Params,
  keyLength: number,
  variant: 'argon2id' | 'argon2i',
): Promise<Buffer> {
  return argon2Hash(password, {
    raw: true,
    type: variant === 'argon2id' ? argon2id : argon2i,
    version: 0x13,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    hashLength: keyLength,
    salt,
  });
}

function family(variant: 'argon2id' | 'argon2i'): HashFamily {
  return defineFamily({
    name: variant,
    prefix: variant === 'argon2id' ? /^\$argon2id\$/ : /^\$argon2i\$/,
    decode: (encoded) => decodeArgon2(encoded, variant),
    compare: async (password, d) => {
      const other = await deriveArgon2(password, d.salt, d, d.key.length, variant);
      return constantTimeEqual(d.key, other);
    },
  });
}

export const argon2idFamily: HashFamily = family('argon2id');
export const argon2iFamily: HashFamily = family('argon2i');

export interface Argon2HashParams extends Argon2Params {
  saltLength: number;
  keyLength: number;
}

/** Hashes a new password with argon2id exactly as Kratos's Argon2 hasher formats it. */
export async function hashArgon2id(password: Buffer, params: Argon2HashParams): Promise<string> {
  const salt = randomBytes(params.saltLength);
  const key = await deriveArgon2(password, salt, params, params.keyLength, 'argon2id');
  const { memoryKiB: m, iterations: t, parallelism: p } = params;
  return `$argon2id$v=${ARGON2_VERSION}$m=${m},t=${t},p=${p}$${encodeBase64Raw(salt)}$${encodeBase64Raw(key)}`;
}
