// Context transitions over template text (html/template transition.go): given a context and
// the text that follows, compute the context after a prefix of it.

import { attrType } from './attr';
import { ATTR_START_STATES, ctx, errorCtx, type Context, type Element, type State } from './context';
import { decodeCSS, isCSSNmchar } from './escapers';
import { nextJSCtx } from './js';

type Transition = (c: Context, s: string) => [Context, number];

const ELEMENT_CONTENT: Readonly<Record<Element, State>> = {
  elementNone: 'stateText',
  elementScript: 'stateJS',
  elementStyle: 'stateCSS',
  elementTextarea: 'stateRCDATA',
  elementTitle: 'stateRCDATA',
};

const ELEMENT_NAMES: ReadonlyMap<string, Element> = new Map([
  ['script', 'elementScript'],
  ['style', 'elementStyle'],
  ['textarea', 'elementTextarea'],
  ['title', 'elementTitle'],
]);

const isAsciiAlpha = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z]$/.test(c);
const isAsciiAlnum = (c: string | undefined): boolean => c !== undefined && /^[A-Za-z0-9]$/.test(c);

function eatTagName(s: string, i: number): [number, Element] {
  if (i === s.length || !isAsciiAlpha(s[i])) return [i, 'elementNone'];
  let j = i + 1;
  while (j < s.length) {
    const x = s[j];
    if (isAsciiAlnum(x)) {
      j++;
      continue;
    }
    if ((x === ':' || x === '-') && j + 1 < s.length && isAsciiAlnum(s[j + 1])) {
      j += 2;
      continue;
    }
    break;
  }
  return [j, ELEMENT_NAMES.get(s.slice(i, j).toLowerCase()) ?? 'elementNone'];
}

export function eatWhiteSpace(s: string, i: number): number {
  let j = i;
  while (j < s.length && ' \t\n\f\r'.includes(s[j] ?? 'x')) j++;
  return j;
}

function eatAttrName(s: string, i: number): [number, string | undefined] {
  for (let j = i; j < s.length; j++) {
    const c = s[j] ?? '';
    if (' \t\n\f\r=>'.includes(c)) return [j, undefined];
    if (c === "'" || c === '"' || c === '<') {
      return [-1, `${goQ(c)} in attribute name: ${goQ(s.slice(0, 32))}`];
    }
  }
  return [s.length, undefined];
}

function goQ(s: string): string {
  return JSON.stringify(s);
}

const tText: Transition = (c, s) => {
  let k = 0;
  for (;;) {
    const i = s.indexOf('<', k);
    if (i < 0 || i + 1 === s.length) return [c, s.length];
    if (s.startsWith('<!--', i)) return [ctx({ state: 'stateHTMLCmt' }), i + 4];
    let j = i + 1;
    let end = false;
    if (s[j] === '/') {
      if (j + 1 === s.length) return [c, s.length];
      end = true;
      j++;
    }
    const [k2, e] = eatTagName(s, j);
    if (k2 !== j) return [ctx({ state: 'stateTag', element: end ? 'elementNone' : e }), k2];
    k = k2;
  }
};

const tTag: Transition = (c, s) => {
  const i = eatWhiteSpace(s, 0);
  if (i === s.length) return [c, s.length];
  if (s[i] === '>') return [ctx({ state: ELEMENT_CONTENT[c.element], element: c.element }), i + 1];
  const [j, err] = eatAttrName(s, i);
  if (err !== undefined) return [errorCtx(err), s.length];
  if (i === j)
    return [errorCtx(`expected space, attr name, or end of tag, but got ${goQ(s.slice(i))}`), s.length];
  const name = s.slice(i, j).toLowerCase();
  let attr: Context['attr'] = 'attrNone';
  if (c.element === 'elementScript' && name === 'type') attr = 'attrScriptType';
  else {
    switch (attrType(name)) {
      case 'url':
        attr = 'attrURL';
        break;
      case 'css':
        attr = 'attrStyle';
        break;
      case 'js':
        attr = 'attrScript';
        break;
      case 'srcset':
        attr = 'attrSrcset';
        break;
      default:
    }
  }
  return [ctx({ state: j === s.length ? 'stateAttrName' : 'stateAfterName', element: c.element, attr }), j];
};

const tAttrName: Transition = (c, s) => {
  const [i, err] = eatAttrName(s, 0);
  if (err !== undefined) return [errorCtx(err), s.length];
  if (i !== s.length) return [{ ...c, state: 'stateAfterName' }, i];
  return [c, i];
};

const tAfterName: Transition = (c, s) => {
  const i = eatWhiteSpace(s, 0);
  if (i === s.length) return [c, s.length];
  if (s[i] !== '=') return [{ ...c, state: 'stateTag' }, i];
  return [{ ...c, state: 'stateBeforeValue' }, i + 1];
};

const tBeforeValue: Transition = (c, s) => {
  let i = eatWhiteSpace(s, 0);
  if (i === s.length) return [c, s.length];
  let delim: Context['delim'] = 'delimSpaceOrTagEnd';
  if (s[i] === "'") {
    delim = 'delimSingleQuote';
    i++;
  } else if (s[i] === '"') {
    delim = 'delimDoubleQuote';
    i++;
  }
  return [{ ...c, state: ATTR_START_STATES[c.attr], delim }, i];
};

const tHTMLCmt: Transition = (c, s) => {
  const i = s.indexOf('-->');
  if (i !== -1) return [ctx(), i + 3];
  return [c, s.length];
};

const SPECIAL_END: Readonly<Partial<Record<Element, string>>> = {
  elementScript: 'script',
  elementStyle: 'style',
  elementTextarea: 'textarea',
  elementTitle: 'title',
};

function indexTagEnd(s: string, tag: string): number {
  const lower = s.toLowerCase();
  let from = 0;
  for (;;) {
    const i = lower.indexOf('</' + tag, from);
    if (i === -1) return -1;
    const after = s[i + 2 + tag.length];
    if (after !== undefined && '> \t\n\f/'.includes(after)) return i;
    from = i + 2;
  }
}

export const tSpecialTagEnd: Transition = (c, s) => {
  const tag = SPECIAL_END[c.element];
  if (tag !== undefined) {
    const i = indexTagEnd(s, tag);
    if (i !== -1) return [ctx(), i];
  }
  return [c, s.length];
};

const tAttr: Transition = (c, s) => [c, s.length];

const tURL: Transition = (c, s) => {
  if (/[#?]/.test(s)) return [{ ...c, urlPart: 'urlPartQueryOrFrag' }, s.length];
  if (s.length !== eatWhiteSpace(s, 0) && c.urlPart === 'urlPartNone')
    return [{ ...c, urlPart: 'urlPartPreQuery' }, s.length];
  return [c, s.length];
};

const tJS: Transition = (c, s) => {
  const i = s.search(/["'`/<\-#{}]/);
  if (i === -1) return [{ ...c, jsCtx: nextJSCtx(s, c.jsCtx) }, s.length];
  let d: Context = { ...c, jsCtx: nextJSCtx(s.slice(0, i), c.jsCtx) };
  let k = i;
  switch (s[i]) {
    case '"':
      d = { ...d, state: 'stateJSDqStr', jsCtx: 'jsCtxRegexp' };
      break;
    case "'":
      d = { ...d, state: 'stateJSSqStr', jsCtx: 'jsCtxRegexp' };
      break;
    case '`':
      d = { ...d, state: 'stateJSTmplLit', jsCtx: 'jsCtxRegexp' };
      break;
    case '/':
      if (s[i + 1] === '/') {
        d = { ...d, state: 'stateJSLineCmt' };
        k++;
      } else if (s[i + 1] === '*') {
        d = { ...d, state: 'stateJSBlockCmt' };
        k++;
      } else if (d.jsCtx === 'jsCtxRegexp') d = { ...d, state: 'stateJSRegexp' };
      else if (d.jsCtx === 'jsCtxDivOp') d = { ...d, jsCtx: 'jsCtxRegexp' };
      else return [errorCtx(`'/' could start a division or regexp: ${goQ(s.slice(i, i + 32))}`), s.length];
      break;
    case '<':
      if (s.startsWith('<!--', i)) {
        d = { ...d, state: 'stateJSHTMLOpenCmt' };
        k += 3;
      }
      break;
    case '-':
      if (s.startsWith('-->', i)) {
        d = { ...d, state: 'stateJSHTMLCloseCmt' };
        k += 2;
      }
      break;
    case '#':
      if (s[i + 1] === '!') {
        d = { ...d, state: 'stateJSLineCmt' };
        k++;
      }
      break;
    case '{':
      if (d.jsBraceDepth.length === 0) return [d, i + 1];
      d = {
        ...d,
        jsBraceDepth: [...d.jsBraceDepth.slice(0, -1), (d.jsBraceDepth[d.jsBraceDepth.length - 1] ?? 0) + 1],
      };
      break;
    case '}': {
      if (d.jsBraceDepth.length === 0) return [d, i + 1];
      const top = (d.jsBraceDepth[d.jsBraceDepth.length - 1] ?? 0) - 1;
      if (top >= 0) return [{ ...d, jsBraceDepth: [...d.jsBraceDepth.slice(0, -1), top] }, i + 1];
      d = { ...d, jsBraceDepth: d.jsBraceDepth.slice(0, -1), state: 'stateJSTmplLit' };
      break;
    }
  }
  return [d, k + 1];
};

const tJSTmpl: Transition = (c, s) => {
  let k = 0;
  for (;;) {
    const rel = s.slice(k).search(/[`\\$]/);
    if (rel < 0) break;
    let i = k + rel;
    if (s[i] === '\\') {
      i++;
      if (i === s.length) return [errorCtx(`unfinished escape sequence in JS string: ${goQ(s)}`), s.length];
    } else if (s[i] === '$') {
      if (s[i + 1] === '{') return [{ ...c, jsBraceDepth: [...c.jsBraceDepth, 0], state: 'stateJS' }, i + 2];
    } else {
      return [{ ...c, state: 'stateJS' }, i + 1];
    }
    k = i + 1;
  }
  return [c, s.length];
};

const tJSDelimited: Transition = (c, s) => {
  const specials = c.state === 'stateJSSqStr' ? "\\'" : c.state === 'stateJSRegexp' ? '\\/[]' : '\\"';
  let k = 0;
  let inCharset = false;
  for (;;) {
    let i = -1;
    for (let j = k; j < s.length; j++) {
      if (specials.includes(s[j] ?? '')) {
        i = j;
        break;
      }
    }
    if (i < 0) break;
    switch (s[i]) {
      case '\\':
        i++;
        if (i === s.length) return [errorCtx(`unfinished escape sequence in JS string: ${goQ(s)}`), s.length];
        break;
      case '[':
        inCharset = true;
        break;
      case ']':
        inCharset = false;
        break;
      default:
        if (!inCharset) return [{ ...c, state: 'stateJS', jsCtx: 'jsCtxDivOp' }, i + 1];
    }
    k = i + 1;
  }
  if (inCharset) return [errorCtx(`unfinished JS regexp charset: ${goQ(s)}`), s.length];
  return [c, s.length];
};

const tBlockCmt: Transition = (c, s) => {
  const i = s.indexOf('*/');
  if (i === -1) return [c, s.length];
  return [{ ...c, state: c.state === 'stateJSBlockCmt' ? 'stateJS' : 'stateCSS' }, i + 2];
};

const tLineCmt: Transition = (c, s) => {
  const css = c.state === 'stateCSSLineCmt';
  const i = s.search(css ? /[\n\f\r]/ : /[\n\r\u2028\u2029]/);
  if (i === -1) return [c, s.length];
  return [{ ...c, state: css ? 'stateCSS' : 'stateJS' }, i];
};

function endsWithCSSKeyword(b: string, kw: string): boolean {
  const i = b.length - kw.length;
  if (i < 0) return false;
  if (i !== 0) {
    const prev = [...b.slice(0, i)].pop() ?? '';
    if (isCSSNmchar(prev.codePointAt(0) ?? 0)) return false;
  }
  return b.slice(i).toLowerCase() === kw;
}

const tCSS: Transition = (c, s) => {
  let k = 0;
  for (;;) {
    const rel = s.slice(k).search(/[("'/]/);
    if (rel < 0) return [c, s.length];
    const i = k + rel;
    switch (s[i]) {
      case '(': {
        const p = s.slice(0, i).replace(/[\t\n\f\r ]+$/, '');
        if (endsWithCSSKeyword(p, 'url')) {
          let j = s.length - s.slice(i + 1).replace(/^[\t\n\f\r ]+/, '').length;
          let state: State = 'stateCSSURL';
          if (j !== s.length && s[j] === '"') {
            state = 'stateCSSDqURL';
            j++;
          } else if (j !== s.length && s[j] === "'") {
            state = 'stateCSSSqURL';
            j++;
          }
          return [{ ...c, state }, j];
        }
        break;
      }
      case '/':
        if (i + 1 < s.length) {
          if (s[i + 1] === '/') return [{ ...c, state: 'stateCSSLineCmt' }, i + 2];
          if (s[i + 1] === '*') return [{ ...c, state: 'stateCSSBlockCmt' }, i + 2];
        }
        break;
      case '"':
        return [{ ...c, state: 'stateCSSDqStr' }, i + 1];
      case "'":
        return [{ ...c, state: 'stateCSSSqStr' }, i + 1];
    }
    k = i + 1;
  }
};

const tCSSStr: Transition = (cIn, s) => {
  let c = cIn;
  const endAndEsc =
    c.state === 'stateCSSDqStr' || c.state === 'stateCSSDqURL'
      ? '\\"'
      : c.state === 'stateCSSSqStr' || c.state === 'stateCSSSqURL'
        ? "\\'"
        : '\\\t\n\f\r )';
  let k = 0;
  for (;;) {
    let i = -1;
    for (let j = k; j < s.length; j++) {
      if (endAndEsc.includes(s[j] ?? '')) {
        i = j;
        break;
      }
    }
    if (i < 0) {
      const [c2, n] = tURL(c, decodeCSS(s.slice(k)));
      return [c2, k + n];
    }
    if (s[i] === '\\') {
      i++;
      if (i === s.length) return [errorCtx(`unfinished escape sequence in CSS string: ${goQ(s)}`), s.length];
    } else {
      return [{ ...c, state: 'stateCSS' }, i + 1];
    }
    [c] = tURL(c, decodeCSS(s.slice(0, i + 1)));
    k = i + 1;
  }
};

const tError: Transition = (c, s) => [c, s.length];

export const TRANSITIONS: Readonly<Record<State, Transition>> = {
  stateText: tText,
  stateTag: tTag,
  stateAttrName: tAttrName,
  stateAfterName: tAfterName,
  stateBeforeValue: tBeforeValue,
  stateHTMLCmt: tHTMLCmt,
  stateRCDATA: tSpecialTagEnd,
  stateAttr: tAttr,
  stateURL: tURL,
  stateSrcset: tURL,
  stateJS: tJS,
  stateJSDqStr: tJSDelimited,
  stateJSSqStr: tJSDelimited,
  stateJSTmplLit: tJSTmpl,
  stateJSRegexp: tJSDelimited,
  stateJSBlockCmt: tBlockCmt,
  stateJSLineCmt: tLineCmt,
  stateJSHTMLOpenCmt: tLineCmt,
  stateJSHTMLCloseCmt: tLineCmt,
  stateCSS: tCSS,
  stateCSSDqStr: tCSSStr,
  stateCSSSqStr: tCSSStr,
  stateCSSDqURL: tCSSStr,
  stateCSSSqURL: tCSSStr,
  stateCSSURL: tCSSStr,
  stateCSSBlockCmt: tBlockCmt,
  stateCSSLineCmt: tLineCmt,
  stateError: tError,
  stateDead: tError,
};
