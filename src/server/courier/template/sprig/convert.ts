// Conversions Sprig relies on: strval (fmt %v), spf13/cast's ToInt64/ToFloat64, and empty().

import { sprint } from '../fmt/print';
import { parseGoFloat, parseGoInteger } from '../literals';
import { goKind, mapLen, toInt64 as wrapInt64, type GoMap } from '../values';

/** Sprig's strval: strings as is, everything else formatted with %v. */
export function strval(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '<nil>';
  return sprint([v]);
}

// cast's trimZeroDecimal: "12.00" -> "12" (but "12." stays and fails to parse).
function trimZeroDecimal(s: string): string {
  let foundZero = false;
  for (let i = s.length; i > 0; i--) {
    const c = s[i - 1];
    if (c === '.') {
      if (foundZero) return s.slice(0, i - 1);
    } else if (c === '0') foundZero = true;
    else return s;
  }
  return s;
}

/** cast.ToInt64: numbers truncate, strings parse (base 0, a ".0" suffix allowed), else 0. */
export function castInt64(v: unknown): bigint {
  switch (goKind(v)) {
    case 'int':
      return v as bigint;
    case 'float64': {
      const n = v as number;
      return Number.isFinite(n) ? wrapInt64(BigInt(Math.trunc(n))) : -(2n ** 63n);
    }
    case 'bool':
      return v ? 1n : 0n;
    case 'string': {
      const i = parseGoInteger(trimZeroDecimal(v as string));
      return i !== null && i >= -(2n ** 63n) && i < 2n ** 63n ? i : 0n;
    }
    default:
      return 0n;
  }
}

/** cast.ToFloat64. */
export function castFloat64(v: unknown): number {
  switch (goKind(v)) {
    case 'int':
      return Number(v as bigint);
    case 'float64':
      return v as number;
    case 'bool':
      return v ? 1 : 0;
    case 'string': {
      const f = parseGoFloat(v as string);
      if (f !== null) return f;
      const i = parseGoInteger(v as string);
      return i !== null ? Number(i) : 0;
    }
    default:
      return 0;
  }
}

/** Sprig's empty: zero values, empty collections and nil are empty. */
export function empty(v: unknown): boolean {
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return true;
    case 'string':
      return (v as string).length === 0;
    case 'bool':
      return v === false;
    case 'int':
      return v === 0n;
    case 'float64':
      return v === 0;
    case 'slice':
      return (v as unknown[]).length === 0;
    case 'map':
      return mapLen(v as GoMap) === 0;
    default:
      return false;
  }
}

/** Go's reflect Kind name, as Sprig's kindOf prints it. */
export function kindName(v: unknown): string {
  switch (goKind(v)) {
    case 'invalid':
    case 'nil':
      return 'invalid';
    case 'int':
      return 'int';
    case 'float64':
      return 'float64';
    case 'string':
      return 'string';
    case 'bool':
      return 'bool';
    case 'slice':
      return 'slice';
    case 'map':
      return 'map';
    case 'func':
      return 'func';
  }
}
