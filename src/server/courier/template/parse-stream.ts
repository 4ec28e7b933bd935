// The parser's token stream (text/template/parse/parse.go): Go's three-token look-ahead buffer
// over the lexer's items, and the parse errors with Go's "template: NAME:LINE: message" form.

import type { ListNode, Source } from './ast';
import { TemplateError } from './errors';
import { itemString, type Item, type ItemType } from './lexer';
import { SyntaxError_, unquote } from './literals';

export class TokenStream {
  protected idx = 0;
  // Go keeps a three-token look-ahead buffer; token[0] is the most recently lexed item and is the
  // one whose line appears in error messages.
  protected token: Item[] = [];
  protected peekCount = 0;
  protected actionLine = 0;

  constructor(
    protected readonly src: Source,
    protected readonly items: Item[],
  ) {}

  protected lexNext(): Item {
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

  protected next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lexNext();
    return this.token[this.peekCount] as Item;
  }

  protected backup(): void {
    this.peekCount++;
  }

  protected backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  protected backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  protected peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1] as Item;
    this.peekCount = 1;
    this.token[0] = this.lexNext();
    return this.token[0];
  }

  protected nextNonSpace(): Item {
    let t: Item;
    do t = this.next();
    while (t.type === 'space');
    return t;
  }

  protected peekNonSpace(): Item {
    const t = this.nextNonSpace();
    this.backup();
    return t;
  }

  errorf(msg: string): never {
    const line = this.token[0]?.line ?? 1;
    throw new TemplateError(`template: ${this.src.parseName}:${line}: ${msg}`, 'parse');
  }

  protected expect(expected: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== expected) this.unexpected(t, context);
    return t;
  }

  protected expectOneOf(a: ItemType, b: ItemType, context: string): Item {
    const t = this.nextNonSpace();
    if (t.type !== a && t.type !== b) this.unexpected(t, context);
    return t;
  }

  protected unexpected(t: Item, context: string): never {
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

  protected unquoteOrFail(lit: string): string {
    try {
      return unquote(lit);
    } catch (e) {
      if (e instanceof SyntaxError_) this.errorf(e.message);
      throw e;
    }
  }

  protected newList(pos: number): ListNode {
    return { type: 'list', pos, src: this.src, nodes: [] };
  }
}
