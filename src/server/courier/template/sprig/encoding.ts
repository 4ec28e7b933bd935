// Sprig JSON, base64/base32 and hash functions.

import { createHash } from 'node:crypto';
import { FuncError } from '../errors';
import { def, type FuncDef } from '../funcs';
import { sprintf } from '../fmt/printf';
import { goKind, goTypeName, mapEntries, type GoMap } from '../values';

// encoding/json.Marshal for the value model (HTML-escaping <, >, & like Go; keys sorted).
export function goJSON(v: unknown, escapeHTML: boolean, indent = '', level = 0): string {
  const nl = indent === '' ? '' : '\n' + indent.repeat(level + 1);
  const end = indent === '' ? '' : '\n' + indent.repeat(level);
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return 'null';
    case 'string': {
      let s = JSON.stringify(v).replace(/[\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16));
      if (escapeHTML) s = s.replace(/[<>&]/g, (c) => '\\u00' + c.charCodeAt(0).toString(16));
      return s;
    }
    case 'bool':
      return v ? 'true' : 'false';
    case 'int':
      return String(v);
    case 'float64': {
      const n = v as number;
      if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${sprintf('%v', [n])}`);
      // Go uses %f style up to 1e21 and exponent form ("1e+21") beyond, like JS but with "e+".
      const abs = Math.abs(n);
      if (abs !== 0 && (abs < 1e-6 || abs >= 1e21)) {
        return sprintf('%g', [n]).replace(/e([+-])0(\d)$/, 'e$1$2');
      }
      return String(n);
    }
    case 'slice': {
      const a = v as unknown[];
      if (a.length === 0) return '[]';
      return '[' + a.map((x) => nl + goJSON(x, escapeHTML, indent, level + 1)).join(',') + end + ']';
    }
    case 'map': {
      const e = mapEntries(v as GoMap);
      if (e.length === 0) return '{}';
      const sep = indent === '' ? ':' : ': ';
      return (
        '{' +
        e
          .map(([k, x]) => nl + goJSON(k, escapeHTML) + sep + goJSON(x, escapeHTML, indent, level + 1))
          .join(',') +
        end +
        '}'
      );
    }
    case 'func':
      throw new Error(`json: unsupported type: ${goTypeName(v)}`);
  }
}

function fromJSON(s: string): unknown {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    return null;
  }
}

function b64dec(s: string): string {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    const bad = s.search(/[^A-Za-z0-9+/=]/);
    return `illegal base64 data at input byte ${bad >= 0 ? bad : Math.max(s.length - (s.length % 4 || 4), 0)}`;
  }
  return Buffer.from(s, 'base64').toString('utf8');
}

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function b32enc(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += '=';
  return out;
}

function b32dec(s: string): string {
  const clean = s.replace(/=+$/, '');
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const idx = B32.indexOf(clean[i] ?? '');
    if (idx < 0 || s.length % 8 !== 0) return `illegal base32 data at input byte ${idx < 0 ? i : s.length}`;
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out).toString('utf8');
}

function adler32(s: string): string {
  let a = 1;
  let b = 0;
  for (const byte of Buffer.from(s, 'utf8')) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  return String(((b << 16) | a) >>> 0);
}

export const ENCODING_FUNCS: [string, FuncDef][] = [
  // JSON
  ['fromJson', def(['string'], fromJSON)],
  [
    'mustFromJson',
    def(['string'], (s: string) => {
      try {
        return JSON.parse(s) as unknown;
      } catch (e) {
        throw new FuncError((e as Error).message);
      }
    }),
  ],
  [
    'toJson',
    def(['any'], (v: unknown) => {
      try {
        return goJSON(v, true);
      } catch {
        return '';
      }
    }),
  ],
  ['mustToJson', def(['any'], (v: unknown) => goJSON(v, true))],
  [
    'toPrettyJson',
    def(['any'], (v: unknown) => {
      try {
        return goJSON(v, true, '  ');
      } catch {
        return '';
      }
    }),
  ],
  ['mustToPrettyJson', def(['any'], (v: unknown) => goJSON(v, true, '  '))],
  ['toRawJson', def(['any'], (v: unknown) => goJSON(v, false))],
  ['mustToRawJson', def(['any'], (v: unknown) => goJSON(v, false))],
  // encoding
  ['b64enc', def(['string'], (s: string) => Buffer.from(s, 'utf8').toString('base64'))],
  ['b64dec', def(['string'], b64dec)],
  ['b32enc', def(['string'], b32enc)],
  ['b32dec', def(['string'], b32dec)],
  // hashing
  ['sha1sum', def(['string'], (s: string) => createHash('sha1').update(s, 'utf8').digest('hex'))],
  ['sha256sum', def(['string'], (s: string) => createHash('sha256').update(s, 'utf8').digest('hex'))],
  ['sha512sum', def(['string'], (s: string) => createHash('sha512').update(s, 'utf8').digest('hex'))],
  ['adler32sum', def(['string'], adler32)],
];
