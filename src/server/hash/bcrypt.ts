// bcrypt: $2a$<cost>$<22 salt chars><31 hash chars>. Kratos (Go's x/crypto/bcrypt) writes `$2a$` and reads
// `$2$`, `$2a$`, `$2b$`, `$2y$` and `$2z$` identically: Go always appends the NUL terminator to the key and has
// no variant-specific behaviour. bcryptjs does the same for the minors it knows, but rejects `$2z$` and
// skips the NUL for `$2$`, so we always compute with a `$2a$` salt string and compare only the hash chars.

import { randomBytes } from 'node:crypto';
import { hash as bcryptHash } from 'bcryptjs';
import { PasswordTooLongError } from './errors';
import type { HashFamily } from './family';
import { defineFamily, malformed, requireInRange } from './family';
import { BCRYPT_CHARS, constantTimeEqual, encodeBcryptBase64 } from './encoding';
import { MAX_BCRYPT_COST, MIN_BCRYPT_COST } from './limits';

/** bcrypt reads at most 72 bytes of the password; Kratos refuses longer ones instead of truncating. */
export const BCRYPT_MAX_PASSWORD_BYTES = 72;

const SALT_CHARS = 22;
const HASH_CHARS = 31;
const SHAPE = /^\$2([abzy]?)\$(\d\d)\$(.*)$/s;

export interface DecodedBcrypt {
  cost: number;
  salt: string;
  hash: string;
}

export function decodeBcrypt(encoded: string): DecodedBcrypt {
  const m = SHAPE.exec(encoded);
  if (!m) malformed('bcrypt', 'expected $2<minor>$<two-digit cost>$<salt><hash>');
  const rest = m[3] ?? '';
  if (rest.length !== SALT_CHARS + HASH_CHARS || !BCRYPT_CHARS.test(rest)) {
    malformed('bcrypt', `expected ${SALT_CHARS + HASH_CHARS} characters of bcrypt base64 after the cost`);
  }
  const cost = Number(m[2]);
  requireInRange('bcrypt', 'bcrypt cost', cost, MIN_BCRYPT_COST, MAX_BCRYPT_COST);
  return { cost, salt: rest.slice(0, SALT_CHARS), hash: rest.slice(SALT_CHARS) };
}

function costString(cost: number): string {
  return String(cost).padStart(2, '0');
}

async function compute(password: Buffer, cost: number, salt: string): Promise<string> {
  // bcryptjs takes a string and encodes it as UTF-8 itself; the password arrived as UTF-8 bytes, so this
  // round trip is lossless (lone surrogates were already replaced when the bytes were made).
  const full = await bcryptHash(password.toString('utf8'), `$2a$${costString(cost)}$${salt}`);
  return full.slice(full.length - HASH_CHARS);
}

export const bcryptFamily: HashFamily = defineFamily({
  name: 'bcrypt',
  prefix: /^\$2[abzy]?\$/,
  decode: decodeBcrypt,
  compare: async (password, d) => {
    // Kratos answers a too-long password against a bcrypt hash with an error (login: invalid credentials).
    if (password.length > BCRYPT_MAX_PASSWORD_BYTES) return false;
    const other = await compute(password, d.cost, d.salt);
    return constantTimeEqual(Buffer.from(d.hash), Buffer.from(other));
  },
});

/** Hashes a new password the way Go's bcrypt.GenerateFromPassword does: `$2a$`, 16 random salt bytes. */
export async function hashBcrypt(password: Buffer, cost: number): Promise<string> {
  if (password.length > BCRYPT_MAX_PASSWORD_BYTES) {
    throw new PasswordTooLongError(BCRYPT_MAX_PASSWORD_BYTES, password.length);
  }
  const salt = encodeBcryptBase64(randomBytes(16));
  const hash = await compute(password, cost, salt);
  return `$2a$${costString(cost)}$${salt}${hash}`;
}
