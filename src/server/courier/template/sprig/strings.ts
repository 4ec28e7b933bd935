// Sprig string functions (strings.go, plus the goutils/xstrings helpers they call).
// Argument order follows Sprig: the piped value comes last (`"x" | trimPrefix "y"`).

import { randomInt } from 'node:crypto';
import { sprintf } from '../fmt/printf';
import { quote as goQuote } from '../fmt/quote';
import { def, type FuncDef } from '../funcs';
import { castInt64, strval } from './convert';

const isSpace = (c: string): boolean => /^\s$/u.test(c);

function byteSlice(s: string, start: number, end?: number): string {
  return Buffer.from(s, 'utf8').subarray(start, end).toString('utf8');
}

function byteLen(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

// strings.Title: upper-case the first letter of each word.
function title(s: string): string {
  let prev = ' ';
  let out = '';
  for (const ch of s) {
    out += isSeparator(prev) ? ch.toUpperCase() : ch;
    prev = ch;
  }
  return out;
}

function isSeparator(c: string): boolean {
  const cp = c.codePointAt(0) ?? 0;
  if (cp <= 0x7f) return !/[0-9A-Za-z_]/.test(c);
  if (/^[\p{L}\p{Nd}]$/u.test(c)) return false;
  return isSpace(c);
}

function untitle(s: string): string {
  const first = [...s][0];
  return first === undefined ? s : first.toLowerCase() + s.slice(first.length);
}

function swapcase(s: string): string {
  let out = '';
  for (const ch of s) {
    const up = ch.toUpperCase();
    out += ch === up ? ch.toLowerCase() : up;
  }
  return out;
}

function abbreviateFull(str: string, offsetIn: number, maxWidth: number): string {
  if (str === '') return '';
  if (maxWidth < 4) return '';
  const len = byteLen(str);
  if (len <= maxWidth) return str;
  let offset = Math.min(offsetIn, len);
  if (len - offset < maxWidth - 3) offset = len - (maxWidth - 3);
  if (offset <= 4) return byteSlice(str, 0, maxWidth - 3) + '...';
  if (maxWidth < 7) return '';
  if (offset + maxWidth - 3 < len) return '...' + abbreviateFull(byteSlice(str, offset), 0, maxWidth - 3);
  return '...' + byteSlice(str, len - (maxWidth - 3));
}

function abbrev(width: bigint, s: string): string {
  if (width < 4n) return s;
  return abbreviateFull(s, 0, Number(width));
}

function abbrevboth(left: bigint, right: bigint, s: string): string {
  if (right < 4n || (left > 0n && right < 7n)) return s;
  return abbreviateFull(s, Number(left), Number(right));
}

function initials(s: string): string {
  let out = '';
  let gap = true;
  for (const ch of s) {
    if (isSpace(ch)) gap = true;
    else if (gap) {
      out += ch;
      gap = false;
    }
  }
  return out;
}

// goutils.WrapCustom (byte offsets, as in Go).
function wrapCustom(str: string, wrapLengthIn: number, newLine: string, wrapLongWords: boolean): string {
  if (str === '') return '';
  const nl = newLine === '' ? '\n' : newLine;
  const wrapLength = Math.max(wrapLengthIn, 1);
  const b = Buffer.from(str, 'utf8');
  const len = b.length;
  let offset = 0;
  let out = '';
  const sub = (a: number, z: number): string => b.subarray(a, z).toString('utf8');
  while (len - offset > wrapLength) {
    if (b[offset] === 0x20) {
      offset++;
      continue;
    }
    const end = Math.min(wrapLength + offset + 1, len);
    const space = b.subarray(offset, end).lastIndexOf(0x20);
    if (space >= 0) {
      out += sub(offset, offset + space) + nl;
      offset = offset + space + 1;
    } else if (wrapLongWords) {
      out += sub(offset, offset + wrapLength) + nl;
      offset += wrapLength;
    } else {
      const e = wrapLength + offset;
      const idx = b.subarray(e).indexOf(0x20);
      if (idx === -1) {
        out += sub(offset, len);
        offset = len;
      } else {
        out += sub(offset, e + idx) + nl;
        offset = e + idx + 1;
      }
    }
  }
  return out + sub(offset, len);
}

// Word splitting for snakecase/kebabcase/camelcase: boundaries at non-alphanumerics, at
// lower-to-upper changes and before the last capital of an acronym ("HTTPServer").
function words(s: string): string[] {
  return s
    .replace(/([\p{Ll}\d])(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function shuffle(s: string): string {
  const runes = [...s];
  for (let i = runes.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [runes[i], runes[j]] = [runes[j] as string, runes[i] as string];
  }
  return runes.join('');
}

function trunc(c: bigint, s: string): string {
  const n = Number(c);
  const len = byteLen(s);
  if (n < 0 && len + n > 0) return byteSlice(s, len + n);
  if (n >= 0 && len > n) return byteSlice(s, 0, n);
  return s;
}

function substr(start: bigint, end: bigint, s: string): string {
  const len = byteLen(s);
  const st = Number(start);
  const en = Number(end);
  const check = (a: number, z: number): string => {
    if (a < 0 || z > len || a > z) throw new Error(`runtime error: slice bounds out of range [${a}:${z}]`);
    return byteSlice(s, a, z);
  };
  if (st < 0) return check(0, en);
  if (en < 0 || en > len) return check(st, len);
  return check(st, en);
}

function splitN(s: string, sep: string, n: number): string[] {
  if (n === 0) return [];
  if (n < 0) return goSplit(s, sep);
  const parts = goSplit(s, sep);
  if (parts.length <= n) return parts;
  const head = parts.slice(0, n - 1);
  return [...head, parts.slice(n - 1).join(sep)];
}

/** strings.Split: an empty separator splits into UTF-8 sequences (runes). */
export function goSplit(s: string, sep: string): string[] {
  if (sep === '') return [...s];
  return s.split(sep);
}

function indexedMap(parts: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  parts.forEach((p, i) => {
    out['_' + String(i)] = p;
  });
  return out;
}

function goTrim(s: string, cutset: string): string {
  const set = new Set([...cutset]);
  const chars = [...s];
  let a = 0;
  let z = chars.length;
  while (a < z && set.has(chars[a] as string)) a++;
  while (z > a && set.has(chars[z - 1] as string)) z--;
  return chars.slice(a, z).join('');
}

export const STRING_FUNCS: [string, FuncDef][] = [
  ['abbrev', def(['int', 'string'], abbrev)],
  ['abbrevboth', def(['int', 'int', 'string'], abbrevboth)],
  ['trunc', def(['int', 'string'], trunc)],
  ['trim', def(['string'], (s: string) => s.replace(/^\s+|\s+$/gu, ''))],
  ['upper', def(['string'], (s: string) => s.toUpperCase())],
  ['lower', def(['string'], (s: string) => s.toLowerCase())],
  ['title', def(['string'], title)],
  ['untitle', def(['string'], untitle)],
  ['substr', def(['int', 'int', 'string'], substr)],
  [
    'repeat',
    def(['int', 'string'], (n: bigint, s: string) => {
      if (n < 0n) throw new Error('strings: negative Repeat count');
      return s.repeat(Number(n));
    }),
  ],
  ['trimall', def(['string', 'string'], (a: string, b: string) => goTrim(b, a))],
  ['trimAll', def(['string', 'string'], (a: string, b: string) => goTrim(b, a))],
  [
    'trimSuffix',
    def(['string', 'string'], (a: string, b: string) =>
      a !== '' && b.endsWith(a) ? b.slice(0, b.length - a.length) : b,
    ),
  ],
  [
    'trimPrefix',
    def(['string', 'string'], (a: string, b: string) => (b.startsWith(a) ? b.slice(a.length) : b)),
  ],
  ['nospace', def(['string'], (s: string) => s.replace(/\s+/gu, ''))],
  ['initials', def(['string'], initials)],
  ['swapcase', def(['string'], swapcase)],
  ['shuffle', def(['string'], shuffle)],
  [
    'snakecase',
    def(['string'], (s: string) =>
      words(s)
        .map((w) => w.toLowerCase())
        .join('_'),
    ),
  ],
  [
    'camelcase',
    def(['string'], (s: string) =>
      words(s)
        .map((w) => (w[0] ?? '').toUpperCase() + w.slice(1))
        .join(''),
    ),
  ],
  [
    'kebabcase',
    def(['string'], (s: string) =>
      words(s)
        .map((w) => w.toLowerCase())
        .join('-'),
    ),
  ],
  ['wrap', def(['int', 'string'], (l: bigint, s: string) => wrapCustom(s, Number(l), '', false))],
  [
    'wrapWith',
    def(['int', 'string', 'string'], (l: bigint, sep: string, s: string) =>
      wrapCustom(s, Number(l), sep, true),
    ),
  ],
  ['contains', def(['string', 'string'], (sub: string, s: string) => s.includes(sub))],
  ['hasPrefix', def(['string', 'string'], (p: string, s: string) => s.startsWith(p))],
  ['hasSuffix', def(['string', 'string'], (p: string, s: string) => s.endsWith(p))],
  [
    'quote',
    def(
      [],
      (...v: unknown[]) =>
        v
          .filter((x) => x !== null && x !== undefined)
          .map((x) => goQuote(strval(x)))
          .join(' '),
      'any',
    ),
  ],
  [
    'squote',
    def(
      [],
      (...v: unknown[]) =>
        v
          .filter((x) => x !== null && x !== undefined)
          .map((x) => sprintf("'%v'", [x]))
          .join(' '),
      'any',
    ),
  ],
  [
    'cat',
    def(
      [],
      (...v: unknown[]) =>
        v
          .filter((x) => x !== null && x !== undefined)
          .map((x) => sprintf('%v', [x]))
          .join(' '),
      'any',
    ),
  ],
  [
    'indent',
    def(
      ['int', 'string'],
      (n: bigint, s: string) => ' '.repeat(Number(n)) + s.replaceAll('\n', '\n' + ' '.repeat(Number(n))),
    ),
  ],
  [
    'nindent',
    def(
      ['int', 'string'],
      (n: bigint, s: string) =>
        '\n' + ' '.repeat(Number(n)) + s.replaceAll('\n', '\n' + ' '.repeat(Number(n))),
    ),
  ],
  [
    'replace',
    def(['string', 'string', 'string'], (o: string, n: string, s: string) =>
      o === '' ? goSplit(s, '').join(n).replace(/^/, n) + (s === '' ? '' : n) : s.replaceAll(o, n),
    ),
  ],
  [
    'plural',
    def(['string', 'string', 'int'], (one: string, many: string, n: bigint) => (n === 1n ? one : many)),
  ],
  ['toString', def(['any'], strval)],
  [
    'atoi',
    def(['string'], (s: string) => {
      const m = /^[+-]?\d+$/.test(s) ? BigInt(s) : 0n;
      return m >= -(2n ** 63n) && m < 2n ** 63n ? m : 0n;
    }),
  ],
  ['seq', def([], (...p: bigint[]) => seq(p), 'int')],
  ['split', def(['string', 'string'], (sep: string, s: string) => indexedMap(goSplit(s, sep)))],
  ['splitList', def(['string', 'string'], (sep: string, s: string) => goSplit(s, sep))],
  [
    'splitn',
    def(['string', 'int', 'string'], (sep: string, n: bigint, s: string) =>
      indexedMap(splitN(s, sep, Number(n))),
    ),
  ],
  ['toStrings', def(['any'], (v: unknown) => strslice(v))],
  ['join', def(['string', 'any'], (sep: string, v: unknown) => strslice(v).join(sep))],
  [
    'sortAlpha',
    def(['any'], (v: unknown) =>
      Array.isArray(v) ? strslice(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)) : [strval(v)],
    ),
  ],
  ['int', def(['any'], (v: unknown) => castInt64(v))],
  ['int64', def(['any'], (v: unknown) => castInt64(v))],
];

/** Sprig's strslice: a list's non-nil elements as strings; a scalar becomes a one-element list. */
export function strslice(v: unknown): string[] {
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined).map(strval);
  if (v === null || v === undefined) return [];
  return [strval(v)];
}

/** Sprig's untilStep. */
export function untilStep(start: bigint, stop: bigint, step: bigint): bigint[] {
  const v: bigint[] = [];
  if (stop < start) {
    if (step >= 0n) return v;
    for (let i = start; i > stop; i += step) v.push(i);
    return v;
  }
  if (step <= 0n) return v;
  for (let i = start; i < stop; i += step) v.push(i);
  return v;
}

// Sprig's seq mirrors the Unix seq command: seq LAST, seq FIRST LAST, seq FIRST INCR LAST.
function seq(p: bigint[]): string {
  const join = (v: bigint[]): string => v.map(String).join(' ');
  const [a = 0n, b = 0n, c = 0n] = p;
  switch (p.length) {
    case 1: {
      const inc = a < 1n ? -1n : 1n;
      return join(untilStep(1n, a + inc, inc));
    }
    case 2: {
      const step = b < a ? -1n : 1n;
      return join(untilStep(a, b + step, step));
    }
    case 3: {
      let inc = 1n;
      if (c < a) {
        inc = -1n;
        if (b > 0n) return '';
      }
      return join(untilStep(a, c + inc, b));
    }
    default:
      return '';
  }
}
