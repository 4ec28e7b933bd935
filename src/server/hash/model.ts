// The hashers configuration (Kratos's `hashers` section of kratos.yml), its defaults, and the Hasher contract
// the rest of the server depends on.

import { availableParallelism } from 'node:os';
import { HasherConfigError } from './errors';
import {
  MAX_ARGON2_ITERATIONS,
  MAX_ARGON2_MEMORY_KIB,
  MAX_ARGON2_PARALLELISM,
  MAX_BCRYPT_COST,
} from './limits';

/** `hashers.algorithm`: the algorithm new hashes are written with. */
export type HashAlgorithm = 'argon2' | 'bcrypt';

/** `hashers.argon2`, keys exactly as in kratos.yml. */
export interface Argon2Config {
  /** Go byte size ("128MB"); units are binary (1 MB = 1024 KB = 1048576 B). */
  memory: string;
  iterations: number;
  /** Kratos's default is 2 × CPU count. */
  parallelism: number;
  salt_length: number;
  key_length: number;
  /** Go duration; Kratos uses it (with the deviation) for the fake-hash delay of unknown identifiers. */
  expected_duration: string;
  expected_deviation: string;
  /** Go byte size; only Kratos's `hashers argon2 calibrate` command reads it. */
  dedicated_memory: string;
}

/** `hashers.bcrypt`. */
export interface BcryptConfig {
  cost: number;
}

/** The `hashers` section as written in kratos.yml: every key optional. */
export interface HashersConfig {
  algorithm?: HashAlgorithm;
  argon2?: Partial<Argon2Config>;
  bcrypt?: Partial<BcryptConfig>;
}

export interface HashersDefaults {
  algorithm: HashAlgorithm;
  argon2: Argon2Config;
  bcrypt: BcryptConfig;
}

/** Kratos's bcrypt default and its floor outside dev mode (driver/config HasherBcrypt). */
export const BCRYPT_DEFAULT_COST = 12;
/** The lowest cost the schema admits; only reachable with `--dev`. */
export const BCRYPT_DEV_MIN_COST = 4;

/**
 * Kratos's effective defaults. The algorithm is the config schema's default (`bcrypt`), which wins over
 * the Go fallback constant (`argon2`). Parallelism is 2 × CPUs like Kratos, but capped at the verification
 * bound of 16: Kratos's uncapped default makes its own hashes unverifiable on hosts with more than 8 CPUs.
 */
export const KRATOS_HASHERS_DEFAULTS: Readonly<HashersDefaults> = Object.freeze({
  algorithm: 'bcrypt',
  argon2: Object.freeze({
    memory: '128MB',
    iterations: 1,
    parallelism: Math.min(2 * availableParallelism(), MAX_ARGON2_PARALLELISM),
    salt_length: 16,
    key_length: 32,
    expected_duration: '500ms',
    expected_deviation: '500ms',
    dedicated_memory: '1GB',
  }),
  bcrypt: Object.freeze({ cost: BCRYPT_DEFAULT_COST }),
});

/** The parameters a hasher actually uses, after defaults, units and Kratos's adjustments. */
export interface ResolvedHashersConfig {
  algorithm: HashAlgorithm;
  argon2: {
    memoryKiB: number;
    iterations: number;
    parallelism: number;
    saltLength: number;
    keyLength: number;
  };
  bcrypt: { cost: number };
}

export interface HasherOptions {
  /** Kratos's `--dev` flag: allows bcrypt costs below 12. */
  dev: boolean;
  /** Receives notes about values that were adjusted the way Kratos adjusts them (Kratos logs or ignores). */
  warn?: (message: string) => void;
}

const BYTE_UNITS: Record<string, number> = {
  B: 1,
  BYTE: 1,
  BYTES: 1,
  KB: 2 ** 10,
  KILOBYTE: 2 ** 10,
  KILOBYTES: 2 ** 10,
  MB: 2 ** 20,
  MEGABYTE: 2 ** 20,
  MEGABYTES: 2 ** 20,
  GB: 2 ** 30,
  GIGABYTE: 2 ** 30,
  GIGABYTES: 2 ** 30,
  TB: 2 ** 40,
  TERABYTE: 2 ** 40,
  TERABYTES: 2 ** 40,
  PB: 2 ** 50,
  PETABYTE: 2 ** 50,
  PETABYTES: 2 ** 50,
  EB: 2 ** 60,
  EXABYTE: 2 ** 60,
  EXABYTES: 2 ** 60,
};

/**
 * Parses a byte size the way Kratos's go-bytesize does ("128MB", "1.5 GB", "512kb"): a decimal number, then
 * a case-insensitive binary unit. Returns bytes, or undefined where go-bytesize returns an error.
 */
export function parseByteSize(input: string): number | undefined {
  const m = /^([0-9.]*)(.*)$/s.exec(input.trim());
  const numberPart = (m?.[1] ?? '').trim();
  const unitPart = (m?.[2] ?? '').trim().toUpperCase();
  if (unitPart === '' || !Object.hasOwn(BYTE_UNITS, unitPart)) return undefined;
  if (!/^(\d+\.?\d*|\.\d+)$/.test(numberPart)) return undefined;
  return Math.floor(Number(numberPart) * (BYTE_UNITS[unitPart] as number));
}

function integerIn(key: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new HasherConfigError(key, `${value} is not an integer in [${min}, ${max}]`);
  }
  return value;
}

/**
 * Applies defaults and Kratos's adjustments, converts units, and refuses values whose hashes this server
 * could not verify later (they exceed the bounds every stored hash is checked against).
 */
export function resolveHashersConfig(config: HashersConfig, opts: HasherOptions): ResolvedHashersConfig {
  const d = KRATOS_HASHERS_DEFAULTS;
  const algorithm = config.algorithm ?? d.algorithm;
  if (algorithm !== 'argon2' && algorithm !== 'bcrypt') {
    throw new HasherConfigError('algorithm', `unknown algorithm "${String(algorithm)}"`);
  }

  const a = { ...d.argon2, ...config.argon2 };
  let memoryBytes = parseByteSize(a.memory);
  if (memoryBytes === undefined) {
    // Kratos logs the parse error and falls back to the default.
    opts.warn?.(`hashers.argon2.memory "${a.memory}" is not a byte size; using ${d.argon2.memory}`);
    memoryBytes = parseByteSize(d.argon2.memory) as number;
  }
  const parallelism = integerIn('argon2.parallelism', a.parallelism, 1, MAX_ARGON2_PARALLELISM);
  // libargon2 needs at least 8 KiB per lane; Go's argon2 would silently raise it, we cannot.
  const memoryKiB = integerIn(
    'argon2.memory (KiB)',
    Math.floor(memoryBytes / 1024),
    8 * parallelism,
    MAX_ARGON2_MEMORY_KIB,
  );
  const argon2 = {
    memoryKiB,
    iterations: integerIn('argon2.iterations', a.iterations, 1, MAX_ARGON2_ITERATIONS),
    parallelism,
    saltLength: integerIn('argon2.salt_length', a.salt_length, 16, 0xffffffff),
    keyLength: integerIn('argon2.key_length', a.key_length, 16, 0xffffffff),
  };

  let cost = integerIn(
    'bcrypt.cost',
    config.bcrypt?.cost ?? d.bcrypt.cost,
    BCRYPT_DEV_MIN_COST,
    MAX_BCRYPT_COST,
  );
  if (!opts.dev && cost < BCRYPT_DEFAULT_COST) {
    opts.warn?.(
      `hashers.bcrypt.cost ${cost} is below ${BCRYPT_DEFAULT_COST} outside dev mode; using ${BCRYPT_DEFAULT_COST}`,
    );
    cost = BCRYPT_DEFAULT_COST;
  }

  return { algorithm, argon2, bcrypt: { cost } };
}

/** Hashes and verifies passwords according to the `hashers` configuration. */
export interface Hasher {
  /** The configured algorithm new hashes are written with. */
  readonly algorithm: HashAlgorithm;
  /** Hashes a new password. bcrypt: throws PasswordTooLongError above 72 UTF-8 bytes. */
  hash(password: string): Promise<string>;
  /**
   * Verifies against any supported format (see comparator.ts). False on mismatch or an undecodable hash;
   * rejects with UnknownHashFormatError / HashParametersOutOfBoundsError for unusable stored hashes.
   */
  verify(password: string, encoded: string): Promise<boolean>;
  /** Kratos's Hasher.Understands: the hash belongs to the configured algorithm's family. */
  understands(encoded: string): boolean;
  /** True when the hash is not exactly what `hash` would write now (algorithm or parameters differ). */
  needsRehash(encoded: string): boolean;
}

/** Implemented by the registry. */
export interface HasherProvider {
  hasher(): Hasher;
}
