// crypt(3) hashes under Kratos's own prefixes. Kratos swaps its prefix for the crypt identifier and hands
// the result to go-crypt, so the stored shapes are:
//   $md5-crypt$<salt>$<22 chars>                      -> $1$<salt>$<key>
//   $sha256-crypt$[rounds=<n>$]<salt>$<43 chars>      -> $5$[rounds=<n>$]<salt>$<key>
//   $sha512-crypt$[rounds=<n>$]<salt>$<86 chars>      -> $6$[rounds=<n>$]<salt>$<key>
// Like go-crypt (and unlike glibc) the salt is used as written and rounds are not clamped to
// [1000, 999999999]; every glibc-produced hash already satisfies both, so results agree on real data.
// Omitted rounds mean 5000. The key is compared as text in the crypt base64 alphabet.

import { hash as digest } from 'node:crypto';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { HashFamilyName } from './errors';
import type { HashFamily } from './family';
import { defineFamily, malformed, outOfBounds } from './family';
import { constantTimeEqual, cryptBase64Group } from './encoding';
import { MAX_SHA_CRYPT_ROUNDS } from './limits';

const CRYPT_CHARS = /^[./0-9A-Za-z]*$/;
const DEFAULT_SHA_CRYPT_ROUNDS = 5000;
/** sha-crypt rounds computed between yields, so a 5 M-round hash never blocks the event loop for long. */
const ROUNDS_PER_SLICE = 10_000;

interface DecodedCrypt {
  rounds: number;
  salt: Buffer;
  key: string;
}

function requireKey(name: HashFamilyName, key: string | undefined, chars: number): string {
  if (key === undefined || key.length !== chars || !CRYPT_CHARS.test(key)) {
    malformed(name, `expected a ${chars}-character crypt base64 key`);
  }
  return key;
}

function decodeMd5Crypt(encoded: string): DecodedCrypt {
  const parts = encoded.slice('$md5-crypt'.length).split('$');
  if (parts.length !== 3) malformed('md5crypt', 'expected $md5-crypt$<salt>$<key>');
  return { rounds: 1000, salt: Buffer.from(parts[1] ?? ''), key: requireKey('md5crypt', parts[2], 22) };
}

function parseRounds(name: HashFamilyName, params: string): number {
  let rounds: number | undefined;
  // go-crypt's parameter list: comma-separated key=value pairs, only `rounds`, the last one wins.
  for (const pair of params.split(',')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || pair.slice(0, eq) !== 'rounds') malformed(name, `unknown parameter "${pair}"`);
    const value = pair.slice(eq + 1);
    if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) malformed(name, `invalid rounds "${value}"`);
    rounds = Number(value);
  }
  if (rounds === undefined) malformed(name, 'missing rounds');
  if (rounds > MAX_SHA_CRYPT_ROUNDS)
    outOfBounds(name, `${name} rounds=${rounds} exceeds max ${MAX_SHA_CRYPT_ROUNDS}`);
  return rounds;
}

function shaCryptDecoder(name: 'sha256crypt' | 'sha512crypt', prefix: string, keyChars: number) {
  return (encoded: string): DecodedCrypt => {
    const parts = encoded.slice(prefix.length).split('$');
    if (parts.length === 3) {
      return {
        rounds: DEFAULT_SHA_CRYPT_ROUNDS,
        salt: Buffer.from(parts[1] ?? ''),
        key: requireKey(name, parts[2], keyChars),
      };
    }
    if (parts.length !== 4) malformed(name, `expected ${prefix}$[rounds=<n>$]<salt>$<key>`);
    const rounds = parseRounds(name, parts[1] ?? '');
    return { rounds, salt: Buffer.from(parts[2] ?? ''), key: requireKey(name, parts[3], keyChars) };
  };
}

/** `length` bytes of `unit` repeated (the P' / S' sequences and B-repeat of both algorithms). */
function repeatTo(unit: Buffer, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0; i < length; i += unit.length) unit.copy(out, i, 0, Math.min(unit.length, length - i));
  return out;
}

function md5CryptKey(p: Buffer, s: Buffer): string {
  const b = digest('md5', Buffer.concat([p, s, p]), 'buffer');
  const head: Buffer[] = [p, Buffer.from('$1$'), s, repeatTo(b, p.length)];
  for (let i = p.length; i > 0; i >>= 1) head.push(i & 1 ? Buffer.alloc(1) : p.subarray(0, 1));
  let a = digest('md5', Buffer.concat(head), 'buffer');
  for (let i = 0; i < 1000; i++) {
    const round: Buffer[] = [i & 1 ? p : a];
    if (i % 3) round.push(s);
    if (i % 7) round.push(p);
    round.push(i & 1 ? a : p);
    a = digest('md5', Buffer.concat(round), 'buffer');
  }
  let out = '';
  for (let k = 0; k < 5; k++)
    out += cryptBase64Group(a[k] as number, a[k + 6] as number, a[k === 4 ? 5 : k + 12] as number, 4);
  return out + cryptBase64Group(0, 0, a[11] as number, 2);
}

async function shaCryptKey(
  algorithm: 'sha256' | 'sha512',
  p: Buffer,
  s: Buffer,
  rounds: number,
): Promise<string> {
  const b = digest(algorithm, Buffer.concat([p, s, p]), 'buffer');
  const head: Buffer[] = [p, s, repeatTo(b, p.length)];
  for (let i = p.length; i > 0; i >>= 1) head.push(i & 1 ? b : p);
  let a = digest(algorithm, Buffer.concat(head), 'buffer');
  const pSeq = repeatTo(
    digest(algorithm, Buffer.concat(new Array<Buffer>(p.length).fill(p)), 'buffer'),
    p.length,
  );
  const sSeq = repeatTo(
    digest(algorithm, Buffer.concat(new Array<Buffer>(16 + (a[0] as number)).fill(s)), 'buffer'),
    s.length,
  );
  for (let i = 0; i < rounds; i++) {
    if (i > 0 && i % ROUNDS_PER_SLICE === 0) await yieldToEventLoop();
    const round: Buffer[] = [i & 1 ? pSeq : a];
    if (i % 3) round.push(sSeq);
    if (i % 7) round.push(pSeq);
    round.push(i & 1 ? a : pSeq);
    a = digest(algorithm, Buffer.concat(round), 'buffer');
  }
  return algorithm === 'sha256' ? permuteSha256(a) : permuteSha512(a);
}

// The output permutations of the SHA-crypt specification: byte triples {k, k+n, k+2n} in an order that
// rotates with k, then the leftover bytes.
function permuteSha256(a: Buffer): string {
  let out = '';
  for (let k = 0; k < 10; k++) {
    const [x, y, z] = rotate([k, k + 10, k + 20], k % 3, 'right');
    out += cryptBase64Group(a[x] as number, a[y] as number, a[z] as number, 4);
  }
  return out + cryptBase64Group(0, a[31] as number, a[30] as number, 3);
}

function permuteSha512(a: Buffer): string {
  let out = '';
  for (let k = 0; k < 21; k++) {
    const [x, y, z] = rotate([k, k + 21, k + 42], k % 3, 'left');
    out += cryptBase64Group(a[x] as number, a[y] as number, a[z] as number, 4);
  }
  return out + cryptBase64Group(0, 0, a[63] as number, 2);
}

function rotate(t: [number, number, number], by: number, dir: 'left' | 'right'): [number, number, number] {
  const shift = dir === 'left' ? by : (3 - by) % 3;
  return [t[shift % 3], t[(shift + 1) % 3], t[(shift + 2) % 3]] as [number, number, number];
}

function compareKey(stored: string, computed: string): boolean {
  return constantTimeEqual(Buffer.from(stored), Buffer.from(computed));
}

export const md5CryptFamily: HashFamily = defineFamily({
  name: 'md5crypt',
  prefix: /^\$md5-crypt\$/,
  decode: decodeMd5Crypt,
  compare: async (password, d) => compareKey(d.key, md5CryptKey(password, d.salt)),
});

export const sha256CryptFamily: HashFamily = defineFamily({
  name: 'sha256crypt',
  prefix: /^\$sha256-crypt\$/,
  decode: shaCryptDecoder('sha256crypt', '$sha256-crypt', 43),
  compare: async (password, d) => compareKey(d.key, await shaCryptKey('sha256', password, d.salt, d.rounds)),
});

export const sha512CryptFamily: HashFamily = defineFamily({
  name: 'sha512crypt',
  prefix: /^\$sha512-crypt\$/,
  decode: shaCryptDecoder('sha512crypt', '$sha512-crypt', 86),
  compare: async (password, d) => compareKey(d.key, await shaCryptKey('sha512', password, d.salt, d.rounds)),
});
