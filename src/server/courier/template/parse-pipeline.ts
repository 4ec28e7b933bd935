// Pipelines, commands and operands (the expression half of text/template/parse/parse.go),
// including variable declarations and their scoping.

import type { CommandNode, Node, PipeNode, Source, VariableNode } from './ast';
import { nodeString } from './ast';
import { quote } from './fmt/quote';
import type { Item, ItemType } from './lexer';
import { SyntaxError_, parseNumber } from './literals';
import { TokenStream } from './parse-stream';

export class PipelineParser extends TokenStream {
  protected vars: string[] = ['$'];
  protected rangeDepth = 0;

  constructor(
    src: Source,
    items: Item[],
    protected readonly hasFunc: (name: string) => boolean,
  ) {
    super(src, items);
  }

  protected pipeline(context: string, end: ItemType): PipeNode {
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

  protected checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0]?.type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  protected command(): CommandNode {
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

  protected operand(): Node | null {
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

  protected term(): Node | null {
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

  protected newVariable(pos: number, name: string): VariableNode {
    return { type: 'variable', pos, src: this.src, ident: name.split('.') };
  }

  protected useVar(pos: number, name: string): VariableNode {
    const v = this.newVariable(pos, name);
    if (!this.vars.includes(v.ident[0] ?? '')) this.errorf(`undefined variable ${quote(v.ident[0] ?? '')}`);
    return v;
  }
}
