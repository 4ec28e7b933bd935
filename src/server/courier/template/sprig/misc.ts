// Sprig defaults, arithmetic, reflection, URL and flow-control functions. JSON, encodings and
// hashes are in encoding.ts, regular expressions in regex.ts.

import { sprintf } from '../fmt/printf';
import { FuncError } from '../errors';
import { def, type FuncDef } from '../funcs';
import { isGoMap, mapEntries, toInt64, type GoMap } from '../values';
import { castFloat64, castInt64, empty, kindName } from './convert';
import { deepEqual } from './lists';

function round(a: unknown, p: bigint, ...opt: number[]): number {
  const roundOn = opt[0] ?? 0.5;
  const pow = 10 ** Number(p);
  const digit = pow * castFloat64(a);
  const frac = digit - Math.trunc(digit);
  return (frac >= roundOn ? Math.ceil(digit) : Math.floor(digit)) / pow;
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
