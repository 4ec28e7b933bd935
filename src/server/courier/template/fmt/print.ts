// Go's fmt.Sprint and Sprintln for the value model in ../values.ts (fmt/print.go): choosing the
// formatting for each operand and verb, the `%!verb(type=value)` error forms, slices and maps.
// Sprintf's format parsing is in printf.ts; the primitives are in format.ts. Together they follow
// fmt's structure so that flags, widths and argument indexes come out byte-identical.

import { goKind, goTypeName, mapEntries, type GoMap } from '../values';
import { Formatter, validRune } from './format';
import { isPrint, quoteRune } from './quote';

export class Printer extends Formatter {
  private fmtBool(v: boolean, verb: string, arg: unknown): void {
    if (verb === 't' || verb === 'v') this.pad(v ? 'true' : 'false');
    else this.badVerb(verb, arg);
  }

  private fmtIntegerVerb(v: bigint, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
      case 'd':
        return this.fmtInteger(v, 10, verb, false);
      case 'b':
        return this.fmtInteger(v, 2, verb, false);
      case 'o':
      case 'O':
        return this.fmtInteger(v, 8, verb, false);
      case 'x':
        return this.fmtInteger(v, 16, verb, false);
      case 'X':
        return this.fmtInteger(v, 16, verb, true);
      case 'c':
        return this.pad(String.fromCodePoint(validRune(v)));
      case 'q':
        return this.pad(quoteRune(Number(v), this.f.plus));
      case 'U': {
        let s = 'U+' + v.toString(16).toUpperCase().padStart(4, '0');
        if (this.f.sharp && v >= 0n && v <= 0x10ffffn && isPrint(Number(v))) {
          s += " '" + String.fromCodePoint(Number(v)) + "'";
        }
        const oldZero = this.f.zero;
        this.f.zero = false;
        this.pad(s);
        this.f.zero = oldZero;
        return;
      }
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtFloatVerb(v: number, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        return this.fmtFloat(v, 'g', -1);
      case 'g':
      case 'G':
        return this.fmtFloat(v, verb, -1);
      case 'f':
      case 'e':
      case 'E':
        return this.fmtFloat(v, verb, 6);
      case 'F':
        return this.fmtFloat(v, 'f', 6);
      default:
        return this.badVerb(verb, arg);
    }
  }

  private fmtString(v: string, verb: string, arg: unknown): void {
    switch (verb) {
      case 'v':
        if (this.f.sharpV) return this.fmtQ(v);
        return this.pad(this.truncate(v));
      case 's':
        return this.pad(this.truncate(v));
      case 'x':
      case 'X':
        return this.fmtSx(v, verb === 'X');
      case 'q':
        return this.fmtQ(v);
      default:
        return this.badVerb(verb, arg);
    }
  }

  badVerb(verb: string, arg: unknown): void {
    this.out += '%!' + verb + '(';
    if (arg === null || arg === undefined) {
      this.out += '<nil>';
    } else {
      this.out += goTypeName(arg) + '=';
      this.printArg(arg, 'v', 0);
    }
    this.out += ')';
  }

  /** Prints one operand. depth > 0 means an element inside a slice or map (an interface{} value). */
  printArg(arg: unknown, verb: string, depth: number): void {
    const kind = goKind(arg);
    if (kind === 'invalid' || kind === 'nil') {
      if (depth > 0) {
        this.out += this.f.sharpV ? 'interface {}(nil)' : '<nil>';
        return;
      }
      if (verb === 'T' || verb === 'v') this.pad('<nil>');
      else this.badVerb(verb, arg);
      return;
    }
    if (verb === 'T' && depth === 0) {
      this.pad(this.truncate(goTypeName(arg)));
      return;
    }
    switch (kind) {
      case 'bool':
        return this.fmtBool(arg as boolean, verb, arg);
      case 'int':
        return this.fmtIntegerVerb(arg as bigint, verb, arg);
      case 'float64':
        return this.fmtFloatVerb(arg as number, verb, arg);
      case 'string':
        return this.fmtString(arg as string, verb, arg);
      case 'slice':
        return this.printSlice(arg as unknown[], verb, depth);
      case 'map':
        return this.printMap(arg as GoMap, verb, depth);
      case 'func':
        // Go prints the function's address; there is no stable equivalent.
        if (verb === 'v') this.pad('0x0');
        else this.badVerb(verb, arg);
        return;
    }
  }

  private printSlice(v: unknown[], verb: string, depth: number): void {
    if (this.f.sharpV) {
      this.out += '[]interface {}{';
      v.forEach((e, i) => {
        if (i > 0) this.out += ', ';
        this.printArg(e, verb, depth + 1);
      });
      this.out += '}';
      return;
    }
    this.out += '[';
    v.forEach((e, i) => {
      if (i > 0) this.out += ' ';
      this.printArg(e, verb, depth + 1);
    });
    this.out += ']';
  }

  private printMap(m: GoMap, verb: string, depth: number): void {
    this.out += this.f.sharpV ? 'map[string]interface {}{' : 'map[';
    mapEntries(m).forEach(([k, val], i) => {
      if (i > 0) this.out += this.f.sharpV ? ', ' : ' ';
      this.printArg(k, verb, depth + 1);
      this.out += ':';
      this.printArg(val, verb, depth + 1);
    });
    this.out += this.f.sharpV ? '}' : ']';
  }
}

/** fmt.Sprint: spaces between operands when neither side is a string. */
export function sprint(args: readonly unknown[]): string {
  const p = new Printer();
  let prevString = false;
  args.forEach((arg, i) => {
    const isString = typeof arg === 'string';
    if (i > 0 && !isString && !prevString) p.out += ' ';
    p.printArg(arg, 'v', 0);
    prevString = isString;
  });
  return p.out;
}

/** fmt.Sprintln: always spaces between operands, newline at the end. */
export function sprintln(args: readonly unknown[]): string {
  const p = new Printer();
  args.forEach((arg, i) => {
    if (i > 0) p.out += ' ';
    p.printArg(arg, 'v', 0);
  });
  return p.out + '\n';
}
