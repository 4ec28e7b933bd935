// The lexer's scanner: position bookkeeping, item emission and character classes
// (text/template/parse/lex.go's lexer methods and helper predicates).

import type { Item, ItemType } from './lex-items';

export const LEFT_DELIM = '{{';
export const RIGHT_DELIM = '}}';
export const LEFT_COMMENT = '/*';
export const RIGHT_COMMENT = '*/';
export const TRIM_MARKER_LEN = 2;

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

export function isAlphaNumeric(c: string | undefined): boolean {
  if (c === undefined) return false;
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}

export function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s[at + 1]);
}

export function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s[at]) && s[at + 1] === '-';
}

/** Go's %#U: U+0041 'A'. */
export function runeDesc(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `${hex} '${c}'` : hex;
}

/** Length of the trailing space a "{{- " trim marker removes from the preceding text. */
export function rightTrimLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, '').length;
}

export interface LexOptions {
  breakOK: boolean;
  continueOK: boolean;
}

export class Scanner {
  readonly items: Item[] = [];
  // Line numbers are derived from positions; lineStarts lets us binary-search them.
  private readonly lineStarts = [0];
  protected start = 0;
  protected pos = 0;
  protected parenDepth = 0;

  constructor(
    protected readonly input: string,
    protected readonly opts: LexOptions,
  ) {
    for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  protected lineAt(pos: number): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }

  protected emit(type: ItemType): void {
    this.items.push({
      type,
      pos: this.start,
      val: this.input.slice(this.start, this.pos),
      line: this.lineAt(this.start),
    });
    this.start = this.pos;
  }

  protected fail(msg: string): false {
    this.items.push({ type: 'error', pos: this.start, val: msg, line: this.lineAt(this.start) });
    return false;
  }

  protected next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    const cp = this.input.codePointAt(this.pos) ?? 0;
    const c = String.fromCodePoint(cp);
    this.pos += c.length;
    return c;
  }

  protected peek(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    return String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
  }

  protected backup(c: string | undefined): void {
    if (c !== undefined) this.pos -= c.length;
  }

  protected accept(valid: string): boolean {
    const c = this.peek();
    if (c !== undefined && valid.includes(c)) {
      this.pos += c.length;
      return true;
    }
    return false;
  }

  protected acceptRun(valid: string): void {
    while (this.accept(valid));
  }

  protected atRightDelim(): [delim: boolean, trim: boolean] {
    if (
      hasRightTrimMarker(this.input, this.pos) &&
      this.input.startsWith(RIGHT_DELIM, this.pos + TRIM_MARKER_LEN)
    )
      return [true, true];
    if (this.input.startsWith(RIGHT_DELIM, this.pos)) return [true, false];
    return [false, false];
  }

  protected atTerminator(): boolean {
    const c = this.peek();
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:()'.includes(c)) return true;
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  protected leftTrimLength(at: number): number {
    let i = at;
    while (i < this.input.length && isSpace(this.input[i])) i++;
    return i - at;
  }
}
