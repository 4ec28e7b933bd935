// Lexer for Go template syntax, following text/template/parse/lex.go: the same item kinds, the
// same trim-marker rules ("{{- " and " -}}") and the same error texts, because parse errors
// surface to template authors and must read like Kratos's.

export type ItemType =
  | 'error'
  | 'bool'
  | 'char'
  | 'charConstant'
  | 'comment'
  | 'complex'
  | 'assign'
  | 'declare'
  | 'eof'
  | 'field'
  | 'identifier'
  | 'leftDelim'
  | 'leftParen'
  | 'number'
  | 'pipe'
  | 'rawString'
  | 'rightDelim'
  | 'rightParen'
  | 'space'
  | 'string'
  | 'text'
  | 'variable'
  // keywords
  | 'block'
  | 'break'
  | 'continue'
  | 'dot'
  | 'define'
  | 'else'
  | 'end'
  | 'if'
  | 'nil'
  | 'range'
  | 'template'
  | 'with';

const KEYWORDS: ReadonlyMap<string, ItemType> = new Map<string, ItemType>([
  ['.', 'dot'],
  ['block', 'block'],
  ['break', 'break'],
  ['continue', 'continue'],
  ['define', 'define'],
  ['else', 'else'],
  ['end', 'end'],
  ['if', 'if'],
  ['range', 'range'],
  ['nil', 'nil'],
  ['template', 'template'],
  ['with', 'with'],
]);

const KEYWORD_TYPES: ReadonlySet<ItemType> = new Set(KEYWORDS.values());

export interface Item {
  type: ItemType;
  pos: number;
  val: string;
  line: number;
}

/** Go's item.String(), used in "unexpected X in Y" messages. */
export function itemString(i: Item): string {
  if (i.type === 'eof') return 'EOF';
  if (i.type === 'error') return i.val;
  if (KEYWORD_TYPES.has(i.type)) return `<${i.val}>`;
  if ([...i.val].length > 10) return goQuote([...i.val].slice(0, 10).join('')) + '...';
  return goQuote(i.val);
}

// Minimal strconv.Quote for messages; the full version lives in fmt/quote.ts.
import { quote as goQuote } from './fmt/quote';

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const TRIM_MARKER_LEN = 2;

function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\r' || c === '\n';
}

function isAlphaNumeric(c: string | undefined): boolean {
  if (c === undefined) return false;
  return c === '_' || /^[\p{L}\p{Nd}]$/u.test(c);
}

function hasLeftTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && s[at] === '-' && isSpace(s[at + 1]);
}

function hasRightTrimMarker(s: string, at: number): boolean {
  return s.length - at >= 2 && isSpace(s[at]) && s[at + 1] === '-';
}

/** Go's %#U: U+0041 'A'. */
function runeDesc(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) ? `${hex} '${c}'` : hex;
}

/** Tokenizes a whole template source. The last item is 'eof' or 'error'. */
export function lex(input: string, opts: { breakOK: boolean; continueOK: boolean }): Item[] {
  const items: Item[] = [];
  // Line numbers are derived from positions; lineStarts lets us binary-search them.
  const lineStarts = [0];
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const lineAt = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  let start = 0;
  let pos = 0;
  let parenDepth = 0;

  const emit = (type: ItemType): void => {
    items.push({ type, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const fail = (msg: string): false => {
    items.push({ type: 'error', pos: start, val: msg, line: lineAt(start) });
    return false;
  };
  const next = (): string | undefined => {
    if (pos >= input.length) return undefined;
    const cp = input.codePointAt(pos) ?? 0;
    const c = String.fromCodePoint(cp);
    pos += c.length;
    return c;
  };
  const peek = (): string | undefined => {
    if (pos >= input.length) return undefined;
    return String.fromCodePoint(input.codePointAt(pos) ?? 0);
  };
  const backup = (c: string | undefined): void => {
    if (c !== undefined) pos -= c.length;
  };
  const accept = (valid: string): boolean => {
    const c = peek();
    if (c !== undefined && valid.includes(c)) {
      pos += c.length;
      return true;
    }
    return false;
  };
  const acceptRun = (valid: string): void => {
    while (accept(valid));
  };
  const atRightDelim = (): [delim: boolean, trim: boolean] => {
    if (hasRightTrimMarker(input, pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LEN))
      return [true, true];
    if (input.startsWith(RIGHT_DELIM, pos)) return [true, false];
    return [false, false];
  };
  const atTerminator = (): boolean => {
    const c = peek();
    if (c === undefined || isSpace(c)) return true;
    if ('.,|:()'.includes(c)) return true;
    return input.startsWith(RIGHT_DELIM, pos);
  };
  const rightTrimLength = (s: string): number => s.length - s.replace(/[ \t\r\n]+$/, '').length;
  const leftTrimLength = (at: number): number => {
    let i = at;
    while (i < input.length && isSpace(input[i])) i++;
    return i - at;
  };

  // Each state function returns false to stop (after emitting eof or error).
  const lexText = (): boolean => {
    const x = input.indexOf(LEFT_DELIM, pos);
    if (x >= 0) {
      if (x > pos) {
        pos = x;
        let trimLength = 0;
        if (hasLeftTrimMarker(input, pos + LEFT_DELIM.length))
          trimLength = rightTrimLength(input.slice(start, pos));
        pos -= trimLength;
        if (pos > start) emit('text');
        pos += trimLength;
        start = pos;
      }
      return lexLeftDelim();
    }
    pos = input.length;
    if (pos > start) emit('text');
    items.push({ type: 'eof', pos, val: '', line: lineAt(pos) });
    return false;
  };

  const lexLeftDelim = (): boolean => {
    pos += LEFT_DELIM.length;
    const trim = hasLeftTrimMarker(input, pos);
    const afterMarker = trim ? TRIM_MARKER_LEN : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      pos += afterMarker;
      start = pos;
      return lexComment();
    }
    emit('leftDelim');
    pos += afterMarker;
    start = pos;
    parenDepth = 0;
    return lexInsideAction();
  };

  const lexComment = (): boolean => {
    pos += LEFT_COMMENT.length;
    const x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) return fail('unclosed comment');
    pos = x + RIGHT_COMMENT.length;
    const [delim, trim] = atRightDelim();
    if (!delim) return fail('comment ends before closing delimiter');
    if (trim) pos += TRIM_MARKER_LEN;
    pos += RIGHT_DELIM.length;
    if (trim) pos += leftTrimLength(pos);
    start = pos;
    return true; // back to text
  };

  const lexRightDelim = (): boolean => {
    const [, trim] = atRightDelim();
    if (trim) {
      pos += TRIM_MARKER_LEN;
      start = pos;
    }
    pos += RIGHT_DELIM.length;
    emit('rightDelim');
    if (trim) {
      pos += leftTrimLength(pos);
      start = pos;
    }
    return true; // back to text
  };

  const lexInsideAction = (): boolean => {
    for (;;) {
      const [delim] = atRightDelim();
      if (delim) {
        if (parenDepth === 0) return lexRightDelim();
        return fail('unclosed left paren');
      }
      const r = next();
      if (r === undefined) return fail('unclosed action');
      if (isSpace(r)) {
        backup(r);
        // lexSpace
        let numSpaces = 0;
        while (isSpace(peek())) {
          next();
          numSpaces++;
        }
        if (hasRightTrimMarker(input, pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LEN)) {
          pos--; // before the space of " -}}"
          if (numSpaces === 1) continue; // at the delimiter
        }
        emit('space');
        continue;
      }
      switch (r) {
        case '=':
          emit('assign');
          continue;
        case ':':
          if (next() !== '=') return fail('expected :=');
          emit('declare');
          continue;
        case '|':
          emit('pipe');
          continue;
        case '"':
          if (!lexQuote()) return false;
          continue;
        case '`':
          if (!lexRawQuote()) return false;
          continue;
        case '$':
          if (!lexVariable()) return false;
          continue;
        case "'":
          if (!lexChar()) return false;
          continue;
        case '(':
          parenDepth++;
          emit('leftParen');
          continue;
        case ')':
          parenDepth--;
          if (parenDepth < 0) return fail('unexpected right paren');
          emit('rightParen');
          continue;
      }
      if (r === '.') {
        const c = input[pos];
        if (pos < input.length && c !== undefined && (c < '0' || c > '9')) {
          if (!lexFieldOrVariable('field')) return false;
          continue;
        }
      }
      if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        backup(r);
        if (!lexNumber()) return false;
        continue;
      }
      if (isAlphaNumeric(r)) {
        backup(r);
        if (!lexIdentifier()) return false;
        continue;
      }
      const cp = r.codePointAt(0) ?? 0;
      if (cp <= 0x7f && cp >= 0x20 && cp !== 0x7f) {
        emit('char');
        continue;
      }
      return fail(`unrecognized character in action: ${runeDesc(r)}`);
    }
  };

  const lexIdentifier = (): boolean => {
    for (;;) {
      const r = next();
      if (isAlphaNumeric(r)) continue;
      backup(r);
      const word = input.slice(start, pos);
      if (!atTerminator()) return fail(`bad character ${runeDesc(r ?? '')}`);
      const kw = KEYWORDS.get(word);
      if (kw !== undefined && word !== '.') {
        if ((kw === 'break' && !opts.breakOK) || (kw === 'continue' && !opts.continueOK)) emit('identifier');
        else emit(kw);
      } else if (word === 'true' || word === 'false') emit('bool');
      else emit('identifier');
      return true;
    }
  };

  const lexVariable = (): boolean => {
    if (atTerminator()) {
      emit('variable');
      return true;
    }
    return lexFieldOrVariable('variable');
  };

  const lexFieldOrVariable = (type: 'field' | 'variable'): boolean => {
    if (atTerminator()) {
      emit(type === 'variable' ? 'variable' : 'dot');
      return true;
    }
    let r: string | undefined;
    for (;;) {
      r = next();
      if (!isAlphaNumeric(r)) {
        backup(r);
        break;
      }
    }
    if (!atTerminator()) return fail(`bad character ${runeDesc(r ?? '')}`);
    emit(type);
    return true;
  };

  const lexChar = (): boolean => {
    for (;;) {
      const r = next();
      if (r === '\\') {
        const r2 = next();
        if (r2 !== undefined && r2 !== '\n') continue;
        return fail('unterminated character constant');
      }
      if (r === undefined || r === '\n') return fail('unterminated character constant');
      if (r === "'") break;
    }
    emit('charConstant');
    return true;
  };

  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  };

  const lexNumber = (): boolean => {
    if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
    const sign = peek();
    if (sign === '+' || sign === '-') {
      if (!scanNumber() || input[pos - 1] !== 'i')
        return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
      emit('complex');
      return true;
    }
    emit('number');
    return true;
  };

  const lexQuote = (): boolean => {
    for (;;) {
      const r = next();
      if (r === '\\') {
        const r2 = next();
        if (r2 !== undefined && r2 !== '\n') continue;
        return fail('unterminated quoted string');
      }
      if (r === undefined || r === '\n') return fail('unterminated quoted string');
      if (r === '"') break;
    }
    emit('string');
    return true;
  };

  const lexRawQuote = (): boolean => {
    for (;;) {
      const r = next();
      if (r === undefined) return fail('unterminated raw quoted string');
      if (r === '`') break;
    }
    emit('rawString');
    return true;
  };

  while (lexText());
  return items;
}
