// Sprig defaults, JSON, arithmetic, encoding, regex, reflection, hashing and URL functions.

import { createHash } from 'node:crypto';
import { sprintf } from '../fmt/print';
import { FuncError } from '../errors';
import { def, type FuncDef } from '../funcs';
import { goKind, goTypeName, isGoMap, mapEntries, toInt64, type GoMap } from '../values';
import { castFloat64, castInt64, empty, kindName } from './convert';
import { deepEqual } from './lists';
import { goRegExp, goExpand } from './regex';

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

function round(a: unknown, p: bigint, ...opt: number[]): number {
  const roundOn = opt[0] ?? 0.5;
  const pow = 10 ** Number(p);
  const digit = pow * castFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
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

function urlParse(v: string): Record<string, unknown> {
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    // Relative references: Go's url.Parse accepts them; keep the path/query/fragment.
    const m = /^([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(v);
    return {
      scheme: '',
      host: '',
      hostname: '',
      path: m?.[1] ?? '',
      query: m?.[2] ?? '',
      opaque: '',
      fragment: m?.[3] ?? '',
      userinfo: '',
    };
  }
  const userinfo = u.username === '' ? '' : u.password === '' ? u.username : `${u.username}:${u.password}`;
  return {
    scheme: u.protocol.replace(/:$/, ''),
    host: u.host,
    hostname: u.hostname,
    path: decodeURIComponent(u.pathname),
    query: u.search.replace(/^\?/, ''),
    opaque: '',
    fragment: decodeURIComponent(u.hash.replace(/^#/, '')),
    userinfo,
  };
}

function urlJoin(d: GoMap | null): string {
  const get = (k: string): string => {
    if (d === null || !isGoMap(d)) return '';
    const e = mapEntries(d).find(([key]) => key === k);
    if (e === undefined) return '';
    if (typeof e[1] !== 'string')
      throw new Error(`unable to parse ${k} key, must be of type string, but ${kindName(e[1])} found`);
    return e[1];
  };
  const scheme = get('scheme');
  const host = get('host');
  const userinfo = get('userinfo');
  const path = get('path');
  const query = get('query');
  const fragment = get('fragment');
  let out = scheme !== '' ? scheme + ':' : '';
  if (scheme !== '' || host !== '' || userinfo !== '') {
    out += '//';
    if (userinfo !== '') out += userinfo + '@';
    out += host;
  }
  if (path !== '' && !path.startsWith('/') && host !== '') out += '/';
  out += encodeURI(path).replace(/%25/g, '%');
  if (query !== '') out += '?' + query;
  if (fragment !== '') out += '#' + encodeURIComponent(fragment).replace(/%2F/gi, '/');
  return out;
}

function mustCompile(re: string): RegExp {
  const r = goRegExp(re);
  if (r === null) throw new Error(`regexp: Compile(${JSON.stringify(re)}): error parsing regexp`);
  return r;
}

function findAll(re: string, s: string, n: bigint): string[] {
  const r = mustCompile(re);
  const out: string[] = [];
  for (const m of s.matchAll(new RegExp(r.source, r.flags + 'g'))) {
    if (n >= 0n && BigInt(out.length) >= n) break;
    out.push(m[0]);
  }
  return out;
}

function regexSplit(re: string, s: string, n: bigint): string[] {
  if (n === 0n) return [];
  const r = new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g');
  if (re.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  for (const m of s.matchAll(r)) {
    if (n > 0n && BigInt(out.length) === n - 1n) break;
    const end = m.index;
    if (m[0].length === 0 && end === 0) continue;
    out.push(s.slice(beg, end));
    beg = end + m[0].length;
  }
  out.push(s.slice(beg));
  return out;
}

export const MISC_FUNCS: [string, FuncDef][] = [
  // defaults
  [
    'default',
    def(
      ['any'],
      (d: unknown, ...given: unknown[]) => (given.length === 0 || empty(given[0]) ? d : given[0]),
      'any',
    ),
  ],
  ['empty', def(['any'], empty)],
  ['coalesce', def([], (...v: unknown[]) => v.find((x) => !empty(x)) ?? null, 'any')],
  ['all', def([], (...v: unknown[]) => v.every((x) => !empty(x)), 'any')],
  ['any', def([], (...v: unknown[]) => v.some((x) => !empty(x)), 'any')],
  ['ternary', def(['any', 'any', 'bool'], (t: unknown, f: unknown, c: boolean) => (c ? t : f))],
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
  // arithmetic: Sprig converts with cast.ToInt64 and returns int64
  ['add1', def(['any'], (a: unknown) => toInt64(castInt64(a) + 1n))],
  ['add', def([], (...v: unknown[]) => toInt64(v.reduce<bigint>((s, x) => s + castInt64(x), 0n)), 'any')],
  ['sub', def(['any', 'any'], (a: unknown, b: unknown) => toInt64(castInt64(a) - castInt64(b)))],
  [
    'div',
    def(['any', 'any'], (a: unknown, b: unknown) => {
      const d = castInt64(b);
      if (d === 0n) throw new Error('runtime error: integer divide by zero');
      return toInt64(castInt64(a) / d);
    }),
  ],
  [
    'mod',
    def(['any', 'any'], (a: unknown, b: unknown) => {
      const d = castInt64(b);
      if (d === 0n) throw new Error('runtime error: integer divide by zero');
      return castInt64(a) % d;
    }),
  ],
  [
    'mul',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) => toInt64(v.reduce<bigint>((s, x) => s * castInt64(x), castInt64(a))),
      'any',
    ),
  ],
  [
    'max',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) =>
        v.reduce<bigint>((m, x) => (castInt64(x) > m ? castInt64(x) : m), castInt64(a)),
      'any',
    ),
  ],
  [
    'biggest',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) =>
        v.reduce<bigint>((m, x) => (castInt64(x) > m ? castInt64(x) : m), castInt64(a)),
      'any',
    ),
  ],
  [
    'min',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) =>
        v.reduce<bigint>((m, x) => (castInt64(x) < m ? castInt64(x) : m), castInt64(a)),
      'any',
    ),
  ],
  [
    'maxf',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) =>
        v.reduce<number>((m, x) => Math.max(m, castFloat64(x)), castFloat64(a)),
      'any',
    ),
  ],
  [
    'minf',
    def(
      ['any'],
      (a: unknown, ...v: unknown[]) =>
        v.reduce<number>((m, x) => Math.min(m, castFloat64(x)), castFloat64(a)),
      'any',
    ),
  ],
  ['float64', def(['any'], castFloat64)],
  ['floor', def(['any'], (a: unknown) => Math.floor(castFloat64(a)))],
  ['ceil', def(['any'], (a: unknown) => Math.ceil(castFloat64(a)))],
  ['round', def(['any', 'int'], round, 'float64')],
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
  // regex (Go RE2 syntax translated to JS where they agree)
  ['regexMatch', def(['string', 'string'], (re: string, s: string) => goRegExp(re)?.test(s) ?? false)],
  ['mustRegexMatch', def(['string', 'string'], (re: string, s: string) => mustCompile(re).test(s))],
  ['regexFindAll', def(['string', 'string', 'int'], findAll)],
  ['mustRegexFindAll', def(['string', 'string', 'int'], findAll)],
  ['regexFind', def(['string', 'string'], (re: string, s: string) => mustCompile(re).exec(s)?.[0] ?? '')],
  ['mustRegexFind', def(['string', 'string'], (re: string, s: string) => mustCompile(re).exec(s)?.[0] ?? '')],
  [
    'regexReplaceAll',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), (...m: unknown[]) =>
        goExpand(repl, m),
      ),
    ),
  ],
  [
    'mustRegexReplaceAll',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), (...m: unknown[]) =>
        goExpand(repl, m),
      ),
    ),
  ],
  [
    'regexReplaceAllLiteral',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), () => repl),
    ),
  ],
  [
    'mustRegexReplaceAllLiteral',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), () => repl),
    ),
  ],
  ['regexSplit', def(['string', 'string', 'int'], regexSplit)],
  ['mustRegexSplit', def(['string', 'string', 'int'], regexSplit)],
  ['regexQuoteMeta', def(['string'], (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))],
  // reflection
  ['typeOf', def(['any'], (v: unknown) => sprintf('%T', [v]))],
  ['typeIs', def(['string', 'any'], (t: string, v: unknown) => t === sprintf('%T', [v]))],
  [
    'typeIsLike',
    def(
      ['string', 'any'],
      (t: string, v: unknown) => t === sprintf('%T', [v]) || '*' + t === sprintf('%T', [v]),
    ),
  ],
  ['kindOf', def(['any'], kindName)],
  ['kindIs', def(['string', 'any'], (t: string, v: unknown) => t === kindName(v))],
  ['deepEqual', def(['any', 'any'], deepEqual)],
  // urls
  ['urlParse', def(['string'], urlParse)],
  ['urlJoin', def(['map'], urlJoin)],
  // flow control
  [
    'fail',
    def(['string'], (msg: string) => {
      throw new FuncError(msg);
    }),
  ],
];
