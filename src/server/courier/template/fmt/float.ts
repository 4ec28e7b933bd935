// Float64 formatting with the semantics of Go's strconv.FormatFloat ('e', 'f', 'g', bitSize 64).
//
// JS number formatting is not a drop-in: toFixed rounds exact ties away from zero while Go rounds
// them to even ((0.125).toFixed(2) is "0.13", Go's %.2f gives "0.12"), and JS switches to
// exponent notation at different magnitudes. So we take decimal digits ourselves: the shortest
// round-trip digits come from JS (both languages pick the shortest, closest digit string) and fixed
// precision digits come from the exact binary value via BigInt, rounded half-to-even.

/** A decimal d1 d2 ... dn with the point `dp` digits from the left: value = 0.d1d2... × 10^dp. */
export interface Digits {
  digits: string;
  dp: number;
}

/** Shortest digits that round-trip to x (x finite, >= 0). */
export function shortestDigits(x: number): Digits {
  if (x === 0) return { digits: '', dp: 0 };
  const [mant = '', exp = '0'] = x.toExponential().split('e');
  const digits = mant.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exp) + 1 };
}

/** The exact decimal expansion of x (x finite, >= 0), without trailing zeros. */
export function exactDigits(x: number): Digits {
  if (x === 0) return { digits: '', dp: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biasedExp = Number((bits >> 52n) & 0x7ffn);
  let mant = bits & 0xfffffffffffffn;
  let exp2: number;
  if (biasedExp === 0) {
    exp2 = -1074;
  } else {
    mant |= 1n << 52n;
    exp2 = biasedExp - 1075;
  }
  let digits: string;
  let dp: number;
  if (exp2 >= 0) {
    digits = (mant << BigInt(exp2)).toString();
    dp = digits.length;
  } else {
    // mant / 2^k == mant * 5^k / 10^k
    const k = -exp2;
    digits = (mant * 5n ** BigInt(k)).toString();
    dp = digits.length - k;
  }
  const trimmed = digits.replace(/0+$/, '');
  const lead = trimmed.length - trimmed.replace(/^0+/, '').length;
  return { digits: trimmed.slice(lead), dp: dp - lead };
}

/** Rounds to nd significant digits, half to even on exact ties (d must be exact). */
export function roundDigits(d: Digits, nd: number): Digits {
  if (nd < 0) return { digits: '', dp: d.dp };
  if (d.digits.length <= nd) return d;
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next > 5) up = true;
  else if (next < 5) up = false;
  else if (d.digits.length > nd + 1)
    up = true; // more non-zero digits follow (no trailing zeros)
  else up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  let head = d.digits.slice(0, nd);
  let dp = d.dp;
  if (up) {
    let i = head.length - 1;
    while (i >= 0 && head[i] === '9') i--;
    if (i < 0) {
      head = '1';
      dp++;
    } else {
      head = head.slice(0, i) + String.fromCharCode(head.charCodeAt(i) + 1);
    }
  }
  return { digits: head.replace(/0+$/, ''), dp };
}

function digitAt(d: Digits, i: number): string {
  return i >= 0 && i < d.digits.length ? (d.digits[i] ?? '0') : '0';
}

/** %e body: d.ddde±dd with prec digits after the point. */
export function fmtE(d: Digits, prec: number, e: 'e' | 'E'): string {
  let out = d.digits.length === 0 ? '0' : digitAt(d, 0);
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, i);
  }
  const exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const abs = Math.abs(exp);
  return out + e + (exp < 0 ? '-' : '+') + (abs < 10 ? '0' : '') + String(abs);
}

/** %f body: ddd.ddd with prec digits after the point. */
export function fmtF(d: Digits, prec: number): string {
  let out = '';
  if (d.dp > 0) {
    for (let i = 0; i < d.dp; i++) out += digitAt(d, i);
  } else {
    out = '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) out += digitAt(d, d.dp + i - 1);
  }
  return out;
}

/**
 * strconv.FormatFloat(abs(x), fmt, prec, 64) for finite x (the sign is handled by the caller).
 * prec < 0 means the shortest representation.
 */
export function formatFloatAbs(x: number, verb: 'e' | 'E' | 'f' | 'g' | 'G', prec: number): string {
  const ax = Math.abs(x);
  const shortest = prec < 0;
  let d: Digits;
  if (shortest) {
    d = shortestDigits(ax);
  } else {
    const exact = exactDigits(ax);
    switch (verb) {
      case 'e':
      case 'E':
        d = roundDigits(exact, prec + 1);
        break;
      case 'f':
        d = roundDigits(exact, exact.dp + prec);
        break;
      default:
        if (prec === 0) prec = 1;
        d = roundDigits(exact, prec);
    }
  }
  switch (verb) {
    case 'e':
    case 'E':
      return fmtE(d, shortest ? Math.max(d.digits.length - 1, 0) : prec, verb);
    case 'f':
      return fmtF(d, shortest ? Math.max(d.digits.length - d.dp, 0) : prec);
    default: {
      let eprec = prec;
      if (eprec > d.digits.length && d.digits.length >= d.dp) eprec = d.digits.length;
      // Shortest %g uses precision 6 to decide between %e and %f, as Go does.
      if (shortest) eprec = 6;
      const exp = d.dp - 1;
      const e = verb === 'g' ? 'e' : 'E';
      if (d.digits.length !== 0 && (exp < -4 || exp >= eprec)) {
        let p = shortest ? d.digits.length : prec;
        if (p > d.digits.length) p = d.digits.length;
        return fmtE(d, Math.max(p - 1, 0), e);
      }
      let p = shortest ? d.digits.length : prec;
      if (p > d.dp) p = d.digits.length;
      return fmtF(d, Math.max(p - d.dp, 0));
    }
  }
}

/** Go's %v for a float64: shortest 'g'. */
export function formatFloatV(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  const neg = x < 0 || Object.is(x, -0);
  return (neg ? '-' : '') + formatFloatAbs(x, 'g', -1);
}
