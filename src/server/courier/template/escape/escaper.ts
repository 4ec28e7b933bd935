// html/template's contextual autoescaper (escape.go): walks the parse trees of the executed
// template and everything it calls, tracks the HTML context through text nodes, and appends
// escaping functions to each action's pipeline. Templates called in a non-text context get a
// derived copy under a mangled name, as in Go. HTML comments in template text are removed.
// Actions are escaped in action.ts and text in text.ts; this file walks the trees and joins the
// contexts of branches, ranges and template calls.

import type { BranchNode, ListNode, Node, TemplateNode } from '../ast';
import { TemplateError } from '../errors';
import { escapeAction } from './action';
import { ctx, ctxEq, ctxString, errorCtx, mangle, nodeErr, nudge, type Context } from './context';
import { escapeText } from './text';

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
        return escapeAction(c, n);
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
        return escapeText(c, n);
      default:
        return [c, n];
    }
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
