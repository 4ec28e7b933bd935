import { describe, expect, it } from 'vitest';
import {
  canonicalHeaderKey,
  extractBoundary,
  headerValue,
  parseHeaderBlock,
  parseMediaType,
  unfold,
  unfoldGo,
} from './mime';

describe('parseMediaType (Go mime.ParseMediaType)', () => {
  it.each([
    ['multipart/mixed; boundary=abc', 'multipart/mixed', { boundary: 'abc' }],
    ['Multipart/Alternative; BOUNDARY="a b;c"', 'multipart/alternative', { boundary: 'a b;c' }],
    ['text/plain; charset=utf-8;', 'text/plain', { charset: 'utf-8' }],
    ['text/plain;\tcharset=utf-8', 'text/plain', { charset: 'utf-8' }],
    ['text/plain; name="C:\\dir\\x.txt"', 'text/plain', { name: 'C:\\dir\\x.txt' }],
    ['text/plain; name="a\\"b"', 'text/plain', { name: 'a"b' }],
    ["text/plain; name*=UTF-8''%C3%A4.txt", 'text/plain', { name: 'ä.txt' }],
    ['text/plain; name*0="a"; name*1="b"', 'text/plain', { name: 'ab' }],
    ['text/plain; a=1; a=1', 'text/plain', { a: '1' }],
  ])('case=%s', (value, mediaType, params) => {
    const parsed = parseMediaType(value);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(parsed.mediaType).toBe(mediaType);
    expect(Object.fromEntries(parsed.params)).toEqual(params);
  });

  it.each([
    ['', 'mime: no media type'],
    ['text/', 'mime: expected token after slash'],
    ['text/plain extra', 'mime: unexpected content after media subtype'],
    ['text plain', 'mime: expected slash after first token'],
    ['text/plain; a=1; a=2', 'mime: duplicate parameter name'],
    ['text/plain; =x', 'mime: invalid media parameter'],
    ['multipart/mixed; boundary="unterminated', 'mime: invalid media parameter'],
  ])('case=error %j', (value, error) => {
    expect(parseMediaType(value)).toEqual({ error });
  });

  it('case=extractBoundary is empty on errors', () => {
    expect(extractBoundary('multipart/mixed; boundary="x')).toBe('');
    expect(extractBoundary('multipart/mixed; boundary=x')).toBe('x');
  });
});

describe('headers', () => {
  it.each([
    ['content-type', 'Content-Type'],
    ['MESSAGE-ID', 'Message-Id'],
    ['x-mailer', 'X-Mailer'],
    ['bad key', 'bad key'],
  ])('case=canonical %s', (key, canonical) => {
    expect(canonicalHeaderKey(key)).toBe(canonical);
  });

  it('case=header block: folding kept, invalid lines collected, body offset, LF-only input', () => {
    const block = parseHeaderBlock('Subject: one\r\n two\r\nno colon\r\nX-A:b\r\n\r\nbody');
    expect(block.headers).toEqual([
      ['Subject', 'one\r\n two'],
      ['X-A', 'b'],
    ]);
    expect(block.invalid).toEqual(['no colon']);
    expect(block.bodyStart).toBe('Subject: one\r\n two\r\nno colon\r\nX-A:b\r\n\r\n'.length);
    expect(parseHeaderBlock('A: 1\nB: 2\n\nx').headers).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(parseHeaderBlock('no headers at all').bodyStart).toBe('no headers at all'.length);
  });

  it('case=unfolding the RFC 5322 way and the Go textproto way', () => {
    expect(unfold('a\r\n  b\r\n\tc')).toBe('a  b\tc');
    expect(unfoldGo('a  \r\n  b\r\n\tc ')).toBe('a b c');
    expect(headerValue([['subject', 'x\r\n y']], 'Subject')).toBe('x y');
    expect(headerValue([], 'Subject')).toBeUndefined();
  });
});
