// The shape every supported hash format implements, and the parsing helpers they share. A family decodes
// a hash completely (syntax and bounds) before any expensive primitive runs, so `check` (import validation)
// and `verify` refuse exactly the same inputs.

import type { HashFamilyName } from './errors';
import { HashParametersOutOfBoundsError, MalformedHashError } from './errors';
import type { Base64Rules } from './encoding';
import { decodeBase64 } from './encoding';

export interface HashFamily {
  readonly name: HashFamilyName;
  /** The prefix test Kratos uses to pick a comparator (hash_comparator.go `Is*`). */
  matches(encoded: string): boolean;
  /** Decodes and bounds-checks without hashing. Throws MalformedHashError or HashParametersOutOfBoundsError. */
  check(encoded: string): void;
  /** Decodes like `check` (same errors), then compares in constant time. */
  verify(password: Buffer, encoded: string): Promise<boolean>;
}

export interface FamilySpec<P> {
  name: HashFamilyName;
  prefix: RegExp;
  decode(encoded: string): P;
  compare(password: Buffer, params: P): Promise<boolean>;
}

export function defineFamily<P>(spec: FamilySpec<P>): HashFamily {
  return {
    name: spec.name,
    matches: (encoded) => spec.prefix.test(encoded),
    check: (encoded) => {
      spec.decode(encoded);
    },
    verify: (password, encoded) => spec.compare(password, spec.decode(encoded)),
  };
}

export function malformed(family: HashFamilyName, reason: string): never {
  throw new MalformedHashError(family, reason);
}

export function outOfBounds(family: HashFamilyName, reason: string): never {
  throw new HashParametersOutOfBoundsError(family, reason);
}

/** Splits on '$' like Go's strings.Split and insists on an exact part count. */
export function splitParts(family: HashFamilyName, encoded: string, count: number): string[] {
  const parts = encoded.split('$');
  if (parts.length !== count) malformed(family, `expected ${count} '$'-separated parts, got ${parts.length}`);
  return parts;
}

export function decodePart(family: HashFamilyName, what: string, value: string, rules: Base64Rules): Buffer {
  const bytes = decodeBase64(value, rules);
  if (bytes === undefined) malformed(family, `${what} is not valid base64`);
  return bytes;
}

/**
 * Reads "k1=<n>,k2=<n>,..." the way Kratos's fmt.Sscanf does for the fields it scans: keys in order,
 * decimal digits, anything after the last number ignored.
 */
export function scanNumbers(family: HashFamilyName, segment: string, keys: readonly string[]): number[] {
  const pattern = new RegExp('^' + keys.map((k) => `${k}=(\\d+)`).join(','));
  const m = pattern.exec(segment);
  if (!m) malformed(family, `parameters "${segment}" do not match ${keys.map((k) => `${k}=<n>`).join(',')}`);
  return keys.map((_, i) => Number(m[i + 1]));
}

export function requireInRange(
  family: HashFamilyName,
  label: string,
  value: number,
  min: number,
  max: number,
): void {
  if (value < min || value > max) outOfBounds(family, `${label}=${value} not in [${min}, ${max}]`);
}

export function requireKeyLength(family: HashFamilyName, bytes: number, min: number): void {
  if (bytes < min) outOfBounds(family, `derived key of ${bytes} bytes is shorter than ${min}`);
}
