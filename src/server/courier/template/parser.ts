// Parser for Go templates, following text/template/parse/parse.go: same grammar, same
// variable scoping, same "template: NAME:LINE: message" errors.
// This file parses the control structures and {{define}}s; parse-pipeline.ts parses expressions
// and parse-stream.ts holds the token stream.

import type { BranchNode, ElseNode, EndNode, ListNode, Node, PipeNode, Source, TemplateNode } from './ast';
import { isEmptyTree, nodeString } from './ast';
import { quote } from './fmt/quote';
import { lex, type Item } from './lexer';
import { PipelineParser } from './parse-pipeline';

/** The result of parsing one source: its own tree plus every {{define}}/{{block}} inside it. */
export type TreeSet = Map<string, ListNode>;

class Tree extends PipelineParser {
  name: string;

  constructor(
    name: string,
    src: Source,
    items: Item[],
    hasFunc: (name: string) => boolean,
    private readonly treeSet: TreeSet,
  ) {
    super(src, items, hasFunc);
    this.name = name;
  }

  /** Parses the top level of a source: text, actions and {{define}} blocks. */
  parseTop(): ListNode {
    const root = this.newList(this.peek().pos);
    while (this.peek().type !== 'eof') {
      if (this.peek().type === 'leftDelim') {
        const delim = this.next();
        if (this.nextNonSpace().type === 'define') {
          this.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      root.nodes.push(n);
    }
    return root;
  }

  /** A nested tree ({{define}} or {{block}}) shares the token stream but has its own scope. */
  private subTree(name: string): Tree {
    const sub = new Tree(name, this.src, this.items, this.hasFunc, this.treeSet);
    sub.idx = this.idx;
    sub.token = this.token;
    sub.peekCount = this.peekCount;
    return sub;
  }

  private adopt(sub: Tree): void {
    this.idx = sub.idx;
    this.token = sub.token;
    this.peekCount = sub.peekCount;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const sub = this.subTree('definition');
    const nameItem = sub.expectOneOf('string', 'rawString', context);
    sub.name = sub.unquoteOrFail(nameItem.val);
    sub.expect('rightDelim', context);
    const [root, end] = sub.itemList();
    if (end.type !== 'end') sub.errorf(`unexpected ${nodeString(end)} in ${context}`);
    sub.add(root);
    this.adopt(sub);
  }

  add(root: ListNode): void {
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.treeSet.set(this.name, root);
      return;
    }
    if (!isEmptyTree(root)) this.errorf(`template: multiple definition of template ${quote(this.name)}`);
  }

  private itemList(): [ListNode, ElseNode | EndNode] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== 'eof') {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'text':
        return { type: 'text', pos: t.pos, src: this.src, text: t.val };
      case 'leftDelim': {
        this.actionLine = t.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case 'comment':
        return { type: 'comment', pos: t.pos, src: this.src, text: t.val };
      default:
        this.unexpected(t, 'input');
    }
  }

  private action(): Node {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'block':
        return this.blockControl();
      case 'break':
        return this.breakControl(t, 'break');
      case 'continue':
        return this.breakControl(t, 'continue');
      case 'else':
        return this.elseControl();
      case 'end':
        return this.endControl();
      case 'if':
        return this.branch('if');
      case 'range':
        return this.branch('range');
      case 'template':
        return this.templateControl();
      case 'with':
        return this.branch('with');
    }
    this.backup();
    const tok = this.peek();
    return {
      type: 'action',
      pos: tok.pos,
      src: this.src,
      line: tok.line,
      pipe: this.pipeline('command', 'rightDelim'),
    };
  }

  private breakControl(t: Item, kind: 'break' | 'continue'): Node {
    const tok = this.nextNonSpace();
    if (tok.type !== 'rightDelim') this.unexpected(tok, `{{${kind}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kind}}} outside {{range}}`);
    return { type: kind, pos: t.pos, src: this.src, line: t.line };
  }

  private branch(context: 'if' | 'range' | 'with'): BranchNode {
    const mark = this.vars.length;
    try {
      const pipe = this.pipeline(context, 'rightDelim');
      if (context === 'range') this.rangeDepth++;
      const [list, first] = this.itemList();
      let next = first;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        // "{{else if}}" and "{{else with}}" nest a new branch that consumes the shared {{end}}.
        if (
          (context === 'if' && this.peek().type === 'if') ||
          (context === 'with' && this.peek().type === 'with')
        ) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch(context));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      return { type: context, pos: pipe.pos, src: this.src, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = mark;
    }
  }

  private elseControl(): ElseNode {
    const p = this.peekNonSpace();
    if (p.type === 'if' || p.type === 'with')
      return { type: 'else', pos: p.pos, src: this.src, line: p.line };
    const t = this.expect('rightDelim', 'else');
    return { type: 'else', pos: t.pos, src: this.src, line: t.line };
  }

  private endControl(): EndNode {
    return { type: 'end', pos: this.expect('rightDelim', 'end').pos, src: this.src };
  }

  private templateName(t: Item, context: string): string {
    if (t.type === 'string' || t.type === 'rawString') return this.unquoteOrFail(t.val);
    this.unexpected(t, context);
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    const pipe = this.pipeline(context, 'rightDelim');
    const sub = this.subTree(name);
    const [root, end] = sub.itemList();
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    sub.add(root);
    this.adopt(sub);
    return { type: 'template', pos: t.pos, src: this.src, line: t.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const t = this.nextNonSpace();
    const name = this.templateName(t, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().type !== 'rightDelim') {
      this.backup();
      pipe = this.pipeline(context, 'rightDelim');
    }
    return { type: 'template', pos: t.pos, src: this.src, line: t.line, name, pipe };
  }
}

/**
 * Parses one named source. Returns its trees: the source's own body under `name` and each
 * {{define}}/{{block}} under its own name. Throws TemplateError on syntax errors.
 */
export function parseSource(name: string, text: string, hasFunc: (name: string) => boolean): TreeSet {
  const src: Source = { parseName: name, text };
  const items = lex(text, { breakOK: true, continueOK: true });
  const treeSet: TreeSet = new Map();
  const tree = new Tree(name, src, items, hasFunc, treeSet);
  const root = tree.parseTop();
  tree.add(root);
  return treeSet;
}
