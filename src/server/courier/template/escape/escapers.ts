// html/template's escaping functions (html.go, url.go, css.go, js.go), byte-identical to Go:
// e.g. `"` -> &#34;, `'` -> &#39;, `+` -> &#43; (src/html/template/html.go htmlReplacementTable).

import { sprint } from '../fmt/print';
import { def, type FuncDef } from '../funcs';
import { attrType } from './attr';
import { jsRegexpEscape, jsStrEscape, jsTmplLitEscape, jsValEscape } from './js';

export const FILTER_FAILSAFE = 'ZgotmplZ';

/** stringify: a lone string as is; otherwise fmt.Sprint of the non-nil arguments. */
function stringify(args: readonly unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.filter((a) => a !== null && a !== undefined));
}

const HTML_TABLE: Record<string, string> = {
  '\0': '\uFFFD',
  '"': '&#34;',
  '&': '&amp;',
  "'": '&#39;',
  '+': '&#43;',
  '<': '&lt;',
  '>': '&gt;',
};
const HTML_NOSPACE_TABLE: Record<string, string> = {
  '\0': '&#xfffd;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\v': '&#11;',
  '\f': '&#12;',
  '\r': '&#13;',
  ' ': '&#32;',
  '"': '&#34;',
  '&': '&amp;',
  "'": '&#39;',
  '+': '&#43;',
  '<': '&lt;',
  '=': '&#61;',
  '>': '&gt;',
  '`': '&#96;',
};

function htmlReplacer(s: string, table: Record<string, string>, badRunes: boolean): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const repl = table[ch];
    if (repl !== undefined) out += repl;
    else if (!badRunes && ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp >= 0xfff0 && cp <= 0xffff)))
      out += `&#x${cp.toString(16)};`;
    else out += ch;
  }
  return out;
}

export const htmlEscaper = (a: unknown[]): string => htmlReplacer(stringify(a), HTML_TABLE, true);
export const nospaceEscaper = (a: unknown[]): string => htmlReplacer(stringify(a), HTML_NOSPACE_TABLE, false);

function isSafeURL(s: string): boolean {
  const colon = s.indexOf(':');
  if (colon >= 0 && !s.slice(0, colon).includes('/')) {
    const p = s.slice(0, colon).toLowerCase();
    return p === 'http' || p === 'https' || p === 'mailto';
  }
  return true;
}

export const urlFilter = (a: unknown[]): string => {
  const s = stringify(a);
  return isSafeURL(s) ? s : '#' + FILTER_FAILSAFE;
};

function processURL(s: string, norm: boolean): string {
  let out = '';
  const bytes = Buffer.from(s, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] ?? 0;
    const ch = String.fromCharCode(c);
    if ('!#$&*+,/:;=?@[]'.includes(ch)) {
      if (norm) {
        out += ch;
        continue;
      }
    } else if ('-._~'.includes(ch) || /[A-Za-z0-9]/.test(ch)) {
      out += ch;
      continue;
    } else if (
      ch === '%' &&
      norm &&
      /^[0-9a-fA-F]{2}$/.test(String.fromCharCode(bytes[i + 1] ?? 0, bytes[i + 2] ?? 0))
    ) {
      out += ch;
      continue;
    }
    out += '%' + c.toString(16).padStart(2, '0');
  }
  return out;
}

export const urlEscaper = (a: unknown[]): string => processURL(stringify(a), false);
export const urlNormalizer = (a: unknown[]): string => processURL(stringify(a), true);

const isHTMLSpace = (c: string): boolean => ' \t\n\f\r'.includes(c) && c !== '';

export const srcsetEscaper = (a: unknown[]): string => {
  const s = stringify(a);
  return s
    .split(',')
    .map((el) => {
      let start = 0;
      while (start < el.length && isHTMLSpace(el[start] ?? '')) start++;
      let end = el.length;
      for (let i = start; i < el.length; i++) {
        if (isHTMLSpace(el[i] ?? '')) {
          end = i;
          break;
        }
      }
      const url = el.slice(start, end);
      if (isSafeURL(url) && /^[\s0-9A-Za-z]*$/.test(el.slice(end)))
        return el.slice(0, start) + processURL(url, true) + el.slice(end);
      return '#' + FILTER_FAILSAFE;
    })
    .join(',');
};

export function isCSSNmchar(r: number): boolean {
  return (
    (r >= 0x61 && r <= 0x7a) ||
    (r >= 0x41 && r <= 0x5a) ||
    (r >= 0x30 && r <= 0x39) ||
    r === 0x2d ||
    r === 0x5f ||
    (r >= 0x80 && r <= 0xd7ff) ||
    (r >= 0xe000 && r <= 0xfffd) ||
    (r >= 0x10000 && r <= 0x10ffff)
  );
}

/** Decodes CSS escapes (\\41 and \\x). */
export function decodeCSS(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(
    /\\(?:([0-9a-fA-F]{1,6})(\r\n|[ \t\n\f\r])?|([\s\S]))/g,
    (_m, hex?: string, _ws?: string, ch?: string) => {
      if (hex !== undefined) {
        let r = parseInt(hex, 16);
        if (r > 0x10ffff) r = Math.floor(r / 16);
        return String.fromCodePoint(r);
      }
      return ch ?? '';
    },
  );
}

const CSS_TABLE: Record<string, string> = {
  '\0': '\\0',
  '\t': '\\9',
  '\n': '\\a',
  '\f': '\\c',
  '\r': '\\d',
  '"': '\\22',
  '&': '\\26',
  "'": '\\27',
  '(': '\\28',
  ')': '\\29',
  '+': '\\2b',
  '/': '\\2f',
  ':': '\\3a',
  ';': '\\3b',
  '<': '\\3c',
  '>': '\\3e',
  '\\': '\\\\',
  '{': '\\7b',
  '}': '\\7d',
};

export const cssEscaper = (a: unknown[]): string => {
  const s = stringify(a);
  const chars = [...s];
  let out = '';
  chars.forEach((ch, i) => {
    const repl = CSS_TABLE[ch];
    if (repl === undefined) {
      out += ch;
      return;
    }
    out += repl;
    const next = chars[i + 1];
    if (repl !== '\\\\' && (next === undefined || /^[0-9a-fA-F\t\n\f\r ]$/.test(next))) out += ' ';
  });
  return out;
};

export const cssValueFilter = (a: unknown[]): string => {
  const b = decodeCSS(stringify(a));
  let id = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? '';
    if ('\0"\'()/;@[\\]`{}<>'.includes(c)) return FILTER_FAILSAFE;
    if (c === '-' && i !== 0 && b[i - 1] === '-') return FILTER_FAILSAFE;
    const cp = c.charCodeAt(0);
    if (cp < 0x80 && isCSSNmchar(cp)) id += c;
  }
  id = id.toLowerCase();
  if (id.includes('expression') || id.includes('mozbinding')) return FILTER_FAILSAFE;
  return b;
};

export const htmlNameFilter = (a: unknown[]): string => {
  const s = stringify(a);
  if (s.length === 0) return FILTER_FAILSAFE;
  const lower = s.toLowerCase();
  if (attrType(lower) !== 'plain') return FILTER_FAILSAFE;
  return /^[0-9a-z]+$/.test(lower) ? lower : FILTER_FAILSAFE;
};

export const ESCAPERS: ReadonlyMap<string, (args: unknown[]) => string> = new Map<
  string,
  (args: unknown[]) => string
>([
  ['_html_template_attrescaper', htmlEscaper],
  ['_html_template_commentescaper', () => ''],
  ['_html_template_cssescaper', cssEscaper],
  ['_html_template_cssvaluefilter', cssValueFilter],
  ['_html_template_htmlnamefilter', htmlNameFilter],
  ['_html_template_htmlescaper', htmlEscaper],
  ['_html_template_jsregexpescaper', (a) => jsRegexpEscape(stringify(a))],
  ['_html_template_jsstrescaper', (a) => jsStrEscape(stringify(a))],
  ['_html_template_jstmpllitescaper', (a) => jsTmplLitEscape(stringify(a))],
  ['_html_template_jsvalescaper', (a) => jsValEscape(a)],
  ['_html_template_nospaceescaper', nospaceEscaper],
  ['_html_template_rcdataescaper', htmlEscaper],
  ['_html_template_srcsetescaper', srcsetEscaper],
  ['_html_template_urlescaper', urlEscaper],
  ['_html_template_urlfilter', urlFilter],
  ['_html_template_urlnormalizer', urlNormalizer],
]);

/** The escaper functions, callable from rewritten pipelines. */
export const ESCAPER_FUNCDEFS: ReadonlyMap<string, FuncDef> = new Map<string, FuncDef>([
  ...[...ESCAPERS].map(([name, fn]): [string, FuncDef] => [name, def([], (...a: unknown[]) => fn(a), 'any')]),
  [
    '_eval_args_',
    def([], (...a: unknown[]) => (a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)), 'any'),
  ],
]);
