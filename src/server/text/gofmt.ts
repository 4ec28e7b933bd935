// Go's fmt verbs as Kratos uses them in message texts. Texts are part of the API contract, so numbers,
// quoted strings and times must come out exactly as Go prints them, not as JavaScript would.

/** Go's `%v` (and `%g` with shortest precision) for a float64, e.g. 1e6 → "1e+06", 0.5 → "0.5". */
export function goFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const sign = x < 0 ? '-' : '';
  // toExponential() without an argument yields the shortest round-tripping digits, as Go's shortest mode.
  const [mantissa = '0', expPart = '0'] = Math.abs(x).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expPart);
  // strconv 'g' with shortest precision switches to exponent form outside [-4, 6).
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const absExp = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${absExp < 10 ? '0' : ''}${absExp}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/**
 * Go's `%.2f`. JavaScript's toFixed rounds exact ties away from zero, Go rounds them to even; exact ties at
 * two decimals only exist for binary fractions of eighths (x.125, x.375, x.625, x.875).
 */
export function goFixed2(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? '+Inf' : '-Inf';
  const abs = Math.abs(x);
  const scaled = abs * 100;
  if (Number.isInteger(abs * 8) && scaled % 1 === 0.5) {
    const down = Math.floor(scaled);
    const n = down % 2 === 0 ? down : down + 1;
    const sign = x < 0 || Object.is(x, -0) ? '-' : '';
    return `${sign}${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
  }
  return x.toFixed(2);
}

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `%q` for a string (strconv.Quote): escapes like Go, not like JSON. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0) as number;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff)
      out += '\\ufffd'; // lone surrogate: Go sees invalid UTF-8
    else if (PRINTABLE.test(ch)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function fraction(d: Date): string {
  const ms = d.getUTCMilliseconds();
  return ms === 0 ? '' : `.${pad(ms, 3).replace(/0+$/, '')}`;
}

function datePart(d: Date, sep: string): string {
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `${sep}${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** How encoding/json writes a UTC time.Time (RFC3339Nano, trailing zeros of the fraction dropped). */
export function goTimeJSON(d: Date): string {
  return `${datePart(d, 'T')}${fraction(d)}Z`;
}

/** How `%s` prints a UTC time.Time: "2006-01-02 15:04:05.999999999 +0000 UTC". */
export function goTimeString(d: Date): string {
  return `${datePart(d, ' ')}${fraction(d)} +0000 UTC`;
}

/** time.Time.Unix(): whole seconds, rounded towards the past. */
export function goUnix(d: Date): number {
  return Math.floor(d.getTime() / 1000);
}

/** Duration.Minutes() of `later - earlier`. */
export function minutesBetween(earlier: Date, later: Date): number {
  return (later.getTime() - earlier.getTime()) / 60_000;
}
