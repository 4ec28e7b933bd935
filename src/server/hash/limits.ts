// Bounds on the cost parameters a stored or imported hash may declare. Every parameter below is attacker
// controlled (the admin import API accepts any hash), and the comparator runs at every login attempt: one
// hash declaring 4 GiB of argon2 memory would take the process down on each try. The first block mirrors
// Kratos (hash/hash_limits.go); the second block closes gaps Kratos leaves open (see each comment).

/** argon2 m (KiB): 1 GiB, the same as Kratos's default dedicated_memory. */
export const MAX_ARGON2_MEMORY_KIB = 1 << 20;
/** argon2 t: the highest value seen in production configurations is 10. */
export const MAX_ARGON2_ITERATIONS = 10;
/** argon2 p. */
export const MAX_ARGON2_PARALLELISM = 16;
/** bcrypt cost: 15 is roughly 2 s natively; the format would allow 31 (days). */
export const MAX_BCRYPT_COST = 15;
/** bcrypt's format minimum (Go's bcrypt.MinCost). */
export const MIN_BCRYPT_COST = 4;
/** scrypt N (given directly, despite the `ln=` key): 2^17 with r=8 is 128 MiB. */
export const MAX_SCRYPT_N = 1 << 17;
/** firebase-scrypt ln (log2 of N). */
export const MAX_FIREBASE_SCRYPT_LOG_N = 17;
/** scrypt and firebase-scrypt r. */
export const MAX_SCRYPT_R = 8;
/** scrypt and firebase-scrypt p: Go and OpenSSL run p serially, so p multiplies CPU time. */
export const MAX_SCRYPT_P = 10;
/** PBKDF2 i: about ten times the strongest published recommendation. */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

// --- Bounds Kratos does not have ---

/**
 * PBKDF2 work is iterations × output blocks; Kratos bounds only the iterations, so a long `l` (hash) would
 * multiply the cost. We bound the product with the same budget as the iterations.
 */
export const MAX_PBKDF2_BLOCK_ITERATIONS = MAX_PBKDF2_ITERATIONS;
/**
 * sha256-crypt / sha512-crypt rounds. Kratos (go-crypt) accepts up to 2^32-1 rounds, minutes of CPU per
 * login. 5 M is over seven times the strongest common default (passlib's 656 000).
 */
export const MAX_SHA_CRYPT_ROUNDS = 5_000_000;
/**
 * Minimum length of a derived key (argon2, pbkdf2, scrypt, firebase-scrypt). Kratos compares whatever length
 * the hash declares, so an empty hash part matches every password; 16 bytes is also the minimum Kratos's
 * own argon2 key_length allows.
 */
export const MIN_DERIVED_KEY_BYTES = 16;
/** libargon2 refuses salts shorter than 8 bytes (Go's argon2 accepts them; we cannot compute them). */
export const MIN_ARGON2_SALT_BYTES = 8;
