// gofrs/uuid FromString (v4.4): the canonical form, 32 hex digits, `{…}` braces and `urn:uuid:`
// prefixes are accepted; errors carry gofrs's messages, which Kratos returns as the 400's message.

export type ParsedUUID = { ok: true; uuid: string } | { ok: false; error: string };

const HEX = /^[0-9a-fA-F]$/;

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function decodeHex(s: string): string | { bad: string } {
  for (const ch of s) {
    if (!HEX.test(ch)) {
      const cp = ch.codePointAt(0) ?? 0;
      return {
        bad: `encoding/hex: invalid byte: U+${cp.toString(16).toUpperCase().padStart(4, '0')} ${goQuoteRune(ch)}`,
      };
    }
  }
  return s.toLowerCase();
}

function goQuoteRune(ch: string): string {
  return ch === "'" ? "'\\''" : `'${ch}'`;
}

function canonical(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fromCanonical(t: string, original: string): ParsedUUID {
  if (t[8] !== '-' || t[13] !== '-' || t[18] !== '-' || t[23] !== '-') {
    return { ok: false, error: `uuid: incorrect UUID format in string ${goQuote(original)}` };
  }
  return fromHash(t.replaceAll('-', ''), original);
}

function fromHash(t: string, original: string): ParsedUUID {
  if (t.length !== 32)
    return { ok: false, error: `uuid: incorrect UUID format in string ${goQuote(original)}` };
  const hex = decodeHex(t);
  return typeof hex === 'string' ? { ok: true, uuid: canonical(hex) } : { ok: false, error: hex.bad };
}

export function parseGoUUID(s: string): ParsedUUID {
  const bytes = Buffer.byteLength(s, 'utf8');
  switch (bytes) {
    case 32:
      return fromHash(s, s);
    case 36:
      return fromCanonical(s, s);
    case 34:
    case 38:
      if (s.startsWith('{') && s.endsWith('}')) {
        const inner = s.slice(1, -1);
        return inner.length === 36 ? fromCanonical(inner, s) : fromHash(inner, s);
      }
      return fromURN(s);
    case 41:
    case 45:
      return fromURN(s);
    default:
      return { ok: false, error: `uuid: incorrect UUID length ${bytes} in string ${goQuote(s)}` };
  }
}

function fromURN(s: string): ParsedUUID {
  if (s.slice(0, 9).toLowerCase() !== 'urn:uuid:') {
    return { ok: false, error: `uuid: incorrect UUID format in string ${goQuote(s)}` };
  }
  const rest = s.slice(9);
  return rest.length === 36 ? fromCanonical(rest, s) : fromHash(rest, s);
}
