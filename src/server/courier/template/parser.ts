// Parser for Go templates, following text/template/parse/parse.go: same grammar, same
// variable scoping, same "template: NAME:LINE: message" errors.

import type {
  BranchNode,
  CommandNode,
  ElseNode,
  EndNode,
  ListNode,
  Node,
  PipeNode,
  Source,
  TemplateNode,
  VariableNode,
} from './ast';
import { isEmptyTree, nodeString } from './ast';
import { TemplateError } from './errors';
import { itemString, lex, type Item, type ItemType } from './lexer';
import { quote } from './fmt/quote';
import { SyntaxError_, parseNumber, unquote } from './literals';

/** The result of parsing one source: its own tree plus every {{define}}/{{block}} inside it. */
export type TreeSet = Map<string, ListNode>;

class Tree {
  private items: Item[];
  private idx = 0;
  // Go keeps a three-token look-ahead buffer; token[0] is the most recently lexed item and is the
  // one whose line appears in error messages.
  private token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  private actionLine = 0;
  name: string;

  constructor(
    name: string,
    private readonly src: Source,
    items: Item[],
    private readonly hasFunc: (name: string) => boolean,
    private readonly treeSet: TreeSet,
  ) {
    this.name = name;
    this.items = items;
  }

  // --- token stream -------------------------------------------------------------------------

  private lexNext(): Item {
    const it = this.items[this.idx];
    if (it === undefined) {
      // The lexer always ends with eof or error; keep returning it.
      const last = this.items[this.items.length - 1];
      if (last === undefined) throw new Error('empty item stream');
      return last;
    }
    this.idx++;
    return it;
  }

  private next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount] as Item;
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }

  private peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  // --- errors ------------------------------------------------------------------------------

  errorf(msg: string): never {
    const line = this.token[0]?.line ?? 1;
    throw new TemplateError(`template: ${this.src.parseName}:${line}: ${msg}`, 'parse');
  }

  private expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== expected) this.unexpected(t, context);
    return t;
  }

  private expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== a && t.type !== b) this.unexpected(t, context);
    return t;
  }

  private unexpected(t: Item, context: string): never {
    if (t.type === 'error') {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== t.line) {
        extra = ` in action started at ${this.src.parseName}:${this.actionLine}`;
        if (t.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(itemString(t) + extra);
    }
    this.errorf(`unexpected ${itemString(t)} in ${context}`);
  }

  private unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }

  // --- grammar -----------------------------------------------------------------------------

  private newList(pos: number): ListNode {
    return { type: 'list', pos, src: this.src, nodes: [] };
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

  private pipeline(context: string, end: ItemType): PipeNode {
    const tok = this.peekNonSpace();
    const pipe: PipeNode = {
      type: 'pipe',
      pos: tok.pos,
      src: this.src,
      line: tok.line,
      isAssign: false,
      decl: [],
      cmds: [],
    };
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== 'variable') break;
      this.next();
      const tokenAfterVariable = this.peek();
      const nxt = this.peekNonSpace();
      if (nxt.type === 'assign' || nxt.type === 'declare') {
        pipe.isAssign = nxt.type === 'assign';
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
      } else if (nxt.type === 'char' && nxt.val === ',') {
        this.nextNonSpace();
        pipe.decl.push(this.newVariable(v.pos, v.val));
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const p = this.peekNonSpace().type;
          if (p === 'variable' || p === 'rightDelim' || p === 'rightParen') continue decls;
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === 'space') {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.type === end) {
        this.checkPipeline(pipe, context);
        return pipe;
      }
      switch (t.type) {
        case 'bool':
        case 'charConstant':
        case 'complex':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
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

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, src: this.src, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const t = this.next();
      if (t.type === 'space') continue;
      if (t.type === 'rightDelim' || t.type === 'rightParen') this.backup();
      else if (t.type !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  private operand(): Node | null {
    const node = this.term();
    if (node === null) return null;
    if (this.peek().type === 'field') {
      const pos = this.peek().pos;
      const fields: string[] = [];
      while (this.peek().type === 'field') fields.push(this.next().val.slice(1));
      switch (node.type) {
        case 'field':
          return { type: 'field', pos, src: this.src, ident: [...node.ident, ...fields] };
        case 'variable':
          return { type: 'variable', pos, src: this.src, ident: [...node.ident, ...fields] };
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
          break;
        default:
          return { type: 'chain', pos, src: this.src, node, field: fields };
      }
    }
    return node;
  }

  private term(): Node | null {
    const t = this.nextNonSpace();
    switch (t.type) {
      case 'identifier':
        if (!this.hasFunc(t.val)) this.errorf(`function ${quote(t.val)} not defined`);
        return { type: 'identifier', pos: t.pos, src: this.src, name: t.val };
      case 'dot':
        return { type: 'dot', pos: t.pos, src: this.src };
      case 'nil':
        return { type: 'nil', pos: t.pos, src: this.src };
      case 'variable':
        return this.useVar(t.pos, t.val);
      case 'field':
        return { type: 'field', pos: t.pos, src: this.src, ident: t.val.slice(1).split('.') };
      case 'bool':
        return { type: 'bool', pos: t.pos, src: this.src, value: t.val === 'true' };
      case 'charConstant':
      case 'complex':
      case 'number':
        try {
          return {
            type: 'number',
            pos: t.pos,
            src: this.src,
            text: t.val,
            ...parseNumber(t.val, t.type === 'charConstant'),
          };
        } catch (e) {
          if (e instanceof SyntaxError_) this.errorf(e.message);
          throw e;
        }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString':
        return { type: 'string', pos: t.pos, src: this.src, quoted: t.val, text: this.unquoteOrFail(t.val) };
    }
    this.backup();
    return null;
  }

  private newVariable(pos: number, name: string): VariableNode {
    return { type: 'variable', pos, src: this.src, ident: name.split('.') };
  }

  private useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0] ?? '')) this.errorf(`undefined variable ${quote(v.ident[0] ?? '')}`);
    return v;
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
