// Go RE2 regular expressions mapped onto JS RegExp. The common subset (classes, groups,
// quantifiers, anchors, \d \w \s \b) behaves the same; we translate named groups (?P<n>...) and
// leading inline flags (?i) (?s) (?m). Patterns JS rejects are reported as compile errors.
// Also Sprig's regex* functions.

import { def, type FuncDef } from '../funcs';

export function goRegExp(re: string): RegExp | null {
  let src = re.replaceAll('(?P<', '(?<');
  let flags = 'u';
  const m = /^\(\?([imsU]+)\)/.exec(src);
  if (m) {
    const f = m[1] ?? '';
    if (f.includes('i')) flags += 'i';
    if (f.includes('s')) flags += 's';
    if (f.includes('m')) flags += 'm';
    src = src.slice(m[0].length);
  }
  try {
    return new RegExp(src, flags);
  } catch {
    return null;
  }
}

/**
 * Go's Regexp.Expand for ReplaceAllString: $1, ${1}, $name, ${name} and $$.
 * `m` is the argument list String.prototype.replace passes to a replacer function.
 */
export function goExpand(template: string, m: unknown[]): string {
  const last = m[m.length - 1];
  const groups =
    typeof last === 'object' && last !== null ? (last as Record<string, string | undefined>) : undefined;
  const numbered = m.slice(0, typeof last === 'object' && last !== null ? -3 : -2) as (string | undefined)[];
  const lookup = (name: string): string => {
    if (/^\d+$/.test(name)) return numbered[Number(name)] ?? '';
    return groups?.[name] ?? '';
  };
  return template.replace(
    /\$(?:\$|\{([A-Za-z0-9_]+)\}|([A-Za-z0-9_]+))/g,
    (all: string, braced?: string, bare?: string) => {
      if (all === '$$') return '$';
      return lookup(braced ?? bare ?? '');
    },
  );
}

function mustCompile(re: string): RegExp {
  const r = goRegExp(re);
  if (r === null) throw new Error(`regexp: Compile(${JSON.stringify(re)}): error parsing regexp`);
  return r;
}

function findAll(re: string, s: string, n: bigint): string[] {
  const r = mustCompile(re);
  const out: string[] = [];
  for (const m of s.matchAll(new RegExp(r.source, r.flags + 'g'))) {
    if (n >= 0n && BigInt(out.length) >= n) break;
    out.push(m[0]);
  }
  return out;
}

function regexSplit(re: string, s: string, n: bigint): string[] {
  if (n === 0n) return [];
  const r = new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g');
  if (re.length > 0 && s.length === 0) return [''];
  const out: string[] = [];
  let beg = 0;
  for (const m of s.matchAll(r)) {
    if (n > 0n && BigInt(out.length) === n - 1n) break;
    const end = m.index;
    if (m[0].length === 0 && end === 0) continue;
    out.push(s.slice(beg, end));
    beg = end + m[0].length;
  }
  out.push(s.slice(beg));
  return out;
}

export const REGEX_FUNCS: [string, FuncDef][] = [
  // regex (Go RE2 syntax translated to JS where they agree)
  ['regexMatch', def(['string', 'string'], (re: string, s: string) => goRegExp(re)?.test(s) ?? false)],
  ['mustRegexMatch', def(['string', 'string'], (re: string, s: string) => mustCompile(re).test(s))],
  ['regexFindAll', def(['string', 'string', 'int'], findAll)],
  ['mustRegexFindAll', def(['string', 'string', 'int'], findAll)],
  ['regexFind', def(['string', 'string'], (re: string, s: string) => mustCompile(re).exec(s)?.[0] ?? '')],
  ['mustRegexFind', def(['string', 'string'], (re: string, s: string) => mustCompile(re).exec(s)?.[0] ?? '')],
  [
    'regexReplaceAll',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), (...m: unknown[]) =>
        goExpand(repl, m),
      ),
    ),
  ],
  [
    'mustRegexReplaceAll',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), (...m: unknown[]) =>
        goExpand(repl, m),
      ),
    ),
  ],
  [
    'regexReplaceAllLiteral',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), () => repl),
    ),
  ],
  [
    'mustRegexReplaceAllLiteral',
    def(['string', 'string', 'string'], (re: string, s: string, repl: string) =>
      s.replace(new RegExp(mustCompile(re).source, mustCompile(re).flags + 'g'), () => repl),
    ),
  ],
  ['regexSplit', def(['string', 'string', 'int'], regexSplit)],
  ['mustRegexSplit', def(['string', 'string', 'int'], regexSplit)],
  ['regexQuoteMeta', def(['string'], (s: string) => s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&'))],
];
