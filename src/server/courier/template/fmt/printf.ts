// Go's fmt.Sprintf (doPrintf in fmt/print.go): flags, widths, precisions, `*` arguments,
// explicit argument indexes and the BADINDEX/MISSING/EXTRA/NOVERB error forms.

import { goTypeName } from '../values';
import { clearFlags } from './format';
import { Printer } from './print';

function parseNum(s: string, start: number, end: number): [num: number, ok: boolean, next: number] {
  let num = 0;
  let ok = false;
  let i = start;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (num > 1e6) return [0, false, end];
    num = num * 10 + (c - 48);
    ok = true;
  }
  return [num, ok, i];
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly unknown[]): string {
  const p = new Printer();
  const end = format.length;
  let argNum = 0;
  let afterIndex: boolean;
  let reordered = false;
  let goodArgNum: boolean;

  const argNumber = (i: number): [number, number, boolean] => {
    if (i >= end || format[i] !== '[') return [argNum, i, false];
    reordered = true;
    const rest = format.slice(i);
    let index = 0;
    let wid = 1;
    let ok = false;
    if (rest.length >= 3) {
      const close = rest.indexOf(']', 1);
      if (close > 0) {
        const [n, numOk, next] = parseNum(rest, 1, close);
        wid = close + 1;
        if (numOk && next === close) {
          index = n - 1;
          ok = true;
        }
      }
    }
    if (ok && index >= 0 && index < args.length) return [index, i + wid, true];
    goodArgNum = false;
    return [argNum, i + wid, ok];
  };

  const intFromArg = (): [number, boolean] => {
    if (argNum >= args.length) return [0, false];
    const a = args[argNum];
    argNum++;
    if (typeof a === 'bigint' && a >= -1000000n && a <= 1000000n) return [Number(a), true];
    return [0, false];
  };

  let i = 0;
  while (i < end) {
    goodArgNum = true;
    const lasti = i;
    while (i < end && format[i] !== '%') i++;
    if (i > lasti) p.out += format.slice(lasti, i);
    if (i >= end) break;
    i++;
    p.f = clearFlags();
    const f = p.f;
    let simpleDone = false;
    flags: for (; i < end; i++) {
      const c = format[i] ?? '';
      switch (c) {
        case '#':
          f.sharp = true;
          break;
        case '0':
          f.zero = true;
          break;
        case '+':
          f.plus = true;
          break;
        case '-':
          f.minus = true;
          break;
        case ' ':
          f.space = true;
          break;
        default:
          if (c >= 'a' && c <= 'z' && argNum < args.length) {
            if (c === 'v') {
              f.sharpV = f.sharp;
              f.sharp = false;
              f.plusV = f.plus;
              f.plus = false;
            }
            p.printArg(args[argNum], c, 0);
            argNum++;
            i++;
            simpleDone = true;
          }
          break flags;
      }
    }
    if (simpleDone) continue;

    [argNum, i, afterIndex] = argNumber(i);

    if (i < end && format[i] === '*') {
      i++;
      [f.wid, f.widPresent] = intFromArg();
      if (!f.widPresent) p.out += '%!(BADWIDTH)';
      if (f.wid < 0) {
        f.wid = -f.wid;
        f.minus = true;
        f.zero = false;
      }
      afterIndex = false;
    } else {
      [f.wid, f.widPresent, i] = parseNum(format, i, end);
      if (afterIndex && f.widPresent) goodArgNum = false;
    }

    if (i + 1 < end && format[i] === '.') {
      i++;
      if (afterIndex) goodArgNum = false;
      [argNum, i, afterIndex] = argNumber(i);
      if (i < end && format[i] === '*') {
        i++;
        [f.prec, f.precPresent] = intFromArg();
        if (f.prec < 0) {
          f.prec = 0;
          f.precPresent = false;
        }
        if (!f.precPresent) p.out += '%!(BADPREC)';
        afterIndex = false;
      } else {
        [f.prec, f.precPresent, i] = parseNum(format, i, end);
        if (!f.precPresent) {
          f.prec = 0;
          f.precPresent = true;
        }
      }
    }

    if (!afterIndex) [argNum, i] = argNumber(i);

    if (i >= end) {
      p.out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i) ?? 0);
    i += verb.length;

    if (verb === '%') {
      p.out += '%';
    } else if (!goodArgNum) {
      p.out += '%!' + verb + '(BADINDEX)';
    } else if (argNum >= args.length) {
      p.out += '%!' + verb + '(MISSING)';
    } else {
      if (verb === 'v') {
        f.sharpV = f.sharp;
        f.sharp = false;
        f.plusV = f.plus;
        f.plus = false;
      }
      p.printArg(args[argNum], verb, 0);
      argNum++;
    }
  }

  if (!reordered && argNum < args.length) {
    p.f = clearFlags();
    p.out += '%!(EXTRA ';
    args.slice(argNum).forEach((arg, k) => {
      if (k > 0) p.out += ', ';
      if (arg === null || arg === undefined) p.out += '<nil>';
      else {
        p.out += goTypeName(arg) + '=';
        p.printArg(arg, 'v', 0);
      }
    });
    p.out += ')';
  }
  return p.out;
}
