// The "pf" (salting format) of Kratos's $sha*$ and $md5$ hashes: a template such as `{SALT}{PASSWORD}`
// (stored base64-encoded) that says how salt and password were concatenated before digesting.

import { createHash } from 'node:crypto';

const SALT = Buffer.from('{SALT}');
const PASSWORD = Buffer.from('{PASSWORD}');

/**
 * Expands the template in one left-to-right pass like Go's strings.Replacer: inserted salt or password
 * bytes are never scanned again, so a password containing "{SALT}" stays literal. Returns the pieces
 * instead of one buffer so a template repeating {PASSWORD} cannot multiply memory use.
 */
export function expandSaltingFormat(format: Buffer, salt: Buffer, password: Buffer): Buffer[] {
  const pieces: Buffer[] = [];
  let literalStart = 0;
  let i = 0;
  while (i < format.length) {
    const token = startsWithAt(format, i, SALT) ? SALT : startsWithAt(format, i, PASSWORD) ? PASSWORD : null;
    if (token === null) {
      i++;
      continue;
    }
    if (i > literalStart) pieces.push(format.subarray(literalStart, i));
    pieces.push(token === SALT ? salt : password);
    i += token.length;
    literalStart = i;
  }
  if (literalStart < format.length) pieces.push(format.subarray(literalStart));
  return pieces;
}

function startsWithAt(haystack: Buffer, at: number, needle: Buffer): boolean {
  return (
    at + needle.length <= haystack.length &&
    haystack.compare(needle, 0, needle.length, at, at + needle.length) === 0
  );
}

/** Digests a list of pieces with a node:crypto algorithm name ("md5", "sha1", "sha256", "sha512"). */
export function digestPieces(algorithm: string, pieces: readonly Buffer[]): Buffer {
  const h = createHash(algorithm);
  for (const piece of pieces) h.update(piece);
  return h.digest();
}

/**
 * Reads `pf=<token>` the way fmt.Sscanf("pf=%s") does: the token runs to the first white space and must
 * not be empty. Returns undefined when the segment does not have that shape.
 */
export function scanSaltingFormat(segment: string): string | undefined {
  const m = /^pf=(\S+)/.exec(segment);
  return m ? m[1] : undefined;
}
