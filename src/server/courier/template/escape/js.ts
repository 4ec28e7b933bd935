// JavaScript escaping (html/template js.go, Go 1.22+ tables with \uXXXX escapes).

import { sprint } from '../fmt/print';
import { goJSON } from '../sprig/encoding';
import type { JsCtx } from './context';

const JS_WS = /[\f\n\r\t\v\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$/u;
const REGEXP_PRECEDERS = new Set([
  'break',
  'case',
  'continue',
  'delete',
  'do',
  'else',
  'finally',
  'in',
  'instanceof',
  'return',
  'throw',
  'try',
  'typeof',
  'void',
]);

export function isJSIdentPart(c: string): boolean {
  return /^[$0-9A-Za-z_]$/.test(c);
}

/** Whether a '/' after this run of JS tokens starts a regexp or a division (Go's nextJSCtx). */
export function nextJSCtx(sIn: string, preceding: JsCtx): JsCtx {
  const s = sIn.replace(JS_WS, '');
  if (s.length === 0) return preceding;
  const c = s[s.length - 1] ?? '';
  const n = s.length;
  if (c === '+' || c === '-') {
    let start = n - 1;
    while (start > 0 && s[start - 1] === c) start--;
    return (n - start) % 2 === 1 ? 'jsCtxRegexp' : 'jsCtxDivOp';
  }
  if (c === '.') return n !== 1 && /[0-9]/.test(s[n - 2] ?? '') ? 'jsCtxDivOp' : 'jsCtxRegexp';
  if (',<>=*%&|^?!~([:;{}'.includes(c)) return 'jsCtxRegexp';
  let j = n;
  while (j > 0 && isJSIdentPart(s[j - 1] ?? '')) j--;
  return REGEXP_PRECEDERS.has(s.slice(j)) ? 'jsCtxRegexp' : 'jsCtxDivOp';
}

const LOW: Record<number, string> = { 9: '\\t', 10: '\\n', 12: '\\f', 13: '\\r' };

function lowUnicode(cp: number): string {
  return LOW[cp] ?? '\\u' + cp.toString(16).padStart(4, '0');
}

const JS_STR: Record<string, string> = {
  '"': '\\u0022',
  '`': '\\u0060',
  '&': '\\u0026',
  "'": '\\u0027',
  '+': '\\u002b',
  '/': '\\/',
  '<': '\\u003c',
  '>': '\\u003e',
  '\\': '\\\\',
};
const JS_STR_NORM: Record<string, string> = { ...JS_STR, '\\': '' };
const JS_BQ: Record<string, string> = { ...JS_STR, $: '\\u0024', '{': '\\u007b', '}': '\\u007d' };
const JS_REGEXP: Record<string, string> = {
  '"': '\\u0022',
  $: '\\$',
  '&': '\\u0026',
  "'": '\\u0027',
  '(': '\\(',
  ')': '\\)',
  '*': '\\*',
  '+': '\\u002b',
  '-': '\\-',
  '.': '\\.',
  '/': '\\/',
  '<': '\\u003c',
  '>': '\\u003e',
  '?': '\\?',
  '[': '\\[',
  '\\': '\\\\',
  ']': '\\]',
  '^': '\\^',
  '{': '\\{',
  '|': '\\|',
  '}': '\\}',
};

function replace(s: string, table: Record<string, string>): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x20) out += lowUnicode(cp);
    else if (table[ch]) out += table[ch];
    else if (cp === 0x2028) out += '\\u2028';
    else if (cp === 0x2029) out += '\\u2029';
    else out += ch;
  }
  return out;
}

export function jsStrEscape(s: string): string {
  return replace(s, JS_STR);
}
export function jsStrNormEscape(s: string): string {
  return replace(s, JS_STR_NORM);
}
export function jsTmplLitEscape(s: string): string {
  return replace(s, JS_BQ);
}
export function jsRegexpEscape(s: string): string {
  const r = replace(s, JS_REGEXP);
  return r === '' ? '(?:)' : r;
}

/** jsValEscaper: the value as a JSON expression, padded so it cannot merge with identifiers. */
export function jsValEscape(args: readonly unknown[]): string {
  const a = args.length === 1 ? (args[0] ?? null) : sprint(args.filter((x) => x !== undefined));
  let b: string;
  try {
    b = goJSON(a, true);
  } catch (e) {
    const msg = (e as Error).message
      .replaceAll('*/', '* /')
      .replaceAll('</script', '\\x3C/script')
      .replaceAll('<!--', '\\x3C!--');
    return ` /* ${msg} */null `;
  }
  if (b.length === 0) return ' null ';
  const pad = isJSIdentPart(b[0] ?? '') || isJSIdentPart(b[b.length - 1] ?? '');
  return pad ? ` ${b} ` : b;
}

export function isJSType(mime: string): boolean {
  const t = (mime.split(';')[0] ?? '').toLowerCase().trim();
  return [
    'application/ecmascript',
    'application/javascript',
    'application/json',
    'application/ld+json',
    'application/x-ecmascript',
    'application/x-javascript',
    'module',
    'text/ecmascript',
    'text/javascript',
    'text/javascript1.0',
    'text/javascript1.1',
    'text/javascript1.2',
    'text/javascript1.3',
    'text/javascript1.4',
    'text/javascript1.5',
    'text/jscript',
    'text/livescript',
    'text/x-ecmascript',
    'text/x-javascript',
  ].includes(t);
}
