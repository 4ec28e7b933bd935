// html/template escaping. Expected outputs follow Go's tables in src/html/template/html.go
// (htmlReplacementTable, htmlNospaceReplacementTable), url.go (urlFilter, processURLOnto),
// js.go (jsStrReplacementTable, jsValEscaper) and escape.go (escapeText strips HTML comments).

import { describe, expect, it } from 'vitest';
import { parseTemplateSet, renderTemplate } from './index';

const cases: { name: string; tpl: string; data: unknown; want: string }[] = [
  {
    name: 'text specials',
    tpl: '<p>{{.}}</p>',
    data: `<b>"x" & 'y' + z</b>`,
    want: '<p>&lt;b&gt;&#34;x&#34; &amp; &#39;y&#39; &#43; z&lt;/b&gt;</p>',
  },
  { name: 'nul byte', tpl: '{{.}}', data: 'a\0b', want: 'a\uFFFDb' },
  {
    name: 'javascript url filtered',
    tpl: '<a href="{{.}}">x</a>',
    data: 'javascript:alert(1)',
    want: '<a href="#ZgotmplZ">x</a>',
  },
  {
    name: 'url normalized',
    tpl: '<a href="{{.}}">x</a>',
    data: 'https://x.test/a b?q=1&r=<2>',
    want: '<a href="https://x.test/a%20b?q=1&amp;r=%3c2%3e">x</a>',
  },
  {
    name: 'url query part escaped',
    tpl: '<a href="https://x.test/?q={{.}}">x</a>',
    data: 'a b&c=d',
    want: '<a href="https://x.test/?q=a%20b%26c%3dd">x</a>',
  },
  { name: 'mailto allowed', tpl: '<a href="{{.}}">', data: 'mailto:a@b.c', want: '<a href="mailto:a@b.c">' },
  { name: 'unquoted attr', tpl: '<a title={{.}}>x</a>', data: 'a b=c', want: '<a title=a&#32;b&#61;c>x</a>' },
  { name: 'single quoted attr', tpl: "<a title='{{.}}'>", data: "it's", want: "<a title='it&#39;s'>" },
  { name: 'html comment stripped', tpl: 'a<!-- hidden {{.}} -->b', data: 'x', want: 'ab' },
  { name: 'bare less-than escaped', tpl: '1 < 2 {{.}}', data: 'x', want: '1 &lt; 2 x' },
  { name: 'doctype kept', tpl: '<!DOCTYPE html><p>{{.}}</p>', data: 'x', want: '<!DOCTYPE html><p>x</p>' },
  {
    name: 'script json',
    tpl: '<script>var x = {{.}};</script>',
    data: { a: '</script>', n: 1 },
    want: '<script>var x = {"a":"\\u003c/script\\u003e","n":1};</script>',
  },
  {
    name: 'script number padded',
    tpl: '<script>var n = {{.}};</script>',
    data: 5,
    want: '<script>var n =  5 ;</script>',
  },
  {
    name: 'script string',
    tpl: '<script>var s = "{{.}}";</script>',
    data: `a"b'c</`,
    want: '<script>var s = "a\\u0022b\\u0027c\\u003c\\/";</script>',
  },
  {
    name: 'event handler attr',
    tpl: `<a onclick="f('{{.}}')">`,
    data: "x'y",
    want: `<a onclick="f('x\\u0027y')">`,
  },
  {
    name: 'style value',
    tpl: '<style>p { color: {{.}} }</style>',
    data: 'red',
    want: '<style>p { color: red }</style>',
  },
  {
    name: 'style value filtered',
    tpl: '<p style="color: {{.}}">',
    data: 'expression(x)',
    want: '<p style="color: ZgotmplZ">',
  },
  { name: 'missing value empty', tpl: '<p>{{.missing}}</p>', data: {}, want: '<p></p>' },
  { name: 'null value empty', tpl: '<p>{{.n}}</p>', data: { n: null }, want: '<p></p>' },
  {
    name: 'explicit html escaper kept',
    tpl: '<p>{{.x | html}}</p>',
    data: { x: 'a+b<' },
    want: '<p>a+b&lt;</p>',
  },
  { name: 'attribute name', tpl: '<input {{.}}>', data: 'checked', want: '<input checked>' },
  { name: 'attribute name filtered', tpl: '<input {{.}}>', data: 'onclick', want: '<input ZgotmplZ>' },
  { name: 'title rcdata', tpl: '<title>{{.}}</title>', data: '<b>', want: '<title>&lt;b&gt;</title>' },
  {
    name: 'template called in attr',
    tpl: '{{define "t"}}{{.}}{{end}}<a title="{{template "t" .}}">',
    data: '"q"',
    want: '<a title="&#34;q&#34;">',
  },
  {
    name: 'range in text',
    tpl: '<ul>{{range .}}<li>{{.}}</li>{{end}}</ul>',
    data: ['<a>', 'b'],
    want: '<ul><li>&lt;a&gt;</li><li>b</li></ul>',
  },
];

describe('html/template escaping', () => {
  for (const c of cases) {
    it(`case=${c.name}`, () => {
      expect(renderTemplate(c.tpl, c.data, 'html')).toBe(c.want);
    });
  }

  it('case=ends in non-text context is an error', () => {
    expect(() => renderTemplate('<a href="{{.}}', 'x', 'html')).toThrow(/ends in a non-text context/);
  });

  it('case=branches ending in different contexts is an error', () => {
    expect(() => renderTemplate('{{if .}}<a href="{{end}}x', true, 'html')).toThrow(
      /branches end in different contexts/,
    );
  });

  it('case=text mode does not escape', () => {
    expect(renderTemplate('<p>{{.}}</p>', '<b>', 'text')).toBe('<p><b></p>');
  });

  it('case=escaping result is reused across renders', () => {
    const set = parseTemplateSet({ t: '<p>{{.}}</p>' }, { mode: 'html' });
    expect(set.render('t', '<')).toBe('<p>&lt;</p>');
    expect(set.render('t', '>')).toBe('<p>&gt;</p>');
  });
});
