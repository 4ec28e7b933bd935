// The configured Hasher: writes new hashes with the configured algorithm and parameters, verifies any
// supported format, and tells the login flow when a stored hash should be replaced.

import { argon2idFamily, decodeArgon2, hashArgon2id } from './argon2';
import { bcryptFamily, decodeBcrypt, hashBcrypt } from './bcrypt';
import { verifyPassword } from './comparator';
import type { Hasher, HasherOptions, HashersConfig, ResolvedHashersConfig } from './model';
import { resolveHashersConfig } from './model';

function argon2Current(encoded: string, want: ResolvedHashersConfig['argon2']): boolean {
  try {
    const d = decodeArgon2(encoded, 'argon2id');
    return (
      d.memoryKiB === want.memoryKiB &&
      d.iterations === want.iterations &&
      d.parallelism === want.parallelism &&
      d.salt.length === want.saltLength &&
      d.key.length === want.keyLength
    );
  } catch {
    return false;
  }
}

function bcryptCurrent(encoded: string, cost: number): boolean {
  try {
    return decodeBcrypt(encoded).cost === cost;
  } catch {
    return false;
  }
}

/**
 * Builds the hasher from the `hashers` config section. Throws HasherConfigError for values it cannot
 * honour (see resolveHashersConfig).
 */
export function createHasher(config: HashersConfig, opts: HasherOptions): Hasher {
  const resolved = resolveHashersConfig(config, opts);
  const family = resolved.algorithm === 'bcrypt' ? bcryptFamily : argon2idFamily;

  return {
    algorithm: resolved.algorithm,
    hash: (password) => {
      const bytes = Buffer.from(password, 'utf8');
      return resolved.algorithm === 'bcrypt'
        ? hashBcrypt(bytes, resolved.bcrypt.cost)
        : hashArgon2id(bytes, resolved.argon2);
    },
    verify: verifyPassword,
    understands: (encoded) => family.matches(encoded),
    // Kratos re-hashes only when the family differs (login.go: !Understands); we also re-hash when the
    // parameters changed, so raising the cost in config upgrades stored hashes on the next login.
    needsRehash: (encoded) =>
      resolved.algorithm === 'bcrypt'
        ? !bcryptCurrent(encoded, resolved.bcrypt.cost)
        : !argon2Current(encoded, resolved.argon2),
  };
}
