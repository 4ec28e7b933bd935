import { describe, expect, it } from 'vitest';
import { goFixed2, goFloat, goQuote, goTimeJSON, goTimeString, goUnix } from './gofmt';

describe('goFloat (%v of float64)', () => {
  it.each([
    [0, '0'],
    [1, '1'],
    [1200, '1200'],
    [-3.5, '-3.5'],
    [0.1, '0.1'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [123456, '123456'],
    [1000000, '1e+06'],
    [1234567, '1.234567e+06'],
    [1e21, '1e+21'],
    [1.5e-300, '1.5e-300'],
    [Infinity, '+Inf'],
    [NaN, 'NaN'],
  ])('case=%s', (x, want) => {
    expect(goFloat(x)).toBe(want);
  });
});

describe('goFixed2 (%.2f)', () => {
  it.each([
    [2, '2.00'],
    [60, '60.00'],
    [0.016666666666666666, '0.02'],
    [0.125, '0.12'], // Go rounds exact ties to even; toFixed would say 0.13
    [0.375, '0.38'],
    [0.625, '0.62'],
    [2.875, '2.88'],
    [1.005, '1.00'], // 1.005 is really 1.00499999999999989...
    [-0.125, '-0.12'],
  ])('case=%s', (x, want) => {
    expect(goFixed2(x)).toBe(want);
  });
});

describe('goQuote (%q)', () => {
  it.each([
    ['abc', '"abc"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['^[0-9]+$', '"^[0-9]+$"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['\u0001', '"\\x01"'],
    ['\u007f', '"\\x7f"'],
    ['\u2028', '"\\u2028"'],
    ['héllo ✓', '"héllo ✓"'],
  ])('case=%j', (s, want) => {
    expect(goQuote(s)).toBe(want);
  });
});

describe('times', () => {
  it('formats like encoding/json and %s of a UTC time.Time', () => {
    const d = new Date('2024-03-05T07:08:09.120Z');
    expect(goTimeJSON(d)).toBe('2024-03-05T07:08:09.12Z');
    expect(goTimeString(d)).toBe('2024-03-05 07:08:09.12 +0000 UTC');
    expect(goTimeJSON(new Date('2024-03-05T07:08:09Z'))).toBe('2024-03-05T07:08:09Z');
    expect(goUnix(d)).toBe(1709622489);
  });
});
