// Lexer for Go template syntax, following text/template/parse/lex.go: the same item kinds, the
// same trim-marker rules ("{{- " and " -}}") and the same error texts, because parse errors
// surface to template authors and must read like Kratos's.
// Items are defined in lex-items.ts, the scanner in lex-scanner.ts and operands in lex-operands.ts;
// this file holds the text, delimiter, comment and action states.

import type { Item } from './lex-items';
import { OperandLexer } from './lex-operands';
import {
  hasLeftTrimMarker,
  hasRightTrimMarker,
  isAlphaNumeric,
  isSpace,
  LEFT_COMMENT,
  LEFT_DELIM,
  type LexOptions,
  RIGHT_COMMENT,
  RIGHT_DELIM,
  rightTrimLength,
  runeDesc,
  TRIM_MARKER_LEN,
} from './lex-scanner';

export { itemString, type Item, type ItemType } from './lex-items';

// Each state method returns false to stop (after emitting eof or error).
class Lexer extends OperandLexer {
  /** Go's lexText, the start state: text up to the next action. */
  run(): boolean {
    const x = this.input.indexOf(LEFT_DELIM, this.pos);
    if (x >= 0) {
      if (x > this.pos) {
        this.pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(this.input, this.pos + LEFT_DELIM.length))
          trimLength = rightTrimLength(this.input.slice(this.start, this.pos));
        this.pos -= trimLength;
        if (this.pos > this.start) this.emit('text');
        this.pos += trimLength;
        this.start = this.pos;
      }
      return this.lexLeftDelim();
    }
    this.pos = this.input.length;
    if (this.pos > this.start) this.emit('text');
    this.items.push({ type: 'eof', pos: this.pos, val: '', line: this.lineAt(this.pos) });
    return false;
  }

  protected lexLeftDelim(): boolean {
    this.pos += LEFT_DELIM.length;
    const trim = hasLeftTrimMarker(this.input, this.pos);
    const afterMarker = trim ? TRIM_MARKER_LEN : 0;
    if (this.input.startsWith(LEFT_COMMENT, this.pos + afterMarker)) {
      this.pos += afterMarker;
      this.start = this.pos;
      return this.lexComment();
    }
    this.emit('leftDelim');
    this.pos += afterMarker;
    this.start = this.pos;
    this.parenDepth = 0;
    return this.lexInsideAction();
  }

  protected lexComment(): boolean {
    this.pos += LEFT_COMMENT.length;
    const x = this.input.indexOf(RIGHT_COMMENT, this.pos);
    if (x < 0) return this.fail('unclosed comment');
    this.pos = x + RIGHT_COMMENT.length;
    const [delim, trim] = this.atRightDelim();
    if (!delim) return this.fail('comment ends before closing delimiter');
    if (trim) this.pos += TRIM_MARKER_LEN;
    this.pos += RIGHT_DELIM.length;
    if (trim) this.pos += this.leftTrimLength(this.pos);
    this.start = this.pos;
    return true; // back to text
  }

  protected lexRightDelim(): boolean {
    const [, trim] = this.atRightDelim();
    if (trim) {
      this.pos += TRIM_MARKER_LEN;
      this.start = this.pos;
    }
    this.pos += RIGHT_DELIM.length;
    this.emit('rightDelim');
    if (trim) {
      this.pos += this.leftTrimLength(this.pos);
      this.start = this.pos;
    }
    return true; // back to text
  }

  protected lexInsideAction(): boolean {
    for (;;) {
      const [delim] = this.atRightDelim();
      if (delim) {
        if (this.parenDepth === 0) return this.lexRightDelim();
        return this.fail('unclosed left paren');
      }
      const r = this.next();
      if (r === undefined) return this.fail('unclosed action');
      if (isSpace(r)) {
        this.backup(r);
        // lexSpace
        let numSpaces = 0;
        while (isSpace(this.peek())) {
          this.next();
          numSpaces++;
        }
        if (
          hasRightTrimMarker(this.input, this.pos - 1) &&
          this.input.startsWith(RIGHT_DELIM, this.pos - 1 + TRIM_MARKER_LEN)
        ) {
          this.pos--; // before the space of " -}}"
          if (numSpaces === 1) continue; // at the delimiter
        }
        this.emit('space');
        continue;
      }
      switch (r) {
        case '=':
          this.emit('assign');
          continue;
        case ':':
          if (this.next() !== '=') return this.fail('expected :=');
          this.emit('declare');
          continue;
        case '|':
          this.emit('pipe');
          continue;
        case '"':
          if (!this.lexQuote()) return false;
          continue;
        case '`':
          if (!this.lexRawQuote()) return false;
          continue;
        case '$':
          if (!this.lexVariable()) return false;
          continue;
        case "'":
          if (!this.lexChar()) return false;
          continue;
        case '(':
          this.parenDepth++;
          this.emit('leftParen');
          continue;
        case ')':
          this.parenDepth--;
          if (this.parenDepth < 0) return this.fail('unexpected right paren');
          this.emit('rightParen');
          continue;
      }
      if (r === '.') {
        const c = this.input[this.pos];
        if (this.pos < this.input.length && c !== undefined && (c < '0' || c > '9')) {
          if (!this.lexFieldOrVariable('field')) return false;
          continue;
        }
      }
      if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        this.backup(r);
        if (!this.lexNumber()) return false;
        continue;
      }
      if (isAlphaNumeric(r)) {
        this.backup(r);
        if (!this.lexIdentifier()) return false;
        continue;
      }
      const cp = r.codePointAt(0) ?? 0;
      if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) {
        this.emit('char');
        continue;
      }
      return this.fail(`unrecognized character in action: ${runeDesc(r)}`);
    }
  }
}

/** Tokenizes a whole template source. The last item is 'eof' or 'error'. */
export function lex(input: string, opts: LexOptions): Item[] {
  const lexer = new Lexer(input, opts);
  while (lexer.run());
  return lexer.items;
}
