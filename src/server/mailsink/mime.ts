// Header and media-type parsing with Go's semantics, because the MailHog and Mailpit wire formats are
// defined by what Go's mime and net/textproto packages make of a message.

const TSPECIALS = new Set('()<>@,;:\\"/[]?=');

function isTokenChar(c: string): boolean {
  const code = c.charCodeAt(0);
  return code > 0x20 && code < 0x7f && !TSPECIALS.has(c);
}

function trimLeftSpace(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0]+/, '');
}

function consumeToken(v: string): [token: string, rest: string] {
  let i = 0;
  while (i < v.length && isTokenChar(v[i] as string)) i++;
  return [v.slice(0, i), v.slice(i)];
}

function consumeValue(v: string): [value: string, rest: string] {
  if (v === '') return ['', v];
  if (v[0] !== '"') return consumeToken(v);
  let out = '';
  for (let i = 1; i < v.length; i++) {
    const c = v[i] as string;
    if (c === '"') return [out, v.slice(i + 1)];
    // Go keeps a backslash that does not escape a tspecial (MSIE sends unescaped Windows paths).
    if (c === '\\' && i + 1 < v.length && TSPECIALS.has(v[i + 1] as string)) {
      out += v[i + 1];
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') return ['', v];
    out += c;
  }
  return ['', v];
}

function consumeParam(v: string): [key: string, value: string, rest: string] {
  let rest = trimLeftSpace(v);
  if (!rest.startsWith(';')) return ['', '', v];
  rest = trimLeftSpace(rest.slice(1));
  const [param, afterKey] = consumeToken(rest);
  if (param === '') return ['', '', v];
  rest = trimLeftSpace(afterKey);
  if (!rest.startsWith('=')) return ['', '', v];
  rest = trimLeftSpace(rest.slice(1));
  const [value, afterValue] = consumeValue(rest);
  if (value === '' && afterValue === rest) return ['', '', v];
  return [param.toLowerCase(), value, afterValue];
}

function checkMediaType(s: string): string | undefined {
  const [type, rest] = consumeToken(s);
  if (type === '') return 'mime: no media type';
  if (rest === '') return undefined;
  if (!rest.startsWith('/')) return 'mime: expected slash after first token';
  const [subtype, after] = consumeToken(rest.slice(1));
  if (subtype === '') return 'mime: expected token after slash';
  if (after !== '') return 'mime: unexpected content after media subtype';
  return undefined;
}

export interface MediaType {
  mediaType: string;
  params: Map<string, string>;
}

/** Go's mime.ParseMediaType: a lower-cased media type and its parameters, or an error message. */
export function parseMediaType(value: string): MediaType | { error: string } {
  const semi = value.indexOf(';');
  const base = semi === -1 ? value : value.slice(0, semi);
  const mediaType = base.toLowerCase().trim();
  const bad = checkMediaType(mediaType);
  if (bad) return { error: bad };
  const params = new Map<string, string>();
  const continued = new Map<string, Map<string, string>>();
  let v = value.slice(base.length);
  while (v.length > 0) {
    v = trimLeftSpace(v);
    if (v === '') break;
    const [key, val, rest] = consumeParam(v);
    if (key === '') {
      if (v.trim() === ';') break;
      return { error: 'mime: invalid media parameter' };
    }
    let target = params;
    const star = key.indexOf('*');
    if (star !== -1) {
      const name = key.slice(0, star);
      target = continued.get(name) ?? new Map<string, string>();
      continued.set(name, target);
    }
    const prior = target.get(key);
    if (prior !== undefined && prior !== val) return { error: 'mime: duplicate parameter name' };
    target.set(key, val);
    v = rest;
  }
  for (const [name, pieces] of continued) {
    const simple = pieces.get(`${name}*`);
    if (simple !== undefined) {
      const decoded = decodeRfc2231(simple, true);
      if (decoded !== undefined) params.set(name, decoded);
      continue;
    }
    let joined = '';
    let found = false;
    for (let n = 0; ; n++) {
      const plain = pieces.get(`${name}*${n}`);
      const encoded = pieces.get(`${name}*${n}*`);
      if (plain !== undefined) joined += plain;
      else if (encoded !== undefined) joined += decodeRfc2231(encoded, n === 0) ?? '';
      else break;
      found = true;
    }
    if (found) params.set(name, joined);
  }
  return { mediaType, params };
}

/** RFC 2231 extended value (charset'lang'%XX); only UTF-8, US-ASCII and Latin-1 are decoded. */
function decodeRfc2231(value: string, withCharset: boolean): string | undefined {
  let charset = 'utf-8';
  let data = value;
  if (withCharset) {
    const parts = value.split("'");
    if (parts.length !== 3) return undefined;
    charset = (parts[0] ?? '').toLowerCase();
    data = parts[2] ?? '';
  }
  const bytes: number[] = [];
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '%' && /^[0-9a-fA-F]{2}$/.test(data.slice(i + 1, i + 3))) {
      bytes.push(parseInt(data.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(data.charCodeAt(i) & 0xff);
  }
  const buf = Buffer.from(bytes);
  if (charset === 'utf-8' || charset === 'us-ascii' || charset === '') return buf.toString('utf8');
  if (charset === 'iso-8859-1' || charset === 'latin1') return buf.toString('latin1');
  return undefined;
}

/** The boundary parameter of a multipart Content-Type, '' when there is none or the value does not parse. */
export function extractBoundary(contentType: string): string {
  const parsed = parseMediaType(contentType);
  return 'error' in parsed ? '' : (parsed.params.get('boundary') ?? '');
}

/** Go's textproto.CanonicalMIMEHeaderKey ("content-type" -> "Content-Type"); odd keys stay as they are. */
export function canonicalHeaderKey(key: string): string {
  for (const c of key) if (!isTokenChar(c)) return key;
  let upper = true;
  let out = '';
  for (const c of key) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

export interface HeaderBlock {
  /** [name, raw value]: the value after the colon and leading blanks, folding (CRLF + blank) kept. */
  headers: [string, string][];
  /** Lines that are neither a header nor a continuation (a message without a header block has some). */
  invalid: string[];
  /** Byte offset (in the latin1 string) where the body starts; the whole input when there is no blank line. */
  bodyStart: number;
}

/** Splits the header block off a message (CRLF or bare LF line ends) without judging it. */
export function parseHeaderBlock(data: string): HeaderBlock {
  const headers: [string, string][] = [];
  const invalid: string[] = [];
  let pos = 0;
  let bodyStart = data.length;
  while (pos < data.length) {
    const nl = data.indexOf('\n', pos);
    const end = nl === -1 ? data.length : nl + 1;
    const line = data.slice(pos, end).replace(/\r?\n$/, '');
    if (line === '') {
      bodyStart = end;
      break;
    }
    const last = headers[headers.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last[1] += `\r\n${line}`;
    } else {
      const colon = line.indexOf(':');
      if (colon > 0) {
        headers.push([line.slice(0, colon).trimEnd(), line.slice(colon + 1).replace(/^[ \t]+/, '')]);
      } else invalid.push(line);
    }
    pos = end;
  }
  return { headers, invalid, bodyStart };
}

/** RFC 5322 unfolding: folding line breaks removed, the blanks after them kept. */
export function unfold(value: string): string {
  return value.replace(/\r?\n(?=[ \t])/g, '');
}

/** Go's textproto unfolding: each line trimmed, continuation lines joined with one space. */
export function unfoldGo(value: string): string {
  return value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l, i) => i === 0 || l !== '')
    .join(' ')
    .trim();
}

/** The first value of a header (case-insensitive name), unfolded; undefined when absent. */
export function headerValue(headers: [string, string][], name: string): string | undefined {
  const lower = name.toLowerCase();
  const found = headers.find(([n]) => n.toLowerCase() === lower);
  return found ? unfold(found[1]).trim() : undefined;
}
