// Plain and salted MD5 (base64 Std with padding, strict):
//   $md5$<hash>                            md5(password)
//   $md5$pf=<template>$<salt>$<hash>       md5(expanded template), see salting-format.ts

import type { HashFamily } from './family';
import { decodePart, defineFamily, malformed } from './family';
import { STD_STRICT, constantTimeEqual } from './encoding';
import { digestPieces, expandSaltingFormat, scanSaltingFormat } from './salting-format';

interface DecodedMd5 {
  salted: { format: Buffer; salt: Buffer } | null;
  hash: Buffer;
}

function decode(encoded: string): DecodedMd5 {
  const parts = encoded.split('$');
  if (parts.length === 3) {
    return { salted: null, hash: decodePart('md5', 'hash', parts[2] ?? '', STD_STRICT) };
  }
  if (parts.length !== 5) malformed('md5', `expected 3 or 5 '$'-separated parts, got ${parts.length}`);
  const pf = scanSaltingFormat(parts[2] ?? '');
  if (pf === undefined) malformed('md5', 'expected pf=<salting format>');
  const format = decodePart('md5', 'salting format', pf, STD_STRICT);
  const salt = decodePart('md5', 'salt', parts[3] ?? '', STD_STRICT);
  const hash = decodePart('md5', 'hash', parts[4] ?? '', STD_STRICT);
  return { salted: { format, salt }, hash };
}

export const md5Family: HashFamily = defineFamily({
  name: 'md5',
  prefix: /^\$md5\$/,
  decode,
  compare: async (password, d) => {
    const pieces = d.salted ? expandSaltingFormat(d.salted.format, d.salted.salt, password) : [password];
    return constantTimeEqual(d.hash, digestPieces('md5', pieces));
  },
});
