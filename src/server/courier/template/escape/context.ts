// html/template's escaping context (context.go): where in an HTML document a template action
// appears. Names mirror Go's enum names so mangled template names and errors read the same.

import type { Node } from '../ast';
import { errorContext } from '../ast';

export type State =
  | 'stateText'
  | 'stateTag'
  | 'stateAttrName'
  | 'stateAfterName'
  | 'stateBeforeValue'
  | 'stateHTMLCmt'
  | 'stateRCDATA'
  | 'stateAttr'
  | 'stateURL'
  | 'stateSrcset'
  | 'stateJS'
  | 'stateJSDqStr'
  | 'stateJSSqStr'
  | 'stateJSTmplLit'
  | 'stateJSRegexp'
  | 'stateJSBlockCmt'
  | 'stateJSLineCmt'
  | 'stateJSHTMLOpenCmt'
  | 'stateJSHTMLCloseCmt'
  | 'stateCSS'
  | 'stateCSSDqStr'
  | 'stateCSSSqStr'
  | 'stateCSSDqURL'
  | 'stateCSSSqURL'
  | 'stateCSSURL'
  | 'stateCSSBlockCmt'
  | 'stateCSSLineCmt'
  | 'stateError'
  | 'stateDead';

export type Delim = 'delimNone' | 'delimDoubleQuote' | 'delimSingleQuote' | 'delimSpaceOrTagEnd';
export type UrlPart = 'urlPartNone' | 'urlPartPreQuery' | 'urlPartQueryOrFrag' | 'urlPartUnknown';
export type JsCtx = 'jsCtxRegexp' | 'jsCtxDivOp' | 'jsCtxUnknown';
export type Attr = 'attrNone' | 'attrScript' | 'attrScriptType' | 'attrStyle' | 'attrURL' | 'attrSrcset';
export type Element = 'elementNone' | 'elementScript' | 'elementStyle' | 'elementTextarea' | 'elementTitle';

export interface Context {
  state: State;
  delim: Delim;
  urlPart: UrlPart;
  jsCtx: JsCtx;
  jsBraceDepth: number[];
  attr: Attr;
  element: Element;
  err?: string;
}

export function ctx(partial: Partial<Context> = {}): Context {
  return {
    state: 'stateText',
    delim: 'delimNone',
    urlPart: 'urlPartNone',
    jsCtx: 'jsCtxRegexp',
    jsBraceDepth: [],
    attr: 'attrNone',
    element: 'elementNone',
    ...partial,
  };
}

export function ctxEq(a: Context, b: Context): boolean {
  return (
    a.state === b.state &&
    a.delim === b.delim &&
    a.urlPart === b.urlPart &&
    a.jsCtx === b.jsCtx &&
    a.attr === b.attr &&
    a.element === b.element &&
    a.err === b.err &&
    a.jsBraceDepth.length === b.jsBraceDepth.length &&
    a.jsBraceDepth.every((d, i) => d === b.jsBraceDepth[i])
  );
}

export function ctxString(c: Context): string {
  return `{${c.state} ${c.delim} ${c.urlPart} ${c.jsCtx} ${c.attr} ${c.element} ${c.err ?? '<nil>'}}`;
}

/** The derived template name for a template called in context c (Go's context.mangle). */
export function mangle(c: Context, name: string): string {
  if (c.state === 'stateText') return name;
  let s = `${name}$htmltemplate_${c.state}`;
  if (c.delim !== 'delimNone') s += '_' + c.delim;
  if (c.urlPart !== 'urlPartNone') s += '_' + c.urlPart;
  if (c.jsCtx !== 'jsCtxRegexp') s += '_' + c.jsCtx;
  if (c.jsBraceDepth.length > 0) s += '_jsBraceDepth(' + c.jsBraceDepth.join(',') + ')';
  if (c.attr !== 'attrNone') s += '_' + c.attr;
  if (c.element !== 'elementNone') s += '_' + c.element;
  return s;
}

export function isComment(s: State): boolean {
  switch (s) {
    case 'stateHTMLCmt':
    case 'stateJSBlockCmt':
    case 'stateJSLineCmt':
    case 'stateJSHTMLOpenCmt':
    case 'stateJSHTMLCloseCmt':
    case 'stateCSSBlockCmt':
    case 'stateCSSLineCmt':
      return true;
    default:
      return false;
  }
}

export function isInTag(s: State): boolean {
  switch (s) {
    case 'stateTag':
    case 'stateAttrName':
    case 'stateAfterName':
    case 'stateBeforeValue':
    case 'stateAttr':
      return true;
    default:
      return false;
  }
}

export const ATTR_START_STATES: Readonly<Record<Attr, State>> = {
  attrNone: 'stateAttr',
  attrScript: 'stateJS',
  attrScriptType: 'stateAttr',
  attrStyle: 'stateCSS',
  attrURL: 'stateURL',
  attrSrcset: 'stateSrcset',
};

/** Go's nudge: the context after following empty-string transitions. */
export function nudge(c: Context): Context {
  switch (c.state) {
    case 'stateTag':
      return { ...c, state: 'stateAttrName' };
    case 'stateBeforeValue':
      return { ...c, state: ATTR_START_STATES[c.attr], delim: 'delimSpaceOrTagEnd', attr: 'attrNone' };
    case 'stateAfterName':
      return { ...c, state: 'stateAttrName', attr: 'attrNone' };
    default:
      return c;
  }
}

export function errorCtx(err: string): Context {
  return ctx({ state: 'stateError', err });
}

/** An error context positioned at a node, as html/template reports escaping errors. */
export function nodeErr(n: Node, desc: string): Context {
  const { location } = errorContext(n);
  return errorCtx(`html/template:${location}: ${desc}`);
}

/** A transition consumes a prefix of template text and returns the context after it. */
export type Transition = (c: Context, s: string) => [Context, number];
