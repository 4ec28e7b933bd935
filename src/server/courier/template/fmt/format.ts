// Go's fmt formatting primitives (fmt/format.go): padding, width and precision, integers, floats,
// quoted strings and hex strings. print.ts decides which primitive an operand and verb select.

import { formatFloatAbs } from './float';
import { canBackquote, quote, quoteToASCII } from './quote';

export interface Flags {
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

export function clearFlags(): Flags {
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

export class Formatter {
  out = '';
  f: Flags = clearFlags();

  protected padding(n: number): string {
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

  protected truncate(s: string): string {
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

  protected fmtInteger(v: bigint, base: number, verb: string, upper: boolean): void {
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

  protected fmtFloat(v: number, verb: string, prec: number): void {
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

  protected fmtQ(v: string): void {
    const s = this.truncate(v);
    if (this.f.sharp && canBackquote(s)) return this.pad('`' + s + '`');
    this.pad(this.f.plus ? quoteToASCII(s) : quote(s));
  }

  protected fmtSx(v: string, upper: boolean): void {
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
}

export function validRune(v: bigint): number {
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
