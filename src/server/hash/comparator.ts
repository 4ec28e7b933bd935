// Verification of every hash format Kratos can import (hash/hash_comparator.go), and the import-time
// validation that refuses unknown formats and dangerous parameters before anything is stored or hashed.

import { MalformedHashError, UnknownHashFormatError } from './errors';
import type { HashFamily } from './family';
import { argon2iFamily, argon2idFamily } from './argon2';
import { bcryptFamily } from './bcrypt';
import { md5CryptFamily, sha256CryptFamily, sha512CryptFamily } from './crypt';
import { firebaseScryptFamily } from './firebase-scrypt';
import { hmacFamily } from './hmac';
import { sshaFamily } from './ldap-sha';
import { md5Family } from './md5';
import { pbkdf2Family } from './pbkdf2';
import { saltedShaFamily } from './salted-sha';
import { scryptFamily } from './scrypt';

/** In Kratos's order; the prefixes are disjoint, so the order only documents the correspondence. */
export const HASH_FAMILIES: readonly HashFamily[] = [
  md5CryptFamily,
  bcryptFamily,
  sha256CryptFamily,
  sha512CryptFamily,
  argon2idFamily,
  argon2iFamily,
  pbkdf2Family,
  scryptFamily,
  sshaFamily,
  saltedShaFamily,
  firebaseScryptFamily,
  md5Family,
  hmacFamily,
];

export function findHashFamily(encoded: string): HashFamily | undefined {
  return HASH_FAMILIES.find((f) => f.matches(encoded));
}

/** Kratos's IsValidHashFormat: the prefix is one a comparator recognises (parameters not checked). */
export function isKnownHashFormat(encoded: string): boolean {
  return findHashFamily(encoded) !== undefined;
}

/**
 * Import-time validation (Kratos: IsValidHashFormat + ValidateImportedHash). Throws
 * UnknownHashFormatError, MalformedHashError or HashParametersOutOfBoundsError; runs no hash function.
 */
export function validateImportedHash(encoded: string): void {
  const family = findHashFamily(encoded);
  if (family === undefined) throw new UnknownHashFormatError();
  family.check(encoded);
}

/**
 * Verifies a password against any supported hash. Resolves false when the password does not match or the
 * hash cannot be decoded (as Kratos's login treats both: invalid credentials). Rejects with
 * UnknownHashFormatError for an unrecognised prefix and HashParametersOutOfBoundsError for parameters
 * beyond the bounds, both of which mean a bad stored row worth logging; no hash function runs for them.
 */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const family = findHashFamily(encoded);
  if (family === undefined) throw new UnknownHashFormatError();
  try {
    return await family.verify(Buffer.from(password, 'utf8'), encoded);
  } catch (err) {
    if (err instanceof MalformedHashError) return false;
    throw err;
  }
}
