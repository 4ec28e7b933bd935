// Context transitions over template text (html/template transition.go): given a context and
// the text that follows, compute the context after a prefix of it. This file has the HTML
// states; transition-script.ts has the JavaScript and CSS ones.

import { attrType } from './attr';
import {
  ATTR_START_STATES,
  ctx,
  errorCtx,
  type Context,
  type Element,
  type State,
  type Transition,
} from './context';
import {
  eatWhiteSpace,
  goQ,
  tBlockCmt,
  tCSS,
  tCSSStr,
  tJS,
  tJSDelimited,
  tJSTmpl,
  tLineCmt,
  tURL,
} from './transition-script';

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
