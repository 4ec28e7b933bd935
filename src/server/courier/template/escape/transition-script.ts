// Context transitions inside URLs, JavaScript and CSS (html/template transition.go): strings,
// template literals, regexps, comments, and CSS url() values.

import { type Context, errorCtx, type State, type Transition } from './context';
import { decodeCSS, isCSSNmchar } from './escapers';
import { nextJSCtx } from './js';

export function eatWhiteSpace(s: string, i: number): number {
  let j = i;
  while (j < s.length && ' \t\n\f\r'.includes(s[j] ?? 'x')) j++;
  return j;
}

export function goQ(s: string): string {
  return JSON.stringify(s);
}

export const tURL: Transition = (c, s) => {
  if (/[#?]/.test(s)) return [{ ...c, urlPart: 'urlPartQueryOrFrag' }, s.length];
  if (s.length !== eatWhiteSpace(s, 0) && c.urlPart === 'urlPartNone')
    return [{ ...c, urlPart: 'urlPartPreQuery' }, s.length];
  return [c, s.length];
};

export const tJS: Transition = (c, s) => {
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

export const tJSTmpl: Transition = (c, s) => {
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

export const tJSDelimited: Transition = (c, s) => {
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

export const tBlockCmt: Transition = (c, s) => {
  const i = s.indexOf('*/');
  if (i === -1) return [c, s.length];
  return [{ ...c, state: c.state === 'stateJSBlockCmt' ? 'stateJS' : 'stateCSS' }, i + 2];
};

export const tLineCmt: Transition = (c, s) => {
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

export const tCSS: Transition = (c, s) => {
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

export const tCSSStr: Transition = (cIn, s) => {
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
