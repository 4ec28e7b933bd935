// Go's strconv quoting (Quote, QuoteToASCII, QuoteRune, CanBackquote), used by %q and Sprig.

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

export function isPrint(cp: number): boolean {
  return PRINTABLE.test(String.fromCodePoint(cp));
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

function escapeRune(cp: number, quote: number, asciiOnly: boolean): string {
  if (cp === quote || cp === 0x5c) return '\\' + String.fromCodePoint(cp);
  if (asciiOnly ? cp < 0x80 && isPrint(cp) : isPrint(cp)) return String.fromCodePoint(cp);
  switch (cp) {
    case 0x07:
      return '\\a';
    case 0x08:
      return '\\b';
    case 0x0c:
      return '\\f';
    case 0x0a:
      return '\\n';
    case 0x0d:
      return '\\r';
    case 0x09:
      return '\\t';
    case 0x0b:
      return '\\v';
  }
  if (cp < 0x20 || cp === 0x7f) return '\\x' + hex(cp, 2);
  // Lone surrogates stand for invalid UTF-8, which Go prints as the replacement rune escape.
  if (cp >= 0xd800 && cp <= 0xdfff) return '\\ufffd';
  if (cp < 0x10000) return '\\u' + hex(cp, 4);
  return '\\U' + hex(cp, 8);
}

function quoteWith(s: string, quote: number, asciiOnly: boolean): string {
  let out = String.fromCharCode(quote);
  for (const ch of s) out += escapeRune(ch.codePointAt(0) ?? 0, quote, asciiOnly);
  return out + String.fromCharCode(quote);
}

export function quote(s: string): string {
  return quoteWith(s, 0x22, false);
}

export function quoteToASCII(s: string): string {
  return quoteWith(s, 0x22, true);
}

export function quoteRune(cp: number, asciiOnly = false): string {
  // Invalid runes print as the replacement character, like Go.
  const r = cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || cp < 0 ? 0xfffd : cp;
  return "'" + escapeRune(r, 0x27, asciiOnly) + "'";
}

export function canBackquote(s: string): boolean {
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0x60 || cp === 0xfeff) return false;
    if ((cp < 0x20 && cp !== 0x09) || cp === 0x7f) return false;
    if (cp >= 0xd800 && cp <= 0xdfff) return false;
  }
  return true;
}
