// Go's fmt.Sprint, Sprintln and Sprintf for the value model in ../values.ts.
// The structure follows fmt/print.go and fmt/format.go so that flags, widths, argument indexes
// and the `%!verb(type=value)` error forms come out byte-identical.

import { goKind, goTypeName, mapEntries, type GoMap } from '../values';
import { formatFloatAbs } from './float';
import { canBackquote, isPrint, quote, quoteRune, quoteToASCII } from './quote';

interface Flags {
  plus: boolean;
  minus: boolean;
  sharp: boolean;
  space: boolean;
  zero: boolean;
  plusV: boolean;
  sharpV: boolean;
  wid: number;
  widPresent: boolean;
  prec: number;
  precPresent: boolean;
}

function clearFlags(): Flags {
  return {
    plus: false,
    minus: false,
    sharp: false,
    space: false,
    zero: false,
    plusV: false,
    sharpV: false,
    wid: 0,
    widPresent: false,
    prec: 0,
    precPresent: false,
  };
}

function runeCount(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

class Printer {
  out = '';
  f: Flags = clearFlags();

  private padding(n: number): string {
    if (n <= 0) return '';
    return (this.f.zero && !this.f.minus ? '0' : ' ').repeat(n);
  }

  pad(s: string): void {
    if (!this.f.widPresent || this.f.wid === 0) {
      this.out += s;
      return;
    }
    const w = this.f.wid - runeCount(s);
    if (this.f.minus) this.out += s + ' '.repeat(Math.max(w, 0));
    else this.out += this.padding(w) + s;
  }

  private truncate(s: string): string {
    if (!this.f.precPresent) return s;
    let n = 0;
    let i = 0;
    for (const ch of s) {
      if (n >= this.f.prec) return s.slice(0, i);
      n++;
      i += ch.length;
    }
    return s;
  }

  private fmtBool(v: boolean, verb: string, arg: unknown): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
    else this.badVerb(verb, arg);
  }

  private fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
    const f = this.f;
    const negative = v < 0n;
    const u = negative ? -v : v;
    let prec = 0;
    if (f.precPresent) {
      prec = f.prec;
      if (prec === 0 && u === 0n) {
        const oldZero = f.zero;
        f.zero = false;
        this.out += this.padding(f.wid);
        f.zero = oldZero;
        return;
      }
    } else if (f.zero && !f.minus && f.widPresent) {
      prec = f.wid;
      if (negative || f.plus || f.space) prec--;
    }
    let digits = u.toString(base);
    if (upper) digits = digits.toUpperCase();
    if (digits.length < prec) digits = '0'.repeat(prec - digits.length) + digits;
    if (f.sharp) {
      if (base === 2) digits = '0b' + digits;
      else if (base === 8 && !digits.startsWith('0')) digits = '0' + digits;
      else if (base === 16) digits = (upper ? '0X' : '0x') + digits;
    }
    if (verb === 'O') digits = '0o' + digits;
    if (negative) digits = '-' + digits;
    else if (f.plus) digits = '+' + digits;
    else if (f.space) digits = ' ' + digits;
    const oldZero = f.zero;
    f.zero = false;
    this.pad(digits);
    f.zero = oldZero;
  }

  private fmtIntegerVerb(v: bigint, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, verb, false);
      case 'b':
        return this.fmtInteger(v, 2, verb, false);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, false);
      case 'x':
        return this.fmtInteger(v, 16, verb, false);
      case 'X':
        return this.fmtInteger(v, 16, verb, true);
      case 'c':
        return this.pad(String.fromCodePoint(validRune(v)));
      case 'q':
        return this.pad(quoteRune(Number(v), this.f.plus));
      case 'U': {
        let s = 'U+' + v.toString(16).toUpperCase().padStart(4, '0');
        if (this.f.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) {
          s += " '" + String.fromCodePoint(Number(v)) + "'";
        }
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.pad(s);
        this.f.zero = oldZero;
        return;
      }
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtFloat(v: number, verb: string, prec: number): void {
    const f = this.f;
    if (f.precPresent) prec = f.prec;
    let num: string;
    const neg = v < 0 || Object.is(v, -0);
    if (Number.isNaN(v)) num = '+NaN';
    else if (!Number.isFinite(v)) num = neg ? '-Inf' : '+Inf';
    else num = (neg ? '-' : '+') + formatFloatAbs(v, verb as 'e' | 'E' | 'f' | 'g' | 'G', prec);
    if (f.space && num[0] === '+' && !f.plus) num = ' ' + num.slice(1);
    if (num[1] === 'I' || num[1] === 'N') {
      const oldZero = f.zero;
      f.zero = false;
      if (num[1] === 'N' && !f.space && !f.plus) num = num.slice(1);
      this.pad(num);
      f.zero = oldZero;
      return;
    }
    if (f.sharp && verb !== 'b') num = sharpFloat(num, verb, prec);
    if (f.plus || num[0] !== '+') {
      if (f.zero && !f.minus && f.widPresent && f.wid > num.length) {
        this.out += num[0] + '0'.repeat(f.wid - num.length) + num.slice(1);
        return;
      }
      this.pad(num);
      return;
    }
    this.pad(num.slice(1));
  }

  private fmtFloatVerb(v: number, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(v, 'g', -1);
      case 'g':
      case 'G':
        return this.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloat(v, verb, 6);
      case 'F':
        return this.fmtFloat(v, 'f', 6);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtString(v: string, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.fmtQ(v);
        return this.pad(this.truncate(v));
      case 's':
        return this.pad(this.truncate(v));
      case 'x':
      case 'X':
        return this.fmtSx(v, verb === 'X');
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtQ(v: string): void {
    const s = this.truncate(v);
    if (this.f.sharp && canBackquote(s)) return this.pad('`' + s + '`');
    this.pad(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  private fmtSx(v: string, upper: boolean): void {
    let bytes = Buffer.from(v, 'utf8');
    if (this.f.precPresent && this.f.prec < bytes.length) bytes = bytes.subarray(0, this.f.prec);
    const prefix = upper ? '0X' : '0x';
    const parts: string[] = [];
    for (const b of bytes) {
      let h = b.toString(16).padStart(2, '0');
      if (upper) h = h.toUpperCase();
      parts.push(h);
    }
    let s: string;
    if (this.f.space) s = parts.map((p) => (this.f.sharp ? prefix + p : p)).join(' ');
    else s = (this.f.sharp && parts.length > 0 ? prefix : '') + parts.join('');
    const oldZero = this.f.zero;
    this.f.zero = false;
    this.pad(s);
    this.f.zero = oldZero;
  }

  badVerb(verb: string, arg: unknown): void {
    this.out += '%!' + verb + '(';
    if (arg === null || arg === undefined) {
      this.out += '<nil>';
    } else {
      this.out += goTypeName(arg) + '=';
      this.printArg(arg, 'v', 0);
    }
    this.out += ')';
  }

  /** Prints one operand. depth > 0 means an element inside a slice or map (an interface{} value). */
  printArg(arg: unknown, verb: string, depth: number): void {
    const kind = goKind(arg);
    if (kind === 'invalid' || kind === 'nil') {
      if (depth > 0) {
        this.out += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      }
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T' && depth === 0) {
      this.pad(this.truncate(goTypeName(arg)));
      return;
    }
    switch (kind) {
      case 'bool':
        return this.fmtBool(arg as boolean, verb, arg);
      case 'int':
        return this.fmtIntegerVerb(arg as bigint, verb, arg);
      case 'float64':
        return this.fmtFloatVerb(arg as number, verb, arg);
      case 'string':
        return this.fmtString(arg as string, verb, arg);
      case 'slice':
        return this.printSlice(arg as unknown[], verb, depth);
      case 'map':
        return this.printMap(arg as GoMap, verb, depth);
      case 'func':
        // Go prints the function's address; there is no stable equivalent.
        if (verb === 'v') this.pad('0x0');
        else this.badVerb(verb, arg);
        return;
    }
  }

  private printSlice(v: unknown[], verb: string, depth: number): void {
    if (this.f.sharpV) {
      this.out += '[]interface {}{';
      v.forEach((e, i) => {
        if (i > 0) this.out += ', ';
        this.printArg(e, verb, depth + 1);
      });
      this.out += '}';
      return;
    }
    this.out += '[';
    v.forEach((e, i) => {
      if (i > 0) this.out += ' ';
      this.printArg(e, verb, depth + 1);
    });
    this.out += ']';
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    this.out += this.f.sharpV ? 'map[string]interface {}{' : 'map[';
    mapEntries(m).forEach(([k, val], i) => {
      if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
      this.printArg(k, verb, depth + 1);
      this.out += ':';
      this.printArg(val, verb, depth + 1);
    });
    this.out += this.f.sharpV ? '}' : ']';
  }
}

function validRune(v: bigint): number {
  if (v < 0n || v > 0x10ffffn || (v >= 0xd800n && v <= 0xdfffn)) return 0xfffd;
  return Number(v);
}

// The '#' flag for floats: keep the decimal point, and for %g keep trailing zeros.
function sharpFloat(num: string, verb: string, prec: number): string {
  let digits: number;
  switch (verb) {
    case 'v':
    case 'g':
    case 'G':
      digits = prec === -1 ? 6 : prec;
      break;
    default:
      digits = 0;
  }
  let tail = '';
  let body = num;
  const ePos = body.search(/[eE]/);
  if (ePos >= 0) {
    tail = body.slice(ePos);
    body = body.slice(0, ePos);
  }
  let sawNonzero = false;
  let sawPoint = false;
  for (let i = 1; i < body.length; i++) {
    const c = body[i];
    if (c === '.') sawPoint = true;
    else if (c !== undefined && c >= '0' && c <= '9') {
      if (c !== '0') sawNonzero = true;
      if (sawNonzero) digits--;
    }
  }
  if (!sawPoint) {
    if (body.length === 2 && body[1] === '0') digits--;
    body += '.';
  }
  if (verb === 'g' || verb === 'G' || verb === 'v') body += '0'.repeat(Math.max(digits, 0));
  return body + tail;
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.out += ' ';
    p.printArg(arg, 'v', 0);
    prevString = isString;
  });
  return p.out;
}

/** fmt.Sprintln: always spaces between operands, newline at the end. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.out += ' ';
    p.printArg(arg, 'v', 0);
  });
  return p.out + '\n';
}

function parseNum(s: string, start: number, end: number): [num: number, ok: boolean, next: number] {
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (num > 1e6) return [0, false, end];
    num = num * 10 + (c - 48);
    ok = true;
  }
  return [num, ok, i];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex: boolean;
  let reordered = false;
  let goodArgNum: boolean;

  const argNumber = (i: number): [number, number, boolean] => {
    if (i >= end || format[i] !== '[') return [argNum, i, false];
    reordered = true;
    const rest = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (rest.length >= 3) {
      const close = rest.indexOf(']', 1);
      if (close > 0) {
        const [n, numOk, next] = parseNum(rest, 1, close);
        wid = close + 1;
        if (numOk && next === close) {
          index = n - 1;
          ok = true;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) return [index, i + wid, true];
    goodArgNum = false;
    return [argNum, i + wid, ok];
  };

  const intFromArg = (): [number, boolean] => {
    if (argNum >= args.length) return [0, false];
    const a = args[argNum];
    argNum++;
    if (typeof a === 'bigint' && a >= -1000000n && a <= 1000000n) return [Number(a), true];
    return [0, false];
  };

  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    let simpleDone = false;
    flags: for (; i < end; i++) {
      const c = format[i] ?? '';
      switch (c) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = true;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              f.sharpV = f.sharp;
              f.sharp = false;
              f.plusV = f.plus;
              f.plus = false;
            }
            p.printArg(args[argNum], c, 0);
            argNum++;
            i++;
            simpleDone = true;
          }
          break flags;
      }
    }
    if (simpleDone) continue;

    [argNum, i, afterIndex] = argNumber(i);

    if (i < end && format[i] === '*') {
      i++;
      [f.wid, f.widPresent] = intFromArg();
      if (!f.widPresent) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      [f.wid, f.widPresent, i] = parseNum(format, i, end);
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      [argNum, i, afterIndex] = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [f.prec, f.precPresent] = intFromArg();
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [f.prec, f.precPresent, i] = parseNum(format, i, end);
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }

    if (!afterIndex) [argNum, i] = argNumber(i);

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;

    if (verb === '%') {
      p.out += '%';
    } else if (!goodArgNum) {
      p.out += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= args.length) {
      p.out += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb, 0);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      if (arg === null || arg === undefined) p.out += '<nil>';
      else {
        p.out += goTypeName(arg) + '=';
        p.printArg(arg, 'v', 0);
      }
    });
    p.out += ')';
  }
  return p.out;
}
