// html/template's contextual autoescaper (escape.go): walks the parse trees of the executed
// template and everything it calls, tracks the HTML context through text nodes, and appends
// escaping functions to each action's pipeline. Templates called in a non-text context get a
// derived copy under a mangled name, as in Go. HTML comments in template text are removed.

import type {
  ActionNode,
  BranchNode,
  CommandNode,
  ListNode,
  Node,
  PipeNode,
  TemplateNode,
  TextNode,
} from '../ast';
import { errorContext, nodeString } from '../ast';
import { TemplateError } from '../errors';
import { sprint } from '../fmt/print';
import { def, type FuncDef } from '../funcs';
import { ctx, ctxEq, ctxString, errorCtx, isComment, mangle, nudge, type Context } from './context';
import { ESCAPERS } from './escapers';
import { isJSType } from './js';
import { TRANSITIONS, tSpecialTagEnd } from './transition';

/** The escaper functions, callable from rewritten pipelines. */
export const ESCAPER_FUNCDEFS: ReadonlyMap<string, FuncDef> = new Map<string, FuncDef>([
  ...[...ESCAPERS].map(([name, fn]): [string, FuncDef] => [name, def([], (...a: unknown[]) => fn(a), 'any')]),
  [
    '_eval_args_',
    def([], (...a: unknown[]) => (a.length === 1 && typeof a[0] === 'string' ? a[0] : sprint(a)), 'any'),
  ],
]);

const PREDEFINED = new Set(['html', 'urlquery']);
const EQUIV: Readonly<Record<string, string>> = {
  _html_template_attrescaper: 'html',
  _html_template_htmlescaper: 'html',
  _html_template_rcdataescaper: 'html',
  _html_template_urlescaper: 'urlquery',
  _html_template_urlnormalizer: 'urlquery',
};
const REDUNDANT: Readonly<Record<string, readonly string[]>> = {
  _html_template_commentescaper: ['_html_template_attrescaper', '_html_template_htmlescaper'],
  _html_template_cssescaper: ['_html_template_attrescaper'],
  _html_template_jsregexpescaper: ['_html_template_attrescaper'],
  _html_template_jsstrescaper: ['_html_template_attrescaper'],
  _html_template_urlescaper: ['_html_template_urlnormalizer'],
};
const normalizeEsc = (e: string): string => EQUIV[e] ?? e;

const DELIM_ENDS = {
  delimDoubleQuote: '"',
  delimSingleQuote: "'",
  delimSpaceOrTagEnd: ' \t\n\f\r>',
  delimNone: '',
} as const;

function nodeErr(n: Node, desc: string): Context {
  const { location } = errorContext(n);
  return errorCtx(`html/template:${location}: ${desc}`);
}

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

function join(a: Context, b: Context, node: Node, nodeName: string): Context {
  if (a.state === 'stateError') return a;
  if (b.state === 'stateError') return b;
  if (a.state === 'stateDead') return b;
  if (b.state === 'stateDead') return a;
  if (ctxEq(a, b)) return a;
  if (ctxEq({ ...a, urlPart: b.urlPart }, b)) return { ...a, urlPart: 'urlPartUnknown' };
  if (ctxEq({ ...a, jsCtx: b.jsCtx }, b)) return { ...a, jsCtx: 'jsCtxUnknown' };
  const na = nudge(a);
  const nb = nudge(b);
  if (!(ctxEq(na, a) && ctxEq(nb, b))) {
    const e = join(na, nb, node, nodeName);
    if (e.state !== 'stateError') return e;
  }
  return nodeErr(
    node,
    `{{${nodeName}}} branches end in different contexts: ${ctxString(a)}, ${ctxString(b)}`,
  );
}

interface RangeCtx {
  breaks: Context[];
  continues: Context[];
}

class Escaper {
  readonly out: Map<string, ListNode>;
  private readonly output = new Map<string, Context>();
  private readonly called = new Set<string>();
  private ranges: RangeCtx[] = [];

  constructor(private readonly trees: ReadonlyMap<string, ListNode>) {
    this.out = new Map(trees);
  }

  escapeTree(c: Context, name: string, node: Node | null): [Context, string] {
    const dname = mangle(c, name);
    this.called.add(dname);
    const known = this.output.get(dname);
    if (known !== undefined) return [known, dname];
    const root = this.trees.get(name);
    if (root === undefined) {
      const desc = `no such template ${JSON.stringify(name)}`;
      return [node ? nodeErr(node, desc) : errorCtx(`html/template:${name}: ${desc}`), dname];
    }
    // Assume the output context equals the input so recursive calls terminate (Go does the same),
    // then retry once with the computed context if the assumption was wrong.
    let assumed = c;
    for (let attempt = 0; attempt < 2; attempt++) {
      this.output.set(dname, assumed);
      this.called.delete(dname);
      const [c1, list] = this.escapeList(c, root);
      const recursive = this.called.has(dname);
      if (c1.state === 'stateError' || !recursive || ctxEq(c1, assumed)) {
        this.output.set(dname, c1);
        this.out.set(dname, list ?? root);
        return [c1, dname];
      }
      assumed = c1;
    }
    this.output.delete(dname);
    return [nodeErr(root, `cannot compute output context for template ${dname}`), dname];
  }

  private escapeList(c: Context, n: ListNode | null): [Context, ListNode | null] {
    if (n === null) return [c, null];
    const nodes: Node[] = [];
    let cur = c;
    for (const m of n.nodes) {
      const [c1, m1] = this.escape(cur, m);
      nodes.push(m1);
      cur = c1;
      if (cur.state === 'stateDead') break;
    }
    return [cur, { ...n, nodes }];
  }

  private escape(c: Context, n: Node): [Context, Node] {
    switch (n.type) {
      case 'action':
        return this.escapeAction(c, n);
      case 'break':
      case 'continue': {
        const rc = this.ranges[this.ranges.length - 1];
        if (rc) (n.type === 'break' ? rc.breaks : rc.continues).push(c);
        return [ctx({ state: 'stateDead' }), n];
      }
      case 'comment':
        return [c, n];
      case 'if':
      case 'range':
      case 'with':
        return this.escapeBranch(c, n);
      case 'template':
        return this.escapeTemplateCall(c, n);
      case 'text':
        return this.escapeText(c, n);
      default:
        return [c, n];
    }
  }

  private escapeAction(cIn: Context, n: ActionNode): [Context, Node] {
    if (n.pipe.decl.length !== 0) return [cIn, n];
    let c = nudge(cIn);
    const cmds = n.pipe.cmds;
    for (let pos = 0; pos < cmds.length; pos++) {
      const first = cmds[pos]?.args[0];
      if (first?.type !== 'identifier' || !PREDEFINED.has(first.name)) continue;
      if (
        pos < cmds.length - 1 ||
        (c.state === 'stateAttr' && c.delim === 'delimSpaceOrTagEnd' && first.name === 'html')
      ) {
        return [nodeErr(n, `predefined escaper ${JSON.stringify(first.name)} disallowed in template`), n];
      }
    }
    const s: string[] = [];
    switch (c.state) {
      case 'stateError':
        return [c, n];
      case 'stateURL':
      case 'stateCSSDqStr':
      case 'stateCSSSqStr':
      case 'stateCSSDqURL':
      case 'stateCSSSqURL':
      case 'stateCSSURL':
        switch (c.urlPart) {
          case 'urlPartNone':
          case 'urlPartPreQuery':
            if (c.urlPart === 'urlPartNone') s.push('_html_template_urlfilter');
            s.push(
              c.state === 'stateCSSDqStr' || c.state === 'stateCSSSqStr'
                ? '_html_template_cssescaper'
                : '_html_template_urlnormalizer',
            );
            break;
          case 'urlPartQueryOrFrag':
            s.push('_html_template_urlescaper');
            break;
          case 'urlPartUnknown':
            return [nodeErr(n, `${nodeString(n)} appears in an ambiguous context within a URL`), n];
        }
        break;
      case 'stateJS':
        s.push('_html_template_jsvalescaper');
        c = { ...c, jsCtx: 'jsCtxDivOp' };
        break;
      case 'stateJSDqStr':
      case 'stateJSSqStr':
        s.push('_html_template_jsstrescaper');
        break;
      case 'stateJSTmplLit':
        s.push('_html_template_jstmpllitescaper');
        break;
      case 'stateJSRegexp':
        s.push('_html_template_jsregexpescaper');
        break;
      case 'stateCSS':
        s.push('_html_template_cssvaluefilter');
        break;
      case 'stateText':
        s.push('_html_template_htmlescaper');
        break;
      case 'stateRCDATA':
        s.push('_html_template_rcdataescaper');
        break;
      case 'stateAttr':
        break;
      case 'stateAttrName':
      case 'stateTag':
        c = { ...c, state: 'stateAttrName' };
        s.push('_html_template_htmlnamefilter');
        break;
      case 'stateSrcset':
        s.push('_html_template_srcsetescaper');
        break;
      default:
        if (isComment(c.state)) s.push('_html_template_commentescaper');
        else return [errorCtx(`unexpected state ${c.state}`), n];
    }
    if (c.delim === 'delimSpaceOrTagEnd') s.push('_html_template_nospaceescaper');
    else if (c.delim !== 'delimNone') s.push('_html_template_attrescaper');
    return [c, { ...n, pipe: ensurePipelineContains(n.pipe, s) }];
  }

  private escapeBranch(c: Context, n: BranchNode): [Context, Node] {
    if (n.type === 'range') this.ranges.push({ breaks: [], continues: [] });
    const [first, list] = this.escapeList(c, n.list);
    let c0 = first;
    if (n.type === 'range') {
      if (c0.state !== 'stateError') c0 = this.joinRange(c0);
      this.ranges.pop();
      if (c0.state === 'stateError') return [c0, n];
      // The body can run twice: escaping it again from its own end context must agree.
      this.ranges.push({ breaks: [], continues: [] });
      const [c1] = this.escapeList(c0, n.list);
      c0 = join(c0, c1, n, 'range');
      if (c0.state === 'stateError') {
        this.ranges.pop();
        return [
          { ...c0, err: (c0.err ?? '').replace(/: (\{\{range\}\})/, ': on range loop re-entry: $1') },
          n,
        ];
      }
      c0 = this.joinRange(c0);
      this.ranges.pop();
      if (c0.state === 'stateError') return [c0, n];
    }
    const [c1, elseList] = this.escapeList(c, n.elseList);
    return [join(c0, c1, n, n.type), { ...n, list: list ?? n.list, elseList }];
  }

  private joinRange(c0In: Context): Context {
    let c0 = c0In;
    const rc = this.ranges[this.ranges.length - 1];
    if (!rc) return c0;
    for (const c of [...rc.breaks, ...rc.continues]) {
      c0 = join(c0, c, { type: 'break', pos: 0, line: 0, src: { parseName: '', text: '' } }, 'range');
      if (c0.state === 'stateError') return c0;
    }
    return c0;
  }

  private escapeTemplateCall(c: Context, n: TemplateNode): [Context, Node] {
    const [c1, name] = this.escapeTree(c, n.name, n);
    return [c1, name === n.name ? n : { ...n, name }];
  }

  private escapeText(cIn: Context, n: TextNode): [Context, Node] {
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
}

function identCmd(name: string, pipe: PipeNode): CommandNode {
  return {
    type: 'command',
    pos: pipe.pos,
    src: pipe.src,
    args: [{ type: 'identifier', name, pos: pipe.pos, src: pipe.src }],
  };
}

function firstIdent(cmd: CommandNode | undefined): string | undefined {
  const a = cmd?.args[0];
  return a?.type === 'identifier' ? a.name : undefined;
}

/** Go's ensurePipelineContains: append escapers, merging with a trailing html/urlquery. */
function ensurePipelineContains(p: PipeNode, sIn: string[]): PipeNode {
  if (sIn.length === 0) return p;
  const s = [...sIn];
  let cmds = [...p.cmds];
  let pipelineLen = cmds.length;
  const last = cmds[pipelineLen - 1];
  const esc = firstIdent(last);
  if (last && esc !== undefined && PREDEFINED.has(esc)) {
    if (cmds.length === 1 && last.args.length > 1) {
      // {{html .X .Y}} becomes {{_eval_args_ .X .Y | html}} so html can merge with s.
      const head = last.args[0] as Node;
      cmds = [
        {
          ...last,
          args: [
            { type: 'identifier', name: '_eval_args_', pos: head.pos, src: head.src },
            ...last.args.slice(1),
          ],
        },
        identCmd(esc, p),
      ];
      pipelineLen++;
    }
    let dup = false;
    s.forEach((e, i) => {
      if (normalizeEsc(esc) === normalizeEsc(e)) {
        s[i] = esc;
        dup = true;
      }
    });
    if (dup) pipelineLen--;
  }
  const newCmds = cmds.slice(0, pipelineLen);
  const inserted = new Set(
    newCmds
      .map(firstIdent)
      .filter((x): x is string => x !== undefined)
      .map(normalizeEsc),
  );
  for (const name of s) {
    if (inserted.has(normalizeEsc(name))) continue;
    const prev = firstIdent(newCmds[newCmds.length - 1]);
    if (prev !== undefined && REDUNDANT[prev]?.includes(name)) continue;
    newCmds.push(identCmd(name, p));
  }
  return { ...p, cmds: newCmds };
}

/**
 * Escapes the named template and everything it calls. Returns the set of trees to execute
 * (originals plus escaped copies). Throws TemplateError like Go's html/template Execute.
 */
export function escapeTemplateSet(trees: ReadonlyMap<string, ListNode>, name: string): Map<string, ListNode> {
  const e = new Escaper(trees);
  const [c] = e.escapeTree(ctx(), name, null);
  let err: string | undefined;
  if (c.err !== undefined) err = c.err;
  else if (c.state !== 'stateText') err = `ends in a non-text context: ${ctxString(c)}`;
  if (err !== undefined) {
    throw new TemplateError(
      err.startsWith('html/template:') ? err : `html/template:${name}: ${err}`,
      'escape',
    );
  }
  return e.out;
}
