// Time and JSON formatting the way Go prints them: MailHog, MailSlurper and Mailpit are Go programs, and
// their clients see Go's formats (RFC 3339 with trimmed nanoseconds, RFC 1123Z, HTML-escaped JSON).
import type { MailDate } from './model';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** The wall-clock fields of an instant seen at a zone offset. */
function wall(ms: number, offsetMinutes: number): Date {
  return new Date(ms + offsetMinutes * 60_000);
}

/**
 * Go's time.Time JSON (RFC3339Nano): fractional seconds with trailing zeros trimmed, "Z" for a zero offset.
 * `subMsNanos` adds the digits below a millisecond (0-999999).
 */
export function goTimeJson(ms: number, subMsNanos = 0, offsetMinutes = 0): string {
  const d = wall(ms, offsetMinutes);
  const nanos = (((ms % 1000) + 1000) % 1000) * 1_000_000 + subMsNanos;
  const frac = nanos === 0 ? '' : `.${pad(nanos, 9).replace(/0+$/, '')}`;
  const zone = offsetMinutes === 0 ? 'Z' : offsetText(offsetMinutes, true);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${frac}${zone}`
  );
}

/** Go's time.RFC1123Z: "Mon, 02 Jan 2006 15:04:05 -0700". */
export function rfc1123z(ms: number, offsetMinutes = 0): string {
  const d = wall(ms, offsetMinutes);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${offsetText(offsetMinutes, false)}`
  );
}

/** MailSlurper's dateSent layout "2006-01-02 15:04:05", wall clock at the given offset. */
export function slurperDate(ms: number, offsetMinutes = 0): string {
  const d = wall(ms, offsetMinutes);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

const ZONES: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

const DATE_RE =
  /^\s*(?:[A-Za-z]{3,9},?\s*)?(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([+-]\d{4}|[A-Za-z]{1,5})?/;

/** An RFC 5322 Date header (with the obsolete forms Go accepts), keeping the offset it was written in. */
export function parseMailDate(value: string | undefined): MailDate | null {
  if (!value) return null;
  const m = DATE_RE.exec(value);
  if (!m) return null;
  const month = MONTHS.findIndex((x) => x.toLowerCase() === (m[2] as string).toLowerCase());
  if (month === -1) return null;
  let year = Number(m[3]);
  if ((m[3] as string).length <= 2) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6] ?? 0)];
  if (day < 1 || day > 31 || h > 23 || min > 59 || s > 60) return null;
  const zone = m[7];
  let offsetMinutes = 0;
  if (zone && /^[+-]\d{4}$/.test(zone)) {
    const sign = zone[0] === '-' ? -1 : 1;
    offsetMinutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  } else if (zone) {
    offsetMinutes = ZONES[zone.toUpperCase()] ?? 0;
  }
  const utc = Date.UTC(year, month, day, h, min, Math.min(s, 59)) - offsetMinutes * 60_000;
  return Number.isFinite(utc) ? { ms: utc, offsetMinutes } : null;
}

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * Go's encoding/json: HTML-sensitive characters escaped as \u003c etc. Only string contents can hold these
 * characters, so escaping the serialised text is safe.
 */
export function goJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c] ?? c);
}
