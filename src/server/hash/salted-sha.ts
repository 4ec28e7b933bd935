// Kratos's own salted SHA format: $sha1|sha256|sha512$pf=<base64 template>$<base64 salt>$<base64 hash>
// (all three base64 Std with padding, strict). The digest input is the expanded template.

import type { HashFamily } from './family';
import { decodePart, defineFamily, malformed, splitParts } from './family';
import { STD_STRICT, constantTimeEqual } from './encoding';
import { digestPieces, expandSaltingFormat, scanSaltingFormat } from './salting-format';

interface DecodedSaltedSha {
  algorithm: 'sha1' | 'sha256' | 'sha512';
  format: Buffer;
  salt: Buffer;
  hash: Buffer;
}

const PREFIX = /^\$(sha1|sha256|sha512)\$/;

function decode(encoded: string): DecodedSaltedSha {
  const parts = splitParts('sha', encoded, 5);
  const algorithm = PREFIX.exec(encoded)?.[1] as DecodedSaltedSha['algorithm'];
  const pf = scanSaltingFormat(parts[2] ?? '');
  if (pf === undefined) malformed('sha', 'expected pf=<salting format>');
  const format = decodePart('sha', 'salting format', pf, STD_STRICT);
  const salt = decodePart('sha', 'salt', parts[3] ?? '', STD_STRICT);
  const hash = decodePart('sha', 'hash', parts[4] ?? '', STD_STRICT);
  return { algorithm, format, salt, hash };
}

export const saltedShaFamily: HashFamily = defineFamily({
  name: 'sha',
  prefix: PREFIX,
  decode,
  compare: async (password, d) => {
    const other = digestPieces(d.algorithm, expandSaltingFormat(d.format, d.salt, password));
    return constantTimeEqual(d.hash, other);
  },
});
