// LDAP salted SHA (RFC 2307 style): {SSHA}, {SSHA256}, {SSHA512} followed by base64(digest ‖ salt), where
// digest = SHA(password ‖ salt). Kratos decodes with base64.StdEncoding *without* Strict (trailing bits are
// ignored, padding still required) and needs at least one salt byte.

import type { HashFamily } from './family';
import { decodePart, defineFamily, malformed } from './family';
import { STD_LENIENT, constantTimeEqual } from './encoding';
import { digestPieces } from './salting-format';

const SCHEMES = {
  '{SSHA}': { algorithm: 'sha1', bytes: 20 },
  '{SSHA256}': { algorithm: 'sha256', bytes: 32 },
  '{SSHA512}': { algorithm: 'sha512', bytes: 64 },
} as const;

const PREFIX = /^\{SSHA(256|512)?\}/;

interface DecodedSsha {
  algorithm: string;
  salt: Buffer;
  hash: Buffer;
}

function decode(encoded: string): DecodedSsha {
  const scheme = PREFIX.exec(encoded)?.[0] as keyof typeof SCHEMES | undefined;
  if (scheme === undefined) malformed('ssha', 'expected {SSHA}, {SSHA256} or {SSHA512}');
  const { algorithm, bytes } = SCHEMES[scheme];
  const decoded = decodePart('ssha', 'payload', encoded.slice(scheme.length), STD_LENIENT);
  if (decoded.length < bytes + 1) malformed('ssha', `payload of ${decoded.length} bytes has no salt`);
  return { algorithm, hash: decoded.subarray(0, bytes), salt: decoded.subarray(bytes) };
}

export const sshaFamily: HashFamily = defineFamily({
  name: 'ssha',
  prefix: PREFIX,
  decode,
  compare: async (password, d) => constantTimeEqual(d.hash, digestPieces(d.algorithm, [password, d.salt])),
});
