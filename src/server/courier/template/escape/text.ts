// Escaping template text (escape.go escapeText and contextAfterText): runs the context
// transitions over literal text, escapes stray `<` in text and RCDATA, and strips comments.

import type { Node, TextNode } from '../ast';
import { ctx, ctxString, errorCtx, isComment, type Context } from './context';
import { isJSType } from './js';
import { TRANSITIONS, tSpecialTagEnd } from './transition';

const DELIM_ENDS = {
  delimDoubleQuote: '"',
  delimSingleQuote: "'",
  delimSpaceOrTagEnd: ' \t\n\f\r>',
  delimNone: '',
} as const;

function indexAny(s: string, chars: string): number {
  for (let i = 0; i < s.length; i++) if (chars.includes(s[i] ?? '')) return i;
  return -1;
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

function htmlUnescape(s: string): string {
  return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z]+);?/g, (m, body: string) => {
    if (body.startsWith('#')) {
      const cp =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '\uFFFD';
    }
    return ENTITIES[body] ?? m;
  });
}

function contextAfterText(c: Context, s: string): [Context, number] {
  if (c.delim === 'delimNone') {
    const [c1, i] = tSpecialTagEnd(c, s);
    if (i === 0) return [c1, 0];
    return TRANSITIONS[c.state](c, s.slice(0, i));
  }
  let i = indexAny(s, DELIM_ENDS[c.delim]);
  if (i === -1) i = s.length;
  if (c.delim === 'delimSpaceOrTagEnd') {
    const j = indexAny(s.slice(0, i), '"\'<=`');
    if (j >= 0)
      return [
        errorCtx(`${JSON.stringify(s[j])} in unquoted attr: ${JSON.stringify(s.slice(0, i))}`),
        s.length,
      ];
  }
  if (i === s.length) {
    let u = htmlUnescape(s);
    let cur = c;
    while (u.length !== 0) {
      const [c1, n] = TRANSITIONS[cur.state](cur, u);
      cur = c1;
      u = u.slice(n);
    }
    return [cur, s.length];
  }
  let element = c.element;
  if (
    c.state === 'stateAttr' &&
    c.element === 'elementScript' &&
    c.attr === 'attrScriptType' &&
    !isJSType(s.slice(0, i))
  ) {
    element = 'elementNone';
  }
  if (c.delim !== 'delimSpaceOrTagEnd') i++;
  return [ctx({ state: 'stateTag', element }), i];
}

export function escapeText(cIn: Context, n: TextNode): [Context, Node] {
  const s = n.text;
  let c = cIn;
  let written = 0;
  let i = 0;
  let b = '';
  while (i !== s.length) {
    const [c1, nread] = contextAfterText(c, s.slice(i));
    const i1 = i + nread;
    if (c.state === 'stateText' || c.state === 'stateRCDATA') {
      let end = i1;
      if (c1.state !== c.state) {
        for (let j = end - 1; j >= i; j--) {
          if (s[j] === '<') {
            end = j;
            break;
          }
        }
      }
      for (let j = i; j < end; j++) {
        if (
          s[j] === '<' &&
          !s
            .slice(j, j + 9)
            .toUpperCase()
            .startsWith('<!DOCTYPE')
        ) {
          b += s.slice(written, j) + '&lt;';
          written = j + 1;
        }
      }
    } else if (isComment(c.state) && c.delim === 'delimNone') {
      if (c.state === 'stateJSBlockCmt') b += /[\n\r\u2028\u2029]/.test(s.slice(written, i1)) ? '\n' : ' ';
      else if (c.state === 'stateCSSBlockCmt') b += ' ';
      written = i1;
    }
    if (c.state !== c1.state && isComment(c1.state) && c1.delim === 'delimNone') {
      let cs = i1 - 2;
      if (c1.state === 'stateHTMLCmt' || c1.state === 'stateJSHTMLOpenCmt') cs -= 2;
      else if (c1.state === 'stateJSHTMLCloseCmt') cs -= 1;
      b += s.slice(written, cs);
      written = i1;
    }
    if (i === i1 && c.state === c1.state)
      throw new Error(`html/template: infinite loop from ${ctxString(c)}`);
    c = c1;
    i = i1;
  }
  if (written !== 0 && c.state !== 'stateError') {
    if (!isComment(c.state) || c.delim !== 'delimNone') b += s.slice(written);
    return [c, { ...n, text: b }];
  }
  return [c, n];
}
