// Firebase's modified scrypt, as exported by `firebase auth:export`:
//   $firescrypt$ln=<log2 N>,r=<r>,p=<p>$<salt>$<hash>$<salt separator>$<signer key>   (base64 Std, padded)
// The password hash is the signer key encrypted with AES-256-CTR (zero IV) under
// scrypt(password, salt ‖ separator, 2^ln, r, p, 32 bytes).

import { createCipheriv } from 'node:crypto';
import type { HashFamily } from './family';
import {
  decodePart,
  defineFamily,
  requireInRange,
  requireKeyLength,
  scanNumbers,
  splitParts,
} from './family';
import { STD_STRICT, constantTimeEqual } from './encoding';
import { MAX_FIREBASE_SCRYPT_LOG_N, MAX_SCRYPT_P, MAX_SCRYPT_R, MIN_DERIVED_KEY_BYTES } from './limits';
import { scryptKey } from './scrypt';

interface DecodedFirebaseScrypt {
  logN: number;
  r: number;
  p: number;
  salt: Buffer;
  hash: Buffer;
  separator: Buffer;
  signerKey: Buffer;
}

function decode(encoded: string): DecodedFirebaseScrypt {
  const parts = splitParts('firebasescrypt', encoded, 7);
  const [logN = 0, r = 0, p = 0] = scanNumbers('firebasescrypt', parts[2] ?? '', ['ln', 'r', 'p']);
  // Kratos allows ln=0, but N=1 makes scrypt fail at every login; we refuse it with the other bounds.
  requireInRange('firebasescrypt', 'firescrypt ln', logN, 1, MAX_FIREBASE_SCRYPT_LOG_N);
  requireInRange('firebasescrypt', 'firescrypt r', r, 1, MAX_SCRYPT_R);
  requireInRange('firebasescrypt', 'firescrypt p', p, 1, MAX_SCRYPT_P);
  const salt = decodePart('firebasescrypt', 'salt', parts[3] ?? '', STD_STRICT);
  const hash = decodePart('firebasescrypt', 'hash', parts[4] ?? '', STD_STRICT);
  const separator = decodePart('firebasescrypt', 'salt separator', parts[5] ?? '', STD_STRICT);
  const signerKey = decodePart('firebasescrypt', 'signer key', parts[6] ?? '', STD_STRICT);
  requireKeyLength('firebasescrypt', hash.length, MIN_DERIVED_KEY_BYTES);
  return { logN, r, p, salt, hash, separator, signerKey };
}

export const firebaseScryptFamily: HashFamily = defineFamily({
  name: 'firebasescrypt',
  prefix: /^\$firescrypt\$/,
  decode,
  compare: async (password, d) => {
    const cost = { n: 2 ** d.logN, r: d.r, p: d.p };
    const aesKey = await scryptKey(password, Buffer.concat([d.salt, d.separator]), cost, 32);
    const cipher = createCipheriv('aes-256-ctr', aesKey, Buffer.alloc(16));
    const other = Buffer.concat([cipher.update(d.signerKey), cipher.final()]);
    return constantTimeEqual(d.hash, other);
  },
});
