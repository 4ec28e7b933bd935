// Go RE2 regular expressions mapped onto JS RegExp. The common subset (classes, groups,
// quantifiers, anchors, \d \w \s \b) behaves the same; we translate named groups (?P<n>...) and
// leading inline flags (?i) (?s) (?m). Patterns JS rejects are reported as compile errors.

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
