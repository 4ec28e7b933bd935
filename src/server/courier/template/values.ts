// The Go value model used by the engine.
//
// Kratos renders templates with Go data: a struct whose fields are strings, ints and
// `map[string]interface{}` values decoded from JSON. We receive plain JS data instead and map it:
//
//   undefined              -> an invalid reflect.Value ("no value", e.g. a missing map key)
//   null                   -> a nil interface{} (JSON null)
//   string / boolean       -> string / bool
//   number                 -> float64. encoding/json decodes every JSON number into float64, so
//                             identity traits and transient payloads really are float64 in Kratos:
//                             `{{ eq .traits.age 3 }}` fails there with "incompatible types".
//   bigint                 -> int. Use it for fields that are Go ints in the Kratos model, such as
//                             ExpiresInMinutes, so `printf "%d"` and `eq .ExpiresInMinutes 15` behave
//                             like Kratos. Integer results of template functions (len, add, ...)
//                             are bigint too.
//   Array                  -> []interface{}
//   plain object / Map     -> map[string]interface{} (ranged and printed in sorted key order)
//   function               -> a func value (only usable through `call`)
//
// We do not distinguish Go's sized integer types: int64 results of Sprig functions are plain ints
// here, which only shows in `printf "%T"`, typeOf and kindOf.

export type GoMap = Record<string, unknown> | Map<string, unknown>;

export type GoKind = 'invalid' | 'nil' | 'string' | 'bool' | 'int' | 'float64' | 'slice' | 'map' | 'func';

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

export function isGoMap(v: unknown): v is GoMap {
  return v instanceof Map || isPlainObject(v);
}

export function goKind(v: unknown): GoKind {
  switch (typeof v) {
    case 'undefined':
      return 'invalid';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return 'float64';
    case 'bigint':
      return 'int';
    case 'function':
      return 'func';
    default:
      if (v === null) return 'nil';
      if (Array.isArray(v)) return 'slice';
      if (isGoMap(v)) return 'map';
      // Dates, class instances and the like: treat as an opaque map of their own keys would be a
      // guess; Go would see a struct. We expose them as maps of their enumerable own properties.
      return 'map';
  }
}

/** The Go type name, as printed by %T and in error messages. */
export function goTypeName(v: unknown): string {
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return '<nil>';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'int':
      return 'int';
    case 'float64':
      return 'float64';
    case 'slice':
      return '[]interface {}';
    case 'map':
      return 'map[string]interface {}';
    case 'func':
      return 'func(...interface {}) (interface {}, error)';
  }
}

/** Compares strings by code point, the order Go uses for string map keys (byte-wise UTF-8). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.codePointAt(i) ?? 0;
    const cb = b.codePointAt(i) ?? 0;
    if (ca !== cb) return ca < cb ? -1 : 1;
    if (ca > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export function mapKeys(m: GoMap): string[] {
  const keys = m instanceof Map ? [...m.keys()] : Object.keys(m);
  return keys.sort(compareGoStrings);
}

export function mapLen(m: GoMap): number {
  return m instanceof Map ? m.size : Object.keys(m).length;
}

/** Map lookup that never reaches Object.prototype: `.constructor` is a missing key, as in Go. */
export function mapGet(m: GoMap, key: string): unknown {
  if (m instanceof Map) return m.get(key);
  return Object.hasOwn(m, key) ? m[key] : undefined;
}

export function mapHas(m: GoMap, key: string): boolean {
  return m instanceof Map ? m.has(key) : Object.hasOwn(m, key);
}

export function mapEntries(m: GoMap): [string, unknown][] {
  return mapKeys(m).map((k) => [k, mapGet(m, k)]);
}

/** Go's template truth: the zero value of a type, empty collections and nil are false. */
export function isTrue(v: unknown): boolean {
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'string':
      return (v as string).length > 0;
    case 'bool':
      return v as boolean;
    case 'int':
      return (v as bigint) !== 0n;
    case 'float64':
      return (v as number) !== 0;
    case 'slice':
      return (v as unknown[]).length > 0;
    case 'map':
      return mapLen(v as GoMap) > 0;
    case 'func':
      return true;
  }
}

/** UTF-8 byte length of a string, Go's len(). */
export function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** Wraps a signed 64-bit result the way Go int arithmetic overflows. */
export function toInt64(n: bigint): bigint {
  return BigInt.asIntN(64, n);
}
