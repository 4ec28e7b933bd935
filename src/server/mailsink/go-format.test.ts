import { describe, expect, it } from 'vitest';
import { goJson, goTimeJson, parseMailDate, rfc1123z, slurperDate } from './go-format';

const at = Date.UTC(2026, 10, 21, 9, 5, 7, 120);

describe('Go time formats', () => {
  it.each([
    [at, 0, 0, '2026-11-21T09:05:07.12Z'],
    [at, 456_789, 0, '2026-11-21T09:05:07.120456789Z'],
    [Date.UTC(2026, 0, 1), 0, 0, '2026-01-01T00:00:00Z'],
    [at, 0, 120, '2026-11-21T11:05:07.12+02:00'],
    [at, 0, -330, '2026-11-21T03:35:07.12-05:30'],
  ])('case=RFC3339Nano %#', (ms, nanos, offset, text) => {
    expect(goTimeJson(ms, nanos, offset)).toBe(text);
  });

  it('case=RFC1123Z and MailSlurper dates', () => {
    expect(rfc1123z(at)).toBe('Sat, 21 Nov 2026 09:05:07 +0000');
    expect(rfc1123z(at, -420)).toBe('Sat, 21 Nov 2026 02:05:07 -0700');
    expect(slurperDate(at, 60)).toBe('2026-11-21 10:05:07');
  });
});

describe('parseMailDate', () => {
  it.each([
    ['Sat, 21 Nov 2026 10:05:07 +0100', at - 120, 60],
    ['21 Nov 2026 09:05:07 GMT', at - 120, 0],
    ['Sat, 21 Nov 26 09:05:07 +0000', at - 120, 0],
    ['Sat,  1 Aug 2026 01:02 -0700 (PDT)', Date.UTC(2026, 7, 1, 8, 2), -420],
    ['Mon, 02 Jan 2006 15:04:05 EST', Date.UTC(2006, 0, 2, 20, 4, 5), -300],
  ])('case=%s', (value, ms, offset) => {
    expect(parseMailDate(value)).toEqual({ ms, offsetMinutes: offset });
  });

  it.each([[undefined], [''], ['yesterday'], ['32 Jan 2026 10:00:00 +0000'], ['1 Foo 2026 10:00 +0000']])(
    'case=unreadable %j',
    (value) => {
      expect(parseMailDate(value)).toBeNull();
    },
  );
});

describe('goJson', () => {
  it('case=HTML-sensitive characters and line separators are escaped like Go', () => {
    expect(goJson({ a: '<a href="x">&</a>\u2028\u2029' })).toBe(
      '{"a":"\\u003ca href=\\"x\\"\\u003e\\u0026\\u003c/a\\u003e\\u2028\\u2029"}',
    );
    expect(goJson({ a: [], b: {} }, 2)).toBe('{\n  "a": [],\n  "b": {}\n}');
  });
});
