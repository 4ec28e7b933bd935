// Sprig functions, with expectations taken from Sprig's documented behaviour and Go semantics.

import { describe, expect, it } from 'vitest';
import { renderTemplate } from './index';

const r = (tpl: string, data: unknown = {}): string => renderTemplate(tpl, data, 'text');

const cases: [string, string, unknown, string][] = [
  [
    'upper lower title',
    '{{ upper "ab" }} {{ lower "AB" }} {{ title "hello wide world" }} {{ untitle "Hello" }}',
    {},
    'AB ab Hello Wide World hello',
  ],
  [
    'trim family',
    '{{ trim "  x  " }}|{{ trimAll "$" "$5.00$" }}|{{ "xyz" | trimPrefix "x" }}|{{ trimSuffix "z" "xyz" }}',
    {},
    'x|5.00|yz|xy',
  ],
  [
    'repeat substr trunc',
    '{{ repeat 3 "ab" }} {{ substr 1 3 "hello" }} {{ trunc 3 "hello" }} {{ trunc -2 "hello" }}',
    {},
    'ababab el hel lo',
  ],
  ['abbrev', '{{ abbrev 5 "hello world" }} {{ abbrevboth 5 10 "1234 5678 9123" }}', {}, 'he... ...5678...'],
  ['initials nospace', '{{ initials "John Ronald Tolkien" }} {{ nospace "a b\tc" }}', {}, 'JRT abc'],
  [
    'contains prefix suffix',
    '{{ contains "ell" "hello" }} {{ hasPrefix "he" "hello" }} {{ hasSuffix "x" "hello" }}',
    {},
    'true true false',
  ],
  ['quote squote cat', '{{ quote "a" 1 }} {{ squote "a" }} {{ cat "a" 1 nil "b" }}', {}, `"a" "1" 'a' a 1 b`],
  ['indent nindent', '{{ indent 2 "a\\nb" }}|{{ nindent 2 "a" }}', {}, '  a\n  b|\n  a'],
  [
    'replace plural',
    '{{ replace " " "-" "a b c" }} {{ plural "one" "many" 1 }} {{ plural "one" "many" 2 }}',
    {},
    'a-b-c one many',
  ],
  [
    'case conversion',
    '{{ snakecase "HelloWorld" }} {{ camelcase "hello_world" }} {{ kebabcase "HelloWorld" }} {{ swapcase "aBc" }}',
    {},
    'hello_world HelloWorld hello-world AbC',
  ],
  ['wrap', '{{ wrap 5 "hello world foo" }}', {}, 'hello\nworld\nfoo'],
  [
    'split join',
    '{{ $p := split "," "a,b" }}{{ $p._1 }} {{ join "-" (splitList "," "a,b,c") }} {{ splitn "," 2 "a,b,c" }}',
    {},
    'b a-b-c map[_0:a _1:b,c]',
  ],
  ['sortAlpha', '{{ sortAlpha (list "b" "a" "c") }}', {}, '[a b c]'],
  [
    'toString toJson',
    '{{ toString 1.5 }} {{ toJson . }}',
    { b: [1, 'x'], a: '<' },
    '1.5 {"a":"\\u003c","b":[1,"x"]}',
  ],
  ['toPrettyJson', '{{ toPrettyJson . }}', { a: 1 }, '{\n  "a": 1\n}'],
  ['fromJson', '{{ (fromJson "{\\"a\\": 2}").a }}', {}, '2'],
  [
    'b64 b32',
    '{{ b64enc "hello" }} {{ b64dec "aGVsbG8=" }} {{ b32enc "hi" }} {{ b32dec "NBUQ====" }}',
    {},
    'aGVsbG8= hello NBUQ==== hi',
  ],
  [
    'default empty coalesce',
    '{{ default "x" .missing }} {{ default "x" "y" }} {{ empty "" }} {{ coalesce 0 "" "z" }}',
    {},
    'x y true z',
  ],
  ['default piped', '{{ .name | default "anonymous" }}', { name: '' }, 'anonymous'],
  ['ternary', '{{ ternary "yes" "no" true }} {{ true | ternary "a" "b" }}', {}, 'yes a'],
  [
    'list functions',
    '{{ $l := list 1 2 3 2 }}{{ first $l }} {{ last $l }} {{ rest $l }} {{ initial $l }} {{ uniq $l }} {{ reverse $l }}',
    {},
    '1 2 [2 3 2] [1 2 3] [1 2 3] [2 3 2 1]',
  ],
  [
    'append prepend concat',
    '{{ append (list 1) 2 }} {{ prepend (list 1) 0 }} {{ concat (list 1) (list 2 3) }}',
    {},
    '[1 2] [0 1] [1 2 3]',
  ],
  [
    'has without compact',
    '{{ has 2 (list 1 2) }} {{ without (list 1 2 3) 2 }} {{ compact (list 1 "" 0 2) }}',
    {},
    'true [1 3] [1 2]',
  ],
  ['sprig slice', '{{ slice (list 1 2 3 4) 1 3 }}', {}, '[2 3]'],
  [
    'until seq',
    '{{ until 3 }} {{ untilStep 0 10 4 }} {{ seq 3 }} {{ seq 2 -1 }}',
    {},
    '[0 1 2] [0 4 8] 1 2 3 2 1 0 -1',
  ],
  [
    'dict functions',
    '{{ $d := dict "a" 1 "b" 2 }}{{ get $d "a" }} {{ hasKey $d "b" }} {{ keys $d }} {{ values $d }} {{ pick $d "a" }} {{ omit $d "a" }}',
    {},
    '1 true [a b] [1 2] map[a:1] map[b:2]',
  ],
  [
    'set unset pluck',
    '{{ $d := dict "a" 1 }}{{ $_ := set $d "b" 2 }}{{ $d }} {{ unset $d "a" }} {{ pluck "x" (dict "x" 1) (dict "y" 2) }}',
    {},
    'map[a:1 b:2] map[b:2] [1]',
  ],
  ['dig', '{{ dig "a" "b" "none" . }} {{ dig "a" "z" "none" . }}', { a: { b: 'deep' } }, 'deep none'],
  [
    'arithmetic',
    '{{ add 1 2 3 }} {{ add1 5 }} {{ sub 5 2 }} {{ div 7 2 }} {{ mod 7 3 }} {{ mul 2 3 4 }} {{ max 1 5 3 }} {{ min 4 2 }}',
    {},
    '6 6 3 3 1 24 5 2',
  ],
  ['arithmetic on json floats', '{{ add .n 1 }} {{ int .n }} {{ float64 "1.5" }}', { n: 2.7 }, '3 2 1.5'],
  ['floor ceil round', '{{ floor 1.7 }} {{ ceil 1.2 }} {{ round 3.14159 2 }}', {}, '1 2 3.14'],
  ['atoi', '{{ atoi "42" }} {{ atoi "x" }}', {}, '42 0'],
  [
    'regex',
    '{{ regexMatch "^[a-z]+$" "abc" }} {{ regexFind "[0-9]+" "ab12cd34" }} {{ regexFindAll "[0-9]" "a1b2c3" 2 }} {{ regexReplaceAll "a(x*)b" "-ab-axxb-" "${1}W" }} {{ regexReplaceAllLiteral "a(x*)b" "-ab-" "${1}" }} {{ regexSplit "z+" "pizza" -1 }}',
    {},
    'true 12 [1 2] -W-xxW- -${1}- [pi a]',
  ],
  [
    'hashes',
    '{{ sha256sum "abc" }} {{ sha1sum "abc" }} {{ adler32sum "abc" }}',
    {},
    'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad a9993e364706816aba3e25717850c26c9cd0d89d 38600999',
  ],
  [
    'reflection',
    '{{ typeOf 1.5 }} {{ typeOf "s" }} {{ kindOf (list 1) }} {{ kindIs "map" . }} {{ typeIs "string" "x" }} {{ deepEqual (list 1) (list 1) }}',
    {},
    'float64 string slice true true true',
  ],
  [
    'urlParse',
    '{{ $u := urlParse "https://user@x.test:8080/p/a?q=1#frag" }}{{ $u.scheme }} {{ $u.host }} {{ $u.hostname }} {{ $u.path }} {{ $u.query }} {{ $u.fragment }} {{ $u.userinfo }}',
    {},
    'https x.test:8080 x.test /p/a q=1 frag user',
  ],
  [
    'urlJoin',
    '{{ urlJoin (dict "scheme" "https" "host" "x.test" "path" "/a" "query" "b=1") }}',
    {},
    'https://x.test/a?b=1',
  ],
];

describe('sprig functions', () => {
  for (const [name, tpl, data, want] of cases) {
    it(`case=${name}`, () => {
      expect(r(tpl, data)).toBe(want);
    });
  }

  it('case=fail reports its message', () => {
    expect(() => r('{{ fail "boom" }}')).toThrow(/error calling fail: boom/);
  });

  it('case=wrong argument type', () => {
    expect(() => r('{{ upper .n }}', { n: 1 })).toThrow(/wrong type for value; expected string; got float64/);
  });

  it('case=non-hermetic functions are not defined', () => {
    for (const f of ['now', 'env', 'uuidv4', 'randAlphaNum', 'date']) {
      expect(() => r(`{{ ${f} }}`)).toThrow(`function "${f}" not defined`);
    }
  });

  it('case=builtin funcs option has sprig too, none has only Go builtins', () => {
    expect(renderTemplate('{{ upper "a" }}', {}, 'text', 'builtin')).toBe('A');
    expect(() => renderTemplate('{{ upper "a" }}', {}, 'text', 'none')).toThrow(
      'function "upper" not defined',
    );
  });
});
