// Sprig list and dict functions (list.go, dict.go). Sprig panics on wrong types; Go's template
// engine turns the panic into "error calling NAME: ...", which is what FuncError/Error give us.

import { def, type FuncDef } from '../funcs';
import { isGoMap, mapEntries, mapGet, mapHas, mapKeys, type GoMap } from '../values';
import { castInt64, empty, kindName, strval } from './convert';
import { untilStep } from './strings';

function asList(v: unknown, what: string): unknown[] {
  if (Array.isArray(v)) return v;
  if (v === null || v === undefined)
    throw new Error('runtime error: invalid memory address or nil pointer dereference');
  throw new Error(`Cannot ${what} on type ${kindName(v)}`);
}

/** reflect.DeepEqual for JSON-like values. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isGoMap(a) && isGoMap(b)) {
    const ka = mapKeys(a);
    const kb = mapKeys(b);
    return (
      ka.length === kb.length && ka.every((k, i) => k === kb[i] && deepEqual(mapGet(a, k), mapGet(b, k)))
    );
  }
  return false;
}

function setKey(m: GoMap, key: string, value: unknown): GoMap {
  if (m instanceof Map) m.set(key, value);
  else Object.defineProperty(m, key, { value, enumerable: true, writable: true, configurable: true });
  return m;
}

function sprigSlice(list: unknown, ...idx: unknown[]): unknown {
  const l = asList(list, 'slice');
  if (l.length === 0) return null;
  const start = idx.length > 0 ? Number(castInt64(idx[0])) : 0;
  const end = idx.length > 1 ? Number(castInt64(idx[1])) : l.length;
  if (start < 0 || end > l.length || start > end) throw new Error('reflect: slice index out of range');
  return l.slice(start, end);
}

export const LIST_FUNCS: [string, FuncDef][] = [
  ['list', def([], (...v: unknown[]) => v, 'any')],
  ['tuple', def([], (...v: unknown[]) => v, 'any')],
  ['append', def(['any', 'any'], (l: unknown, v: unknown) => [...asList(l, 'push'), v])],
  ['push', def(['any', 'any'], (l: unknown, v: unknown) => [...asList(l, 'push'), v])],
  ['prepend', def(['any', 'any'], (l: unknown, v: unknown) => [v, ...asList(l, 'prepend')])],
  ['first', def(['any'], (l: unknown) => asList(l, 'find first')[0] ?? null)],
  [
    'last',
    def(['any'], (l: unknown) => {
      const a = asList(l, 'find last');
      return a.length === 0 ? null : a[a.length - 1];
    }),
  ],
  [
    'rest',
    def(['any'], (l: unknown) => {
      const a = asList(l, 'find rest');
      return a.length === 0 ? null : a.slice(1);
    }),
  ],
  [
    'initial',
    def(['any'], (l: unknown) => {
      const a = asList(l, 'find initial');
      return a.length === 0 ? null : a.slice(0, -1);
    }),
  ],
  ['reverse', def(['any'], (l: unknown) => [...asList(l, 'find reverse')].reverse())],
  [
    'uniq',
    def(['any'], (l: unknown) => {
      const out: unknown[] = [];
      for (const x of asList(l, 'find uniq')) if (!out.some((y) => deepEqual(x, y))) out.push(x);
      return out;
    }),
  ],
  [
    'without',
    def(
      ['any'],
      (l: unknown, ...omit: unknown[]) =>
        asList(l, 'find without').filter((x) => !omit.some((o) => deepEqual(x, o))),
      'any',
    ),
  ],
  [
    'has',
    def(['any', 'any'], (needle: unknown, hay: unknown) => {
      if (hay === null || hay === undefined) return false;
      return asList(hay, 'find has').some((x) => deepEqual(needle, x));
    }),
  ],
  ['compact', def(['any'], (l: unknown) => asList(l, 'compact').filter((x) => !empty(x)))],
  ['slice', def(['any'], sprigSlice, 'any')],
  [
    'concat',
    def(
      [],
      (...lists: unknown[]) => {
        const out: unknown[] = [];
        for (const l of lists) {
          if (!Array.isArray(l)) throw new Error(`Cannot concat type ${kindName(l)} as list`);
          out.push(...(l as unknown[]));
        }
        return out;
      },
      'any',
    ),
  ],
  [
    'chunk',
    def(['int', 'any'], (size: bigint, l: unknown) => {
      const a = asList(l, 'chunk');
      const n = Number(size);
      const out: unknown[][] = [];
      for (let i = 0; i < a.length; i += n) out.push(a.slice(i, i + n));
      return out;
    }),
  ],
  ['until', def(['int'], (n: bigint) => untilStep(0n, n, n < 0n ? -1n : 1n))],
  ['untilStep', def(['int', 'int', 'int'], untilStep)],
  // dicts
  [
    'dict',
    def(
      [],
      (...v: unknown[]) => {
        const out: Record<string, unknown> = {};
        for (let i = 0; i < v.length; i += 2) setKey(out, strval(v[i]), i + 1 < v.length ? v[i + 1] : '');
        return out;
      },
      'any',
    ),
  ],
  [
    'get',
    def(['map', 'string'], (d: GoMap | null, k: string) => (d !== null && mapHas(d, k) ? mapGet(d, k) : '')),
  ],
  [
    'set',
    def(['map', 'string', 'any'], (d: GoMap | null, k: string, v: unknown) => {
      if (d === null) throw new Error('assignment to entry in nil map');
      return setKey(d, k, v);
    }),
  ],
  [
    'unset',
    def(['map', 'string'], (d: GoMap | null, k: string) => {
      if (d instanceof Map) d.delete(k);
      else if (d !== null && Object.hasOwn(d, k)) Reflect.deleteProperty(d, k);
      return d;
    }),
  ],
  ['hasKey', def(['map', 'string'], (d: GoMap | null, k: string) => d !== null && mapHas(d, k))],
  [
    'pluck',
    def(
      ['string'],
      (k: string, ...ds: (GoMap | null)[]) =>
        ds.filter((d) => d !== null && mapHas(d, k)).map((d) => mapGet(d as GoMap, k)),
      'map',
    ),
  ],
  // Go map iteration order is random; we return keys and values in sorted key order.
  ['keys', def([], (...ds: (GoMap | null)[]) => ds.flatMap((d) => (d === null ? [] : mapKeys(d))), 'map')],
  ['values', def(['map'], (d: GoMap | null) => (d === null ? [] : mapEntries(d).map(([, v]) => v)))],
  [
    'pick',
    def(
      ['map'],
      (d: GoMap | null, ...keys: string[]) => {
        const out: Record<string, unknown> = {};
        for (const k of keys) if (d !== null && mapHas(d, k)) setKey(out, k, mapGet(d, k));
        return out;
      },
      'string',
    ),
  ],
  [
    'omit',
    def(
      ['map'],
      (d: GoMap | null, ...keys: string[]) => {
        const out: Record<string, unknown> = {};
        if (d !== null) for (const [k, v] of mapEntries(d)) if (!keys.includes(k)) setKey(out, k, v);
        return out;
      },
      'string',
    ),
  ],
  [
    'dig',
    def(
      [],
      (...ps: unknown[]) => {
        if (ps.length < 3) throw new Error('dig needs at least three arguments');
        let cur: unknown = ps[ps.length - 1];
        const dflt = ps[ps.length - 2];
        for (const k of ps.slice(0, -2)) {
          if (typeof k !== 'string')
            throw new Error(`interface conversion: interface {} is ${kindName(k)}, not string`);
          if (!isGoMap(cur) || !mapHas(cur, k)) return dflt;
          cur = mapGet(cur, k);
        }
        return cur;
      },
      'any',
    ),
  ],
  ['deepCopy', def(['any'], (v: unknown) => structuredClone(v))],
];
