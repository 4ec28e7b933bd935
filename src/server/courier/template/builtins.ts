// text/template's predefined functions (funcs.go): and, or, not, len, index, slice, print,
// printf, println, html, js, urlquery, call, eq, ne, lt, le, gt, ge. Error texts match Go.

import { FuncError } from './errors';
import { sprint, sprintln } from './fmt/print';
import { sprintf } from './fmt/printf';
import { def, type FuncDef } from './funcs';
import {
  compareGoStrings,
  goKind,
  goTypeName,
  isGoMap,
  isTrue,
  mapGet,
  mapHas,
  mapLen,
  utf8Length,
} from './values';

/** Go's reflect.Value.Type() on an invalid value panics with this text. */
const ZERO_VALUE_TYPE = 'reflect: call of reflect.Value.Type on zero Value';

function length(item: unknown): bigint {
  switch (goKind(item)) {
    case 'nil':
      throw new FuncError('len of nil pointer');
    case 'invalid':
      throw new FuncError(ZERO_VALUE_TYPE);
    case 'string':
      return BigInt(utf8Length(item as string));
    case 'slice':
      return BigInt((item as unknown[]).length);
    case 'map':
      return BigInt(mapLen(item as Record<string, unknown>));
    default:
      throw new FuncError(`len of type ${goTypeName(item)}`);
  }
}

function indexArg(index: unknown, cap: number): number {
  switch (goKind(index)) {
    case 'int':
      break;
    case 'invalid':
    case 'nil':
      throw new FuncError('cannot index slice/array with nil');
    default:
      throw new FuncError(`cannot index slice/array with type ${goTypeName(index)}`);
  }
  const x = index as bigint;
  if (x < 0n || x > BigInt(cap)) throw new FuncError(`index out of range: ${x}`);
  return Number(x);
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new FuncError('index of untyped nil');
  let cur: unknown = item;
  for (const idx of indexes) {
    if (cur === null) throw new FuncError('index of nil pointer');
    const kind = goKind(cur);
    if (kind === 'slice' || kind === 'string') {
      const len = kind === 'slice' ? (cur as unknown[]).length : utf8Length(cur as string);
      const x = indexArg(idx, len);
      if (x === len)
        throw new FuncError(`reflect: ${kind === 'slice' ? 'slice' : 'string'} index out of range`);
      // Indexing a string yields a byte (uint8), printed as a number.
      cur = kind === 'slice' ? (cur as unknown[])[x] : BigInt(Buffer.from(cur as string, 'utf8')[x] ?? 0);
    } else if (kind === 'map' && isGoMap(cur)) {
      if (idx === undefined || idx === null) throw new FuncError('value is nil; should be of type string');
      if (typeof idx !== 'string') throw new FuncError(`value has type ${goTypeName(idx)}; should be string`);
      cur = mapHas(cur, idx) ? mapGet(cur, idx) : null;
    } else if (kind === 'invalid') {
      throw new FuncError('index of untyped nil');
    } else {
      throw new FuncError(`can't index item of type ${goTypeName(cur)}`);
    }
  }
  return cur;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  if (item === undefined || item === null) throw new FuncError('slice of untyped nil');
  if (indexes.length > 3) throw new FuncError(`too many slice indexes: ${indexes.length}`);
  const kind = goKind(item);
  let len: number;
  if (kind === 'string') {
    if (indexes.length === 3) throw new FuncError('cannot 3-index slice a string');
    len = utf8Length(item as string);
  } else if (kind === 'slice') {
    len = (item as unknown[]).length;
  } else {
    throw new FuncError(`can't slice item of type ${goTypeName(item)}`);
  }
  const idx = [0, len, len];
  indexes.forEach((x, i) => {
    idx[i] = indexArg(x, len);
  });
  const [i0 = 0, i1 = len, i2 = len] = idx;
  if (i0 > i1) throw new FuncError(`invalid slice index: ${i0} > ${i1}`);
  if (indexes.length === 3 && i1 > i2) throw new FuncError(`invalid slice index: ${i1} > ${i2}`);
  if (kind === 'string')
    return Buffer.from(item as string, 'utf8')
      .subarray(i0, i1)
      .toString('utf8');
  return (item as unknown[]).slice(i0, i1);
}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: unknown): BasicKind {
  switch (goKind(v)) {
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float64':
      return 'float';
    case 'string':
      return 'string';
    default:
      return 'invalid';
  }
}

function isValid(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function badComparison(a: unknown, b: unknown): FuncError {
  return new FuncError(`incompatible types for comparison: ${goTypeName(a)} and ${goTypeName(b)}`);
}

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  // A nil interface{} is unwrapped to an invalid value before comparing.
  const a = arg1 === null ? undefined : arg1;
  if (rest.length === 0) throw new FuncError('missing argument for comparison');
  const k1 = basicKind(a);
  for (const raw of rest) {
    const b = raw === null ? undefined : raw;
    const k2 = basicKind(b);
    let truth = false;
    if (k1 !== k2) {
      if (isValid(a) && isValid(b)) throw badComparison(a, b);
    } else if (k1 !== 'invalid') {
      truth = a === b;
    } else if (!isValid(a) || !isValid(b)) {
      truth = isValid(a) === isValid(b);
    } else {
      // Slices, maps and funcs are not comparable in Go.
      throw new FuncError(`non-comparable type ${sprintf('%s', [b])}: ${goTypeName(b)}`);
    }
    if (truth) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const a = arg1 === null ? undefined : arg1;
  const b = arg2 === null ? undefined : arg2;
  const k1 = basicKind(a);
  if (k1 === 'invalid') throw new FuncError('invalid type for comparison');
  const k2 = basicKind(b);
  if (k2 === 'invalid') throw new FuncError('invalid type for comparison');
  if (k1 !== k2) throw badComparison(a, b);
  switch (k1) {
    case 'bool':
      throw new FuncError('invalid type for comparison');
    case 'string':
      return compareGoStrings(a as string, b as string) < 0;
    default:
      return (a as number | bigint) < (b as number | bigint);
  }
}

function le(a: unknown, b: unknown): boolean {
  return lt(a, b) || eq(a, b);
}

// --- escaping helpers (text/template's HTMLEscapeString, JSEscapeString, url.QueryEscape) ---

export function htmlEscapeString(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => {
    switch (c) {
      case '\0':
        return '\uFFFD';
      case '"':
        return '&#34;';
      case "'":
        return '&#39;';
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      default:
        return '&gt;';
    }
  });
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function jsEscapeString(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    switch (ch) {
      case '\\':
        out += '\\\\';
        continue;
      case "'":
        out += "\\'";
        continue;
      case '"':
        out += '\\"';
        continue;
      case '<':
        out += '\\u003C';
        continue;
      case '>':
        out += '\\u003E';
        continue;
      case '&':
        out += '\\u0026';
        continue;
      case '=':
        out += '\\u003D';
        continue;
    }
    if (cp < 0x20) out += '\\u00' + cp.toString(16).toUpperCase().padStart(2, '0');
    else if (cp < 0x80 || PRINTABLE.test(ch)) out += ch;
    else out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
  }
  return out;
}

export function queryEscape(s: string): string {
  let out = '';
  for (const b of Buffer.from(s, 'utf8')) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** text/template's evalArgs: a lone string as is, otherwise fmt.Sprint with "<no value>" for nil. */
export function evalArgs(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === null || a === undefined ? '<no value>' : a)));
}

function call(name: unknown, fn: unknown, ...args: unknown[]): unknown {
  if (fn === undefined || fn === null) throw new FuncError('call of nil');
  if (typeof fn !== 'function') throw new FuncError(`non-function ${String(name)} of type ${goTypeName(fn)}`);
  try {
    return (fn as (...a: unknown[]) => unknown)(...args);
  } catch (e) {
    throw new FuncError(e instanceof Error ? e.message : String(e));
  }
}

export const BUILTINS: ReadonlyMap<string, FuncDef> = new Map<string, FuncDef>([
  // and/or are evaluated lazily by the executor; these entries give their arity.
  ['and', def(['value'], () => undefined, 'value')],
  ['or', def(['value'], () => undefined, 'value')],
  ['not', def(['value'], (v: unknown) => !isTrue(v === null ? undefined : v))],
  ['len', def(['value'], length)],
  ['index', def(['value'], index, 'value')],
  ['slice', def(['value'], slice, 'value')],
  ['print', def([], (...a: unknown[]) => sprint(a), 'any')],
  ['printf', def(['string'], (f: string, ...a: unknown[]) => sprintf(f, a), 'any')],
  ['println', def([], (...a: unknown[]) => sprintln(a), 'any')],
  ['html', def([], (...a: unknown[]) => htmlEscapeString(evalArgs(a)), 'any')],
  ['js', def([], (...a: unknown[]) => jsEscapeString(evalArgs(a)), 'any')],
  ['urlquery', def([], (...a: unknown[]) => queryEscape(evalArgs(a)), 'any')],
  // The executor passes the callee's name first, as Go 1.21+ does.
  ['call', def(['value'], call, 'value')],
  ['eq', def(['value'], eq, 'value')],
  ['ne', def(['value', 'value'], (a: unknown, b: unknown) => !eq(a, b))],
  ['lt', def(['value', 'value'], lt)],
  ['le', def(['value', 'value'], le)],
  ['gt', def(['value', 'value'], (a: unknown, b: unknown) => !le(a, b))],
  ['ge', def(['value', 'value'], (a: unknown, b: unknown) => !lt(a, b))],
]);
