// Kratos's password/identifier similarity check (selfservice/strategy/password/validator.go), ported
// operation for operation so Gatehouse rejects exactly the passwords Kratos rejects. Lengths are UTF-8 byte
// counts (Go `len`), edit distance is over code points (arbovm/levenshtein converts to []rune), and the
// longest-common-substring keeps Kratos's byte-offset indexing quirk (see lcsLength).

/**
 * Operands longer than this (in bytes, before and after lower-casing) skip the check: it is O(n·m) and was a
 * denial of service in Kratos before ed0096b95. No short identifier can be similar to such a password anyway.
 */
export const MAX_SIMILARITY_CHECK_BYTES = 256;
/** validator.go minIdentifierPasswordDist: a Levenshtein distance below this is "too similar". */
export const MIN_IDENTIFIER_PASSWORD_DISTANCE = 5;
/** validator.go maxIdentifierPasswordSubstrThreshold: a shared substring above this share of the password is "too similar". */
export const MAX_IDENTIFIER_PASSWORD_SUBSTRING_RATIO = 0.5;

/** Go `len(s)` for the string Go would hold: JS lone surrogates count as U+FFFD (3 bytes), as Go's JSON decoder makes them. */
export function utf8ByteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

const TURKISH_CAPITAL_I_WITH_DOT = 0x130;

/**
 * Go's strings.ToLower: the simple (one rune to one rune) Unicode mapping per code point. JS toLowerCase
 * applies the full mapping, which differs for U+0130 ("İ" → "i̇", two code points; Go gives "i") and for a
 * final capital sigma in context ("ς"; Go gives "σ"). Lower-casing one code point at a time avoids the
 * context rule; U+0130 is the only code point whose single-character full mapping is longer.
 */
export function goToLower(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    if (cp === TURKISH_CAPITAL_I_WITH_DOT) out += 'i';
    else if (cp >= 0xd800 && cp <= 0xdfff) out += '\ufffd';
    else out += ch.toLowerCase();
  }
  return out;
}

function codePoints(s: string): number[] {
  const cps: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    // A lone surrogate is what Go would have decoded as U+FFFD.
    cps.push(cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp);
  }
  return cps;
}

/** arbovm/levenshtein.Distance: unit-cost edit distance over code points, O(min) memory. */
export function levenshteinDistance(a: string, b: string): number {
  const s1 = codePoints(a);
  const s2 = codePoints(b);
  const column = new Int32Array(s1.length + 1);
  for (let y = 1; y <= s1.length; y++) column[y] = y;
  for (let x = 1; x <= s2.length; x++) {
    column[0] = x;
    let lastDiag = x - 1;
    for (let y = 1; y <= s1.length; y++) {
      const oldDiag = column[y] as number;
      const cost = s1[y - 1] === s2[x - 1] ? 0 : 1;
      column[y] = Math.min(oldDiag + 1, (column[y - 1] as number) + 1, lastDiag + cost);
      lastDiag = oldDiag;
    }
  }
  return column[s1.length] as number;
}

interface Runes {
  cps: number[];
  /** Byte offset of each code point, as Go's `for i, r := range s` yields it. */
  offsets: number[];
  bytes: number;
}

function runesWithByteOffsets(s: string): Runes {
  const cps: number[] = [];
  const offsets: number[] = [];
  let bytes = 0;
  for (const cp of codePoints(s)) {
    cps.push(cp);
    offsets.push(bytes);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return { cps, offsets, bytes };
}

/**
 * validator.go lcsLength, including its quirk: the table is indexed by *byte* offsets while the loops step
 * over runes, so the cell "one rune back" is only found when the previous rune was one byte long. A common
 * run therefore restarts at 1 after every multi-byte character ("äb" vs "äb" gives 1, not 2). Callers
 * bound both operands to MAX_SIMILARITY_CHECK_BYTES, so the table is at most 256×256 cells.
 */
export function lcsLength(a: string, b: string): number {
  const ra = runesWithByteOffsets(a);
  const rb = runesWithByteOffsets(b);
  const lb = rb.bytes;
  const lengths = new Uint16Array(ra.bytes * lb);
  let greatest = 0;
  for (let ia = 0; ia < ra.cps.length; ia++) {
    const i = ra.offsets[ia] as number;
    const x = ra.cps[ia];
    for (let jb = 0; jb < rb.cps.length; jb++) {
      if (x !== rb.cps[jb]) continue;
      const j = rb.offsets[jb] as number;
      const curr = i !== 0 && j !== 0 ? (lengths[(i - 1) * lb + j - 1] as number) + 1 : 1;
      if (curr > greatest) greatest = curr;
      lengths[i * lb + j] = curr;
    }
  }
  return greatest;
}

/**
 * True when Kratos would answer 4000031 for this identifier/password pair. Empty identifiers and oversized
 * operands are never "too similar" (Kratos skips the check for them).
 */
export function isTooSimilarToIdentifier(identifier: string, password: string): boolean {
  if (identifier === '') return false;
  if (
    utf8ByteLength(identifier) > MAX_SIMILARITY_CHECK_BYTES ||
    utf8ByteLength(password) > MAX_SIMILARITY_CHECK_BYTES
  ) {
    return false;
  }
  const compIdentifier = goToLower(identifier);
  const compPassword = goToLower(password);
  const passwordBytes = utf8ByteLength(compPassword);
  // Lower-casing can lengthen an operand (e.g. "Ⱥ" 2 bytes → "ⱥ" 3 bytes), so Kratos checks again.
  if (
    utf8ByteLength(compIdentifier) > MAX_SIMILARITY_CHECK_BYTES ||
    passwordBytes > MAX_SIMILARITY_CHECK_BYTES
  ) {
    return false;
  }
  const dist = levenshteinDistance(compIdentifier, compPassword);
  // Kratos divides as float32; for operands ≤ 256 bytes a ratio above 0.5 is at least 0.5 + 1/512, far
  // beyond float32 rounding, so float64 gives the same verdict. An empty password gives NaN → false in both.
  const lcsRatio = lcsLength(compIdentifier, compPassword) / passwordBytes;
  return dist < MIN_IDENTIFIER_PASSWORD_DISTANCE || lcsRatio > MAX_IDENTIFIER_PASSWORD_SUBSTRING_RATIO;
}
