import { quote } from './fmt/quote';

// Go literal decoding: strconv.Unquote for template strings and characters, and the number
// parsing rules of text/template/parse's newNumber (ints with 0x/0o/0b prefixes and
// underscores, floats, character constants).

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export class SyntaxError_ extends Error {}

function decodeBytes(bytes: number[]): string {
  return Buffer.from(bytes).toString('utf8');
}

/**
 * Decodes one escape or character starting at s[i] (inside a quoted literal with `quote`).
 * Returns the produced text (bytes for \x and octal escapes) and the next index.
 */
function unquoteChar(s: string, i: number, quote: string): { bytes?: number; text?: string; next: number } {
  const c = s[i];
  if (c === undefined) throw new SyntaxError_('invalid syntax');
  if (c === quote && (quote === "'" || quote === '"')) throw new SyntaxError_('invalid syntax');
  if (c !== '\\') {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    return { text: ch, next: i + ch.length };
  }
  const e = s[i + 1];
  switch (e) {
    case 'a':
      return { text: '\x07', next: i + 2 };
    case 'b':
      return { text: '\b', next: i + 2 };
    case 'f':
      return { text: '\f', next: i + 2 };
    case 'n':
      return { text: '\n', next: i + 2 };
    case 'r':
      return { text: '\r', next: i + 2 };
    case 't':
      return { text: '\t', next: i + 2 };
    case 'v':
      return { text: '\v', next: i + 2 };
    case '\\':
      return { text: '\\', next: i + 2 };
    case "'":
    case '"':
      if (e !== quote) throw new SyntaxError_('invalid syntax');
      return { text: e, next: i + 2 };
    case 'x':
    case 'u':
    case 'U': {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = s.slice(i + 2, i + 2 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) throw new SyntaxError_('invalid syntax');
      const v = parseInt(hex, 16);
      if (e === 'x') {
        if (quote === "'") return { text: String.fromCodePoint(v), next: i + 2 + n };
        return { bytes: v, next: i + 2 + n };
      }
      if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new SyntaxError_('invalid syntax');
      return { text: String.fromCodePoint(v), next: i + 2 + n };
    }
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7': {
      const oct = s.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct)) throw new SyntaxError_('invalid syntax');
      const v = parseInt(oct, 8);
      if (v > 255) throw new SyntaxError_('invalid syntax');
      if (quote === "'") return { text: String.fromCodePoint(v), next: i + 4 };
      return { bytes: v, next: i + 4 };
    }
    default:
      throw new SyntaxError_('invalid syntax');
  }
}

/** strconv.Unquote for "..." and `...` literals. Throws SyntaxError_('invalid syntax'). */
export function unquote(lit: string): string {
  const q = lit[0];
  if (lit.length < 2 || lit[lit.length - 1] !== q) throw new SyntaxError_('invalid syntax');
  const body = lit.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new SyntaxError_('invalid syntax');
    return body.replaceAll('\r', '');
  }
  if (q !== '"') throw new SyntaxError_('invalid syntax');
  let out = '';
  let pending: number[] = [];
  let i = 0;
  while (i < body.length) {
    if (body[i] === '\n') throw new SyntaxError_('invalid syntax');
    const r = unquoteChar(body, i, '"');
    if (r.bytes !== undefined) {
      pending.push(r.bytes);
    } else {
      if (pending.length > 0) {
        out += decodeBytes(pending);
        pending = [];
      }
      out += r.text ?? '';
    }
    i = r.next;
  }
  if (pending.length > 0) out += decodeBytes(pending);
  return out;
}

/** Decodes a character constant like 'a' or '\n' to its code point. */
export function unquoteRune(lit: string): number {
  if (lit.length < 3 || lit[0] !== "'" || lit[lit.length - 1] !== "'")
    throw new SyntaxError_('invalid syntax');
  const r = unquoteChar(lit, 1, "'");
  if (r.next !== lit.length - 1) throw new SyntaxError_(`malformed character constant: ${lit}`);
  return (r.text ?? '').codePointAt(0) ?? 0;
}

// Go's underscoreOK: underscores only between digits, or between a base prefix and a digit.
function underscoreOK(s: string): boolean {
  let saw = '^';
  let i = 0;
  if (/^0[bBoOxX]/.test(s)) {
    i = 2;
    saw = '0';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (/[0-9a-fA-F]/.test(c)) saw = '0';
    else if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseInt/ParseUint with base 0 (Go literal syntax), without range checks. */
export function parseGoInteger(text: string): bigint | null {
  let s = text;
  let neg = false;
  if (s.startsWith('+') || s.startsWith('-')) {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  let base = 10;
  let digits = s;
  if (/^0[xX]/.test(s)) {
    base = 16;
    digits = s.slice(2);
  } else if (/^0[oO]/.test(s)) {
    base = 8;
    digits = s.slice(2);
  } else if (/^0[bB]/.test(s)) {
    base = 2;
    digits = s.slice(2);
  } else if (s.length > 1 && s[0] === '0') {
    base = 8;
    digits = s.slice(1);
  }
  if (digits.includes('_')) {
    if (!underscoreOK(s)) return null;
    digits = digits.replaceAll('_', '');
  }
  if (digits.length === 0) return null;
  const valid =
    base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return null;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = BigInt(prefix + digits);
  return neg ? -v : v;
}

/** strconv.ParseFloat(text, 64) for Go literal syntax; null when malformed. */
export function parseGoFloat(text: string): number | null {
  let s = text;
  let sign = 1;
  if (s.startsWith('+') || s.startsWith('-')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (/^0[xX]/.test(s)) {
    const m = /^0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/.exec(s);
    if (!m) return null;
    const intPart = (m[1] ?? '').replaceAll('_', '');
    const frac = (m[2] ?? '').replaceAll('_', '');
    if (intPart.length + frac.length === 0) return null;
    const mant = parseInt(intPart + frac || '0', 16);
    const exp = Number((m[3] ?? '0').replaceAll('_', '')) - 4 * frac.length;
    return sign * mant * 2 ** exp;
  }
  if (!/^([0-9_]+\.?[0-9_]*|\.[0-9_]+)([eE][+-]?[0-9_]+)?$/.test(s)) return null;
  const v = Number(s.replaceAll('_', ''));
  return Number.isNaN(v) ? null : sign * v;
}

export interface NumberInfo {
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  int64: bigint;
  uint64: bigint;
  float64: number;
}

/** text/template/parse newNumber for itemNumber and itemCharConstant. Throws on bad syntax. */
export function parseNumber(text: string, isChar: boolean): NumberInfo {
  const n: NumberInfo = { isInt: false, isUint: false, isFloat: false, int64: 0n, uint64: 0n, float64: 0 };
  if (isChar) {
    const r = unquoteRune(text);
    return { isInt: true, isUint: true, isFloat: true, int64: BigInt(r), uint64: BigInt(r), float64: r };
  }
  if (text.endsWith('i')) throw new SyntaxError_(`complex numbers are not supported: ${text}`);
  const i = parseGoInteger(text);
  if (i !== null) {
    if (i >= 0n && i <= UINT64_MAX) {
      n.isUint = true;
      n.uint64 = i;
    }
    if (i >= INT64_MIN && i <= INT64_MAX) {
      n.isInt = true;
      n.int64 = i;
    }
  }
  if (n.isInt) {
    n.isFloat = true;
    n.float64 = Number(n.int64);
  } else if (n.isUint) {
    n.isFloat = true;
    n.float64 = Number(n.uint64);
  } else {
    const f = parseGoFloat(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw new SyntaxError_(`integer overflow: ${quote(text)}`);
      n.isFloat = true;
      n.float64 = f;
      if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) {
        n.isInt = true;
        n.int64 = BigInt(f);
      }
      if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
        n.isUint = true;
        n.uint64 = BigInt(f);
      }
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new SyntaxError_(`illegal number syntax: ${quote(text)}`);
  return n;
}
