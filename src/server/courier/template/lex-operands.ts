// Lexing the operands inside an action (lex.go): identifiers and keywords, fields and
// variables, character constants, numbers and quoted strings. Each returns false after
// emitting an error item.

import { quote as goQuote } from './fmt/quote';
import { KEYWORDS } from './lex-items';
import { isAlphaNumeric, runeDesc, Scanner } from './lex-scanner';

export class OperandLexer extends Scanner {
  protected lexIdentifier(): boolean {
    for (;;) {
      const r = this.next();
      if (isAlphaNumeric(r)) continue;
      this.backup(r);
      const word = this.input.slice(this.start, this.pos);
      if (!this.atTerminator()) return this.fail(`bad character ${runeDesc(r ?? '')}`);
      const kw = KEYWORDS.get(word);
      if (kw !== undefined && word !== '.') {
        if ((kw === 'break' && !this.opts.breakOK) || (kw === 'continue' && !this.opts.continueOK))
          this.emit('identifier');
        else this.emit(kw);
      } else if (word === 'true' || word === 'false') this.emit('bool');
      else this.emit('identifier');
      return true;
    }
  }

  protected lexVariable(): boolean {
    if (this.atTerminator()) {
      this.emit('variable');
      return true;
    }
    return this.lexFieldOrVariable('variable');
  }

  protected lexFieldOrVariable(type: 'field' | 'variable'): boolean {
    if (this.atTerminator()) {
      this.emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    let r: string | undefined;
    for (;;) {
      r = this.next();
      if (!isAlphaNumeric(r)) {
        this.backup(r);
        break;
      }
    }
    if (!this.atTerminator()) return this.fail(`bad character ${runeDesc(r ?? '')}`);
    this.emit(type);
    return true;
  }

  protected lexChar(): boolean {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        const r2 = this.next();
        if (r2 !== undefined && r2 !== '\n') continue;
        return this.fail('unterminated character constant');
      }
      if (r === undefined || r === '\n') return this.fail('unterminated character constant');
      if (r === "'") break;
    }
    this.emit('charConstant');
    return true;
  }

  protected scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (this.accept('oO')) digits = '01234567_';
      else if (this.accept('bB')) digits = '01_';
    }
    this.acceptRun(digits);
    if (this.accept('.')) this.acceptRun(digits);
    if (digits.length === 11 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 23 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }

  protected lexNumber(): boolean {
    if (!this.scanNumber())
      return this.fail(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
    const sign = this.peek();
    if (sign === '+' || sign === '-') {
      if (!this.scanNumber() || this.input[this.pos - 1] !== 'i')
        return this.fail(`bad number syntax: ${goQuote(this.input.slice(this.start, this.pos))}`);
      this.emit('complex');
      return true;
    }
    this.emit('number');
    return true;
  }

  protected lexQuote(): boolean {
    for (;;) {
      const r = this.next();
      if (r === '\\') {
        const r2 = this.next();
        if (r2 !== undefined && r2 !== '\n') continue;
        return this.fail('unterminated quoted string');
      }
      if (r === undefined || r === '\n') return this.fail('unterminated quoted string');
      if (r === '"') break;
    }
    this.emit('string');
    return true;
  }

  protected lexRawQuote(): boolean {
    for (;;) {
      const r = this.next();
      if (r === undefined) return this.fail('unterminated raw quoted string');
      if (r === '`') break;
    }
    this.emit('rawString');
    return true;
  }
}
