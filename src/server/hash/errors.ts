// Typed failures of the hash domain. None of them knows about HTTP: the identity import handler and the
// password strategy map them to Kratos's responses (400 reasons, message 4000033, invalid credentials).

/** Kratos's reason for an imported hash that no comparator recognises (identity/handler_import.go). */
export const UNKNOWN_HASH_FORMAT_REASON = 'The imported password does not match any known hash format.';

/** The family names used in error details; the same names Kratos puts into its tracing spans. */
export type HashFamilyName =
  | 'md5crypt'
  | 'bcrypt'
  | 'sha256crypt'
  | 'sha512crypt'
  | 'argon2id'
  | 'argon2i'
  | 'pbkdf2'
  | 'scrypt'
  | 'ssha'
  | 'sha'
  | 'firebasescrypt'
  | 'md5'
  | 'hmac';

/**
 * bcrypt only reads the first 72 bytes of a password. Kratos refuses longer passwords instead of silently
 * truncating them (text message 4000033 "The password must be at most %d characters long, but got %d.",
 * where both numbers are UTF-8 byte counts).
 */
export class PasswordTooLongError extends Error {
  readonly maxBytes: number;
  readonly actualBytes: number;

  constructor(maxBytes: number, actualBytes: number) {
    super(`The password must be at most ${maxBytes} characters long, but got ${actualBytes}.`);
    this.name = 'PasswordTooLongError';
    this.maxBytes = maxBytes;
    this.actualBytes = actualBytes;
  }
}

/** The encoded hash starts with no prefix any supported comparator recognises. */
export class UnknownHashFormatError extends Error {
  constructor() {
    super(UNKNOWN_HASH_FORMAT_REASON);
    this.name = 'UnknownHashFormatError';
  }
}

/**
 * The hash has a known prefix but cannot be decoded (wrong number of parts, bad base64, unparsable
 * parameters). Kratos answers such imports with "The imported password hash could not be parsed.".
 */
export class MalformedHashError extends Error {
  readonly family: HashFamilyName;
  readonly reason: string;

  constructor(family: HashFamilyName, reason: string) {
    super(`malformed ${family} hash: ${reason}`);
    this.name = 'MalformedHashError';
    this.family = family;
    this.reason = reason;
  }
}

/**
 * The hash declares cost parameters beyond the bounds we are willing to compute (Kratos's
 * ErrHashParametersOutOfBounds, hash/hash_limits.go): running them would exhaust memory or CPU.
 */
export class HashParametersOutOfBoundsError extends Error {
  readonly family: HashFamilyName;
  readonly reason: string;

  constructor(family: HashFamilyName, reason: string) {
    super(`hash parameters exceed allowed bounds: ${reason}`);
    this.name = 'HashParametersOutOfBoundsError';
    this.family = family;
    this.reason = reason;
  }
}

/** A `hashers` configuration the hasher cannot honour (e.g. parameters whose hashes we could not verify). */
export class HasherConfigError extends Error {
  readonly key: string;
  readonly reason: string;

  constructor(key: string, reason: string) {
    super(`hashers config ${key}: ${reason}`);
    this.name = 'HasherConfigError';
    this.key = key;
    this.reason = reason;
  }
}
