// HMAC hashes: $hmac-<md4|md5|sha1|sha224|sha256|sha384|sha512>$<hash>$<key>   (base64 Std, padded, strict)
// Kratos compares the decoded <hash> with the *lowercase hex text* of HMAC(key, password), so <hash> is
// base64(hex(mac)), not base64(mac).

import { createHmac } from 'node:crypto';
import type { HashFamily } from './family';
import { decodePart, defineFamily, splitParts } from './family';
import { STD_STRICT, constantTimeEqual } from './encoding';
import { hmacMd4 } from './md4';

const PREFIX = /^\$hmac-(md4|md5|sha1|sha224|sha256|sha384|sha512)\$/;

interface DecodedHmac {
  algorithm: string;
  hash: Buffer;
  key: Buffer;
}

function decode(encoded: string): DecodedHmac {
  const parts = splitParts('hmac', encoded, 4);
  const algorithm = PREFIX.exec(encoded)?.[1] ?? '';
  const hash = decodePart('hmac', 'hash', parts[2] ?? '', STD_STRICT);
  const key = decodePart('hmac', 'key', parts[3] ?? '', STD_STRICT);
  return { algorithm, hash, key };
}

function mac(algorithm: string, key: Buffer, password: Buffer): Buffer {
  if (algorithm === 'md4') return hmacMd4(key, password);
  return createHmac(algorithm, key).update(password).digest();
}

export const hmacFamily: HashFamily = defineFamily({
  name: 'hmac',
  prefix: PREFIX,
  decode,
  compare: async (password, d) => {
    const hex = Buffer.from(mac(d.algorithm, d.key, password).toString('hex'));
    return constantTimeEqual(d.hash, hex);
  },
});
